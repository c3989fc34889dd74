import { CLI } from "../locale/messages-cli.js";

/**
 * A mistake in the user's input: a scenario file, a CLI option, a data file.
 * Carries where (file and JSON path) and how to fix it, so the CLI can print one
 * clear line and exit 2 instead of a stack trace.
 */
export class InputError extends Error {
  readonly file: string;
  readonly path: string;
  readonly fix: string;

  constructor(file: string, path: string, message: string, fix = "") {
    super(message);
    this.name = "InputError";
    this.file = file;
    this.path = path;
    this.fix = fix;
  }

  /** One line: `file: path: message. Oplossing: ...` (in English `Fix: ...`; control characters escaped, echoed values cut: safeLine). */
  describe(): string {
    const where = [this.file, this.path].filter((s) => s !== "").join(": ");
    const fix = this.fix ? ` ${CLI.fixLabel} ${this.fix}` : "";
    return safeLine(`${where}: ${this.message}.`, fix);
  }
}

/** Characters that must not reach a terminal raw: C0 and C1 controls, DEL, line and paragraph separators, bidi controls, BOM. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const ESCAPES: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** Longest echoed value (a quoted text, or a word without spaces) kept whole in a message. */
export const ECHO_MAX = 120;

/** Escapes what must not reach a terminal, as JSON would (`\n`, `\u001b`). */
export const escapeControls = (s: string): string => s.replace(UNSAFE, (c) => ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

const cut = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/**
 * A message as one safe terminal line: control characters escaped, a quoted value or a
 * run of characters without spaces longer than ECHO_MAX cut, the message part at most
 * 700 characters and the fix at most 400 (a message is read, not scrolled).
 */
export function safeLine(message: string, fix = ""): string {
  const tidy = (s: string) => cutQuoted(escapeControls(s.length > 100_000 ? s.slice(0, 100_000) : s)).replace(/[^\s"]{200,}/g, (w) => cut(w, ECHO_MAX));
  return cut(tidy(message), 700) + cut(tidy(fix), 400);
}

/** Cuts every quoted text ("...", with \" inside) longer than ECHO_MAX. */
function cutQuoted(s: string): string {
  let out = "";
  let from = 0;
  for (let i = s.indexOf('"'); i >= 0; i = s.indexOf('"', i + 1)) {
    let j = i + 1;
    while (j < s.length && s[j] !== '"') j += s[j] === "\\" ? 2 : 1;
    if (j - i - 1 > ECHO_MAX) {
      out += `${s.slice(from, i + 1 + ECHO_MAX - 1)}…`;
      from = Math.min(j, s.length);
    }
    i = j;
    if (i >= s.length) break;
  }
  return out + s.slice(from);
}

/** Renders a path array as a JSON path the user can find in the file: `a.b[2].c`. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else {
      const k = String(key);
      out += /^[A-Za-z_$][\w$]*$/.test(k) ? (out ? `.${k}` : k) : `[${JSON.stringify(k)}]`;
    }
  }
  return out || CLI.topLevel;
}

/**
 * An intervention effect pushed a probability above 1. At the file's own values it is a
 * user error like any other; break-even and sensitivity, which try other effect sizes,
 * read it as "beyond reach" instead.
 */
export class EffectRangeError extends InputError {}
