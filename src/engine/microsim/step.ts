/**
 * The microsimulation kernel: persons step through a Markov chain, one u32 draw per
 * person per step, and the occupancy per (step, state) is counted.
 *
 * Persons are grouped in blocks (1024 in microsim-v1); block b owns one xoshiro128**
 * stream, consumed "for each step, for each person of the block in order". The kernel
 * runs block by block (all steps of a block, then the next block), which draws in
 * exactly that order, so the result does not depend on how blocks are split over
 * calls or threads. Calling it again with the advanced states and streams continues
 * the simulation, so a caller may also go step by step.
 *
 * Speed (the hot loops below): the four generator words stay in local int32
 * variables for a whole block; the block's states, its counts and the sampling
 * tables share one Int32Array workspace (one array to check, and V8 reloads fewer
 * bases per person); all arithmetic is int32 (Math.imul, shifts), with no branch
 * in the alias path. See tables.ts for the integer tables.
 */
import { STREAM_WORDS, seedBlockStreams } from "../../random/stream.js";
import { scanRowWords, type Sampler } from "./tables.js";
import { runWasmBlocks } from "./kernel-wasm.js";

/** States of persons, one entry per person (values 0..S-1). */
export type StateArray = Uint8Array | Uint16Array | Int32Array;

export interface BlockRun {
  sampler: Sampler;
  /** Current states of the persons of the run's blocks, block after block; advanced in place. */
  states: StateArray;
  /** xoshiro128** states, 4 words per block (rng.ts); advanced in place. */
  streams: Uint32Array;
  /** Persons per block; every block is full except possibly the last. */
  blockSize: number;
  /** Number of steps to take. */
  steps: number;
  /** Index into the sampler's matrices for each step (length >= steps); omitted: matrix 0. */
  matrixOfStep?: Int32Array | null;
  /** steps x S occupancy after each step; counts are added to what is there. */
  occupancy: Float64Array;
  /** Population index of states[0], for error messages (default 0). */
  firstPerson?: number;
  /**
   * A workspace from kernelWorkspace(sampler, blockSize) to reuse: callers that advance
   * one step per call (the scenario microsimulation) then copy the tables only once.
   */
  workspace?: Int32Array;
}

const workspaceTablesAt = (blockSize: number, S: number): number => (blockSize + S + 15) & ~15;

/** The kernel's workspace for a sampler and block size, with the sampler's tables copied in. */
export function kernelWorkspace(sampler: Sampler, blockSize: number): Int32Array {
  const tablesAt = workspaceTablesAt(blockSize, sampler.stateCount);
  const ws = new Int32Array(tablesAt + sampler.cells.length);
  ws.set(sampler.cells, tablesAt);
  return ws;
}

