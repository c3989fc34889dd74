/**
 * Before a run starts: an estimate of its memory, computing time and largest output
 * file from the compiled model's sizes, refused when it passes a limit (exit 2, one
 * line saying what is needed, the limit and which input to lower). The estimate is
 * deliberately coarse (within a factor of about two of what the shipped scenarios and
 * the size tests measure); its job is that no input makes the tool run for hours,
 * exhaust memory or build a string JavaScript cannot hold. docs/limits.md lists the limits.
 */
import { InputError } from "../model/errors.js";
import { formatDecimal, formatNumber } from "../locale/format.js";
import { PREFLIGHT } from "../locale/messages-compile.js";
import type { Model } from "../model/model.js";

/** The texts of this module, in the run's language (locale/messages-compile.ts). */
const T = PREFLIGHT;

/** What is asked of the run. */
export interface RunPlan {
  mode: "cohort" | "psa" | "microsim";
  runs: number;
  scenarios: number;
  /** Variants including the baseline. */
  variants: number;
  /** Interventions whose break-even and sensitivity are computed. */
  analysed: number;
  draws?: boolean;
  personsScale?: number;
  /** Projections the command makes besides its results (fit: one per parameter and iteration); they cost time, not files. */
  projections?: number;
}

export const PREFLIGHT_LIMITS = {
  /** Bytes of memory a run may need (a laptop with 8 GB gives Node a heap of about 2 GB). */
  memory: 2 * 1024 ** 3,
  /** Seconds a run may take on one core of an ordinary laptop. */
  seconds: 3600,
  /** Bytes of one output file (JavaScript builds each as one string; V8 holds at most ~512 MB). */
  output: 128 * 1024 ** 2,
  /** Persons in one microsimulated population (each carries state, age, household, duration, entry). */
  persons: 50_000_000,
  /** States a microsimulation can follow (a person's state is 16 bits). */
  microsimStates: 65_535,
};

/** Nanoseconds per unit of work (a state or a move in one cycle of one projection), measured on the shipped scenarios. */
const NS_PER_UNIT = { cohort: 60, noisy: 150, person: 40, outputByte: 60 };

/** What Node and the tool's modules take before any work. */
const BASE_BYTES = 80 * 1024 ** 2;

export interface Estimate {
  bytes: number;
  seconds: number;
  /** The largest output file and its estimated size. */
  largest: { file: string; bytes: number };
  persons: number;
}

/** Moves of the per-cycle matrix over declared states (off the diagonal). */
function movesOf(model: Model): number {
  const m = model.declared.length;
  let k = 0;
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j && model.base[i * m + j] > 0) k++;
  return k;
}

/** Persons one microsimulated population holds: the initial stock and every arrival over the horizon. */
function personsOf(model: Model, scale: number): number {
  const stock = model.initial.reduce((a, b) => a + b, 0);
  const inflow = model.inflowPerYear.reduce((a, b) => a + b, 0);
  // Macro paths can raise the inflow: allow a factor of two.
  return scale * (stock + 2 * inflow);
}

