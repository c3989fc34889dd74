/**
 * results.json -> a typed, normalised document for the report. Pure: the writer reads
 * the file and hands the text here with its name, so every error names the file.
 *
 * Normalised means: each year's numeric fields (volume_end, buig_result, and whatever
 * later versions add, such as `volume_end_p05` or `net_effect`) sit in `metrics`, and
 * the per-state volumes in `states`. A chart asks `metrics[name]` and draws nothing
 * when it is absent, so new metrics never break the report and missing ones are omitted.
 */
import { z } from "zod";
import { InputError, jsonPath } from "../model/errors.js";
import { parseJson } from "../model/parse.js";

/** The results format this report reads. */
export const RESULTS_FORMAT = "bijstandsim-results/1";

export interface StateInfo {
  name: string;
  label: string;
  kind: string;
  source?: string;
}

export interface Reference {
  name: string;
  label: string;
  scenario?: string;
  metric: string;
  values: Record<string, number>;
  tolerance?: number;
  source?: string;
}

export interface YearRow {
  year: number;
  /** Every numeric field of the year object, by its name in results.json. */
  metrics: Record<string, number>;
  states: Record<string, { volume_end: number; volume_avg: number }>;
}

export interface Transition {
  year: number;
  from: string;
  to: string;
  count: number;
}

export interface ScenarioBlock {
  name: string;
  label: string;
  variant: string;
  variantLabel: string;
  years: YearRow[];
  transitions: Transition[];
}

export interface ResultsDoc {
  format: string;
  meta: { tool: string; version: string; file: string; file_hash: string; options: Record<string, unknown> };
  /** The model summary; fields beyond the typed ones are kept as they are (e.g. interventions). */
  model: {
    name: string;
    label: string;
    unit: string;
    start_year: number;
    horizon_years: number;
    cycle: string;
    counting: string;
    discount: Record<string, unknown>;
    states: StateInfo[];
    drivers: Record<string, unknown>[];
    references: Reference[];
    notes: string[];
    [key: string]: unknown;
  };
  scenarios: ScenarioBlock[];
  /** Anything else at the top level (e.g. `breakeven`), untouched. */
  extra: Record<string, unknown>;
}

const num = z.number().refine(Number.isFinite, "must be a finite number");

const YearSchema = z
  .object({
    year: z.number().int(),
    states: z.record(z.string(), z.object({ volume_end: num, volume_avg: num }).loose()).optional(),
  })
  .catchall(z.unknown());

const ScenarioSchema = z
  .object({
    name: z.string(),
    label: z.string().optional(),
    variant: z.string().default("baseline"),
    variant_label: z.string().optional(),
    years: z.array(YearSchema).min(1),
    transitions: z.array(z.object({ year: z.number().int(), from: z.string(), to: z.string(), count: num }).loose()).default([]),
  })
  .loose();

const DocSchema = z
  .object({
    format: z.literal(RESULTS_FORMAT),
    meta: z
      .object({
        tool: z.string().default("bijstandsim"),
        version: z.string(),
        file: z.string(),
        file_hash: z.string(),
        options: z.record(z.string(), z.unknown()).default({}),
      })
      .loose(),
    model: z
      .object({
        name: z.string(),
        label: z.string().optional(),
        unit: z.string().default("personen"),
        start_year: z.number().int(),
        horizon_years: z.number().int(),
        cycle: z.string().default("month"),
        counting: z.string().default("half"),
        discount: z.record(z.string(), z.unknown()).default({}),
        states: z.array(z.object({ name: z.string(), label: z.string().optional(), kind: z.string(), source: z.string().optional() }).loose()),
        drivers: z.array(z.record(z.string(), z.unknown())).default([]),
        references: z
          .array(
            z
              .object({
                name: z.string(),
                label: z.string().optional(),
                scenario: z.string().optional(),
                metric: z.string(),
                values: z.record(z.string(), num),
                tolerance: z.number().optional(),
                source: z.string().optional(),
              })
              .loose(),
          )
          .default([]),
        notes: z.array(z.string()).default([]),
      })
      .loose(),
    scenarios: z.array(ScenarioSchema).min(1),
  })
  .loose();

const RERUN = "run the scenario again with this version of bijstandsim (bijstandsim run <scenario file> --out <this folder>), then report";

/** The label of a variant when the results do not carry one. */
export const variantLabel = (variant: string): string => (variant === "baseline" ? "Basispad (geen interventie)" : variant);

/**
 * Parses the text of a results.json. Throws an InputError naming the file, the JSON path
 * and the fix when the text is not JSON, is of another format or version, or lacks a field.
 *
 * @example
 * const doc = parseResults(readFileSync("output/steenwijkerland/results.json", "utf8"), "results.json");
 * doc.scenarios[0].years[0].metrics.volume_end; // 696.4612
 */
export function parseResults(text: string, file: string): ResultsDoc {
  const raw = parseJson(text, file);
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new InputError(file, "(top level)", "is not a bijstandsim results file (expected a JSON object)", RERUN);
  }
  const format = (raw as Record<string, unknown>).format;
  if (format !== RESULTS_FORMAT) {
    const got = format === undefined ? "has no \"format\" field" : `has format ${JSON.stringify(format)}`;
    throw new InputError(file, "format", `${got}; this version of bijstandsim reads "${RESULTS_FORMAT}"`, RERUN);
  }
  const parsed = DocSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(file, jsonPath(issue.path), issue.message, RERUN);
  }
  const d = parsed.data;
  const { format: _f, meta, model, scenarios, ...extra } = d;
  return {
    format: d.format,
    meta: meta as ResultsDoc["meta"],
    model: {
      ...model,
      label: model.label ?? model.name,
      states: model.states.map((s) => ({ ...s, label: s.label ?? s.name })),
      references: model.references.map((r) => ({ ...r, label: r.label ?? r.name })),
    } as ResultsDoc["model"],
    scenarios: scenarios.map((s) => ({
      name: s.name,
      label: s.label ?? s.name,
      variant: s.variant,
      variantLabel: s.variant_label ?? variantLabel(s.variant),
      years: s.years.map((y) => {
        const metrics: Record<string, number> = {};
        for (const [k, v] of Object.entries(y)) if (k !== "year" && typeof v === "number" && Number.isFinite(v)) metrics[k] = v;
        return { year: y.year, metrics, states: (y.states ?? {}) as YearRow["states"] };
      }),
      transitions: s.transitions.map((t) => ({ year: t.year, from: t.from, to: t.to, count: t.count })),
    })),
    extra,
  };
}
