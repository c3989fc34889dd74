/**
 * The microsimulation on worker threads (piscina, via the shared WorkerPool). The
 * persons' blocks are cut into contiguous ranges, one task per range; each block's
 * random stream comes from the seed and the block's index, and the ranges'
 * occupancies are added in range order, so the result is identical for any number
 * of workers.
 */
import { blockRangePersons, type BlockRangeTask, type StateArray } from "../engine/microsim/step.js";
import type { Sampler } from "../engine/microsim/tables.js";
import type { PersonsTask } from "../engine/microsim/job.js";
import type { MicrosimTask } from "./microsim-task.js";
import { defaultWorkers, splitRange, WorkerPool } from "./workers.js";
import { packageFile } from "../package-files.js";
import { CLI } from "../locale/messages-cli.js";

/** The task module as bundled by the build (bin/bundle-cli.mjs): a thread loads a few files, not a hundred. */
const TASK_URL = packageFile("dist/bundle/microsim-task.js");

/** A whole population to simulate; the pool cuts it into block ranges. */
export interface MicrosimJob {
  sampler: Sampler;
  persons: number;
  blockSize: number;
  seed: number | bigint;
  steps: number;
  matrixOfStep?: Int32Array | null;
  /** Initial state per person; omitted: person p starts in p mod S (microsim-v1). */
  initialStates?: StateArray | null;
}

/** The block-range tasks of a job, `parts` contiguous ranges in block order. */
export function jobTasks(job: MicrosimJob, parts: number): BlockRangeTask[] {
  const blocks = Math.ceil(job.persons / job.blockSize);
  return splitRange(blocks, parts).map(([firstBlock, blockCount]) => {
    const task: BlockRangeTask = {
      sampler: job.sampler,
      persons: job.persons,
      blockSize: job.blockSize,
      firstBlock,
      blockCount,
      seed: job.seed,
      steps: job.steps,
      matrixOfStep: job.matrixOfStep ?? null,
    };
    if (job.initialStates) {
      const { first, count } = blockRangePersons(task);
      task.initialStates = job.initialStates.slice(first, first + count);
    }
    return task;
  });
}

/** Adds the ranges' occupancies in order (counts are integers, so this is exact). */
export function sumInOrder(parts: readonly Float64Array[], length: number): Float64Array {
  const total = new Float64Array(length);
  for (const part of parts) {
    if (part.length !== length) throw new Error(`a microsim worker returned ${part.length} counts, expected ${length}`);
    for (let k = 0; k < length; k++) total[k] += part[k];
  }
  return total;
}

export interface PoolOptions {
  /** Worker threads; default os.availableParallelism(). */
  workers?: number;
}

/** A reusable pool of microsim worker threads; call destroy() when done. */
export class MicrosimPool {
  readonly workers: number;
  private readonly pool: WorkerPool<MicrosimTask, Float64Array>;

  constructor(options: PoolOptions = {}) {
    this.pool = new WorkerPool(TASK_URL, options.workers ?? defaultWorkers());
    this.workers = this.pool.workers;
  }

  /** Simulates a job, one block range per thread; resolves to its steps x S occupancy. */
  async run(job: MicrosimJob): Promise<Float64Array> {
    // Tasks and results travel as copies, no transfers: see microsim-task.ts.
    const parts = await this.pool.runAll(
      jobTasks(job, this.workers),
      (task) => CLI.blocksTask((task as BlockRangeTask).firstBlock, (task as BlockRangeTask).firstBlock + (task as BlockRangeTask).blockCount - 1),
    );
    return sumInOrder(parts, job.steps * job.sampler.stateCount);
  }

  /**
   * Runs one batch of a scenario microsimulation's block ranges (persons.ts) on a
   * thread; resolves to its counts, unit after unit.
   */
  async runPersons(task: PersonsTask, describe: string): Promise<Float64Array> {
    const [counts] = await this.pool.runAll([task], () => describe);
    return counts;
  }

  /** Stops the threads (a live pool keeps the process running). */
  async destroy(): Promise<void> {
    await this.pool.destroy();
  }
}

/** Runs one job on a fresh pool and always destroys the pool afterwards. */
export async function runInPool(job: MicrosimJob, options: PoolOptions = {}): Promise<Float64Array> {
  const pool = new MicrosimPool(options);
  try {
    return await pool.run(job);
  } finally {
    await pool.destroy();
  }
}
