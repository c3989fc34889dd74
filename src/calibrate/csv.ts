/**
 * Reading one CSV line at a time (the panel is streamed, so there is no whole-file
 * parser here). RFC 4180 fields: a field may be quoted, and a quote inside a quoted
 * field is doubled. A line break inside a field is not supported: client files are one
 * row per line. The delimiter is `,` or `;` (Dutch spreadsheet exports use `;`).
 */

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

/** Quotes a field when it contains the delimiter, a quote or a line break. */
export function csvField(value: string | number): string {
  const s = String(value);
  return /[",;\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Header names compared case-insensitively, without a byte-order mark or spaces around them. */
export const normaliseHeader = (fields: string[]): string[] => fields.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, "") : f).trim().toLowerCase());
