/**
 * `bijstandsim compare <run> <run> [...]`: reads the runs' results.json, prints the
 * differences per scenario, year and metric, and writes vergelijking.html, .xlsx and
 * .csv to --out, the folder put in place as one unit (report/publish.ts). The comparison itself is src/compare/; this module reads,
 * prints and writes. A run that cannot be read or compared stops the command with one
 * line in the run's language (exit 2) before anything is written.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { Option, type Command } from "commander";
import type { RunSource, Stat } from "../compare/compare.js";
import type { CsvDialect } from "../locale/csv.js";
import { lang } from "../locale/lang.js";
import { CLI } from "../locale/messages-cli.js";
import { COMPARE } from "../locale/messages-compare.js";
import { HELP } from "../locale/messages-help.js";
import { InputError } from "../model/errors.js";
import { Output } from "../report/publish.js";
import { interruptible, interruptPoint } from "./interrupt.js";
import { print } from "./io.js";
import { collect, csvOption } from "./options.js";
import { runFolderOf } from "./run-folder.js";
import { shellWord } from "../report/shell.js";

interface CompareOptions {
  scenario?: string[];
  stat: Stat;
  out?: string;
  csv: CsvDialect;
  quiet?: boolean;
}

const day = (d: Date): string => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

/** A run: an output folder holding results.json (output/<stem>: its latest run), or a results.json itself. */
function readRun(given: string, parseRun: (text: string, file: string) => RunSource["doc"]): RunSource {
  if (!existsSync(given)) throw new InputError(given, "", ...COMPARE.notFound);
  const path = statSync(given).isDirectory() ? runFolderOf(given) : given;
  const file = statSync(path).isDirectory() ? join(path, "results.json") : path;
  if (!existsSync(file)) {
    throw new InputError(path, "", ...COMPARE.noResultsJson);
  }
  return { source: path.replace(/\/+$/, "") || path, doc: parseRun(readFileSync(file, "utf8"), file), fileDate: day(statSync(file).mtime) };
}

/** A run's short name for the default folder: its output folder's name. */
function runName(source: string, i: number): string {
  const dir = basename(source) === "results.json" ? dirname(source) : source;
  // A run kept in output/<stem>/ (cohort-20261202-045917, or latest) is named with its stem: two municipalities' runs of one day differ.
  const folder = /^([a-z]+-\d{8}-\d{6}(-\d+)?|latest)$/.test(basename(dir)) && basename(dirname(dir)) ? `${basename(dirname(dir))}-${basename(dir)}` : basename(dir);
  const name = folder.replace(/\.json$/, "").replace(/[^\w.-]+/g, "-").replace(/^[.-]+|-+$/g, "");
  return name || String.fromCharCode(65 + i);
}

/** output/vergelijking-<run A>-<run B>[-...]: one folder per set of runs, so comparisons do not overwrite each other. */
export const defaultCompareOut = (sources: readonly string[]): string => join("output", `vergelijking-${sources.map(runName).join("-")}`.slice(0, 120));

async function compareCommand(paths: string[], opts: CompareOptions): Promise<void> {
  // The comparison loads only when asked for, its page (vega) only once the runs compare.
  const { compareRuns, parseRun } = await import("../compare/compare.js");
  const runs = paths.map((p) => readRun(p, parseRun));
  const comparison = compareRuns(runs, { stat: opts.stat, scenarios: opts.scenario });
  const [{ compareFiles }, { compareText }] = await Promise.all([import("../compare/files.js"), import("../compare/tables.js")]);
  const out = opts.out ?? defaultCompareOut(runs.map((r) => r.source));
  const command = ["bin/bijstandsim", ...(lang() === "en" ? ["--lang", "en"] : []), "compare", ...runs.map((r) => r.source), ...(opts.scenario?.length ? ["--scenario", opts.scenario.join(",")] : []),
    ...(opts.stat !== "value" ? ["--stat", opts.stat] : []), ...(opts.csv !== "tidy" ? ["--csv", opts.csv] : []), "--out", out].map(shellWord).join(" ");
  // Checked and locked before the page and workbook are built; the folder appears whole or not at all.
  const output = Output.open(out, "replace");
  let written: string[];
  try {
    written = await interruptible(async () => {
      const files = await compareFiles(comparison, { command, csv: opts.csv });
      output.stage(files);
      await interruptPoint();
      output.commit();
      return Object.keys(files).map((name) => join(out, name));
    });
  } finally {
    output.release();
  }
  if (opts.quiet) return;
  print(compareText(comparison));
  print(`\n${CLI.outputs(written.join(", "))}`);
}

/** Adds the `compare` command to the program. */
export function registerCompare(program: Command): void {
  program
    .command("compare")
    .description(HELP.compare)
    .argument("<runs...>", HELP.compareRuns)
    .option("-s, --scenario <name>", HELP.compareScenario, collect)
    .addOption(new Option("--stat <which>", HELP.compareStat).choices(["value", "mean"]).default("value"))
    .option("-o, --out <dir>", HELP.compareOut)
    .addOption(csvOption())
    .option("-q, --quiet", HELP.quiet)
    .showSuggestionAfterError(false)
    .addHelpText("after", `
${HELP.examples}
  bin/bijstandsim compare output/begroting-2025 output/begroting-2026
  bin/bijstandsim compare output/steenwijkerland output/steenwijkerland-psa --stat mean --scenario tweede-golf
  bin/bijstandsim compare output/steenwijkerland/latest/results.json mijn-fit/results.json --out output/fit-tegenover-basis

${HELP.compareAfter}`)
    .action(compareCommand);
}
