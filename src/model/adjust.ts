/**
 * Changing parameters of a compiled model: the one typed path by which a parameter draw
 * (the probabilistic runs), a fit and a what-if set values. Each function returns a new
 * Model that shares everything it does not change; the input model is left as it is.
 * A value the model cannot run with is refused with an InputError, as compilation
 * would refuse it in a file.
 */
import { COMPILE } from "../locale/messages-compile.js";
import { ConversionError } from "./convert.js";
import { InputError } from "./errors.js";
import { KIND_EXIT, KIND_OFF, KIND_ON, type Model } from "./model.js";
import { pathMustStart } from "./compile/macro.js";
import { perCycleMatrix } from "./compile/transitions.js";

/** The per-cycle declared matrix (m x m, e.g. Dirichlet-drawn rows). */
export const withBase = (model: Model, base: Float64Array): Model => ({ ...model, base });

/** Benefit + LKS per cycle of every compiled state. */
export const withCostPerCycle = (model: Model, costPerCycle: Float64Array): Model => ({ ...model, costPerCycle });

/** New inflow per projected year. */
export const withInflowPerYear = (model: Model, inflowPerYear: Float64Array): Model => ({ ...model, inflowPerYear });

/** The BUIG budget of every year times `factor`, an indexed budget's base year included (what scaling `buig.budget` gives). */
export const withBudgetScaled = (model: Model, factor: number): Model => ({
  ...model,
  budget: model.budget.map((v) => v * factor),
  budgetIndex: model.budgetIndex && { ...model.budgetIndex, base: model.budgetIndex.base * factor },
});

/** Every macro effect replaced (e.g. with drawn elasticities). */
export const withMacroEffects = (model: Model, effects: Model["effects"]): Model => ({ ...model, effects });

/** Macro effect `e` with another elasticity. */
export function withElasticity(model: Model, e: number, elasticity: number): Model {
  return { ...model, effects: model.effects.map((x, k) => (k === e ? { ...x, elasticity } : x)) };
}

/** Macro effect `e` with another lag; refused when a scenario's driver path does not reach back far enough. */
export function withLag(model: Model, e: number, lagMonths: number): Model {
  const effects = model.effects.map((x, k) => (k === e ? { ...x, lagMonths } : x));
  const effect = effects[e];
  const driver = model.drivers[effect.driver];
  const need = pathMustStart(driver.baseYear, effects.filter((x) => x.driver === effect.driver), model);
  model.scenarios.forEach((sc, si) => {
    const path = sc.paths[effect.driver];
    if (path.values.length > 0 && path.firstYear > need.year) {
      throw new InputError(model.file, `macro.scenarios[${si}].paths.${driver.name}`, ...COMPILE.lagTooLong(path.firstYear, lagMonths, need.year));
    }
  });
  return { ...model, effects };
}

/**
 * Every move from an on-bijstand state to a state of kind `to` (off: outflow to work;
 * exit: other outflow) multiplied by `factor` in the declared per-period matrix, the
 * chance of staying its complement, then converted to the cycle again.
 */
export function withOutflowScaled(model: Model, to: typeof KIND_OFF | typeof KIND_EXIT, factor: number): Model {
  const m = model.declared.length;
  const kind = model.declaredKind;
  const perPeriod = Float64Array.from(model.transitions.perPeriod);
  for (let d = 0; d < m; d++) {
    if (kind[d] !== KIND_ON) continue;
    let out = 0;
    for (let j = 0; j < m; j++) {
      if (j === d) continue;
      if (kind[j] === to) perPeriod[d * m + j] *= factor;
      out += perPeriod[d * m + j];
    }
    perPeriod[d * m + d] = Math.max(0, 1 - out);
  }
  const transitions = { ...model.transitions, perPeriod };
  let base: Float64Array;
  try {
    base = perCycleMatrix(transitions, model.cycleMonths, model.declared.map((d) => d.name));
  } catch (err) {
    if (!(err instanceof ConversionError)) throw err;
    throw new InputError(model.file, "transitions", ...COMPILE.scaledMoves(factor, err.message));
  }
  return { ...model, transitions, base };
}

/** The largest factor for withOutflowScaled that leaves every on-state's chance of staying at 0 or more. */
export function maxOutflowScale(model: Model, to: typeof KIND_OFF | typeof KIND_EXIT): number {
  const m = model.declared.length;
  const kind = model.declaredKind;
  const p = model.transitions.perPeriod;
  let max = Infinity;
  for (let d = 0; d < m; d++) {
    if (kind[d] !== KIND_ON) continue;
    let target = 0;
    let other = 0;
    for (let j = 0; j < m; j++) {
      if (j === d) continue;
      if (kind[j] === to) target += p[d * m + j];
      else other += p[d * m + j];
    }
    if (target > 0) max = Math.min(max, (1 - other) / target);
  }
  return max;
}

/**
 * Intervention p with another capacity or other costs (what-ifs: "three coaches instead
 * of two"). `places`: concurrent places of a traject (coaches x caseload);
 * `startsPerYear`: persons reached per year by a prevention; `perStart` and
 * `perParticipantMonth` in euros, converted to the cycle as compilation does.
 */
export function withIntervention(model: Model, p: number, change: { places?: number; startsPerYear?: number; perStart?: number; perParticipantMonth?: number }): Model {
  const iv = model.interventions[p];
  for (const [key, v] of Object.entries(change)) {
    if (v !== undefined && !(Number.isFinite(v) && v >= 0)) throw new InputError(model.file, `${iv.path}.${key}`, ...COMPILE.nonNegative(v));
  }
  const costs = { ...iv.costs };
  if (change.perStart !== undefined) costs.perStart = change.perStart;
  if (change.perParticipantMonth !== undefined) costs.perParticipantCycle = change.perParticipantMonth * model.cycleMonths;
  const next = {
    ...iv,
    places: change.places ?? iv.places,
    startsPerCycle: change.startsPerYear === undefined ? iv.startsPerCycle : (change.startsPerYear * model.cycleMonths) / 12,
    costs,
  };
  return { ...model, interventions: model.interventions.map((x, k) => (k === p ? next : x)) };
}

/** The first `years` years of the horizon: the same projection cut off (as compiling with a shorter horizon). */
export function withHorizon(model: Model, years: number): Model {
  if (!Number.isInteger(years) || years < 1 || years > model.years) {
    throw new InputError(model.file, "horizon_years", ...COMPILE.horizonRange(years, model.years));
  }
  if (years === model.years) return model;
  const population = model.population && { ...model.population, aowMonths: model.population.aowMonths?.slice(0, years) ?? null };
  return { ...model, years, inflowPerYear: model.inflowPerYear.slice(0, years), budget: model.budget.slice(0, years), population };
}
