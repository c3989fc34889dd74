/**
 * BUIG money per year: expenditure = person-cycles x cost per cycle per state (benefit
 * and LKS), result = budget - expenditure (positive: surplus the municipality keeps).
 *
 * Discounting (rate r per year, money and person-years separately): a value in
 * projection year k (k = 0 for the first year) is divided by (1 + r)^k, so the first
 * year is not discounted. With r = 0 (default) discounted equals undiscounted.
 */
import type { Model } from "../model/model.js";
import type { YearlyPersons } from "../engine/aggregate.js";

export interface YearlyMoney {
  expenditure: Float64Array;
  budget: Float64Array;
  buigResult: Float64Array;
  expenditureDiscounted: Float64Array;
  buigResultDiscounted: Float64Array;
  volumeAvgDiscounted: Float64Array;
}

export const discountFactor = (rate: number, yearIndex: number): number => (1 + rate) ** -yearIndex;

export function buigPerYear(model: Model, persons: YearlyPersons): YearlyMoney {
  const Y = model.years;
  const n = model.states.length;
  const expenditure = new Float64Array(Y);
  for (let y = 0; y < Y; y++) {
    for (let i = 0; i < n; i++) expenditure[y] += persons.personCycles[y * n + i] * model.costPerCycle[i];
  }
  const budget = Float64Array.from(model.budget);
  const buigResult = budget.map((b, y) => b - expenditure[y]);
  const money = (v: Float64Array) => v.map((x, y) => x * discountFactor(model.discount.money, y));
  return {
    expenditure,
    budget,
    buigResult,
    expenditureDiscounted: money(expenditure),
    buigResultDiscounted: money(buigResult),
    volumeAvgDiscounted: persons.volumeAvg.map((x, y) => x * discountFactor(model.discount.persons, y)),
  };
}
