/**
 * Backtest: start the model at the end of a past year `from` and project the years the
 * actual series goes on for; compare each year with the actual value and with the naive
 * forecast (the value of `from` carried forward).
 *
 * What the command does to the file: `start_year` becomes from + 1, the horizon runs to
 * the last actual year, and when the actual series has `volume_end` for `from`, the
 * on-bijstand states of `initial` are scaled (keeping their mix) so that the stock is
 * that actual value: the projection starts from the observed state. Off and exit
 * states are left as the file has them. Interventions are left out and the BUIG budget
 * is not used (money is not backtested). Macro paths, inflow and transitions are the
 * file's: the backtest asks how well the file, as written, would have forecast.
 *
 * Errors per year: e = model - actual, APE = |e| / actual; per series MAPE = mean APE
 * and bias = mean of e / actual (signed: positive means the model forecast too high).
 */
import { formatDecimal } from "../locale/format.js";
import { CAL } from "../locale/messages-calibrate.js";
import { InputError } from "../model/errors.js";
import { compileScenario } from "../model/compile/index.js";
import type { ScenarioFile } from "../model/schema.js";
import { baselineVariant } from "../model/variant.js";
import { metricValues, type Metric } from "../outcomes/metrics.js";
import { runScenario, selectScenarios } from "../simulate/scenario.js";
import type { SeriesPoint } from "./series.js";

export interface BacktestRow {
  scenario: string;
  metric: Metric;
  year: number;
  /** Years ahead of `from` (1 = the first projected year). */
  ahead: number;
  actual: number;
  model: number;
  naive: number;
}

export interface BacktestSummary {
  scenario: string;
  metric: Metric;
  years: number;
  mapeModel: number;
  mapeNaive: number;
  biasModel: number;
  biasNaive: number;
  meanErrorModel: number;
  meanErrorNaive: number;
}

export interface BacktestResult {
  from: number;
  startYear: number;
  years: number;
  /** The on-bijstand stock the projection starts from, and the factor applied to the file's initial on-states. */
  start: { stock: number; factor: number } | null;
  rows: BacktestRow[];
  summary: BacktestSummary[];
  notes: string[];
}

