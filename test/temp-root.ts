/**
 * Vitest global setup: one temporary directory per test run, removed when the run
 * ends. Tests make their scratch folders with mkdtempSync(join(tmpdir(), ...)); with
 * TMPDIR pointing here (set before the test workers start, which inherit it, as do the
 * CLI processes and browsers they start) those folders go with it, instead of piling up
 * in the system's /tmp run after run.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "bijstandsim-tests-"));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true });
  };
}
