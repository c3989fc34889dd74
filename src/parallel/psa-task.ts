/**
 * Worker-thread entry for probabilistic runs: compiles the scenario once per thread
 * and runs a contiguous range of runs. The values go back as a transferable buffer.
 */
import { Piscina } from "piscina";
import { parseScenario } from "../model/parse.js";
import { compileScenario } from "../model/compile.js";
import type { Model } from "../model/model.js";
import { psaRuns, type PsaSpec } from "../psa.js";

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

let cached: { key: string; model: Promise<Model> } | undefined;

export default async function psaTask(task: PsaTask) {
  const key = `${task.file}\n${task.horizonYears}\n${task.text}`;
  if (cached?.key !== key) cached = { key, model: compileScenario(parseScenario(task.text, task.file), task.file, { horizonYears: task.horizonYears }) };
  if (task.failAt !== undefined && task.failAt >= task.first && task.failAt < task.first + task.count) {
    throw new Error(`injected failure in run ${task.failAt}`);
  }
  const values = psaRuns(await cached.model, task.spec, task.first, task.count);
  return Piscina.move(values);
}
