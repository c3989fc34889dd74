/**
 * `bijstandsim compare`: two or more runs (their results.json) side by side, per macro
 * scenario, year and metric, with the difference of every run from the first (run A).
 * Pure: parsed results in, a Comparison out; the terminal, HTML, workbook and CSV are
 * drawn from it (tables.ts, charts.ts, html.ts, xlsx.ts) and the CLI reads and writes.
 *
 * What is compared is what the runs share: the macro scenarios (by name) and years that
 * every run has, and per scenario the interventions every run ran. What one run lacks
 * is left out and said in `notes`; runs that share no year or no scenario are refused
 * with one line (an InputError) naming the run and the fix.
 */
import { COMPARE } from "../locale/messages-compare.js";
import { REPORT } from "../locale/messages-report.js";
import { InputError } from "../model/errors.js";
import { parseJson } from "../model/parse.js";
import { checkedResults, RESULTS_FORMAT } from "../outcomes/results.js";
import { metricOf } from "../report/charts.js";
import { viewOf, type RunView, type ScenarioBlock, type YearRow } from "../report/results.js";

/** The baseline's metrics compared, in output order. */
export const BASE_METRICS = ["volume_end", "volume_avg", "inflow", "outflow_work", "outflow_other", "expenditure", "budget", "buig_result", "buig_result_after_vangnet"] as const;
/** An intervention's metrics compared (against the baseline of the same run and scenario). */
export const EFFECT_METRICS = ["intervention_cost", "buig_effect", "net_effect", "net_effect_cumulative"] as const;

/** Which number of a run is compared: its expected-value projection (`value` in yearly.csv), or the mean over its probabilistic runs. */
export type Stat = "value" | "mean";

/** One run as the CLI read it. */
export interface RunSource {
  /** The path as the user gave it (an output folder or a results.json). */
  source: string;
  doc: RunView;
  /** The day the results file was last written (YYYY-MM-DD), for a file that does not record the day of its run. */
  fileDate?: string;
}

export interface RunInfo {
  /** A, B, C, ...: the name of the run in every table. */
  letter: string;
  source: string;
  /** The scenario file's name, mode and day: "steenwijkerland.json, cohortmodel, 2026-01-01". */
  label: string;
  file: string;
  mode: string;
  date: string;
  version: string;
  hash: string;
  unit: string;
  /** The population the run is of (the scenario file's label: "Gemeente Groningen"). */
  population: string;
  years: [number, number];
  /** Probabilistic runs behind the bands, when the run has them. */
  runs?: number;
}

/** One metric of a compared block: per run, per compared year, the number (null: the run does not carry it), with the 90% interval when the run has one. */
export interface CompareSeries {
  metric: string;
  values: (number | null)[][];
  low: (number | null)[][];
  high: (number | null)[][];
}

/** A macro scenario's baseline, or one of its interventions, in every run. */
export interface CompareBlock {
  scenario: string;
  scenarioLabel: string;
  variant: string;
  variantLabel: string;
  series: CompareSeries[];
}

export interface Comparison {
  runs: RunInfo[];
  years: number[];
  stat: Stat;
  blocks: CompareBlock[];
  /** What was compared and what was left out, in the run's language (--lang), one sentence each. */
  notes: string[];
}

export interface CompareOptions {
  stat?: Stat;
  /** Only these macro scenarios (names); each must be one the runs share. */
  scenarios?: string[];
}

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
export const runLetter = (i: number): string => (i < LETTERS.length ? LETTERS[i] : `R${i + 1}`);

/**
 * The text of a results.json as a run, or an InputError naming the file: not
 * JSON, a scenario file instead of results, another format, a missing field.
 */
export function parseRun(text: string, file: string): RunView {
  let raw: unknown;
  try {
    raw = parseJson(text, file);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new InputError(file, err.path, ...COMPARE.notJson);
  }
  const obj = typeof raw === "object" && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
  if (obj && obj.format === undefined && "states" in obj && "initial" in obj) {
    throw new InputError(file, "", ...COMPARE.scenarioFile(file));
  }
  if (!obj || obj.format !== RESULTS_FORMAT) {
    const found = obj?.format === undefined ? COMPARE.noFormat : COMPARE.otherFormat(JSON.stringify(obj.format), RESULTS_FORMAT);
    throw new InputError(file, obj ? "format" : "", ...COMPARE.notResults(found));
  }
  try {
    return viewOf(checkedResults(raw, file));
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new InputError(file, err.path, ...COMPARE.incomplete(err.message));
  }
}

const yearsOf = (doc: RunView): number[] => [...new Set(doc.scenarios.flatMap((s) => s.years.map((y) => y.year)))].sort((a, b) => a - b);

/** The run's way of computing: "cohortmodel", "PSA, 1000 trekkingen (seed 1)", "microsimulatie, 2 replicaties (seed 1)". */
function modeLabel(o: Record<string, unknown>): string {
  const seed = o.seed !== undefined ? ` (seed ${String(o.seed)})` : "";
  if (o.mode === "psa") return COMPARE.modePsa(String(o.runs ?? "?"), seed, o.population_noise === false);
  if (o.mode === "microsim") return COMPARE.modeMicrosim(String(o.runs ?? "?"), o.runs === 1, seed);
  return o.mode === "cohort" || o.mode === undefined ? COMPARE.modeCohort : String(o.mode);
}

