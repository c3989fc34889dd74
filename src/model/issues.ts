/**
 * A zod issue about a scenario file (or a macro set) -> one Dutch sentence of what was
 * found and a fix that shows the right shape, e.g. for `"budget": 14500000`:
 * `buig.budget: is het getal 14500000, maar hier hoort een object {...} met een waarde per
 * naam of jaar. Fix: schrijf het zo: "budget": {"2024": 14500000}`. Examples use the
 * file's own start year and state names where it has them. Texts: messages.ts.
 */
import type { z } from "zod";
import { jsonPath } from "./errors.js";
import { zodMessage } from "./fields.js";
import { MSG } from "./messages.js";
import { readTypedNumber } from "../locale/typed-number.js";

/** The issue carries zod's own words, not a message of the schema (messages-form.ts). */
const isZodDefault = (issue: z.core.$ZodIssue): boolean => issue.message === zodMessage(issue as Parameters<typeof zodMessage>[0]);

type Obj = Record<string, any>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** What the example may borrow from the file: its start year and state names. */
function fileFacts(root: unknown) {
  const r = isObj(root) ? root : {};
  const year = Number.isInteger(r.start_year) ? (r.start_year as number) : 2024;
  const states: Obj[] = Array.isArray(r.states) ? r.states.filter(isObj) : [];
  const named = (kind: string, fallback: string) => states.find((s) => s.kind === kind && typeof s.name === "string")?.name ?? fallback;
  return { year, on: named("on", "Bijstand"), off: named("off", "Uitgestroomd naar werk"), exit: named("exit", "Uitstroom overig") };
}

/** Typical values of common fields. */
const BY_KEY: Record<string, string> = {
  hazard_ratio: "1.15", relative_risk: "0.8", elasticity: "-1.5", lag_months: "12", share: "0.2", months: "12",
  per: '"year"', benefit: "16200", lks: "0", count: "100", base_year: "2023", per_year: "300", p: "0.2",
};

/** Keys of the file whose right shape is worth spelling out in full. */
function knownExample(path: readonly PropertyKey[], root: unknown): string | undefined {
  const f = fileFacts(root);
  const key = String(path[path.length - 1] ?? "");
  const parent = String(path[path.length - 2] ?? "");
  const p = path.filter((k) => typeof k === "string").join(".");
  const table: Record<string, string> = {
    "buig.budget": `"budget": {"${f.year}": 14500000}`,
    buig: `"buig": {"budget": {"${f.year}": 14500000}}`,
    "inflow.per_year": `"per_year": 300 (${MSG.orPerYear}: {"${f.year}": 300})`,
    "inflow.entry": `"entry": {"${f.on}": 1}`,
    inflow: `"inflow": {"per_year": 300, "entry": {"${f.on}": 1}}`,
    initial: `"initial": {"${f.on}": 820}`,
    states: `"states": [{"name": "${f.on}", "kind": "on"}, {"name": "${f.off}", "kind": "off"}, {"name": "${f.exit}", "kind": "exit"}]`,
    "states.cost": `"cost": {"per": "month", "benefit": 1350}`,
    "states.kind": `"kind": "on" (${MSG.or} "off", "exit")`,
    "states.reinflow": `"reinflow": {"cumulative": [{"months": 12, "share": 0.2}], "to": {"${f.on}": 1}}`,
    transitions: `"transitions": {"per": "year", "list": [{"from": "${f.on}", "to": "${f.off}", "p": 0.2}]}`,
    "transitions.list": `"list": [{"from": "${f.on}", "to": "${f.off}", "p": 0.2}]`,
    "transitions.list.p": `"p": 0.2`,
    "macro.drivers": `"drivers": {"landelijk_volume": {"label": "Landelijk bijstandsvolume (index)", "base_year": ${f.year - 1}}}`,
    "macro.effects": `"effects": [{"driver": "landelijk_volume", "target": "inflow", "elasticity": 1.5}]`,
    "macro.scenarios": `"scenarios": [{"name": "basis", "label": "Basis", "paths": {"landelijk_volume": {"${f.year - 1}": 1, "${f.year}": 1.02}}}]`,
    "macro.scenarios.paths": `"paths": {"landelijk_volume": {"${f.year - 1}": 1, "${f.year}": 1.02}}`,
    start_year: `"start_year": ${f.year}`,
    horizon_years: `"horizon_years": 5`,
    name: `"name": "mijn-gemeente"`,
  };
  if (table[p]) return table[p];
  if (p === "buig.budget" || parent === "budget") return `"${key}": 14500000`;
  if (parent === "initial") return `"${key}": 820`;
  if (/^macro\.scenarios\.paths\.[^.]+$/.test(p)) return `"${key}": {"${f.year - 1}": 1, "${f.year}": 1.02}`;
  if (["source", "label", "note", "description"].includes(key)) return `"${key}": "aanname: ... (waarom)"`;
  if (key === "name" && ["scenarios", "interventions", "combinations"].includes(String(path[path.length - 3]))) return `"name": "${path[path.length - 3] === "scenarios" ? "matig-herstel" : "intensieve-begeleiding"}"`;
  if (key === "benefit" && costPer(root, path) === "month") return `"benefit": 1350`; // BY_KEY's is a year's
  if (key in BY_KEY) return `"${key}": ${BY_KEY[key]}`;
  return undefined;
}