/** Advances every block of `run` by `run.steps` steps and adds its occupancy. */
export function advanceBlocks(run: BlockRun): void {
  const { sampler, states, streams, blockSize, steps, occupancy } = run;
  const S = sampler.stateCount;
  if (!Number.isInteger(blockSize) || blockSize < 1) {
    throw new RangeError(`blockSize must be a positive whole number, got ${blockSize}`);
  }
  const blocks = streams.length / STREAM_WORDS;
  const needed = Math.ceil(states.length / blockSize);
  if (blocks !== needed) {
    throw new RangeError(`${states.length} persons in blocks of ${blockSize} need ${needed} streams, got ${blocks}`);
  }
  if (occupancy.length < steps * S) {
    throw new RangeError(`occupancy has ${occupancy.length} entries, needs steps x S = ${steps * S}`);
  }
  for (let p = 0; p < states.length; p++) {
    if (!(states[p] < S)) {
      throw new RangeError(`person ${(run.firstPerson ?? 0) + p} is in state ${states[p]}, outside 0..${S - 1}`);
    }
  }

  // Workspace: [0, blockSize) states of the current block, then S counts, then the tables.
  const countAt = blockSize;
  const tablesAt = workspaceTablesAt(blockSize, S);
  let ws = run.workspace;
  if (!ws) ws = kernelWorkspace(sampler, blockSize);
  else if (ws.length !== tablesAt + sampler.cells.length) {
    throw new RangeError(`the workspace has ${ws.length} words, this sampler and block size need ${tablesAt + sampler.cells.length}`);
  }
  const matrixAt = new Int32Array(steps);
  for (let t = 0; t < steps; t++) {
    const m = run.matrixOfStep ? run.matrixOfStep[t] : 0;
    if (!(m >= 0 && m < sampler.matrixCount)) {
      throw new RangeError(`step ${t} uses matrix ${m}, but the sampler has ${sampler.matrixCount}`);
    }
    matrixAt[t] = tablesAt + m * sampler.wordsPerMatrix;
  }

  // The same loop in WebAssembly where available (kernel-wasm.ts); identical results.
  if (runWasmBlocks({ method: sampler.method, S, ws, tablesAt, matrixAt, steps, states, streams, blockSize, occupancy })) return;
  const stepBlock = sampler.method === "alias" ? aliasBlock : scanBlock;
  for (let b = 0; b < blocks; b++) {
    const first = b * blockSize;
    const n = Math.min(blockSize, states.length - first);
    ws.set(states.subarray(first, first + n));
    stepBlock(ws, n, S, countAt, matrixAt, steps, occupancy, streams, b * STREAM_WORDS);
    states.set(ws.subarray(0, n), first);
  }
}

/**
 * Alias sampling of one block for all steps. Per person: one xoshiro128** draw r;
 * c2 = floor(2S r / 2^32) (computed from the 16-bit halves of r, so no product
 * leaves int32) picks the half-column cell of the person's row; the cell's threshold
 * decides between the column (keep = -1) and its alias (keep = 0); see aliasCells.
 *
 * The person loop is unrolled four times on purpose: V8 re-checks the workspace
 * array and the stack guard once per loop iteration, and paying that once per four
 * persons made microsim-v1 about 12% faster. The four copies are identical.
 */
