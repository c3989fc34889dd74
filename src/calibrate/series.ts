/**
 * Yearly series to fit to or to backtest against: a CSV with the columns
 * `scenario,year,metric,value` (the layout of yearly.csv without `variant`). The
 * scenario column may be left out or left empty: the row then applies to every macro
 * scenario. Metrics are those of yearly.csv (volume_end, inflow, outflow_work, ...).
 * Or wide: `year,volume_end,inflow,outflow_work,outflow_other`, one row per year, empty
 * cells where nothing was observed (the way yearly counts usually come).
 * A `;`-separated file (Dutch Excel, `--csv nl`) may write values with a decimal comma.
 * Series are small, so the whole text is read at once; every mistake names its line.
 */
import { CAL } from "../locale/messages-calibrate.js";
import { InputError } from "../model/errors.js";
import type { Model } from "../model/model.js";
import { LIMITS } from "../model/limits.js";
import { isMetric, METRIC_KEYS, METRICS, type Metric } from "../outcomes/metrics.js";
import { csvLine } from "../locale/csv.js";
import { decimalPoint, detectDelimiter, normaliseHeader, splitCsvLine } from "./csv.js";

export interface SeriesPoint {
  /** Empty: every scenario. */
  scenario: string;
  year: number;
  metric: Metric;
  value: number;
  line: number;
}


/** A plain decimal number: digits, an optional decimal point with digits, an optional exponent. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d+)?|\.\d+)([eE][+-]?\d+)?$/;
/** `415.000` or `1.250.000`: a Dutch thousands separator, or three decimals? Refused rather than guessed. */
const THOUSANDS = /^[+-]?\d{1,3}(\.\d{3})+$/;
/** Metrics that count persons or euros spent: never below 0. */
/** Column names as a Dutch spreadsheet may write them (`jaar;grootheid;waarde`): the same columns. */
const DUTCH_COLUMNS: Record<string, string> = { jaar: "year", periode: "year", grootheid: "metric", metriek: "metric", waarde: "value" };

const NON_NEGATIVE = new Set(["expenditure", "budget", "intervention_cost", "vangnet_compensation", "expenditure_discounted"]);

/**
 * A series value, strictly: a plain decimal number (no hexadecimal `0x10`, no decimal
 * comma, no thousands separator), finite and within LIMITS.magnitude, and not negative
 * where the metric is a count of persons or euros spent.
 */
function seriesValue(text: string, metric: Metric, file: string, where: string): number {
  const shown = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  if (THOUSANDS.test(text)) throw new InputError(file, where, ...CAL.seriesAmbiguous(shown, text.replace(/\./g, ""), Number.isFinite(Number(text)) ? Number(text).toFixed(2) : undefined));
  const value = Number(text);
  if (!PLAIN_NUMBER.test(text) || !Number.isFinite(value)) throw new InputError(file, where, ...CAL.seriesValue(shown));
  if (Math.abs(value) > LIMITS.magnitude) throw new InputError(file, where, ...CAL.seriesTooLarge(shown, LIMITS.magnitude));
  if (value < 0 && (METRICS[metric].unit === "persons" || NON_NEGATIVE.has(metric))) throw new InputError(file, where, ...CAL.seriesNegative(shown, metric));
  return value;
}

/**
 * Parses a series CSV; checks form (columns, numbers, metric names, duplicates).
 * `fileLine` maps a line of `text` to the user's file (the wide layout is read as a tidy text).
 */
export function parseSeries(text: string, file: string, fileLine = (line: number) => line): SeriesPoint[] {
  const lines = text.split("\n").map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
  const headerAt = lines.findIndex((l) => l.trim() !== "");
  if (headerAt < 0) throw new InputError(file, "", ...CAL.seriesEmpty);
  const delimiter = detectDelimiter(lines[headerAt]);
  const header = normaliseHeader(splitCsvLine(lines[headerAt], delimiter) ?? []).map((h) => DUTCH_COLUMNS[h] ?? h);
  const col = (name: string) => header.indexOf(name);
  if (col("metric") < 0 && col("value") < 0 && col("year") >= 0 && header.some(isMetric)) return parseWide(lines, headerAt, delimiter, header, file);
  const missing = ["year", "metric", "value"].filter((c) => col(c) < 0);
  if (missing.length) {
    throw new InputError(file, CAL.line(headerAt + 1), ...CAL.seriesNoColumns(missing, header));
  }
  const [ci, yi, mi, vi] = [col("scenario"), col("year"), col("metric"), col("value")];
  const points: SeriesPoint[] = [];
  const seen = new Map<string, number>();
  for (let k = headerAt + 1; k < lines.length; k++) {
    const line = k + 1;
    if (lines[k].trim() === "") continue;
    const f = splitCsvLine(lines[k], delimiter);
    if (!f || f.length !== header.length) {
      throw new InputError(file, CAL.line(line), ...CAL.seriesColumns(f?.length ?? 0, header.length, header.join(","), delimiter));
    }
    const scenario = ci >= 0 ? f[ci].trim() : "";
    const yearText = f[yi].trim();
    if (!/^\d{4}$/.test(yearText)) throw new InputError(file, CAL.lineColumn(line, "year"), ...CAL.seriesYear(yearText));
    const metric = f[mi].trim();
    if (!isMetric(metric)) {
      throw new InputError(file, CAL.lineColumn(line, "metric"), ...CAL.seriesMetric(metric, METRIC_KEYS));
    }
    const valueText = decimalPoint(f[vi].trim(), delimiter);
    const value = seriesValue(valueText, metric, file, CAL.lineColumn(line, "value"));
    const key = `${scenario}|${yearText}|${metric}`;
    if (seen.has(key)) throw new InputError(file, CAL.line(line), ...CAL.seriesRepeat(scenario || CAL.everyScenario, yearText, metric, fileLine(seen.get(key)!)));
    seen.set(key, line);
    points.push({ scenario, year: Number(yearText), metric, value, line });
  }
  if (points.length === 0) throw new InputError(file, "", ...CAL.seriesNoRows);
  return points;
}

