/**
 * Names and units of the metrics, states, table columns and intervention parameters,
 * shared by the terminal, the charts, the HTML report and the workbook so that one
 * number has one name everywhere. The words come from the message catalogue
 * (src/locale/messages-report.ts), in the run's language; codes stay codes.
 */

import { lang } from "../locale/lang.js";
import { REPORT } from "../locale/messages-report.js";
import { TERM } from "../locale/messages-terminal.js";
import { BAND_KEYS } from "../outcomes/bands.js";
import { isMetric, METRICS } from "../outcomes/metrics.js";

/** A unit code; its word is REPORT.units[unit]. */
export type Unit = "personen" | "euro" | "aantal";

/** Label of a metric in the run's language (from outcomes/metrics.ts). */
export const metricLabel = (key: string): string | undefined => (isMetric(key) ? METRICS[key].label[lang()] : undefined);

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
  if (isMetric(metric)) return METRICS[metric].unit === "euro" ? "euro" : "personen";
  return /cost|expenditure|budget|buig|effect|euro|kosten/.test(metric) ? "euro" : "aantal";
}

/**
 * Column header of a metric with its unit, and the statistic over the runs when it is
 * one: "Volume eind (personen)", "Uitgaven (euro)", "Volume eind (p5, personen)",
 * "Volume gemiddeld (gemiddelde over de runs, personen)". Unknown metrics keep their name.
 */
export function metricHeader(key: string): string {
  const { metric, stat } = splitStat(key);
  const label = metricLabel(metric) ?? metric;
  return `${label} (${stat ? `${REPORT.stats[stat]}, ` : ""}${REPORT.units[metricUnit(key)]})`;
}

/** Name of a state kind (on, off, exit). */
export const kindLabel = (kind: string): string => REPORT.kinds[kind] ?? kind;

/** Label of the `from` side of new inflow in the transition table. */
export const inflowFromLabel = (): string => REPORT.inflowFrom;

/** Header of a CSV column; metric names get their label and unit, others stay as they are. */
export function columnHeader(name: string): string {
  if (REPORT.columns[name]) return REPORT.columns[name];
  if (isMetric(splitStat(name).metric)) return metricHeader(name);
  return name;
}

/**
 * An effect or parameter label as the analyses write it in breakeven.csv and
 * sensitivity.csv (a code: `outflow_work (hazard ratio)`, `kosten per start`) in words:
 * the target key and the measure translated, `A -> B` as `A → B`; anything else as it is.
 *
 * @example
 * parameterLabel("outflow_work (hazard ratio)"); // "uitstroom naar werk (intensiteitsfactor)"
 * parameterLabel("Zorg -> Direct werk (relatief risico)"); // "Zorg → Direct werk (relatief risico)"
 */
export function parameterLabel(label: string): string {
  if (REPORT.parameters[label]) return REPORT.parameters[label];
  const m = /^(.*?)(?: \(([^()]+)\))?$/.exec(label)!;
  const target = REPORT.targets[m[1]] ?? m[1];
  const measure = m[2] === undefined ? "" : ` (${REPORT.measures[m[2]] ?? m[2]})`;
  return `${target}${measure}`.replace(/ -> /g, " → ");
}

/**
 * A payback year as text: the year, or "na <last year>" when it lies beyond the horizon.
 *
 * @example
 * paybackYearLabel(2022, 2023); // "2022"
 * paybackYearLabel(null, 2023); // "na 2023"
 */
export const paybackYearLabel = (year: number | null, last: number): string => (year === null ? REPORT.after(last) : String(year));

/**
 * The 90% interval of the payback year: "2021 – 2023", "2021 – na 2023", or "na 2023"
 * when even its lower end lies beyond the horizon.
 */
export function paybackIntervalLabel(p05: number | null, p95: number | null, last: number): string {
  return p05 === null ? REPORT.after(last) : `${p05} – ${paybackYearLabel(p95, last)}`;
}

/**
 * An effect's own break-even in words where it is no number: out of reach, or not needed
 * (the intervention pays back with this effect at none, 1, and the others as assumed:
 * "1,000" read as "needs exactly no effect").
 */
export const aloneLabel = (e: { assumed: number; alone: number | null }): string | undefined =>
  e.alone === null ? TERM.notReachable : e.alone === 1 && e.assumed !== 1 ? TERM.notNeeded : undefined;
