/**
 * The cohort engine: the expected number of persons in every state, cycle by cycle,
 *
 *   occ_t = occ_{t-1} P_t + inflow_t * entry
 *
 * New entrants arrive during cycle t and are counted in occ_t (they do not move in
 * the cycle they arrive). P_t changes with the macro drivers (cycle.ts). Each cycle:
 * trajects take in participants (participants.ts), everyone moves (cohort-step.ts),
 * new inflow arrives and prevention keeps some of it out. Exact and cheap: the
 * reference every other engine is checked against. With `noise` the same cycle moves
 * whole persons at random instead (population noise).
 */
import type { MacroScenario, Model } from "../model/model.js";
import { baselineVariant, type Variant } from "../model/variant.js";
import { binomial, poisson } from "../random/samplers.js";
import type { KeyedStream, Stream } from "../random/stream.js";
import { DrawLog, moveCohort, moveCohortWithNoise, rowCells, type RowCells, type StepBuffers } from "./cohort-step.js";
import { couplings, groups, type Couplings } from "./coupling.js";
import { Pairing } from "./paired.js";
import { cycleMatrices, yearOfCycle } from "./cycle.js";
import { inTrajectStates, intakeOpen, preventInflow, startTraject } from "./participants.js";
import { wholePersons } from "./whole.js";
import { PURPOSE } from "./purposes.js";

export { largestRemainder } from "./whole.js";

export interface Projection {
  scenario: MacroScenario;
  /** Number of cycles T. */
  cycles: number;
  /** (T + 1) x n: row 0 is the initial occupancy, row t the occupancy after cycle t. */
  occupancy: Float64Array;
  /** New inflow (not re-inflow) in cycle t, t = 1..T at index t - 1. */
  newInflow: Float64Array;
  /**
   * Expected moves between declared states per cycle: T x (m + 1) x m, row m is new
   * inflow ("instroom"). Moves within a declared state (band ageing, tunnel months)
   * are not counted.
   */
  flows: Float64Array;
  variant: Variant;
  /** Per intervention p: P x T arrays (index p * T + t - 1). */
  interventions: {
    /** Persons in traject at the start of cycle t (after that cycle's starts). */
    participants: Float64Array;
    /** Persons in traject at the end of cycle t (the counting convention weighs start and end). */
    participantsEnd: Float64Array;
    starts: Float64Array;
    /** P x T x m: moves from the traject to off states (by destination), the base of premiums on work. */
    toWork: Float64Array;
    /** New inflow prevented (inflow interventions). */
    prevented: Float64Array;
  };
  /** With noise and `keepDraws`: the draws of the regular states' moves, for variants to pair with. */
  draws?: DrawLog;
}

export interface ProjectOptions {
  /**
   * Population noise: whole persons, each moving at random (multinomial per state per
   * cycle), Poisson new inflow, from streams keyed by (cycle, site, purpose), so that a
   * variant and its baseline draw alike wherever they do the same thing (and a variant
   * deals out its baseline's moves, paired.ts). Without it the engine computes the
   * expectation.
   */
  noise?: KeyedStream;
  /** With noise: the baseline's projection with the same noise, which a variant pairs with (projected here when not given). */
  baseline?: Projection;
  /** With noise, for a baseline: keep its draws in `draws`, for its variants to deal out. */
  keepDraws?: boolean;
}

/** A projection's arrays, all zero but the initial occupancy. */
function emptyProjection(model: Model, scenario: MacroScenario, variant: Variant, whole: boolean): Projection {
  const n = model.states.length;
  const m = model.declared.length;
  const T = model.years * model.cyclesPerYear;
  const P = model.interventions.length;
  const occupancy = new Float64Array((T + 1) * n);
  occupancy.set(whole ? wholePersons(model.initial) : model.initial);
  return {
    scenario,
    cycles: T,
    occupancy,
    newInflow: new Float64Array(T),
    flows: new Float64Array(T * (m + 1) * m),
    variant,
    interventions: {
      participants: new Float64Array(P * T),
      participantsEnd: new Float64Array(P * T),
      starts: new Float64Array(P * T),
      toWork: new Float64Array(P * T * m),
      prevented: new Float64Array(P * T),
    },
  };
}

const trajectOfStates = new WeakMap<Model["states"], Int32Array>();

/**
 * Per compiled state: the traject whose participants it holds (in traject, not after),
 * or -1. Kept per list of states: a drawn model shares its states with the file's.
 */
export function trajectOf(model: Model): Int32Array {
  let out = trajectOfStates.get(model.states);
  if (!out) trajectOfStates.set(model.states, (out = Int32Array.from(model.states, (st) => (st.layer > 0 && model.layers[st.layer].inTraject ? model.layers[st.layer].intervention : -1))));
  return out;
}

/** New inflow of cycle t spread over the entry states (multinomially with noise), into `entering`. */
function arrivals(model: Model, expected: number, entering: Float64Array, noise: Stream | undefined): void {
  const arriving = noise ? poisson(expected, noise) : expected;
  let left = arriving;
  let mass = 1;
  for (let d = 0; d < entering.length; d++) {
    const share = model.entry[d];
    entering[d] = 0;
    if (share === 0) continue;
    if (!noise) entering[d] = arriving * share;
    else {
      entering[d] = binomial(left, Math.min(1, share / mass), noise);
      left -= entering[d];
      mass -= share;
    }
  }
}

