/** The compact summary printed after a run: one table per scenario, Dutch formats. */
import { formatChance, formatEuro, formatPercent, formatPersons } from "../locale/format.js";
import type { Model } from "../model/model.js";
import type { BreakEven, Payback } from "../outcomes/analyses.js";
import { metricAt, type Bands } from "../outcomes/bands.js";
import { isMetric, METRICS, metricValues } from "../outcomes/metrics.js";
import { dutchParameter, paybackIntervalLabel, paybackYearLabel } from "./labels.js";
import type { ScenarioResult } from "../outcomes/result.js";

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** With bands (PSA), the 90% interval follows volume and BUIG result. */
export function scenarioTable(model: Model, r: ScenarioResult, psa?: { bands: Bands; index: number }): string {
  const afterVangnet = r.money.vangnetCompensation.some((c) => c > 0);
  const range = (metric: "volume_end" | "buig_result", y: number, fmt: (v: number) => string) => {
    if (!psa) return "";
    const i = metricAt({ years: model.years, states: model.declared.length }, psa.index, metric, y);
    return ` (${fmt(psa.bands.p05[i])} – ${fmt(psa.bands.p95[i])})`;
  };
  const p = r.persons;
  const rows = p.years.map((year, y) => [
    String(year),
    formatPersons(p.volumeEnd[y]) + range("volume_end", y, formatPersons),
    formatPersons(p.inflowNew[y] + p.reinflow[y]),
    formatPersons(p.outflowWork[y] + p.outflowOther[y]),
    formatEuro(r.money.expenditure[y]),
    formatEuro(r.money.budget[y]),
    formatEuro(r.money.buigResult[y]) + range("buig_result", y, formatEuro),
    ...(afterVangnet ? [formatEuro(r.money.buigResultAfterVangnet[y])] : []),
  ]);
  const title = `${r.scenario.label} (${r.scenario.name})${r.variant === "baseline" ? "" : ` met ${r.variantLabel}`}`;
  const header = ["Jaar", `Volume eind (${model.unit})`, "Instroom", "Uitstroom", "Uitgaven", "BUIG-budget", "BUIG-resultaat", ...(afterVangnet ? ["Na vangnet"] : [])];
  return `${title}\n${table(header, rows)}`;
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
      const within = ref.tolerance === undefined ? "" : Math.abs(diff) <= ref.tolerance ? "ja" : "NEE";
      rows.push([ref.label, ref.metric, String(year), fmt(value), fmt(values[y]), formatPercent(diff), ...(withTolerance ? [within] : [])]);
    }
  }
  const header = ["Referentie", "Grootheid", "Jaar", "Referentie", "Model", "Verschil", ...(withTolerance ? ["Binnen marge"] : [])];
  return rows.length ? `Model tegenover referentie (alleen referenties met een scenario)\n${table(header, rows)}` : undefined;
}

/** Per scenario: each variant against the baseline, in persons and euros. */
export function variantTable(model: Model, results: readonly ScenarioResult[]): string | undefined {
  const byScenario = new Map<string, ScenarioResult[]>();
  for (const r of results) byScenario.set(r.scenario.name, [...(byScenario.get(r.scenario.name) ?? []), r]);
  const blocks: string[] = [];
  for (const rs of byScenario.values()) {
    const base = rs.find((r) => r.variant === "baseline");
    const others = rs.filter((r) => r.variant !== "baseline");
    if (!base || others.length === 0) continue;
    const Y = model.years;
    const rows = others.map((r) => [
      r.variantLabel,
      formatPersons(r.persons.volumeEnd[Y - 1] - base.persons.volumeEnd[Y - 1]),
      formatPersons(r.interventions.starts.reduce((a, b) => a + b, 0)),
      formatEuro(r.effect.buigEffect.reduce((a, b) => a + b, 0)),
      formatEuro(r.interventions.cost.reduce((a, b) => a + b, 0)),
      formatEuro(r.effect.netEffectCumulative[Y - 1]),
      formatEuro(r.effect.netEffectNpv[Y - 1]),
    ]);
    blocks.push(`${base.scenario.label}: interventies tegenover geen interventie, ${model.startYear}-${model.startYear + Y - 1}\n` +
      table(["Variant", `Volume ${model.startYear + Y - 1}`, "Starters", "BUIG-effect", "Kosten", "Netto effect", "Netto contante waarde"], rows));
  }
  return blocks.length ? blocks.join("\n\n") : undefined;
}

