/**
 * The population of one microsimulation run, drawn up front from one seeded stream:
 * the initial stock and every future entrant, each with its entry cycle. Persons are
 * typed-array columns (no object per person), ordered by entry cycle (the stock,
 * entry 0, first), so the persons present in cycle t are a prefix of the arrays.
 *
 * - Initial stock: whole persons per compiled state by largest remainder (duration
 *   bands split the on-states as the model's `initial_share` says). Months on
 *   bijstand are drawn uniformly within the person's band (the last, open band starts
 *   at its lower edge; without bands 0: the count then starts at the projection's start).
 * - New inflow: Poisson(expected inflow of the cycle) persons per cycle, each entering
 *   the state drawn from the entry distribution, band 0, 0 months on bijstand.
 * - Age (months): a band by its share, then uniform over the band's months, below the
 *   AOW age of the entry cycle (a band reaching past it is cut there). Household type
 *   by its share. Age and household are drawn independently of the state (no joint
 *   data); without a population section everyone is age 0 and household type 0.
 */
import type { AgeBands } from "../../model/model.js";
import { largestRemainder } from "../whole.js";
import { poisson } from "../../random/samplers.js";
import type { Stream } from "../../random/stream.js";
import type { PersonsPlan, PopulationPlan } from "./plan.js";

/** Persons as columns; `state`, `age` and `duration` are advanced in place by the simulation. */
export interface Persons {
  /** Compiled state. */
  state: Uint16Array;
  /** Age in months. */
  age: Uint16Array;
  household: Uint8Array;
  /** Months on bijstand in the current benefit (0 while off bijstand). */
  duration: Uint16Array;
  /** Cycle in which the person enters (0: the initial stock); non-decreasing. */
  entry: Uint16Array;
}

export const personCount = (p: Persons): number => p.state.length;

/** Persons first .. first + count - 1 (copies). */
export function slicePersons(p: Persons, first: number, count: number): Persons {
  const end = first + count;
  return {
    state: p.state.slice(first, end),
    age: p.age.slice(first, end),
    household: p.household.slice(first, end),
    duration: p.duration.slice(first, end),
    entry: p.entry.slice(first, end),
  };
}

/** Index of the first entry of `cum` above u (a categorical draw from cumulative shares). */
function pick(cum: Float64Array, u: number): number {
  let k = 0;
  while (k < cum.length - 1 && !(u < cum[k])) k++;
  return k;
}

/** Cumulative shares; from the last positive share on the sum is made 2, so rounding never picks a zero share. */
function cumulative(shares: ArrayLike<number>): Float64Array {
  const out = new Float64Array(shares.length);
  let c = 0;
  let last = 0;
  for (let k = 0; k < shares.length; k++) {
    out[k] = c += shares[k];
    if (shares[k] > 0) last = k;
  }
  out.fill(2, last);
  return out;
}

/** Draws the whole population of one run from `rng`. */
export function generatePopulation(plan: PersonsPlan, pop: PopulationPlan, rng: Stream): Persons {
  const S = plan.states;
  const T = plan.cycles;
  const stockTotal = Math.round(pop.initial.reduce((a, b) => a + b, 0));
  const stock = largestRemainder(pop.initial, stockTotal);
  const arrivals = new Int32Array(T + 1);
  let total = stockTotal;
  for (let t = 1; t <= T; t++) total += arrivals[t] = poisson(pop.inflow[t - 1], rng);

  const persons: Persons = {
    state: new Uint16Array(total),
    age: new Uint16Array(total),
    household: new Uint8Array(total),
    duration: new Uint16Array(total),
    entry: new Uint16Array(total),
  };
  const entryCum = cumulative(pop.entry);
  const householdCum = cumulative(pop.householdShare);
  const stockAges = pop.ages ? { bands: pop.ages, cum: cumulative(pop.ages.share) } : null;
  const inflowAges = pop.inflowAges ? { bands: pop.inflowAges, cum: cumulative(pop.inflowAges.share) } : null;
  const drawAge = (ages: { bands: AgeBands; cum: Float64Array } | null, limit: number): number => {
    if (!ages) return 0;
    const k = pick(ages.cum, rng.uniform32());
    const from = ages.bands.from[k];
    const to = Math.min(ages.bands.to[k] < 0 ? limit : ages.bands.to[k], limit);
    return from + Math.floor(rng.uniform32() * Math.max(1, to - from));
  };
  const lastEdge = pop.bandEdges.length - 1;

  let p = 0;
  for (let i = 0; i < S; i++) {
    const b = pop.band[i];
    for (let k = 0; k < stock[i]; k++, p++) {
      persons.state[p] = i;
      persons.age[p] = drawAge(stockAges, plan.aowMonths[0]);
      persons.household[p] = pick(householdCum, rng.uniform32());
      if (b >= 0 && b < lastEdge) {
        const lo = pop.bandEdges[b];
        persons.duration[p] = lo + Math.floor(rng.uniform32() * (pop.bandEdges[b + 1] - lo));
      } else if (b >= 0) persons.duration[p] = pop.bandEdges[b];
    }
  }
  for (let t = 1; t <= T; t++) {
    for (let k = 0; k < arrivals[t]; k++, p++) {
      persons.state[p] = pop.entryOf[pick(entryCum, rng.uniform32())];
      persons.age[p] = drawAge(inflowAges, plan.aowMonths[t]);
      persons.household[p] = pick(householdCum, rng.uniform32());
      persons.entry[p] = t;
    }
  }
  return persons;
}
