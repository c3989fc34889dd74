/**
 * Results -> tidy tables (rows of plain values) and their CSV and JSON renderings.
 * Deterministic formatting (fixed decimals, fixed order) so that equal results give
 * byte-identical files.
 */
import type { Model } from "../model/model.js";
import type { ScenarioResult } from "../run.js";

/** Metrics written per scenario, variant and year, with their unit. */
export const METRICS = {
  volume_end: "persons",
  volume_avg: "persons",
  inflow: "persons",
  inflow_new: "persons",
  reinflow: "persons",
  outflow_work: "persons",
  outflow_other: "persons",
  expenditure: "euro",
  budget: "euro",
  buig_result: "euro",
  vangnet_compensation: "euro",
  buig_result_after_vangnet: "euro",
  intervention_participants: "persons",
  intervention_starts: "persons",
  inflow_prevented: "persons",
  intervention_cost: "euro",
  buig_effect: "euro",
  net_effect: "euro",
  net_effect_cumulative: "euro",
  net_effect_npv: "euro",
  expenditure_discounted: "euro",
  buig_result_discounted: "euro",
  volume_avg_discounted: "persons",
} as const;
export type Metric = keyof typeof METRICS;

/** Persons with 4 decimals, euros with 2 (cents). */
export const formatValue = (metric: Metric, v: number): string => v.toFixed(METRICS[metric] === "euro" ? 2 : 4);

export function metricValues(r: ScenarioResult): Record<Metric, Float64Array> {
  const p = r.persons;
  const money = r.money;
  return {
    volume_end: p.volumeEnd,
    volume_avg: p.volumeAvg,
    inflow: p.inflowNew.map((v, y) => v + p.reinflow[y]),
    inflow_new: p.inflowNew,
    reinflow: p.reinflow,
    outflow_work: p.outflowWork,
    outflow_other: p.outflowOther,
    expenditure: money.expenditure,
    budget: money.budget,
    buig_result: money.buigResult,
    vangnet_compensation: money.vangnetCompensation,
    buig_result_after_vangnet: money.buigResultAfterVangnet,
    intervention_participants: r.interventions.participants,
    intervention_starts: r.interventions.starts,
    inflow_prevented: r.interventions.prevented,
    intervention_cost: r.interventions.cost,
    buig_effect: r.effect.buigEffect,
    net_effect: r.effect.netEffect,
    net_effect_cumulative: r.effect.netEffectCumulative,
    net_effect_npv: r.effect.netEffectNpv,
    expenditure_discounted: money.expenditureDiscounted,
    buig_result_discounted: money.buigResultDiscounted,
    volume_avg_discounted: money.volumeAvgDiscounted,
  };
}

const csvField = (v: string | number): string => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const csv = (header: string[], rows: (string | number)[][]): string =>
  [header, ...rows].map((r) => r.map(csvField).join(",")).join("\n") + "\n";

/** Percentiles over probabilistic runs, laid out [result][metric][year] in the order of `results` and METRICS. */
export interface Bands {
  mean: Float64Array;
  p05: Float64Array;
  p50: Float64Array;
  p95: Float64Array;
}
/** Summary statistics over runs, in column order (`<metric>_<key>` in results.json). */
export const BAND_KEYS = ["mean", "p05", "p50", "p95"] as const;
const bandIndex = (resultIndex: number, metricIndex: number, years: number, y: number) =>
  (resultIndex * Object.keys(METRICS).length + metricIndex) * years + y;

/** `value` is the cohort (expected-value) result; with bands, mean and percentiles over the runs follow. */
export function yearlyCsv(results: ScenarioResult[], bands?: Bands): string {
  const rows: (string | number)[][] = [];
  const metrics = Object.keys(METRICS) as Metric[];
  results.forEach((r, ri) => {
    const values = metricValues(r);
    const Y = r.persons.years.length;
    r.persons.years.forEach((year, y) => {
      metrics.forEach((metric, mi) => {
        const row: (string | number)[] = [r.scenario.name, r.variant, year, metric, formatValue(metric, values[metric][y])];
        if (bands) for (const k of BAND_KEYS) row.push(formatValue(metric, bands[k][bandIndex(ri, mi, Y, y)]));
        rows.push(row);
      });
    });
  });
  return csv(["scenario", "variant", "year", "metric", "value", ...(bands ? BAND_KEYS : [])], rows);
}

/** Each run's yearly key metrics (draws.csv), laid out like the PSA values. */
export function drawsCsv(results: ScenarioResult[], values: Float64Array, runs: number): string {
  const metrics = Object.keys(METRICS) as Metric[];
  const keys: Metric[] = ["volume_end", "volume_avg", "inflow", "outflow_work", "expenditure", "buig_result", "buig_effect", "net_effect"];
  const Y = results[0]?.persons.years.length ?? 0;
  const size = results.length * metrics.length * Y;
  const rows: (string | number)[][] = [];
  for (let run = 0; run < runs; run++) {
    results.forEach((r, ri) => {
      r.persons.years.forEach((year, y) => {
        rows.push([run, r.scenario.name, r.variant, year, ...keys.map((k) => formatValue(k, values[run * size + bandIndex(ri, metrics.indexOf(k), Y, y)]))]);
      });
    });
  }
  return csv(["run", "scenario", "variant", "year", ...keys], rows);
}

export function statesCsv(model: Model, results: ScenarioResult[]): string {
  const m = model.declared.length;
  const rows: (string | number)[][] = [];
  for (const r of results) {
    r.persons.years.forEach((year, y) => {
      model.declared.forEach((d, i) => {
        rows.push([r.scenario.name, r.variant, year, d.name, d.kind, r.persons.stateEnd[y * m + i].toFixed(4), r.persons.stateAvg[y * m + i].toFixed(4)]);
      });
    });
  }
  return csv(["scenario", "variant", "year", "state", "kind", "volume_end", "volume_avg"], rows);
}

