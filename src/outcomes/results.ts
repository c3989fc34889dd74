/**
 * results.json: the one definition of the results document. The run writes it with
 * `resultsDocument` + `serialiseResults`; the report, the workbook and calibration read
 * it with `parseResults`, against the same schema. Numbers are rounded as in the CSV
 * files (persons 4 decimals, euros 2), so every file of a run carries the same values.
 */
import { z } from "zod";
import { stored, STORED_DECIMALS } from "../locale/format.js";
import { MSG } from "../locale/messages-form.js";
import { REPORT } from "../locale/messages-report.js";
import { InputError, jsonPath } from "../model/errors.js";
import type { Model } from "../model/model.js";
import { parseJson } from "../model/parse.js";
import { BreakEvenSchema, PaybackSchema, SensitivitySchema, type BreakEven, type Payback, type SensitivityRow } from "./analyses.js";
import { BAND_KEYS, metricAt, stateAt, STATE_VOLUMES, type Bands, type ResultLayout } from "./bands.js";
import { METRIC_KEYS, metricValues, roundValue } from "./metrics.js";
import type { ScenarioResult } from "./result.js";

/** The results format this version writes and reads. */
export const RESULTS_FORMAT = "bijstandsim-results/1";

const num = z.number().refine(Number.isFinite, { error: () => MSG.finite });
const round4 = (v: number) => stored(v, STORED_DECIMALS.persons);

/** A declared state's volume at year end and person-years, with their bands after probabilistic runs. */
const StateVolumeSchema = z.object({
  volume_end: num,
  volume_avg: num,
  ...Object.fromEntries(STATE_VOLUMES.flatMap((v) => BAND_KEYS.map((b) => [`${v}_${b}`, num.optional()]))),
}) as unknown as z.ZodType<{ volume_end: number; volume_avg: number } & Partial<Record<string, number>>>;

export type StateVolume = z.infer<typeof StateVolumeSchema>;

/**
 * One year of one scenario and variant, flat as in the file: `year`, every metric by
 * its key, `<metric>_<band>` after probabilistic runs, and the volume per state.
 * Read a metric with `metricIn`.
 */
export interface YearResult {
  year: number;
  states: Record<string, StateVolume>;
  [key: string]: number | Record<string, StateVolume> | undefined;
}

const YearSchema = z.object({
  year: z.number().int(),
  ...Object.fromEntries(METRIC_KEYS.map((k) => [k, num])),
  ...Object.fromEntries(METRIC_KEYS.flatMap((k) => BAND_KEYS.map((b) => [`${k}_${b}`, num.optional()]))),
  states: z.record(z.string(), StateVolumeSchema),
}) as unknown as z.ZodType<YearResult>;

/** A metric (or `<metric>_<band>`) of a year, or undefined when the year does not carry it. */
export const metricIn = (y: YearResult, key: string): number | undefined => (key === "year" ? undefined : typeof y[key] === "number" ? (y[key] as number) : undefined);

const TransitionSchema = z.object({ year: z.number().int(), from: z.string(), to: z.string(), count: num });

const ScenarioBlockSchema = z.object({
  name: z.string(),
  label: z.string(),
  variant: z.string(),
  variant_label: z.string(),
  years: z.array(YearSchema).min(1),
  transitions: z.array(TransitionSchema),
});

const ModelSchema = z.object({
  name: z.string(),
  label: z.string(),
  unit: z.string(),
  start_year: z.number().int(),
  horizon_years: z.number().int(),
  cycle: z.string(),
  counting: z.string(),
  discount: z.object({ money: num, persons: num, first_year: z.enum(["undiscounted", "discounted"]) }),
  vangnet: z.object({ own_risk: num, partial_until: num, partial_share: num }),
  states: z.array(z.object({ name: z.string(), label: z.string(), kind: z.enum(["on", "off", "exit"]), source: z.string().optional() })),
  drivers: z.array(z.object({ name: z.string(), label: z.string(), unit: z.string().optional(), baseYear: z.number().int() })),
  references: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      scenario: z.string().optional(),
      metric: z.string(),
      values: z.record(z.string(), num),
      tolerance: z.number().optional(),
      source: z.string().optional(),
    }),
  ),
  notes: z.array(z.string()),
  interventions: z.array(
    z.object({
      name: z.string(),
      label: z.string(),
      targets: z.array(z.string()),
      places: num,
      starts_per_year: num,
      duration_cycles: z.number().int(),
      effects: z.array(z.object({ target: z.string(), measure: z.enum(["hr", "rr"]), value: num })),
    }),
  ),
  combinations: z.array(z.object({ name: z.string(), label: z.string(), interventions: z.array(z.string()) })),
});