function runInfo(r: RunSource, i: number): RunInfo {
  const { meta, model } = r.doc;
  const years = yearsOf(r.doc);
  const date = meta.date ?? (r.fileDate ? COMPARE.dateUnknownFile(r.fileDate) : COMPARE.dateUnknown);
  const mode = modeLabel(meta.options);
  const runs = r.doc.scenarios.some((s) => s.years.some((y) => y.metrics.volume_end_p05 !== undefined)) && typeof meta.options.runs === "number" ? meta.options.runs : undefined;
  return {
    letter: runLetter(i), source: r.source, label: `${meta.file}, ${mode}, ${date}`, file: meta.file, mode, date,
    version: meta.version, hash: meta.file_hash, unit: model.unit, population: model.label ?? model.name, years: [years[0], years[years.length - 1]], runs,
  };
}

const span = (ys: readonly number[]): string => (ys.length === 1 ? String(ys[0]) : `${ys[0]}–${ys[ys.length - 1]}`);

/** The years every run has; refuses the first run that shares none with the runs before it. */
function commonYears(runs: readonly RunSource[], infos: readonly RunInfo[]): number[] {
  let common = yearsOf(runs[0].doc);
  runs.forEach((r, i) => {
    const ys = new Set(yearsOf(r.doc));
    const next = common.filter((y) => ys.has(y));
    if (next.length === 0) {
      const before = runs.slice(0, i).map((x, k) => `${infos[k].letter} ${span(yearsOf(x.doc))}`).join(", ");
      throw new InputError(r.source, "", ...COMPARE.noCommonYear(i === 1 ? runs[0].source : COMPARE.runsBefore, infos[i].letter, span([...ys].sort((a, b) => a - b)), before));
    }
    common = next;
  });
  return common;
}

/** The macro scenarios every run has (in run A's order), restricted to `wanted`; refuses runs that share none. */
function commonScenarios(runs: readonly RunSource[], infos: readonly RunInfo[], wanted: readonly string[]): { names: string[]; notes: string[] } {
  const namesOf = (doc: RunView) => [...new Set(doc.scenarios.map((s) => s.name))];
  let common = namesOf(runs[0].doc);
  runs.forEach((r, i) => {
    const has = new Set(namesOf(r.doc));
    const next = common.filter((n) => has.has(n));
    if (next.length === 0) {
      throw new InputError(r.source, "", ...COMPARE.noCommonScenario(i === 1 ? runs[0].source : COMPARE.runsBefore, infos[i].letter, namesOf(r.doc).join(", "), namesOf(runs[0].doc).join(", ")));
    }
    common = next;
  });
  for (const name of wanted) {
    if (!common.includes(name)) throw new InputError("--scenario", "", ...COMPARE.notShared(name, common.join(", ")));
  }
  const names = wanted.length ? common.filter((n) => wanted.includes(n)) : common;
  const label = labelOf(runs);
  const left = [...new Set(runs.flatMap((r) => namesOf(r.doc)))].filter((n) => !common.includes(n));
  const notes = left.length
    ? [COMPARE.scenariosNote(COMPARE.list(common.map(label)), left.map((n) => COMPARE.onlyIn(label(n), infos.filter((x, i) => namesOf(runs[i].doc).includes(n)).map((x) => x.letter).join(", "))).join(", "))]
    : [];
  // Paired by name: one name with another label in another run (a stress test's shock from 2025 in A, from 2026 in B)
  // is not the same scenario, and the tables show A's label only.
  for (const name of names) {
    const labels = runs.map((r) => r.doc.scenarios.find((s) => s.name === name)?.label ?? name);
    if (new Set(labels).size > 1) notes.push(COMPARE.labelsDiffer(name, infos.map((x, i) => `${x.letter} "${labels[i]}"`).join(", ")));
  }
  return { names, notes };
}

/** A scenario's or variant's label in the first run that has it. */
const labelOf = (runs: readonly RunSource[]) => (name: string): string => runs.flatMap((r) => r.doc.scenarios).find((s) => s.name === name)?.label ?? name;

/** One metric of a block, per run, over the compared years; the cumulative net effect is summed over the compared years only. */
function series(blocks: readonly ScenarioBlock[], years: readonly number[], metric: string, stat: Stat): CompareSeries {
  const rowAt = (b: ScenarioBlock, year: number): YearRow | undefined => b.years.find((y) => y.year === year);
  const pick = (y: YearRow | undefined, key: string): number | null => {
    if (!y) return null;
    const v = stat === "mean" ? (y.metrics[`${key}_mean`] ?? metricOf(y.metrics, key)) : metricOf(y.metrics, key);
    return v === undefined ? null : v;
  };
  if (metric === "net_effect_cumulative") {
    // From the first compared year on, so that runs that start in different years add up the same years.
    const values = blocks.map((b) => {
      let total: number | null = 0;
      return years.map((year) => {
        const net = pick(rowAt(b, year), "net_effect");
        total = total === null || net === null ? null : total + net;
        return total;
      });
    });
    return { metric, values, low: values.map((v) => v.map(() => null)), high: values.map((v) => v.map(() => null)) };
  }
  const band = (suffix: string) => blocks.map((b) => years.map((year) => rowAt(b, year)?.metrics[`${metric}_${suffix}`] ?? null));
  return { metric, values: blocks.map((b) => years.map((year) => pick(rowAt(b, year), metric))), low: band("p05"), high: band("p95") };
}

