/**
 * Atomic output: every file is written to a temporary name in the target folder and
 * renamed into place, so a reader never sees a half-written file. All contents are
 * built in memory before the first write, so a failing run writes nothing.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function writeFilesAtomically(dir: string, files: Record<string, string>): string[] {
  mkdirSync(dir, { recursive: true });
  const temps: string[] = [];
  try {
    for (const [name, content] of Object.entries(files)) {
      const temp = join(dir, `.${name}.tmp-${process.pid}`);
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
    throw err;
  }
}
