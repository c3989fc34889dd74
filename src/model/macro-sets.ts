/**
 * Named macro scenario sets (the macro library, scenarios/macro/*.json) and how a
 * scenario file uses them: `"macro": {"set": "cpb-2020", "effects": [...]}`.
 *
 * A set holds driver declarations and scenarios (a path per driver), in one of three kinds:
 * - `paths`: calendar years, as published (e.g. the CPB June 2020 corona paths, 2019-2022);
 * - `shapes`: years counted from a base year ("0", "1", ...), applied from any base year:
 *   stress tests, labelled as such in every output (name `stresstest-...`, label "Stresstest ...");
 * - `constant`: one value per driver, held on purpose for every year (the neutral set).
 *
 * Resolution is pure and synchronous: the caller (the CLI) reads the set files and
 * hands them in through `lookup`; the result is the scenario file's JSON with the
 * set's drivers and scenarios written in, so compile/ sees an ordinary file and the
 * compiled model carries the paths (nothing downstream needs a file).
 */
import { z } from "zod";
import { InputError } from "./errors.js";
import { finite, int, say, source } from "./fields.js";
import { MSG } from "./messages.js";
import { parseJson, schemaError } from "./parse.js";

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, say(() => MSG.slug("scenarios", "matig-herstel")));
const calendarYear = z.string().regex(/^\d{4}$/, say(() => MSG.yearKey));
const offsetYear = z.string().regex(/^\d{1,2}$/, say(() => MSG.offsetKey));

const DriverSchema = z.strictObject({ label: z.string(), unit: z.string().optional(), base_year: int(1900).optional(), source });

const scenario = <K extends z.ZodType<string>>(key: K) =>
  z.strictObject({ name: slug, label: z.string(), paths: z.record(z.string(), z.record(key, finite())), source, note: z.string().optional() });

const common = {
  $schema: z.string().optional(),
  name: slug,
  label: z.string(),
  description: z.string().optional(),
  drivers: z.record(z.string(), DriverSchema),
  source,
  note: z.string().optional(),
};

export const MacroSetSchema = z.discriminatedUnion("kind", [
  z.strictObject({ ...common, kind: z.literal("paths"), scenarios: z.array(scenario(calendarYear)).min(1, say(() => MSG.atLeastOne("scenario"))) }),
  z.strictObject({ ...common, kind: z.literal("shapes"), scenarios: z.array(scenario(offsetYear)).min(1, say(() => MSG.atLeastOne("scenario"))) }),
  z.strictObject({
    ...common,
    kind: z.literal("constant"),
    scenarios: z.array(z.strictObject({ name: slug, label: z.string(), values: z.record(z.string(), finite()), source, note: z.string().optional() })).min(1, say(() => MSG.atLeastOne("scenario"))),
  }),
]);

export type MacroSet = z.infer<typeof MacroSetSchema>;

/** A reference in a scenario file: a name, or a name with options. */
export interface SetRef {
  /** A library name (`cpb-2020`) or a path relative to the scenario file (`./mijn-reeks.json`). */
  name: string;
  /** For shapes and constant sets: year 0 (default: the file's own base_year for the driver, else start_year - 1). */
  base_year?: number;
  /** Only these scenarios of the set. */
  only?: string[];
}

/** What the lookup returns for a reference: the set and the file it came from (for messages). */
export interface FoundSet {
  set: MacroSet;
  file: string;
}

export interface Resolved {
  /** The scenario file's JSON with the sets' drivers and scenarios written in, and `macro.set` removed. */
  raw: Record<string, unknown>;
  /** Notes for the run, in its language (what a set is and is not). */
  notes: string[];
  /** Which scenarios came from which set: resolved index -> set file and index in the set, the set's name, drivers and reference (macro.set[i]). */
  origins: { index: number; file: string; setIndex: number; set: string; drivers: string[]; ref: string }[];
}

type Obj = Record<string, any>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** A set file's JSON -> a checked MacroSet (one InputError naming the set file on the first problem). */
export function checkMacroSet(value: unknown, file: string): MacroSet {
  const result = MacroSetSchema.safeParse(value, { reportInput: true });
  if (!result.success) throw schemaError(MacroSetSchema, result.error.issues[0], value, file);
  const set = result.data;
  const declared = Object.keys(set.drivers);
  set.scenarios.forEach((sc, i) => {
    if (set.scenarios.slice(0, i).some((x) => x.name === sc.name)) throw new InputError(file, `scenarios[${i}].name`, MSG.setScenarioTwice(sc.name), MSG.setScenarioTwiceFix);
    const keys = Object.keys("paths" in sc ? sc.paths : sc.values);
    for (const k of keys) if (!declared.includes(k)) throw new InputError(file, `scenarios[${i}].${"paths" in sc ? "paths" : "values"}.${k}`, MSG.setUnknownDriver(k), MSG.setUnknownDriverFix(declared));
    if ("paths" in sc) for (const k of keys) if (Object.keys(sc.paths[k]).length === 0) throw new InputError(file, `scenarios[${i}].paths.${k}`, MSG.setEmptyPath, MSG.setEmptyPathFix(set.kind === "shapes"));
  });
  if (set.kind === "paths") {
    for (const [name, d] of Object.entries(set.drivers)) if (d.base_year === undefined) throw new InputError(file, `drivers.${name}.base_year`, MSG.setNeedsBaseYear, MSG.setNeedsBaseYearFix);
  } else {
    for (const [name, d] of Object.entries(set.drivers)) if (d.base_year !== undefined) throw new InputError(file, `drivers.${name}.base_year`, MSG.setNoBaseYear(set.kind), MSG.setNoBaseYearFix);
  }
  return set;
}

