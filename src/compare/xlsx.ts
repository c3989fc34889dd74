/**
 * vergelijking.xlsx: the comparison for spreadsheet users. Sheets: Vergelijking (per
 * scenario the years as columns and per metric a row per run and per difference from A,
 * as on the page), Gegevens (the long table of vergelijking.csv, numbers as numbers) and
 * Runs (which run is which). The sheet names stay the same in every language; what is
 * in them follows --lang. Pure: sheets out; report/workbook.ts makes the bytes.
 */
import { COMPARE } from "../locale/messages-compare.js";
import { EURO_FORMAT, PERSONS_1_FORMAT, PERSONS_FORMAT, type Cell, type GridRow, type GridSheet, type Sheet, type TableSheet } from "../report/workbook.js";
import { tableSheet } from "../report/xlsx.js";
import type { Comparison } from "./compare.js";
import type { Table } from "../report/tables.js";
import { asShown, blockRows, blockTitle, periodOf } from "./tables.js";

/** A difference with its sign: +12, -3, 0; € +1.234, € -567. */
const SIGNED_PERSONS = "+#,##0;-#,##0;0";
const SIGNED_PERSONS_1 = "+#,##0.0;-#,##0.0;0.0";
const SIGNED_EURO = '"€" +#,##0;"€" -#,##0;"€" 0';

/** A difference as the terminal rounds it (format.ts shownValue); `decimals` null: euros. A signed format would show -0,04 as "-0" where the terminal shows 0. */

function comparisonSheet(c: Comparison): GridSheet {
  const pairs = c.runs.slice(1).map((r) => COMPARE.versusA(r.letter)).join(", ");
  const rows: GridRow[] = [
    { cells: [`${COMPARE.heading}: ${pairs}, ${periodOf(c)}`], style: "title" },
    ...c.runs.map((r): GridRow => ({ cells: [`${r.letter}: ${r.source} (${r.label})`], style: "note" })),
    ...c.notes.map((n): GridRow => ({ cells: [n], style: "note" })),
    { cells: [COMPARE.sheetUnits], style: "note" },
  ];
  for (const b of c.blocks) {
    rows.push({ cells: [] }, { cells: [blockTitle(b)], style: "block" }, { cells: [COMPARE.metricColumn, COMPARE.runColumn, ...c.years, COMPARE.total(periodOf(c))], style: "header" });
    blockRows(c, b).forEach((r, i, all) => {
      const first = i === 0 || all[i - 1].metric !== r.metric;
      const format = r.difference
        ? (r.euro ? SIGNED_EURO : r.metric === "volume_avg" ? SIGNED_PERSONS_1 : SIGNED_PERSONS)
        : (r.euro ? EURO_FORMAT : r.metric === "volume_avg" ? PERSONS_1_FORMAT : PERSONS_FORMAT);
      // Every cell as shown, the runs' too: in Excel a SUM of the years is the total beside them, B − A the difference below.
      const values = [...r.values, r.total].map((v) => asShown(r.metric, r.euro, v));
      rows.push({ cells: [first ? r.label : "", r.run, ...values] as Cell[], format, ...(r.difference ? { style: "strong" as const } : {}) });
    });
  }
  return { kind: "grid", name: "Vergelijking", rows, widths: [46, 8, ...c.years.map(() => 15), 18], freeze: { rows: 0, columns: 2 } };
}

function runsSheet(c: Comparison): TableSheet {
  return {
    name: "Runs",
    headers: [...COMPARE.runsSheetHead],
    rows: c.runs.map((r) => [r.letter, r.source, r.file, r.mode, r.date, r.version, r.hash, `${r.years[0]}–${r.years[1]}`]),
    formats: [],
  };
}

/** The sheets of vergelijking.xlsx, in order; `table` is the comparison's compareTable (vergelijking.csv's too). */
export function compareSheets(c: Comparison, table: Table): Sheet[] {
  return [comparisonSheet(c), tableSheet("Gegevens", table), runsSheet(c)];
}
