/**
 * Atomic output: every file is written to a temporary name in the target folder and
 * renamed into place, so a reader never sees a half-written file. All contents are
 * built in memory before the first write, so a failing run writes nothing.
 *
 * Names may contain `/` (e.g. `charts/volume.svg`): the subfolder is created and the
 * temporary file sits next to its target, so the rename stays within one folder.
 * Contents are text (written as UTF-8) or bytes (e.g. an .xlsx workbook).
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { REPORT } from "../locale/messages-report.js";
import { InputError } from "../model/errors.js";

export type FileContent = string | Uint8Array;


export function writeFilesAtomically(dir: string, files: Record<string, FileContent>): string[] {
  const temps: string[] = [];
  try {
    mkdirSync(dir, { recursive: true });
    for (const [name, content] of Object.entries(files)) {
      const target = join(dir, name);
      mkdirSync(dirname(target), { recursive: true });
      const temp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
      temps.push(temp);
      writeFileSync(temp, content);
    }
    const written: string[] = [];
    Object.keys(files).forEach((name, i) => {
      renameSync(temps[i], join(dir, name));
      written.push(join(dir, name));
    });
    return written;
  } catch (err) {
    for (const t of temps) rmSync(t, { force: true });
    const code = (err as NodeJS.ErrnoException).code ?? "";
    // File-system refusals that are the user's to fix (a file where the folder should be, no rights, a full disk).
    if (code in REPORT.fsErrors) throw new InputError(dir, "--out", ...REPORT.cannotWrite(REPORT.fsErrors[code], code));
    throw err;
  }
}

/**
 * Removes outputs of an earlier run in `dir` that this run did not write, so a reused
 * folder never mixes results (e.g. an old breakeven.csv next to new results, which the
 * report would read).
 */
export function removeStaleOutputs(dir: string, written: readonly string[], optional: readonly string[]): void {
  for (const name of optional) if (!written.includes(name)) rmSync(join(dir, name), { recursive: true, force: true });
}