/**
 * Break-even: one joint row per scenario and intervention (the multiplier k on all
 * effects together, and each effect's value at k); with more than one effect, a second
 * table with each effect's own break-even, the others as assumed.
 */
export function breakEvenTable(model: Model, rows: readonly BreakEven[]): string {
  const fmt = (v: number) => v.toFixed(3).replace(".", ",");
  const scenarioLabel = (r: BreakEven) => model.scenarios.find((s) => s.name === r.scenario)?.label ?? r.scenario;
  const ivLabel = (r: BreakEven) => model.interventions.find((iv) => iv.name === r.intervention)?.label ?? r.intervention;
  const joint = rows.map((r) => [
    scenarioLabel(r),
    ivLabel(r),
    r.scale === null ? "niet binnen bereik" : fmt(r.scale),
    r.effects.map((e) => `${dutchParameter(e.label)} ${fmt(e.assumed)} → ${e.breakEven === null ? "–" : fmt(e.breakEven)}`).join("; "),
    formatEuro(r.netAtAssumed),
  ]);
  const out = [
    `Break-even: de vermenigvuldiger k op alle effecten samen (effect = 1 + k × (aangenomen − 1)) waarbij de interventie zich binnen ${model.years} jaar terugverdient`,
    table(["Scenario", "Interventie", "k", "Effecten: aangenomen → bij k", "Netto bij aanname"], joint),
  ];
  const several = rows.filter((r) => r.effects.length > 1);
  if (several.length) {
    const alone = several.flatMap((r) => r.effects.map((e) => [scenarioLabel(r), ivLabel(r), dutchParameter(e.label), fmt(e.assumed), e.alone === null ? "niet binnen bereik" : fmt(e.alone)]));
    out.push("", "Elk effect apart: de break-even van één effect als de andere zoals aangenomen blijven (een andere vraag dan k hierboven)",
      table(["Scenario", "Interventie", "Effect", "Aangenomen", "Break-even alleen"], alone));
  }
  return out.join("\n");
}

/** The label of an intervention or combination of the model, by name. */
const variantLabel = (model: Model, name: string): string => [...model.interventions, ...model.combinations].find((v) => v.name === name)?.label ?? name;

/**
 * Chance of payback after many runs: one row per scenario and intervention with, per
 * year, the share of runs whose cumulative net effect is above zero (the last year's is
 * the share that pays back within the horizon), and the payback year's median and 90%
 * interval ("na <last year>": beyond the horizon).
 */
export function paybackTable(model: Model, rows: readonly Payback[], runsNoun = "trekkingen"): string {
  const years = rows[0].years.map((y) => y.year);
  const last = years[years.length - 1];
  const scenarioLabel = (name: string) => model.scenarios.find((s) => s.name === name)?.label ?? name;
  const body = rows.map((r) => [
    scenarioLabel(r.scenario),
    variantLabel(model, r.intervention),
    ...r.years.map((y) => formatChance(y.probability)),
    paybackYearLabel(r.paybackYear.median, last),
    paybackIntervalLabel(r.paybackYear.p05, r.paybackYear.p95, last),
  ]);
  return [
    `Kans op terugverdienen over ${rows[0].runs} ${runsNoun}: per jaar het aandeel waarin het cumulatieve netto-effect boven nul ligt (in ${last}: terugverdiend binnen de horizon)`,
    `Terugverdienjaar: het eerste jaar waarin het cumulatieve netto-effect boven nul komt en daar tot en met ${last} blijft; mediaan en 90%-interval over de ${runsNoun}, "na ${last}": niet binnen de horizon`,
    table(["Scenario", "Interventie", ...years.map(String), "Terugverdienjaar mediaan", "90%-interval"], body),
  ].join("\n");
}
