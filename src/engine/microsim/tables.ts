/**
 * Sampling tables for the microsimulation: per-row cumulative sums (inverse-CDF
 * "scan") and Vose alias tables, exactly as specified in docs/microsim-v1.md, plus the
 * integer form the kernel uses (step.ts).
 *
 * Matrices are row-major Float64Arrays of S*S entries, row i = from-state i.
 */

export type SamplingMethod = "alias" | "scan";

/** 2^32: u32 draws r map to u = r * 2^-32 in [0, 1). */
const TWO32 = 4294967296;
const TWO31 = 2147483648;

/**
 * Largest state count the kernel's int32 arithmetic allows: it computes
 * floor(2S r / 2^32) from 16-bit halves of r, which needs 2S 2^16 < 2^31.
 */
export const MAX_STATES = 16383;

/**
 * Checks that `P` is an S x S row-stochastic matrix; throws an Error naming the
 * first bad row otherwise. `label` says which matrix (e.g. "matrix of step 7").
 */
export function checkStochastic(P: Float64Array, S: number, label = "matrix"): void {
  if (!Number.isInteger(S) || S < 1 || S > MAX_STATES) {
    throw new RangeError(`state count must be an integer in 1..${MAX_STATES}, got ${S}`);
  }
  if (P.length !== S * S) throw new RangeError(`${label}: expected ${S * S} entries (S = ${S}), got ${P.length}`);
  for (let i = 0; i < S; i++) {
    let sum = 0;
    for (let j = 0; j < S; j++) {
      const p = P[i * S + j];
      if (!(p >= 0 && p <= 1)) throw new RangeError(`${label}: P[${i}][${j}] = ${p}, must be a probability in [0, 1]`);
      sum += p;
    }
    if (Math.abs(sum - 1) > 1e-9) throw new RangeError(`${label}: row ${i} sums to ${sum}, must sum to 1`);
  }
}

/**
 * Cumulative rows: CUM[i][j] = P[i][0] + ... + P[i][j], summed left to right, with
 * the last column forced to 1.0 so every u in [0, 1) finds a state.
 */
export function cumulativeRows(P: Float64Array, S: number): Float64Array {
  const cum = new Float64Array(S * S);
  for (let i = 0; i < S; i++) {
    let c = 0.0;
    for (let j = 0; j < S; j++) {
      c = c + P[i * S + j];
      cum[i * S + j] = c;
    }
    cum[i * S + S - 1] = 1.0;
  }
  return cum;
}

export interface AliasTables {
  /** Acceptance probability per (row, column), S*S. */
  prob: Float64Array;
  /** Alias state per (row, column), S*S. */
  alias: Int32Array;
}

/**
 * Vose's alias tables, row by row, with two LIFO work lists filled in ascending
 * column order (the order matters: it fixes which column donates to which).
 * Sampling: v = u * S, col = floor(v), next = col if v - col < prob else alias.
 */
export function aliasTables(P: Float64Array, S: number): AliasTables {
  const prob = new Float64Array(S * S);
  const alias = new Int32Array(S * S);
  const q = new Float64Array(S);
  const small = new Int32Array(S);
  const large = new Int32Array(S);
  for (let i = 0; i < S; i++) {
    const row = i * S;
    let ns = 0;
    let nl = 0;
    for (let j = 0; j < S; j++) {
      q[j] = P[row + j] * S;
      if (q[j] < 1.0) small[ns++] = j;
      else large[nl++] = j;
    }
    while (ns > 0 && nl > 0) {
      const l = small[--ns];
      const g = large[--nl];
      prob[row + l] = q[l];
      alias[row + l] = g;
      q[g] = q[g] + q[l] - 1.0;
      if (q[g] < 1.0) small[ns++] = g;
      else large[nl++] = g;
    }
    while (nl > 0) {
      const g = large[--nl];
      prob[row + g] = 1.0;
      alias[row + g] = g;
    }
    while (ns > 0) {
      const l = small[--ns];
      prob[row + l] = 1.0;
      alias[row + l] = l;
    }
  }
  return { prob, alias };
}

/**
 * What the kernel samples from: the integer tables of one or more matrices (one per
 * distinct P_t), back to back. Plain data, so it can be sent to worker threads.
 */
export interface Sampler {
  method: SamplingMethod;
  /** Number of states S. */
  stateCount: number;
  /** Number of matrices stacked in `cells`. */
  matrixCount: number;
  /** Int32 words per matrix (4 S^2 for alias, S (S + 3) for scan). */
  wordsPerMatrix: number;
  /** The tables of matrix m start at m * wordsPerMatrix. */
  cells: Int32Array;
}

