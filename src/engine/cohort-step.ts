/**
 * The cohort engine's hot loop: one cycle of moves, `occ_t += occ_{t-1} P_t` over the
 * sparse rows of P_t, and the moves between declared states it makes.
 *
 * Without noise every state's occupancy o splits as o x p per move (the expectation).
 * With noise the o whole persons split multinomially, as one conditional binomial per
 * move in row order; rows are sorted with the largest probability first
 * (transition.ts), so most people are settled by the first draw.
 */
import { KIND_OFF, KIND_ON, type Model } from "../model/model.js";
import { binomial } from "../random/samplers.js";
import type { Stream } from "../random/stream.js";
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

/** Moves cycle t's occupancy along `rows`; `trajectOf[i]` is the traject whose participants state i holds, or -1. */
export function moveCohort(model: Model, rows: SparseRows, t: number, trajectOf: Int32Array, buf: StepBuffers, noise: Stream | undefined): void {
  const n = model.states.length;
  const m = model.declared.length;
  const { declaredOf, declaredKind } = model;
  const { start, col, value } = rows;
  const { occupancy, flows, toWork } = buf;
  const prev = (t - 1) * n;
  const next = t * n;
  for (let i = 0; i < n; i++) {
    const o = occupancy[prev + i];
    if (o === 0) continue;
    const di = declaredOf[i];
    const traject = trajectOf[i];
    let left = o;
    let mass = 1;
    for (let k = start[i]; k < start[i + 1]; k++) {
      const j = col[k];
      const p = value[k];
      let moved: number;
      if (!noise) moved = o * p;
      else {
        if (left === 0) break;
        moved = k === start[i + 1] - 1 ? left : binomial(left, Math.min(1, p / mass), noise);
        left -= moved;
        mass -= p;
        if (moved === 0) continue;
      }
      occupancy[next + j] += moved;
      const dj = declaredOf[j];
      if (di !== dj) {
        flows[buf.flowAt + di * m + dj] += moved;
        if (traject >= 0 && declaredKind[dj] === KIND_OFF && declaredKind[di] === KIND_ON) toWork[buf.toWorkAt + traject * buf.toWorkStride + dj] += moved;
      }
    }
  }
}
