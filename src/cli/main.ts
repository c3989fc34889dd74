/**
 * The `bijstandsim` command line. I/O lives here: reading files, printing tables,
 * writing outputs. User mistakes (InputError, usage errors) print one line and exit 2.
 */
import { readFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { InputError } from "../model/errors.js";
import { runDeterministic, selectScenarios } from "../run.js";
import { breakEven, interventionIndex, sensitivity } from "../analyses.js";
import { breakEvenTable, referenceTable, scenarioTable, variantTable } from "../report/terminal.js";
import { breakevenCsv, drawsCsv, resultsJson, sensitivityCsv, statesCsv, transitionsCsv, yearlyCsv } from "../report/tables.js";
import { removeStaleOutputs, writeFilesAtomically } from "../report/write.js";
import { loadScenario } from "./load.js";
import { registerReport } from "./report-command.js";
import { registerCalibrate } from "./calibrate-commands.js";
import { Progress } from "./progress.js";
import type { Model } from "../model/model.js";
import { runSize, summarise } from "../psa.js";
import { runPsa, stopPsaWorkers } from "../parallel/psa.js";
import { defaultWorkers, WorkerError } from "../parallel/workers.js";
import { runMicrosim } from "../microsim.js";
import type { MicrosimPool } from "../parallel/pool.js";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

const wholeNumber = (name: string, min: number, max = Number.MAX_SAFE_INTEGER) => (value: string): number => {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of ${min} or more` : `from ${min} to ${max}`;
    throw new InvalidArgumentError(`${name} must be a whole number ${range} (got "${value}").`);
  }
  return n;
};
const collect = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(",").filter(Boolean)];
/** The options `run` and `breakeven` share: which scenarios, how many years, where to, how loud. */
const projectionOptions = (cmd: Command, outHelp: string): Command =>
  cmd
    .option("-s, --scenario <name>", "macro scenario to run (repeat or comma-separate; default: all)", collect)
    .option("--horizon <years>", "number of years to project (overrides horizon_years)", wholeNumber("--horizon", 1, 100))
    .option("-o, --out <dir>", outHelp)
    .option("-q, --quiet", "print nothing on success");
const positiveNumber = (name: string) => (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a number above 0 (got "${value}").`);
  return n;
};

interface RunOptions {
  mode: "cohort" | "psa" | "microsim";
  personsScale?: number;
  runs: number;
  seed: number;
  workers?: number;
  noise: boolean;
  draws?: boolean;
  scenario?: string[];
  variant?: string[];
  horizon?: number;
  out?: string;
  quiet?: boolean;
  report?: boolean;
}

const print = (s = "") => process.stdout.write(s + "\n");
/** Outputs a run writes only sometimes; the report's files are rewritten by --report. */
const OPTIONAL_OUTPUTS = ["breakeven.csv", "sensitivity.csv", "draws.csv", "report.html", "results.xlsx", "charts"];
const defaultOut = (file: string) => join("output", basename(file, extname(file)));

