/**
 * The cohort engine: the expected number of persons in every state, cycle by cycle.
 *
 *   occ_t = occ_{t-1} P_t + inflow_t * entry
 *
 * New entrants arrive during cycle t and are counted in occ_t (they do not move in
 * the cycle they arrive). P_t changes with the macro drivers. Exact and cheap: the
 * reference every other engine is checked against.
 */
import { EffectRangeError, InputError } from "../model/errors.js";
import type { MacroScenario, Model } from "../model/model.js";
import { effectMultipliers } from "../macro/drivers.js";
import { combineMultipliers, compiledRows, EffectOverflowError, RowOverflowError, type SparseRows } from "./transition.js";
import { binomial, poisson, type Stream } from "../uncertainty/random.js";
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

/** Rounds shares to whole numbers that add up to `total` (largest remainder; ties to the first). */
export function largestRemainder(shares: ArrayLike<number>, total: number): number[] {
  const floors = Array.from(shares, Math.floor);
  let rest = total - floors.reduce((a, b) => a + b, 0);
  const order = Array.from(shares, (v, k) => k).sort((a, b) => shares[b] - floors[b] - (shares[a] - floors[a]) || a - b);
  for (const k of order) {
    if (rest <= 0) break;
    floors[k]++;
    rest--;
  }
  return floors;
}

/** The initial occupancy in whole persons, state totals kept as close as rounding allows. */
function wholePersons(initial: Float64Array): Float64Array {
  const total = Math.round(initial.reduce((a, b) => a + b, 0));
  return Float64Array.from(largestRemainder(initial, total));
}

/**
 * Moves participants into their traject at the start of cycle t: as many as there are
 * free places (capacity - persons in traject), taken from the eligible regular states in
 * proportion to their occupancy, while intake is `open`. Relabels occupancy in `occ`
 * (row of cycle t - 1); returns [starts, participants] (participants finish their
 * traject after intake closes, and still count).
 */
function selectParticipants(model: Model, p: number, occ: Float64Array, offset: number, open: boolean, whole: boolean): [number, number] {
  const iv = model.interventions[p];
  let inTraject = 0;
  for (let b = 0; b < model.baseCount; b++) {
    const first = iv.layerEntry[b];
    if (first < 0) continue;
    for (let j = 0; j < iv.durationCycles; j++) inTraject += occ[offset + first + j];
  }
  let eligible = 0;
  for (const b of iv.eligible) eligible += occ[offset + b];
  let starts = open ? Math.min(Math.max(0, iv.places - inTraject), eligible) : 0;
  if (whole) starts = Math.floor(starts);
  if (starts > 0) {
    const share = starts / eligible;
    const moved = Array.from(iv.eligible, (b) => occ[offset + b] * share);
    const take = whole ? largestRemainder(moved, starts) : moved;
    iv.eligible.forEach((b, k) => {
      occ[offset + b] -= take[k];
      occ[offset + iv.layerEntry[b]] += take[k];
    });
  }
  return [starts, inTraject + starts];
}

export interface ProjectOptions {
  /**
   * Population noise: whole persons, each moving at random (multinomial per state per
   * cycle), Poisson new inflow. Without it the engine computes the expectation.
   */
  noise?: Stream;
}