export const MetaSchema = z.object({
  tool: z.string(),
  version: z.string(),
  /** The day of the run, YYYY-MM-DD (absent in files written before it was recorded). */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD").optional(),
  file: z.string(),
  file_hash: z.string(),
  options: z.record(z.string(), z.unknown()),
});
export type RunMeta = z.infer<typeof MetaSchema>;

export const ResultsSchema = z.object({
  format: z.literal(RESULTS_FORMAT),
  meta: MetaSchema,
  model: ModelSchema,
  scenarios: z.array(ScenarioBlockSchema).min(1),
  breakeven: z.array(BreakEvenSchema).default([]),
  sensitivity: z.array(SensitivitySchema).default([]),
  /** Chance of payback per intervention and scenario, after probabilistic runs (absent in older files and other modes). */
  payback: z.array(PaybackSchema).default([]),
});

type Parsed = z.infer<typeof ResultsSchema>;
/** A results document; years carry every metric by its key (and `<metric>_<band>` after probabilistic runs). */
export type ResultsDoc = Omit<Parsed, "scenarios"> & { scenarios: (Omit<Parsed["scenarios"][number], "years"> & { years: YearResult[] })[] };
export type ScenarioBlock = ResultsDoc["scenarios"][number];

/** The name used for new inflow as the `from` of a transition. */
export const INSTROOM = "instroom";

/** Moves between declared states per year with a count above 0 (`from` = "instroom" for new inflow). */
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

/** What the model says of itself in results.json. */
function modelSummary(model: Model): ResultsDoc["model"] {
  return {
    name: model.name,
    label: model.label,
    unit: model.unit,
    start_year: model.startYear,
    horizon_years: model.years,
    cycle: model.cycle,
    counting: model.counting,
    discount: { money: model.discount.money, persons: model.discount.persons, first_year: model.discount.firstYear },
    vangnet: { own_risk: model.vangnet.ownRisk, partial_until: model.vangnet.partialUntil, partial_share: model.vangnet.partialShare },
    states: model.declared.map((d) => ({ name: d.name, label: d.label, kind: d.kind, source: d.source })),
    drivers: [...model.drivers],
    references: model.references.map((r) => ({ ...r, values: Object.fromEntries(r.values) })),
    notes: [...model.notes],
    interventions: model.interventions.map((iv) => ({
      name: iv.name,
      label: iv.label,
      targets: model.declared.filter((_, d) => iv.targets[d]).map((d) => d.name),
      places: iv.places,
      starts_per_year: iv.startsPerCycle * model.cyclesPerYear,
      duration_cycles: iv.durationCycles,
      effects: iv.inflow
        ? [{ target: "inflow", measure: "rr" as const, value: iv.inflow.value }]
        : iv.effects.map((e) => ({ target: e.target.kind === "cell" ? `${model.declared[e.target.from].name} -> ${model.declared[e.target.to].name}` : e.target.kind, measure: e.measure, value: e.value })),
    })),
    combinations: model.combinations.map((c) => ({ name: c.name, label: c.label, interventions: c.members.map((p) => model.interventions[p].name) })),
  };
}

/** One scenario and variant, with the bands of result `ri` when the run has them. */
function scenarioBlock(model: Model, r: ScenarioResult, ri: number, bands?: Bands): ScenarioBlock {
  const m = model.declared.length;
  const layout: ResultLayout = { years: model.years, states: m };
  const values = metricValues(r);
  const band = (y: number) =>
    bands ? Object.fromEntries(METRIC_KEYS.flatMap((k) => BAND_KEYS.map((b) => [`${k}_${b}`, roundValue(k, bands[b][metricAt(layout, ri, k, y)])]))) : {};
  const stateBand = (d: number, y: number) =>
    bands ? Object.fromEntries(STATE_VOLUMES.flatMap((v) => BAND_KEYS.map((b) => [`${v}_${b}`, round4(bands[b][stateAt(layout, ri, d, v, y)])]))) : {};
  return {
    name: r.scenario.name,
    label: r.scenario.label,
    variant: r.variant,
    variant_label: r.variantLabel,
    years: r.persons.years.map((year, y) => ({
      year,
      ...Object.fromEntries(METRIC_KEYS.map((k) => [k, roundValue(k, values[k][y])])),
      ...band(y),
      states: Object.fromEntries(model.declared.map((d, i) => [d.name, { volume_end: round4(r.persons.stateEnd[y * m + i]), volume_avg: round4(r.persons.stateAvg[y * m + i]), ...stateBand(i, y) }])),
    })),
    transitions: transitionRows(model, r).map((t) => ({ ...t, count: round4(t.count) })),
  };
}

