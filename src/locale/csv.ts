/**
 * The one CSV writer: every CSV file bijstandsim writes is built here, in one of two
 * dialects (`--csv`):
 *
 * - `tidy` (the default): comma separator, decimal point, no byte-order mark. For R,
 *   Python, scripts and the tool's own readers; byte-identical for equal results.
 * - `nl`: semicolon separator, decimal comma and a UTF-8 byte-order mark, so that a
 *   double-click opens the file in Dutch Excel with every column split and every number
 *   a number (Excel on a Dutch system lists with `;` and reads `696,4612`; without the
 *   mark it reads UTF-8 as Windows-1252 and "ï" becomes "Ã¯").
 *
 * A field is quoted when it contains a comma, semicolon, quote or line break (either
 * dialect); a quote inside is doubled (RFC 4180). Only a field that is a plain decimal
 * number (`-12.5`, `696.4612`, `1e-7`) gets a decimal comma in `nl`. A text that a
 * spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return, and is not a plain number) gets a leading apostrophe, so a state
 * named `=HYPERLINK(...)` stays text; files the tool reads back itself (a panel, a
 * series) keep their text exactly (`csvField(value, dialect, false)`).
 */

export type CsvDialect = "tidy" | "nl";

/** The dialects, for the `--csv` option. */
export const CSV_DIALECTS: readonly CsvDialect[] = ["tidy", "nl"];

export type CsvCell = string | number;

/** A plain decimal number as String(number) or toFixed write it. */
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A plain number, with a decimal point or comma and an optional exponent: never made inert. */
const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;
/** What a spreadsheet would start a formula with. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The byte-order mark at the start of an `nl` file. */
const BOM = "\uFEFF";

/** The field separator of a dialect. */
export const csvSeparator = (dialect: CsvDialect): string => (dialect === "nl" ? ";" : ",");

/** What a file starts with before its header: the byte-order mark in `nl`, nothing in `tidy`. */
export const csvStart = (dialect: CsvDialect): string => (dialect === "nl" ? BOM : "");

/**
 * One field as written in the dialect.
 *
 * @example
 * csvField("696.4612");             // "696.4612"
 * csvField("696.4612", "nl");       // "696,4612"
 * csvField("Trede 1, start", "nl"); // '"Trede 1, start"'
 * csvField("=1+1");                 // "'=1+1"
 * csvField("=1+1", "tidy", false);  // "=1+1" (a panel read back by estimate)
 */
export function csvField(value: CsvCell, dialect: CsvDialect = "tidy", inert = true): string {
  let s = String(value);
  if (inert && typeof value === "string" && FORMULA_START.test(s) && !NUMBER.test(s)) s = `'${s}`;
  if (/[",;\n\r]/.test(s)) return `"${s.replace(/"/g, '""')}"`;
  return dialect === "nl" && DECIMAL.test(s) ? s.replace(".", ",") : s;
}

/** One line (without its line break). */
export const csvLine = (cells: readonly CsvCell[], dialect: CsvDialect = "tidy", inert = true): string =>
  cells.map((c) => csvField(c, dialect, inert)).join(csvSeparator(dialect));

/**
 * A whole file: the header, then the rows, each line ending in `\n`.
 *
 * @example
 * csvText(["year", "value"], [[2022, "12.50"]]);       // "year,value\n2022,12.50\n"
 * csvText(["year", "value"], [[2022, "12.50"]], "nl"); // "\uFEFFyear;value\n2022;12,50\n"
 */
export function csvText(header: readonly string[], rows: readonly (readonly CsvCell[])[], dialect: CsvDialect = "tidy"): string {
  return csvStart(dialect) + [header, ...rows].map((r) => csvLine(r, dialect)).join("\n") + "\n";
}
