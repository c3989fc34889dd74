/**
 * Sheets to .xlsx bytes with exceljs (loaded on first use), for results.xlsx and the
 * comparison's workbook. Two kinds of sheet:
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
  /** Column keys (CSV names or metric names) and their Dutch headers. */
  keys: string[];
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

type Workbook = import("exceljs").Workbook;
type Worksheet = import("exceljs").Worksheet;

function addTable(wb: Workbook, sheet: TableSheet): void {
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = sheet.headers.map((header, i) => ({
    header,
    key: `c${i}`,
    width: Math.min(48, Math.max(10, header.length + 2, ...sheet.rows.slice(0, 200).map((r) => (typeof r[i] === "string" ? (r[i] as string).length + 2 : 12)))),
    style: sheet.formats[i] ? { numFmt: sheet.formats[i] } : {},
  }));
  ws.getRow(1).font = { bold: true };
  ws.addRows(sheet.rows);
  if (sheet.rows.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.headers.length } };
}

const STYLES: Record<GridStyle, (row: import("exceljs").Row, ws: Worksheet) => void> = {
  title: (row) => void (row.font = { bold: true, size: 14 }),
  note: (row) => void (row.font = { italic: true, color: { argb: "FF555555" } }),
  block: (row) => void (row.font = { bold: true, size: 12 }),
  subheader: (row) => void (row.font = { bold: true, italic: true }),
  strong: (row) => void (row.font = { bold: true }),
  header: (row, ws) => {
    row.font = { bold: true };
    for (let c = 1; c <= ws.columnCount; c++) row.getCell(c).border = { bottom: { style: "thin", color: { argb: "FF888888" } } };
  },
};

function addGrid(wb: Workbook, sheet: GridSheet): void {
  const freeze = sheet.freeze ?? { rows: 0, columns: 1 };
  const ws = wb.addWorksheet(sheet.name, { views: [{ state: "frozen", xSplit: freeze.columns, ySplit: freeze.rows }] });
  ws.columns = sheet.widths.map((width, i) => ({ key: `c${i}`, width }));
  sheet.rows.forEach((r, i) => {
    const row = ws.getRow(i + 1);
    r.cells.forEach((v, c) => {
      if (v === null) return;
      const cell = row.getCell(c + 1);
      cell.value = v;
      if (typeof v === "number") {
        if (r.format && c > 0) cell.numFmt = r.format;
        else if (r.style === "header") cell.numFmt = YEAR_FORMAT;
      }
      if (typeof v === "number" || (r.style === "header" && c > 0)) cell.alignment = { horizontal: "right" };
    });
    if (r.style) STYLES[r.style](row, ws);
  });
}

let exceljsLoaded = false;

/** Whether this thread has loaded exceljs already (a second workbook then costs only its building). */
export const workbookLibraryLoaded = (): boolean => exceljsLoaded;

/** The workbook of `sheets` as bytes. */
export async function workbookBytes(sheets: readonly Sheet[], creator: string): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  exceljsLoaded = true;
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  for (const sheet of sheets) {
    if (sheet.kind === "grid") addGrid(wb, sheet);
    else addTable(wb, sheet);
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
