/**
 * results.xlsx for spreadsheet users: one sheet per table, numbers stored as numbers
 * (formatted for display only), headers in the run's language. Built in memory (workbook.ts), from
 * results.json (the same numbers as the CSV files); the writer puts the bytes on disk.
 *
 * Sheets: Begroting first (begroting.ts: per scenario the years as columns, ready to
 * paste into a municipal budget), Jaarcijfers (one row per scenario, variant and year,
 * one column per metric), Toestanden, Overgangen, Break-even, Gevoeligheid and
 * Terugverdienen when the run has them, and Over deze run (metadata).
 */
import { REPORT } from "../locale/messages-report.js";
import { BAND_KEYS } from "../outcomes/bands.js";
import { METRIC_KEYS } from "../outcomes/metrics.js";
import { begrotingSheet } from "./begroting.js";
import { netAsShown } from "./charts.js";
import { columnHeader, metricHeader, metricUnit, parameterLabel } from "./labels.js";
import type { RunView } from "./results.js";
import { breakevenTable, paybackTable, sensitivityTable, type Table } from "./tables.js";
import { EURO_FORMAT, MULTIPLIER_FORMAT, PERSONS_FORMAT, SHARE_FORMAT, workbookBytes, YEAR_FORMAT, type Cell, type Sheet, type TableSheet } from "./workbook.js";

export interface WorkbookTables {
  yearly: Table;
  states?: Table;
  transitions?: Table;
  breakeven?: Table;
  sensitivity?: Table;
  payback?: Table;
}

/** A cell as a number: a number, or a string that is one; null for an empty or text cell. */
const numberOrNull = (v: string | number | undefined): number | null =>
  typeof v === "number" ? v : v === undefined || v.trim() === "" || !Number.isFinite(Number(v)) ? null : Number(v);

const TEXT_COLUMNS = new Set(["scenario", "scenario_label", "variant", "variant_label", "state", "kind", "from", "to", "metric", "intervention", "parameter", "effect"]);
/** Effect sizes and the break-even multiplier k: numbers around 1, not euros. */
const MULTIPLIER_COLUMNS = new Set(["assumed", "effect_multiplier", "at_break_even", "break_even_alone"]);

const formatFor = (key: string): string | undefined => {
  if (key === "year" || key === "runs" || key.startsWith("payback_year")) return YEAR_FORMAT;
  if (key.startsWith("probability_positive") || key.startsWith("paid_back_share")) return SHARE_FORMAT;
  if (MULTIPLIER_COLUMNS.has(key)) return MULTIPLIER_FORMAT;
  if (/net_effect|cost|expenditure|budget|buig/.test(key)) return EURO_FORMAT;
  const unit = metricUnit(key);
  if (unit === "euro") return EURO_FORMAT;
  // whole persons, as the terminal and the report show them (the cell keeps its decimals)
  if (unit === "personen" || key === "count" || key === "volume_end" || key === "volume_avg") return PERSONS_FORMAT;
  return undefined;
};

/**
 * yearly.csv (tidy: scenario, variant, year, metric, value, and possibly more value
 * columns such as p05) in wide form: one row per scenario, variant and year, one
 * column per metric (and per metric and statistic: `volume_end_p05`).
 *
 * @example
 * yearlyWide({ header: ["scenario", "variant", "year", "metric", "value"], rows: [["a", "baseline", "2020", "volume_end", "696.4612"]] }).rows;
 * // [["a", "baseline", 2020, 696.4612]]
 */
export function yearlyWide(yearly: Table): { keys: string[]; rows: Cell[][] } {
  const col = (name: string) => yearly.header.indexOf(name);
  const [s, v, y, m] = ["scenario", "variant", "year", "metric"].map(col);
  const valueCols = yearly.header.map((h, i) => ({ h, i })).filter(({ i }) => ![s, v, y, m].includes(i));
  const metrics: string[] = [];
  const seenMetric = new Set<string>();
  const byKey = new Map<string, { scenario: string; variant: string; year: number; values: Map<string, number | null> }>();
  for (const r of yearly.rows) {
    const key = `${r[s]}\u0000${r[v]}\u0000${r[y]}`;
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { scenario: String(r[s]), variant: String(r[v] ?? "baseline"), year: Number(r[y]), values: new Map() }));
    for (const { h, i } of valueCols) {
      const name = h === "value" ? String(r[m]) : `${r[m]}_${h}`;
      if (r[i] === undefined || r[i] === "") continue;
      if (!seenMetric.has(name)) {
        seenMetric.add(name);
        metrics.push(name);
      }
      entry.values.set(name, numberOrNull(r[i]));
    }
  }
  const rows = [...byKey.values()].map((e) => [e.scenario, e.variant, e.year, ...metrics.map((k) => e.values.get(k) ?? null)]);
  return { keys: ["scenario", "variant", "year", ...metrics], rows };
}