function estimate(model: Model, plan: RunPlan): Estimate {
  const n = model.states.length;
  const m = model.declared.length;
  const cycles = model.years * model.cyclesPerYear;
  const moves = movesOf(model);
  const perState = moves / Math.max(1, m) + 2;
  const projection = cycles * n * perState;
  const cohortRuns = plan.scenarios * (plan.variants + 12 * plan.analysed) + (plan.projections ?? 0);
  const results = plan.scenarios * plan.variants;
  const years = model.years;
  const bands = plan.mode === "cohort" ? 1 : 5;
  const runs = plan.mode === "cohort" ? 0 : plan.runs;
  const persons = plan.mode === "microsim" ? personsOf(model, plan.personsScale ?? 1) : 0;

  let seconds = (cohortRuns * projection * NS_PER_UNIT.cohort) / 1e9;
  if (plan.mode === "psa") seconds += (runs * results * projection * NS_PER_UNIT.noisy) / 1e9;
  if (plan.mode === "microsim") seconds += (runs * plan.scenarios * (1 + 0.5 * (plan.variants - 1)) * persons * cycles * NS_PER_UNIT.person) / 1e9;

  const files: Record<string, number> = {
    "yearly.csv": results * years * 26 * 40 * bands,
    "states.csv": results * years * m * 60 * bands,
    "transitions.csv": results * years * (moves + m) * 60,
    "draws.csv": plan.draws ? runs * results * years * 130 : 0,
  };
  files["results.json"] = 2.5 * (files["yearly.csv"] + files["states.csv"] + files["transitions.csv"]);
  const largest = Object.entries(files).reduce((a, b) => (b[1] > a[1] ? b : a));

  const occupancy = 8 * (cycles + 1) * n * 3;
  const flows = 8 * cycles * (m + 1) * m * 2;
  const kept = 8 * results * years * ((m + 1) * m + 4 * m + 40) * (plan.mode === "cohort" ? 1 : 2);
  const values = plan.mode === "cohort" ? 0 : 8 * runs * results * years * (26 + 2 * m) * 2;
  const population = plan.mode === "microsim" ? 9 * persons * 4 + 12 * cycles * model.baseCount * perState * plan.scenarios : 0;
  const written = Object.values(files).reduce((a, b) => a + b, 0);
  seconds += (written * NS_PER_UNIT.outputByte) / 1e9;
  // each file is built as lines, then one string, then bytes
  const text = 3 * written;
  return { bytes: BASE_BYTES + occupancy + flows + kept + values + population + text, seconds, largest: { file: largest[0], bytes: largest[1] }, persons };
}

const gb = (bytes: number) => `${formatDecimal(bytes / 1024 ** 3, 1)} GB`;
const mb = (bytes: number) => `${formatNumber(Math.round(bytes / 1024 ** 2), 0)} MB`;
const duration = (s: number) => (s < 5400 ? T.minutes(Math.ceil(s / 60)) : T.hours(formatNumber(s / 3600, 1)));

/** The inputs that weigh most for what passed its limit, as fixes (at most three). */
function fixesFor(model: Model, plan: RunPlan, e: Estimate, what: "memory" | "time" | "output" | "persons"): string[] {
  if (what === "persons") return [T.fixes.persons];
  if (what === "output" && e.largest.file === "draws.csv") return [T.fixes.draws, T.fixes.runs];
  const out: string[] = [];
  // a microsimulation's replications weigh as much as its persons: fewer of them is the first fix
  if (plan.mode === "microsim" && what !== "output" && plan.runs > 1) out.push(T.fixes.runs);
  if (plan.mode !== "cohort" && what !== "output") out.push(plan.mode === "microsim" ? T.fixes.persons : T.fixes.runs);
  const layers = model.states.length - model.baseCount;
  if (layers > model.baseCount) out.push(T.fixes.layers);
  else if (model.baseCount > 4 * model.declared.length) out.push(T.fixes.states);
  if (model.years > 20) out.push(T.fixes.horizon);
  if (plan.scenarios * plan.variants > 10) out.push(T.fixes.scenarios);
  if (out.length === 0) out.push(T.fixes.horizon, T.fixes.states);
  return out.slice(0, 3);
}

/** Refuses a run that would pass a limit; `file` names the scenario file in the message. */
export function checkPreflight(model: Model, plan: RunPlan, file: string): void {
  const e = estimate(model, plan);
  const L = PREFLIGHT_LIMITS;
  const refuse = (what: string, kind: "memory" | "time" | "output" | "persons"): never => {
    throw new InputError(file, "", T.tooBig(what), fixesFor(model, plan, e, kind).join(T.orJoin));
  };
  if (plan.mode === "microsim" && model.baseCount > L.microsimStates) refuse(T.microsimStates(formatNumber(model.baseCount, 0), formatNumber(L.microsimStates, 0)), "time");
  if (e.persons > L.persons) refuse(T.persons(formatNumber(Math.round(e.persons), 0), formatNumber(L.persons, 0)), "persons");
  if (e.bytes > L.memory) refuse(`${T.memory}: ${T.need(gb(e.bytes), gb(L.memory))}`, "memory");
  if (e.largest.bytes > L.output) refuse(`${T.output(e.largest.file)}: ${T.need(mb(e.largest.bytes), mb(L.output))}`, "output");
  if (e.seconds > L.seconds) refuse(`${T.time}: ${T.need(duration(e.seconds), duration(L.seconds))}`, "time");
}
