/**
 * The macro library on disk: named sets in scenarios/macro/ of this package, or a set
 * file next to (relative to) a scenario file. This module reads the files; writing the
 * sets into a scenario (resolveMacroSets) is pure and lives in model/macro-sets.ts.
 *
 * A reference that ends in `.json` or contains a slash is a path relative to the
 * scenario file (`"set": "./mijn-cpb-2025.json"`); any other is a library name
 * (`"set": "cpb-2020"` reads scenarios/macro/cpb-2020.json).
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { INPUT_LIMITS, readInputText } from "./input-file.js";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { InputError } from "../model/errors.js";
import { parseMacroSet, resolveMacroSets, type FoundSet, type MacroSet, type Resolved, type SetRef } from "../model/macro-sets.js";
import { MSG } from "../model/messages.js";
import { parseJson } from "../model/parse.js";
import { packageFile } from "../package-files.js";

/** scenarios/macro/ of this package (not of the working directory). */
export const LIBRARY_DIR = fileURLToPath(packageFile("scenarios/macro/"));

const isPathRef = (name: string) => name.endsWith(".json") || name.includes("/") || name.includes("\\");

/** The library's set names, sorted. */
export function libraryNames(): string[] {
  if (!existsSync(LIBRARY_DIR)) return [];
  return readdirSync(LIBRARY_DIR).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5)).sort();
}

/** A set file (known to exist), read and checked. */
export function readSet(file: string): MacroSet {
  return parseMacroSet(readFileSync(file, "utf8"), file);
}

/** Every set of the library with its file (shown as a path from the working directory). */
export function librarySets(): { file: string; set: MacroSet }[] {
  return libraryNames().map((name) => {
    const file = join(LIBRARY_DIR, `${name}.json`);
    const shown = relative(process.cwd(), file);
    return { file: shown && !shown.startsWith("..") ? shown : file, set: readSet(file) };
  });
}

/** Where a reference points, from a scenario file in `scenarioDir`. */
export function setFile(name: string, scenarioDir: string): string {
  return isPathRef(name) ? (isAbsolute(name) ? name : join(scenarioDir, name)) : join(LIBRARY_DIR, `${name}.json`);
}

/** The lookup resolveMacroSets needs, for a scenario file (`file` names it in messages). */
export function lookupFor(file: string): (ref: SetRef, path: string) => FoundSet {
  const dir = dirname(file);
  return (ref, path) => {
    const target = setFile(ref.name, dir);
    if (!existsSync(target) || !statSync(target).isFile()) {
      if (isPathRef(ref.name)) throw new InputError(file, path, `${MSG.setFileMissing}: ${target}`, MSG.setFileMissingFix);
      throw new InputError(file, path, MSG.setUnknown(ref.name), MSG.setUnknownFix(libraryNames()));
    }
    const shown = relative(process.cwd(), target) || target;
    return { set: parseMacroSet(readInputText(target, "macroSet", INPUT_LIMITS.scenario), shown), file: shown };
  };
}

export interface ResolvedText extends Omit<Resolved, "raw"> {
  /** JSON that compiles without any file: the scenario's own text when it names no set. */
  text: string;
  raw: unknown;
}

/**
 * A scenario file's text with its macro sets written in. `horizonYears` (the CLI's
 * --horizon) sets how far a constant set runs.
 */
export function resolveScenarioText(text: string, file: string, horizonYears?: number, span?: { from: number; to: number }): ResolvedText {
  const raw = parseJson(text, file) as Record<string, any>;
  if (!raw || typeof raw !== "object" || !raw.macro || typeof raw.macro !== "object" || !("set" in raw.macro)) return { text, raw, notes: [], origins: [] };
  const startYear = Number.isInteger(raw.start_year) ? raw.start_year : 2024;
  const years = horizonYears ?? (Number.isInteger(raw.horizon_years) && raw.horizon_years > 0 ? raw.horizon_years : 5);
  // `span`: the sets read for other years than the file's own (backtest), year 0 of a shape still the file's.
  const win = span ? { startYear: span.from, endYear: span.to, anchorYear: startYear - 1 } : { startYear, endYear: startYear + years - 1 };
  const resolved = resolveMacroSets(raw, file, win, lookupFor(file));
  return { ...resolved, text: JSON.stringify(resolved.raw, null, 2) + "\n" };
}

/** A scenario file's JSON with its sets written in, for the report's list of sources (as it was when it ran). */
export function resolveForReport(raw: Record<string, unknown>, file: string): Record<string, unknown> {
  return resolveScenarioText(JSON.stringify(raw), file).raw as Record<string, unknown>;
}

/**
 * A scenario's JSON (as parsed) written to another folder: set references that are
 * paths relative to the old folder point to the same files from the new one.
 */
export function rebaseSetRefs<T>(raw: T, fromDir: string, toDir: string): T {
  const macro = (raw as Record<string, any>)?.macro;
  if (!macro || !("set" in macro) || resolve(fromDir) === resolve(toDir)) return raw;
  const move = (ref: unknown): unknown => {
    const name = typeof ref === "string" ? ref : (ref as Record<string, any>)?.name;
    if (typeof name !== "string" || !isPathRef(name) || isAbsolute(name)) return ref;
    let moved = relative(toDir, join(fromDir, name)).split("\\").join("/");
    if (!moved.startsWith(".")) moved = `./${moved}`;
    return typeof ref === "string" ? moved : { ...(ref as object), name: moved };
  };
  macro.set = Array.isArray(macro.set) ? macro.set.map(move) : move(macro.set);
  return raw;
}
