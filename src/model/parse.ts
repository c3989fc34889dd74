/**
 * Text -> validated ScenarioFile. Pure (no file system): the CLI reads the file and
 * hands the text here with its name, so every error names the file.
 */
import { createHash } from "node:crypto";
import type { z } from "zod";
import { InputError, jsonPath } from "./errors.js";
import { describeIssue } from "./issues.js";
import { COMPILE } from "../locale/messages-compile.js";
import { MSG } from "./messages.js";
import { ScenarioSchema, type ScenarioFile } from "./schema.js";

/** Line and column (1-based) of a character offset. */
function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, col: offset - before.lastIndexOf("\n") };
}

/** The line of the first `//` or `/*` comment outside a string, if any (JSON has none; annotated examples do). */
function commentLine(text: string): number | undefined {
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "/" && (text[i + 1] === "/" || text[i + 1] === "*")) return lineCol(text, i).line;
  }
  return undefined;
}

/**
 * The first key that appears twice in one object of a valid JSON text, with the path of
 * its object (JSON.parse keeps the last silently). One pass over the text.
 */
export function duplicateKey(text: string): { key: string; path: (string | number)[] } | undefined {
  type Frame = { keys?: Set<string>; key?: string; index: number; expectKey: boolean };
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let j = i + 1;
      let escaped = false;
      while (text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c ? 2 : 1;
      for (let k = i + 1; k < j; k++) if (text.charCodeAt(k) === 0x5c) escaped = true;
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        const key = escaped ? (JSON.parse(text.slice(i, j + 1)) as string) : text.slice(i + 1, j);
        if (top.keys.has(key)) return { key, path: stack.slice(0, -1).map((f) => (f.keys ? f.key! : f.index)) };
        top.keys.add(key);
        top.key = key;
        top.expectKey = false;
      }
      i = j;
    } else if (c === 0x7b) stack.push({ keys: new Set(), index: 0, expectKey: true });
    else if (c === 0x5b) stack.push({ index: 0, expectKey: false });
    else if (c === 0x7d || c === 0x5d) stack.pop();
    else if (c === 0x2c) {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
      else if (top) top.index++;
    }
  }
  return undefined;
}

/** JSON.parse with an error that names the line and column, NaN/Infinity spelled out, comments named as such, and duplicate keys refused. */
export function parseJson(text: string, file: string): unknown {
  const value = parseJsonText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, file);
  const dup = duplicateKey(text);
  if (dup) throw new InputError(file, jsonPath([...dup.path, dup.key]), MSG.duplicateKey(dup.key), MSG.duplicateKeyFix);
  return value;
}

/**
 * A number written the Dutch way where JSON stopped reading (`"benefit": 1380,50` or
 * `1.380,50`: JSON reads 1380 and then expects a name), as JSON writes it ("1380.50"),
 * or undefined when the text there is something else.
 */
function decimalComma(text: string, offset: number): string | undefined {
  const lineEnd = text.indexOf("\n", offset);
  const before = /:\s*(-?[\d.]+),\s*$/.exec(text.slice(text.lastIndexOf("\n", offset - 1) + 1, offset));
  const after = /^(\d+)/.exec(text.slice(offset, lineEnd < 0 ? undefined : lineEnd));
  if (!before || !after) return undefined;
  const whole = /^-?\d{1,3}(\.\d{3})+$/.test(before[1]) ? before[1].replace(/\./g, "") : before[1];
  return /^-?\d+$/.test(whole) ? `${whole}.${after[1]}` : undefined;
}

/**
 * Where a comma stands right before a closing ] or } (outside strings), the one mistake
 * V8's message gives no position for ("Unexpected token ']'"): JavaScript and many
 * editors allow it, JSON does not.
 */
function trailingComma(text: string): number | undefined {
  let inString = false;
  let comma = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === ",") comma = i;
    else if ((c === "]" || c === "}") && comma >= 0) return comma;
    if (!/\s|,/.test(c)) comma = c === "," ? i : -1;
  }
  return undefined;
}

