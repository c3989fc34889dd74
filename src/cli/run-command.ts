/**
 * `bijstandsim run` and `bijstandsim breakeven`: simulate (cohort, probabilistic runs or
 * microsimulation), analyse the interventions, write the outputs atomically, print the
 * summary. The work is done below (simulate/, analyses/, outcomes/, report/); this
 * module chooses, times the threads and owns Ctrl-C.
 */
import { basename, join } from "node:path";
import type { Command } from "commander";
import { breakEven } from "../analyses/breakeven.js";
import { interventionIndex } from "../analyses/effects.js";
import { sensitivity } from "../analyses/sensitivity.js";
import { explorerFiles } from "../explore/write.js";
import { formatNumber } from "../locale/format.js";
import { CLI } from "../locale/messages-cli.js";
import { COMPILE } from "../locale/messages-compile.js";
import { InputError } from "../model/errors.js";
import type { MacroScenario, Model } from "../model/model.js";
import type { ScenarioFile } from "../model/schema.js";
import type { Analyses } from "../outcomes/results.js";
import { ownResults, resultsDocument, serialiseResults, type RunMeta } from "../outcomes/results.js";
import { summarise, type Bands } from "../outcomes/bands.js";
import { firstNonFinite, inputBehind } from "../outcomes/finite.js";
import { paybackRows } from "../outcomes/payback.js";
import type { ScenarioResult } from "../outcomes/result.js";
import { defaultWorkers } from "../parallel/workers.js";
import { runMicrosim } from "../parallel/microsim.js";
import type { MicrosimPool } from "../parallel/microsim-pool.js";
import { runPsa, stopPsaWorkers } from "../parallel/psa.js";
import { drawnParameters } from "../simulate/draw.js";
import { layoutOf, runSize } from "../simulate/psa.js";
import { checkPreflight } from "../simulate/preflight.js";
import { runDeterministic, selectScenarios, selectVariants } from "../simulate/scenario.js";
import { breakEvenTable, overviewTable, paybackTable, referenceTable, scenarioTable, variantTable } from "../report/terminal.js";
import { TERM } from "../locale/messages-terminal.js";
import { breakevenCsv, drawsCsv, paybackCsv, sensitivityCsv, statesCsv, transitionsCsv, yearlyCsv } from "../report/tables.js";
import { writeFilesAtomically } from "../report/write.js";
import type { CsvDialect } from "../locale/csv.js";
import { heldWarnings, largeEffectWarnings } from "../macro/held.js";
import { loadScenario } from "./load.js";
import { resolveForReport } from "./macro-library.js";
import { interruptible, interruptPoint, onInterrupt } from "./interrupt.js";
import { Progress } from "./progress.js";
import { Timings } from "./timings.js";
import { openRunFolder, pointLatest, stemFolder } from "./run-folder.js";
import { print, runDate, status, VERSION } from "./io.js";

export interface RunOptions {
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
  /** Print where the time went (cli/timings.ts). */
  timings?: boolean;
  /** The CSV files' dialect (locale/csv.ts); results.json is the same either way. */
  csv?: CsvDialect;
}

/** What a run simulated: the results per scenario and variant, and with probabilistic runs each run's values and the bands. */
interface Simulated {
  results: ScenarioResult[];
  draws?: { values: Float64Array; bands: Bands };
}

async function simulateRun(model: Model, spec: ScenarioFile, file: string, opts: RunOptions): Promise<Simulated> {
  if (opts.mode === "microsim") {
    const micro = await microsimulate(model, file, opts);
    return { results: micro.results, draws: micro.bands ? { values: micro.values, bands: micro.bands } : undefined };
  }
  const results = runDeterministic(model, opts.scenario ?? [], opts.variant ?? []);
  return { results, draws: opts.mode === "psa" ? await probabilistic(model, spec, file, opts) : undefined };
}

/**
 * Break-even and sensitivity of every intervention the run compared with the baseline;
 * after many runs, the chance of payback of every variant the run compared with it.
 */
