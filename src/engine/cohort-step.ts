/**
 * The cohort engine's hot loops: one cycle of moves, `occ_t += occ_{t-1} P_t` over the
 * sparse rows of P_t, and the moves between declared states they make.
 *
 * `moveCohort` moves expected values: every state's occupancy o splits as o x p per move.
 *
 * `moveCohortWithNoise` moves whole persons at random (population noise), regular state
 * by regular state, from one stream per cycle (keyed by the cycle: a draw does not
 * depend on other cycles). A variant with participants deals out these draws again to
 * the persons it shares with its baseline (paired.ts).
 *
 * Where a move is counted (the flows between declared states, and a traject's moves to
 * work) is worked out once per set of rows (`rowCells`), not per move: the loops below
 * then add each move with two array reads.
 */
import { KIND_OFF, KIND_ON, type Model } from "../model/model.js";
import { BINOMIAL_SETUP, multinomialGroups, setUpBinomial } from "../random/samplers.js";
import type { KeyedStream } from "../random/stream.js";
import type { SparseRows } from "./transition.js";
import { PURPOSE } from "./purposes.js";

export interface StepBuffers {
  /** (T + 1) x n occupancy; row t - 1 is read, row t is added to. */
  occupancy: Float64Array;
  /** T x (m + 1) x m moves between declared states; this cycle's block, at flowAt, is added to. */
  flows: Float64Array;
  flowAt: number;
  /** Per traject p: the cycle's moves from its traject to off states, by destination (m each), added to. */
  toWork: Float64Array;
  /** Offset of this cycle in `toWork` for traject p: toWorkAt + p * toWorkStride. */
  toWorkAt: number;
  toWorkStride: number;
}

/**
 * Per entry of a set of rows: where its moves are counted. `flow`: the cell di x m + dj
 * of the cycle's flows block (-1 for a move within a declared state: band ageing, tunnel
 * months, a participant's month); `work`: from a traject's state on bijstand to an off
 * state, the offset p x toWorkStride + dj in `toWork` (else -1).
 */
export interface RowCells {
  flow: Int32Array;
  work: Int32Array;
  /**
   * With noise: per entry, the set-up (samplers.ts setUpBinomial, BINOMIAL_SETUP values
   * at k x BINOMIAL_SETUP) of its conditional binomial min(1, p_k / (1 - p_first - ... -
   * p_k-1)) in a state's multinomial draw (samplers.ts multinomialGroups).
   */
  draw?: Float64Array;
}

/** The cells of every entry of `rows` (see RowCells); `trajectOf[i]` is the traject whose participants state i holds, or -1. */
export function rowCells(model: Model, rows: SparseRows, trajectOf: Int32Array, toWorkStride: number, noise: boolean): RowCells {
  const n = model.states.length;
  const m = model.declared.length;
  const { declaredOf, declaredKind } = model;
  const flow = new Int32Array(rows.col.length).fill(-1);
  const work = new Int32Array(rows.col.length).fill(-1);
  const draw = noise ? new Float64Array(rows.col.length * BINOMIAL_SETUP) : undefined;
  for (let i = 0; i < n; i++) {
    if (draw) {
      let mass = 1;
      for (let k = rows.start[i]; k < rows.start[i + 1]; k++) {
        setUpBinomial(Math.min(1, rows.value[k] / mass), draw, k * BINOMIAL_SETUP);
        mass -= rows.value[k];
      }
    }
    const di = declaredOf[i];
    for (let k = rows.start[i]; k < rows.start[i + 1]; k++) {
      const dj = declaredOf[rows.col[k]];
      if (di === dj) continue;
      flow[k] = di * m + dj;
      if (trajectOf[i] >= 0 && declaredKind[dj] === KIND_OFF && declaredKind[di] === KIND_ON) work[k] = trajectOf[i] * toWorkStride + dj;
    }
  }
  return { flow, work, draw };
}

/** Adds `moved` persons going from compiled state i to j to the flows (and to toWork from a traject): for moves outside a row's entries. */
export function record(model: Model, buf: StepBuffers, trajectOf: Int32Array, i: number, j: number, moved: number): void {
  const di = model.declaredOf[i];
  const dj = model.declaredOf[j];
  if (di === dj) return;
  const m = model.declared.length;
  buf.flows[buf.flowAt + di * m + dj] += moved;
  const traject = trajectOf[i];
  if (traject >= 0 && model.declaredKind[dj] === KIND_OFF && model.declaredKind[di] === KIND_ON) buf.toWork[buf.toWorkAt + traject * buf.toWorkStride + dj] += moved;
}

/** Adds `moved` persons making the move of row entry k to the flows (and to toWork). */
export function recordEntry(cells: RowCells, buf: StepBuffers, k: number, moved: number): void {
  const f = cells.flow[k];
  if (f < 0) return;
  buf.flows[buf.flowAt + f] += moved;
  const w = cells.work[k];
  if (w >= 0) buf.toWork[buf.toWorkAt + w] += moved;
}