/**
 * Integer alias cells, exactly equivalent to the double-precision rule.
 *
 * With r the u32 draw, S r = col 2^32 + lo, and (f < prob) <=> (lo < ceil(prob 2^32)).
 * That compare is unsigned 32-bit, which JS int32 arithmetic cannot do in one step.
 * So the kernel splits each column in two by the top bit h of lo:
 * c2 = floor(2S r / 2^32) = 2 col + h, and m = (2S r mod 2^32) / 2 = lo mod 2^31, so
 * lo < thr <=> m < thr - h 2^31 =: t, where m < 2^31 and t is clamped to [0, 2^31):
 * t <= 0 never keeps the column (t = 0), t >= 2^31 always keeps it (stored as
 * "never keep" with the alias replaced by the column itself).
 *
 * Cell (i, c2) is two words at 2 (i 2S + c2): [t, alias | (col - alias) << 16];
 * the kernel takes next = alias + ((col - alias) & keepMask) (16-bit fields, fine
 * for S <= MAX_STATES).
 */
export function aliasCells(P: Float64Array, S: number, out: Int32Array, at: number): void {
  const { prob, alias } = aliasTables(P, S);
  const halves = 2 * S;
  for (let i = 0; i < S; i++) {
    for (let c2 = 0; c2 < halves; c2++) {
      const col = c2 >> 1;
      const k = i * S + col;
      let t = Math.ceil(prob[k] * TWO32) - (c2 & 1) * TWO31;
      let other = alias[k];
      if (t >= TWO31) {
        t = 0;
        other = col;
      } else if (t < 0) {
        t = 0;
      }
      const w = at + 2 * (i * halves + c2);
      out[w] = t;
      out[w + 1] = other | ((col - other) << 16);
    }
  }
}

/** Words per row of the scan cells: 4 header words and S - 1 thresholds. */
export function scanRowWords(S: number): number {
  return S + 3;
}

/**
 * Integer scan rows, exactly equivalent to "smallest j with u < CUM[i][j]":
 * u < c <=> r < ceil(c 2^32) =: thr_j, so state j takes the draws r in
 * [thr_{j-1}, thr_j). Thresholds are stored biased by 2^31 (thr ^ 0x80000000) so that
 * a signed int32 compare does the unsigned one.
 *
 * Row i is scanRowWords(S) words at i (S + 3):
 *   0: last   the first j whose threshold reaches 2^32 (always taken), else S - 1
 *   1: mode   the j <= last with the widest interval (in a chain: usually "stay")
 *   2, 3:     that interval [low, high) biased; tried first, so most draws need two
 *             compares instead of a scan (r = 2^32 - 1 may miss it when mode = last,
 *             then the scan below still finds the right j)
 *   4..:      thr_0 .. thr_{last-1} biased
 */
export function scanCells(P: Float64Array, S: number, out: Int32Array, at: number): void {
  const cum = cumulativeRows(P, S);
  const thr = new Float64Array(S);
  for (let i = 0; i < S; i++) {
    let last = S - 1;
    for (let j = 0; j < S - 1; j++) {
      thr[j] = Math.ceil(cum[i * S + j] * TWO32);
      if (thr[j] >= TWO32) {
        last = j;
        break;
      }
    }
    thr[last] = TWO32;
    const width = (j: number) => thr[j] - (j > 0 ? thr[j - 1] : 0);
    let mode = 0;
    for (let j = 1; j <= last; j++) if (width(j) > width(mode)) mode = j;
    const row = at + i * scanRowWords(S);
    out[row] = last;
    out[row + 1] = mode;
    out[row + 2] = (mode > 0 ? thr[mode - 1] : 0) ^ 0x80000000;
    out[row + 3] = Math.min(thr[mode], TWO32 - 1) ^ 0x80000000;
    for (let j = 0; j < last; j++) out[row + 4 + j] = thr[j] ^ 0x80000000;
  }
}

/** Builds the kernel's sampler for one matrix or a list of matrices (one per P_t). */
export function buildSampler(
  method: SamplingMethod,
  matrices: Float64Array | readonly Float64Array[],
  S: number,
): Sampler {
  const list = ArrayBuffer.isView(matrices) ? [matrices as Float64Array] : (matrices as readonly Float64Array[]);
  if (list.length === 0) throw new RangeError("buildSampler needs at least one matrix");
  if (method !== "alias" && method !== "scan") {
    throw new RangeError(`unknown sampling method "${String(method)}" (use "alias" or "scan")`);
  }
  const wordsPerMatrix = method === "alias" ? 4 * S * S : S * scanRowWords(S);
  const cells = new Int32Array(list.length * wordsPerMatrix);
  list.forEach((P, m) => {
    checkStochastic(P, S, list.length > 1 ? `matrix ${m}` : "matrix");
    if (method === "alias") aliasCells(P, S, cells, m * wordsPerMatrix);
    else scanCells(P, S, cells, m * wordsPerMatrix);
  });
  return { method, stateCount: S, matrixCount: list.length, wordsPerMatrix, cells };
}
