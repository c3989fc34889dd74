/**
 * BUIG money per year: expenditure = person-cycles x cost per cycle per state (benefit
 * and LKS), result = budget - expenditure (positive: surplus the municipality keeps),
 * and the result after the vangnetregeling.
 *
 * Discounting (rate r per year, money and person-years separately): a value in
 * projection year k (k = 0 for the first year) is divided by (1 + r)^k, so the first
 * year is not discounted (the default, `first_year: "undiscounted"`), or by
 * (1 + r)^(k + 1) with `first_year: "discounted"` (every year's flows at its end, as
 * many health-economic and municipal models do). With r = 0 discounted equals
 * undiscounted.
 */
import type { MacroScenario, Model, Vangnet } from "../model/model.js";
import type { YearlyPersons } from "../engine/aggregate.js";
import { driverValue } from "../macro/drivers.js";

export interface YearlyMoney {
  expenditure: Float64Array;
  budget: Float64Array;
  buigResult: Float64Array;
  vangnetCompensation: Float64Array;
  buigResultAfterVangnet: Float64Array;
  expenditureDiscounted: Float64Array;
  buigResultDiscounted: Float64Array;
  volumeAvgDiscounted: Float64Array;
}

export type FirstYear = Model["discount"]["firstYear"];

/** The factor a value of projection year `yearIndex` (0 = the first) is multiplied by. */
export const discountFactor = (rate: number, yearIndex: number, firstYear: FirstYear = "undiscounted"): number =>
  (1 + rate) ** -(yearIndex + (firstYear === "discounted" ? 1 : 0));
export const discounted = (v: Float64Array, rate: number, firstYear: FirstYear = "undiscounted"): Float64Array => v.map((x, y) => x * discountFactor(rate, y, firstYear));

/**
 * Vangnet compensation for a result (budget - expenditure): a deficit up to `ownRisk` x
 * budget is borne alone; `partialShare` of the part up to `partialUntil` x budget is
 * compensated; everything above that fully.
 */
export function vangnetCompensation(result: number, budget: number, v: Vangnet): number {
  const deficit = -result;
  if (deficit <= 0 || budget <= 0) return 0;
  const partial = Math.min(Math.max(deficit - v.ownRisk * budget, 0), (v.partialUntil - v.ownRisk) * budget);
  return v.partialShare * partial + Math.max(deficit - v.partialUntil * budget, 0);
}

/** The budget per projected year: given, or from `indexed_on.from_year` indexed on the scenario's driver. */
export function budgetPath(model: Model, scenario: MacroScenario): Float64Array {
  const rule = model.budgetIndex;
  if (!rule) return Float64Array.from(model.budget);
  const baseDriver = driverValue(scenario, rule.driver, rule.fromYear);
  return model.budget.map((given, y) => {
    const year = model.startYear + y;
    return year <= rule.fromYear ? given : (rule.base * driverValue(scenario, rule.driver, year)) / baseDriver;
  });
}

/**
 * `costWeighted` (optional, Y x n like persons.personCycles): person-cycles already
 * weighted by each person's cost multiplier (the microsimulation's household types);
 * default: persons.personCycles, i.e. multiplier 1 for everyone.
 */
export function buigPerYear(model: Model, persons: YearlyPersons, scenario: MacroScenario, costWeighted: Float64Array = persons.personCycles): YearlyMoney {
  const Y = model.years;
  const n = model.states.length;
  const nb = model.baseCount;
  const expenditure = new Float64Array(Y);
  // Participants' sub-states cost what their regular state costs: person-cycles are added
  // per regular state first, so a variant that moves nobody spends exactly what the
  // baseline spends (whole persons add up exactly).
  const perRegular = new Float64Array(nb);
  for (let y = 0; y < Y; y++) {
    perRegular.fill(0);
    for (let i = 0; i < n; i++) perRegular[model.states[i].base] += costWeighted[y * n + i];
    for (let b = 0; b < nb; b++) expenditure[y] += perRegular[b] * model.costPerCycle[b];
  }
  const budget = budgetPath(model, scenario);
  const buigResult = budget.map((b, y) => b - expenditure[y]);
  const compensation = buigResult.map((r, y) => vangnetCompensation(r, budget[y], model.vangnet));
  return {
    expenditure,
    budget,
    buigResult,
    vangnetCompensation: compensation,
    buigResultAfterVangnet: buigResult.map((r, y) => r + compensation[y]),
    expenditureDiscounted: discounted(expenditure, model.discount.money, model.discount.firstYear),
    buigResultDiscounted: discounted(buigResult, model.discount.money, model.discount.firstYear),
    volumeAvgDiscounted: discounted(persons.volumeAvg, model.discount.persons, model.discount.firstYear),
  };
}
