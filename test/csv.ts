/**
 * The CSV files written by `run`, read back by the tests: a small RFC 4180 reader
 * (quoted fields, doubled quotes, commas and newlines inside quotes), with `;` as the
 * delimiter for the files of `--csv nl`.
 */

export interface CsvTable {
  header: string[];
  rows: string[][];
}

/**
 * Parses CSV text into a header and rows of strings.
 *
 * @example
 * parseCsv('a,b\n1,"x, ""y"""\n'); // { header: ["a", "b"], rows: [["1", 'x, "y"']] }
 */
export function parseCsv(text: string, delimiter = ","): CsvTable {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      record.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      record.push(field);
      records.push(record);
      record = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const nonEmpty = records.filter((r) => !(r.length === 1 && r[0] === ""));
  return { header: nonEmpty[0] ?? [], rows: nonEmpty.slice(1) };
}

/** The rows of a table as objects keyed by column name. */
export function csvObjects(t: CsvTable): Record<string, string>[] {
  return t.rows.map((r) => Object.fromEntries(t.header.map((h, i) => [h, r[i] ?? ""])));
}

/** A CSV cell as a number: a finite number, or null for an empty or non-numeric cell. */
export function csvNumber(s: string | undefined): number | null {
  if (s === undefined || s.trim() === "") return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/**
 * A cell as Dutch Excel reads it: a number with a decimal comma (and no thousands
 * separator, as `--csv nl` writes) is a number; anything else is text.
 *
 * @example
 * dutchCell("696,4612"); // 696.4612
 * dutchCell("matig-herstel"); // "matig-herstel"
 */
export function dutchCell(s: string): number | string {
  return /^-?\d+(,\d+)?(e[+-]?\d+)?$/i.test(s) ? Number(s.replace(",", ".")) : s;
}