/** A set file's text -> a checked MacroSet. */
export const parseMacroSet = (text: string, file: string): MacroSet => checkMacroSet(parseJson(text, file), file);

/** `macro.set` of a scenario file as a list of references (InputError on a malformed one). */
export function setRefs(value: unknown, file: string): SetRef[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0) throw new InputError(file, "macro.set", MSG.setRefEmpty, MSG.setRefFix);
  return list.map((v, i) => {
    const path = Array.isArray(value) ? `macro.set[${i}]` : "macro.set";
    if (typeof v === "string" && v.trim() !== "") return { name: v.trim() };
    if (!isObj(v) || typeof v.name !== "string") throw new InputError(file, path, MSG.setRefWrong(v), MSG.setRefFix);
    const unknown = Object.keys(v).filter((k) => !["name", "base_year", "only", "source"].includes(k));
    if (unknown.length) throw new InputError(file, path, MSG.unknownKeys(unknown), MSG.setRefKeysFix);
    if (v.base_year !== undefined && !(Number.isInteger(v.base_year) && v.base_year >= 1900)) throw new InputError(file, `${path}.base_year`, MSG.setRefBaseYear(v.base_year), MSG.setRefBaseYearFix);
    if (v.only !== undefined && !(Array.isArray(v.only) && v.only.every((x: unknown) => typeof x === "string"))) throw new InputError(file, `${path}.only`, MSG.setRefOnly, MSG.setRefOnlyFix);
    return { name: v.name, base_year: v.base_year, only: v.only };
  });
}

interface Window {
  startYear: number;
  endYear: number;
  /**
   * Year 0 of a shapes or constant set when neither the reference nor the file names one
   * (default startYear - 1). backtest reads the sets for earlier years than the file's own
   * but keeps the shock where the file put it.
   */
  anchorYear?: number;
}

/** Year 0 of a shapes or constant set: the reference's, else the file's own base year of its drivers, else start_year - 1. */
function anchorOf(ref: SetRef, set: MacroSet, fileDrivers: Obj, path: string, file: string, win: Window): number {
  if (set.kind === "paths") {
    if (ref.base_year !== undefined) throw new InputError(file, `${path}.base_year`, MSG.setRefBaseYearOnPaths(set.name), MSG.setRefBaseYearOnPathsFix);
    return NaN;
  }
  const own = Object.keys(set.drivers).map((d) => fileDrivers[d]?.base_year).filter((y): y is number => typeof y === "number");
  const anchor = ref.base_year ?? own[0] ?? win.anchorYear ?? win.startYear - 1;
  for (const d of Object.keys(set.drivers)) {
    const y = fileDrivers[d]?.base_year;
    if (typeof y === "number" && y !== anchor) throw new InputError(file, `macro.drivers.${d}.base_year`, MSG.setAnchorClash(y, set.name, anchor), MSG.setAnchorClashFix(anchor));
  }
  return anchor;
}

/** The paths of one scenario of a set, in calendar years. */
function calendarPaths(set: MacroSet, sc: MacroSet["scenarios"][number], anchor: number, win: Window): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  const from = Math.min(anchor, win.startYear - 1) - 2; // two years before: lags up to 24 months (fit's lag profile)
  if ("values" in sc) {
    for (const [d, v] of Object.entries(sc.values)) {
      out[d] = {};
      for (let y = from; y <= win.endYear; y++) out[d][String(y)] = v;
    }
    return out;
  }
  for (const [d, path] of Object.entries(sc.paths)) {
    if (set.kind === "paths") {
      out[d] = { ...path };
      continue;
    }
    const offsets = Object.keys(path).map(Number).sort((a, b) => a - b);
    out[d] = {};
    const start = path[String(offsets[0])];
    for (let y = from; y < anchor + offsets[0]; y++) out[d][String(y)] = start;
    for (const k of offsets) out[d][String(anchor + k)] = path[String(k)];
  }
  return out;
}

const STRESS = /stresstest/i;

