/**
 * The compact summary printed after a run: one table per scenario, an overview of the
 * BUIG result across scenarios, the interventions, break-even and references. Words
 * from the message catalogue (src/locale/messages-terminal.ts), numbers from the one
 * formatter (src/locale/format.ts) that the report and the workbook use too.
 */
import { formatChance, formatDecimal, formatEuro, formatPercent, formatPersons, formatPersons1, shownSum } from "../locale/format.js";
import { CLI } from "../locale/messages-cli.js";
import { REPORT } from "../locale/messages-report.js";
import { TERM } from "../locale/messages-terminal.js";
import { KIND_ON, type Model } from "../model/model.js";
import type { BreakEven, Payback } from "../outcomes/analyses.js";
import { metricAt, type Bands } from "../outcomes/bands.js";
import { isMetric, METRICS, metricValues } from "../outcomes/metrics.js";
import type { ScenarioResult } from "../outcomes/result.js";
import { aloneLabel, metricLabel, parameterLabel, paybackIntervalLabel, paybackYearLabel } from "./labels.js";

/** A plain-text table: the first `left` columns aligned left, the rest (numbers) right. */
export function table(header: string[], rows: string[][], left = 1): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((v, c) => (c < left ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** Persons on bijstand at the start (the end of the year before the first): the projection's initial occupancy of on-states. */
export function startStock(model: Model, r: ScenarioResult): number {
  const n = model.states.length;
  const occupancy = r.projection.occupancy;
  let sum = 0;
  for (let i = 0; i < n; i++) if (model.declaredKind[model.declaredOf[i]] === KIND_ON) sum += occupancy[i];
  return sum;
}

/**
 * One scenario per year, after a row with the stock at the end of the year before the
 * start: volume, inflow, outflow to work and other outflow, expenditure, budget, and
 * the BUIG result before and after the vangnet. With bands (PSA), the 90% interval
 * follows volume and BUIG result.
 */
export function scenarioTable(model: Model, r: ScenarioResult, psa?: { bands: Bands; index: number }): string {
  // The 90% interval beside the numbers report.html gives one (html.ts summaryTables), the result after the vangnet included.
  const range = (metric: "volume_end" | "inflow" | "expenditure" | "buig_result" | "buig_result_after_vangnet", y: number, fmt: (v: number) => string) => {
    if (!psa) return "";
    const i = metricAt({ years: model.years, states: model.declared.length }, psa.index, metric, y);
    return ` (${fmt(psa.bands.p05[i])} – ${fmt(psa.bands.p95[i])})`;
  };
  const p = r.persons;
  const start = [TERM.startRow(model.startYear - 1), formatPersons(startStock(model, r)), "", "", "", "", "", "", ""];
  const rows = p.years.map((year, y) => [
    String(year),
    formatPersons(p.volumeEnd[y]) + range("volume_end", y, formatPersons),
    formatPersons(p.inflowNew[y] + p.reinflow[y]) + range("inflow", y, formatPersons),
    formatPersons(p.outflowWork[y]),
    formatPersons(p.outflowOther[y]),
    formatEuro(r.money.expenditure[y]) + range("expenditure", y, formatEuro),
    formatEuro(r.money.budget[y]),
    formatEuro(r.money.buigResult[y]) + range("buig_result", y, formatEuro),
    formatEuro(r.money.buigResultAfterVangnet[y]) + range("buig_result_after_vangnet", y, formatEuro),
  ]);
  const title = `${r.scenario.label} (${r.scenario.name})${r.variant === "baseline" ? "" : TERM.withVariant(r.variantLabel)}`;
  // the metrics' own labels (outcomes/metrics.ts), as the report and the workbook name them
  const header = [TERM.year, `${metricLabel("volume_end")} (${REPORT.units[model.unit] ?? model.unit})`, ...(["inflow", "outflow_work", "outflow_other", "expenditure", "budget", "buig_result"] as const).map((k) => metricLabel(k)!), TERM.afterVangnet];
  return `${title}\n${table(header, [start, ...rows])}`;
}

/** The BUIG result of every scenario side by side: per year, the total over the horizon, and the total after the vangnet. */
export function overviewTable(model: Model, results: readonly ScenarioResult[]): string | undefined {
  const base = results.filter((r) => r.variant === "baseline");
  if (base.length < 2) return undefined;
  const last = model.startYear + model.years - 1;
  // totals of the years as shown, so that they add up (format.ts shownSum)
  const rows = base.map((r) => [r.scenario.label, ...Array.from(r.money.buigResult, formatEuro), formatEuro(shownSum(r.money.buigResult, "euro")), formatEuro(shownSum(r.money.buigResultAfterVangnet, "euro"))]);
  const header = [TERM.scenario, ...base[0].persons.years.map(String), TERM.total(model.startYear, last), TERM.totalAfterVangnet];
  return `${TERM.overviewTitle(TERM.euro)}\n${table(header, rows)}`;
}

/** Model vs reference values (e.g. the Berenschot table, observed flows), with the tolerance when given. */
export function referenceTable(model: Model, results: readonly ScenarioResult[]): string | undefined {
  const rows: string[][] = [];
  const withTolerance = model.references.some((r) => r.tolerance !== undefined);
  for (const ref of model.references) {
    const r = results.find((x) => x.scenario.name === ref.scenario && x.variant === "baseline");
    if (!r) continue;
    if (!isMetric(ref.metric)) continue;
    const values = metricValues(r)[ref.metric];
    const fmt = METRICS[ref.metric].unit === "euro" ? formatEuro : formatPersons;
    for (const [year, value] of ref.values) {
      const y = year - model.startYear;
      if (y < 0 || y >= model.years) continue;
      const diff = values[y] / value - 1;
      const within = ref.tolerance === undefined ? "" : Math.abs(diff) <= ref.tolerance ? TERM.yes : TERM.no;
      rows.push([ref.label, metricLabel(ref.metric) ?? ref.metric, String(year), fmt(value), fmt(values[y]), formatPercent(diff), ...(withTolerance ? [within] : [])]);
    }
  }
  const header = [TERM.reference, TERM.quantity, TERM.year, TERM.reference, TERM.model, TERM.difference, ...(withTolerance ? [TERM.withinMargin] : [])];
  return rows.length ? `${TERM.referenceTitle}\n${table(header, rows)}` : undefined;
}

/**
 * Per scenario: each variant against the baseline, in persons and euros. The net present
 * value gets a column only when the file discounts money (at 0% it equals the net effect).
 */
export function variantTable(model: Model, results: readonly ScenarioResult[], bands?: Bands): string | undefined {
  // After many runs: the net effect's 90% interval over the draws (the cumulative net effect in the last year), as the report gives it.
  const range = (r: ScenarioResult) => {
    if (!bands) return "";
    const i = metricAt({ years: model.years, states: model.declared.length }, results.indexOf(r), "net_effect_cumulative", model.years - 1);
    return ` (${formatEuro(bands.p05[i])} – ${formatEuro(bands.p95[i])})`;
  };
  const byScenario = new Map<string, ScenarioResult[]>();
  for (const r of results) byScenario.set(r.scenario.name, [...(byScenario.get(r.scenario.name) ?? []), r]);
  const discounted = model.discount.money > 0;
  const Y = model.years;
  const last = model.startYear + Y - 1;
  const blocks: string[] = [];
  const compensated: string[] = [];
  for (const rs of byScenario.values()) {
    const base = rs.find((r) => r.variant === "baseline");
    const others = rs.filter((r) => r.variant !== "baseline");
    if (!base || others.length === 0) continue;
    // The years as shown, added up: the net effect is the BUIG effect minus the cost, as printed (format.ts shownNet).
    const sums = others.map((r) => ({ effect: shownSum(r.effect.buigEffect, "euro"), cost: shownSum(r.interventions.cost, "euro"), kept: shownSum(r.effect.buigEffectAfterVangnet, "euro") }));
    // Where the vangnet compensates part of a deficit (with or without the intervention), a saving lowers that
    // compensation: what the municipality keeps gets two columns.
    const vangnet = [base, ...others].some((r) => r.money.vangnetCompensation.some((c) => c > 0));
    const rows = others.map((r, i) => {
      const { effect, cost, kept } = sums[i];
      return [
        r.variantLabel,
        formatPersons1(r.persons.volumeEnd[Y - 1] - base.persons.volumeEnd[Y - 1]),
        formatPersons(r.interventions.starts.reduce((a, b) => a + b, 0)),
        formatEuro(effect),
        formatEuro(cost),
        formatEuro(effect - cost) + range(r),
        ...(vangnet ? [formatEuro(kept), formatEuro(kept - cost)] : []),
        ...(discounted ? [formatEuro(r.effect.netEffectNpv[Y - 1])] : []),
      ];
    });
    const header = [
      TERM.variant, TERM.volumeDiff(last), TERM.starts, TERM.buigEffect, TERM.cost, TERM.netEffect,
      ...(vangnet ? [TERM.buigEffectAfterVangnet, TERM.netEffectAfterVangnet] : []),
      ...(discounted ? [TERM.npv(formatPercent(model.discount.money))] : []),
    ];
    if (vangnet) compensated.push(base.scenario.label);
    blocks.push(`${TERM.variantTitle(base.scenario.label, model.startYear, last)}\n${table(header, rows)}`);
  }
  if (compensated.length) blocks.push(CLI.note(TERM.vangnetTakesPart(compensated)));
  return blocks.length ? blocks.join("\n\n") : undefined;
}

/**
 * Break-even: one joint row per scenario and intervention (the multiplier k on all
 * effects together, and each effect's value at k); with more than one effect, a second
 * table with each effect's own break-even, the others as assumed.
 */
export function breakEvenTable(model: Model, rows: readonly BreakEven[], results: readonly ScenarioResult[] = []): string {
  const fmt = (v: number) => formatDecimal(v, 3);
  const scenarioLabel = (r: BreakEven) => model.scenarios.find((s) => s.name === r.scenario)?.label ?? r.scenario;
  const ivLabel = (r: BreakEven) => model.interventions.find((iv) => iv.name === r.intervention)?.label ?? r.intervention;
  const joint = rows.map((r) => [
    scenarioLabel(r),
    ivLabel(r),
    r.scale === null ? TERM.notReachable : fmt(r.scale),
    r.effects.map((e) => `${parameterLabel(e.label)} ${fmt(e.assumed)} → ${e.breakEven === null ? "–" : fmt(e.breakEven)}`).join("; "),
    formatEuro(shownNetOf(results, r) ?? r.netAtAssumed),
  ]);
  const out = [TERM.breakEvenTitle(model.years), table([TERM.scenario, TERM.intervention, "k", TERM.effectsAtK, TERM.netAtAssumed], joint)];
  const several = rows.filter((r) => r.effects.length > 1);
  if (several.length) {
    const alone = several.flatMap((r) => r.effects.map((e) => [scenarioLabel(r), ivLabel(r), parameterLabel(e.label), fmt(e.assumed), aloneLabel(e) ?? fmt(e.alone!)]));
    out.push("", TERM.aloneTitle, table([TERM.scenario, TERM.intervention, TERM.effect, TERM.assumed, TERM.breakEvenAlone], alone));
  }
  return out.join("\n");
}

/** A break-even's net effect at the assumed effects as the intervention table shows it (variantTable), when the run has that variant. */
function shownNetOf(results: readonly ScenarioResult[], b: BreakEven): number | undefined {
  const r = results.find((x) => x.scenario.name === b.scenario && x.variant === b.intervention);
  return r && shownSum(r.effect.buigEffect, "euro") - shownSum(r.interventions.cost, "euro");
}

/** The label of an intervention or combination of the model, by name. */
const variantLabel = (model: Model, name: string): string => [...model.interventions, ...model.combinations].find((v) => v.name === name)?.label ?? name;

/**
 * Chance of payback after many runs: one row per scenario and intervention with, per
 * year, the share of runs whose cumulative net effect is above zero (the last year's is
 * the share that pays back within the horizon), and the payback year's median and 90%
 * interval ("na <last year>": beyond the horizon).
 */
export function paybackTable(model: Model, rows: readonly Payback[], runsNoun = TERM.draws): string {
  const years = rows[0].years.map((y) => y.year);
  const last = years[years.length - 1];
  const scenarioLabel = (name: string) => model.scenarios.find((s) => s.name === name)?.label ?? name;
  // Where the vangnet takes part of the saving in some draw: the chance within the horizon with what the municipality keeps.
  const vangnet = rows.some((r) => r.afterVangnet);
  const body = rows.map((r) => [
    scenarioLabel(r.scenario),
    variantLabel(model, r.intervention),
    ...r.years.map((y) => formatChance(y.probability)),
    ...(vangnet ? [formatChance((r.afterVangnet ?? r).paidBack)] : []),
    paybackYearLabel(r.paybackYear.median, last),
    paybackIntervalLabel(r.paybackYear.p05, r.paybackYear.p95, last),
  ]);
  return [
    TERM.paybackTitle(rows[0].runs, runsNoun, last),
    TERM.paybackYearLine(last, runsNoun),
    ...(vangnet ? [TERM.paybackAfterVangnetLine(last)] : []),
    table([TERM.scenario, TERM.intervention, ...years.map(String), ...(vangnet ? [TERM.afterVangnetChance(last)] : []), TERM.paybackMedian, TERM.interval90], body),
  ].join("\n");
}