function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const comment = commentLine(text);
    if (comment !== undefined) throw new InputError(file, COMPILE.line(comment), MSG.jsonComments(comment), MSG.jsonCommentsFix);
    const msg = (err as Error).message;
    const m = /position (\d+)/.exec(msg);
    const trailing = m ? undefined : trailingComma(text);
    if (trailing !== undefined) {
      const t = lineCol(text, trailing);
      throw new InputError(file, COMPILE.lineColumn(t.line, t.col), COMPILE.trailingComma, COMPILE.trailingCommaFix);
    }
    const at = m ? lineCol(text, Number(m[1])) : undefined;
    const where = at ? COMPILE.lineColumn(at.line, at.col) : jsonPath([]);
    const bad = /\b(NaN|-?Infinity)\b/.exec(text);
    const comma = m ? decimalComma(text, Number(m[1])) : undefined;
    const fix = bad ? COMPILE.jsonNoNumber(bad[1]) : comma ? COMPILE.jsonDecimalComma(comma) : COMPILE.jsonCheck;
    throw new InputError(file, where, COMPILE.invalidJson(msg), fix);
  }
}

/**
 * A union ("a number, or a value per year") reports only "Invalid input"; the branch
 * that got furthest says what is really wrong (e.g. Infinity where a number belongs).
 */
function innermost(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== "invalid_union" || issue.errors.length === 0) return issue;
  const branches = issue.errors.filter((b) => b.length > 0);
  // A union told apart by `type` (the distributions): the branch whose type matched says what is wrong (a lognormal
  // needs ci95); when none matched, the type is wrong, and every branch's type is a choice (not only the first's).
  const onType = (b: z.core.$ZodIssue[]) => b.some((i) => i.code === "invalid_value" && i.path.length === 1 && i.path[0] === "type");
  if (branches.length > 1 && branches.some(onType)) {
    const matched = branches.find((b) => !onType(b));
    if (matched) return innermost({ ...issue, errors: [matched] } as z.core.$ZodIssue);
    if (branches.every(onType)) {
      const values = branches.flatMap((b) => b.filter((i) => i.code === "invalid_value" && i.path[0] === "type").flatMap((i) => (i as { values: unknown[] }).values));
      const first = branches[0].find((i) => i.code === "invalid_value" && i.path[0] === "type")!;
      return { ...first, values, path: [...issue.path, ...first.path] } as z.core.$ZodIssue;
    }
  }
  const best = branches.find((b) => b[0].code !== "invalid_type") ?? branches[0];
  if (!best) return issue;
  const inner = innermost(best[0]);
  // The union's input is the value at its own path: for an issue deeper in (a missing field of the branch) it is not the value there.
  return { ...inner, path: [...issue.path, ...inner.path], input: inner.path.length ? inner.input : (inner.input ?? issue.input) } as z.core.$ZodIssue;
}

/** The field names an object of the schema may have at `path` (for "did you mean ..."). */
export function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let s: any = schema;
  const unwrap = () => {
    while (s?._zod?.def && ["optional", "default", "nullable", "pipe", "prefault"].includes(s._zod.def.type)) s = s._zod.def.innerType ?? s._zod.def.in;
    if (s?._zod?.def?.type === "union") s = s._zod.def.options.find((o: any) => o._zod.def.type === "object") ?? s._zod.def.options[0];
  };
  for (const k of path) {
    unwrap();
    const def = s?._zod?.def;
    if (!def) return [];
    if (def.type === "object") s = def.shape[k as string];
    else if (def.type === "array") s = def.element;
    else if (def.type === "record") s = def.valueType;
    else return [];
  }
  unwrap();
  return s?._zod?.def?.type === "object" ? Object.keys(s._zod.def.shape) : [];
}

/** A zod issue of a value checked against `schema` as one InputError in the run's language (messages.ts). */
export function schemaError(schema: z.ZodType, issue: z.core.$ZodIssue, root: unknown, file: string): InputError {
  const d = describeIssue(innermost(issue), root, (path) => keysAt(schema, path));
  return new InputError(file, d.path, d.message, d.fix);
}

/** Checks form (types, ranges, required fields); throws InputError on the first problem. */
export function parseScenario(text: string, file: string): ScenarioFile {
  return checkScenario(parseJson(text, file), file);
}

/** parseScenario for a file's JSON already parsed (parseJson). */
export function checkScenario(raw: unknown, file: string): ScenarioFile {
  const result = ScenarioSchema.safeParse(raw, { reportInput: true });
  if (!result.success) throw schemaError(ScenarioSchema, result.error.issues[0], raw, file);
  return result.data;
}

/** SHA-256 of the file text, recorded in the run metadata so a result can be traced to its input. */
export function fileHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