/** The actual value for a scenario (a row for that scenario wins over a row for all). */
function actualValue(points: SeriesPoint[], scenario: string, year: number, metric: Metric): number | undefined {
  return (points.find((p) => p.scenario === scenario && p.year === year && p.metric === metric) ?? points.find((p) => p.scenario === "" && p.year === year && p.metric === metric))?.value;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

export function summarise(rows: BacktestRow[]): BacktestSummary[] {
  const groups = new Map<string, BacktestRow[]>();
  for (const r of rows) groups.set(`${r.scenario}|${r.metric}`, [...(groups.get(`${r.scenario}|${r.metric}`) ?? []), r]);
  return [...groups.values()].map((g) => ({
    scenario: g[0].scenario,
    metric: g[0].metric,
    years: g.length,
    mapeModel: mean(g.map((r) => Math.abs(r.model - r.actual) / r.actual)),
    mapeNaive: mean(g.map((r) => Math.abs(r.naive - r.actual) / r.actual)),
    biasModel: mean(g.map((r) => (r.model - r.actual) / r.actual)),
    biasNaive: mean(g.map((r) => (r.naive - r.actual) / r.actual)),
    meanErrorModel: mean(g.map((r) => r.model - r.actual)),
    meanErrorNaive: mean(g.map((r) => r.naive - r.actual)),
  }));
}

export function backtest(spec: ScenarioFile, file: string, points: SeriesPoint[], options: { from: number; scenarios?: string[]; actualFile: string }): BacktestResult {
  const { from, actualFile } = options;
  const notes: string[] = [];
  const after = points.filter((p) => p.year > from);
  if (after.length === 0) throw new InputError(actualFile, "", ...CAL.backtestNoAfter(from));
  const lastYear = Math.max(...after.map((p) => p.year));
  const metrics = [...new Set(after.map((p) => p.metric))];
  for (const metric of metrics) {
    if (!points.some((p) => p.year === from && p.metric === metric)) {
      const line = after.find((p) => p.metric === metric)!.line;
      throw new InputError(actualFile, CAL.line(line), ...CAL.backtestNoNaive(metric, from));
    }
    if (after.some((p) => p.metric === metric && p.value === 0)) {
      const line = after.find((p) => p.metric === metric && p.value === 0)!.line;
      throw new InputError(actualFile, CAL.lineColumn(line, "value"), ...CAL.backtestZero);
    }
  }

  const s: ScenarioFile = structuredClone(spec);
  s.interventions = [];
  s.combinations = [];
  if (s.macro && options.scenarios?.length) {
    // Only the scenarios asked for are compiled: the others need not reach back to the new start.
    const unknown = options.scenarios.find((name) => !s.macro!.scenarios.some((x) => x.name === name));
    if (unknown) throw new InputError(file, "--scenario", ...CAL.unknownScenario(unknown, s.macro.scenarios.map((x) => x.name)));
    s.macro.scenarios = s.macro.scenarios.filter((x) => options.scenarios!.includes(x.name));
    s.references = s.references.filter((r) => r.scenario === undefined || options.scenarios!.includes(r.scenario));
  }
  // One history without a scenario column, every macro path scored against it: a comparison of the paths, which the note says (fit refuses this).
  const paths = s.macro?.scenarios.length ?? 1;
  if (!options.scenarios?.length && paths > 1 && points.every((p) => p.scenario === "")) notes.push(CAL.noteOneHistoryManyPaths(paths));
  s.start_year = from + 1;
  s.horizon_years = lastYear - from;
  const anyBudget = Object.values(s.buig.budget)[0] ?? 0;
  s.buig = { budget: { [String(from + 1)]: anyBudget }, after_last: "constant", source: CAL.backtestBudgetSource };
  if (spec.start_year !== from + 1) notes.push(CAL.noteStartMoved(spec.start_year, from + 1));

  let start: BacktestResult["start"] = null;
  const stock = points.find((p) => p.year === from && p.metric === "volume_end" && p.scenario === "") ?? points.find((p) => p.year === from && p.metric === "volume_end");
  if (stock) {
    const on = new Set(s.states.filter((x) => x.kind === "on").map((x) => x.name));
    let total = 0;
    for (const [name, v] of Object.entries(s.initial)) if (on.has(name)) total += typeof v === "number" ? v : v.count;
    if (total === 0) throw new InputError(file, "initial", ...CAL.backtestNoStock);
    const factor = stock.value / total;
    for (const [name, v] of Object.entries(s.initial)) if (on.has(name) && typeof v === "number") s.initial[name] = v * factor;
    start = { stock: stock.value, factor };
    if (Math.abs(factor - 1) > 1e-9) notes.push(CAL.noteStockScaled(formatDecimal(factor, 4), from, stock.value));
  } else notes.push(CAL.noteNoStock(from));

  const model = compileScenario(s, file);
  notes.push(...model.notes.filter((n) => !n.includes("(buig.budget)"))); // the budget is not used here
  const rows: BacktestRow[] = [];
  for (const scenario of selectScenarios(model, options.scenarios ?? [])) {
    const values = metricValues(runScenario(model, scenario, [baselineVariant(model)])[0]);
    for (const metric of metrics) {
      const naive = actualValue(points, scenario.name, from, metric);
      if (naive === undefined) continue;
      for (let year = from + 1; year <= lastYear; year++) {
        const actual = actualValue(points, scenario.name, year, metric);
        if (actual === undefined) continue;
        rows.push({ scenario: scenario.name, metric, year, ahead: year - from, actual, model: values[metric][year - model.startYear], naive });
      }
    }
  }
  return { from, startYear: from + 1, years: lastYear - from, start, rows, summary: summarise(rows), notes };
}
