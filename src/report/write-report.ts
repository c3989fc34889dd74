/**
 * `bijstandsim report <output-dir>`: from a run's results.json to charts/*.vl.json,
 * charts/*.svg, report.html and results.xlsx in the same folder. This is the report
 * layer's I/O edge: it reads results.json (and the run's scenario file, for every
 * source), calls the pure builders, and writes everything atomically at the end
 * (nothing is written when any step fails).
 */
import { createHash } from "node:crypto";
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { REPORT } from "../locale/messages-report.js";
import { InputError } from "../model/errors.js";
import { parseResults, RESULTS_FORMAT, type ResultsDoc } from "../outcomes/results.js";
import { buildCharts } from "./charts.js";
import { Output } from "./publish.js";
import { EXPLORER_FILE, reportHtml, type ReportPage } from "./html.js";
import { viewOf, type RunView } from "./results.js";
import { collectSources } from "./sources.js";
import type { FileContent } from "./write.js";
import { renderSvg } from "./render.js";
import { resultsWorkbook } from "./xlsx.js";

export interface ReportOptions {
  /**
   * The run's scenario file, for the full list of parameters and sources and the file's
   * notes. When left out, `<cwd>/<file>`, `<cwd>/scenarios/<file>` and the folders above
   * the output folder are tried; a file is used only when its SHA-256 equals the run's.
   */
  scenarioFile?: string;
  /** Writes the macro sets a scenario file names into its JSON (given by the CLI, which reads them), so their sources are listed too. */
  resolveSets?: (raw: Record<string, unknown>, file: string) => Record<string, unknown>;
  /** Awaited just before the report is published (the command line's last look for a Ctrl-C). */
  beforeCommit?: () => Promise<void>;
  /**
   * The run's results when the caller has them already, not read again: `run --report`
   * as it has just written them (not checked again: that is for a file that may have
   * been edited or come from another version, and took some 70 ms of npm start), the
   * report command as it has read and checked them.
   */
  results?: ResultsDoc;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** verkenner.html in the output folder, if it was made from the run's scenario file (its head names the file's SHA-256). */
function explorerFor(outDir: string, hash: string): string | undefined {
  const path = join(outDir, EXPLORER_FILE);
  if (!existsSync(path)) return undefined;
  const fd = openSync(path, "r");
  const head = Buffer.alloc(4096);
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return head.toString("utf8").includes(`<meta name="bijstandsim-file-hash" content="${hash}">`) ? EXPLORER_FILE : undefined;
}

/** The scenario file of the run: the one given (must match the hash), or one found next to the output. */
function findScenarioFile(doc: RunView, outDir: string, given?: string): { path: string; raw: Record<string, unknown> } | undefined {
  const tryFile = (path: string) => {
    if (!existsSync(path) || !statSync(path).isFile()) return undefined;
    const text = readFileSync(path, "utf8");
    if (sha256(text) !== doc.meta.file_hash) return null;
    try {
      const raw = JSON.parse(text) as unknown;
      return typeof raw === "object" && raw !== null && !Array.isArray(raw) ? { path, raw: raw as Record<string, unknown> } : undefined;
    } catch {
      return undefined;
    }
  };
  if (given) {
    if (!existsSync(given)) throw new InputError(given, "", ...REPORT.inputNotFound);
    const found = tryFile(given);
    if (found === null) {
      throw new InputError(given, "", ...REPORT.inputOtherHash(doc.meta.file_hash.slice(0, 12)));
    }
    return found;
  }
  const out = resolve(outDir);
  const candidates = [join(process.cwd(), doc.meta.file), join(process.cwd(), "scenarios", doc.meta.file), join(dirname(out), doc.meta.file), join(dirname(dirname(out)), "scenarios", doc.meta.file)];
  for (const c of candidates) {
    const found = tryFile(c);
    if (found) return found;
  }
  return undefined;
}

