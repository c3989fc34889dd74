/**
 * `bijstandsim report <output-dir>`: charts (Vega-Lite and SVG), report.html and
 * results.xlsx from the results of a run. Registered on the program by main.ts.
 */
import { join, relative } from "node:path";
import type { Command } from "commander";
import { CLI } from "../locale/messages-cli.js";
import { HELP } from "../locale/messages-help.js";
import { resolveForReport } from "./macro-library.js";
import { interruptible, interruptPoint } from "./interrupt.js";
import { runFolderOf } from "./run-folder.js";

interface ReportCommandOptions {
  input?: string;
  quiet?: boolean;
}

/** Adds the `report` command to the program. */
export function registerReport(program: Command): void {
  program
    .command("report")
    .description(HELP.reportCommand)
    .argument(`<${HELP.argOutputDir}>`, HELP.reportDir)
    .option("-i, --input <file>", HELP.reportInput)
    .option("-q, --quiet", HELP.quiet)
    .addHelpText("after", `
${HELP.examples}
  bin/bijstandsim run scenarios/steenwijkerland.json && bin/bijstandsim report output/steenwijkerland
  bin/bijstandsim run scenarios/groningen.json --out output/groningen-test && bin/bijstandsim report output/groningen-test --input scenarios/groningen.json`)
    .action(async (dir: string, opts: ReportCommandOptions) => {
      const { writeReport } = await import("../report/write-report.js"); // vega & co. load only when needed
      const folder = runFolderOf(dir);
      const written = await interruptible(() => writeReport(folder, { scenarioFile: opts.input, resolveSets: resolveForReport, beforeCommit: interruptPoint }));
      if (opts.quiet) return;
      // The folder once and the files a reader opens; the charts only counted (there are a dozen).
      const charts = written.filter((f) => relative(folder, f).startsWith("charts"));
      const main = written.filter((f) => !charts.includes(f)).map((f) => relative(folder, f));
      process.stdout.write(`${CLI.reportWrittenIn(join(folder, "/"), main.join(", "), charts.length)}\n${CLI.reportAt(join(folder, "report.html"))}\n`);
    });
}
