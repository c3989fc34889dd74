/**
 * Chance of payback: how sure are we that an intervention pays for itself? Read from
 * the values of many runs (probabilistic runs, or microsimulation replications; the
 * layout is in bands.ts), per intervention variant and macro scenario. Definitions
 * (also in docs/uncertainty.md):
 *
 * - *Probability in year Y*: the share of runs whose cumulative net effect (BUIG effect
 *   minus cost, summed from the first year) in Y is above zero.
 * - *Payback year of a run*: the first year from which the cumulative net effect is
 *   above zero in every year up to and including the last year of the horizon. A run
 *   whose cumulative net effect is not above zero in the last year has no payback year
 *   within the horizon: it is censored (it may pay back later, or never).
 * - *Share paid back*: the runs with a payback year, over all runs; by the definition
 *   above it equals the probability in the last year.
 * - *Percentile p of the payback year*: the first year by which at least p% of the runs
 *   have paid back (the inverse of the empirical distribution, so always a whole year).
 *   Censored runs count as paying back after the horizon, which is all that is known of
 *   them: a percentile is exact when it lies within the horizon and null ("after the
 *   horizon") otherwise. No mean is given, as it would need the censored runs' years.
 *
 * Pure functions of the values; the same values give the same rows on any machine.
 */
import type { Payback } from "./analyses.js";
import { metricAt, resultSize, type ResultLayout } from "./bands.js";

/** The values of `runs` runs, each one result after the other in `layout` (bands.ts). */
export interface RunValues {
  values: Float64Array;
  runs: number;
  layout: ResultLayout;
}

/** What a result of a run is: its macro scenario and variant ("baseline" or an intervention or combination). */
export interface ResultName {
  scenario: string;
  variant: string;
}

/**
 * A cumulative net effect counts as above zero from half a cent: what the outputs
 * write as more than € 0,00. Rounding noise around an exact zero (before a traject
 * starts) never counts as paying back.
 */
export const isAboveZero = (euros: number): boolean => euros >= 0.005;

/** Position of the first year from which every year of `path` is above zero; `path.length` when the last is not (censored). */
export function paybackIndex(path: ArrayLike<number>): number {
  let y = path.length;
  while (y > 0 && isAboveZero(path[y - 1])) y--;
  return y;
}

/** The cumulative net effect of one run and result, per year. */
export function cumulativeNetPath(v: RunValues, run: number, result: number, results: number, afterVangnet = false): Float64Array {
  const size = results * resultSize(v.layout);
  const out = new Float64Array(v.layout.years);
  if (!afterVangnet) {
    for (let y = 0; y < out.length; y++) out[y] = v.values[run * size + metricAt(v.layout, result, "net_effect_cumulative", y)];
    return out;
  }
  // what the municipality keeps, added up year by year (the metric is yearly)
  for (let y = 0, total = 0; y < out.length; y++) out[y] = total += v.values[run * size + metricAt(v.layout, result, "net_effect_after_vangnet", y)];
  return out;
}

/**
 * The first position by which at least `percent`% of the runs have paid back, from the
 * number of runs per payback position (the last entry: censored runs); null when fewer
 * pay back within the horizon. Whole percents keep the comparison exact in integers.
 */
export function paybackPercentile(perIndex: ArrayLike<number>, runs: number, percent: number): number | null {
  let paid = 0;
  for (let y = 0; y < perIndex.length - 1; y++) {
    paid += perIndex[y];
    if (paid * 100 >= percent * runs) return y;
  }
  return null;
}

/** The payback of result `result` (of `results` per run) over all runs; years counted from `firstYear`. */
export function paybackOfResult(v: RunValues, result: number, results: number, firstYear: number, afterVangnet = false): Omit<Payback, "scenario" | "intervention" | "afterVangnet"> {
  const Y = v.layout.years;
  const above = new Float64Array(Y);
  const perIndex = new Float64Array(Y + 1);
  for (let run = 0; run < v.runs; run++) {
    const path = cumulativeNetPath(v, run, result, results, afterVangnet);
    for (let y = 0; y < Y; y++) if (isAboveZero(path[y])) above[y]++;
    perIndex[paybackIndex(path)]++;
  }
  const year = (y: number | null) => (y === null ? null : firstYear + y);
  return {
    runs: v.runs,
    years: Array.from(above, (n, y) => ({ year: firstYear + y, probability: n / v.runs })),
    paidBack: (v.runs - perIndex[Y]) / v.runs,
    paybackYear: { median: year(paybackPercentile(perIndex, v.runs, 50)), p05: year(paybackPercentile(perIndex, v.runs, 5)), p95: year(paybackPercentile(perIndex, v.runs, 95)) },
  };
}

/**
 * The chance of payback of every intervention variant (every result that is not a
 * baseline), in the order of the results. `results` names each result of a run, in
 * the order of the values.
 *
 * @example
 * // 4 runs of one scenario (baseline, then "ib"), 3 years from 2024
 * paybackRows({ values, runs: 4, layout: { years: 3, states: 0 } }, [{ scenario: "basis", variant: "baseline" }, { scenario: "basis", variant: "ib" }], 2024);
 * // [{ scenario: "basis", intervention: "ib", runs: 4, years: [{ year: 2024, probability: 0 }, ...], paidBack: 0.5, paybackYear: { median: 2025, p05: 2025, p95: null } }]
 */
export function paybackRows(v: RunValues, results: readonly ResultName[], firstYear: number): Payback[] {
  const expected = v.runs * results.length * resultSize(v.layout);
  if (v.values.length !== expected) throw new RangeError(`expected ${expected} values (${v.runs} runs x ${results.length} results), got ${v.values.length}`);
  return results.flatMap((r, i) => {
    if (r.variant === "baseline") return [];
    const before = paybackOfResult(v, i, results.length, firstYear);
    // After the vangnet where it takes part of the saving in some draw (else the same numbers, left out).
    const { runs: _, ...after } = paybackOfResult(v, i, results.length, firstYear, true);
    const same = JSON.stringify(after) === JSON.stringify({ years: before.years, paidBack: before.paidBack, paybackYear: before.paybackYear });
    return [{ scenario: r.scenario, intervention: r.variant, ...before, ...(same ? {} : { afterVangnet: after }) }];
  });
}
