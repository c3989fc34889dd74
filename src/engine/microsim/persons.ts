/**
 * The scenario microsimulation of a range of person blocks: each cycle, the kernel
 * (step.ts, one step per call) draws every present person's next compiled state from
 * the cycle's alias table; then persons.ts applies what the chain cannot know:
 *
 * 1. Entry. A person enters in their entry cycle e: they arrive during cycle e, are
 *    counted at its end and first move in cycle e + 1 (as the cohort engine's inflow).
 *    Persons not yet entered keep their state whatever the kernel drew.
 * 2. AOW. Age goes up by the cycle's months; a person not in an exit state who reaches
 *    the AOW age of the cycle's year moves to the AOW exit state in that cycle,
 *    whatever the draw (so someone AOW - 1 month old leaves in the next monthly cycle).
 *    This holds for off states too: at the AOW age wage subsidies and sheltered work
 *    end, and nobody returns to bijstand.
 * 3. Exact duration bands. Months on bijstand go up by the cycle's months while a
 *    person stays on bijstand (ladder moves included) and restart at 0 on leaving, so a
 *    re-inflow starts a new benefit in band 0 (as in the cohort model). After the move,
 *    a person on bijstand is put in the band of their months on bijstand.
 *
 * Outputs are integer counts, so the counts of block ranges add up exactly whatever
 * the split: occupancy per (cycle, compiled state, household type), moves between
 * declared states per cycle, new inflow and AOW exits per cycle.
 *
 * Random streams: block b (persons b * blockSize ..) draws from xoshiro128** seeded by
 * splitmix64(seed + b), one u32 per person per cycle, for every person of every block
 * that holds someone who entered before the cycle (entered persons are a prefix, since
 * persons are ordered by entry cycle). Which blocks draw therefore depends only on the
 * blocks themselves, never on how they are split over calls or threads.
 */
import { KIND_EXIT, KIND_ON } from "../../model/model.js";
import { seedBlockStreams, STREAM_WORDS } from "../../random/stream.js";
import { advanceBlocks, kernelWorkspace } from "./step.js";
import type { Persons } from "./population.js";
import type { PersonsPlan } from "./plan.js";
import { countsLayout, type CountsLayout } from "./counts.js";

/** The baseline's counts of one cycle, for a follower to start from: persons per (state, household), moves ((m + 1) x m, row m the arrivals), AOW exits from bijstand. */
export interface CycleCounts {
  counts: Int32Array;
  flows: Int32Array;
  aowExits: number;
}

/**
 * What follows the baseline's persons cycle by cycle (a variant, variants.ts). In cycle
 * t, persons [0, present) move from `prev` by the kernel's `drawn` and [present,
 * arrived) arrive: `beforeMove` is called after the kernel's draw and before the
 * baseline's persons take their moves (their months on bijstand are still those before
 * the move), `cycle` after, with the baseline's counts of the cycle.
 */
export interface CycleFollower {
  beforeMove(t: number, present: number, prev: Uint16Array): void;
  cycle(t: number, present: number, arrived: number, prev: Uint16Array, drawn: Uint16Array, table: number, base: CycleCounts): void;
}

/** A range of whole blocks of one run's population. */
export interface PersonsUnit {
  /** The range's persons (advanced in place). */
  persons: Persons;
  /** Index of the range's first block in the run's population. */
  firstBlock: number;
  /** Base seed of the run's block streams (block b: splitmix64(seed + b)). */
  seed: bigint;
}

/**
 * Simulates a block range over all cycles; adds its counts to `out` (countsLayout(plan).size).
 * `variants` (whole populations only: trajects select among everyone) follow the
 * baseline's draws each cycle (variants.ts).
 */