function analyse(model: Model, scenarios: readonly MacroScenario[], sim: Simulated, opts: RunOptions): Analyses {
  const { results, draws } = sim;
  const ran = new Set(results.map((r) => r.variant));
  const tested = model.interventions.map((_, p) => p).filter((p) => ran.has(model.interventions[p].name));
  const names = results.map((r) => ({ scenario: r.scenario.name, variant: r.variant }));
  return {
    breakeven: tested.flatMap((p) => scenarios.map((s) => breakEven(model, s, p))),
    sensitivity: tested.flatMap((p) => scenarios.flatMap((s) => sensitivity(model, s, p))),
    payback: draws ? paybackRows({ values: draws.values, runs: opts.runs, layout: layoutOf(model) }, names, model.startYear) : [],
  };
}

function runMeta(model: Model, file: string, hash: string, scenarios: readonly MacroScenario[], sim: Simulated, opts: RunOptions): RunMeta {
  return {
    tool: "bijstandsim",
    version: VERSION,
    date: runDate(),
    file: basename(file),
    file_hash: hash,
    options: {
      mode: opts.mode,
      scenarios: scenarios.map((s) => s.name),
      variants: [...new Set(sim.results.map((r) => r.variant))],
      horizon_years: model.years,
      ...(opts.mode === "psa" ? { runs: opts.runs, seed: opts.seed, population_noise: opts.noise, drawn_parameters: drawnParameters(model) } : {}),
      ...(opts.mode === "microsim" ? { runs: opts.runs, seed: opts.seed, persons_scale: opts.personsScale ?? 1 } : {}),
      ...(opts.draws ? { draws: true } : {}), // draws.csv was written: the report's command says --draws
    },
  };
}

/** Every file of a run, built in memory; refused when a number in them is not finite (checkFinite). */
function runFiles(model: Model, sim: Simulated, analyses: Analyses, meta: RunMeta, opts: RunOptions): Record<string, string> {
  const { results, draws } = sim;
  const dialect = opts.csv ?? "tidy";
  const doc = resultsDocument(model, results, meta, analyses, draws?.bands);
  checkFinite(model.file, doc, opts.draws ? draws?.values : undefined);
  const files: Record<string, string> = {
    "yearly.csv": yearlyCsv(model, results, draws?.bands, dialect),
    "states.csv": statesCsv(model, results, draws?.bands, dialect),
    "transitions.csv": transitionsCsv(model, results, dialect),
  };
  if (analyses.breakeven.length > 0) {
    files["breakeven.csv"] = breakevenCsv(analyses.breakeven, dialect);
    files["sensitivity.csv"] = sensitivityCsv(analyses.sensitivity, dialect);
  }
  if (analyses.payback.length > 0) files["payback.csv"] = paybackCsv(analyses.payback, dialect);
  if (draws && opts.draws) files["draws.csv"] = drawsCsv(model, results, draws.values, opts.runs, dialect);
  files["results.json"] = serialiseResults(doc);
  return files;
}

/** No NaN or infinity is published: exit 2 naming the field and the inputs behind it. */
function checkFinite(file: string, doc: unknown, draws?: Float64Array): void {
  const at = firstNonFinite(doc) ?? (draws ? firstNonFinite(draws, "draws") : undefined);
  if (at) throw new InputError(file, "", ...COMPILE.notFinite(at, inputBehind(at)));
}

