/**
 * Worker-thread entry for probabilistic runs: compiles the scenario once per thread
 * (from the spec the main thread parsed and checked: the thread loads no schema) and
 * runs a contiguous range of runs. The values go back as a structured-clone copy,
 * not a moved buffer: the first detached ArrayBuffer in a V8 thread makes its later
 * typed-array code slower (see microsim-task.ts), and a copy of a few MB is cheap.
 */
import { compileScenario } from "../model/compile/index.js";
import type { Model } from "../model/model.js";
import type { ScenarioFile } from "../model/schema.js";
import { psaRuns, type PsaSpec } from "../simulate/psa.js";
import { asWorkerTask } from "./workers.js";

export interface PsaTask {
  scenario: ScenarioFile;
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
  const key = `${task.file}\n${task.horizonYears}\n${JSON.stringify(task.scenario)}`;
  if (cached?.key !== key) cached = { key, model: compileScenario(task.scenario, task.file, { horizonYears: task.horizonYears }) };
  if (task.failAt !== undefined && task.failAt >= task.first && task.failAt < task.first + task.count) {
    throw new Error(`injected failure in run ${task.failAt}`);
  }
  return psaRuns(cached.model, task.spec, task.first, task.count);
}