async function runCommand(file: string, opts: RunOptions, cmd?: Command): Promise<void> {
  // --runs: 1000 probabilistic runs by default, but 1 microsimulation replication.
  if (opts.mode === "microsim" && cmd?.getOptionValueSource("runs") !== "cli") opts = { ...opts, runs: 1 };
  if (opts.personsScale !== undefined && opts.mode !== "microsim") throw new InputError(file, "--persons-scale", "applies to --mode microsim only", "add --mode microsim, or leave it out");
  const { model, hash, text } = await loadScenario(file, { horizonYears: opts.horizon });
  const scenarios = selectScenarios(model, opts.scenario ?? []);
  const micro = opts.mode === "microsim" ? await microsimulate(model, file, opts) : undefined;
  const results = micro?.results ?? runDeterministic(model, opts.scenario ?? [], opts.variant ?? []);
  const psa = opts.mode === "psa" ? await probabilistic(model, text, file, opts) : micro?.bands ? { values: micro.values, bands: micro.bands } : undefined;
  const out = opts.out ?? defaultOut(file);
  const meta = {
    tool: "bijstandsim",
    version: pkg.version,
    file: basename(file),
    file_hash: hash,
    options: {
      mode: opts.mode,
      scenarios: scenarios.map((s) => s.name),
      variants: [...new Set(results.map((r) => r.variant))],
      horizon_years: model.years,
      ...(psa && !micro ? { runs: opts.runs, seed: opts.seed, population_noise: opts.noise } : {}),
      ...(micro ? { runs: opts.runs, seed: opts.seed, persons_scale: opts.personsScale ?? 1 } : {}),
    },
  };
  const files: Record<string, string> = {
    "yearly.csv": yearlyCsv(results, psa?.bands),
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
  if (psa && opts.draws) files["draws.csv"] = drawsCsv(results, psa.values, opts.runs);
  files["results.json"] = resultsJson(model, results, meta, breakEvens, psa?.bands);
  writeFilesAtomically(out, files);
  // What an earlier run left here and this one did not write would no longer match (the
  // report reads breakeven.csv and sensitivity.csv): remove it before any report is drawn.
  removeStaleOutputs(out, Object.keys(files), OPTIONAL_OUTPUTS);
  // vega, vega-lite and exceljs take a while to load: only when a report is asked for.
  const reportFiles = opts.report ? await (await import("../report/write-report.js")).writeReport(out, { scenarioFile: file }) : [];
  if (opts.quiet) return;
  print(`${model.label}: ${model.years} jaar vanaf ${model.startYear}, ${scenarios.length} scenario('s), ${micro ? "microsimulatie" : "cohortmodel"} per ${model.cycle === "month" ? "maand" : "jaar"}`);
  for (const note of [...model.notes, ...(micro ? model.population?.notes ?? [] : [])]) print(`let op: ${note}`);
  if (micro) print(`Microsimulatie: ${opts.runs} replicatie(s) (seed ${opts.seed}${opts.personsScale ? `, personen x ${opts.personsScale}` : ""}), alleen toevalsvariatie in de populatie, alleen de basisvariant${opts.runs > 1 ? "; tussen haakjes het 90%-interval" : ""}`);
  else if (psa) print(`Probabilistisch: ${opts.runs} trekkingen (seed ${opts.seed}${opts.noise ? ", met toevalsvariatie in de populatie" : ""}); tussen haakjes het 90%-interval`);
  results.forEach((r, ri) => r.variant === "baseline" && print(`\n${scenarioTable(model, r, psa ? { bands: psa.bands, index: ri } : undefined)}`));
  const variants = variantTable(model, results);
  if (variants) print(`\n${variants}`);
  if (breakEvens.length) print(`\n${breakEvenTable(model, breakEvens)}`);
  const refs = referenceTable(model, results);
  if (refs) print(`\n${refs}`);
  print(`\nUitvoer: ${[...Object.keys(files).map((f) => join(out, f)), ...reportFiles.filter((f) => !f.includes("charts"))].join(", ")}`);
}

/** The PSA runs of a `run --mode psa`, over worker threads; Ctrl-C stops the workers and writes nothing. */
async function probabilistic(model: Model, text: string, file: string, opts: RunOptions) {
  const spec = { seed: opts.seed, noise: opts.noise, scenarios: opts.scenario ?? [], variants: opts.variant ?? [] };
  const onInterrupt = () => {
    process.stderr.write("\nbijstandsim: interrupted; stopping workers, no output written\n");
    void stopPsaWorkers().finally(() => process.exit(130));
  };
  process.once("SIGINT", onInterrupt);
  const progress = new Progress(`PSA ${opts.runs} trekkingen`, opts.runs, opts.quiet);
  try {
    const values = await runPsa(model, {
      text, file, horizonYears: opts.horizon, spec, runs: opts.runs, workers: opts.workers ?? defaultWorkers(),
      failAt: process.env.BIJSTANDSIM_FAIL_RUN === undefined ? undefined : Number(process.env.BIJSTANDSIM_FAIL_RUN),
      onProgress: (done) => progress.update(done),
    });
    progress.done();
    return { values, bands: summarise(values, opts.runs, runSize(model, spec)) };
  } finally {
    process.off("SIGINT", onInterrupt);
  }
}

/**
 * The replications of a `run --mode microsim` (src/microsim.ts), over worker threads;
 * baseline only. Ctrl-C stops the workers and writes nothing.
 */
async function microsimulate(model: Model, file: string, opts: RunOptions) {
  if (opts.variant?.length) {
    throw new InputError(file, "--variant", "the microsimulation runs the baseline only (interventions need per-person capacity logic, not built yet)",
      "leave out --variant, or compare interventions with --mode cohort or --mode psa");
  }
  if (!opts.noise) throw new InputError(file, "--no-noise", "a microsimulation is random by nature", "leave out --no-noise, or use --mode cohort for expected values");
  let pool: MicrosimPool | undefined;
  const onInterrupt = () => {
    process.stderr.write("\nbijstandsim: interrupted; stopping workers, no output written\n");
    void (pool?.destroy() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once("SIGINT", onInterrupt);
  const scenarioCount = selectScenarios(model, opts.scenario ?? []).length;
  const progress = new Progress(`Microsimulatie ${opts.runs} replicatie(s)`, opts.runs * scenarioCount, opts.quiet);
  try {
    const out = await runMicrosim(model, { seed: opts.seed, runs: opts.runs, scenarios: opts.scenario ?? [], personsScale: opts.personsScale ?? 1 }, {
      workers: opts.workers ?? defaultWorkers(),
      onProgress: (done) => progress.update(done),
      onPool: (p) => (pool = p),
    });
    progress.done();
    return out;
  } finally {
    process.off("SIGINT", onInterrupt);
  }
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
    .configureOutput({ outputError: (message, write) => write(`bijstandsim: ${message.trim()} (see --help)\n`) })
    .exitOverride();

  const run = program
    .command("run")
    .description("project volume, flows and BUIG result for each macro scenario; write CSV/JSON to --out")
    .argument("<file>", "scenario file (JSON), e.g. scenarios/steenwijkerland.json");
  projectionOptions(run, "output folder (default: output/<file-stem>/)")
    .addOption(new Option("-m, --mode <mode>", "cohort: expected values; psa: probabilistic runs with percentile bands; microsim: individual persons (baseline only)").choices(["cohort", "psa", "microsim"]).default("cohort"))
    .option("-r, --runs <n>", "number of probabilistic runs (psa), or of microsimulation replications (microsim: default 1)", wholeNumber("--runs", 1), 1000)
    .option("--seed <n>", "random seed (psa, microsim); the same seed gives the same numbers whatever --workers", wholeNumber("--seed", 0, 4294967295), 1)
    .option("--persons-scale <k>", "microsim: multiply the initial counts and the inflow by k (scale tests)", positiveNumber("--persons-scale"))
    .option("-w, --workers <n>", "worker threads (default: the number of cores)", wholeNumber("--workers", 1))
    .option("--no-noise", "psa without population noise: parameter uncertainty only")
    .option("--draws", "psa: also write draws.csv with each run's yearly key metrics")
    .option("-v, --variant <name>", "intervention or combination to compare with the baseline (repeat or comma-separate; default: all)", collect)
    .option("--report", "also write charts/, report.html and results.xlsx (as `bijstandsim report`)")
    .addHelpText("after", `
Examples:
  bijstandsim run scenarios/steenwijkerland.json
  bijstandsim run scenarios/steenwijkerland.json --scenario tweede-golf --horizon 5
  bijstandsim run scenarios/steenwijkerland.json --mode psa --runs 2000 --seed 7 --workers 2
  bijstandsim run scenarios/steenwijkerland.json --mode microsim --runs 20 --seed 7
  bijstandsim run scenarios/groningen.json --out output/groningen-test`)
    .action(runCommand);

  const breakeven = program
    .command("breakeven")
    .description("find the smallest effect size at which an intervention pays for itself within the horizon, per scenario")
    .argument("<file>", "scenario file (JSON)")
    .requiredOption("-i, --intervention <name>", "intervention to test");
  projectionOptions(breakeven, "output folder for breakeven-<name>.csv (default: output/<file-stem>/)")
    .addHelpText("after", `
Example:
  bijstandsim breakeven scenarios/steenwijkerland.json --intervention intensieve-begeleiding --scenario matig-herstel`)
    .action(breakevenCommand);

  registerReport(program);
  registerCalibrate(program);

  program
    .command("validate")
    .description("check a scenario file and report what it declares; exit 2 with the first problem")
    .argument("<file>", "scenario file (JSON)")
    .addHelpText("after", "\nExample:\n  bijstandsim validate scenarios/drentsche-aa.json")
    .action(validateCommand);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  // `bijstandsim run ... | head`: a closed pipe is the reader's choice, not an error.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });
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
    if (err instanceof WorkerError) {
      process.stderr.write(`bijstandsim: error: ${err.message}; no output written\n`);
      return 1;
    }
    process.stderr.write(`bijstandsim: internal error (please report): ${(err as Error).stack ?? err}\n`);
    return 1;
  }
}