function aliasBlock(
  ws: Int32Array,
  n: number,
  S: number,
  countAt: number,
  matrixAt: Int32Array,
  steps: number,
  occupancy: Float64Array,
  streams: Uint32Array,
  at: number,
): void {
  const halves = 2 * S;
  const rowWords = 4 * S;
  const n4 = n & ~3;
  let s0 = streams[at] | 0;
  let s1 = streams[at + 1] | 0;
  let s2 = streams[at + 2] | 0;
  let s3 = streams[at + 3] | 0;
  let m = 0, r = 0, x = 0, c2 = 0, cell = 0, keep = 0, outcomes = 0, next = 0, c = 0;
  for (let t = 0; t < steps; t++) {
    const base = matrixAt[t];
    for (let s = 0; s < S; s++) ws[countAt + s] = 0;
    let i = 0;
    for (; i < n4; i = (i + 4) | 0) {
      const i1 = (i + 1) | 0;
      const i2 = (i + 2) | 0;
      const i3 = (i + 3) | 0;
      // person i
      m = Math.imul(s1, 5);
      r = Math.imul((m << 7) | (m >>> 25), 9);
      x = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= x;
      s3 = (s3 << 11) | (s3 >>> 21);
      c2 = (Math.imul(r >>> 16, halves) + (Math.imul(r & 0xffff, halves) >>> 16)) >>> 16;
      cell = (base + Math.imul(ws[i], rowWords) + (c2 << 1)) | 0;
      keep = ((Math.imul(r, halves) >>> 1) - ws[cell]) >> 31;
      outcomes = ws[(cell + 1) | 0];
      next = ((outcomes & 0xffff) + ((outcomes >> 16) & keep)) | 0;
      ws[i] = next;
      c = (countAt + next) | 0;
      ws[c] = (ws[c] + 1) | 0;
      // person i1
      m = Math.imul(s1, 5);
      r = Math.imul((m << 7) | (m >>> 25), 9);
      x = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= x;
      s3 = (s3 << 11) | (s3 >>> 21);
      c2 = (Math.imul(r >>> 16, halves) + (Math.imul(r & 0xffff, halves) >>> 16)) >>> 16;
      cell = (base + Math.imul(ws[i1], rowWords) + (c2 << 1)) | 0;
      keep = ((Math.imul(r, halves) >>> 1) - ws[cell]) >> 31;
      outcomes = ws[(cell + 1) | 0];
      next = ((outcomes & 0xffff) + ((outcomes >> 16) & keep)) | 0;
      ws[i1] = next;
      c = (countAt + next) | 0;
      ws[c] = (ws[c] + 1) | 0;
      // person i2
      m = Math.imul(s1, 5);
      r = Math.imul((m << 7) | (m >>> 25), 9);
      x = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= x;
      s3 = (s3 << 11) | (s3 >>> 21);
      c2 = (Math.imul(r >>> 16, halves) + (Math.imul(r & 0xffff, halves) >>> 16)) >>> 16;
      cell = (base + Math.imul(ws[i2], rowWords) + (c2 << 1)) | 0;
      keep = ((Math.imul(r, halves) >>> 1) - ws[cell]) >> 31;
      outcomes = ws[(cell + 1) | 0];
      next = ((outcomes & 0xffff) + ((outcomes >> 16) & keep)) | 0;
      ws[i2] = next;
      c = (countAt + next) | 0;
      ws[c] = (ws[c] + 1) | 0;
      // person i3
      m = Math.imul(s1, 5);
      r = Math.imul((m << 7) | (m >>> 25), 9);
      x = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= x;
      s3 = (s3 << 11) | (s3 >>> 21);
      c2 = (Math.imul(r >>> 16, halves) + (Math.imul(r & 0xffff, halves) >>> 16)) >>> 16;
      cell = (base + Math.imul(ws[i3], rowWords) + (c2 << 1)) | 0;
      keep = ((Math.imul(r, halves) >>> 1) - ws[cell]) >> 31;
      outcomes = ws[(cell + 1) | 0];
      next = ((outcomes & 0xffff) + ((outcomes >> 16) & keep)) | 0;
      ws[i3] = next;
      c = (countAt + next) | 0;
      ws[c] = (ws[c] + 1) | 0;
    }
    for (; i < n; i = (i + 1) | 0) {
      m = Math.imul(s1, 5);
      r = Math.imul((m << 7) | (m >>> 25), 9);
      x = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= x;
      s3 = (s3 << 11) | (s3 >>> 21);
      c2 = (Math.imul(r >>> 16, halves) + (Math.imul(r & 0xffff, halves) >>> 16)) >>> 16;
      cell = (base + Math.imul(ws[i], rowWords) + (c2 << 1)) | 0;
      keep = ((Math.imul(r, halves) >>> 1) - ws[cell]) >> 31;
      outcomes = ws[(cell + 1) | 0];
      next = ((outcomes & 0xffff) + ((outcomes >> 16) & keep)) | 0;
      ws[i] = next;
      c = (countAt + next) | 0;
      ws[c] = (ws[c] + 1) | 0;
    }
    const row = t * S;
    for (let s = 0; s < S; s++) occupancy[row + s] += ws[countAt + s];
  }
  streams[at] = s0;
  streams[at + 1] = s1;
  streams[at + 2] = s2;
  streams[at + 3] = s3;
}

/**
 * Inverse-CDF sampling of one block for all steps: next = the first j whose
 * threshold exceeds r (tables.ts, scanCells). The row's most likely interval is
 * tried first; otherwise the row is scanned from j = 0.
 */
