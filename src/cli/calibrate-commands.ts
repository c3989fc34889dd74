/**
 * The calibration commands of `bijstandsim`: `synth`, `estimate`, `fit`, `backtest`.
 * I/O lives here (reading and streaming files, printing, atomic writes); the logic is
 * in src/calibrate/. Every user mistake is an InputError (one line, exit 2).
 *
 * Registered on the program by calibrate-register.ts, which loads this module (and
 * src/calibrate/) only when one of these commands runs.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { open } from "node:fs/promises";
import { basename, dirname, extname, join, resolve } from "node:path";
import { CAL } from "../locale/messages-calibrate.js";
import { CLI } from "../locale/messages-cli.js";
import { InputError } from "../model/errors.js";
import { parseJson } from "../model/parse.js";
import { compileScenario } from "../model/compile/index.js";
import type { ScenarioFile, StateKind } from "../model/schema.js";
import { fsGuard, fsInputError } from "../report/publish.js";
import { writeFilesAtomically } from "../report/write.js";
import { interruptible, interruptPoint, onInterrupt } from "./interrupt.js";
import { checkTextFile, INPUT_LIMITS } from "./input-file.js";
import { loadScenario, readText, specFromText } from "./load.js";
import { rebaseSetRefs } from "./macro-library.js";
import { checkPreflight } from "../simulate/preflight.js";
import { Progress } from "./progress.js";
import { PanelReader, type PanelCounts, type PanelState } from "../calibrate/panel.js";
import { estimateScenario, panelSeries, type Template } from "../calibrate/estimate.js";
import { initialOnStock, synthPanel } from "../calibrate/synth.js";
import { formatMonth, type PeriodKind } from "../calibrate/period.js";
import { streamPanel } from "../calibrate/panel-stream.js";
import { checkPeriodKind } from "../calibrate/early-checks.js";
import { checkScenarios, expandCells, parseSeries } from "../calibrate/series.js";
import { fitScenario, fittedFile, parseFreeParams } from "../calibrate/fit.js";
import { backtest } from "../calibrate/backtest.js";
import { backtestCsv, backtestReport, backtestSummaryCsv, estimateReport, estimatesCsv, fitReport, residualsCsv, seriesCsv } from "../calibrate/report.js";
import { csvField, csvLine, csvSeparator, csvStart, type CsvDialect } from "../locale/csv.js";
import { stemFolder } from "./run-folder.js";

/** Where the commands print (the tests capture it). */
export interface CalibrateIo {
  out: (text: string) => void;
}

const stem = (file: string) => basename(file, extname(file));

/** Text files written atomically, each in its own folder (temporary name, then rename). */
function writeEach(files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) writeFilesAtomically(dirname(path) || ".", { [basename(path)]: content });
}

/**
 * Refuses before any work when an output would be written over an input (the same file,
 * whatever the path says: `estimate --panel klanten.csv --out klanten.csv` would replace
 * the client file with a scenario). Outputs that do not exist yet cannot be inputs.
 */
export function refuseOverwritingInputs(inputs: Record<string, string | undefined>, outputs: Record<string, string | undefined>): void {
  const id = (file: string | undefined) => {
    if (file === undefined) return undefined;
    try {
      const st = statSync(file);
      return st.isFile() ? `${st.dev}:${st.ino}` : undefined;
    } catch {
      return undefined;
    }
  };
  const inputOf = new Map<string, string>();
  for (const [flag, file] of Object.entries(inputs)) {
    const key = id(file);
    if (key) inputOf.set(key, flag);
  }
  const outputOf = new Map<string, string>();
  for (const [flag, file] of Object.entries(outputs)) {
    if (file === undefined) continue;
    const key = id(file) ?? `new:${resolve(file)}`; // two outputs of one new file: by its path
    if (inputOf.has(key)) throw new InputError(file!, flag, ...CAL.outputIsInput(inputOf.get(key)!));
    if (outputOf.has(key)) throw new InputError(file!, flag, ...CAL.outputTwice(outputOf.get(key)!)); // the second would replace the first
    outputOf.set(key, flag);
  }
}

/** An existing, readable file of text (not UTF-16 or binary), or an InputError like readText's. */
const checkFile = (file: string): void => checkTextFile(file, "csv");

