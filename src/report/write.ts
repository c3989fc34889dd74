/**
 * Atomic output: every file is written to a temporary name in the target folder and
 * renamed into place, so a reader never sees a half-written file. All contents are
 * built in memory before the first write, so a failing run writes nothing.
 *
 * Names may contain `/` (e.g. `charts/volume.svg`): the subfolder is created and the
 * temporary file sits next to its target, so the rename stays within one folder.
 * Contents are text (written as UTF-8) or bytes (e.g. an .xlsx workbook).
 */
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fsInputError, type FileContent } from "./publish.js";

export type { FileContent };

/** Temporary files `.name.tmp-<pid>` that a killed process left in `dir` (its pid no longer runs). */
function removeStaleTemps(dir: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const e of entries) {
    const m = /^\..+\.tmp-(\d+)$/.exec(e);
    if (!m || Number(m[1]) === process.pid) continue;
    try {
      process.kill(Number(m[1]), 0);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ESRCH") rmSync(join(dir, e), { force: true });
    }
  }
}

/**
 * Writes each file to a temporary name beside its target and renames it into place.
 * For single files beside other outputs (breakeven-<name>.csv, verkenner.html, a scenario
 * file); a run's folder is published as one unit by publish.ts. A file-system refusal
 * is an InputError naming `dir` and --out, the option that chooses it.
 */
export function writeFilesAtomically(dir: string, files: Record<string, FileContent>): string[] {
  const temps: string[] = [];
  try {
    mkdirSync(dir, { recursive: true });
    removeStaleTemps(dir);
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
    throw fsInputError(err, dir, "--out") ?? err;
  }
}