export function simulatePersons(plan: PersonsPlan, unit: PersonsUnit, blockSize: number, out: Float64Array, variants: readonly CycleFollower[] = []): void {
  const { state, age, household, duration, entry } = unit.persons;
  const N = state.length;
  const S = plan.states;
  const H = plan.households;
  const m = plan.declared;
  const T = plan.cycles;
  const layout = countsLayout(plan);
  if (out.length !== layout.size) throw new RangeError(`counts buffer has ${out.length} entries, needs ${layout.size}`);
  const { declaredOf, aowMonths, matrixOfStep } = plan;
  for (let p = 1; p < N; p++) {
    if (entry[p] < entry[p - 1]) throw new RangeError(`persons must be ordered by entry cycle (person ${unit.firstBlock * blockSize + p})`);
  }
  const blocks = Math.ceil(N / blockSize);
  const streams = seedBlockStreams(unit.seed, unit.firstBlock, blocks);
  const prev = new Uint16Array(N);
  const drawn = new Uint16Array(variants.length ? N : 0);
  const kernelCounts = new Float64Array(S);
  const cycleCounts = new Int32Array(S * H);
  const cycleFlows = new Int32Array((m + 1) * m);
  // Persons in exit states (absorbing), per (state, household): counted as a whole every
  // cycle instead of one by one (movePersons leaves them out).
  const settled = new Int32Array(S * H);
  const { kindOf } = plan;
  const workspace = kernelWorkspace(plan.sampler, blockSize); // the tables are copied in once
  const tableOfStep = new Int32Array(1);

  // Cycle 0: the initial stock.
  let entered = 0; // persons with entry <= t (a prefix)
  while (entered < N && entry[entered] === 0) {
    out[layout.occupancy + state[entered] * H + household[entered]]++;
    if (kindOf[state[entered]] === KIND_EXIT) settled[state[entered] * H + household[entered]]++;
    entered++;
  }

  for (let t = 1; t <= T; t++) {
    // Persons who entered before cycle t move; their blocks draw.
    const moving = entered;
    const kernelEnd = Math.min(N, Math.ceil(moving / blockSize) * blockSize);
    while (entered < N && entry[entered] <= t) entered++;
    if (kernelEnd > 0) {
      prev.set(state.subarray(0, kernelEnd));
      const kernelBlocks = kernelEnd === N ? blocks : kernelEnd / blockSize;
      tableOfStep[0] = matrixOfStep[t - 1];
      advanceBlocks({
        sampler: plan.sampler,
        states: state.subarray(0, kernelEnd),
        streams: streams.subarray(0, kernelBlocks * STREAM_WORDS),
        blockSize,
        steps: 1,
        matrixOfStep: tableOfStep,
        occupancy: kernelCounts,
        firstPerson: unit.firstBlock * blockSize,
        workspace,
      });
    }
    // Persons [0, moving) moved in the kernel; [moving, entered) arrive in cycle t;
    // [entered, kernelEnd) had their state drawn but enter later: undo the draw.
    for (let p = entered; p < kernelEnd; p++) state[p] = prev[p];
    for (let p = moving; p < entered; p++) {
      if (p < kernelEnd) state[p] = prev[p];
      // An arrival in an exit state (it stays there) is counted with `settled`, from this cycle on.
      if (kindOf[state[p]] === KIND_EXIT) settled[state[p] * H + household[p]]++;
      else cycleCounts[state[p] * H + household[p]]++;
      cycleFlows[m * m + declaredOf[state[p]]]++;
    }
    if (variants.length) drawn.set(state.subarray(0, moving));
    for (const v of variants) v.beforeMove(t, moving, prev);
    out[layout.newInflow + t - 1] += entered - moving;
    const aowExits = movePersons(plan, moving, aowMonths[t], prev, state, age, duration, household, cycleCounts, cycleFlows, settled);
    for (let k = 0; k < S * H; k++) cycleCounts[k] += settled[k];
    out[layout.aowExits + t - 1] += aowExits;
    for (const v of variants) v.cycle(t, moving, entered, prev, drawn, matrixOfStep[t - 1], { counts: cycleCounts, flows: cycleFlows, aowExits });
    addCycle(out, layout, t, cycleCounts, cycleFlows);
  }
}

/** Adds cycle t's counts (S x H persons, (m + 1) x m moves) to `out` and clears them. */
function addCycle(out: Float64Array, layout: CountsLayout, t: number, cycleCounts: Int32Array, cycleFlows: Int32Array): void {
  const occ = layout.occupancy + t * cycleCounts.length;
  for (let k = 0; k < cycleCounts.length; k++) {
    out[occ + k] += cycleCounts[k];
    cycleCounts[k] = 0;
  }
  const flows = layout.flows + (t - 1) * cycleFlows.length;
  for (let k = 0; k < cycleFlows.length; k++) {
    out[flows + k] += cycleFlows[k];
    cycleFlows[k] = 0;
  }
}

/**
 * Persons 0 .. count - 1 after the kernel's draw of one cycle: AOW, months on bijstand
 * and bands; adds them to the cycle's counts (S x H) and moves ((m + 1) x m). Persons
 * in an exit state stay there and are not counted here: those who reach one now are
 * added to `settled` (S x H), which holds them all.
 * Returns the number of AOW exits from bijstand.
 */
function movePersons(
  plan: PersonsPlan,
  count: number,
  aow: number,
  prev: Uint16Array,
  state: Uint16Array,
  age: Uint16Array,
  duration: Uint16Array,
  household: Uint8Array,
  cycleCounts: Int32Array,
  cycleFlows: Int32Array,
  settled: Int32Array,
): number {
  const { declaredOf, kindOf, bandBase, bandOfMonths, aowExit, cycleMonths: cm, households: H, declared: m } = plan;
  const maxBandMonths = bandOfMonths.length - 1;
  let aowExits = 0;
  for (let p = 0; p < count; p++) {
    const from = prev[p];
    const kf = kindOf[from];
    if (kf === KIND_EXIT) continue; // absorbing: counted in `settled`
    let to = state[p];
    const a = age[p] + cm;
    age[p] = a;
    if (a >= aow) {
      to = aowExit;
      if (kf === KIND_ON) aowExits++;
    }
    if (kindOf[to] === KIND_ON) {
      // Months on bijstand: + cm while staying on; a re-inflow starts at 0.
      const d = kf === KIND_ON ? Math.min(duration[p] + cm, 0xffff) : 0;
      duration[p] = d;
      const b0 = bandBase[to];
      if (b0 >= 0) to = b0 + bandOfMonths[d < maxBandMonths ? d : maxBandMonths];
    } else if (kf === KIND_ON) duration[p] = 0;
    state[p] = to;
    const df = declaredOf[from];
    const dt = declaredOf[to];
    if (df !== dt) cycleFlows[df * m + dt]++;
    if (kindOf[to] === KIND_EXIT) settled[to * H + household[p]]++;
    else cycleCounts[to * H + household[p]]++;
  }
  return aowExits;
}
