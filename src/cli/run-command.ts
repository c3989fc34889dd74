/**
 * `bijstandsim run` and `bijstandsim breakeven`: simulate (cohort, probabilistic runs or
 * microsimulation), analyse the interventions, write the outputs atomically, print the
 * summary. The work is done below (simulate/, analyses/, outcomes/, report/); this
 * module chooses, times the threads and owns Ctrl-C.
 */
import { basename, extname, join } from "node:path";
import type { Command } from "commander";
import { breakEven } from "../analyses/breakeven.js";
import { interventionIndex } from "../analyses/effects.js";
import { sensitivity } from "../analyses/sensitivity.js";
import { explorerFiles } from "../explore/write.js";
import { CLI } from "../locale/messages-cli.js";
import { InputError } from "../model/errors.js";
import type { MacroScenario, Model } from "../model/model.js";
import type { Analyses } from "../outcomes/results.js";
import { resultsDocument, serialiseResults, type RunMeta } from "../outcomes/results.js";
import { summarise, type Bands } from "../outcomes/bands.js";
import { paybackRows } from "../outcomes/payback.js";
import type { ScenarioResult } from "../outcomes/result.js";
import { defaultWorkers } from "../parallel/workers.js";
import { runMicrosim } from "../parallel/microsim.js";
import type { MicrosimPool } from "../parallel/microsim-pool.js";
import { runPsa, stopPsaWorkers } from "../parallel/psa.js";
import { layoutOf, runSize } from "../simulate/psa.js";
import { runDeterministic, selectScenarios } from "../simulate/scenario.js";
import { breakEvenTable, overviewTable, paybackTable, referenceTable, scenarioTable, variantTable } from "../report/terminal.js";
import { TERM } from "../locale/messages-terminal.js";
import { breakevenCsv, drawsCsv, paybackCsv, sensitivityCsv, statesCsv, transitionsCsv, yearlyCsv } from "../report/tables.js";
import { removeStaleOutputs, writeFilesAtomically } from "../report/write.js";
import { heldWarnings } from "../macro/held.js";
import { loadScenario } from "./load.js";
import { resolveForReport } from "./macro-library.js";
import { Progress } from "./progress.js";
import { print, status, VERSION } from "./io.js";

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
}

/** Outputs a run writes only sometimes; the report's files are rewritten by --report. */
const OPTIONAL_OUTPUTS = ["breakeven.csv", "sensitivity.csv", "payback.csv", "draws.csv", "report.html", "results.xlsx", "charts"];
export const defaultOut = (file: string): string => join("output", basename(file, extname(file)));

/** What a run simulated: the results per scenario and variant, and with probabilistic runs each run's values and the bands. */
interface Simulated {
  results: ScenarioResult[];
  draws?: { values: Float64Array; bands: Bands };
}

async function simulateRun(model: Model, text: string, file: string, opts: RunOptions): Promise<Simulated> {
  if (opts.mode === "microsim") {
    const micro = await microsimulate(model, file, opts);
    return { results: micro.results, draws: micro.bands ? { values: micro.values, bands: micro.bands } : undefined };
  }
  const results = runDeterministic(model, opts.scenario ?? [], opts.variant ?? []);
  return { results, draws: opts.mode === "psa" ? await probabilistic(model, text, file, opts) : undefined };
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
    file: basename(file),
    file_hash: hash,
    options: {
      mode: opts.mode,
      scenarios: scenarios.map((s) => s.name),
      variants: [...new Set(sim.results.map((r) => r.variant))],
      horizon_years: model.years,
      ...(opts.mode === "psa" ? { runs: opts.runs, seed: opts.seed, population_noise: opts.noise } : {}),
      ...(opts.mode === "microsim" ? { runs: opts.runs, seed: opts.seed, persons_scale: opts.personsScale ?? 1 } : {}),
    },
  };
}

/** Every file of a run, built in memory. */
function runFiles(model: Model, sim: Simulated, analyses: Analyses, meta: RunMeta, opts: RunOptions): Record<string, string> {
  const { results, draws } = sim;
  const files: Record<string, string> = {
    "yearly.csv": yearlyCsv(model, results, draws?.bands),
    "states.csv": statesCsv(model, results, draws?.bands),
    "transitions.csv": transitionsCsv(model, results),
  };
  if (analyses.breakeven.length > 0) {
    files["breakeven.csv"] = breakevenCsv(analyses.breakeven);
    files["sensitivity.csv"] = sensitivityCsv(analyses.sensitivity);
  }
  if (analyses.payback.length > 0) files["payback.csv"] = paybackCsv(analyses.payback);
  if (draws && opts.draws) files["draws.csv"] = drawsCsv(model, results, draws.values, opts.runs);
  files["results.json"] = serialiseResults(resultsDocument(model, results, meta, analyses, draws?.bands));
  return files;
}

