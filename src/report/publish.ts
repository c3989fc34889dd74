/**
 * Publishing an output folder as one unit. A run's files (report included) are written
 * into a staging folder beside the target (`.<name>.staging-<pid>`) and committed with
 * one rename; an existing folder is swapped out (`.<name>.old-<pid>`) and removed after
 * the new one is in place. A lock file beside the target (`.<name>.lock`) keeps a second
 * process from publishing into the same folder at the same time.
 *
 * - `replace` (run --out DIR): DIR becomes exactly the new files. An existing DIR is
 *   replaced only when it is empty or holds nothing but a bijstandsim run's files;
 *   anything else (a user's folder) is refused, never deleted.
 * - `merge` (report DIR): DIR keeps its files (hard links into the staging folder, or
 *   copies where links are not possible), the new ones are added or replace theirs.
 * - `new` (run without --out): the target must not exist yet.
 *
 * Nothing outside the target and its `.<name>.*` helpers is touched. A process that dies
 * (kill, power loss) leaves only those helpers: the next publisher into the same folder
 * removes them, and restores the previous folder if the kill came between the renames.
 * Every file-system refusal is an InputError (exit 2, one line in the run's language).
 */
import { closeSync, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, readlinkSync, realpathSync, renameSync, rmdirSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { PUBLISH } from "../locale/messages-report.js";
import { InputError } from "../model/errors.js";

/** A file's content: text (written as UTF-8) or bytes (e.g. an .xlsx workbook). */
export type FileContent = string | Uint8Array;

/** The texts of this module, in the run's language (locale/messages-report.ts). */
const T = PUBLISH;

/** The files and folders a run (and report, explore, breakeven) writes into a run folder. */
const RUN_FILE = /^(results\.json|yearly\.csv|states\.csv|transitions\.csv|breakeven(-[a-z0-9-]+)?\.csv|sensitivity\.csv|payback\.csv|draws\.csv|backtest(-summary)?\.csv|report\.html|results\.xlsx|verkenner\.html|vergelijking\.(html|xlsx|csv)|charts)$/;
/** Temporary files of this and older versions: `.name.tmp-<pid>`. */
const TEMP_FILE = /^\..+\.tmp-\d+$/;

/** A file-system error as the user's problem: one line naming the folder, exit 2. */
export function fsInputError(err: unknown, where: string, option = "--out"): InputError | undefined {
  const e = err as NodeJS.ErrnoException;
  if (err instanceof InputError) return err;
  if (typeof e?.code !== "string" || !/^E[A-Z]+$/.test(e.code)) return undefined;
  return new InputError(where, option, T.fs(T.reasons[e.code] ?? e.message.split(",")[0].replace(/^\w+:\s*/, ""), e.code), T.fsFix);
}

/** Runs `fn`; a file-system error becomes an InputError about `where`. */
export function fsGuard<R>(where: string, fn: () => R, option = "--out"): R {
  try {
    return fn();
  } catch (err) {
    throw fsInputError(err, where, option) ?? err;
  }
}

const alive = (pid: number): boolean => {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** Publications not yet committed; removed when the process exits (Ctrl-C, an error). */
const pending = new Set<Output>();
let exitHook = false;

export type PublishMode = "replace" | "merge" | "new";

/** An output folder being published: locked, staged, then committed or released. */
export class Output {
  /** The path the user named (for messages and the written list). */
  readonly target: string;
  private readonly abs: string;
  private readonly parent: string;
  private readonly lockFile: string;
  private readonly staging: string;
  private readonly createdParent: string | undefined;
  private staged = false;
  private committed = false;
  private locked = false;

  private readonly option: string;

  private constructor(target: string, abs: string, readonly mode: PublishMode) {
    this.target = target;
    this.option = optionOf(mode);
    this.abs = abs;
    this.parent = dirname(this.abs);
    const name = basename(this.abs);
    const tag = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    this.lockFile = join(this.parent, `.${name}.lock`);
    this.staging = join(this.parent, `.${name}.staging-${tag}`);
    this.createdParent = fsGuard(target, () => mkdirSync(this.parent, { recursive: true }), this.option);
  }

  /**
   * Checks the target, takes its lock and clears what a dead process left beside it.
   * Throws InputError (nothing written) when the folder cannot be used.
   */
  static open(target: string, mode: PublishMode): Output {
    checkName(target, mode);
    // A link to a folder (output/<stem>/latest, a folder kept elsewhere) publishes into the folder it points to.
    const abs = mode !== "new" && existsSync(target) ? fsGuard(target, () => realpathSync(target), optionOf(mode)) : resolve(target);
    checkTarget(target, abs, mode);
    const out = new Output(target, abs, mode);
    try {
      out.guard(() => out.acquire());
      out.guard(() => out.recover());
      checkTarget(target, abs, mode); // again: a recovered folder is back in place
    } catch (err) {
      out.release();
      throw err;
    }
    pending.add(out);
    if (!exitHook) {
      exitHook = true;
      process.on("exit", () => {
        for (const o of pending) o.release();
      });
    }
    return out;
  }

  /** The folder the files are staged in (its name is not the target's). */
  get dir(): string {
    this.ensureStaging();
    return this.staging;
  }

  /** Writes files (names may contain `/`) into the staging folder. */
  stage(files: Record<string, FileContent>): void {
    this.ensureStaging();
    this.guard(() => {
      for (const [name, content] of Object.entries(files)) {
        const path = join(this.staging, name);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, content);
      }
    });
  }

  /** Removes a staged file or folder (e.g. charts an earlier report drew). */
  unstage(name: string): void {
    this.guard(() => rmSync(join(this.staging, name), { recursive: true, force: true }));
  }

  /** Puts the staged folder in place of the target with one rename; returns the target's path. */
  commit(): string {
    this.ensureStaging();
    this.guard(() => {
      if (!existsSync(this.abs)) {
        if (this.mode === "merge") throw new InputError(this.target, "", T.fs(T.reasons.ENOENT, "ENOENT"), T.fsFix);
        renameSync(this.staging, this.abs);
      } else {
        if (this.mode === "new") throw new InputError(this.target, this.option, T.exists, T.existsFix);
        if (this.mode === "replace") checkReplaceable(this.target, this.abs);
        const old = this.staging.replace(/\.staging-/, ".old-");
        renameSync(this.abs, old);
        pauseForTest();
        try {
          renameSync(this.staging, this.abs);
        } catch (err) {
          renameSync(old, this.abs);
          throw err;
        }
        try {
          rmSync(old, { recursive: true, force: true });
        } catch {
          // the new folder is in place; the next publisher removes what is left of the old one
        }
      }
    });
    this.committed = true;
    this.release();
    return this.target;
  }

  /** Removes the staging folder and the lock (nothing is published). Safe to call twice. */
  release(): void {
    pending.delete(this);
    if (!this.committed) rmSync(this.staging, { recursive: true, force: true });
    if (this.locked) {
      this.locked = false;
      rmSync(this.lockFile, { force: true });
    }
    if (!this.committed && this.createdParent) removeEmptyUpTo(this.parent, this.createdParent);
  }

  /** Runs `fn`; a file-system error becomes an InputError about the target. */
  private guard<R>(fn: () => R): R {
    return fsGuard(this.target, fn, this.option);
  }

  private ensureStaging(): void {
    if (this.staged) return;
    this.staged = true;
    this.guard(() => {
      if (this.mode === "merge") linkTree(this.abs, this.staging);
      else mkdirSync(this.staging);
    });
  }

  private acquire(): void {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(this.lockFile, "wx");
        try {
          writeSync(fd, `${process.pid} ${hostname()} ${new Date().toISOString()}\n`);
        } finally {
          closeSync(fd);
        }
        this.locked = true;
        return;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
        const held = lockHolder(this.lockFile);
        if (held.live) throw new InputError(this.target, this.option, T.locked(held.who), T.lockedFix(this.lockFile));
        rmSync(this.lockFile, { force: true });
      }
    }
    throw new InputError(this.target, this.option, T.locked(T.unknownHolder), T.lockedFix(this.lockFile));
  }

  /** With the lock held, every `.<name>.staging-*` or `.<name>.old-*` beside the target is left by a dead process. */
  private recover(): void {
    const name = basename(this.abs);
    for (const entry of readdirSync(this.parent)) {
      if (!entry.startsWith(`.${name}.`)) continue;
      const rest = entry.slice(name.length + 2);
      const path = join(this.parent, entry);
      if (rest.startsWith("old-") && !existsSync(this.abs)) renameSync(path, this.abs); // killed between the two renames: the previous run comes back
      else if (rest.startsWith("old-") || rest.startsWith("staging-")) rmSync(path, { recursive: true, force: true });
    }
  }
}

