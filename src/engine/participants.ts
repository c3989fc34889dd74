/**
 * Interventions in the cohort engine, per kind (model.ts, InterventionKind):
 * - traject: at the start of a cycle, free places are filled from the eligible regular
 *   states, in proportion to their occupancy, while intake is open;
 * - prevention: of the persons about to enter the intervention's target states, up to
 *   its reach is met, and a share of them stays out.
 */
import type { Intervention, Model } from "../model/model.js";
import type { Variant } from "../model/variant.js";
import { binomial } from "../random/samplers.js";
import type { Stream } from "../random/stream.js";
import { largestRemainder } from "./whole.js";

/** The compiled states that hold intervention p's participants while in traject (months 1..D). */
export function inTrajectStates(model: Model, p: number): Int32Array {
  const out: number[] = [];
  model.states.forEach((st, i) => {
    const layer = model.layers[st.layer];
    if (st.layer > 0 && layer.intervention === p && layer.inTraject) out.push(i);
  });
  return Int32Array.from(out);
}

/** Intake open: the variant runs the intervention and cycle t lies within its start and end. */
export const intakeOpen = (iv: Intervention, variant: Variant, p: number, t: number): boolean => variant.active[p] && t >= iv.startCycle && t <= iv.endCycle;

/** Persons in traject `iv` (months 1..D) and persons in its eligible states, in the occupancy row at `offset`. */
export function trajectCounts(iv: Intervention, occ: Float64Array, offset: number): { inTraject: number; eligible: number } {
  let inTraject = 0;
  for (let b = 0; b < iv.layerEntry.length; b++) {
    const first = iv.layerEntry[b];
    if (first < 0) continue;
    for (let j = 0; j < iv.durationCycles; j++) inTraject += occ[offset + first + j];
  }
  let eligible = 0;
  for (const b of iv.eligible) eligible += occ[offset + b];
  return { inTraject, eligible };
}

/**
 * Moves participants of traject `iv` into their traject at the start of cycle t: as many
 * as there are free places (capacity - persons in traject), taken from the eligible
 * regular states in proportion to their occupancy, while intake is `open`. Relabels
 * occupancy in `occ` (row of cycle t - 1 at `offset`); returns [starts, participants]
 * (participants finish their traject after intake closes, and still count).
 * With `noise` (whole persons) a fraction of a free place is filled with that
 * probability, as in the microsimulation, so that the expected intake stays right.
 * `onTake(b, taken, before)` hears of every state persons were taken from.
 */
export function startTraject(iv: Intervention, occ: Float64Array, offset: number, open: boolean, noise: Stream | undefined, onTake?: (b: number, taken: number, before: number) => void): [number, number] {
  const { inTraject, eligible } = trajectCounts(iv, occ, offset);
  let starts = open ? Math.min(Math.max(0, iv.places - inTraject), eligible) : 0;
  if (noise) {
    const fraction = starts % 1;
    starts = Math.floor(starts) + (fraction > 0 && noise.uniform() < fraction ? 1 : 0);
  }
  if (starts > 0) {
    const share = starts / eligible;
    const moved = Array.from(iv.eligible, (b) => occ[offset + b] * share);
    const take = noise ? largestRemainder(moved, starts) : moved;
    iv.eligible.forEach((b, k) => {
      if (take[k] === 0) return;
      onTake?.(b, take[k], occ[offset + b]);
      occ[offset + b] -= take[k];
      occ[offset + iv.layerEntry[b]] += take[k];
    });
  }
  return [starts, inTraject + starts];
}

/**
 * Prevention p in cycle t: reaches up to its capacity among those `entering` (per
 * declared state) its target states, of whom the share 1 - rr stays out; `entering`
 * is lowered in place (and the persons kept out are added to `removed`, per declared
 * state, when given). Returns [reached, prevented].
 */
export function preventInflow(model: Model, p: number, rr: number, entering: Float64Array, noise: Stream | undefined, removed?: Float64Array): [number, number] {
  const iv = model.interventions[p];
  const m = model.declared.length;
  let towardTargets = 0;
  for (let d = 0; d < m; d++) if (iv.targets[d]) towardTargets += entering[d];
  // With whole persons, a fractional capacity (110 a year = 9.17 a month) reaches its
  // fraction with that probability, so the expected reach stays right.
  const capacity = noise ? Math.floor(iv.startsPerCycle) + (noise.uniform32() < iv.startsPerCycle % 1 ? 1 : 0) : iv.startsPerCycle;
  const reached = Math.min(capacity, towardTargets);
  const stopped = noise ? binomial(reached, 1 - rr, noise) : reached * (1 - rr);
  if (stopped > 0) {
    const shares = Array.from(entering, (e, d) => (iv.targets[d] ? (e * stopped) / towardTargets : 0));
    const out = noise ? largestRemainder(shares, stopped) : shares;
    for (let d = 0; d < m; d++) {
      entering[d] -= out[d];
      if (removed) removed[d] += out[d];
    }
  }
  return [reached, stopped];
}