export interface Analyses {
  breakeven: BreakEven[];
  sensitivity: SensitivityRow[];
  /** From the runs' values (outcomes/payback.ts); empty without probabilistic runs. */
  payback: Payback[];
}

const rounded = (v: number | null, digits: number): number | null => (v === null || !Number.isFinite(v) ? null : Number(v.toFixed(digits)));

/** Sensitivity rows as the CSV writes them: parameter values to 6 decimals, euros to cents. */
const roundSensitivity = (r: SensitivityRow): SensitivityRow => ({
  ...r,
  low: Number(r.low.toFixed(6)),
  high: Number(r.high.toFixed(6)),
  base: Number(r.base.toFixed(6)),
  netLow: rounded(r.netLow, 2),
  netHigh: rounded(r.netHigh, 2),
  netBase: rounded(r.netBase, 2),
});

/** Payback rows as the CSV writes them: probabilities to 4 decimals. */
const roundChances = <T extends Pick<Payback, "years" | "paidBack">>(r: T): T => ({
  ...r,
  years: r.years.map((y) => ({ year: y.year, probability: round4(y.probability) })),
  paidBack: round4(r.paidBack),
});
const roundPayback = (r: Payback): Payback => ({ ...roundChances(r), ...(r.afterVangnet ? { afterVangnet: roundChances(r.afterVangnet) } : {}) });

/** The results document of a run. */
export function resultsDocument(model: Model, results: readonly ScenarioResult[], meta: RunMeta, analyses: Analyses, bands?: Bands): ResultsDoc {
  return {
    format: RESULTS_FORMAT,
    meta,
    model: modelSummary(model),
    scenarios: results.map((r, ri) => scenarioBlock(model, r, ri, bands)),
    breakeven: analyses.breakeven,
    sensitivity: analyses.sensitivity.map(roundSensitivity),
    payback: analyses.payback.map(roundPayback),
  };
}

/** The text of results.json; a run without sensitivity or payback rows writes none (as results.json has always read). */
export function serialiseResults(doc: ResultsDoc): string {
  const { sensitivity, payback, ...rest } = doc;
  return JSON.stringify({ ...rest, ...(sensitivity.length ? { sensitivity } : {}), ...(payback.length ? { payback } : {}) }, null, 2) + "\n";
}

/**
 * The results.json text a run has just written, as parseResults would give it, without
 * checking it again (that is for a file that may have been edited): the lists the
 * schema defaults are filled in the same way. A test holds the two equal.
 */
export function ownResults(text: string): ResultsDoc {
  return { breakeven: [], sensitivity: [], payback: [], ...(JSON.parse(text) as Partial<ResultsDoc>) } as ResultsDoc;
}

/**
 * Parses the text of a results.json. Throws an InputError naming the file, the JSON path
 * and the fix when the text is not JSON, is of another format or version, or lacks a field.
 *
 * @example
 * const doc = parseResults(readFileSync("output/steenwijkerland/results.json", "utf8"), "results.json");
 * doc.scenarios[0].years[0].volume_end; // 696.4612
 */
export function parseResults(text: string, file: string): ResultsDoc {
  let raw: unknown;
  try {
    raw = parseJson(text, file);
  } catch (err) {
    // The tool wrote this file: broken JSON means a damaged copy, which a JSON linter does not mend.
    if (err instanceof InputError) throw new InputError(file, err.path, err.message, REPORT.rerun);
    throw err;
  }
  return checkedResults(raw, file);
}

/** A results.json already parsed as JSON (parseJson), checked as parseResults checks it. */
export function checkedResults(raw: unknown, file: string): ResultsDoc {
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new InputError(file, jsonPath([]), REPORT.notResultsFile, REPORT.rerun);
  }
  const format = (raw as Record<string, unknown>).format;
  if (format !== RESULTS_FORMAT) {
    const got = format === undefined ? REPORT.noFormat : REPORT.hasFormat(JSON.stringify(format));
    throw new InputError(file, "format", REPORT.readsFormat(got, RESULTS_FORMAT), REPORT.rerun);
  }
  const parsed = ResultsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(file, jsonPath(issue.path), issue.message, REPORT.rerun);
  }
  return parsed.data as ResultsDoc;
}
