/**
 * The cohort engine: the expected number of persons in every state, cycle by cycle.
 *
 *   occ_t = occ_{t-1} P_t + inflow_t * entry
 *
 * New entrants arrive during cycle t and are counted in occ_t (they do not move in
 * the cycle they arrive). P_t changes with the macro drivers. Exact and cheap: the
 * reference every other engine is checked against.
 */
import { InputError } from "../model/errors.js";
import type { MacroScenario, Model } from "../model/model.js";
import { effectMultipliers } from "../macro/drivers.js";
import { combineMultipliers, compiledMatrix, EffectOverflowError, RowOverflowError } from "./transition.js";
import { KIND_OFF, KIND_ON } from "../model/model.js";
import { baselineVariant, type Variant } from "../interventions/variant.js";

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
    /** Persons in traject during cycle t (after that cycle's starts). */
    participants: Float64Array;
    starts: Float64Array;
    /** P x T x m: moves from the traject to off states (by destination), the base of premiums on work. */
    toWork: Float64Array;
    /** New inflow prevented (inflow interventions). */
    prevented: Float64Array;
  };
}

/**
 * Moves participants into their traject at the start of cycle t: as many as there are
 * free places (capacity - persons in traject), taken from the eligible regular states in
 * proportion to their occupancy, while intake is `open`. Relabels occupancy in `occ`
 * (row of cycle t - 1); returns [starts, participants] (participants finish their
 * traject after intake closes, and still count).
 */
function selectParticipants(model: Model, p: number, occ: Float64Array, offset: number, open: boolean): [number, number] {
  const iv = model.interventions[p];
  let inTraject = 0;
  for (let b = 0; b < model.baseCount; b++) {
    const first = iv.layerEntry[b];
    if (first < 0) continue;
    for (let j = 0; j < iv.durationCycles; j++) inTraject += occ[offset + first + j];
  }
  let eligible = 0;
  for (const b of iv.eligible) eligible += occ[offset + b];
  const starts = open ? Math.min(Math.max(0, iv.places - inTraject), eligible) : 0;
  if (starts > 0) {
    const share = starts / eligible;
    for (const b of iv.eligible) {
      const moved = occ[offset + b] * share;
      occ[offset + b] -= moved;
      occ[offset + iv.layerEntry[b]] += moved;
    }
  }
  return [starts, inTraject + starts];
}

/** Runs one macro scenario over the model's horizon, for one variant (default: the baseline). */
export function projectCohort(model: Model, scenario: MacroScenario, variant: Variant = baselineVariant(model)): Projection {
  const n = model.states.length;
  const m = model.declared.length;
  const T = model.years * model.cyclesPerYear;
  const occupancy = new Float64Array((T + 1) * n);
  occupancy.set(model.initial);
  const newInflow = new Float64Array(T);
  const flows = new Float64Array(T * (m + 1) * m);
  const P_ = model.interventions.length;
  const participants = new Float64Array(P_ * T);
  const starts = new Float64Array(P_ * T);
  const toWork = new Float64Array(P_ * T * m);
  const prevented = new Float64Array(P_ * T);
  /** Intake open: the variant has the intervention and t lies within its start and end. */
  const active = (p: number, t: number) => variant.active[p] && t >= model.interventions[p].startCycle && t <= model.interventions[p].endCycle;
  const perEffect = new Float64Array(model.effects.length);
  const P = new Float64Array(n * n);
  let lastKey: string | null = null; // no matrix built yet
  let mult = combineMultipliers(model, perEffect.fill(1));

  for (let t = 1; t <= T; t++) {
    const year = model.startYear + Math.floor((t - 1) / model.cyclesPerYear);
    effectMultipliers(model, scenario, t, perEffect);
    const key = perEffect.join(",");
    if (key !== lastKey) {
      const bad = perEffect.findIndex((f) => !(f >= 0) || !Number.isFinite(f));
      if (bad >= 0) {
        throw new InputError(model.file, model.effects[bad].path,
          `in scenario "${scenario.name}", ${year}, the multiplier is ${perEffect[bad]} (it must be 0 or more)`,
          "lower the elasticity or use form \"power\"");
      }
      mult = combineMultipliers(model, perEffect);
      try {
        compiledMatrix(model, mult, P, variant);
      } catch (err) {
        if (err instanceof EffectOverflowError) {
          throw new InputError(model.file, model.interventions.find((x) => x.name === err.intervention)!.path + ".effects",
            `${err.message} (scenario "${scenario.name}", ${year})`,
            "use a hazard_ratio instead of a relative_risk (it cannot push a probability above 1), or lower the relative risk");
        }
        if (!(err instanceof RowOverflowError)) throw err;
        throw new InputError(model.file, "macro.effects", `in scenario "${scenario.name}", ${year}: ${err.message}`,
          "lower the elasticities or the driver path, or the base probabilities out of that state");
      }
      lastKey = key;
    }
    const prev = (t - 1) * n;
    const next = t * n;
    const flowBase = (t - 1) * (m + 1) * m;
    for (let p = 0; p < P_; p++) {
      if (!variant.active[p] || model.interventions[p].inflow) continue;
      [starts[p * T + t - 1], participants[p * T + t - 1]] = selectParticipants(model, p, occupancy, prev, active(p, t));
    }
    for (let i = 0; i < n; i++) {
      const o = occupancy[prev + i];
      if (o === 0) continue;
      const di = model.declaredOf[i];
      const layer = model.states[i].layer;
      const traject = layer > 0 && model.layers[layer].inTraject ? model.layers[layer].intervention : -1;
      for (let j = 0; j < n; j++) {
        const p = P[i * n + j];
        if (p === 0) continue;
        const moved = o * p;
        occupancy[next + j] += moved;
        const dj = model.declaredOf[j];
        if (di !== dj) {
          flows[flowBase + di * m + dj] += moved;
          if (traject >= 0 && model.declaredKind[dj] === KIND_OFF && model.declaredKind[di] === KIND_ON) toWork[(traject * T + t - 1) * m + dj] += moved;
        }
      }
    }
    let arriving = (model.inflowPerYear[year - model.startYear] / model.cyclesPerYear) * mult.inflow;
    for (let p = 0; p < P_; p++) {
      const iv = model.interventions[p];
      if (!iv.inflow || !active(p, t)) continue;
      const reached = Math.min(iv.startsPerCycle, arriving);
      const stopped = reached * (1 - variant.inflowValues[p]);
      starts[p * T + t - 1] = reached;
      prevented[p * T + t - 1] = stopped;
      arriving -= stopped;
    }
    newInflow[t - 1] = arriving;
    for (let d = 0; d < m; d++) {
      const share = model.entry[d];
      if (share === 0) continue;
      occupancy[next + model.entryOf[d]] += arriving * share;
      flows[flowBase + m * m + d] += arriving * share;
    }
  }
  return { scenario, cycles: T, occupancy, newInflow, flows, variant, interventions: { participants, starts, toWork, prevented } };
}
