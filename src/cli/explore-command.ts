/**
 * `bijstandsim explore <file>`: writes verkenner.html, the offline what-if page that runs
 * this scenario file's compiled model in the browser (src/explore/). Registered on the
 * program by main.ts; `run --report` writes the same page (run-command.ts).
 */
import { join } from "node:path";
import type { Command } from "commander";
import { EXPLORER_FILE, explorerPage } from "../explore/write.js";
import { formatDecimal } from "../locale/format.js";
import { CLI } from "../locale/messages-cli.js";
import { HELP } from "../locale/messages-help.js";
import { writeFilesAtomically } from "../report/write.js";
import { print, VERSION } from "./io.js";
import { loadScenario } from "./load.js";
import { stemFolder } from "./run-folder.js";

interface ExploreOptions {
  out?: string;
  quiet?: boolean;
}

function exploreCommand(file: string, opts: ExploreOptions): void {
  const files = { [EXPLORER_FILE]: explorerPage({ ...loadScenario(file), file, version: VERSION }) };
  const out = opts.out ?? stemFolder(file);
  const [written] = writeFilesAtomically(out, files);
  if (opts.quiet) return;
  const mb = Buffer.byteLength(files[EXPLORER_FILE]) / 1024 ** 2;
  print(CLI.explorerWritten(written, formatDecimal(mb, 1)));
}

/** Adds the `explore` command to the program. */
export function registerExplore(program: Command): void {
  program
    .command("explore")
    .description(HELP.explore)
    .argument(`<${HELP.argFile}>`, HELP.runFile)
    .option("-o, --out <dir>", HELP.exploreOut)
    .option("-q, --quiet", HELP.quiet)
    // a mistyped flag is named without commander's guess here (the other commands add it to the same line)
    .showSuggestionAfterError(false)
    .addHelpText("after", `
${HELP.example}
  bin/bijstandsim explore scenarios/steenwijkerland.json   # ${HELP.exploreWrites(join("output", "steenwijkerland", EXPLORER_FILE))}`)
    .action(exploreCommand);
}
