/**
 * Results -> tidy CSV files. Deterministic formatting (fixed decimals, fixed order) so
 * that equal results give byte-identical files. The metrics and their rounding are
 * defined in outcomes/metrics.ts; results.json in outcomes/results.ts.
 */
import { csvText, type CsvDialect } from "../locale/csv.js";
import type { Model } from "../model/model.js";
import type { BreakEven, Payback, SensitivityRow } from "../outcomes/analyses.js";
import { BAND_KEYS, metricAt, resultSize, stateAt, STATE_VOLUMES, type Bands, type ResultLayout } from "../outcomes/bands.js";
import { formatValue, METRIC_KEYS, metricValues, type Metric } from "../outcomes/metrics.js";
import type { ScenarioResult } from "../outcomes/result.js";
import { transitionRows } from "../outcomes/results.js";

export type Row = (string | number)[];

/** A table as the CSV writer and the report's tables take it. */
export interface Table {
  header: string[];
  rows: Row[];
}

/** A table as CSV text in the dialect (locale/csv.ts: `tidy` by default, `nl` for Dutch Excel). */
export const csv = ({ header, rows }: Table, dialect: CsvDialect = "tidy"): string => csvText(header, rows, dialect);

const layoutOf = (model: Model): ResultLayout => ({ years: model.years, states: model.declared.length });

/** `value` is the cohort (expected-value) result; with bands, mean and percentiles over the runs follow. */
export function yearlyCsv(model: Model, results: readonly ScenarioResult[], bands?: Bands, dialect: CsvDialect = "tidy"): string {
  const rows: Row[] = [];
  const layout = layoutOf(model);
  results.forEach((r, ri) => {
    const values = metricValues(r);
    r.persons.years.forEach((year, y) => {
      for (const metric of METRIC_KEYS) {
        const row: Row = [r.scenario.name, r.variant, year, metric, formatValue(metric, values[metric][y])];
        if (bands) for (const k of BAND_KEYS) row.push(formatValue(metric, bands[k][metricAt(layout, ri, metric, y)]));
        rows.push(row);
      }
    });
  });
  return csv({ header: ["scenario", "variant", "year", "metric", "value", ...(bands ? BAND_KEYS : [])], rows }, dialect);
}

/** Each run's yearly key metrics (draws.csv), laid out like the PSA values. */
export function drawsCsv(model: Model, results: readonly ScenarioResult[], values: Float64Array, runs: number, dialect: CsvDialect = "tidy"): string {
  const keys: Metric[] = ["volume_end", "volume_avg", "inflow", "outflow_work", "expenditure", "buig_result", "buig_effect", "net_effect"];
  const layout = layoutOf(model);
  const size = results.length * resultSize(layout);
  const rows: Row[] = [];
  for (let run = 0; run < runs; run++) {
    results.forEach((r, ri) => {
      r.persons.years.forEach((year, y) => {
        rows.push([run, r.scenario.name, r.variant, year, ...keys.map((k) => formatValue(k, values[run * size + metricAt(layout, ri, k, y)]))]);
      });
    });
  }
  return csv({ header: ["run", "scenario", "variant", "year", ...keys], rows }, dialect);
}

/** Volume per declared state at year end and person-years; with bands, their mean and percentiles over the runs. */
export function statesCsv(model: Model, results: readonly ScenarioResult[], bands?: Bands, dialect: CsvDialect = "tidy"): string {
  const m = model.declared.length;
  const layout = layoutOf(model);
  const rows: Row[] = [];
  results.forEach((r, ri) => {
    r.persons.years.forEach((year, y) => {
      model.declared.forEach((d, i) => {
        const row: Row = [r.scenario.name, r.variant, year, d.name, d.kind, r.persons.stateEnd[y * m + i].toFixed(4), r.persons.stateAvg[y * m + i].toFixed(4)];
        if (bands) for (const v of STATE_VOLUMES) for (const k of BAND_KEYS) row.push(bands[k][stateAt(layout, ri, i, v, y)].toFixed(4));
        rows.push(row);
      });
    });
  });
  const bandColumns = bands ? STATE_VOLUMES.flatMap((v) => BAND_KEYS.map((k) => `${v}_${k}`)) : [];
  return csv({ header: ["scenario", "variant", "year", "state", "kind", "volume_end", "volume_avg", ...bandColumns], rows }, dialect);
}

