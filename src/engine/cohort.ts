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
import type { Stream } from "../random/stream.js";
import { moveCohort, type StepBuffers } from "./cohort-step.js";
import { cycleMatrices, yearOfCycle } from "./cycle.js";
import { inTrajectStates, intakeOpen, preventInflow, startTraject } from "./participants.js";
import { wholePersons } from "./whole.js";

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
}

export interface ProjectOptions {
  /**
   * Population noise: whole persons, each moving at random (multinomial per state per
   * cycle), Poisson new inflow. Without it the engine computes the expectation.
   */
  noise?: Stream;
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

/** Per compiled state: the traject whose participants it holds (in traject, not after), or -1. */
export function trajectOf(model: Model): Int32Array {
  return Int32Array.from(model.states, (st) => (st.layer > 0 && model.layers[st.layer].inTraject ? model.layers[st.layer].intervention : -1));
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

/** Runs one macro scenario over the model's horizon, for one variant (default: the baseline). */
export function projectCohort(model: Model, scenario: MacroScenario, variant: Variant = baselineVariant(model), options: ProjectOptions = {}): Projection {
  const noise = options.noise;
  const n = model.states.length;
  const m = model.declared.length;
  const out = emptyProjection(model, scenario, variant, noise !== undefined);
  const T = out.cycles;
  const { participants, participantsEnd, starts, prevented } = out.interventions;
  const trajectStates = model.interventions.map((_, p) => inTrajectStates(model, p));
  const matrices = cycleMatrices(model, scenario, variant);
  const inTraject = trajectOf(model);
  const entering = new Float64Array(m);
  const buf: StepBuffers = { occupancy: out.occupancy, flows: out.flows, flowAt: 0, toWork: out.interventions.toWork, toWorkAt: 0, toWorkStride: T * m };
  for (let t = 1; t <= T; t++) {
    const { multipliers, rows } = matrices(t);
    model.interventions.forEach((iv, p) => {
      if (!variant.active[p] || iv.kind !== "traject") return;
      [starts[p * T + t - 1], participants[p * T + t - 1]] = startTraject(model, p, out.occupancy, (t - 1) * n, intakeOpen(iv, variant, p, t), noise !== undefined);
    });
    buf.flowAt = (t - 1) * (m + 1) * m;
    buf.toWorkAt = (t - 1) * m;
    moveCohort(model, rows, t, inTraject, buf, noise);
    model.interventions.forEach((iv, p) => {
      if (!variant.active[p] || iv.kind !== "traject") return;
      let end = 0;
      for (const i of trajectStates[p]) end += out.occupancy[t * n + i];
      participantsEnd[p * T + t - 1] = end;
    });
    const year = yearOfCycle(model, t);
    arrivals(model, (model.inflowPerYear[year - model.startYear] / model.cyclesPerYear) * multipliers.inflow, entering, noise);
    model.interventions.forEach((iv, p) => {
      if (iv.kind !== "prevention" || !intakeOpen(iv, variant, p, t)) return;
      [starts[p * T + t - 1], prevented[p * T + t - 1]] = preventInflow(model, p, variant.inflowValues[p], entering, noise);
    });
    let total = 0;
    for (let d = 0; d < m; d++) {
      if (entering[d] === 0) continue;
      total += entering[d];
      out.occupancy[t * n + model.entryOf[d]] += entering[d];
      out.flows[buf.flowAt + m * m + d] += entering[d];
    }
    out.newInflow[t - 1] = total;
  }
  return out;
}
