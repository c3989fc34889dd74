/**
 * The transition rows of each cycle of a projection: the macro multipliers of the cycle
 * (macro/drivers.ts), and the compiled rows (transition.ts), rebuilt only when the
 * multipliers change. A multiplier or a row the model cannot run with is the user's
 * error, named here once for every engine.
 */
import { COMPILE } from "../locale/messages-compile.js";
import { EffectRangeError, InputError } from "../model/errors.js";
import type { MacroScenario, Model } from "../model/model.js";
import type { Variant } from "../model/variant.js";
import { driverYear, effectMultipliers } from "../macro/drivers.js";
import { combineMultipliers, compiledRows, EffectOverflowError, RowOverflowError, type CycleMultipliers, type SparseRows } from "./transition.js";

/** Calendar year of cycle t (1-based). */
export const yearOfCycle = (model: Model, t: number): number => model.startYear + Math.floor((t - 1) / model.cyclesPerYear);

/** Fills `perEffect` with the multipliers of cycle t; a negative or non-finite one is an InputError. */
export function checkedMultipliers(model: Model, scenario: MacroScenario, t: number, perEffect: Float64Array): Float64Array {
  effectMultipliers(model, scenario, t, perEffect);
  const bad = perEffect.findIndex((f) => !(f >= 0) || !Number.isFinite(f));
  if (bad >= 0) {
    throw new InputError(model.file, model.effects[bad].path, ...COMPILE.multiplierNegative(scenario.name, yearOfCycle(model, t), perEffect[bad]));
  }
  return perEffect;
}

/** compiledRows, with a row above 1 as the user's error naming the scenario and year. */
export function rowsOrRefuse(model: Model, mult: CycleMultipliers, variant: Variant, scenario: MacroScenario, year: number): SparseRows {
  try {
    return compiledRows(model, mult, variant);
  } catch (err) {
    if (err instanceof EffectOverflowError) {
      throw new EffectRangeError(model.file, model.interventions.find((x) => x.name === err.intervention)!.path + ".effects", ...COMPILE.effectRange(err.message, scenario.name, year));
    }
    if (!(err instanceof RowOverflowError)) throw err;
    throw new InputError(model.file, "macro.effects", ...COMPILE.rowOverflowIn(scenario.name, year, err.message));
  }
}

export interface CycleMatrix {
  multipliers: CycleMultipliers;
  rows: SparseRows;
  /** Rebuilt for this cycle (the multipliers changed). */
  fresh: boolean;
}

/**
 * The rows of cycle t = 1, 2, ... in turn; call in cycle order. The multipliers change
 * only when an effect's driver year does (drivers are yearly): the rows are then rebuilt,
 * and only if a multiplier really changed.
 */
export function cycleMatrices(model: Model, scenario: MacroScenario, variant: Variant): (t: number) => CycleMatrix {
  const perEffect = new Float64Array(model.effects.length);
  const last = new Float64Array(model.effects.length);
  const years = new Float64Array(model.effects.length).fill(NaN);
  let current: CycleMatrix | undefined;
  let same: CycleMatrix | undefined;
  return (t) => {
    let moved = current === undefined;
    model.effects.forEach((effect, e) => {
      const year = driverYear(model, t, effect.lagMonths);
      if (year !== years[e]) (years[e] = year), (moved = true);
    });
    if (!moved) return same!;
    checkedMultipliers(model, scenario, t, perEffect);
    if (current && perEffect.every((f, e) => f === last[e])) return same!;
    last.set(perEffect);
    const multipliers = combineMultipliers(model, perEffect);
    // Only inflow changed: the rows stay.
    if (current && sameRows(current.multipliers, multipliers)) current = { multipliers, rows: current.rows, fresh: false };
    else current = { multipliers, rows: rowsOrRefuse(model, multipliers, variant, scenario, yearOfCycle(model, t)), fresh: true };
    same = { ...current, fresh: false };
    return current;
  };
}

/** Do two cycles' multipliers give the same rows (all but inflow equal)? */
const sameRows = (a: CycleMultipliers, b: CycleMultipliers): boolean =>
  a.outflowWork === b.outflowWork && a.outflowOther === b.outflowOther && a.reinflow === b.reinflow && a.cell.every((f, k) => f === b.cell[k]);