/**
 * Tests: with BIJSTANDSIM_TEST_PAUSE_COMMIT set, a commit stops between its two renames
 * (says so on stderr) so that a test can kill the process at the worst moment.
 */
function pauseForTest(): void {
  if (process.env.BIJSTANDSIM_TEST_PAUSE_COMMIT === undefined) return;
  process.stderr.write("bijstandsim: test: commit halverwege\n");
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
}

/** Who holds a lock file, and whether that process still runs (on this machine). */
function lockHolder(file: string): { live: boolean; who: string } {
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return { live: false, who: "" };
  }
  const [pid, host, since] = text.trim().split(" ");
  if (!pid) {
    // Written by a process that died between creating and filling it, or being filled now.
    const age = Date.now() - statSync(file).mtimeMs;
    return { live: age < 10_000, who: T.unknownHolder };
  }
  const who = T.holder(pid, since ? since.slice(0, 19).replace("T", " ") : "");
  if (host !== hostname()) return { live: true, who: T.holderOn(who, host) };
  return { live: alive(Number(pid)), who };
}

/** The option that named the folder, for messages: a report's folder is an argument, not --out. */
const optionOf = (mode: PublishMode): string => (mode === "merge" ? "" : "--out");

function checkName(target: string, mode: PublishMode): void {
  const option = optionOf(mode);
  if (target.trim() === "") throw new InputError(JSON.stringify(target), option, T.empty, T.emptyFix);
  const abs = resolve(target);
  const cwd = process.cwd();
  if (abs === dirname(abs) || cwd === abs || cwd.startsWith(abs + sep)) throw new InputError(target, option, T.notAFolderName, T.notAFolderNameFix);
}