/** The `per` of the cost block a path ends in ("month", "year"), if the file says. */
function costPer(root: unknown, path: readonly PropertyKey[]): unknown {
  const block = at(root, path.slice(0, -1));
  return isObj(block) ? block.per : undefined;
}

/**
 * A number the user wrote as text, the Dutch way or plain ("15.000.000", "1.380,50",
 * "1380,5", "1380"), as JSON writes it; undefined for other text and for "1.380", which
 * may be 1380 or 1,38. The fix then shows the user's own number, not an example's.
 */
function ownNumber(text: string): number | undefined {
  const read = readTypedNumber(text.trim().replace(/^€\s*/, ""), "nl"); // as the what-if page reads a Dutch box
  return "value" in read ? read.value : undefined;
}

/** A generic example for a key by the type it needs. */
function typedExample(key: string, expected: string): string {
  const k = key === "" || /^\d+$/.test(key) ? "" : `"${key}": `;
  switch (expected) {
    case "number": return `${k}1`;
    case "int": return `${k}2024`;
    case "string": return `${k}"tekst"`;
    case "boolean": return `${k}true`;
    case "array": return `${k}[ ... ]`;
    // the one tuple of the file format: an interval, low then high
    case "tuple": return key === "ci95" ? `${k}[1.05, 1.4]` : `${k}[ ... ]`;
    case "record":
    case "object": return `${k}{ ... }`;
    default: return `${k}...`;
  }
}

/** Edit distance, for "did you mean" on unknown keys. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const t = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = t;
    }
  }
  return d[b.length];
}

/** The Dutch word a user may write for a field (the file's fields are English): "plaatsen" means places. */
const DUTCH_FIELDS: Record<string, string> = {
  naam: "name", bron: "source", toelichting: "note", soort: "kind", kosten: "costs", kost: "cost", uitkering: "benefit", plaatsen: "places",
  capaciteit: "capacity", duur: "duration_months", effecten: "effects", effect: "effects", doelgroep: "targets", doelen: "targets", begin: "start",
  eind: "end", einde: "end", instroom: "inflow", toestanden: "states", overgangen: "transitions", verdeling: "distribution", per_jaar: "per_year",
  jaar: "year", maand: "month", interventies: "interventions", scenario: "scenarios", referenties: "references", startjaar: "start_year",
  horizon: "horizon_years", eenheid: "unit", budgetten: "budget", premie: "events", gebeurtenissen: "events",
};

/** Known fields near an unknown one (from a list of the fields the object may have), or the one a Dutch word names. */
function suggestions(keys: readonly string[], known: readonly string[]): string[] {
  return keys.flatMap((k) => {
    const dutch = DUTCH_FIELDS[k.toLowerCase()];
    if (dutch && known.includes(dutch) && !keys.includes(dutch)) return [dutch];
    return known.filter((x) => !keys.includes(x) && (x.startsWith(k) || k.startsWith(x) || distance(k, x) <= 2)).slice(0, 1);
  });
}

