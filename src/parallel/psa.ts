/**
 * Probabilistic runs over worker threads: runs are cut into contiguous ranges, each
 * range runs in a worker (or in this thread for one worker), and the ranges are put
 * back in run order, so the values are identical for any number of workers.
 */
import { setImmediate } from "node:timers/promises";
import { psaRuns, runSize, type PsaSpec } from "../simulate/psa.js";
import type { Model } from "../model/model.js";
import type { ScenarioFile } from "../model/schema.js";
import { splitRange, WorkerPool } from "./workers.js";
import type { PsaTask } from "./psa-task.js";
import { packageFile } from "../package-files.js";
import { CLI } from "../locale/messages-cli.js";

export interface PsaJob {
  /**
   * The scenario as parsed and checked here, with its macro sets written in, and its
   * file's name: the workers compile it themselves, without parsing it again (a thread
   * that loads no schema starts sooner).
   */
  scenario: ScenarioFile;
  file: string;
  horizonYears?: number;
  spec: PsaSpec;
  runs: number;
  workers: number;
  /** Tests: make the worker that runs this run index throw. */
  failAt?: number;
  /** Called with the number of finished runs (progress). */
  onProgress?: (done: number) => void;
  /** Called once the threads run (or, with one worker, when the runs start). */
  onStart?: () => void;
}

let active: WorkerPool<PsaTask, Float64Array> | undefined;

/** Stops running workers (Ctrl-C). */
export async function stopPsaWorkers(): Promise<void> {
  await active?.destroy();
}

export async function runPsa(model: Model, job: PsaJob): Promise<Float64Array> {
  const size = runSize(model, job.spec);
  if (job.workers === 1 && job.failAt === undefined) {
    job.onStart?.();
    const out = new Float64Array(job.runs * size);
    for (const [first, count] of splitRange(job.runs, Math.ceil(job.runs / 50))) {
      out.set(psaRuns(model, job.spec, first, count), first * size);
      job.onProgress?.(first + count);
      await setImmediate(); // lets Ctrl-C in between ranges
    }
    return out;
  }
  // A few ranges per worker keep both threads busy to the end and give progress.
  const ranges = splitRange(job.runs, job.workers * 8);
  // The task module as bundled by the build (bin/bundle-cli.mjs): its threads start sooner.
  const pool = new WorkerPool<PsaTask, Float64Array>(packageFile("dist/bundle/psa-task.js"), job.workers);
  active = pool;
  job.onStart?.();
  let done = 0;
  try {
    const parts = await pool.runAll(
      ranges.map(([first, count]) => ({ scenario: job.scenario, file: job.file, horizonYears: job.horizonYears, spec: job.spec, first, count, failAt: job.failAt })),
      (task) => CLI.runsTask(task.first, task.first + task.count - 1),
      (task) => job.onProgress?.((done += task.count)),
    );
    const out = new Float64Array(job.runs * size);
    parts.forEach((part, k) => {
      const [first, count] = ranges[k];
      if (part.length !== count * size) throw new Error(`a worker returned ${part.length} values for ${count} runs, expected ${count * size}`);
      out.set(part, first * size);
    });
    return out;
  } finally {
    active = undefined;
    await pool.destroy();
  }
}
