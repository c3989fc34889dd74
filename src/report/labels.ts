/**
 * Dutch names and units of the metrics, states and table columns, shared by the charts,
 * the HTML report and the workbook so that one number has one name everywhere.
 */

import { BAND_KEYS } from "../outcomes/bands.js";
import { METRIC_KEYS, METRICS } from "../outcomes/metrics.js";

export type Unit = "personen" | "euro" | "aantal";

/** Dutch label and unit of each metric written by `run` (from outcomes/metrics.ts). */
export const METRIC_LABELS: Record<string, { label: string; unit: Unit }> = Object.fromEntries(
  METRIC_KEYS.map((k) => [k, { label: METRICS[k].label.nl, unit: METRICS[k].unit === "euro" ? "euro" : "personen" }]),
);

/** Suffixes of the percentile and mean fields of stochastic runs. */
const STAT_LABELS: Record<string, string> = { mean: "gemiddelde over de runs", p05: "p5", p50: "mediaan", p95: "p95" };

/**
 * Splits `volume_end_p05` into the metric and its statistic.
 *
 * @example
 * splitStat("volume_end_p05"); // { metric: "volume_end", stat: "p05" }
 * splitStat("volume_end");     // { metric: "volume_end", stat: undefined }
 */
export function splitStat(key: string): { metric: string; stat?: string } {
  for (const s of BAND_KEYS) if (key.endsWith(`_${s}`)) return { metric: key.slice(0, -s.length - 1), stat: s };
  return { metric: key };
}

/** Unit of a metric (or of one of its statistics); unknown metrics count as "aantal". */
export function metricUnit(key: string): Unit {
  const { metric } = splitStat(key);
  if (METRIC_LABELS[metric]) return METRIC_LABELS[metric].unit;
  return /cost|expenditure|budget|buig|effect|euro|kosten/.test(metric) ? "euro" : "aantal";
}

/**
 * Dutch column header of a metric with its unit, and the statistic over the runs when
 * it is one: "Volume eind (personen)", "Uitgaven (euro)", "Volume eind (p5, personen)",
 * "Volume gemiddeld (gemiddelde over de runs, personen)". Unknown metrics keep their name.
 */
export function metricHeader(key: string): string {
  const { metric, stat } = splitStat(key);
  const label = METRIC_LABELS[metric]?.label ?? metric;
  return `${label} (${stat ? `${STAT_LABELS[stat]}, ` : ""}${metricUnit(key)})`;
}

/** Dutch name of a state kind. */
export const KIND_LABELS: Record<string, string> = {
  on: "in de bijstand",
  off: "uit de bijstand (herinstroom mogelijk)",
  exit: "definitief uitgestroomd",
};

/** Label of the `from` side of new inflow in the transition table. */
export const INSTROOM_LABEL = "Instroom (nieuw)";

/** Dutch headers of the CSV columns written by `run` (and later analyses). */
export const COLUMN_LABELS: Record<string, string> = {
  scenario: "Scenario",
  scenario_label: "Scenario (naam)",
  variant: "Variant",
  variant_label: "Variant (naam)",
  intervention: "Interventie",
  year: "Jaar",
  state: "Toestand",
  kind: "Soort",
  volume_end: "Volume eind (personen)",
  volume_avg: "Volume gemiddeld (persoonsjaren)",
  from: "Van",
  to: "Naar",
  count: "Aantal (personen)",
  metric: "Grootheid",
  value: "Waarde",
  run: "Run",
  difference: "Verschil met run A",
  parameter: "Parameter",
  effect: "Effect",
  low: "Laag",
  base: "Basis",
  high: "Hoog",
  assumed: "Aangenomen effect",
  effect_multiplier: "Break-even-vermenigvuldiger k (alle effecten samen)",
  at_break_even: "Effect bij k",
  break_even_alone: "Break-even van dit effect alleen (andere zoals aangenomen)",
  net_effect_low: "Netto-effect cumulatief bij laag (euro)",
  net_effect_base: "Netto-effect cumulatief bij basis (euro)",
  net_effect_high: "Netto-effect cumulatief bij hoog (euro)",
  net_effect_cumulative_assumed: "Netto-effect cumulatief bij aangenomen effect (euro)",
  net_effect_cumulative_break_even: "Netto-effect cumulatief bij break-even (euro)",
  runs: "Runs (trekkingen)",
  probability_positive: "Kans cumulatief netto-effect boven nul",
  paid_back_share: "Aandeel runs terugverdiend binnen de horizon",
  payback_year_median: "Terugverdienjaar mediaan (leeg: na de horizon)",
  payback_year_p05: "Terugverdienjaar p5 (leeg: na de horizon)",
  payback_year_p95: "Terugverdienjaar p95 (leeg: na de horizon)",
};

/** Dutch header of a CSV column; metric names get their label and unit, others stay as they are. */
export function columnHeader(name: string): string {
  if (COLUMN_LABELS[name]) return COLUMN_LABELS[name];
  if (METRIC_LABELS[splitStat(name).metric]) return metricHeader(name);
  return name;
}

/** Dutch names of the transition groups an intervention effect can target. */
export const EFFECT_TARGET_LABELS: Record<string, string> = {
  outflow_work: "uitstroom naar werk",
  outflow_other: "uitstroom overig",
  reinflow: "herinstroom",
  up: "stap omhoog op de ladder",
  down: "stap terug op de ladder",
  inflow: "instroom",
};

/**
 * An effect or parameter label from the engine in Dutch: a leading target key is
 * translated and `A -> B` becomes `A → B`; anything else is left as it is.
 *
 * @example
 * dutchParameter("outflow_work (hazard ratio)"); // "uitstroom naar werk (hazard ratio)"
 */
export function dutchParameter(label: string): string {
  const m = /^([a-z_]+)(\s*\(.*)?$/.exec(label);
  const out = m && EFFECT_TARGET_LABELS[m[1]] ? `${EFFECT_TARGET_LABELS[m[1]]}${m[2] ?? ""}` : label;
  return out.replace(/ -> /g, " → ");
}

/**
 * A payback year as text: the year, or "na <last year>" when it lies beyond the horizon.
 *
 * @example
 * paybackYearLabel(2022, 2023); // "2022"
 * paybackYearLabel(null, 2023); // "na 2023"
 */
export const paybackYearLabel = (year: number | null, last: number): string => (year === null ? `na ${last}` : String(year));

/**
 * The 90% interval of the payback year: "2021 – 2023", "2021 – na 2023", or "na 2023"
 * when even its lower end lies beyond the horizon.
 */
export function paybackIntervalLabel(p05: number | null, p95: number | null, last: number): string {
  return p05 === null ? `na ${last}` : `${p05} – ${paybackYearLabel(p95, last)}`;
}