/** Runs one macro scenario over the model's horizon, for one variant (default: the baseline). */
export function projectCohort(model: Model, scenario: MacroScenario, variant: Variant = baselineVariant(model), options: ProjectOptions = {}): Projection {
  const noise = options.noise;
  const n = model.states.length;
  const m = model.declared.length;
  const T = model.years * model.cyclesPerYear;
  const occupancy = new Float64Array((T + 1) * n);
  occupancy.set(noise ? wholePersons(model.initial) : model.initial);
  const newInflow = new Float64Array(T);
  const flows = new Float64Array(T * (m + 1) * m);
  const P_ = model.interventions.length;
  const participants = new Float64Array(P_ * T);
  const starts = new Float64Array(P_ * T);
  const toWork = new Float64Array(P_ * T * m);
  const prevented = new Float64Array(P_ * T);
  const entering = new Float64Array(m);
  /** Intake open: the variant has the intervention and t lies within its start and end. */
  const active = (p: number, t: number) => variant.active[p] && t >= model.interventions[p].startCycle && t <= model.interventions[p].endCycle;
  const perEffect = new Float64Array(model.effects.length);
  let rows: SparseRows | undefined;
  /** Per compiled state: the intervention whose traject it is in, or -1. */
  const trajectOf = Int32Array.from(model.states, (st) => (st.layer > 0 && model.layers[st.layer].inTraject ? model.layers[st.layer].intervention : -1));
  const lastMultipliers = new Float64Array(model.effects.length);
  let built = false;
  let mult = combineMultipliers(model, perEffect.fill(1));

  for (let t = 1; t <= T; t++) {
    const year = model.startYear + Math.floor((t - 1) / model.cyclesPerYear);
    effectMultipliers(model, scenario, t, perEffect);
    if (!built || perEffect.some((f, e) => f !== lastMultipliers[e])) {
      const bad = perEffect.findIndex((f) => !(f >= 0) || !Number.isFinite(f));
      if (bad >= 0) {
        throw new InputError(model.file, model.effects[bad].path,
          `in scenario "${scenario.name}", ${year}, the multiplier is ${perEffect[bad]} (it must be 0 or more)`,
          "lower the elasticity or use form \"power\"");
      }
      mult = combineMultipliers(model, perEffect);
      try {
        rows = compiledRows(model, mult, variant);
      } catch (err) {
        if (err instanceof EffectOverflowError) {
          throw new EffectRangeError(model.file, model.interventions.find((x) => x.name === err.intervention)!.path + ".effects",
            `${err.message} (scenario "${scenario.name}", ${year})`,
            "use a hazard_ratio instead of a relative_risk (it cannot push a probability above 1), or lower the relative risk");
        }
        if (!(err instanceof RowOverflowError)) throw err;
        throw new InputError(model.file, "macro.effects", `in scenario "${scenario.name}", ${year}: ${err.message}`,
          "lower the elasticities or the driver path, or the base probabilities out of that state");
      }
      lastMultipliers.set(perEffect);
      built = true;
    }
    const prev = (t - 1) * n;
    const next = t * n;
    const flowBase = (t - 1) * (m + 1) * m;
    for (let p = 0; p < P_; p++) {
      if (!variant.active[p] || model.interventions[p].inflow) continue;
      [starts[p * T + t - 1], participants[p * T + t - 1]] = selectParticipants(model, p, occupancy, prev, active(p, t), noise !== undefined);
    }
    const { start, col, value } = rows!;
    for (let i = 0; i < n; i++) {
      const o = occupancy[prev + i];
      if (o === 0) continue;
      const di = model.declaredOf[i];
      const traject = trajectOf[i];
      // With noise, the o persons split multinomially: one conditional binomial per move.
      let left = o;
      let mass = 1;
      for (let k = start[i]; k < start[i + 1]; k++) {
        const j = col[k];
        const p = value[k];
        let moved: number;
        if (!noise) moved = o * p;
        else {
          if (left === 0) break;
          moved = k === start[i + 1] - 1 ? left : binomial(left, Math.min(1, p / mass), noise);
          left -= moved;
          mass -= p;
          if (moved === 0) continue;
        }
        occupancy[next + j] += moved;
        const dj = model.declaredOf[j];
        if (di !== dj) {
          flows[flowBase + di * m + dj] += moved;
          if (traject >= 0 && model.declaredKind[dj] === KIND_OFF && model.declaredKind[di] === KIND_ON) toWork[(traject * T + t - 1) * m + dj] += moved;
        }
      }
    }
    const expected = (model.inflowPerYear[year - model.startYear] / model.cyclesPerYear) * mult.inflow;
    const arriving = noise ? poisson(expected, noise) : expected;
    // Spread over the entry states (multinomially with noise).
    let left = arriving;
    let mass = 1;
    for (let d = 0; d < m; d++) {
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
    // Inflow prevention reaches up to its capacity among those entering its target states.
    for (let p = 0; p < P_; p++) {
      const iv = model.interventions[p];
      if (!iv.inflow || !active(p, t)) continue;
      let towardTargets = 0;
      for (let d = 0; d < m; d++) if (iv.targets[d]) towardTargets += entering[d];
      // With whole persons, a fractional capacity (110 a year = 9.17 a month) reaches its
      // fraction with that probability, so the expected reach stays right.
      const capacity = noise ? Math.floor(iv.startsPerCycle) + (noise.uniform32() < iv.startsPerCycle % 1 ? 1 : 0) : iv.startsPerCycle;
      const reached = Math.min(capacity, towardTargets);
      const stopped = noise ? binomial(reached, 1 - variant.inflowValues[p], noise) : reached * (1 - variant.inflowValues[p]);
      starts[p * T + t - 1] = reached;
      prevented[p * T + t - 1] = stopped;
      if (stopped === 0) continue;
      const shares = Array.from(entering, (e, d) => (iv.targets[d] ? (e * stopped) / towardTargets : 0));
      const removed = noise ? largestRemainder(shares, stopped) : shares;
      for (let d = 0; d < m; d++) entering[d] -= removed[d];
    }
    let total = 0;
    for (let d = 0; d < m; d++) {
      if (entering[d] === 0) continue;
      total += entering[d];
      occupancy[next + model.entryOf[d]] += entering[d];
      flows[flowBase + m * m + d] += entering[d];
    }
    newInflow[t - 1] = total;
  }
  return { scenario, cycles: T, occupancy, newInflow, flows, variant, interventions: { participants, starts, toWork, prevented } };
}
