/**
 * Bands over probabilistic runs or microsimulation replications: per result, metric
 * and year, the mean and the 5th, 50th and 95th percentiles. Values of many runs are
 * laid out run after run, each [result][metric][year] in the order of the results and
 * of METRIC_KEYS.
 */
import { mean, quantileSorted } from "simple-statistics";
import { METRIC_KEYS, type Metric } from "./metrics.js";

/** Summary statistics over runs, in column order (`<metric>_<key>` in results.json). */
export const BAND_KEYS = ["mean", "p05", "p50", "p95"] as const;
export type BandKey = (typeof BAND_KEYS)[number];

export type Bands = Record<BandKey, Float64Array>;

/** Position of (result, metric, year) in one run's values and in the bands. */
export const bandIndex = (resultIndex: number, metric: Metric, years: number, y: number): number =>
  (resultIndex * METRIC_KEYS.length + METRIC_KEYS.indexOf(metric)) * years + y;

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

/** Writes every metric of a result (metricValues) for its `years` into `out` from `at`; returns the next position. */
export function packMetrics(values: Record<Metric, Float64Array>, years: number, out: Float64Array, at: number): number {
  for (const metric of METRIC_KEYS) {
    out.set(values[metric].subarray(0, years), at);
    at += years;
  }
  return at;
}
