/**
 * Sheets to .xlsx bytes, for results.xlsx and the comparison's workbook. Two kinds of
 * sheet:
 *
 * - a table: a header row and one row per record, a number format per column, a filter
 *   and a frozen header (the tidy tables: Jaarcijfers, Toestanden, ...);
 * - a grid: laid out cell by cell with a number format per row, for a page a person
 *   reads or pastes from (Begroting: years as columns, quantities as rows).
 *
 * Number formats are written in Excel's own notation (`#,##0`); Excel shows them in the
 * reader's locale, so a Dutch Excel shows `€ 1.234.567` and `12,5%`.
 */

import { XLSX_FORMATS } from "../locale/format.js";
import { spreadsheetBytes, type CellStyle, type XCell, type XSheet } from "./spreadsheetml.js";

export type Cell = string | number | null;

// The formats of locale/format.ts, which round as the terminal and the report do.
export const EURO_FORMAT = XLSX_FORMATS.euro;
export const PERSONS_FORMAT = XLSX_FORMATS.persons;
export const PERSONS_1_FORMAT = XLSX_FORMATS.persons1;
export const MULTIPLIER_FORMAT = XLSX_FORMATS.multiplier;
export const SHARE_FORMAT = XLSX_FORMATS.share;
export const SHARE_1_FORMAT = XLSX_FORMATS.share1;
export const YEAR_FORMAT = XLSX_FORMATS.year;

export interface TableSheet {
  kind?: "table";
  name: string;
  /** Column headers, in the run's language. */
  headers: string[];
  rows: Cell[][];
  /** Excel number format per column (undefined: general). */
  formats: (string | undefined)[];
}

/** How a grid row looks: a title, a note, a block heading, a column header row, a bold row, or plain (default). */
export type GridStyle = "title" | "note" | "block" | "header" | "subheader" | "strong";

export interface GridRow {
  cells: Cell[];
  /** Number format of the row's numeric cells (the first column is its label). */
  format?: string;
  style?: GridStyle;
}

export interface GridSheet {
  kind: "grid";
  name: string;
  rows: GridRow[];
  /** Column widths in characters; the first is the label column. */
  widths: number[];
  /** Rows and columns kept in view while scrolling (default: the label column). */
  freeze?: { rows: number; columns: number };
}

export type Sheet = TableSheet | GridSheet;

/** The cells of a table sheet: a bold header row, then the records in their columns' formats. */
function tableSheet(sheet: TableSheet): XSheet {
  const columns = sheet.headers.map((header, i) => ({
    width: Math.min(48, Math.max(10, header.length + 2, ...sheet.rows.slice(0, 200).map((r) => (typeof r[i] === "string" ? (r[i] as string).length + 2 : 12)))),
    style: sheet.formats[i] ? { numFmt: sheet.formats[i] } : undefined,
  }));
  const bold: CellStyle = { font: "bold" };
  const rows: XCell[][] = [sheet.headers.map((value) => ({ value, style: bold }))];
  for (const record of sheet.rows) rows.push(record.map((value, i) => ({ value, style: columns[i]?.style })));
  return { name: sheet.name, columns, rows, freeze: { rows: 1, columns: 0 }, filter: sheet.rows.length > 0 ? sheet.headers.length : 0 };
}

/** A grid row's look: its font, and for a column header row a rule underneath. */
const ROW_LOOK: Record<GridStyle, Pick<CellStyle, "font" | "rule">> = {
  title: { font: "title" },
  note: { font: "note" },
  block: { font: "block" },
  subheader: { font: "boldItalic" },
  strong: { font: "bold" },
  header: { font: "bold", rule: true },
};

/** The cells of a grid sheet: numbers right-aligned in their row's format, the row's look on every cell. */
function gridSheet(sheet: GridSheet): XSheet {
  const width = Math.max(sheet.widths.length, ...sheet.rows.map((r) => r.cells.length));
  const rows = sheet.rows.map((r): XCell[] => {
    const look = r.style ? ROW_LOOK[r.style] : {};
    // A column header row is ruled across the sheet's width, empty cells too.
    const cells = r.style === "header" ? Array.from({ length: width }, (_, c) => r.cells[c] ?? null) : r.cells;
    return cells.map((value, c) => {
      if (value === null) return { value, style: look.rule ? look : undefined };
      const numeric = typeof value === "number";
      const numFmt = numeric ? (r.format && c > 0 ? r.format : r.style === "header" ? YEAR_FORMAT : undefined) : undefined;
      const right = numeric || (r.style === "header" && c > 0);
      return { value, style: { ...look, numFmt, right } };
    });
  });
  return { name: sheet.name, columns: sheet.widths.map((width) => ({ width })), rows, freeze: sheet.freeze ?? { rows: 0, columns: 1 }, filter: 0 };
}

/** The workbook of `sheets` as bytes: the same sheets give the same bytes (no time stamps). */
export function workbookBytes(sheets: readonly Sheet[], creator: string): Uint8Array {
  return spreadsheetBytes(sheets.map((sheet) => (sheet.kind === "grid" ? gridSheet(sheet) : tableSheet(sheet))), creator);
}
