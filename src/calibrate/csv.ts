/**
 * Reading one CSV line at a time (the panel is streamed, so there is no whole-file
 * parser here). RFC 4180 fields: a field may be quoted, and a quote inside a quoted
 * field is doubled. A line break inside a field is not supported: client files are one
 * row per line. The delimiter is `,` or `;` (Dutch spreadsheet exports use `;`).
 * splitCsvBytes below is the same splitter on bytes, for the common lines only.
 */

import { csvCell } from "../locale/csv-cell.js";

/** The delimiter of a header line: `;` when it has semicolons and no commas, else `,`. */
export function detectDelimiter(header: string): "," | ";" {
  return header.includes(";") && !header.includes(",") ? ";" : ",";
}

/**
 * Splits one line into fields, unquoting quoted fields. Returns null when a quote is
 * left open (the caller reports the line).
 *
 * @example
 * splitCsvLine('7,2021-03,"Trede 1, start"', ","); // ["7", "2021-03", "Trede 1, start"]
 */
export function splitCsvLine(line: string, delimiter: string): string[] | null {
  if (!line.includes('"')) return line.split(delimiter);
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = "";
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) return null;
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // Anything between the closing quote and the delimiter is kept (lenient, like spreadsheets).
      const next = line.indexOf(delimiter, i);
      value += next < 0 ? line.slice(i) : line.slice(i, next);
      out.push(value);
      if (next < 0) return out;
      i = next + 1;
    } else {
      const next = line.indexOf(delimiter, i);
      if (next < 0) {
        out.push(line.slice(i));
        return out;
      }
      out.push(line.slice(i, next));
      i = next + 1;
    }
  }
}

/** One field as the tool writes it: quoted when needed, a formula-like text made inert (locale/csv-cell.ts). */
export const csvField = csvCell;

/** A field quoted when needed and otherwise unchanged: text the tool writes only to read it back (a panel, a series). */
export const quoteField = (value: string): string => (/[",;\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Header names compared case-insensitively, without a byte-order mark or spaces around them. */
export const normaliseHeader = (fields: string[]): string[] => fields.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, "") : f).trim().toLowerCase());

// --- bytes ------------------------------------------------------------------------------
// The panel's byte parser splits lines without decoding them. It handles the common
// lines itself and leaves every other line to splitCsvLine (through the string path),
// so the two agree by construction on what they both handle.

const QUOTE = 0x22;

/** The byte of a delimiter returned by detectDelimiter. */
export const delimiterByte = (delimiter: string): number => delimiter.charCodeAt(0);

/**
 * The byte spans of the first `want` fields of one line buf[start, end), unquoted, as
 * spans[2k] (start) and spans[2k + 1] (end) of field k; returns the number of fields on the
 * line. Returns -1 when a value is not a plain byte span, so that the caller hands the line
 * to splitCsvLine: a quote left open, a doubled quote in a quoted field, or text after a
 * closing quote. As in splitCsvLine, a quote opens a quoted field only as its first byte.
 */
export function splitCsvBytes(buf: Uint8Array, start: number, end: number, delimiter: number, spans: Int32Array, want: number): number {
  let n = 0;
  let i = start;
  for (;;) {
    let from = i;
    let to: number;
    if (i < end && buf[i] === QUOTE) {
      from = i + 1;
      let q = from;
      while (q < end && buf[q] !== QUOTE) q++;
      if (q === end) return -1;
      if (q + 1 < end && buf[q + 1] !== delimiter) return -1;
      to = q;
      i = q + 1;
    } else {
      while (i < end && buf[i] !== delimiter) i++;
      to = i;
    }
    if (n < want) {
      spans[2 * n] = from;
      spans[2 * n + 1] = to;
    }
    n++;
    if (i >= end) return n;
    i++;
  }
}

/** Tab, line feed, vertical tab, form feed, carriage return, space: the ASCII that String.prototype.trim removes. */
const isAsciiSpace = (b: number): boolean => b === 0x20 || (b >= 0x09 && b <= 0x0d);

/**
 * Narrows field k of `spans` to its value without the ASCII whitespace around it. False
 * when that leaves nothing, or when the value starts or ends with a non-ASCII byte (it
 * may be Unicode whitespace such as a no-break space, which trim() removes: the string
 * path decides those).
 */
export function trimSpan(buf: Uint8Array, spans: Int32Array, k: number): boolean {
  let from = spans[2 * k];
  let to = spans[2 * k + 1];
  while (from < to && isAsciiSpace(buf[from])) from++;
  while (to > from && isAsciiSpace(buf[to - 1])) to--;
  if (from === to || buf[from] > 0x7f || buf[to - 1] > 0x7f) return false;
  spans[2 * k] = from;
  spans[2 * k + 1] = to;
  return true;
}