/** One set's scenarios as scenario-file entries, with the stress-test label where it is one. */
function setScenarios(ref: SetRef, found: FoundSet, anchor: number, win: Window, path: string, file: string) {
  const { set } = found;
  const names = set.scenarios.map((s) => s.name);
  for (const name of ref.only ?? []) if (!names.includes(name)) throw new InputError(file, `${path}.only`, MSG.setNoSuchScenario(name, set.name), MSG.setNoSuchScenarioFix(names));
  return set.scenarios
    .map((sc, setIndex) => ({ sc, setIndex }))
    .filter(({ sc }) => !ref.only || ref.only.includes(sc.name))
    .map(({ sc, setIndex }) => {
      let name = sc.name;
      let label = sc.label;
      if (set.kind === "shapes") {
        if (!name.startsWith("stresstest-")) name = `stresstest-${name}`;
        if (!STRESS.test(label)) label = `Stresstest: ${label}`;
        label = `${label}, schok vanaf ${anchor + 1}`;
      }
      const text = sc.source ?? set.source;
      return { entry: { name, label, paths: calendarPaths(set, sc, anchor, win), ...(text ? { source: `macroreeks ${set.name}: ${text}` } : {}) }, setIndex };
    });
}

/** Dutch notes on what the sets are, and a warning when a published path ends before the run starts. */
function setNotes(found: FoundSet, anchor: number, win: Window, drivers: string[]): string[] {
  const { set } = found;
  if (set.kind === "shapes") return [MSG.noteShapes(set.name, set.label, anchor)];
  if (set.kind === "constant") return [MSG.noteConstant(set.name, drivers, win.startYear, win.endYear)];
  const last = Math.max(...set.scenarios.flatMap((sc) => Object.values(sc.paths).flatMap((p) => Object.keys(p).map(Number))));
  return last < win.startYear ? [MSG.notePathsBeforeRun(set.name, last, win.startYear, win.endYear)] : [];
}

/**
 * Writes the sets that `raw.macro.set` names into a copy of `raw`: their drivers (where the
 * file does not declare them itself) and their scenarios (after the file's own), and
 * removes `macro.set`. A file without `macro.set` comes back as it is.
 */
export function resolveMacroSets(raw: unknown, file: string, win: Window, lookup: (ref: SetRef, path: string) => FoundSet): Resolved {
  if (!isObj(raw) || !isObj(raw.macro) || !("set" in raw.macro)) return { raw: raw as Obj, notes: [], origins: [] };
  const out = structuredClone(raw) as Obj;
  const macro = out.macro as Obj;
  const refs = setRefs(macro.set, file);
  delete macro.set;
  const fileDrivers: Obj = isObj(macro.drivers) ? macro.drivers : {};
  const own: unknown[] = Array.isArray(macro.scenarios) ? macro.scenarios : [];
  const scenarios: unknown[] = [...own];
  const drivers: Obj = { ...fileDrivers };
  const notes: string[] = [];
  const origins: Resolved["origins"] = [];
  refs.forEach((ref, i) => {
    const path = Array.isArray(raw.macro.set) ? `macro.set[${i}]` : "macro.set";
    const found = lookup(ref, path);
    const anchor = anchorOf(ref, found.set, fileDrivers, path, file, win);
    for (const [name, d] of Object.entries(found.set.drivers)) {
      if (!(name in drivers)) drivers[name] = { ...d, base_year: d.base_year ?? anchor };
    }
    for (const { entry, setIndex } of setScenarios(ref, found, anchor, win, path, file)) {
      const clash = scenarios.findIndex((s) => isObj(s) && s.name === entry.name);
      if (clash >= 0) throw new InputError(file, path, MSG.setScenarioClash(entry.name, found.set.name), MSG.setScenarioClashFix);
      origins.push({ index: scenarios.length, file: found.file, setIndex, set: found.set.name, drivers: Object.keys(found.set.drivers), ref: path });
      scenarios.push(entry);
    }
    notes.push(...setNotes(found, anchor, win, Object.keys(found.set.drivers)));
  });
  macro.drivers = drivers;
  macro.scenarios = scenarios;
  if (!("effects" in macro)) macro.effects = [];
  return { raw: out, notes, origins };
}

/**
 * An InputError found in the resolved file, pointed back at where the user can fix it:
 * a problem in a scenario that came from a set names the set file and its scenario.
 */
export function pointAtSet(err: InputError, resolved: Resolved, file: string): InputError {
  const m = /^macro\.scenarios\[(\d+)\](.*)$/.exec(err.path);
  const origin = m ? resolved.origins.find((o) => o.index === Number(m[1])) : undefined;
  if (!origin) return err;
  // A path missing for a driver the set does not have (an effect on one's own driver beside "neutraal"): the
  // fix is in the user's file, not in the shipped set.
  const driver = /^\.paths\.(.+)$/.exec(m![2])?.[1];
  if (driver && !origin.drivers.includes(driver)) {
    const own = resolved.origins.find((o) => o.drivers.includes(driver));
    return new InputError(file, origin.ref, MSG.setLacksDriver(origin.set, driver), MSG.setLacksDriverFix(origin.set, driver, own?.file, origin.drivers));
  }
  return new InputError(origin.file, `scenarios[${origin.setIndex}]${m![2]}`, err.message, err.fix);
}