/** The `note` of each state in a scenario file. */
function stateNotes(raw: Record<string, unknown>): { name: string; note: string }[] {
  const states = Array.isArray(raw.states) ? (raw.states as Record<string, unknown>[]) : [];
  return states.filter((s) => typeof s?.name === "string" && typeof s?.note === "string").map((s) => ({ name: s.name as string, note: s.note as string }));
}

/** Reads and checks results.json; a missing folder or file, or another format, is an InputError. */
function readResults(outDir: string): ResultsDoc {
  const file = join(outDir, "results.json");
  if (!existsSync(outDir)) {
    throw new InputError(outDir, "", ...REPORT.folderNotFound);
  }
  if (!statSync(outDir).isDirectory()) throw new InputError(outDir, "", ...REPORT.notAFolder);
  if (!existsSync(file)) {
    throw new InputError(file, "", ...REPORT.noResults);
  }
  return parseResults(readFileSync(file, "utf8"), file);
}

/**
 * The report of the run whose results.json is in `readDir`, in memory: charts (Vega-Lite
 * and SVG), report.html and results.xlsx. `shownDir` is the folder the report names
 * (the run's folder as published; `readDir` may be its staging folder).
 */
export async function buildReport(readDir: string, options: ReportOptions & { shownDir?: string } = {}): Promise<Record<string, FileContent>> {
  const doc = viewOf(options.results ?? readResults(readDir));
  const shownDir = options.shownDir ?? readDir;
  const found = findScenarioFile(doc, shownDir, options.scenarioFile);
  const scenario = found && options.resolveSets ? { ...found, raw: options.resolveSets(found.raw, found.path) } : found;

  const charts = buildCharts(doc);
  const rendered = [];
  for (const chart of charts) rendered.push({ chart, svg: (await renderSvg(chart.spec)).svg });

  // Objects shown in their own tables (states, references) are left out of the parameter list.
  const shownElsewhere = (path: string) => /^\.?(states|references)\[\d+\]$/.test(path);
  const sources = scenario ? collectSources(scenario.raw, shownElsewhere) : collectSources(doc.model, shownElsewhere);
  const notes = Array.isArray(scenario?.raw.notes) ? (scenario!.raw.notes as unknown[]).filter((n): n is string => typeof n === "string") : [];
  const page: ReportPage = {
    doc,
    charts: rendered,
    sources,
    scenarioFile: scenario
      ? {
          path: relative(process.cwd(), scenario.path) || scenario.path,
          description: typeof scenario.raw.description === "string" ? scenario.raw.description : undefined,
          notes,
          stateNotes: stateNotes(scenario.raw),
        }
      : undefined,
    outDir: shownDir,
    explorer: explorerFor(readDir, doc.meta.file_hash),
  };

  const files: Record<string, FileContent> = {};
  for (const { chart, svg } of rendered) {
    files[`charts/${chart.name}.vl.json`] = JSON.stringify(chart.spec, null, 2) + "\n";
    files[`charts/${chart.name}.svg`] = svg;
  }
  files["report.html"] = reportHtml(page);
  files["results.xlsx"] = resultsWorkbook(doc);
  return files;
}

/**
 * Builds the report of the run in `outDir` and publishes it into that folder as one unit
 * (publish.ts: the folder's other files stay, charts an earlier report drew are
 * replaced); returns the written paths.
 *
 * @example
 * await writeReport("output/steenwijkerland/latest");
 * // ["output/steenwijkerland/latest/charts/volume.vl.json", ..., "output/steenwijkerland/latest/report.html", "output/steenwijkerland/latest/results.xlsx"]
 */
export async function writeReport(outDir: string, options: ReportOptions = {}): Promise<string[]> {
  const results = readResults(outDir); // the folder's own errors first
  const output = Output.open(outDir, "merge");
  let files: Record<string, FileContent>;
  try {
    files = await buildReport(outDir, { ...options, results });
    await options.beforeCommit?.();
    output.unstage("charts");
    output.stage(files);
    output.commit();
  } finally {
    output.release();
  }
  return Object.keys(files).map((name) => join(outDir, name));
}

export { RESULTS_FORMAT };
