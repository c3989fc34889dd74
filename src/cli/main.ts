/**
 * The `bijstandsim` command line. I/O lives here: reading files, printing tables,
 * writing outputs. User mistakes (InputError, usage errors) print one line and exit 2.
 */
import { readFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { InputError } from "../model/errors.js";
import { runDeterministic, selectScenarios } from "../run.js";
import { breakEven, interventionIndex, sensitivity } from "../analyses.js";
import { breakEvenTable, referenceTable, scenarioTable, variantTable } from "../report/terminal.js";
import { breakevenCsv, resultsJson, sensitivityCsv, statesCsv, transitionsCsv, yearlyCsv } from "../report/tables.js";
import { writeFilesAtomically } from "../report/write.js";
import { loadScenario } from "./load.js";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

const positiveInt = (name: string) => (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a whole number of 1 or more (got "${value}").`);
  return n;
};
const collect = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(",").filter(Boolean)];

interface RunOptions {
  scenario?: string[];
  variant?: string[];
  horizon?: number;
  out?: string;
  quiet?: boolean;
}

const print = (s = "") => process.stdout.write(s + "\n");
const defaultOut = (file: string) => join("output", basename(file, extname(file)));

async function runCommand(file: string, opts: RunOptions): Promise<void> {
  const { model, hash } = await loadScenario(file, { horizonYears: opts.horizon });
  const scenarios = selectScenarios(model, opts.scenario ?? []);
  const results = runDeterministic(model, opts.scenario ?? [], opts.variant ?? []);
  const out = opts.out ?? defaultOut(file);
  const meta = {
    tool: "bijstandsim",
    version: pkg.version,
    file: basename(file),
    file_hash: hash,
    options: { mode: "cohort", scenarios: scenarios.map((s) => s.name), variants: [...new Set(results.map((r) => r.variant))], horizon_years: model.years },
  };
  const files: Record<string, string> = {
    "yearly.csv": yearlyCsv(results),
    "states.csv": statesCsv(model, results),
    "transitions.csv": transitionsCsv(model, results),
  };
  const ran = new Set(results.map((r) => r.variant));
  const tested = model.interventions.map((_, p) => p).filter((p) => ran.has(model.interventions[p].name));
  const breakEvens = tested.flatMap((p) => scenarios.map((s) => breakEven(model, s, p)));
  if (tested.length > 0) {
    files["breakeven.csv"] = breakevenCsv(breakEvens);
    files["sensitivity.csv"] = sensitivityCsv(tested.flatMap((p) => scenarios.flatMap((s) => sensitivity(model, s, p))));
  }
  files["results.json"] = resultsJson(model, results, meta, breakEvens);
  writeFilesAtomically(out, files);
  if (opts.quiet) return;
  print(`${model.label}: ${model.years} jaar vanaf ${model.startYear}, ${scenarios.length} scenario('s), cohortmodel per ${model.cycle === "month" ? "maand" : "jaar"}`);
  for (const note of model.notes) print(`let op: ${note}`);
  for (const r of results.filter((x) => x.variant === "baseline")) print(`\n${scenarioTable(model, r)}`);
  const variants = variantTable(model, results);
  if (variants) print(`\n${variants}`);
  if (breakEvens.length) print(`\n${breakEvenTable(model, breakEvens)}`);
  const refs = referenceTable(model, results);
  if (refs) print(`\n${refs}`);
  print(`\nUitvoer: ${Object.keys(files).map((f) => join(out, f)).join(", ")}`);
}

async function breakevenCommand(file: string, opts: { intervention: string; scenario?: string[]; horizon?: number; out?: string; quiet?: boolean }): Promise<void> {
  const { model } = await loadScenario(file, { horizonYears: opts.horizon });
  const p = interventionIndex(model, opts.intervention);
  const rows = selectScenarios(model, opts.scenario ?? []).map((s) => breakEven(model, s, p));
  const out = opts.out ?? defaultOut(file);
  writeFilesAtomically(out, { [`breakeven-${model.interventions[p].name}.csv`]: breakevenCsv(rows) });
  if (!opts.quiet) print(breakEvenTable(model, rows));
}

async function validateCommand(file: string): Promise<void> {
  const { model } = await loadScenario(file);
  const on = model.declared.filter((d) => d.kind === "on").length;
  process.stdout.write(
    `${file}: geldig. ${model.declared.length} toestanden (${on} in de bijstand), ${model.states.length} na uitsplitsing, ` +
      `${model.scenarios.length} scenario('s): ${model.scenarios.map((s) => s.name).join(", ")}.\n`,
  );
  for (const note of model.notes) process.stdout.write(`let op: ${note}\n`);
}

export function buildProgram(): Command {
  const program = new Command("bijstandsim")
    .description("Forecast the bijstand caseload, ladder transitions and BUIG result of a municipality under economic scenarios.")
    .version(pkg.version)
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();

  program
    .command("run")
    .description("project volume, flows and BUIG result for each macro scenario; write CSV/JSON to --out")
    .argument("<file>", "scenario file (JSON), e.g. scenarios/steenwijkerland.json")
    .option("-s, --scenario <name>", "macro scenario to run (repeat or comma-separate; default: all)", collect)
    .option("-v, --variant <name>", "intervention or combination to compare with the baseline (repeat or comma-separate; default: all)", collect)
    .option("--horizon <years>", "number of years to project (overrides horizon_years)", positiveInt("--horizon"))
    .option("-o, --out <dir>", "output folder (default: output/<file-stem>/)")
    .option("-q, --quiet", "print nothing on success")
    .addHelpText("after", `
Examples:
  bijstandsim run scenarios/steenwijkerland.json
  bijstandsim run scenarios/steenwijkerland.json --scenario tweede-golf --horizon 5
  bijstandsim run scenarios/groningen.json --out output/groningen-test`)
    .action(runCommand);

  program
    .command("breakeven")
    .description("find the smallest effect size at which an intervention pays for itself within the horizon, per scenario")
    .argument("<file>", "scenario file (JSON)")
    .requiredOption("-i, --intervention <name>", "intervention to test")
    .option("-s, --scenario <name>", "macro scenario (repeat or comma-separate; default: all)", collect)
    .option("--horizon <years>", "number of years (overrides horizon_years)", positiveInt("--horizon"))
    .option("-o, --out <dir>", "output folder for breakeven-<name>.csv (default: output/<file-stem>/)")
    .option("-q, --quiet", "print nothing on success")
    .addHelpText("after", `
Example:
  bijstandsim breakeven scenarios/steenwijkerland.json --intervention intensieve-begeleiding --scenario matig-herstel`)
    .action(breakevenCommand);

  program
    .command("validate")
    .description("check a scenario file and report what it declares; exit 2 with the first problem")
    .argument("<file>", "scenario file (JSON)")
    .addHelpText("after", "\nExample:\n  bijstandsim validate scenarios/drentsche-aa.json")
    .action(validateCommand);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: "user" });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help" ? 0 : 2;
    }
    if (err instanceof InputError) {
      process.stderr.write(`bijstandsim: error: ${err.describe()}\n`);
      return 2;
    }
    process.stderr.write(`bijstandsim: internal error (please report): ${(err as Error).stack ?? err}\n`);
    return 1;
  }
}