/** Per compared scenario the baseline and the interventions every run ran, and a note on the interventions left out. */
function compareBlocks(runs: readonly RunSource[], infos: readonly RunInfo[], names: readonly string[], years: readonly number[], stat: Stat): { blocks: CompareBlock[]; notes: string[] } {
  const blocks: CompareBlock[] = [];
  const left = new Map<string, Set<string>>();
  for (const name of names) {
    const per = runs.map((r) => r.doc.scenarios.filter((s) => s.name === name));
    for (const first of per[0]) {
      const matched = per.map((bs) => bs.find((b) => b.variant === first.variant));
      if (matched.some((b) => b === undefined)) continue;
      const metrics = first.variant === "baseline" ? BASE_METRICS : EFFECT_METRICS;
      blocks.push({ scenario: name, scenarioLabel: first.label, variant: first.variant, variantLabel: first.variantLabel, series: metrics.map((m) => series(matched as ScenarioBlock[], years, m, stat)) });
    }
    per.forEach((bs, i) => {
      for (const b of bs) {
        if (b.variant !== "baseline" && !blocks.some((x) => x.scenario === name && x.variant === b.variant)) left.set(b.variantLabel, (left.get(b.variantLabel) ?? new Set()).add(infos[i].letter));
      }
    });
  }
  const notes = [...left].map(([label, letters]) => COMPARE.interventionNote(label, [...letters].join(", ")));
  return { blocks, notes };
}

/** Notes on what the runs are: the same file or not, versions, units, bands, the statistic. */
function identityNotes(infos: readonly RunInfo[], stat: Stat): string[] {
  const notes: string[] = [];
  const a = infos[0];
  for (const x of infos.slice(1)) {
    notes.push(x.hash === a.hash ? COMPARE.sameFile(x.letter) : COMPARE.otherFile(x.letter, x.file, a.file));
  }
  const versions = [...new Set(infos.map((x) => x.version))];
  if (versions.length > 1) notes.push(COMPARE.versionsNote(infos.map((x) => `${x.letter} ${x.version}`).join(", ")));
  // Two municipalities side by side: scenarios and interventions are paired by name, which then says nothing about their content.
  const populations = [...new Set(infos.map((x) => x.population))];
  if (populations.length > 1) notes.push(COMPARE.populationsNote(infos.map((x) => `${x.letter} ${x.population}`).join(", ")));
  const units = [...new Set(infos.map((x) => x.unit))];
  if (units.length > 1) notes.push(COMPARE.unitsNote(infos.map((x) => `${x.letter} ${REPORT.units[x.unit] ?? x.unit}`).join(", ")));
  const banded = infos.filter((x): x is RunInfo & { runs: number } => x.runs !== undefined);
  if (banded.length) {
    const letters = banded.map((x) => x.letter).join(", ");
    notes.push(stat === "mean" ? COMPARE.meanNote(letters) : COMPARE.valueNote(letters, banded.map((x) => x.runs)));
  }
  return notes;
}

/**
 * Compares runs: what they share, per scenario, variant, metric, run and year.
 *
 * @example
 * const c = compareRuns([{ source: "output/vorig-jaar", doc: a }, { source: "output/dit-jaar", doc: b }]);
 * c.blocks[0].series[0]; // { metric: "volume_end", values: [[696.46, ...], [701.2, ...]], ... }
 */
export function compareRuns(runs: readonly RunSource[], opts: CompareOptions = {}): Comparison {
  if (runs.length < 2) {
    throw new InputError("compare", "", ...COMPARE.tooFew(runs.length));
  }
  const stat = opts.stat ?? "value";
  const infos = runs.map(runInfo);
  const years = commonYears(runs, infos);
  const scenarios = commonScenarios(runs, infos, opts.scenarios ?? []);
  const { blocks, notes } = compareBlocks(runs, infos, scenarios.names, years, stat);
  const all = runs.map((r) => yearsOf(r.doc));
  const yearNote = all.some((ys) => ys.length !== years.length)
    ? [COMPARE.yearsNote(span(years), infos.map((x, i) => `${x.letter}: ${span(all[i])}`).join(", "))]
    : [];
  const equal = blocks.every((b) => b.series.every((s) => s.values.every((v) => v.every((x, y) => x === s.values[0][y]))));
  return {
    runs: infos,
    years,
    stat,
    blocks,
    notes: [...yearNote, ...scenarios.notes, ...notes, ...identityNotes(infos, stat), ...(equal ? [COMPARE.allEqual] : [])],
  };
}
