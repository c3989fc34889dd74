/**
 * A comparison as rows a person reads (per metric: each run's line, then each run's
 * difference from A, with a total over the years where the quantity adds up), as the
 * terminal prints them, and as the tidy CSV table (vergelijking.csv). Pure.
 */
import { formatEuro, formatPersons, formatPersons1, formatSignedEuro, formatSignedPersons, formatSignedPersons1, shownNetSeries, shownSum, shownValue, STORED_DECIMALS } from "../locale/format.js";
import { CLI } from "../locale/messages-cli.js";
import { COMPARE } from "../locale/messages-compare.js";
import { REPORT } from "../locale/messages-report.js";
import { decimals, isMetric, METRICS } from "../outcomes/metrics.js";
import { metricLabel as labelOf } from "../report/labels.js";
import { table } from "../report/terminal.js";
import type { Table } from "../report/tables.js";
import type { CompareBlock, Comparison } from "./compare.js";

/** Stocks, averages and cumulative amounts do not add up over the years; flows do. */
const NOT_SUMMED = new Set(["volume_end", "volume_avg", "net_effect_cumulative"]);

export interface DisplayRow {
  metric: string;
  /** Label with the unit, in the run's language: "Volume eind (personen)". */
  label: string;
  euro: boolean;
  /** "A", "B", ... or "B − A". */
  run: string;
  difference: boolean;
  values: (number | null)[];
  /** Over the compared years, when the quantity adds up and every year has a number. */
  total: number | null;
}

const isEuro = (metric: string): boolean => isMetric(metric) && METRICS[metric].unit === "euro";

/** The label of a compared metric, with its unit, in the run's language. */
export function metricLabel(metric: string, firstYear: number): string {
  const label = labelOf(metric) ?? metric;
  const unit = isEuro(metric) ? REPORT.euroWord : REPORT.persons;
  return metric === "net_effect_cumulative" ? COMPARE.metricFrom(label, firstYear, unit) : `${label} (${unit})`;
}

/** The total of the years as shown (format.ts shownSum), when every year has a number. */
const sum = (xs: readonly (number | null)[], euro: boolean): number | null => (xs.length && xs.every((x) => x !== null) ? shownSum(xs as number[], euro ? "euro" : "persons") : null);
const minus = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : a - b);

/** A compared number as the rows show it: whole euros and persons, the average volume to a tenth (formatCell, the workbook). */
export const asShown = (metric: string, euro: boolean, v: number | null): number | null =>
  v === null ? null : shownValue(v, metric === "volume_avg" ? 1 : 0, STORED_DECIMALS[euro ? "euro" : "persons"]);

/**
 * A run's yearly differences from A and, where the metric adds up, their total. Each is
 * the run's number as shown minus A's as shown (whole euros and persons, the average
 * volume to one decimal: format.ts shownValue), so that a difference row is the two rows
 * above it subtracted: 3.034 against 3.033 is +1, even where the exact difference is 0,4.
 */
function differenceRow(metric: string, values: readonly (number | null)[], a: readonly (number | null)[], summed: boolean, euro: boolean): { values: (number | null)[]; total: number | null } {
  const differences = values.map((v, y) => minus(asShown(metric, euro, v), asShown(metric, euro, a[y])));
  return { values: differences, total: summed ? sum(differences, euro) : null };
}

/**
 * A block's numbers as its rows show them: the comparison's own, but the net effect is the
 * BUIG effect as shown minus the cost as shown and its cumulative those added up (format.ts
 * shownNetSeries), so that the rows subtract on sight; vergelijking.csv keeps the exact ones.
 */
function shownValuesOf(block: CompareBlock, s: CompareBlock["series"][number]): (number | null)[][] {
  const effect = block.series.find((x) => x.metric === "buig_effect");
  const cost = block.series.find((x) => x.metric === "intervention_cost");
  if (!effect || !cost || (s.metric !== "net_effect" && s.metric !== "net_effect_cumulative")) return s.values;
  return s.values.map((_, k) => {
    const shown = shownNetSeries(effect.values[k], cost.values[k]);
    return s.metric === "net_effect" ? shown.net : shown.cumulative;
  });
}

/** The rows of one block: per metric (all, or those asked for) a line per run, then per run after A its difference from A. */
export function blockRows(c: Comparison, block: CompareBlock, metrics?: readonly string[]): DisplayRow[] {
  const rows: DisplayRow[] = [];
  for (const series of block.series) {
    if (metrics && !metrics.includes(series.metric)) continue;
    const s = { metric: series.metric, values: shownValuesOf(block, series) };
    const base = { metric: s.metric, label: metricLabel(s.metric, c.years[0]), euro: isEuro(s.metric) };
    const totals = s.values.map((v) => (NOT_SUMMED.has(s.metric) ? null : sum(v, base.euro)));
    c.runs.forEach((r, k) => rows.push({ ...base, run: r.letter, difference: false, values: s.values[k], total: totals[k] }));
    c.runs.slice(1).forEach((r, k) =>
      rows.push({ ...base, run: `${r.letter} − A`, difference: true, ...differenceRow(s.metric, s.values[k + 1], s.values[0], totals[0] !== null && totals[k + 1] !== null, base.euro) }),
    );
  }
  return rows;
}

