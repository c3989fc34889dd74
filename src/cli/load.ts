/** Reading a scenario file from disk (the I/O edge of the model layer). */
import { readFileSync } from "node:fs";
import { InputError } from "../model/errors.js";
import { fileHash, parseScenario } from "../model/parse.js";
import { compileScenario, type CompileOptions } from "../model/compile/index.js";
import type { Model } from "../model/model.js";
import type { ScenarioFile } from "../model/schema.js";

export function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new InputError(file, "", "file not found", "check the path; the shipped scenarios are in scenarios/");
    if (code === "EISDIR") throw new InputError(file, "", "is a folder, not a file", "name a scenario .json file");
    throw new InputError(file, "", `cannot be read (${code ?? (err as Error).message})`, "check the file's permissions");
  }
}

export interface Loaded {
  text: string;
  spec: ScenarioFile;
  model: Model;
  hash: string;
}

export function loadScenario(file: string, options: CompileOptions = {}): Loaded {
  const text = readText(file);
  const spec = parseScenario(text, file);
  const model = compileScenario(spec, file, options);
  return { text, spec, model, hash: fileHash(text) };
}