/** A table as a sheet: numeric columns as numbers, Dutch headers. */
export function tableSheet(name: string, t: Table): TableSheet {
  const empty = (v: string | number | undefined) => v === undefined || v === "";
  const numeric = t.header.map((h, i) => !TEXT_COLUMNS.has(h) && t.rows.every((r) => empty(r[i]) || numberOrNull(r[i]) !== null));
  return {
    name,
    headers: t.header.map(columnHeader),
    // An effect or parameter in words, as the report writes it (the CSV keeps the code).
    rows: t.rows.map((r) => t.header.map((h, i) => (empty(r[i]) ? null : numeric[i] ? numberOrNull(r[i]) : h === "parameter" || h === "effect" ? parameterLabel(String(r[i])) : r[i]))),
    formats: t.header.map((h, i) => (numeric[i] ? formatFor(h) : undefined)),
  };
}

/** The tidy tables of a run, from results.json: yearly (value, then mean and percentiles when present), states, transitions and the analyses. */
export function tablesFromResults(doc: RunView): WorkbookTables {
  const bands = doc.scenarios.some((s) => s.years.some((y) => y.metrics[`${METRIC_KEYS[0]}_${BAND_KEYS[0]}`] !== undefined));
  const yearly: Table = { header: ["scenario", "variant", "year", "metric", "value", ...(bands ? BAND_KEYS : [])], rows: [] };
  const states: Table = { header: ["scenario", "variant", "year", "state", "kind", "volume_end", "volume_avg"], rows: [] };
  const transitions: Table = { header: ["scenario", "variant", "year", "from", "to", "count"], rows: [] };
  for (const s of doc.scenarios) {
    for (const y of s.years) {
      for (const k of METRIC_KEYS) {
        if (y.metrics[k] === undefined) continue;
        yearly.rows.push([s.name, s.variant, y.year, k, y.metrics[k], ...(bands ? BAND_KEYS.map((b) => y.metrics[`${k}_${b}`] ?? "") : [])]);
      }
      for (const st of doc.model.states) {
        const v = y.states[st.name];
        if (v) states.rows.push([s.name, s.variant, y.year, st.name, st.kind, v.volume_end, v.volume_avg]);
      }
    }
    for (const t of s.transitions) transitions.rows.push([s.name, s.variant, t.year, t.from, t.to, t.count]);
  }
  return {
    yearly,
    states,
    transitions,
    breakeven: doc.breakeven.length ? breakevenTable(doc.breakeven, netAsShown(doc)) : undefined,
    sensitivity: doc.sensitivity.length ? sensitivityTable(doc.sensitivity, netAsShown(doc)) : undefined,
    payback: doc.payback.length ? paybackTable(doc.payback) : undefined,
  };
}

/** The sheets of results.xlsx, in order (pure; `resultsWorkbook` turns them into bytes). */
export function workbookSheets(doc: RunView, tables: WorkbookTables): Sheet[] {
  const labelOf = new Map(doc.scenarios.map((s) => [s.name, s.label]));
  const variantOf = new Map(doc.scenarios.map((s) => [s.variant, s.variantLabel]));
  const wide = yearlyWide(tables.yearly);
  const metricKeys = wide.keys.slice(3);
  const sheets: Sheet[] = [
    begrotingSheet(doc),
    {
      name: REPORT.sheets.yearly,
      headers: [...["scenario", "scenario_label", "variant", "variant_label", "year"].map(columnHeader), ...metricKeys.map(metricHeader)],
      rows: wide.rows.map((r) => [r[0], labelOf.get(String(r[0])) ?? r[0], r[1], variantOf.get(String(r[1])) ?? r[1], r[2], ...r.slice(3)]),
      formats: [undefined, undefined, undefined, undefined, YEAR_FORMAT, ...metricKeys.map(formatFor)],
    },
  ];
  if (tables.states) sheets.push(tableSheet(REPORT.sheets.states, tables.states));
  if (tables.transitions) sheets.push(tableSheet(REPORT.sheets.transitions, tables.transitions));
  if (tables.breakeven) sheets.push(tableSheet(REPORT.sheets.breakeven, tables.breakeven));
  if (tables.sensitivity) sheets.push(tableSheet(REPORT.sheets.sensitivity, tables.sensitivity));
  if (tables.payback) sheets.push(tableSheet(REPORT.sheets.payback, tables.payback));
  const m = doc.model;
  const about: [string, Cell][] = [
    [REPORT.aboutModel, m.label],
    [REPORT.scenarioFile, doc.meta.file],
    [REPORT.fileHash, doc.meta.file_hash],
    [REPORT.program, `${doc.meta.tool} ${doc.meta.version}`],
    ...(doc.meta.date ? ([[REPORT.runDate, doc.meta.date]] as [string, Cell][]) : []),
    [REPORT.aboutStart, m.start_year],
    [REPORT.aboutHorizon, m.horizon_years],
    [REPORT.aboutCycle, REPORT.cycles[m.cycle] ?? m.cycle],
    [REPORT.aboutOptions, JSON.stringify(doc.meta.options)],
    [REPORT.aboutUnits, REPORT.aboutUnitsValue],
    [REPORT.aboutRounding, REPORT.aboutRoundingValue],
  ];
  sheets.push({ name: REPORT.sheets.about, headers: [REPORT.aboutKey, REPORT.aboutValue], rows: about, formats: [undefined, undefined] });
  return sheets;
}

/** results.xlsx as bytes. */
export function resultsWorkbook(doc: RunView, tables: WorkbookTables = tablesFromResults(doc)): Uint8Array {
  return workbookBytes(workbookSheets(doc, tables), `${doc.meta.tool} ${doc.meta.version}`);
}