export async function runCommand(file: string, opts: RunOptions, cmd?: Command): Promise<void> {
  // --runs: 1000 probabilistic runs by default, but 1 microsimulation replication.
  if (opts.mode === "microsim" && cmd?.getOptionValueSource("runs") !== "cli") opts = { ...opts, runs: 1 };
  if (opts.personsScale !== undefined && opts.mode !== "microsim") throw new InputError(file, "--persons-scale", ...CLI.personsScaleMicrosim);
  const { model, hash, resolvedText: text } = loadScenario(file, { horizonYears: opts.horizon });
  const scenarios = selectScenarios(model, opts.scenario ?? []);
  const sim = await simulateRun(model, text, file, opts);
  const analyses = analyse(model, scenarios, sim, opts);
  const out = opts.out ?? defaultOut(file);
  const files = runFiles(model, sim, analyses, runMeta(model, file, hash, scenarios, sim, opts), opts);
  // The what-if page of the same file (loaded once more, as explore does); the report (below) links it.
  if (opts.report) Object.assign(files, explorerFiles({ ...loadScenario(file, { horizonYears: opts.horizon }), file, version: VERSION }, status));
  writeFilesAtomically(out, files);
  // What an earlier run left here and this one did not write would no longer match: remove it before any report is drawn.
  removeStaleOutputs(out, Object.keys(files), OPTIONAL_OUTPUTS);
  // vega, vega-lite and exceljs take a while to load: only when a report is asked for.
  const reportFiles = opts.report ? await (await import("../report/write-report.js")).writeReport(out, { scenarioFile: file, resolveSets: resolveForReport }) : [];
  if (opts.quiet) return;
  for (const w of heldWarnings(model)) status(CLI.warning(w));
  printRun(model, scenarios, sim, analyses, opts);
  print(`\n${CLI.outputs([...Object.keys(files).map((f) => join(out, f)), ...reportFiles.filter((f) => !f.includes("charts"))].join(", "))}`);
}

/** The terminal summary of a run. */
function printRun(model: Model, scenarios: readonly MacroScenario[], sim: Simulated, analyses: Analyses, opts: RunOptions): void {
  const micro = opts.mode === "microsim";
  const { results, draws } = sim;
  print(TERM.runHeader(model.label, model.years, model.startYear, scenarios.length, micro, model.cycle === "month"));
  for (const note of [...model.notes, ...(micro ? model.population?.notes ?? [] : [])]) print(CLI.note(note));
  if (micro) print(TERM.microsimLine(opts.runs, opts.seed, opts.personsScale, opts.runs > 1));
  else if (draws) print(TERM.psaLine(opts.runs, opts.seed, opts.noise));
  results.forEach((r, ri) => r.variant === "baseline" && print(`\n${scenarioTable(model, r, draws ? { bands: draws.bands, index: ri } : undefined)}`));
  const overview = overviewTable(model, results);
  if (overview) print(`\n${overview}`);
  const variants = variantTable(model, results);
  if (variants) print(`\n${variants}`);
  if (analyses.breakeven.length) print(`\n${breakEvenTable(model, analyses.breakeven)}`);
  if (analyses.payback.length) print(`\n${paybackTable(model, analyses.payback, micro ? TERM.replications : TERM.draws)}`);
  const refs = referenceTable(model, results);
  if (refs) print(`\n${refs}`);
}

/** Ctrl-C while threads run: stop them, write nothing, exit 130. */
function onInterrupt(stop: () => Promise<void>): () => void {
  const handler = () => {
    process.stderr.write(`\nbijstandsim: ${CLI.interrupted}\n`);
    void stop().finally(() => process.exit(130));
  };
  process.once("SIGINT", handler);
  return () => process.off("SIGINT", handler);
}

/** The PSA runs of a `run --mode psa`, over worker threads. */
async function probabilistic(model: Model, text: string, file: string, opts: RunOptions) {
  const spec = { seed: opts.seed, noise: opts.noise, scenarios: opts.scenario ?? [], variants: opts.variant ?? [] };
  const workers = opts.workers ?? defaultWorkers();
  const release = onInterrupt(stopPsaWorkers);
  const progress = new Progress(CLI.psaProgress(opts.runs), opts.runs, opts.quiet);
  try {
    const values = await runPsa(model, {
      text, file, horizonYears: opts.horizon, spec, runs: opts.runs, workers,
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
  const started = () => opts.quiet || status(CLI.microsimStarted(opts.runs, scenarioCount, workers));
  if (workers === 1) started();
  try {
    const out = await runMicrosim(model, { seed: opts.seed, runs: opts.runs, scenarios: opts.scenario ?? [], variants: opts.variant ?? [], personsScale: opts.personsScale ?? 1 }, {
      workers,
      onProgress: (done) => progress.update(done),
      onPool: (p) => {
        pool = p;
        if (p) started();
      },
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
}

export function breakevenCommand(file: string, opts: BreakevenOptions): void {
  const { model } = loadScenario(file, { horizonYears: opts.horizon });
  const p = interventionIndex(model, opts.intervention);
  const rows = selectScenarios(model, opts.scenario ?? []).map((s) => breakEven(model, s, p));
  const out = opts.out ?? defaultOut(file);
  writeFilesAtomically(out, { [`breakeven-${model.interventions[p].name}.csv`]: breakevenCsv(rows) });
  if (!opts.quiet) print(breakEvenTable(model, rows));
}
