/**
 * The microsim-v1 benchmark workload (normative spec: docs/microsim-v1.md):
 * a fixed 12-state chain, persons starting in state p mod 12, per-block streams.
 * It proves the engine's microsimulation runs the exact specified simulation
 * (golden checksums) and measures its speed in person-steps per second.
 */
import { splitmix64 } from "./rng.js";
import type { SamplingMethod } from "./tables.js";

export const V1_STATES = 12;
export const V1_PERSONS = 1_000_000;
export const V1_STEPS = 120;
/** Persons per random stream. */
export const V1_BLOCK = 1024;
export const V1_MATRIX_SEED = 42n;
export const V1_SIM_SEED = 12345;
/** The diagonal probability of every row. */
const STAY = 0.9;

/** Golden checksums from the spec, keyed by `${N}x${T}`. */
export const V1_GOLDEN: Readonly<Record<string, Readonly<Record<SamplingMethod, number>>>> = {
  "20000x24": { scan: 69352659, alias: 69330715 },
  "1000000x120": { scan: 86455952353, alias: 86455897135 },
};

/** The golden checksum for (N, T, method) with the default seed, if the spec gives one. */
export function v1Golden(persons: number, steps: number, method: SamplingMethod): number | undefined {
  return V1_GOLDEN[`${persons}x${steps}`]?.[method];
}

/**
 * The transition matrix P (12 x 12, row-major): one splitmix64 stream from 42, 132
 * draws; off-diagonal weights w = 1 + 9u (u from the top 53 bits), the diagonal is
 * exactly 0.9 and P[i][j] = (w[j] / W) * 0.1 with W summed in ascending j.
 *
 * @example
 * microsimV1Matrix()[1]; // 0.014612878088175588
 */
export function microsimV1Matrix(): Float64Array {
  const S = V1_STATES;
  const next = splitmix64(V1_MATRIX_SEED);
  const P = new Float64Array(S * S);
  const w = new Float64Array(S);
  for (let i = 0; i < S; i++) {
    for (let j = 0; j < S; j++) {
      if (j === i) continue;
      const u = Number(next() >> 11n) * 2 ** -53;
      w[j] = 1.0 + u * 9.0;
    }
    let W = 0.0;
    for (let j = 0; j < S; j++) if (j !== i) W = W + w[j];
    for (let j = 0; j < S; j++) P[i * S + j] = j === i ? STAY : (w[j] / W) * 0.1;
  }
  return P;
}

/**
 * checksum = sum over t = 1..T, s of occ[t][s] * ((t - 1) S + s + 1), i.e. each
 * count times its 1-based position in the T x S row-major occupancy (row t - 1 =
 * after step t). Exact while below 2^53.
 */
export function microsimChecksum(occupancy: ArrayLike<number>): number {
  let sum = 0;
  for (let k = 0; k < occupancy.length; k++) sum += occupancy[k] * (k + 1);
  if (!Number.isSafeInteger(sum)) throw new RangeError(`checksum ${sum} is not exact (>= 2^53)`);
  return sum;
}
