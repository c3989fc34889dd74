/**
 * The assumptions behind a run, as rows "what, value, source, note": every object in
 * the scenario file (or in the model summary of results.json) that carries a `source`
 * or a `note`. Pure: JSON in, rows out. Field names and the codes of the file format
 * (`per: year`) are shown in words (`per: jaar`, messages-report.ts); the JSON path
 * next to them keeps the keys for finding them in the file.
 */
import { formatNumber } from "../locale/format.js";
import { REPORT } from "../locale/messages-report.js";
import { jsonPath } from "../model/errors.js";

export interface SourceRow {
  /** Where in the file, readable: `states › Direct werk › cost`. */
  item: string;
  /** JSON path, for finding it in the file: `states[0].cost`. */
  path: string;
  /** The object's own values, summarised: `per: year, benefit: 14.500, lks: 0`. */
  value: string;
  source: string;
  note: string;
}

const OWN = new Set(["source", "note", "label", "name", "description"]);
const MAX = 220;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
/** A field name in words (unknown keys, such as state and driver names, stay as they are). */
// A key that names a part of the file (list, effects, events) where it stands as a field inside a value: in the words of its section.
const field = (key: string): string => REPORT.fields[key] ?? REPORT.sections[key] ?? key;
/** Years stay as they are (2019, not 2.019); other numbers in the run's format; codes of the format in words. */
const primitive = (v: unknown, key = ""): string | undefined =>
  typeof v === "number"
    ? /^(year|jaar|(start|base|from|end|first|last)_year)$/.test(key) ? String(v) : formatNumber(v, 6)
    : typeof v === "string" ? (REPORT.values[v] ?? v) : typeof v === "boolean" ? (v ? REPORT.yes : REPORT.no) : v === null ? "—" : undefined;

/** A short text for a value: primitives as they are, small objects and lists inline, long lists counted. */
function summarise(v: unknown, key = "", depth = 0): string | undefined {
  const p = primitive(v, key);
  if (p !== undefined) return p;
  if (Array.isArray(v)) {
    if (v.every((x) => primitive(x) !== undefined)) return v.map((x) => primitive(x, key)).join(", ");
    return REPORT.lines(v.length);
  }
  if (isObject(v)) {
    if ("source" in v) return undefined; // has its own row
    if (depth > 1) return "{…}";
    const parts = Object.entries(v).map(([k, x]) => `${field(k)}: ${summarise(x, k, depth + 1) ?? "…"}`);
    return `{${parts.join(", ")}}`;
  }
  return undefined;
}

/** The own values of an object (not its source, note, name or label), in one line. */
function ownValues(o: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(o)) {
    if (OWN.has(k)) continue;
    const s = summarise(v, k);
    if (s !== undefined) parts.push(`${field(k)}: ${s}`);
  }
  const text = parts.join("; ");
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}

const jsonKey = (k: string) => (/^[A-Za-z_$][\w$]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`);

/**
 * Every object with a `source` or `note`, depth first, in file order.
 * `skip(path)` leaves out objects shown elsewhere (their children are still visited).
 *
 * @example
 * collectSources({ buig: { budget: { "2020": 11805798 }, source: "Rijksoverheid, BUIG-beschikking 2020" } });
 * // [{ item: "BUIG", path: "buig", value: "budget: {2020: 11.805.798}", source: "Rijksoverheid, BUIG-beschikking 2020", note: "" }]
 */
export function collectSources(root: unknown, skip: (path: string) => boolean = () => false): SourceRow[] {
  const rows: SourceRow[] = [];
  const visit = (v: unknown, path: string, item: string[]) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        const named = isObject(x) ? (x.label ?? x.name) : undefined;
        visit(x, `${path}[${i}]`, [...item, typeof named === "string" ? named : `#${i + 1}`]);
      });
      return;
    }
    if (!isObject(v)) return;
    const source = typeof v.source === "string" ? v.source : "";
    const note = typeof v.note === "string" ? v.note : "";
    if ((source || note) && !skip(path)) rows.push({ item: item.join(" › ") || REPORT.wholeFile, path: path.replace(/^\./, "") || jsonPath([]), value: ownValues(v), source, note });
    for (const [k, x] of Object.entries(v)) {
      if (k === "source" || k === "note") continue;
      visit(x, `${path}${jsonKey(k)}`, [...item, REPORT.sections[k] ?? k]);
    }
  };
  visit(root, "", []);
  return rows;
}
