/**
 * Worker-thread entry for probabilistic runs: compiles the scenario once per thread
 * and runs a contiguous range of runs. The values go back as a structured-clone copy,
 * not a moved buffer: the first detached ArrayBuffer in a V8 thread makes its later
 * typed-array code slower (see microsim-task.ts), and a copy of a few MB is cheap.
 */
import { parseScenario } from "../model/parse.js";
import { compileScenario } from "../model/compile/index.js";
import type { Model } from "../model/model.js";
import { psaRuns, type PsaSpec } from "../simulate/psa.js";
import { asWorkerTask } from "./workers.js";

export interface PsaTask {
  text: string;
  file: string;
  horizonYears?: number;
  spec: PsaSpec;
  first: number;
  count: number;
  /** For tests of failure handling: throw in the run with this index. */
  failAt?: number;
}

let cached: { key: string; model: Model } | undefined;

export default function psaTask(task: PsaTask) {
  return asWorkerTask(() => runTask(task));
}

function runTask(task: PsaTask): Float64Array {
  const key = `${task.file}\n${task.horizonYears}\n${task.text}`;
  if (cached?.key !== key) cached = { key, model: compileScenario(parseScenario(task.text, task.file), task.file, { horizonYears: task.horizonYears }) };
  if (task.failAt !== undefined && task.failAt >= task.first && task.failAt < task.first + task.count) {
    throw new Error(`injected failure in run ${task.failAt}`);
  }
  return psaRuns(cached.model, task.spec, task.first, task.count);
}
