/**
 * The `bijstandsim` command line. I/O lives here: reading files, printing tables,
 * writing outputs. User mistakes (InputError, usage errors) print one line and exit 2.
 */
import { Command, CommanderError, Option } from "commander";
import { heldWarnings } from "../macro/held.js";
import { InputError, safeLine } from "../model/errors.js";
import { WorkerError } from "../parallel/workers.js";
import { registerCalibrate } from "./calibrate-commands.js";
import { registerCompare } from "./compare-command.js";
import { registerExplore } from "./explore-command.js";
import { wasInterrupted } from "./interrupt.js";
import { print, VERSION } from "./io.js";
import { loadScenario } from "./load.js";
import { collect, csvOption, positiveNumber, wholeNumber } from "./options.js";
import { registerInit } from "./init-command.js";
import { registerReport } from "./report-command.js";
import { breakevenCommand, runCommand } from "./run-command.js";

/** The options `run` and `breakeven` share: which scenarios, how many years, where to, how loud. */
const projectionOptions = (cmd: Command, outHelp: string): Command =>
  cmd
    .option("-s, --scenario <name>", "macro scenario to run (repeat or comma-separate; default: all)", collect)
    .option("--horizon <years>", "number of years to project (overrides horizon_years)", wholeNumber("--horizon", 1, 100))
    .option("-o, --out <dir>", outHelp)
    .addOption(csvOption())
    .option("-q, --quiet", "print nothing on success");

function validateCommand(file: string): void {
  const { model } = loadScenario(file);
  const on = model.declared.filter((d) => d.kind === "on").length;
  print(
    `${file}: geldig. ${model.declared.length} toestanden (${on} in de bijstand), ${model.states.length} na uitsplitsing, ` +
      `${model.scenarios.length} scenario('s): ${model.scenarios.map((s) => s.name).join(", ")}.`,
  );
  for (const note of model.notes) print(`let op: ${note}`);
  for (const warning of heldWarnings(model)) print(`waarschuwing: ${warning}`);
}

export function buildProgram(): Command {
  const program = new Command("bijstandsim")
    .description("Forecast the bijstand caseload, ladder transitions and BUIG result of a municipality under economic scenarios.")
    .version(VERSION)
    .configureOutput({ outputError: (message, write) => write(`bijstandsim: ${safeLine(message.trim())} (see --help)\n`) })
    .exitOverride();

  const run = program
    .command("run")
    .description("project volume, flows and BUIG result for each macro scenario; write CSV/JSON to --out")
    .argument("<file>", "scenario file (JSON), e.g. scenarios/steenwijkerland.json");
  projectionOptions(run, "output folder (default: output/<file-stem>/)")
    .addOption(new Option("-m, --mode <mode>", "cohort: expected values; psa: probabilistic runs with percentile bands; microsim: individual persons, interventions paired with the baseline person by person").choices(["cohort", "psa", "microsim"]).default("cohort"))
    .option("-r, --runs <n>", "number of probabilistic runs (psa), or of microsimulation replications (microsim: default 1)", wholeNumber("--runs", 1), 1000)
    .option("--seed <n>", "random seed (psa, microsim); the same seed gives the same numbers whatever --workers", wholeNumber("--seed", 0, 4294967295), 1)
    .option("--persons-scale <k>", "microsim: multiply the initial counts and the inflow by k (scale tests)", positiveNumber("--persons-scale"))
    .option("-w, --workers <n>", "worker threads, 1 to 64 (default: the number of cores)", wholeNumber("--workers", 1, 64))
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
  bijstandsim run scenarios/steenwijkerland.json --csv nl   # CSV files for Dutch Excel
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
  registerCompare(program);
  registerExplore(program);
  registerCalibrate(program);
  registerInit(program);

  program
    .command("validate")
    .description("check a scenario file and report what it declares; exit 2 with the first problem")
    .argument("<file>", "scenario file (JSON)")
    .addHelpText("after", "\nExample:\n  bijstandsim validate scenarios/drentsche-aa.json")
    .action(validateCommand);
  return program;
}

let pipeWatched = false;

export async function main(argv: string[]): Promise<number> {
  // `bijstandsim run ... | head`: a closed pipe is the reader's choice, not an error.
  if (!pipeWatched) {
    pipeWatched = true;
    process.stdout.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "EPIPE") process.exit(0);
      throw err;
    });
  }
  try {
    await buildProgram().parseAsync(argv, { from: "user" });
    return 0;
  } catch (err) {
    if (wasInterrupted()) return 130; // threads being stopped by Ctrl-C: the line is printed, the process exits
    if (err instanceof CommanderError) {
      return err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help" ? 0 : 2;
    }
    if (err instanceof InputError) {
      process.stderr.write(`bijstandsim: error: ${err.describe()}\n`);
      return 2;
    }
    if (err instanceof WorkerError) {
      process.stderr.write(`bijstandsim: error: ${safeLine(err.message)}; no output written\n`);
      return 1;
    }
    process.stderr.write(`bijstandsim: internal error (please report): ${(err as Error).stack ?? err}\n`);
    return 1;
  }
}
