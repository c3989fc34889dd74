/**
 * The cohort engine: the expected number of persons in every state, cycle by cycle.
 *
 *   occ_t = occ_{t-1} P_t + inflow_t * entry
 *
 * New entrants arrive during cycle t and are counted in occ_t (they do not move in
 * the cycle they arrive). P_t changes with the macro drivers. Exact and cheap: the
 * reference every other engine is checked against.
 */
import { InputError } from "../model/errors.js";
import type { MacroScenario, Model } from "../model/model.js";
import { effectMultipliers } from "../macro/drivers.js";
import { combineMultipliers, compiledMatrix, RowOverflowError } from "./transition.js";

export interface Projection {
  scenario: MacroScenario;
  /** Number of cycles T. */
  cycles: number;
  /** (T + 1) x n: row 0 is the initial occupancy, row t the occupancy after cycle t. */
  occupancy: Float64Array;
  /** New inflow (not re-inflow) in cycle t, t = 1..T at index t - 1. */
  newInflow: Float64Array;
  /**
   * Expected moves between declared states per cycle: T x (m + 1) x m, row m is new
   * inflow ("instroom"). Moves within a declared state (band ageing, tunnel months)
   * are not counted.
   */
  flows: Float64Array;
}

/** Runs one macro scenario over the model's horizon. */
export function projectCohort(model: Model, scenario: MacroScenario): Projection {
  const n = model.states.length;
  const m = model.declared.length;
  const T = model.years * model.cyclesPerYear;
  const occupancy = new Float64Array((T + 1) * n);
  occupancy.set(model.initial);
  const newInflow = new Float64Array(T);
  const flows = new Float64Array(T * (m + 1) * m);
  const perEffect = new Float64Array(model.effects.length);
  const P = new Float64Array(n * n);
  let lastKey: string | null = null; // no matrix built yet
  let mult = combineMultipliers(model, perEffect.fill(1));

  for (let t = 1; t <= T; t++) {
    const year = model.startYear + Math.floor((t - 1) / model.cyclesPerYear);
    effectMultipliers(model, scenario, t, perEffect);
    const key = perEffect.join(",");
    if (key !== lastKey) {
      const bad = perEffect.findIndex((f) => !(f >= 0) || !Number.isFinite(f));
      if (bad >= 0) {
        throw new InputError(model.file, model.effects[bad].path,
          `in scenario "${scenario.name}", ${year}, the multiplier is ${perEffect[bad]} (it must be 0 or more)`,
          "lower the elasticity or use form \"power\"");
      }
      mult = combineMultipliers(model, perEffect);
      try {
        compiledMatrix(model, mult, P);
      } catch (err) {
        if (!(err instanceof RowOverflowError)) throw err;
        throw new InputError(model.file, "macro.effects", `in scenario "${scenario.name}", ${year}: ${err.message}`,
          "lower the elasticities or the driver path, or the base probabilities out of that state");
      }
      lastKey = key;
    }
    const prev = (t - 1) * n;
    const next = t * n;
    const flowBase = (t - 1) * (m + 1) * m;
    for (let i = 0; i < n; i++) {
      const o = occupancy[prev + i];
      if (o === 0) continue;
      const di = model.declaredOf[i];
      for (let j = 0; j < n; j++) {
        const p = P[i * n + j];
        if (p === 0) continue;
        const moved = o * p;
        occupancy[next + j] += moved;
        const dj = model.declaredOf[j];
        if (di !== dj) flows[flowBase + di * m + dj] += moved;
      }
    }
    const arriving = (model.inflowPerYear[year - model.startYear] / model.cyclesPerYear) * mult.inflow;
    newInflow[t - 1] = arriving;
    for (let d = 0; d < m; d++) {
      const share = model.entry[d];
      if (share === 0) continue;
      occupancy[next + model.entryOf[d]] += arriving * share;
      flows[flowBase + m * m + d] += arriving * share;
    }
  }
  return { scenario, cycles: T, occupancy, newInflow, flows };
}