export async function runCommand(file: string, opts: RunOptions, cmd?: Command): Promise<void> {
  // --runs: 1000 probabilistic runs by default, but 1 microsimulation replication.
  opts = { ...opts, runs: (opts.runs as number | undefined) ?? (opts.mode === "microsim" ? 1 : 1000) };
  if (opts.personsScale !== undefined && opts.mode !== "microsim") throw new InputError(file, "--persons-scale", ...CLI.personsScaleMicrosim);
  // A cohort run draws nothing: these would be ignored without a word.
  for (const [name, flag] of [["runs", "--runs"], ["seed", "--seed"], ["draws", "--draws"], ["noise", "--no-noise"]] as const) {
    if (opts.mode === "cohort" && cmd?.getOptionValueSource(name) === "cli") throw new InputError(file, flag, ...(name === "noise" ? CLI.noNoisePsaOnly : CLI.drawsOnly));
  }
  const timings = new Timings();
  const loaded = loadScenario(file, { horizonYears: opts.horizon });
  const { model, hash, spec } = loaded;
  timings.lap("load");
  const scenarios = selectScenarios(model, opts.scenario ?? []);
  // Nothing to draw and no population chance: every run would be the expected path.
  if (opts.mode === "psa" && !opts.noise && drawnParameters(model) === 0) throw new InputError(file, "--no-noise", ...CLI.psaNothingVaries);
  preflight(model, file, opts, scenarios.length);
  // The folder is checked and locked before the work starts; it appears only when every file is ready.
  const folder = openRunFolder(file, opts.mode, opts.out);
  const out = folder.output.target;
  let done: { written: string[]; summary: () => void };
  try {
    done = await interruptible(async () => {
      const sim = await simulateRun(model, spec, file, opts);
      timings.lap("simulate");
      const analyses = analyse(model, scenarios, sim, opts);
      timings.lap("analyses");
      const files = runFiles(model, sim, analyses, runMeta(model, file, hash, scenarios, sim, opts), opts);
      timings.lap("files");
      // The what-if page of the same file (the runs leave the model as it was compiled); the report (below) links it.
      if (opts.report) {
        Object.assign(files, explorerFiles({ ...loaded, file, version: VERSION }, status));
        timings.lap("explorer");
      }
      folder.output.stage(files);
      timings.lap("write");
      // vega and vega-lite take a while to load: only when a report is asked for.
      if (opts.report) {
        const { buildReport } = await import("../report/write-report.js");
        const report = await buildReport(folder.output.dir, { shownDir: out, scenarioFile: file, resolveSets: resolveForReport, results: ownResults(files["results.json"]) });
        timings.lap("report");
        folder.output.stage(report);
        Object.assign(files, report);
      }
      await interruptPoint(); // a Ctrl-C that came during the work stops the run here, before anything appears
      folder.output.commit();
      if (folder.stem) pointLatest(folder.stem, out);
      timings.lap("write");
      const written = Object.keys(files).filter((f) => !f.startsWith("charts/"));
      return { written, summary: () => printRun(model, scenarios, sim, analyses, opts) };
    });
  } finally {
    folder.output.release();
  }
  if (opts.timings) status(timings.text());
  if (opts.quiet) return;
  for (const w of [...heldWarnings(model, opts.scenario ?? []), ...largeEffectWarnings(model)]) status(CLI.warning(w));
  // The persons are scaled, the money and the references are not: what depends on both means nothing at this scale.
  if (opts.personsScale !== undefined && opts.personsScale !== 1) status(CLI.warning(CLI.personsScaled(formatNumber(opts.personsScale))));
  done.summary();
  // The folder once (it is long: output/<stem>/<mode>-<date>-<time>/), then what is in it, and the report to open.
  print(`\n${CLI.outputsIn(join(out, "/"), done.written.join(", "))}`);
  if (done.written.includes("report.html")) print(CLI.reportAt(join(out, "report.html")));
}

/** Refuses, before any work, a run too large for memory, time or an output file (simulate/preflight.ts). */
function preflight(model: Model, file: string, opts: RunOptions, scenarios: number): void {
  const variants = selectVariants(model, opts.variant ?? []);
  const analysed = model.interventions.filter((iv) => variants.some((v) => v.name === iv.name)).length;
  checkPreflight(model, { mode: opts.mode, runs: opts.runs, scenarios, variants: variants.length, analysed, draws: opts.draws, personsScale: opts.personsScale }, file);
}

