/** Reading a scenario file from disk (the I/O edge of the model layer), with its macro sets. */
import { InputError } from "../model/errors.js";
import { checkScenario, fileHash, parseScenario } from "../model/parse.js";
import { compileScenario, type CompileOptions } from "../model/compile/index.js";
import { pointAtSet } from "../model/macro-sets.js";
import type { Model } from "../model/model.js";
import type { ScenarioFile } from "../model/schema.js";
import { INPUT_LIMITS, readInputText, type FileKind } from "./input-file.js";
import { resolveScenarioText } from "./macro-library.js";

/** A scenario (or template) file's text: bounded in size, refused when it is not UTF-8 text (input-file.ts). */
export function readText(file: string, kind: FileKind = "scenario", maxBytes: number = INPUT_LIMITS.scenario): string {
  return readInputText(file, kind, maxBytes);
}

export interface Loaded {
  /** The file's own text (its SHA-256 is `hash`). */
  text: string;
  /** The parsed spec, with the macro sets written in: what compiles without files (the PSA workers get this). */
  spec: ScenarioFile;
  model: Model;
  hash: string;
}

/**
 * A scenario file's text -> its parsed, set-resolved spec and the notes on its sets;
 * a mistake inside a set's scenario names the set file.
 */
export function specFromText(text: string, file: string, horizonYears?: number, span?: { from: number; to: number }): { spec: ScenarioFile; notes: string[]; repoint: (err: unknown) => unknown } {
  const resolved = resolveScenarioText(text, file, horizonYears, span);
  const repoint = (err: unknown) => (err instanceof InputError ? pointAtSet(err, { ...resolved, raw: {} }, file) : err);
  try {
    // A file that names no macro set comes back as it was, with its JSON parsed already.
    const spec = resolved.text === text ? checkScenario(resolved.raw, file) : parseScenario(resolved.text, file);
    return { spec, notes: resolved.notes, repoint };
  } catch (err) {
    throw repoint(err);
  }
}

export function loadScenario(file: string, options: CompileOptions = {}): Loaded {
  const text = readText(file);
  const { spec, notes, repoint } = specFromText(text, file, options.horizonYears);
  let model: Model;
  try {
    model = compileScenario(spec, file, options);
  } catch (err) {
    throw repoint(err);
  }
  if (notes.length > 0) model = { ...model, notes: [...notes, ...model.notes] };
  return { text, spec, model, hash: fileHash(text) };
}
