/**
 * The cohort engine's hot loops: one cycle of moves, `occ_t += occ_{t-1} P_t` over the
 * sparse rows of P_t, and the moves between declared states they make.
 *
 * `moveCohort` moves expected values: every state's occupancy o splits as o x p per move.
 *
 * `moveCohortWithNoise` moves whole persons at random (population noise), regular state
 * by regular state, from streams keyed by (cycle, state). A variant with participants
 * reuses these draws for the persons it shares with its baseline (paired.ts).
 */
import { KIND_OFF, KIND_ON, type Model } from "../model/model.js";
import { binomial } from "../random/samplers.js";
import type { KeyedStream } from "../random/stream.js";
import type { SparseRows } from "./transition.js";

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

/** Adds `moved` persons going from compiled state i to j to the flows (and to toWork from a traject). */
export function record(model: Model, buf: StepBuffers, trajectOf: Int32Array, i: number, j: number, moved: number): void {
  const di = model.declaredOf[i];
  const dj = model.declaredOf[j];
  if (di === dj) return;
  const m = model.declared.length;
  buf.flows[buf.flowAt + di * m + dj] += moved;
  const traject = trajectOf[i];
  if (traject >= 0 && model.declaredKind[dj] === KIND_OFF && model.declaredKind[di] === KIND_ON) buf.toWork[buf.toWorkAt + traject * buf.toWorkStride + dj] += moved;
}

/** Moves cycle t's expected occupancy along `rows`; `trajectOf[i]` is the traject whose participants state i holds, or -1. */
export function moveCohort(model: Model, rows: SparseRows, t: number, trajectOf: Int32Array, buf: StepBuffers): void {
  const n = model.states.length;
  const { start, col, value } = rows;
  const occupancy = buf.occupancy;
  const prev = (t - 1) * n;
  const next = t * n;
  for (let i = 0; i < n; i++) {
    const o = occupancy[prev + i];
    if (o === 0) continue;
    for (let k = start[i]; k < start[i + 1]; k++) {
      const moved = o * value[k];
      occupancy[next + col[k]] += moved;
      record(model, buf, trajectOf, i, col[k], moved);
    }
  }
}

/**
 * Moves cycle t's whole persons at random, regular state by regular state (the
 * baseline: no participants; a variant's persons move in paired.ts). `counts` is
 * scratch space of at least the longest row's length.
 */
export function moveCohortWithNoise(model: Model, rows: SparseRows, t: number, trajectOf: Int32Array, buf: StepBuffers, noise: KeyedStream, counts: Float64Array): void {
  const n = model.states.length;
  const occupancy = buf.occupancy;
  const prev = (t - 1) * n;
  const next = t * n;
  for (let i = model.baseCount; i < n; i++) if (occupancy[prev + i] !== 0) throw new Error("participants move in paired.ts, not here");
  for (let b = 0; b < model.baseCount; b++) {
    const total = occupancy[prev + b];
    if (total === 0) continue;
    const len = groupDraw(rows, b, total, noise.at(t, b, 0), counts);
    const first = rows.start[b];
    for (let k = 0; k < len; k++) {
      if (counts[k] === 0) continue;
      occupancy[next + rows.col[first + k]] += counts[k];
      record(model, buf, trajectOf, b, rows.col[first + k], counts[k]);
    }
  }
}

/**
 * The draw for the `total` persons of regular state b: counts per move of b's row,
 * multinomially (one conditional binomial per move, the largest first, so most persons
 * are settled by the first draw), from b's keyed stream. A variant makes exactly this
 * draw again for its baseline's persons (paired.ts).
 */
export function groupDraw(rows: SparseRows, b: number, total: number, rng: KeyedStream, counts: Float64Array): number {
  const first = rows.start[b];
  const len = rows.start[b + 1] - first;
  let left = total;
  let mass = 1;
  for (let k = 0; k < len; k++) {
    const p = rows.value[first + k];
    counts[k] = left === 0 ? 0 : k === len - 1 ? left : binomial(left, Math.min(1, p / mass), rng);
    left -= counts[k];
    mass -= p;
  }
  return len;
}
