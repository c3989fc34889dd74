/**
 * The yearly metrics of a run: every number per scenario, variant and year that the
 * outputs, the probabilistic bands, calibration and the report speak of. One entry per
 * metric: its key (the column value in yearly.csv and the field in results.json), unit,
 * Dutch and English label, and how it is read from a ScenarioResult. The order here is
 * the order of every output.
 *
 * To add a metric: add an entry (in the place it should appear); the CSV, JSON, bands,
 * workbook and report pick it up.
 */
import { stored, STORED_DECIMALS } from "../locale/format.js";
import type { ScenarioResult } from "./result.js";

export type Unit = "persons" | "euro";

export interface MetricDef {
  unit: Unit;
  label: { nl: string; en: string };
  /** The value per projected year. */
  values: (r: ScenarioResult) => Float64Array;
}

const persons = (nl: string, en: string, values: MetricDef["values"]): MetricDef => ({ unit: "persons", label: { nl, en }, values });
const euro = (nl: string, en: string, values: MetricDef["values"]): MetricDef => ({ unit: "euro", label: { nl, en }, values });

export const METRICS = {
  volume_end: persons("Volume eind", "Volume at year end", (r) => r.persons.volumeEnd),
  volume_avg: persons("Volume gemiddeld", "Average volume", (r) => r.persons.volumeAvg),
  inflow: persons("Instroom", "Inflow", (r) => r.persons.inflowNew.map((v, y) => v + r.persons.reinflow[y])),
  inflow_new: persons("Nieuwe instroom", "New inflow", (r) => r.persons.inflowNew),
  reinflow: persons("Herinstroom", "Re-inflow", (r) => r.persons.reinflow),
  outflow_work: persons("Uitstroom naar werk", "Outflow to work", (r) => r.persons.outflowWork),
  outflow_other: persons("Uitstroom overig", "Other outflow", (r) => r.persons.outflowOther),
  expenditure: euro("Uitgaven", "Expenditure", (r) => r.money.expenditure),
  budget: euro("BUIG-budget", "BUIG budget", (r) => r.money.budget),
  buig_result: euro("BUIG-resultaat", "BUIG result", (r) => r.money.buigResult),
  vangnet_compensation: euro("Vangnetcompensatie", "Safety-net compensation", (r) => r.money.vangnetCompensation),
  buig_result_after_vangnet: euro("BUIG-resultaat na vangnet", "BUIG result after safety net", (r) => r.money.buigResultAfterVangnet),
  intervention_participants: persons("Deelnemers interventie", "Intervention participants", (r) => r.interventions.participants),
  intervention_starts: persons("Starters interventie", "Intervention starts", (r) => r.interventions.starts),
  inflow_prevented: persons("Voorkomen instroom", "Inflow prevented", (r) => r.interventions.prevented),
  intervention_cost: euro("Kosten interventie", "Intervention cost", (r) => r.interventions.cost),
  buig_effect: euro("BUIG-effect", "BUIG effect", (r) => r.effect.buigEffect),
  net_effect: euro("Netto-effect", "Net effect", (r) => r.effect.netEffect),
  net_effect_cumulative: euro("Netto-effect cumulatief", "Cumulative net effect", (r) => r.effect.netEffectCumulative),
  net_effect_npv: euro("Netto-effect contante waarde", "Net effect, present value", (r) => r.effect.netEffectNpv),
  buig_effect_after_vangnet: euro("BUIG-effect na vangnet", "BUIG effect after safety net", (r) => r.effect.buigEffectAfterVangnet),
  net_effect_after_vangnet: euro("Netto-effect na vangnet", "Net effect after safety net", (r) => r.effect.netEffectAfterVangnet),
  expenditure_discounted: euro("Uitgaven contant", "Expenditure, discounted", (r) => r.money.expenditureDiscounted),
  buig_result_discounted: euro("BUIG-resultaat contant", "BUIG result, discounted", (r) => r.money.buigResultDiscounted),
  volume_avg_discounted: persons("Volume gemiddeld contant", "Average volume, discounted", (r) => r.money.volumeAvgDiscounted),
} as const satisfies Record<string, MetricDef>;

export type Metric = keyof typeof METRICS;

/** Every metric key, in output order. */
export const METRIC_KEYS = Object.keys(METRICS) as Metric[];

export const isMetric = (s: string): s is Metric => Object.prototype.hasOwnProperty.call(METRICS, s);

/** Decimals a metric is written with: persons 4, euros 2 (cents), as locale/format.ts rounds them for display. */
export const decimals = (metric: Metric): number => STORED_DECIMALS[METRICS[metric].unit];

/** The value as written in the CSV files. */
export const formatValue = (metric: Metric, v: number): string => v.toFixed(decimals(metric));

/** The value as written in results.json (the CSV's rounding, as a number). */
export const roundValue = (metric: Metric, v: number): number => stored(v, decimals(metric));

/** Every metric of a result, per projected year. */
export function metricValues(r: ScenarioResult): Record<Metric, Float64Array> {
  return Object.fromEntries(METRIC_KEYS.map((k) => [k, METRICS[k].values(r)])) as Record<Metric, Float64Array>;
}
