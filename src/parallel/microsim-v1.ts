/**
 * The microsim-v1 benchmark workload (docs/microsim-v1.md) through the same path a
 * scenario's microsimulation takes: matrix -> sampler (engine/microsim/tables.ts) ->
 * block ranges -> kernel (engine/microsim/step.ts), on the calling thread or split
 * over piscina workers.
 */
import { availableParallelism } from "node:os";
import { runBlockRange } from "../engine/microsim/step.js";
import { buildSampler, type SamplingMethod } from "../engine/microsim/tables.js";
import { microsimChecksum, microsimV1Matrix, V1_BLOCK, V1_SIM_SEED, V1_STATES } from "../engine/microsim/v1.js";
import { MicrosimPool, runInPool, type MicrosimJob } from "./microsim-pool.js";

export { advanceBlocks, runBlockRange, type BlockRun, type BlockRangeTask, type StateArray } from "../engine/microsim/step.js";
export { buildSampler, type Sampler, type SamplingMethod } from "../engine/microsim/tables.js";
export { microsimChecksum, microsimV1Matrix, v1Golden, V1_GOLDEN } from "../engine/microsim/v1.js";
export { MicrosimPool, runInPool, type MicrosimJob } from "./microsim-pool.js";

export interface RunOptions {
  /**
   * 1 runs on the calling thread; more splits the blocks over that many piscina
   * worker threads (same result either way). Default os.availableParallelism().
   */
  workers?: number;
  /** A pool to reuse (its own worker count then applies); it is left running. */
  pool?: MicrosimPool;
}

/**
 * Simulates a job; returns its steps x S occupancy. With workers 1 (and no pool) the
 * job runs on this thread as one block range, otherwise on a pool.
 */
export async function runMicrosimJob(job: MicrosimJob, options: RunOptions = {}): Promise<Float64Array> {
  if (options.pool) return options.pool.run(job);
  const workers = options.workers ?? availableParallelism();
  if (!Number.isInteger(workers) || workers < 1) {
    throw new RangeError(`workers must be a whole number of at least 1, got ${workers}`);
  }
  if (workers === 1) {
    return runBlockRange({ ...job, firstBlock: 0, blockCount: Math.ceil(job.persons / job.blockSize) });
  }
  return runInPool(job, { workers });
}

export interface MicrosimV1Options extends RunOptions {
  /** Persons N (spec: 1,000,000). */
  n: number;
  /** Monthly steps T (spec: 120). */
  t: number;
  /** Base seed of the block streams (spec: 12345). */
  seed?: number | bigint;
  method: SamplingMethod;
}

export interface MicrosimV1Result {
  /** T x S counts; row t - 1 = occupancy after step t. */
  occupancy: Float64Array;
  checksum: number;
}

/**
 * Runs microsim-v1: N persons, person p starting in state p mod 12, T steps of the
 * spec's matrix with 1024-person streams.
 *
 * @example
 * const { checksum } = await runMicrosimV1({ n: 20_000, t: 24, method: "alias", workers: 1 });
 * // checksum === 69330715
 */
export async function runMicrosimV1(options: MicrosimV1Options): Promise<MicrosimV1Result> {
  const { n, t, method } = options;
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`n must be a positive whole number, got ${n}`);
  if (!Number.isSafeInteger(t) || t < 1) throw new RangeError(`t must be a positive whole number, got ${t}`);
  const job: MicrosimJob = {
    sampler: buildSampler(method, microsimV1Matrix(), V1_STATES),
    persons: n,
    blockSize: V1_BLOCK,
    seed: options.seed ?? V1_SIM_SEED,
    steps: t,
  };
  const occupancy = await runMicrosimJob(job, options);
  return { occupancy, checksum: microsimChecksum(occupancy) };
}