/** A number of a display row in the run's language: € 1.234.567 or 1.012 (an average volume 1.012,4); a difference with its sign (+4, € -12.345); "–" for none. */
export function formatCell(row: Pick<DisplayRow, "euro" | "difference"> & { metric?: string }, v: number | null): string {
  if (v === null) return "–";
  // One decimal for the average volume, as its difference is taken (differenceRow) and the workbook shows it.
  const tenth = row.metric === "volume_avg";
  // The signed formatters round half away from zero, as every other number is rounded.
  if (row.difference) return row.euro ? formatSignedEuro(v) : tenth ? formatSignedPersons1(v) : formatSignedPersons(v);
  return row.euro ? formatEuro(v) : tenth ? formatPersons1(v) : formatPersons(v);
}

/** The metrics the terminal shows (the workbook, the page and the CSV have them all). */
const TERMINAL_METRICS = ["volume_end", "inflow", "outflow_work", "outflow_other", "expenditure", "budget", "buig_result", "buig_result_after_vangnet", "intervention_cost", "buig_effect", "net_effect", "net_effect_cumulative"];

/** The period of a comparison: "2020–2023". */
export const periodOf = (c: Comparison): string => (c.years.length === 1 ? String(c.years[0]) : `${c.years[0]}–${c.years[c.years.length - 1]}`);

/** The title of a block: "Basisraming / matig herstel (matig-herstel)", or "...: Intensieve begeleiding, tegenover geen interventie". */
export const blockTitle = (b: CompareBlock): string =>
  b.variant === "baseline" ? `${b.scenarioLabel} (${b.scenario})` : COMPARE.interventionBlock(`${b.scenarioLabel} (${b.scenario})`, b.variantLabel);

/** The header of a block's table: metric, run, the years, the total. */
export const blockHeader = (c: Comparison): string[] => [COMPARE.metricColumn, COMPARE.runColumn, ...c.years.map(String), COMPARE.total(periodOf(c))];

/** What the terminal prints: the runs, the notes, and per block a table with the years as columns. */
export function compareText(c: Comparison): string {
  const diffs = c.runs.slice(1).map((r) => COMPARE.minusA(r.letter)).join(", ");
  const out = [COMPARE.terminalTitle(c.runs.length, periodOf(c), diffs)];
  for (const r of c.runs) out.push(`  ${r.letter}  ${r.source}: ${r.label}`);
  for (const n of c.notes) out.push(CLI.note(n));
  const header = blockHeader(c);
  const same = c.runs.map((r) => r.letter).join(" = ");
  for (const b of c.blocks) {
    const rows = blockRows(c, b, TERMINAL_METRICS);
    // A metric equal in every run takes one line ("A = B"), so that what differs stands out.
    const equal = new Set(b.series.filter((s) => s.values.every((v) => v.every((x, y) => x === s.values[0][y]))).map((s) => s.metric));
    const shown = rows.filter((r) => !equal.has(r.metric) || r.run === "A").map((r) => (equal.has(r.metric) ? { ...r, run: same } : r));
    const body = shown.map((r, i) => [i > 0 && shown[i - 1].metric === r.metric ? "" : r.label, r.run, ...r.values.map((v) => formatCell(r, v)), r.total === null ? "" : formatCell(r, r.total)]);
    out.push("", blockTitle(b), table(header, body, 2));
  }
  return out.join("\n");
}

/** vergelijking.csv: one row per scenario, variant, year, metric and run; `difference` is the run's value minus A's (empty for A). */
export function compareTable(c: Comparison): Table {
  const rows: Table["rows"] = [];
  const fixed = (metric: string, v: number | null) => {
    if (v === null) return "";
    const text = v.toFixed(isMetric(metric) ? decimals(metric) : 2);
    return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text; // no "-0.00"
  };
  for (const b of c.blocks) {
    c.years.forEach((year, y) => {
      for (const s of b.series) {
        c.runs.forEach((r, k) => {
          const v = s.values[k][y];
          const a = s.values[0][y];
          rows.push([b.scenario, b.variant, year, s.metric, r.letter, fixed(s.metric, v), k === 0 ? "" : fixed(s.metric, minus(v, a))]);
        });
      }
    });
  }
  return { header: ["scenario", "variant", "year", "metric", "run", "value", "difference"], rows };
}