/**
 * The wide layout: one row per year (and scenario), a column per metric, an empty cell
 * where nothing was observed, e.g. `year,volume_end,inflow,outflow_work,outflow_other`.
 * Any subset of the metrics of yearly.csv, any years.
 */
function parseWide(lines: string[], headerAt: number, delimiter: string, header: string[], file: string): SeriesPoint[] {
  const unknown = header.filter((h) => h !== "year" && h !== "scenario" && !isMetric(h));
  if (unknown.length) {
    throw new InputError(file, CAL.line(headerAt + 1), ...CAL.seriesWideUnknown(unknown, METRIC_KEYS));
  }
  const tidy = [["scenario", "year", "metric", "value"].join(",")];
  const lineOf: number[] = [headerAt];
  const columnOf: string[] = [""];
  for (let k = headerAt + 1; k < lines.length; k++) {
    if (lines[k].trim() === "") continue;
    const f = splitCsvLine(lines[k], delimiter);
    if (!f || f.length !== header.length) {
      throw new InputError(file, CAL.line(k + 1), ...CAL.seriesColumnsWide(f?.length ?? 0, header.length, header.join(",")));
    }
    const at = (name: string) => f[header.indexOf(name)]?.trim() ?? "";
    for (const h of header.filter(isMetric)) {
      if (at(h) === "") continue;
      tidy.push(csvLine([at("scenario"), at("year"), h, decimalPoint(at(h), delimiter)], "tidy", false)); // read back below: text kept exactly
      lineOf.push(k);
      columnOf.push(h);
    }
  }
  if (tidy.length === 1) throw new InputError(file, "", ...CAL.seriesWideNoValues);
  // Parse as the tidy layout, then give every point the line of the file it came from.
  try {
    return parseSeries(tidy.join("\n"), file, (line) => lineOf[line - 1] + 1).map((p) => ({ ...p, line: lineOf[p.line - 1] + 1 }));
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const k = [...lineOf.keys()].find((i) => err.path === CAL.line(i + 1) || err.path.startsWith(`${CAL.line(i + 1)},`));
    if (k === undefined) throw err;
    const path = err.path === CAL.lineColumn(k + 1, "value") ? CAL.lineColumn(lineOf[k] + 1, columnOf[k]) : err.path.replace(CAL.line(k + 1), CAL.line(lineOf[k] + 1));
    throw new InputError(file, path, err.message, err.fix);
  }
}

/** Checks the scenarios named in a series against the model (each mistake with its line). */
export function checkScenarios(points: SeriesPoint[], model: Model, file: string): void {
  const names = model.scenarios.map((s) => s.name);
  for (const p of points) {
    if (p.scenario !== "" && !names.includes(p.scenario)) {
      throw new InputError(file, CAL.lineColumn(p.line, "scenario"), ...CAL.seriesScenario(p.scenario, model.file, names));
    }
  }
}

/** A target cell: one scenario (by index), year and metric. A row with an empty scenario becomes one cell per scenario. */
export interface Cell {
  scenario: number;
  year: number;
  metric: Metric;
  value: number;
  line: number;
}

export function expandCells(points: SeriesPoint[], model: Model, scenarioNames: string[] = []): Cell[] {
  const use = (i: number) => scenarioNames.length === 0 || scenarioNames.includes(model.scenarios[i].name);
  const cells: Cell[] = [];
  const taken = new Set<string>();
  // Rows for one scenario first: they win over a row for every scenario with the same year and metric.
  const ordered = [...points.filter((p) => p.scenario !== ""), ...points.filter((p) => p.scenario === "")];
  for (const p of ordered) {
    model.scenarios.forEach((s, i) => {
      const key = `${i}|${p.year}|${p.metric}`;
      if ((p.scenario === "" || p.scenario === s.name) && use(i) && !taken.has(key)) {
        taken.add(key);
        cells.push({ scenario: i, year: p.year, metric: p.metric, value: p.value, line: p.line });
      }
    });
  }
  return cells.sort((a, b) => a.scenario - b.scenario || a.metric.localeCompare(b.metric) || a.year - b.year);
}