/** What a series file is, in messages. */
const SERIES_KIND = "series";

/** A scenario file checked and compiled (with its macro sets, from where it will be), the result of a command validated before it is written. */
function validateOutput(text: string, file: string): void {
  try {
    compileScenario(specFromText(text, file).spec, file);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new InputError(CLI.notWritten(file), err.path, CLI.wouldBeInvalid(err.message), err.fix);
  }
}

// --- synth --------------------------------------------------------------------------------------

/** The most rows synth writes (ten million clients over thirty months, some 8 GB). */
const MAX_PANEL_ROWS = 3e8;

export interface SynthOpts { scenario: string; clients: number; months: number; seed: number; gapRate: number; inflow: boolean; out: string; csv: CsvDialect; quiet?: boolean }

export async function synthCommand(opts: SynthOpts, io: CalibrateIo): Promise<void> {
  refuseOverwritingInputs({ "--scenario": opts.scenario }, { "--out": opts.out });
  const { spec } = specFromText(readText(opts.scenario), opts.scenario);
  const model = compileScenario({ ...spec, cycle: "month", interventions: [], combinations: [] }, opts.scenario, { horizonYears: Math.max(1, Math.ceil(opts.months / 12)) });
  if (initialOnStock(model).reduce((a, b) => a + b, 0) <= 0) {
    throw new InputError(opts.scenario, "initial", ...CAL.synthNobody);
  }
  if (opts.clients * opts.months > MAX_PANEL_ROWS) {
    throw new InputError("--clients", "", ...CAL.synthTooManyRows(opts.clients, opts.months, MAX_PANEL_ROWS));
  }
  const names = model.declared.map((d) => csvField(d.name, opts.csv, false)); // a panel is read back by estimate: names as they are
  const sep = csvSeparator(opts.csv);
  const first = spec.start_year * 12;
  const dir = dirname(opts.out) || ".";
  const temp = join(dir, `.${basename(opts.out)}.tmp-${process.pid}`);
  const fd = fsGuard(opts.out, () => {
    mkdirSync(dir, { recursive: true });
    return openSync(temp, "w");
  });
  let rows = 0;
  let clients = 0;
  // Ctrl-C (a panel of millions of rows takes a while) removes the half-written file and says so, exit 130.
  const forget = onInterrupt(async () => rmSync(temp, { force: true }));
  try {
    await interruptible(async () => {
      let chunk = `${csvStart(opts.csv)}${csvLine(["client_id", "period", "state"], opts.csv)}\n`;
      for (const r of synthPanel(model, { clients: opts.clients, months: opts.months, seed: opts.seed, gapRate: opts.gapRate, inflow: opts.inflow })) {
        chunk += `${r.client}${sep}${formatMonth(first + r.month)}${sep}${names[r.state]}\n`;
        rows++;
        clients = r.client;
        if (chunk.length > 1 << 20) {
          writeSync(fd, chunk);
          chunk = "";
          await interruptPoint(); // a pending Ctrl-C is handled here, between chunks
        }
      }
      writeSync(fd, chunk);
      closeSync(fd);
      await interruptPoint();
      renameSync(temp, opts.out);
    });
  } catch (err) {
    try { closeSync(fd); } catch { /* already closed */ }
    rmSync(temp, { force: true });
    throw fsInputError(err, opts.out) ?? err;
  } finally {
    forget();
  }
  if (!opts.quiet) {
    io.out(CAL.synthWritten(opts.out, rows, clients, opts.clients, opts.inflow ? clients - opts.clients : null, opts.months, formatMonth(first), opts.seed, opts.gapRate, opts.scenario));
  }
}

// --- estimate -------------------------------------------------------------------------------------

export interface EstimateOpts {
  panel: string; states?: string[]; template?: string; exitState?: string; disappear: "exit" | "censor";
  startYear?: number; horizon?: number; skipInvalid?: boolean; name?: string; series?: string; estimates?: string; out: string; csv: CsvDialect; quiet?: boolean;
}

