/**
 * One CSV field, as every CSV writer of the tool writes it (report/tables.ts,
 * calibrate/report.ts). Quoted (RFC 4180) when it holds a delimiter (`,` or `;`), a
 * quote, a line feed or a carriage return. A text that a spreadsheet would run as a
 * formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a
 * leading apostrophe, so a state named `=HYPERLINK(...)` stays text; a number, or a
 * text that is a plain number (`-12.50`, `-12,50`), stays as it is.
 */

/** A plain number, with a decimal point or comma and an optional exponent. */
const NUMBER = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",;\n\r]/;

export function csvCell(value: string | number): string {
  if (typeof value === "number") return String(value);
  const text = FORMULA_START.test(value) && !NUMBER.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