function checkTarget(target: string, abs: string, mode: PublishMode): void {
  let st;
  try {
    st = lstatSync(abs);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") {
      if (mode === "merge") throw new InputError(target, "", T.fs(T.reasons.ENOENT, "ENOENT"), T.fsFix);
      return;
    }
    throw fsInputError(err, target, optionOf(mode)) ?? err;
  }
  if (st.isSymbolicLink()) throw new InputError(target, optionOf(mode), T.link, T.isFileFix);
  if (!st.isDirectory()) throw new InputError(target, optionOf(mode), T.isFile, T.isFileFix);
  if (mode === "new") throw new InputError(target, optionOf(mode), T.exists, T.existsFix);
  if (mode === "replace") checkReplaceable(target, abs);
}

/** A folder a run may replace: empty, or only a run's files (and temporary files of a run). */
function checkReplaceable(target: string, abs: string): void {
  const foreign = fsGuard(target, () => foreignEntry(abs));
  if (foreign !== undefined) throw new InputError(target, "--out", T.foreign(foreign), T.foreignFix);
}

/** The first entry of a folder that a run did not write (by name and kind), if any. */
function foreignEntry(dir: string): string | undefined {
  for (const e of readdirSync(dir)) {
    if (TEMP_FILE.test(e)) continue;
    const st = lstatSync(join(dir, e));
    if (e === "charts" && st.isDirectory()) {
      const other = readdirSync(join(dir, e)).find((c) => !/^[a-z0-9-]+\.(vl\.json|svg)$/.test(c) || !lstatSync(join(dir, e, c)).isFile());
      if (other !== undefined) return `charts/${other}`;
    } else if (!RUN_FILE.test(e) || !st.isFile()) return e;
  }
  return undefined;
}

/** Hard-links (or copies) a folder's files into a new folder; temporary files are left out. */
function linkTree(from: string, to: string): void {
  mkdirSync(to);
  for (const entry of readdirSync(from)) {
    if (TEMP_FILE.test(entry)) continue;
    const src = join(from, entry);
    const dst = join(to, entry);
    const st = lstatSync(src);
    if (st.isDirectory()) linkTree(src, dst);
    else if (st.isSymbolicLink()) symlinkSync(readlinkSync(src), dst);
    else {
      try {
        linkSync(src, dst);
      } catch {
        copyFileSync(src, dst);
      }
    }
  }
}

/** Removes `dir` and its parents up to `top` (the first folder mkdir created) while they are empty. */
function removeEmptyUpTo(dir: string, top: string): void {
  for (let d = dir; relative(top, d) === "" || !relative(top, d).startsWith(".."); d = dirname(d)) {
    try {
      rmdirSync(d);
    } catch {
      return;
    }
    if (d === top) return;
  }
}
