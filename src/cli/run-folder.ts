/**
 * Where a run's files go (docs/output.md). With `--out DIR`: exactly DIR (a previous
 * run's folder there is replaced as a whole). Without it: a new folder per run,
 * `output/<file-stem>/<mode>-<YYYYMMDD-HHMMSS>/`, and `output/<file-stem>/latest`
 * pointing at the newest (a symbolic link, a junction on Windows, or where neither can
 * be made the file `latest.txt` naming the folder). Earlier runs are never removed.
 */
import { existsSync, lstatSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, extname, join, resolve } from "node:path";
import { CLI } from "../locale/messages-cli.js";
import { InputError } from "../model/errors.js";
import { Output } from "../report/publish.js";

export const LATEST = "latest";
export const LATEST_TXT = "latest.txt";

/** The folder of a scenario file's outputs: `output/<file-stem>` (breakeven, explore and backtest write there; a run into a folder of its own in it). */
export const stemFolder = (file: string): string => join("output", basename(file, extname(file)));

const pad = (n: number) => String(n).padStart(2, "0");
/** Local time as `YYYYMMDD-HHMMSS`. */
export const stamp = (d: Date): string => `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;

export interface RunFolder {
  output: Output;
  /** The folder of the file's runs when the default was used (then `latest` is updated after the commit). */
  stem?: string;
}

/** Is there an entry `name` (a dangling link too) in `dir`? False for a `dir` that is not a folder: Output.open says what is wrong with it. */
function holds(dir: string, name: string): boolean {
  try {
    return lstatSync(join(dir, name), { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

/** Opens the run's output folder (checked and locked; nothing is written yet). */
export function openRunFolder(file: string, mode: string, out: string | undefined, now = new Date()): RunFolder {
  if (out !== undefined) {
    // output/<stem> itself: the folder of every run of a file, not one run's folder to replace
    if ([LATEST, LATEST_TXT].some((name) => holds(out, name))) throw new InputError(out, "--out", ...CLI.outIsRunsFolder);
    return { output: Output.open(out, "replace") };
  }
  const stem = stemFolder(file);
  const base = join(stem, `${mode}-${stamp(now)}`);
  for (let k = 1; ; k++) {
    const name = k === 1 ? base : `${base}-${k}`;
    if (existsSync(name)) continue;
    try {
      return { output: Output.open(name, "new"), stem };
    } catch (err) {
      // Another run took this name in the same second: the next one.
      if (!(err instanceof InputError) || k >= 50 || !existsSync(stem)) throw err;
    }
  }
}

/** Points `<stem>/latest` at the run folder just committed (best effort: the run itself is complete). */
export function pointLatest(stem: string, runDir: string): void {
  const name = basename(runDir);
  const temp = join(stem, `.${LATEST}.tmp-${process.pid}`);
  try {
    rmSync(temp, { force: true });
    if (process.platform === "win32") symlinkSync(resolve(runDir), temp, "junction");
    else symlinkSync(name, temp, "dir");
    renameSync(temp, join(stem, LATEST));
    rmSync(join(stem, LATEST_TXT), { force: true });
  } catch {
    rmSync(temp, { force: true });
    try {
      const txt = join(stem, `.${LATEST_TXT}.tmp-${process.pid}`);
      writeFileSync(txt, `${name}\n`);
      renameSync(txt, join(stem, LATEST_TXT));
    } catch {
      // the run folder is there; only the pointer is missing
    }
  }
}

/**
 * The run folder a command means by `dir`: dir itself when it holds results.json, else
 * the run its `latest` (or `latest.txt`) points at, so `report output/<stem>` reports
 * the newest run.
 */
export function runFolderOf(dir: string): string {
  if (existsSync(join(dir, "results.json"))) return dir;
  const link = join(dir, LATEST);
  if (existsSync(join(link, "results.json"))) {
    // name the run itself, not the pointer that the next run moves
    const name = lstatSync(link).isSymbolicLink() ? readlinkSync(link) : "";
    return /^[^/\\]+$/.test(name) && existsSync(join(dir, name, "results.json")) ? join(dir, name) : link;
  }
  const txt = join(dir, LATEST_TXT);
  try {
    if (statSync(txt).isFile()) {
      const name = readFileSync(txt, "utf8").trim();
      if (/^[^/\\]+$/.test(name) && existsSync(join(dir, name, "results.json"))) return join(dir, name);
    }
  } catch {
    // no pointer
  }
  return dir;
}