/** The terminal summary of a run. */
function printRun(model: Model, scenarios: readonly MacroScenario[], sim: Simulated, analyses: Analyses, opts: RunOptions): void {
  const micro = opts.mode === "microsim";
  const { results, draws } = sim;
  print(TERM.runHeader(model.label, model.years, model.startYear, scenarios.length, micro, model.cycle === "month"));
  for (const note of [...model.notes, ...(micro ? model.population?.notes ?? [] : [])]) print(CLI.note(note));
  if (micro) print(TERM.microsimLine(opts.runs, opts.seed, opts.personsScale, opts.runs > 1));
  else if (draws) {
    print(TERM.psaLine(opts.runs, opts.seed, opts.noise));
    if (drawnParameters(model) === 0) print(CLI.note(TERM.psaPopulationOnly));
  }
  results.forEach((r, ri) => r.variant === "baseline" && print(`\n${scenarioTable(model, r, draws ? { bands: draws.bands, index: ri } : undefined)}`));
  const overview = overviewTable(model, results);
  if (overview) print(`\n${overview}`);
  const variants = variantTable(model, results, draws?.bands);
  if (variants) print(`\n${variants}`);
  if (analyses.breakeven.length) print(`\n${breakEvenTable(model, analyses.breakeven, micro ? [] : results)}`); // a microsimulation's tables are not the cohort's expected values break-even has
  if (analyses.payback.length) print(`\n${paybackTable(model, analyses.payback, micro ? TERM.replications : TERM.draws)}`);
  const refs = referenceTable(model, results);
  if (refs) print(`\n${refs}`);
}

/** The PSA runs of a `run --mode psa`, over worker threads. */
async function probabilistic(model: Model, scenario: ScenarioFile, file: string, opts: RunOptions) {
  const spec = { seed: opts.seed, noise: opts.noise, scenarios: opts.scenario ?? [], variants: opts.variant ?? [] };
  const workers = opts.workers ?? defaultWorkers();
  const release = onInterrupt(stopPsaWorkers);
  const progress = new Progress(CLI.psaProgress(opts.runs), opts.runs, opts.quiet);
  try {
    const values = await runPsa(model, {
      scenario, file, horizonYears: opts.horizon, spec, runs: opts.runs, workers,
      failAt: process.env.BIJSTANDSIM_FAIL_RUN === undefined ? undefined : Number(process.env.BIJSTANDSIM_FAIL_RUN),
      onProgress: (done) => progress.update(done),
      onStart: () => opts.quiet || status(CLI.psaStarted(opts.runs, workers)),
    });
    progress.done();
    return { values, bands: summarise(values, opts.runs, runSize(model, spec)) };
  } finally {
    release();
  }
}

/** The replications of a `run --mode microsim`, over worker threads. */
async function microsimulate(model: Model, file: string, opts: RunOptions) {
  if (!opts.noise) throw new InputError(file, "--no-noise", ...CLI.microsimNoNoise);
  let pool: MicrosimPool | undefined;
  const release = onInterrupt(() => pool?.destroy() ?? Promise.resolve());
  const scenarioCount = selectScenarios(model, opts.scenario ?? []).length;
  const workers = opts.workers ?? defaultWorkers();
  const progress = new Progress(CLI.microsimProgress(opts.runs), opts.runs * scenarioCount, opts.quiet);
  try {
    const out = await runMicrosim(model, { seed: opts.seed, runs: opts.runs, scenarios: opts.scenario ?? [], variants: opts.variant ?? [], personsScale: opts.personsScale ?? 1 }, {
      workers,
      onProgress: (done) => progress.update(done),
      onPool: (p) => (pool = p),
      onStart: (threads) => opts.quiet || status(threads < workers ? CLI.microsimOneThread(opts.runs, scenarioCount) : CLI.microsimStarted(opts.runs, scenarioCount, workers)),
    });
    progress.done();
    return out;
  } finally {
    release();
  }
}

export interface BreakevenOptions {
  intervention: string;
  scenario?: string[];
  horizon?: number;
  out?: string;
  quiet?: boolean;
  csv?: CsvDialect;
}

export function breakevenCommand(file: string, opts: BreakevenOptions): void {
  const { model } = loadScenario(file, { horizonYears: opts.horizon });
  const p = interventionIndex(model, opts.intervention);
  const scenarios = selectScenarios(model, opts.scenario ?? []);
  checkPreflight(model, { mode: "cohort", runs: 0, scenarios: scenarios.length, variants: 1, analysed: 1 }, file);
  const rows = scenarios.map((s) => breakEven(model, s, p));
  checkFinite(file, rows);
  const out = opts.out ?? stemFolder(file);
  writeFilesAtomically(out, { [`breakeven-${model.interventions[p].name}.csv`]: breakevenCsv(rows, opts.csv) });
  if (!opts.quiet) print(breakEvenTable(model, rows));
}

