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

  /** One line: `file: path: message. Oplossing: ...` (in English `Fix: ...`). */
  describe(): string {
    const where = [this.file, this.path].filter((s) => s !== "").join(": ");
    const fix = this.fix ? ` ${CLI.fixLabel} ${this.fix}` : "";
    return `${where}: ${this.message}.${fix}`;
  }
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
