/**
 * `bijstandsim report <output-dir>`: charts (Vega-Lite and SVG), report.html and
 * results.xlsx from the results of a run. Registered on the program by main.ts.
 */
import type { Command } from "commander";
import { resolveForReport } from "./macro-library.js";
import { interruptible } from "./interrupt.js";
import { runFolderOf } from "./run-folder.js";

interface ReportCommandOptions {
  input?: string;
  quiet?: boolean;
}

/** Adds the `report` command to the program. */
export function registerReport(program: Command): void {
  program
    .command("report")
    .description("draw the charts and write report.html and results.xlsx from the results of a run")
    .argument("<output-dir>", "output folder of a run (holds results.json), or output/<file-stem> for its latest run")
    .option("-i, --input <file>", "the run's scenario file, to list every parameter with its source (default: found by name and SHA-256)")
    .option("-q, --quiet", "print nothing on success")
    .addHelpText("after", `
Examples:
  bijstandsim run scenarios/steenwijkerland.json && bijstandsim report output/steenwijkerland   # the latest run
  bijstandsim report output/groningen-test --input scenarios/groningen.json`)
    .action(async (dir: string, opts: ReportCommandOptions) => {
      const { writeReport } = await import("../report/write-report.js"); // vega & co. load only when needed
      const written = await interruptible(() => writeReport(runFolderOf(dir), { scenarioFile: opts.input, resolveSets: resolveForReport }));
      if (opts.quiet) return;
      process.stdout.write(`Rapport: ${written.length} bestanden\n${written.map((f) => `  ${f}`).join("\n")}\n`);
    });
}
