/**
 * Text -> validated ScenarioFile. Pure (no file system): the CLI reads the file and
 * hands the text here with its name, so every error names the file.
 */
import { createHash } from "node:crypto";
import type { z } from "zod";
import { InputError, jsonPath } from "./errors.js";
import { ScenarioSchema, type ScenarioFile } from "./schema.js";

/** Line and column (1-based) of a character offset. */
function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, col: offset - before.lastIndexOf("\n") };
}

/** JSON.parse with an error that names the line and column, and NaN/Infinity spelled out. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const msg = (err as Error).message;
    const m = /position (\d+)/.exec(msg);
    const at = m ? lineCol(text, Number(m[1])) : undefined;
    const where = at ? `line ${at.line}, column ${at.col}` : "(top level)";
    const bad = /\b(NaN|-?Infinity)\b/.exec(text);
    const fix = bad
      ? `JSON has no ${bad[1]}: write a finite number (or leave the field out)`
      : "check commas, quotes and brackets near that place (a JSON linter shows it)";
    throw new InputError(file, where, `is not valid JSON (${msg.replace(/^.*?:\s*/, "")})`, fix);
  }
}

/** What the user should do about a zod issue, in words. */
function fixFor(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "unrecognized_keys":
      return `remove or rename ${issue.keys.map((k) => `"${k}"`).join(", ")}; docs/scenario-format.md lists the fields`;
    case "invalid_type":
      return issue.input === undefined ? "add this required field" : `give a value of type ${issue.expected}`;
    case "invalid_value":
      return `use one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    default:
      return "see docs/scenario-format.md";
  }
}

/**
 * A union ("a number, or a value per year") reports only "Invalid input"; the branch
 * that got furthest says what is really wrong (e.g. Infinity where a number belongs).
 */
function innermost(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return issue;
  const branches = issue.errors.filter((b) => b.length > 0);
  const best = branches.find((b) => b[0].code !== "invalid_type") ?? branches[0];
  if (!best) return issue;
  const inner = innermost(best[0]);
  return { ...inner, path: [...issue.path, ...inner.path], input: inner.input ?? issue.input } as z.core.$ZodIssue;
}

/** Checks form (types, ranges, required fields); throws InputError on the first problem. */
export function parseScenario(text: string, file: string): ScenarioFile {
  const raw = parseJson(text, file);
  const result = ScenarioSchema.safeParse(raw, { reportInput: true });
  if (!result.success) {
    const issue = innermost(result.error.issues[0]);
    const input = issue.input;
    if (typeof input === "number" && !Number.isFinite(input)) {
      throw new InputError(file, jsonPath(issue.path), `must be a finite number (got ${input}: the number is too large)`, "write a finite number");
    }
    const got = input !== undefined && typeof input !== "object" ? ` (got ${JSON.stringify(input)})` : "";
    throw new InputError(file, jsonPath(issue.path), `${issue.message}${got}`, fixFor(issue));
  }
  return result.data;
}

/** SHA-256 of the file text, recorded in the run metadata so a result can be traced to its input. */
export function fileHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
