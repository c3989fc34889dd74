/**
 * Macro scenarios move the model through drivers (a national volume index, an
 * unemployment rate, ...). One shared mechanism for every scenario: each effect turns
 * a driver's value, lagged, into a multiplier on inflow or on chosen transitions.
 *
 *   power:  multiplier = (D(t - lag) / D(base year)) ^ elasticity
 *   linear: multiplier = 1 + elasticity * (D(t - lag) - D(base year))
 *
 * Driver paths are yearly values (year averages), used as a step function by month;
 * past the last given year the last value holds.
 */
import type { MacroScenario, Model } from "../model/model.js";

/** A driver's value in a calendar year (the last value holds past the end of the path). */
export function driverValue(scenario: MacroScenario, driver: number, year: number): number {
  const path = scenario.paths[driver];
  const i = Math.min(year - path.firstYear, path.values.length - 1);
  if (i < 0) throw new RangeError(`driver ${driver} has no value for ${year}`);
  return path.values[i];
}

/** Calendar year of the driver value that acts on cycle `cycle` (1-based) after `lagMonths`. */
export function driverYear(model: Model, cycle: number, lagMonths: number): number {
  return model.startYear + Math.floor(((cycle - 1) * model.cycleMonths - lagMonths) / 12);
}

/** Fills `out[e]` with the multiplier of effect e in cycle `cycle` (1-based). */
export function effectMultipliers(model: Model, scenario: MacroScenario, cycle: number, out: Float64Array): Float64Array {
  model.effects.forEach((effect, e) => {
    const baseYear = model.drivers[effect.driver].baseYear;
    const base = driverValue(scenario, effect.driver, baseYear);
    const value = driverValue(scenario, effect.driver, driverYear(model, cycle, effect.lagMonths));
    out[e] = effect.form === "power" ? (value / base) ** effect.elasticity : 1 + effect.elasticity * (value - base);
  });
  return out;
}
