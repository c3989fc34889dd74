/**
 * Probabilistic runs (PSA): run r draws every uncertain parameter (its own stream,
 * from seed and r) and, with population noise, simulates whole persons (another
 * stream per macro scenario). Each run yields every metric per scenario, variant and
 * year; the summary gives mean and the 5th, 50th and 95th percentiles.
 *
 * Runs depend only on (seed, r), so any split of runs over workers gives the same
 * numbers; results are always assembled in run order.
 */
import { mean, quantileSorted } from "simple-statistics";
import type { Model } from "./model/model.js";
import { runScenario, selectScenarios, selectVariants } from "./run.js";
import { METRICS, metricValues, type Metric } from "./report/tables.js";
import { drawModel, withDrawnEffects } from "./uncertainty/draw.js";
import { Stream } from "./uncertainty/random.js";

export const PSA_METRICS = Object.keys(METRICS) as Metric[];

export interface PsaSpec {
  seed: number;
  /** Population noise (binomial/multinomial moves, Poisson inflow); default on. */
  noise: boolean;
  scenarios: string[];
  variants: string[];
}

/** Streams per run: 0 for parameters, 1 + s for the population noise of macro scenario s. */
const STREAMS_PER_RUN = 1024;

/** Layout of one run's values: [scenario][variant][metric][year]. */
export function runSize(model: Model, spec: PsaSpec): number {
  return selectScenarios(model, spec.scenarios).length * selectVariants(model, spec.variants).length * PSA_METRICS.length * model.years;
}

/** Runs `first .. first + count - 1`; returns count x runSize values in run order. */
export function psaRuns(model: Model, spec: PsaSpec, first: number, count: number): Float64Array {
  const scenarios = selectScenarios(model, spec.scenarios);
  const variants = selectVariants(model, spec.variants);
  const Y = model.years;
  const size = runSize(model, spec);
  const out = new Float64Array(count * size);
  for (let k = 0; k < count; k++) {
    const r = first + k;
    const drawn = drawModel(model, new Stream(spec.seed, r * STREAMS_PER_RUN));
    const runVariants = variants.map((v) => withDrawnEffects(v, drawn));
    let at = k * size;
    scenarios.forEach((scenario) => {
      // Keyed by the scenario's place in the file, not in the selection: a scenario's
      // numbers do not depend on which others were run with it.
      const s = model.scenarios.indexOf(scenario);
      const noise = spec.noise ? () => new Stream(spec.seed, r * STREAMS_PER_RUN + 1 + s) : undefined;
      for (const result of runScenario(drawn.model, scenario, runVariants, noise)) {
        const values = metricValues(result);
        for (const metric of PSA_METRICS) {
          out.set(values[metric].subarray(0, Y), at);
          at += Y;
        }
      }
    });
  }
  return out;
}

export interface PsaSummary {
  mean: Float64Array;
  p05: Float64Array;
  p50: Float64Array;
  p95: Float64Array;
}

/** Per value position (scenario, variant, metric, year): mean and percentiles over runs. */
export function summarise(values: Float64Array, runs: number, size: number): PsaSummary {
  const out: PsaSummary = { mean: new Float64Array(size), p05: new Float64Array(size), p50: new Float64Array(size), p95: new Float64Array(size) };
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
