/**
 * Probabilistic runs (PSA): run r draws every uncertain parameter (its own stream,
 * from seed and r) and, with population noise, simulates whole persons (another
 * stream per macro scenario). Each run yields every metric per scenario, variant and
 * year (outcomes/bands.ts: the layout and the summary over runs).
 *
 * Runs depend only on (seed, r), so any split of runs over workers gives the same
 * numbers; results are always assembled in run order.
 */
import type { Model } from "../model/model.js";
import { packResult, resultSize, type ResultLayout } from "../outcomes/bands.js";
import { KeyedStream, Stream } from "../random/stream.js";
import { drawModel, withDrawnEffects } from "./draw.js";
import { runScenario, selectScenarios, selectVariants } from "./scenario.js";

export interface PsaSpec {
  seed: number;
  /** Population noise (binomial/multinomial moves, Poisson inflow); default on. */
  noise: boolean;
  scenarios: string[];
  variants: string[];
}

/** Streams per run: 0 for parameters, 1 + s for the population noise of macro scenario s. */
const STREAMS_PER_RUN = 1024;

/** The shape of one result in a run's values (outcomes/bands.ts). */
export const layoutOf = (model: Model): ResultLayout => ({ years: model.years, states: model.declared.length });

/** Values per run: one result per scenario and variant. */
export function runSize(model: Model, spec: PsaSpec): number {
  return selectScenarios(model, spec.scenarios).length * selectVariants(model, spec.variants).length * resultSize(layoutOf(model));
}

/** Runs `first .. first + count - 1`; returns count x runSize values in run order. */
export function psaRuns(model: Model, spec: PsaSpec, first: number, count: number): Float64Array {
  const scenarios = selectScenarios(model, spec.scenarios);
  const variants = selectVariants(model, spec.variants);
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
      const noise = spec.noise ? new KeyedStream(spec.seed, r * STREAMS_PER_RUN + 1 + s) : undefined;
      for (const result of runScenario(drawn.model, scenario, runVariants, noise)) at = packResult(result, layoutOf(model), out, at);
    });
  }
  return out;
}
