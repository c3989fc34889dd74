/**
 * Results -> tidy CSV files. Deterministic formatting (fixed decimals, fixed order) so
 * that equal results give byte-identical files. The metrics and their rounding are
 * defined in outcomes/metrics.ts; results.json in outcomes/results.ts.
 */
import type { Model } from "../model/model.js";
import type { BreakEven, SensitivityRow } from "../outcomes/analyses.js";
import { BAND_KEYS, bandIndex, type Bands } from "../outcomes/bands.js";
import { formatValue, METRIC_KEYS, metricValues, type Metric } from "../outcomes/metrics.js";
import type { ScenarioResult } from "../outcomes/result.js";
import { transitionRows } from "../outcomes/results.js";

export type Row = (string | number)[];

/** A table as the CSV writer and the report's tables take it. */
export interface Table {
  header: string[];
  rows: Row[];
}

const csvField = (v: string | number): string => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const csv = ({ header, rows }: Table): string => [header, ...rows].map((r) => r.map(csvField).join(",")).join("\n") + "\n";

/** `value` is the cohort (expected-value) result; with bands, mean and percentiles over the runs follow. */
export function yearlyCsv(results: readonly ScenarioResult[], bands?: Bands): string {
  const rows: Row[] = [];
  results.forEach((r, ri) => {
    const values = metricValues(r);
    const Y = r.persons.years.length;
    r.persons.years.forEach((year, y) => {
      for (const metric of METRIC_KEYS) {
        const row: Row = [r.scenario.name, r.variant, year, metric, formatValue(metric, values[metric][y])];
        if (bands) for (const k of BAND_KEYS) row.push(formatValue(metric, bands[k][bandIndex(ri, metric, Y, y)]));
        rows.push(row);
      }
    });
  });
  return csv({ header: ["scenario", "variant", "year", "metric", "value", ...(bands ? BAND_KEYS : [])], rows });
}

/** Each run's yearly key metrics (draws.csv), laid out like the PSA values. */
export function drawsCsv(results: readonly ScenarioResult[], values: Float64Array, runs: number): string {
  const keys: Metric[] = ["volume_end", "volume_avg", "inflow", "outflow_work", "expenditure", "buig_result", "buig_effect", "net_effect"];
  const Y = results[0]?.persons.years.length ?? 0;
  const size = results.length * METRIC_KEYS.length * Y;
  const rows: Row[] = [];
  for (let run = 0; run < runs; run++) {
    results.forEach((r, ri) => {
      r.persons.years.forEach((year, y) => {
        rows.push([run, r.scenario.name, r.variant, year, ...keys.map((k) => formatValue(k, values[run * size + bandIndex(ri, k, Y, y)]))]);
      });
    });
  }
  return csv({ header: ["run", "scenario", "variant", "year", ...keys], rows });
}

export function statesCsv(model: Model, results: readonly ScenarioResult[]): string {
  const m = model.declared.length;
  const rows: Row[] = [];
  for (const r of results) {
    r.persons.years.forEach((year, y) => {
      model.declared.forEach((d, i) => {
        rows.push([r.scenario.name, r.variant, year, d.name, d.kind, r.persons.stateEnd[y * m + i].toFixed(4), r.persons.stateAvg[y * m + i].toFixed(4)]);
      });
    });
  }
  return csv({ header: ["scenario", "variant", "year", "state", "kind", "volume_end", "volume_avg"], rows });
}

export function transitionsCsv(model: Model, results: readonly ScenarioResult[]): string {
  const rows = results.flatMap((r) => transitionRows(model, r).map((t) => [r.scenario.name, r.variant, t.year, t.from, t.to, t.count.toFixed(4)]));
  return csv({ header: ["scenario", "variant", "year", "from", "to", "count"], rows });
}

const fixed = (v: number | null, digits: number) => (v === null || !Number.isFinite(v) ? "" : v.toFixed(digits));

/** Break-even rows: one per effect of each intervention and scenario (the CSV and the report's table). */
export function breakevenTable(rows: readonly BreakEven[]): Table {
  return {
    header: ["scenario", "intervention", "effect", "assumed", "break_even", "effect_multiplier", "net_effect_cumulative_assumed", "net_effect_cumulative_break_even"],
    rows: rows.flatMap((r) =>
      r.effects.map((e) => [r.scenario, r.intervention, e.label, e.assumed.toFixed(6), fixed(e.breakEven, 6), fixed(r.scale, 6), r.netAtAssumed.toFixed(2), fixed(r.netAtBreakEven, 2)]),
    ),
  };
}

/** Sensitivity rows; an empty net effect: that end of the range pushes a probability above 1. */
export function sensitivityTable(rows: readonly SensitivityRow[]): Table {
  return {
    header: ["scenario", "intervention", "parameter", "low", "base", "high", "net_effect_low", "net_effect_base", "net_effect_high"],
    rows: rows.map((r) => [r.scenario, r.intervention, r.parameter, r.low.toFixed(6), r.base.toFixed(6), r.high.toFixed(6), fixed(r.netLow, 2), fixed(r.netBase, 2), fixed(r.netHigh, 2)]),
  };
}

export const breakevenCsv = (rows: readonly BreakEven[]): string => csv(breakevenTable(rows));
export const sensitivityCsv = (rows: readonly SensitivityRow[]): string => csv(sensitivityTable(rows));