export function transitionsCsv(model: Model, results: readonly ScenarioResult[], dialect: CsvDialect = "tidy"): string {
  const rows = results.flatMap((r) => transitionRows(model, r).map((t) => [r.scenario.name, r.variant, t.year, t.from, t.to, t.count.toFixed(4)]));
  return csv({ header: ["scenario", "variant", "year", "from", "to", "count"], rows }, dialect);
}

/** A number to `digits` decimals ("" for none); a value that rounds to zero is written without a sign. */
const fixed = (v: number | null, digits: number): string => {
  if (v === null || !Number.isFinite(v)) return "";
  const s = v.toFixed(digits);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
};

/**
 * Break-even rows: one per effect of each intervention and scenario. `effect_multiplier`
 * is the one multiplier k on all effects together; `at_break_even` this effect's value
 * at that k; `break_even_alone` its own break-even with the other effects as assumed.
 */
export function breakevenTable(rows: readonly BreakEven[], netShown?: NetAsShown): Table {
  return {
    header: ["scenario", "intervention", "effect", "assumed", "effect_multiplier", "at_break_even", "break_even_alone", "net_effect_cumulative_assumed", "net_effect_cumulative_break_even"],
    rows: rows.flatMap((r) => {
      const assumed = netShown?.(r.scenario, r.intervention) ?? r.netAtAssumed;
      return r.effects.map((e) => [r.scenario, r.intervention, e.label, e.assumed.toFixed(6), fixed(r.scale, 6), fixed(e.breakEven, 6), fixed(e.alone, 6), assumed.toFixed(2), fixed(r.netAtBreakEven, 2)]);
    }),
  };
}

/**
 * A variant's net effect over the horizon as the tables show it (the years' BUIG effects as
 * shown minus their costs as shown), by scenario and variant name, where the run has it:
 * what the report and the workbook put in the break-even table's "at the assumed effect"
 * column and the sensitivity table's base column, so that it is the intervention table's
 * number. breakeven.csv and sensitivity.csv keep the exact one.
 */
export type NetAsShown = (scenario: string, variant: string) => number | undefined;

/** Sensitivity rows; an empty net effect: that end of the range pushes a probability above 1. */
export function sensitivityTable(rows: readonly SensitivityRow[], netShown?: NetAsShown): Table {
  return {
    header: ["scenario", "intervention", "parameter", "low", "base", "high", "net_effect_low", "net_effect_base", "net_effect_high"],
    rows: rows.map((r) => [r.scenario, r.intervention, r.parameter, r.low.toFixed(6), r.base.toFixed(6), r.high.toFixed(6), fixed(r.netLow, 2), fixed(netShown?.(r.scenario, r.intervention) ?? r.netBase, 2), fixed(r.netHigh, 2)]),
  };
}

/**
 * Chance of payback (payback.csv): one row per scenario, intervention and year with the
 * share of runs whose cumulative net effect is above zero in that year; the share paid
 * back within the horizon and the payback year's median and 90% interval repeat on
 * each row of the intervention and scenario (empty: beyond the horizon).
 */
export function paybackTable(rows: readonly Payback[]): Table {
  const year = (y: number | null) => (y === null ? "" : y);
  return {
    header: ["scenario", "intervention", "runs", "year", "probability_positive", "paid_back_share", "payback_year_median", "payback_year_p05", "payback_year_p95", "probability_positive_after_vangnet", "paid_back_share_after_vangnet"],
    // After the vangnet: the same numbers where the vangnet takes no part of the saving in any draw (results.json leaves them out there).
    rows: rows.flatMap((r) =>
      r.years.map((y, k) => [r.scenario, r.intervention, r.runs, y.year, y.probability.toFixed(4), r.paidBack.toFixed(4), year(r.paybackYear.median), year(r.paybackYear.p05), year(r.paybackYear.p95),
        (r.afterVangnet ?? r).years[k].probability.toFixed(4), (r.afterVangnet ?? r).paidBack.toFixed(4)]),
    ),
  };
}

export const paybackCsv = (rows: readonly Payback[], dialect: CsvDialect = "tidy"): string => csv(paybackTable(rows), dialect);
export const breakevenCsv = (rows: readonly BreakEven[], dialect: CsvDialect = "tidy"): string => csv(breakevenTable(rows), dialect);
export const sensitivityCsv = (rows: readonly SensitivityRow[], dialect: CsvDialect = "tidy"): string => csv(sensitivityTable(rows), dialect);
