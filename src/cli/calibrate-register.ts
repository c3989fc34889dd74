/**
 * The calibration commands on the program: `synth`, `estimate`, `fit`, `backtest`. Their
 * options and help are defined here; the commands themselves (calibrate-commands.ts
 * and src/calibrate/) load only when one of them runs, so that `run` does not pay for
 * them at start-up.
 *
 * Wiring (src/cli/main.ts): `registerCalibrate(program)` in buildProgram().
 */
import { Option, type Command } from "commander";
import { HELP } from "../locale/messages-help.js";
import type { BacktestOpts, CalibrateIo, EstimateOpts, FitOpts, SynthOpts } from "./calibrate-commands.js";
import { collect, collectStates, csvOption, probability, wholeNumber, year } from "./options.js";

const stdoutIo: CalibrateIo = { out: (text) => process.stdout.write(text + "\n") };

const commands = () => import("./calibrate-commands.js");

/** Adds `synth`, `estimate`, `fit` and `backtest` to the bijstandsim program. */
export function registerCalibrate(program: Command, io: CalibrateIo = stdoutIo): void {
  program
    .command("synth")
    .description(HELP.synth)
    .requiredOption("--scenario <file>", HELP.synthScenario)
    .requiredOption("-n, --clients <n>", HELP.synthClients, wholeNumber("--clients", 1, 10_000_000))
    .option("--months <n>", HELP.synthMonths, wholeNumber("--months", 1, 1200), 36)
    .option("--seed <n>", HELP.synthSeed, wholeNumber("--seed", 0), 1)
    .option("--gap-rate <p>", HELP.synthGapRate, probability("--gap-rate"), 0)
    .option("--no-inflow", HELP.synthNoInflow)
    .requiredOption("-o, --out <file>", HELP.synthOut)
    .addOption(csvOption())
    .option("-q, --quiet", HELP.quiet)
    .addHelpText("after", `
${HELP.example}
  bin/bijstandsim synth --scenario scenarios/steenwijkerland.json --clients 20000 --months 36 --seed 7 --out panel.csv`)
    .action(async (opts: SynthOpts) => (await commands()).synthCommand(opts, io));

  program
    .command("estimate")
    .description(HELP.estimate)
    .requiredOption("--panel <file>", HELP.estimatePanel)
    .option("--states <list>", HELP.estimateStates, collectStates)
    .option("--template <file>", HELP.estimateTemplate)
    .option("--exit-state <name>", HELP.estimateExitState)
    .addOption(new Option("--disappear <how>", HELP.estimateDisappear).choices(["exit", "censor"]).default("exit"))
    .option("--start-year <year>", HELP.estimateStartYear, year("--start-year"))
    .option("--horizon <years>", HELP.estimateHorizon, wholeNumber("--horizon", 1))
    .option("--skip-invalid", HELP.estimateSkipInvalid)
    .option("--name <name>", HELP.estimateName)
    .option("--series <file>", HELP.estimateSeries)
    .option("--estimates <file>", HELP.estimateEstimates)
    .requiredOption("-o, --out <file>", HELP.estimateOut)
    .addOption(csvOption())
    .option("-q, --quiet", HELP.quiet)
    .addHelpText("after", `
${HELP.examples}
  bin/bijstandsim synth --scenario scenarios/steenwijkerland.json --clients 2000 --months 24 --out panel.csv
  bin/bijstandsim estimate --panel panel.csv --states "Direct werk,Werken en ervaren,Leren en ontwikkelen,Zorg,Uitgestroomd naar werk:off,Geplaatst:off,Werkvoorzienend:exit,Uitstroom overig:exit" --start-year 2021 --out mijn-gemeente.json
  bin/bijstandsim estimate --panel panel.csv --template scenarios/steenwijkerland.json --start-year 2021 --out mijn-gemeente.json --series reeks.csv`)
    .action(async (opts: EstimateOpts) => (await commands()).estimateCommand(opts, io));

  program
    .command("fit")
    .description(HELP.fit)
    .argument(`<${HELP.argScenario}>`, HELP.scenarioFile)
    .requiredOption("--target <file>", HELP.fitTarget)
    .requiredOption("--free <list>", HELP.fitFree, collect)
    .option("-s, --scenario <name>", HELP.fitScenario, collect)
    .option("--relative", HELP.fitRelative)
    .requiredOption("-o, --out <file>", HELP.fitOut)
    .option("--residuals <file>", HELP.fitResiduals)
    .addOption(csvOption())
    .option("-q, --quiet", HELP.quiet)
    .addHelpText("after", `
${HELP.example}
  bin/bijstandsim fit scenarios/steenwijkerland.json --target scenarios/data/berenschot-2020-steenwijkerland.csv --free inflow,elasticity:0,elasticity:1,elasticity:2 --out fitted.json`)
    .action(async (file: string, opts: FitOpts) => (await commands()).fitCommand(file, opts, io));

  program
    .command("backtest")
    .description(HELP.backtest)
    .argument(`<${HELP.argScenario}>`, HELP.scenarioFile)
    .requiredOption("--actual <file>", HELP.backtestActual)
    .requiredOption("--from <year>", HELP.backtestFrom, year("--from"))
    .option("-s, --scenario <name>", HELP.backtestScenario, collect)
    .option("-o, --out <dir>", HELP.backtestOut)
    .addOption(csvOption())
    .option("-q, --quiet", HELP.quiet)
    .addHelpText("after", `
${HELP.example}
  bin/bijstandsim backtest scenarios/nederland.json --actual scenarios/data/cbs-bijstand-nederland.csv --from 2019`)
    .action(async (file: string, opts: BacktestOpts) => (await commands()).backtestCommand(file, opts, io));
}