function scanBlock(
  ws: Int32Array,
  n: number,
  S: number,
  countAt: number,
  matrixAt: Int32Array,
  steps: number,
  occupancy: Float64Array,
  streams: Uint32Array,
  at: number,
): void {
  const rowWords = scanRowWords(S);
  let s0 = streams[at] | 0;
  let s1 = streams[at + 1] | 0;
  let s2 = streams[at + 2] | 0;
  let s3 = streams[at + 3] | 0;
  for (let t = 0; t < steps; t++) {
    const base = matrixAt[t];
    for (let s = 0; s < S; s++) ws[countAt + s] = 0;
    for (let i = 0; i < n; i = (i + 1) | 0) {
      const m = Math.imul(s1, 5);
      const r = Math.imul((m << 7) | (m >>> 25), 9);
      const x = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= x;
      s3 = (s3 << 11) | (s3 >>> 21);
      // r biased by 2^31 so the signed compares below are the unsigned ones
      const biased = r ^ 0x80000000;
      const row = (base + Math.imul(ws[i], rowWords)) | 0;
      let next: number;
      if (biased >= ws[(row + 2) | 0] && biased < ws[(row + 3) | 0]) {
        next = ws[(row + 1) | 0];
      } else {
        const last = ws[row];
        next = 0;
        while (next < last && biased >= ws[(row + 4 + next) | 0]) next = (next + 1) | 0;
      }
      ws[i] = next;
      const c = (countAt + next) | 0;
      ws[c] = (ws[c] + 1) | 0;
    }
    const row = t * S;
    for (let s = 0; s < S; s++) occupancy[row + s] += ws[countAt + s];
  }
  streams[at] = s0;
  streams[at + 1] = s1;
  streams[at + 2] = s2;
  streams[at + 3] = s3;
}

/**
 * A contiguous range of blocks to simulate from the start: plain data, so it can be
 * sent to a worker thread (parallel/microsim-task.ts) or run on the calling thread.
 */
export interface BlockRangeTask {
  sampler: Sampler;
  /** Total number of persons N (fixes the size of the last block). */
  persons: number;
  blockSize: number;
  firstBlock: number;
  blockCount: number;
  /** Block b's stream is seeded from seed + b. */
  seed: number | bigint;
  steps: number;
  matrixOfStep?: Int32Array | null;
  /**
   * Initial states of this range's persons (persons firstBlock * blockSize onwards);
   * omitted: person p starts in state p mod S, as in microsim-v1.
   */
  initialStates?: StateArray | null;
}

/** The first person and the number of persons of a block range. */
export function blockRangePersons(
  task: Pick<BlockRangeTask, "persons" | "blockSize" | "firstBlock" | "blockCount">,
): { first: number; count: number } {
  const first = task.firstBlock * task.blockSize;
  const end = Math.min(task.persons, (task.firstBlock + task.blockCount) * task.blockSize);
  return { first, count: Math.max(0, end - first) };
}

/** Simulates a block range from step 0; returns its steps x S occupancy. */
export function runBlockRange(task: BlockRangeTask): Float64Array {
  const S = task.sampler.stateCount;
  const { first, count } = blockRangePersons(task);
  let states: StateArray;
  if (task.initialStates) {
    if (task.initialStates.length !== count) {
      throw new RangeError(
        `blocks from ${task.firstBlock} hold ${count} persons, got ${task.initialStates.length} initial states`,
      );
    }
    states = task.initialStates.slice(); // the task's array stays as given
  } else {
    states = S <= 256 ? new Uint8Array(count) : new Uint16Array(count);
    for (let p = 0, s = first % S; p < count; p++) {
      states[p] = s;
      if (++s === S) s = 0;
    }
  }
  const blocks = Math.ceil(count / task.blockSize);
  const occupancy = new Float64Array(task.steps * S);
  advanceBlocks({
    sampler: task.sampler,
    states,
    streams: seedBlockStreams(task.seed, task.firstBlock, blocks),
    blockSize: task.blockSize,
    steps: task.steps,
    matrixOfStep: task.matrixOfStep,
    occupancy,
    firstPerson: first,
  });
  return occupancy;
}
