/**
 * Terminal summaries and CSV files of the calibration commands (pure: strings in, strings
 * out). Tables in the run's number formats like the run summary; CSV in the dialect asked for
 * (locale/csv.ts: comma and decimal point by default, `nl` for Dutch Excel).
 */
import { csvText, type CsvDialect } from "../locale/csv.js";
import { formatDecimal, formatPercent, formatPersons } from "../locale/format.js";
import { CAL } from "../locale/messages-calibrate.js";
import { TERM } from "../locale/messages-terminal.js";
import type { Model } from "../model/model.js";
import type { BacktestResult } from "./backtest.js";
import type { EstimateSummary, SeriesRow } from "./estimate.js";
import type { FitResult } from "./fit.js";
import type { PanelCounts } from "./panel.js";
import { formatMonth } from "./period.js";

export function table(header: string[], rows: string[][], leftColumns = 1): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((v, c) => (c < leftColumns ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

const nl = (v: number, digits: number): string => (Number.isFinite(v) ? formatDecimal(v, digits) : "-");

export const csv = (header: string[], rows: (string | number)[][], dialect: CsvDialect = "tidy"): string => csvText(header, rows, dialect);

const num = (v: number, digits = 6): string => (Number.isFinite(v) ? String(Number(v.toFixed(digits))) : "");

// --- estimate -------------------------------------------------------------------------------

export function estimateReport(panel: PanelCounts, s: EstimateSummary): string {
  const range = panel.periodKind === "calendar" ? TERM.estRange(formatMonth(panel.firstMonth), formatMonth(panel.lastMonth)) : TERM.estRangeIndex(panel.firstMonth, panel.lastMonth);
  const out: string[] = [];
  // data rows skipped: blank lines and a repeated header are no data rows (listed below all the same), so rows = used + skipped
  const skippedRows = panel.skipped.filter((x) => x.reason !== CAL.reasonBlank && x.reason !== CAL.reasonHeaderAgain).reduce((a, x) => a + x.count, 0);
  out.push(TERM.estRead(panel.file, formatPersons(panel.lines), formatPersons(panel.rows), formatPersons(panel.used), formatPersons(skippedRows), formatPersons(panel.clients), range));
  if (panel.skipped.length) {
    out.push(TERM.estSkipped);
    for (const x of panel.skipped) out.push(TERM.estSkippedRow(formatPersons(x.count), x.reason, x.firstLine, x.example));
  }
  out.push(TERM.estGaps(formatPersons(panel.gaps), formatPersons(panel.clientsWithGaps), formatPersons(panel.gapMonths)));
  out.push(TERM.estSingle(formatPersons(panel.singleObservation)));
  out.push(s.disappeared > 0
    ? s.exitState ? TERM.estDisappearedExit(formatPersons(s.disappeared), s.exitState) : TERM.estDisappearedCensor(formatPersons(s.disappeared))
    : TERM.estNobodyLeaves);
  const m = s.states.length;
  const names = s.states.map((x) => x.name);
  const rows = s.states.flatMap((st, i) =>
    st.kind === "exit" ? [] : [[`${st.name} (${st.kind})`, formatPersons(s.rowTotal[i]), ...names.map((_, j) => {
      if (s.fromTemplate.includes(st.name)) return TERM.estTemplate;
      const n = s.counts[i * m + j];
      if (n === 0) return "·";
      const p = n / s.rowTotal[i];
      return `${nl(p, 4)} ±${nl(Math.sqrt((p * (1 - p)) / s.rowTotal[i]), 4)}`;
    })]],
  );
  out.push("", TERM.estMatrixTitle, table([TERM.estFrom, TERM.estMonths, ...names], rows));
  const inf = s.inflow;
  out.push("", TERM.estInflow(formatPersons(inf.arrivals), inf.months, nl(inf.perYear, 1), nl(inf.se, 1)) + (inf.notOn > 0 ? TERM.estNotOn(formatPersons(inf.notOn)) : ""));
  if (inf.byYear.length > 1) out.push(`${TERM.estPerYear}${inf.byYear.map((y) => `${y.year}: ${formatPersons(y.arrivals)}${y.months < 12 ? TERM.estMonthsShort(y.months) : ""}`).join(", ")}`);
  out.push(`${TERM.estEntry}${Object.entries(inf.entry).map(([k, v]) => `${k} ${formatPercent(v)}`).join(", ")}`);
  out.push(TERM.estStart(s.start.year, Object.entries(s.start.stock).map(([k, v]) => `${k} ${formatPersons(v)}`).join(", ") || TERM.estEmpty));
  for (const n of s.notes) out.push(TERM.note(n));
  return out.join("\n");
}

export function estimatesCsv(s: EstimateSummary, dialect: CsvDialect = "tidy"): string {
  return csv(["from", "to", "n", "row_total", "p", "se"], s.estimates.map((e) => [e.from, e.to, e.n, e.n / e.p, num(e.p, 8), num(e.se, 8)]), dialect);
}

export function seriesCsv(rows: SeriesRow[], dialect: CsvDialect = "tidy"): string {
  return csv(["scenario", "year", "metric", "value"], rows.map((r) => [r.scenario, r.year, r.metric, r.value]), dialect);
}

// --- fit ------------------------------------------------------------------------------------------

export function fitReport(model: Model, fit: FitResult, relative: boolean): string {
  const out: string[] = [];
  out.push(TERM.fitHeader(fit.cells.length, fit.params.length, fit.converged, fit.iterations, fit.reason, fit.evaluations));
  out.push(table([TERM.parameter, TERM.start, TERM.estimated, TERM.standardError, TERM.interval95], fit.params.map((p) => [
    p.name, nl(p.start, 4), nl(p.value, 4), nl(p.se, 4),
    Number.isFinite(p.se) ? `${nl(p.value - 1.96 * p.se, 3)} – ${nl(p.value + 1.96 * p.se, 3)}` : "-",
  ])));
  const p = fit.params.filter((x) => !x.name.startsWith("lag:")).length;
  if (p > 1) {
    const names = fit.params.slice(0, p).map((x) => x.name);
    out.push("", TERM.correlation, table(["", ...names], names.map((n, a) => [n, ...names.map((_, b) => nl(fit.correlation[a * p + b], 2))])));
  }
  if (fit.lagProfile) out.push("", TERM.lagProfile(fit.lagProfile.map((l) => `${l.lag}: ${nl(l.sse, relative ? 6 : 1)}`).join(", ")));
  const label = (i: number) => model.scenarios[i].name;
  out.push("", TERM.residualsTitle, table([TERM.scenario, TERM.year, TERM.quantity, TERM.target, TERM.model, TERM.difference, TERM.differencePct], fit.cells.map((c) => [
    label(c.scenario), String(c.year), c.metric, nl(c.value, 1), nl(c.model, 1), nl(c.residual, 1), c.value === 0 ? "–" : formatPercent(c.residual / c.value),
  ]), 3));
  // a target of 0 has no relative difference (it was NaN%)
  const relative0 = fit.cells.filter((c) => c.value !== 0).map((c) => Math.abs(c.residual / c.value));
  const worst = relative0.length ? formatPercent(Math.max(...relative0)) : "–";
  const [mantissa, exponent] = fit.conditioning.toExponential(2).split("e");
  const conditioning = `${nl(Number(mantissa), 2)}e${exponent}`; // 2,58e-1 in Dutch
  out.push(TERM.fitSummary(nl(fit.sse, relative ? 8 : 2), nl(fit.sigma, relative ? 5 : 2), relative, fit.dof, worst, conditioning));
  for (const n of fit.notes) out.push(TERM.note(n));
  return out.join("\n");
}

export function residualsCsv(model: Model, fit: FitResult, dialect: CsvDialect = "tidy"): string {
  return csv(["scenario", "year", "metric", "target", "model", "residual", "relative_residual"],
    fit.cells.map((c) => [model.scenarios[c.scenario].name, c.year, c.metric, c.value, num(c.model, 4), num(c.residual, 4), c.value === 0 ? "" : num(c.residual / c.value, 6)]), dialect);
}

// --- backtest --------------------------------------------------------------------------------------

export function backtestReport(model: Model, r: BacktestResult): string {
  const out: string[] = [];
  out.push(TERM.backtestHeader(r.from, r.startYear, r.from + r.years, r.start ? formatPersons(r.start.stock) : null));
  const scenarios = [...new Set(r.rows.map((x) => x.scenario))];
  for (const sc of scenarios) {
    const label = model.scenarios.find((s) => s.name === sc)?.label ?? sc;
    for (const metric of [...new Set(r.rows.filter((x) => x.scenario === sc).map((x) => x.metric))]) {
      const rows = r.rows.filter((x) => x.scenario === sc && x.metric === metric);
      out.push("", `${label} (${sc}): ${metric}`, table([TERM.year, TERM.actual, TERM.model, TERM.errorModel, TERM.naive, TERM.errorNaive], rows.map((x) => [
        String(x.year), formatPersons(x.actual), formatPersons(x.model), formatPercent((x.model - x.actual) / x.actual), formatPersons(x.naive), formatPercent((x.naive - x.actual) / x.actual),
      ])));
    }
  }
  out.push("", TERM.summaryTitle,
    table([TERM.scenario, TERM.quantity, TERM.years, TERM.mapeModel, TERM.mapeNaive, TERM.biasModel, TERM.biasNaive, TERM.better], r.summary.map((s) => [
      s.scenario, s.metric, String(s.years), formatPercent(s.mapeModel), formatPercent(s.mapeNaive), formatPercent(s.biasModel), formatPercent(s.biasNaive),
      s.mapeModel < s.mapeNaive ? TERM.betterModel : s.mapeModel > s.mapeNaive ? TERM.betterNaive : TERM.betterEqual,
    ]), 2));
  for (const n of r.notes) out.push(TERM.note(n));
  return out.join("\n");
}

export function backtestCsv(r: BacktestResult, dialect: CsvDialect = "tidy"): string {
  return csv(["scenario", "metric", "year", "years_ahead", "actual", "model", "naive", "error_model", "error_naive", "ape_model", "ape_naive"],
    r.rows.map((x) => [x.scenario, x.metric, x.year, x.ahead, x.actual, num(x.model, 4), x.naive, num(x.model - x.actual, 4), num(x.naive - x.actual, 4),
      num(Math.abs(x.model - x.actual) / x.actual, 6), num(Math.abs(x.naive - x.actual) / x.actual, 6)]), dialect);
}

export function backtestSummaryCsv(r: BacktestResult, dialect: CsvDialect = "tidy"): string {
  return csv(["scenario", "metric", "years", "mape_model", "mape_naive", "bias_model", "bias_naive", "mean_error_model", "mean_error_naive"],
    r.summary.map((s) => [s.scenario, s.metric, s.years, num(s.mapeModel), num(s.mapeNaive), num(s.biasModel), num(s.biasNaive), num(s.meanErrorModel, 4), num(s.meanErrorNaive, 4)]), dialect);
}