/** The value at a path of the raw file. */
function at(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: any = root;
  for (const k of path) v = v == null ? undefined : v[k as any];
  return v;
}

export interface Described {
  path: string;
  message: string;
  fix: string;
}

/**
 * One issue, in the run's language. `knownKeys(path)` lists the fields the object at `path` may have
 * (for "did you mean"); `root` is the raw JSON, for the value found and the examples.
 */
export function describeIssue(issue: z.core.$ZodIssue, root: unknown, knownKeys: (path: readonly PropertyKey[]) => readonly string[] = () => []): Described {
  const path = jsonPath(issue.path);
  const key = String(issue.path[issue.path.length - 1] ?? "");
  const input = "input" in issue && issue.input !== undefined ? issue.input : at(root, issue.path);
  const example = (expected: string) => knownExample(issue.path, root) ?? typedExample(key, expected);
  switch (issue.code) {
    case "invalid_type":
      if (input === undefined) {
        // A missing field next to an unknown one that looks like it: a typo, said as such (zod reports the missing field first).
        const parent = at(root, issue.path.slice(0, -1));
        const known = knownKeys(issue.path.slice(0, -1));
        const typo = isObj(parent) ? Object.keys(parent).find((k) => !known.includes(k) && suggestions([k], [key]).length > 0) : undefined;
        return { path, message: typo ? MSG.missingTypo(typo) : MSG.missing, fix: typo ? MSG.renameTo(typo, key) : MSG.missingFix(example(issue.expected)) };
      }
      if (typeof input === "number" && !Number.isFinite(input)) return { path, message: MSG.notFinite(input), fix: MSG.notFiniteFix };
      {
        const own = typeof input === "string" && (issue.expected === "number" || issue.expected === "int") ? ownNumber(input) : undefined;
        const named = typeof issue.path[issue.path.length - 1] === "string" ? `"${key}": ` : "";
        const shown = own !== undefined && (issue.expected === "number" || Number.isInteger(own)) ? `${named}${own}` : example(issue.expected);
        return { path, message: MSG.wrongType(input, issue.expected), fix: MSG.wrongTypeFix(shown) };
      }
    case "unrecognized_keys":
      return { path, message: MSG.unknownKeys(issue.keys), fix: MSG.unknownKeysFix(issue.keys, suggestions(issue.keys, knownKeys(issue.path))) };
    case "invalid_value":
      return { path, message: MSG.invalidValue(input), fix: MSG.invalidValueFix(issue.values) };
    case "too_small":
      if (issue.origin === "array" && Array.isArray(input)) {
        const custom = issue.message && !isZodDefault(issue) ? issue.message : MSG.tooSmallArray(input.length, Number(issue.minimum));
        return { path, message: custom, fix: MSG.missingFix(example("array")) };
      }
      return { path, message: `${issue.message}${MSG.foundSuffix(input)}`, fix: MSG.customFix(example("number")) };
    case "too_big":
      return { path, message: `${isZodDefault(issue) ? MSG.tooBig(Number(issue.maximum)) : issue.message}${MSG.foundSuffix(input)}`, fix: MSG.customFix(example("number")) };
    case "invalid_key":
      return { path, message: `${issue.issues[0]?.message ?? MSG.yearKey}${MSG.foundSuffix(key)}`, fix: MSG.customFix(knownExample(issue.path.slice(0, -1), root) ?? `{"2024": ...}`) };
    default: {
      if (typeof input === "number" && !Number.isFinite(input)) return { path, message: MSG.notFinite(input), fix: MSG.notFiniteFix };
      // An interval written high to low: the fix is the same two numbers the other way round.
      const interval = at(root, issue.path); // a refinement's input is the whole distribution
      if (key === "ci95" && Array.isArray(interval) && interval.length === 2 && interval[0] > interval[1]) return { path, message: issue.message, fix: MSG.ci95Swap(JSON.stringify([interval[1], interval[0]])) };
      const shown = input !== undefined && typeof input !== "object" ? MSG.foundSuffix(input) : "";
      const known = knownExample(issue.path, root);
      return { path, message: `${issue.message}${shown}`, fix: known ? MSG.customFix(known) : MSG.seeDocs };
    }
  }
}
