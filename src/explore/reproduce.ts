/**
 * How to get the page's numbers from the command line. Scenarios, interventions (one, or
 * a declared combination) and the horizon are flags of `bijstandsim run`; new inflow,
 * cost per person, budget, capacity, effect sizes and costs are not, so the page lists
 * the fields of the scenario file to edit (JSON path, old and new value) and offers the
 * edited copy as a download. A
 * combination of interventions the file does not declare is one more edit: a new
 * entry in `combinations`. Pure; the browser test applies these edits and runs the CLI.
 */
import type { Model } from "../model/model.js";
import type { PageData } from "./data.js";
import type { Settings } from "./settings.js";
import { membersOf, variantName } from "./whatif.js";
import { shellWord } from "../report/shell.js";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface Edit {
  /** JSON path in the scenario file, e.g. `interventions[0].capacity.coaches`. */
  path: string;
  /** The file's value (undefined where the field is absent). */
  from?: JsonValue;
  to: JsonValue;
  /** Append `to` to the array at `path` instead of setting it. */
  append?: boolean;
}

export interface Reproduction {
  /** The `bin/bijstandsim run` command, on the edited copy when there are edits. */
  command: string;
  edits: Edit[];
  /** File name of the edited copy (the download), when there are edits. */
  editedFile?: string;
  /** The `distribution`s beside edited values, which the edits leave as they are (JSON paths). */
  distributions: string[];
}

/** A number as JSON writes it, without float noise from the page's arithmetic (12 significant digits). */
export const clean = (v: number): number => Number(v.toPrecision(12));

function interventionEdits(data: PageData, s: Settings, p: number): Edit[] {
  const iv = data.interventions[p];
  const x = s.interventions[p];
  const edits: Edit[] = [];
  const change = (path: string, from: number, to: number) => {
    if (clean(to) !== clean(from)) edits.push({ path: `${iv.path}.${path}`, from, to: clean(to) });
  };
  const c = x.capacity;
  const f = iv.capacity;
  if (c.kind === "coaches" && f.kind === "coaches") {
    change("capacity.coaches", f.coaches, c.coaches);
    change("capacity.caseload", f.caseload, c.caseload);
  } else if (c.kind === "places" && f.kind === "places") change("capacity.places", f.places, c.places);
  else if (c.kind === "reach" && f.kind === "reach") change("capacity.starts_per_year", f.startsPerYear, c.startsPerYear);
  for (const e of iv.effects) {
    const to = 1 + x.scale * (e.value - 1);
    if (clean(to) !== clean(e.value)) edits.push({ path: e.path, from: e.value, to: clean(to) });
  }
  change("costs.per_start", iv.perStart, x.perStart);
  change("costs.per_participant_month", iv.perParticipantMonth, x.perParticipantMonth);
  return edits;
}

/** A number or a series per year in the file, scaled by a percentage setting (each year's value of a series). */
function scaledEdits(path: string, from: number | Record<string, number>, pct: number): Edit[] {
  if (pct === 100) return [];
  const scale = (v: number) => clean((v * pct) / 100);
  const to = typeof from === "number" ? scale(from) : Object.fromEntries(Object.entries(from).map(([year, v]) => [year, scale(v)]));
  return [{ path, from, to }];
}

/** Every state's benefit and lks scaled by the cost setting (the ones that are not 0). */
function costEdits(data: PageData, s: Settings): Edit[] {
  if (s.costPct === 100) return [];
  return data.costs.flatMap((c) =>
    (["benefit", "lks"] as const).filter((field) => c[field] !== 0).map((field) => ({ path: `${c.path}.${field}`, from: c[field], to: clean((c[field] * s.costPct) / 100) })),
  );
}

/** The command and file edits that give the same numbers as the page with settings `s`. */
export function reproduction(model: Model, data: PageData, s: Settings): Reproduction {
  const members = membersOf(s);
  const edits = [
    ...scaledEdits("inflow.per_year", data.inflowPerYear, s.inflowPct),
    ...costEdits(data, s),
    ...scaledEdits("buig.budget", data.budget, s.budgetPct),
    ...members.flatMap((p) => interventionEdits(data, s, p)),
  ];
  const variant = members.length ? variantName(model, members) : undefined;
  if (variant && !variant.declared) {
    edits.push({ path: "combinations", append: true, to: { name: variant.name, label: variant.label, interventions: members.map((p) => data.interventions[p].name) } });
  }
  const stem = data.file.replace(/^.*[\\/]/, "").replace(/\.json$/i, "");
  const editedFile = edits.length ? `${stem}-verkenner.json` : undefined;
  // As the README and the report write it (from a clone of the repository); an English page gives an English command.
  const parts = ["bin/bijstandsim", ...(data.lang === "en" ? ["--lang", "en"] : []), "run", editedFile ?? data.file];
  if (s.scenarios.length !== model.scenarios.length) parts.push("--scenario", s.scenarios.join(","));
  if (variant) parts.push("--variant", variant.name);
  if (s.horizon !== data.fileHorizon) parts.push("--horizon", String(s.horizon));
  const parentOf = (path: string) => path.replace(/\.[^.]+$/, "");
  const distributions = [...new Set(edits.map((e) => `${parentOf(e.path)}.distribution`))].filter((path) => data.distributions.includes(path));
  return { command: parts.map(shellWord).join(" "), edits, editedFile, distributions };
}

/** Splits `interventions[0].capacity.coaches` into ["interventions", 0, "capacity", "coaches"]. */
export function pathKeys(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}

/** The scenario file's text with the edits applied (JSON, two-space indent). */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const root = JSON.parse(text) as Record<string, JsonValue>;
  for (const e of edits) {
    const keys = pathKeys(e.path);
    let node = root as Record<string | number, JsonValue>;
    keys.slice(0, -1).forEach((k, i) => {
      if (node[k] === undefined || node[k] === null) node[k] = typeof keys[i + 1] === "number" ? [] : {};
      node = node[k] as Record<string | number, JsonValue>;
    });
    const lastKey = keys[keys.length - 1];
    if (e.append) node[lastKey] = [...((node[lastKey] as JsonValue[] | undefined) ?? []), e.to];
    else node[lastKey] = e.to;
  }
  return JSON.stringify(root, null, 2) + "\n";
}