/** `--states "A,B,Werk:off,Overig:exit"`: names with an optional kind (default on). */
function parseStates(list: string[], template: Template | undefined): PanelState[] {
  const kinds = new Set(["on", "off", "exit"]);
  const seen = new Set<string>();
  return list.map((item) => {
    const m = /^(.*?)(?::(on|off|exit))?$/.exec(item.trim())!;
    const name = m[1].trim();
    if (name === "") throw new InputError("--states", "", ...CAL.statesNoName(item));
    if (seen.has(name)) throw new InputError("--states", "", ...CAL.statesTwice(name));
    seen.add(name);
    const declared = template?.model.declared.find((d) => d.name === name);
    if (template && !declared) throw new InputError("--states", "", ...CAL.statesNotInTemplate(name, template.file, template.model.declared.map((d) => d.name)));
    const kind = (m[2] as StateKind | undefined) ?? declared?.kind ?? "on";
    if (declared && kind !== declared.kind) throw new InputError("--states", "", ...CAL.statesKindClash(name, declared.kind, kind));
    if (!kinds.has(kind)) throw new InputError("--states", "", ...CAL.statesUnknownKind(kind));
    return { name, kind };
  });
}

/** Streams the panel file through a PanelReader as bytes (one chunk in memory at a time). */
export async function readPanelFile(file: string, reader: PanelReader, quiet = true): Promise<PanelCounts> {
  checkFile(file);
  const size = statSync(file).size;
  const progress = new Progress(CLI.reading(basename(file)), Math.max(1, size), quiet);
  const handle = await open(file, "r");
  try {
    await streamPanel(async (buf, offset, length) => (await handle.read(buf, offset, length, null)).bytesRead, reader, { onProgress: (bytes) => progress.update(bytes) });
  } finally {
    await handle.close();
    progress.done();
  }
  return reader.finish();
}

export async function estimateCommand(opts: EstimateOpts, io: CalibrateIo): Promise<void> {
  refuseOverwritingInputs({ "--panel": opts.panel, "--template": opts.template }, { "--out": opts.out, "--series": opts.series, "--estimates": opts.estimates });
  let template: Template | undefined;
  if (opts.template) {
    const text = readText(opts.template);
    const { spec } = specFromText(text, opts.template);
    const model = compileScenario({ ...spec, cycle: "month", interventions: [], combinations: [] }, opts.template);
    template = { raw: rebaseSetRefs(parseJson(text, opts.template) as Record<string, any>, dirname(opts.template), dirname(opts.out)), model, file: opts.template };
  }
  const states = opts.states ? parseStates(opts.states, template) : template?.model.declared.map((d) => ({ name: d.name, kind: d.kind }));
  const kinds = opts.exitState ? [{ name: opts.exitState, kind: "exit" as const }] : [];
  const onPeriodKind = (kind: PeriodKind) =>
    checkPeriodKind(kind, { file: opts.panel, startYear: opts.startYear, templateStartYear: template ? Number(template.raw.start_year) : undefined, series: opts.series !== undefined });
  const reader = new PanelReader({ file: opts.panel, states, kinds, skipInvalid: opts.skipInvalid, onPeriodKind });
  const panel = await readPanelFile(opts.panel, reader, opts.quiet);
  const name = opts.name ?? (template ? String(template.raw.name) : stem(opts.out).toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "geschat");
  const { scenario, summary } = estimateScenario(panel, {
    name, exitState: opts.exitState, disappear: opts.disappear, startYear: opts.startYear, horizonYears: opts.horizon, template,
  });
  const text = JSON.stringify(scenario, null, 2) + "\n";
  validateOutput(text, opts.out);
  const files: Record<string, string> = { [opts.out]: text };
  if (opts.series) {
    if (panel.periodKind !== "calendar") throw new InputError("--series", "", ...CAL.seriesMonthNumbers);
    files[opts.series] = seriesCsv(panelSeries(panel, summary), opts.csv);
  }
  if (opts.estimates) files[opts.estimates] = estimatesCsv(summary, opts.csv);
  writeEach(files);
  if (!opts.quiet) io.out(`${estimateReport(panel, summary)}\n\n${CLI.written(Object.keys(files).join(", "))}`);
}

// --- fit ---------------------------------------------------------------------------------------------

export interface FitOpts { target: string; free: string[]; scenario?: string[]; relative?: boolean; out: string; residuals?: string; csv: CsvDialect; quiet?: boolean }