/** The name used for new inflow as the `from` of a transition. */
export const INSTROOM = "instroom";

export function transitionRows(model: Model, r: ScenarioResult): { year: number; from: string; to: string; count: number }[] {
  const m = model.declared.length;
  const out: { year: number; from: string; to: string; count: number }[] = [];
  r.persons.years.forEach((year, y) => {
    for (let a = 0; a <= m; a++) {
      for (let b = 0; b < m; b++) {
        const count = r.persons.transitions[(y * (m + 1) + a) * m + b];
        if (count > 0) out.push({ year, from: a === m ? INSTROOM : model.declared[a].name, to: model.declared[b].name, count });
      }
    }
  });
  return out;
}

export function transitionsCsv(model: Model, results: ScenarioResult[]): string {
  const rows = results.flatMap((r) => transitionRows(model, r).map((t) => [r.scenario.name, r.variant, t.year, t.from, t.to, t.count.toFixed(4)]));
  return csv(["scenario", "variant", "year", "from", "to", "count"], rows);
}

export interface RunMeta {
  tool: string;
  version: string;
  file: string;
  file_hash: string;
  options: Record<string, unknown>;
}

export function resultsJson(model: Model, results: ScenarioResult[], meta: RunMeta, breakEvens: import("../analyses.js").BreakEven[] = [], bands?: Bands): string {
  const metrics = Object.keys(METRICS) as Metric[];
  const m = model.declared.length;
  const round = (v: number, d: number) => Number(v.toFixed(d));
  const doc = {
    format: "bijstandsim-results/1",
    meta,
    model: {
      name: model.name,
      label: model.label,
      unit: model.unit,
      start_year: model.startYear,
      horizon_years: model.years,
      cycle: model.cycle,
      counting: model.counting,
      discount: model.discount,
      vangnet: { own_risk: model.vangnet.ownRisk, partial_until: model.vangnet.partialUntil, partial_share: model.vangnet.partialShare },
      states: model.declared.map((d) => ({ name: d.name, label: d.label, kind: d.kind, source: d.source })),
      drivers: model.drivers,
      references: model.references.map((r) => ({ ...r, values: Object.fromEntries(r.values) })),
      notes: model.notes,
      interventions: model.interventions.map((iv) => ({
        name: iv.name,
        label: iv.label,
        targets: model.declared.filter((_, d) => iv.targets[d]).map((d) => d.name),
        places: iv.places,
        starts_per_year: iv.startsPerCycle * model.cyclesPerYear,
        duration_cycles: iv.durationCycles,
        effects: iv.inflow
          ? [{ target: "inflow", measure: "rr", value: iv.inflow.value }]
          : iv.effects.map((e) => ({ target: e.target.kind === "cell" ? `${model.declared[e.target.from].name} -> ${model.declared[e.target.to].name}` : e.target.kind, measure: e.measure, value: e.value })),
      })),
      combinations: model.combinations.map((c) => ({ name: c.name, label: c.label, interventions: c.members.map((p) => model.interventions[p].name) })),
    },
    scenarios: results.map((r, ri) => {
      const values = metricValues(r);
      const band = (y: number) =>
        bands
          ? Object.fromEntries(metrics.flatMap((k, mi) => BAND_KEYS.map((b) => [`${k}_${b}`, round(bands[b][bandIndex(ri, mi, model.years, y)], METRICS[k] === "euro" ? 2 : 4)])))
          : {};
      return {
        name: r.scenario.name,
        label: r.scenario.label,
        variant: r.variant,
        variant_label: r.variantLabel,
        years: r.persons.years.map((year, y) => ({
          year,
          ...Object.fromEntries(metrics.map((k) => [k, round(values[k][y], METRICS[k] === "euro" ? 2 : 4)])),
          ...band(y),
          states: Object.fromEntries(model.declared.map((d, i) => [d.name, { volume_end: round(r.persons.stateEnd[y * m + i], 4), volume_avg: round(r.persons.stateAvg[y * m + i], 4) }])),
        })),
        transitions: transitionRows(model, r).map((t) => ({ ...t, count: round(t.count, 4) })),
      };
    }),
    breakeven: breakEvens,
  };
  return JSON.stringify(doc, null, 2) + "\n";
}

export function breakevenCsv(rows: import("../analyses.js").BreakEven[]): string {
  const out: (string | number)[][] = [];
  for (const r of rows) {
    for (const e of r.effects) {
      out.push([r.scenario, r.intervention, e.label, e.assumed.toFixed(6), e.breakEven === null ? "" : e.breakEven.toFixed(6),
        r.scale === null ? "" : r.scale.toFixed(6), r.netAtAssumed.toFixed(2), r.netAtBreakEven === null ? "" : r.netAtBreakEven.toFixed(2)]);
    }
  }
  return csv(["scenario", "intervention", "effect", "assumed", "break_even", "effect_multiplier", "net_effect_cumulative_assumed", "net_effect_cumulative_break_even"], out);
}

const money = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : "");

export function sensitivityCsv(rows: import("../analyses.js").SensitivityRow[]): string {
  return csv(
    ["scenario", "intervention", "parameter", "low", "base", "high", "net_effect_low", "net_effect_base", "net_effect_high"],
    // An empty net effect: that end of the range pushes a probability above 1.
    rows.map((r) => [r.scenario, r.intervention, r.parameter, r.low.toFixed(6), r.base.toFixed(6), r.high.toFixed(6), money(r.netLow), money(r.netBase), money(r.netHigh)]),
  );
}
