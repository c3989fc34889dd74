/**
 * The assumptions behind a run, as rows "what, value, source, note": every object in
 * the scenario file (or in the model summary of results.json) that carries a `source`
 * or a `note`. Pure: JSON in, rows out.
 */

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

/** Dutch names for the sections of a scenario file. */
const SECTION_LABELS: Record<string, string> = {
  states: "toestanden",
  initial: "beginstand",
  transitions: "overgangen",
  inflow: "instroom",
  buig: "BUIG",
  budget: "budget",
  vangnet: "vangnet",
  macro: "macro",
  drivers: "drijvers",
  effects: "effecten",
  scenarios: "scenario's",
  interventions: "interventies",
  combinations: "combinaties",
  costs: "kosten",
  cost: "kosten",
  capacity: "capaciteit",
  reinflow: "herinstroom",
  discount: "disconto",
  references: "referenties",
  distribution: "verdeling",
  decay: "uitdoving",
  duration_bands: "duurklassen",
  list: "lijst",
  counts: "tellingen",
  matrix: "matrix",
  paths: "paden",
};

const OWN = new Set(["source", "note", "label", "name", "description"]);
const MAX = 220;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const nl = (v: number) => v.toLocaleString("nl-NL", { maximumFractionDigits: 6 });
/** Years stay as they are (2019, not 2.019); other numbers in Dutch format. */
const primitive = (v: unknown, key = ""): string | undefined =>
  typeof v === "number" ? (/^(year|jaar|(start|base|from|end|first|last)_year)$/.test(key) ? String(v) : nl(v)) : typeof v === "string" ? v : typeof v === "boolean" ? (v ? "ja" : "nee") : v === null ? "—" : undefined;

/** A short text for a value: primitives as they are, small objects and lists inline, long lists counted. */
function summarise(v: unknown, key = "", depth = 0): string | undefined {
  const p = primitive(v, key);
  if (p !== undefined) return p;
  if (Array.isArray(v)) {
    if (v.every((x) => primitive(x) !== undefined)) return v.map((x) => primitive(x, key)).join(", ");
    return `${v.length} ${v.length === 1 ? "regel" : "regels"}`;
  }
  if (isObject(v)) {
    if ("source" in v) return undefined; // has its own row
    if (depth > 1) return "{…}";
    const parts = Object.entries(v).map(([k, x]) => `${k}: ${summarise(x, k, depth + 1) ?? "…"}`);
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
    if (s !== undefined) parts.push(`${k}: ${s}`);
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
 * collectSources({ buig: { budget: { "2020": 11805798 }, source: "seed 001" } });
 * // [{ item: "BUIG", path: "buig", value: "budget: {2020: 11.805.798}", source: "seed 001", note: "" }]
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
    if ((source || note) && !skip(path)) rows.push({ item: item.join(" › ") || "(bestand)", path: path.replace(/^\./, "") || "(top level)", value: ownValues(v), source, note });
    for (const [k, x] of Object.entries(v)) {
      if (k === "source" || k === "note") continue;
      visit(x, `${path}${jsonKey(k)}`, [...item, SECTION_LABELS[k] ?? k]);
    }
  };
  visit(root, "", []);
  return rows;
}
