/**
 * The `bijstandsim` command line. I/O lives here: reading files, printing tables,
 * writing outputs. User mistakes (InputError, usage errors) print one line and exit 2.
 */
import { Command, CommanderError, Option } from "commander";
import { envLang, isLang, setLang, type Lang } from "../locale/lang.js";
import { CLI } from "../locale/messages-cli.js";
import { HELP } from "../locale/messages-help.js";
import { heldWarnings, largeEffectWarnings } from "../macro/held.js";
import { InputError, safeLine } from "../model/errors.js";
import { WorkerError } from "../parallel/workers.js";
import { registerCalibrate } from "./calibrate-register.js";
import { registerCompare } from "./compare-command.js";
import { registerExplore } from "./explore-command.js";
import { wasInterrupted } from "./interrupt.js";
import { print, VERSION } from "./io.js";
import { loadScenario } from "./load.js";
import { collect, configureDutchHelp, csvOption, localisePlaceholders, positiveNumber, translateUsageError, wholeNumber } from "./options.js";
import { registerInit } from "./init-command.js";
import { registerReport } from "./report-command.js";
import { breakevenCommand, runCommand } from "./run-command.js";

/** The options `run` and `breakeven` share: which scenarios, how many years, where to, how loud. */
const projectionOptions = (cmd: Command, outHelp: string): Command =>
  cmd
    .option("-s, --scenario <name>", HELP.scenario, collect)
    .option("--horizon <years>", HELP.horizon, wholeNumber("--horizon", 1, 100))
    .option("-o, --out <dir>", outHelp)
    .addOption(csvOption())
    .option("-q, --quiet", HELP.quiet);

function validateCommand(file: string): void {
  const { model } = loadScenario(file);
  const on = model.declared.filter((d) => d.kind === "on").length;
  print(CLI.validated(file, model.declared.length, on, model.states.length, model.scenarios.length, model.scenarios.map((s) => s.name).join(", ")));
  for (const note of model.notes) print(CLI.note(note));
  for (const warning of [...heldWarnings(model), ...largeEffectWarnings(model)]) print(CLI.warning(warning));
}

export function buildProgram(): Command {
  const program = new Command("bijstandsim")
    .description(HELP.program)
    .version(VERSION, "-V, --version", HELP.versionOption)
    .helpOption("-h, --help", HELP.helpOption)
    .helpCommand("help [command]", HELP.helpCommand)
    .option("--lang <lang>", HELP.langOption)
    .configureOutput({ outputError: (message, write) => write(`bijstandsim: ${safeLine(translateUsageError(message))} ${CLI.seeHelp}\n`) })
    .exitOverride();
  configureDutchHelp(program);

  const run = program
    .command("run")
    .description(HELP.run)
    .argument(`<${HELP.argFile}>`, HELP.runFile);
  projectionOptions(run, HELP.runOut)
    .addOption(new Option("-m, --mode <mode>", HELP.mode).choices(["cohort", "psa", "microsim"]).default("cohort"))
    .option("-r, --runs <n>", HELP.runs, wholeNumber("--runs", 1)) // default by mode, in runCommand (the help says both)
    .option("--seed <n>", HELP.seed, wholeNumber("--seed", 0, 4294967295), 1)
    .option("--persons-scale <k>", HELP.personsScale, positiveNumber("--persons-scale"))
    .option("-w, --workers <n>", HELP.workers, wholeNumber("--workers", 1, 64))
    .option("--no-noise", HELP.noNoise)
    .option("--draws", HELP.draws)
    .option("-v, --variant <name>", HELP.variant, collect)
    .option("--report", HELP.report)
    .option("--timings", HELP.timings)
    .addHelpText("after", `
${HELP.examples}
  bin/bijstandsim run scenarios/steenwijkerland.json
  bin/bijstandsim run scenarios/steenwijkerland.json --scenario tweede-golf --horizon 5
  bin/bijstandsim run scenarios/steenwijkerland.json --mode psa --runs 2000 --seed 7 --workers 2
  bin/bijstandsim run scenarios/steenwijkerland.json --mode microsim --runs 20 --seed 7
  bin/bijstandsim run scenarios/steenwijkerland.json --csv nl   # ${HELP.csvNlExample}
  bin/bijstandsim run scenarios/groningen.json --out output/groningen-test`)
    .action(runCommand);

  const breakeven = program
    .command("breakeven")
    .description(HELP.breakeven)
    .argument(`<${HELP.argFile}>`, HELP.scenarioFile)
    .requiredOption("-i, --intervention <name>", HELP.intervention);
  projectionOptions(breakeven, HELP.breakevenOut)
    .addHelpText("after", `
${HELP.example}
  bin/bijstandsim breakeven scenarios/steenwijkerland.json --intervention intensieve-begeleiding --scenario matig-herstel`)
    .action(breakevenCommand);

  registerReport(program);
  registerCompare(program);
  registerExplore(program);
  registerCalibrate(program);
  registerInit(program);

  program
    .command("validate")
    .description(HELP.validate)
    .argument(`<${HELP.argFile}>`, HELP.scenarioFile)
    .addHelpText("after", `\n${HELP.example}\n  bin/bijstandsim validate scenarios/drentsche-aa.json`)
    .action(validateCommand);
  localisePlaceholders(program);
  return program;
}

/**
 * The language of this invocation: `--lang X` (or `--lang=X`) anywhere on the command
 * line, else BIJSTANDSIM_LANG. Read before the program is built, because the help
 * texts are chosen when the options are declared. An unknown value is an InputError.
 */
export function langOf(argv: readonly string[]): Lang {
  let value: string | undefined;
  let from = "--lang";
  argv.forEach((a, i) => {
    if (a === "--lang") value = argv[i + 1] ?? "";
    else if (a.startsWith("--lang=")) value = a.slice("--lang=".length);
  });
  if (value === undefined) {
    const env = process.env.BIJSTANDSIM_LANG;
    if (env === undefined || env.trim() === "") return envLang();
    [value, from] = [env, "BIJSTANDSIM_LANG"];
  }
  const v = value.trim().toLowerCase();
  if (!isLang(v)) throw new InputError(from, "", ...CLI.unknownLang(value));
  return v;
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
  let before: Lang | undefined;
  try {
    before = setLang(langOf(argv));
    await buildProgram().parseAsync(argv, { from: "user" });
    return 0;
  } catch (err) {
    if (wasInterrupted()) return 130; // threads being stopped by Ctrl-C: the line is printed, the process exits
    if (err instanceof CommanderError) {
      return err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help" ? 0 : 2;
    }
    if (err instanceof InputError) {
      process.stderr.write(`bijstandsim: ${CLI.errorPrefix}: ${err.describe()}\n`);
      return 2;
    }
    if (err instanceof WorkerError) {
      process.stderr.write(`bijstandsim: ${CLI.errorPrefix}: ${safeLine(err.message)}; ${CLI.workerFailedNoOutput}\n`);
      return 1;
    }
    process.stderr.write(`bijstandsim: ${CLI.internalError}: ${(err as Error).stack ?? err}\n`);
    return 1;
  } finally {
    if (before !== undefined) setLang(before);
  }
}