export async function fitCommand(file: string, opts: FitOpts, io: CalibrateIo): Promise<void> {
  refuseOverwritingInputs({ "<scenariobestand>": file, "--target": opts.target }, { "--out": opts.out, "--residuals": opts.residuals });
  const { text, spec, model } = loadScenario(file);
  const points = parseSeries(readText(opts.target, SERIES_KIND, INPUT_LIMITS.series), opts.target);
  checkScenarios(points, model, opts.target);
  for (const name of opts.scenario ?? []) {
    if (!model.scenarios.some((s) => s.name === name)) throw new InputError(file, "--scenario", ...CAL.unknownScenario(name, model.scenarios.map((s) => s.name)));
  }
  // One history without a scenario column matches one macro path: fitting every path to it would be wrong without showing it.
  if (!opts.scenario?.length && model.scenarios.length > 1 && points.every((p) => p.scenario === "")) {
    throw new InputError(file, "--scenario", ...CAL.fitOneSeriesManyScenarios(model.scenarios.length, model.scenarios.map((s) => s.name)));
  }
  const cells = expandCells(points, model, opts.scenario ?? []);
  if (cells.length === 0) throw new InputError(opts.target, "", ...CAL.noRowsForScenarios);
  const params = parseFreeParams(opts.free, spec);
  // Levenberg-Marquardt: at most 200 iterations of one projection per parameter and one more, per scenario;
  // they take time but write no results (the fitted file is one scenario file).
  const paths = new Set(cells.map((c) => c.scenario)).size;
  checkPreflight(model, { mode: "cohort", runs: 0, scenarios: paths, variants: 1, analysed: 0, projections: paths * 200 * (params.length + 1) }, file);
  const progress = new Progress(CLI.fitProgress, 25, opts.quiet);
  const fit = fitScenario(spec, file, model, cells, params, { relative: opts.relative, targetFile: basename(opts.target), onProgress: (d) => progress.update(d) });
  progress.done();
  const { file: fitted, notes } = fittedFile(rebaseSetRefs(parseJson(text, file) as Record<string, any>, dirname(file), dirname(opts.out)), params, fit, basename(opts.target));
  fit.notes.push(...notes);
  const out = JSON.stringify(fitted, null, 2) + "\n";
  validateOutput(out, opts.out);
  const files: Record<string, string> = { [opts.out]: out };
  if (opts.residuals) files[opts.residuals] = residualsCsv(model, fit, opts.csv);
  writeEach(files);
  if (!opts.quiet) io.out(`${fitReport(model, fit, opts.relative ?? false)}\n\n${CLI.written(Object.keys(files).join(", "))}`);
}

// --- backtest -----------------------------------------------------------------------------------------

export interface BacktestOpts { actual: string; from: number; scenario?: string[]; out?: string; csv: CsvDialect; quiet?: boolean }

export async function backtestCommand(file: string, opts: BacktestOpts, io: CalibrateIo): Promise<void> {
  const { text, model } = loadScenario(file);
  const points = parseSeries(readText(opts.actual, SERIES_KIND, INPUT_LIMITS.series), opts.actual);
  checkScenarios(points, model, opts.actual);
  // The file's macro sets read for the backtest's own years: a constant set (neutraal) then reaches back to them,
  // where the file's own window began later and the run asked for a path it does not have. A shape's year 0 stays
  // the file's (its shock does not move to the backtest's years).
  const after = points.filter((p) => p.year > opts.from);
  const { spec } = specFromText(text, file, undefined, after.length ? { from: opts.from + 1, to: Math.max(...after.map((p) => p.year)) } : undefined);
  const result = backtest(spec as ScenarioFile, file, points, { from: opts.from, scenarios: opts.scenario, actualFile: opts.actual });
  if (result.rows.length === 0) throw new InputError(opts.actual, "", ...CAL.noValuesAfter(opts.from));
  const out = opts.out ?? stemFolder(file);
  const files = { "backtest.csv": backtestCsv(result, opts.csv), "backtest-summary.csv": backtestSummaryCsv(result, opts.csv) };
  writeFilesAtomically(out, files);
  if (!opts.quiet) io.out(`${backtestReport(model, result)}\n\n${CLI.outputs(Object.keys(files).map((f) => join(out, f)).join(", "))}`);
}