/** Moves cycle t's expected occupancy along `rows` (counted as `cells` says). */
export function moveCohort(model: Model, rows: SparseRows, cells: RowCells, t: number, buf: StepBuffers): void {
  const n = model.states.length;
  const { start, col, value } = rows;
  const { occupancy, flows, toWork } = buf;
  const { flow, work } = cells;
  const prev = (t - 1) * n;
  const next = t * n;
  for (let i = 0; i < n; i++) {
    const o = occupancy[prev + i];
    if (o === 0) continue;
    for (let k = start[i]; k < start[i + 1]; k++) {
      const moved = o * value[k];
      occupancy[next + col[k]] += moved;
      const f = flow[k];
      if (f < 0) continue;
      flows[buf.flowAt + f] += moved;
      if (work[k] >= 0) toWork[buf.toWorkAt + work[k]] += moved;
    }
  }
}

/**
 * Moves cycle t's whole persons at random, regular state by regular state (the
 * baseline: no participants; a variant's persons move in paired.ts). With `keep`, the
 * draws are also appended to it, for a variant to deal out again (paired.ts).
 */
export function moveCohortWithNoise(model: Model, rows: SparseRows, cells: RowCells, t: number, buf: StepBuffers, noise: KeyedStream, keep?: DrawLog): void {
  const n = model.states.length;
  const nb = model.baseCount;
  const { occupancy, flows } = buf;
  const { start, col } = rows;
  const flow = cells.flow;
  const prev = (t - 1) * n;
  const next = t * n;
  const counts = keep ? keep.reserve(start[nb]) : scratchCounts(start[nb]);
  const from = keep ? keep.length : 0;
  const offsets = keep ? keep.room(t, nb) : -1;
  // One restart of the stream per cycle, not per state: the states draw in turn.
  const end = multinomialGroups(noise.at(t, 0, PURPOSE.groupDraws), cells.draw!, start, nb, occupancy, prev, counts, from);
  let r = from;
  for (let b = 0; b < nb; b++) {
    const total = occupancy[prev + b];
    if (total === 0) continue;
    if (keep) keep.starts[offsets + b] = r;
    // b's counts run up to the one that completes its total
    for (let k = start[b], sum = 0; sum < total; k++) {
      const c = counts[r++];
      if (c === 0) continue;
      sum += c;
      occupancy[next + col[k]] += c;
      if (flow[k] >= 0) flows[buf.flowAt + flow[k]] += c; // regular states hold no participants: nothing goes to toWork
    }
  }
  if (keep) keep.length = end;
}

let scratch = new Float64Array(64);
const scratchCounts = (size: number): Float64Array => (scratch.length >= size ? scratch : (scratch = new Float64Array(size * 2)));

/**
 * The draws of a baseline's moves, state after state and cycle after cycle as they were
 * made (each state's counts up to its last nonzero one), for its variants; `at(t, b)`
 * is where regular state b's counts of cycle t start (states with nobody have none).
 */
export class DrawLog {
  values: Float64Array;
  length = 0;
  /** Per cycle t and regular state b, at (t - 1) x regular + b: where b's counts start in `values`. */
  starts = new Int32Array(0);
  private regular = 0;

  private constructor() {
    this.values = new Float64Array(16384);
  }

  /** A log, reusing a released one's arrays when there is one (release()). */
  static take(): DrawLog {
    const log = released.pop() ?? new DrawLog();
    log.length = 0;
    return log;
  }

  /** Gives the arrays back for the next baseline: the log must not be read afterwards. */
  release(): void {
    if (released.length < 4) released.push(this);
  }

  /** Makes room for cycle t's offsets, one per regular state; returns where they go in `starts`. */
  room(t: number, regular: number): number {
    this.regular = regular;
    if (this.starts.length < t * regular) {
      const bigger = new Int32Array(Math.max(2 * this.starts.length, t * regular, 128 * regular));
      bigger.set(this.starts);
      this.starts = bigger;
    }
    return (t - 1) * regular;
  }

  /** Where regular state b's counts of cycle t start in `values`. */
  at(t: number, b: number): number {
    return this.starts[(t - 1) * this.regular + b];
  }

  /** The array, with room for `more` values past `length`. */
  reserve(more: number): Float64Array {
    if (this.length + more > this.values.length) {
      const bigger = new Float64Array(Math.max(2 * this.values.length, this.length + more));
      bigger.set(this.values.subarray(0, this.length));
      this.values = bigger;
    }
    return this.values;
  }
}

/** Released logs (a worker runs one baseline at a time: a few are plenty). */
const released: DrawLog[] = [];
