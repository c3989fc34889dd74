/**
 * Shared pieces of the calibration tests: a known 8-state scenario, and the calibration
 * commands run in-process through a tiny commander program (registerCalibrate), with
 * the same error handling as src/cli/main.ts: InputError -> one line, exit 2.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command, CommanderError } from "commander";
import { registerCalibrate } from "../src/cli/calibrate-register.js";
import { InputError } from "../src/model/errors.js";
import type { Raw } from "./helpers.js";

export const tmp = (): string => mkdtempSync(join(tmpdir(), "bijstandsim-cal-"));

export function writeTmp(name: string, content: string, dir = tmp()): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** Runs `bijstandsim <args>` for the calibration commands in-process. */
export async function calibrate(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const program = new Command("bijstandsim")
    .exitOverride()
    .configureOutput({ writeOut: (s) => (out += s), writeErr: (s) => (err += s) });
  registerCalibrate(program, { out: (s) => (out += s + "\n") });
  try {
    await program.parseAsync(args, { from: "user" });
    return { code: 0, out, err };
  } catch (e) {
    if (e instanceof CommanderError) return { code: e.exitCode === 0 ? 0 : 2, out, err };
    if (e instanceof InputError) return { code: 2, out, err: err + `bijstandsim: fout: ${e.describe()}\n` };
    throw e;
  }
}

/**
 * Eight declared states with a known monthly matrix: five ladder steps on bijstand,
 * two off states (work, placed) with re-inflow, one exit. Probabilities from 0.005 to
 * 0.12 so that both the "above 0.02" cells and small ones are exercised.
 */
export const STATES = ["T1", "T2", "T3", "T4", "T5", "Werk", "Geplaatst", "Uit"] as const;
export const EIGHT_MOVES: [string, string, number][] = [
  ["T1", "T2", 0.04], ["T1", "Uit", 0.01], ["T1", "Werk", 0.005],
  ["T2", "T1", 0.03], ["T2", "T3", 0.05], ["T2", "Werk", 0.02], ["T2", "Uit", 0.008],
  ["T3", "T2", 0.025], ["T3", "T4", 0.06], ["T3", "Werk", 0.04], ["T3", "Uit", 0.006],
  ["T4", "T3", 0.03], ["T4", "T5", 0.07], ["T4", "Werk", 0.08], ["T4", "Geplaatst", 0.03],
  ["T5", "T4", 0.02], ["T5", "Werk", 0.12], ["T5", "Geplaatst", 0.05],
  ["Werk", "T2", 0.025], ["Werk", "Uit", 0.004],
  ["Geplaatst", "T4", 0.03], ["Geplaatst", "Werk", 0.02],
];

export function eightState(extra: Raw = {}): Raw {
  return {
    name: "acht", start_year: 2021, horizon_years: 3,
    states: [
      ...["T1", "T2", "T3", "T4", "T5"].map((name) => ({ name, kind: "on", cost: { per: "month", benefit: 1200 } })),
      { name: "Werk", kind: "off" },
      { name: "Geplaatst", kind: "off", cost: { per: "month", lks: 700 } },
      { name: "Uit", kind: "exit" },
    ],
    initial: { T1: 400, T2: 300, T3: 200, T4: 150, T5: 100 },
    transitions: { per: "month", list: EIGHT_MOVES.map(([from, to, p]) => ({ from, to, p })) },
    inflow: { per_year: 300, entry: { T1: 0.3, T2: 0.3, T3: 0.2, T4: 0.1, T5: 0.1 } },
    buig: { budget: { "2021": 10000000 } },
    ...extra,
  };
}
