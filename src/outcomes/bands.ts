/**
 * Values of many runs (probabilistic runs, microsimulation replications) and the bands
 * over them: per result, metric (and per declared state, its volume at year end and
 * person-years) and year, the mean and the 5th, 50th and 95th percentiles.
 *
 * One run's values are laid out result after result (scenario x variant, in the order
 * of the results); each result holds every metric of METRIC_KEYS for every year, then
 * every declared state's volume_end and volume_avg for every year. Runs follow each
 * other.
 */
import { mean, quantileSorted } from "simple-statistics";
import { METRIC_KEYS, metricValues, type Metric } from "./metrics.js";
import type { ScenarioResult } from "./result.js";

/** Summary statistics over runs, in column order (`<metric>_<key>` in results.json). */
export const BAND_KEYS = ["mean", "p05", "p50", "p95"] as const;
export type BandKey = (typeof BAND_KEYS)[number];

export type Bands = Record<BandKey, Float64Array>;

/** The two per-state volumes carried per run. */
export const STATE_VOLUMES = ["volume_end", "volume_avg"] as const;

/** Shape of one result within a run's values: projected years and declared states. */
export interface ResultLayout {
  years: number;
  states: number;
}

/** Values per result: the metrics, then two volumes per declared state, each for every year. */
export const resultSize = (l: ResultLayout): number => (METRIC_KEYS.length + STATE_VOLUMES.length * l.states) * l.years;

/** Position of (result, metric, year) within one run's values (and in the bands). */
export const metricAt = (l: ResultLayout, result: number, metric: Metric, y: number): number =>
  result * resultSize(l) + METRIC_KEYS.indexOf(metric) * l.years + y;

/** Position of (result, declared state, volume, year) within one run's values (and in the bands). */
export const stateAt = (l: ResultLayout, result: number, state: number, volume: (typeof STATE_VOLUMES)[number], y: number): number =>
  result * resultSize(l) + (METRIC_KEYS.length + STATE_VOLUMES.length * state + STATE_VOLUMES.indexOf(volume)) * l.years + y;

/** Writes one result's values into `out` from `at`; returns the next position. */
export function packResult(r: ScenarioResult, l: ResultLayout, out: Float64Array, at: number): number {
  const values = metricValues(r);
  for (const metric of METRIC_KEYS) {
    out.set(values[metric].subarray(0, l.years), at);
    at += l.years;
  }
  const p = r.persons;
  for (let d = 0; d < l.states; d++) {
    for (let y = 0; y < l.years; y++) out[at + y] = p.stateEnd[y * l.states + d];
    at += l.years;
    for (let y = 0; y < l.years; y++) out[at + y] = p.stateAvg[y * l.states + d];
    at += l.years;
  }
  return at;
}

/** Per value position: mean and percentiles over `runs` runs of `size` values each. */
export function summarise(values: Float64Array, runs: number, size: number): Bands {
  const out: Bands = { mean: new Float64Array(size), p05: new Float64Array(size), p50: new Float64Array(size), p95: new Float64Array(size) };
  const column = new Float64Array(runs);
  for (let i = 0; i < size; i++) {
    for (let r = 0; r < runs; r++) column[r] = values[r * size + i];
    column.sort(); // typed arrays sort numerically
    const sorted = column as unknown as number[];
    out.mean[i] = mean(sorted);
    out.p05[i] = quantileSorted(sorted, 0.05);
    out.p50[i] = quantileSorted(sorted, 0.5);
    out.p95[i] = quantileSorted(sorted, 0.95);
  }
  return out;
}