/** What every cycle of one projection works with. */
interface Run {
  model: Model;
  variant: Variant;
  out: Projection;
  buf: StepBuffers;
  noise?: KeyedStream;
  /** With noise and interventions: the persons whose path the variant changed (paired.ts). */
  paired?: Pairing;
  /** With `paired`: the baseline projection it pairs with (its draws kept). */
  base?: Projection;
  entering: Float64Array;
  removed: Float64Array;
}

/** Trajects take in participants at the start of cycle t. */
function intake(run: Run, t: number): void {
  const { model, variant, out, noise, paired } = run;
  const n = model.states.length;
  const T = out.cycles;
  const { participants, starts } = out.interventions;
  model.interventions.forEach((iv, p) => {
    if (!variant.active[p] || iv.kind !== "traject") return;
    const onTake = paired ? (b: number, taken: number, before: number) => paired.selected(noise!, t, b, taken, before, iv.layerEntry[b], p) : undefined;
    // The free-places stream is set before the intake and drawn from before onTake sets another.
    [starts[p * T + t - 1], participants[p * T + t - 1]] = startTraject(iv, out.occupancy, (t - 1) * n, intakeOpen(iv, variant, p, t), noise?.at(t, p, PURPOSE.freePlaces), onTake);
  });
}

/** New inflow of cycle t, less what prevention keeps out, into row t. */
function inflow(run: Run, t: number, inflowMultiplier: number): void {
  const { model, variant, out, noise, paired, entering, removed } = run;
  const n = model.states.length;
  const m = model.declared.length;
  const T = out.cycles;
  const year = yearOfCycle(model, t);
  // A paired variant's arrivals are its baseline's (the same keyed draw), read from its flows' inflow row.
  if (run.base) for (let d = 0; d < m; d++) entering[d] = run.base.flows[run.buf.flowAt + m * m + d];
  else arrivals(model, (model.inflowPerYear[year - model.startYear] / model.cyclesPerYear) * inflowMultiplier, entering, noise?.at(t, 0, PURPOSE.inflow));
  removed.fill(0);
  model.interventions.forEach((iv, p) => {
    if (iv.kind !== "prevention" || !intakeOpen(iv, variant, p, t)) return;
    [out.interventions.starts[p * T + t - 1], out.interventions.prevented[p * T + t - 1]] = preventInflow(model, p, variant.inflowValues[p], entering, noise?.at(t, p, PURPOSE.prevention), removed);
  });
  let total = 0;
  for (let d = 0; d < m; d++) {
    if (removed[d] > 0) paired?.keptOut(model.entryOf[d], removed[d]);
    if (entering[d] === 0) continue;
    total += entering[d];
    out.occupancy[t * n + model.entryOf[d]] += entering[d];
    out.flows[run.buf.flowAt + m * m + d] += entering[d];
  }
  out.newInflow[t - 1] = total;
}

/** A baseline's variants are done: its kept draws go back for the next baseline (`draws` is then gone). */
export function releaseDraws(projection: Projection): void {
  projection.draws?.release();
  projection.draws = undefined;
}

/** Runs one macro scenario over the model's horizon, for one variant (default: the baseline). */
export function projectCohort(model: Model, scenario: MacroScenario, variant: Variant = baselineVariant(model), options: ProjectOptions = {}): Projection {
  const noise = options.noise;
  const n = model.states.length;
  const m = model.declared.length;
  const out = emptyProjection(model, scenario, variant, noise !== undefined);
  const T = out.cycles;
  const trajectStates = model.interventions.map((_, p) => (variant.active[p] ? inTrajectStates(model, p) : undefined));
  const matrices = cycleMatrices(model, scenario, variant);
  const inTraject = trajectOf(model);
  const buf: StepBuffers = { occupancy: out.occupancy, flows: out.flows, flowAt: 0, toWork: out.interventions.toWork, toWorkAt: 0, toWorkStride: T * m };
  const withInterventions = noise !== undefined && model.interventions.some((_, p) => variant.active[p]);
  // The baseline's draws are dealt out again: a baseline given without them is projected again, with them (the same numbers).
  const base = withInterventions ? (options.baseline?.draws ? options.baseline : projectCohort(model, scenario, baselineVariant(model), { noise, keepDraws: true })) : undefined;
  const run: Run = { model, variant, out, buf, noise, paired: base ? new Pairing(model, base.draws!) : undefined, base, entering: new Float64Array(m), removed: new Float64Array(m) };
  if (noise && !base && options.keepDraws) out.draws = DrawLog.take();
  let coupled: Couplings | undefined;
  let cells: RowCells | undefined;
  for (let t = 1; t <= T; t++) {
    const { multipliers, rows, fresh } = matrices(t);
    if (fresh || !cells) cells = rowCells(model, rows, inTraject, buf.toWorkStride, noise !== undefined && !base);
    if (run.paired && fresh) coupled = couplings(model, rows);
    run.paired?.startCycle();
    intake(run, t);
    buf.flowAt = (t - 1) * (m + 1) * m;
    buf.toWorkAt = (t - 1) * m;
    if (run.paired) run.paired.moves(rows, cells, t, inTraject, buf, noise!, base!, groups(model), coupled);
    else if (noise) moveCohortWithNoise(model, rows, cells, t, buf, noise, out.draws);
    else moveCohort(model, rows, cells, t, buf);
    model.interventions.forEach((iv, p) => {
      if (!variant.active[p] || iv.kind !== "traject") return;
      let end = 0;
      for (const i of trajectStates[p]!) end += out.occupancy[t * n + i];
      out.interventions.participantsEnd[p * T + t - 1] = end;
    });
    inflow(run, t, multipliers.inflow);
  }
  return out;
}
