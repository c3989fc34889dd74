/**
 * Population noise for a variant, paired with its baseline: the variant is simulated as
 * its baseline's realisation plus the persons whose path the intervention changed.
 *
 * Every person of the variant is either *common* (in the same regular state as a person
 * of the baseline: their moves are the baseline's own draws, dealt out at random within
 * each state; a participant among them keeps that move or is moved by the intervention,
 * coupling.ts) or half of a *twin*: a person whose variant path left the baseline path
 * (moved by the intervention, or kept out of bijstand by prevention). A twin's two
 * sides move together by the maximal coupling of their two rows: the variant side makes
 * its baseline side's move whenever its own row allows, so the two paths join again as
 * soon as they can (both leave for work, both reach the AOW exit, ...), and the pair
 * becomes common again.
 *
 * Every person's moves keep their exact distribution (a dealt move is a random person's
 * draw; a coupled move has the variant row's distribution), so the variant is as
 * random as it should be; what the intervention changes is only the twins, so the
 * difference with the baseline depends on the parameter draws and on the persons the
 * intervention actually moves. With no effect there are no twins, and the variant is
 * its baseline, to the person.
 */
import type { Model } from "../model/model.js";
import { binomial, hypergeometric } from "../random/samplers.js";
import type { KeyedStream } from "../random/stream.js";
import { record, recordEntry, type DrawLog, type RowCells, type StepBuffers } from "./cohort-step.js";
import { baseOf, type Couplings, type Groups } from "./coupling.js";
import type { SparseRows } from "./transition.js";
import { PURPOSE } from "./purposes.js";

/** What a variant reads of its baseline's projection (cohort.ts Projection). */
interface Baseline {
  occupancy: Float64Array;
  flows: Float64Array;
}

/** A person whose variant path differs from the baseline path: its regular state in the baseline, its compiled state in the variant (-1: not in the variant). */
interface Twin {
  id: number;
  base: number;
  variant: number;
  /** The baseline side's move in this cycle (a regular state), once dealt. */
  baseDest: number;
}

/** Up to this many participants of a sub-state are dealt their moves one by one (participants()). */
const ONE_BY_ONE = 32;

export class Pairing {
  private twins: Twin[] = [];
  private nextId = 0;
  /** Per compiled state: how many twins have their variant side there. */
  private readonly atVariant: Int32Array;
  /** The twins by their baseline side's regular state b: byBase[baseStart[b] .. baseStart[b + 1]), in twin order. */
  private readonly baseStart: Int32Array;
  private byBase: Twin[] = [];
  /** startCycle's scratch, and whether it placed any twins last time. */
  private readonly fill: Int32Array;
  private placed = false;

  /** coupledMove's scratch row. */
  private readonly scratch: Float64Array;
  /** One state's counts of the baseline's draw, dealt out to the variant's persons. */
  private readonly counts: Float64Array;
  /** Per move of a row: participants dealt one by one who kept it. */
  private readonly scratchKept: Float64Array;

  /** `draws`: the baseline's draws (cohort-step.ts), dealt out again. */
  constructor(private readonly model: Model, private readonly draws: DrawLog) {
    this.scratch = new Float64Array(model.baseCount);
    this.counts = new Float64Array(model.states.length);
    this.scratchKept = new Float64Array(model.states.length);
    this.atVariant = new Int32Array(model.states.length);
    this.baseStart = new Int32Array(model.baseCount + 1);
    this.fill = new Int32Array(model.baseCount);
  }

  /** How many persons the variant holds outside the baseline's paths (for tests and notes). */
  get size(): number {
    return this.twins.length;
  }

  /** Before cycle t's intake and moves: where the twins are (most cycles have few). */
  startCycle(): void {
    const { twins, atVariant, baseStart, fill } = this;
    if (twins.length === 0 && !this.placed) return; // no twins now or last cycle: all zeros already
    this.placed = twins.length > 0;
    atVariant.fill(0);
    baseStart.fill(0);
    for (const tw of twins) {
      if (tw.variant >= 0) atVariant[tw.variant]++;
      baseStart[tw.base + 1]++;
    }
    for (let b = 0; b < this.model.baseCount; b++) baseStart[b + 1] += baseStart[b];
    if (this.byBase.length < twins.length) this.byBase = new Array<Twin>(2 * twins.length);
    for (let b = 0; b < this.model.baseCount; b++) fill[b] = baseStart[b];
    for (const tw of twins) this.byBase[fill[tw.base]++] = tw;
  }

  /**
   * `taken` of the `before` persons in regular state b start a traject (entering its
   * sub-state `entry`): the twins among them are a random draw, like everyone else.
   */
  selected(noise: KeyedStream, t: number, b: number, taken: number, before: number, entry: number, p: number): void {
    if (this.atVariant[b] === 0) return;
    const here = this.twins.filter((tw) => tw.variant === b);
    const rng = noise.at(t, b, PURPOSE.select + p);
    let left = before;
    for (let j = 0; j < taken && here.length > 0; j++, left--) {
      if (rng.uniform() * left >= here.length) continue;
      const tw = here.splice(Math.floor(rng.uniform() * here.length), 1)[0];
      tw.variant = entry;
      this.atVariant[b]--;
      this.atVariant[entry]++;
    }
  }

  /** `count` persons entering regular state `entry` in the baseline are kept out of the variant. */
  keptOut(entry: number, count: number): void {
    for (let k = 0; k < count; k++) this.twins.push({ id: this.nextId++, base: entry, variant: -1, baseDest: -1 });
  }

  /**
   * Cycle t's moves of the variant into `buf.occupancy` row t (and the flows), from its
   * baseline's projection and kept draws. The variant starts from the baseline's row t
   * without its new inflow: everyone where their baseline self is makes the same move.
   * Only in the regular states that hold twins' baseline sides or common participants
   * does anything change: the moves dealt to those persons are taken back, and the
   * participants and twins make their own. Whole persons add up exactly, so this is
   * the same as moving every person.
   */
  moves(rows: SparseRows, cells: RowCells, t: number, trajectOf: Int32Array, buf: StepBuffers, noise: KeyedStream, baseline: Baseline, groups: Groups, coupled: Couplings | undefined): void {
    const model = this.model;
    const n = model.states.length;
    const prev = (t - 1) * n;
    const next = t * n;
    this.fromBaseline(baseline, t, buf);
    const existing = this.twins; // replaced, not changed, below
    const created: Twin[] = [];
    for (let b = 0; b < model.baseCount; b++) {
      const total = baseline.occupancy[prev + b];
      if (total === 0) continue;
      const twins = this.baseStart[b + 1] - this.baseStart[b];
      let participants = false;
      for (let g = groups.start[b] + 1; g < groups.start[b + 1] && !participants; g++) participants = buf.occupancy[prev + groups.member[g]] > this.atVariant[groups.member[g]];
      if (twins === 0 && !participants) continue;
      const len = this.baselineDraw(t, b, total);
      const first = rows.start[b];
      let unassigned = total;
      // The twins' baseline sides take their share of the baseline's moves.
      if (twins) {
        const rng = noise.at(t, b, PURPOSE.dealTwins);
        for (let j = this.baseStart[b]; j < this.baseStart[b + 1]; j++) {
          const k = deal(rng, this.counts, len, unassigned--);
          this.byBase[j].baseDest = rows.col[first + k];
        }
      }
      // Common participants: a dealt move, kept or changed by the intervention.
      for (let g = groups.start[b] + 1; g < groups.start[b + 1]; g++) {
        const L = groups.member[g];
        const persons = buf.occupancy[prev + L] - this.atVariant[L];
        if (persons <= 0) continue;
        unassigned = this.participants(L, persons, unassigned, len, rows.col, first, noise.at(t, L, PURPOSE.participants), coupled!, trajectOf, buf, next, created);
      }
      // The moves dealt out here are not the common persons': take them back.
      const from = this.draws.values;
      const at = this.draws.at(t, b);
      for (let k = 0; k < len; k++) {
        const dealt = from[at + k] - this.counts[k];
        if (dealt === 0) continue;
        buf.occupancy[next + rows.col[first + k]] -= dealt;
        recordEntry(cells, buf, first + k, -dealt);
      }
    }
    // The twins' variant sides follow their baseline sides where their rows allow.
    const kept: Twin[] = [];
    for (const tw of existing) {
      if (tw.variant >= 0) {
        const dest = coupledMove(model, rows, noise.at(t, tw.id, PURPOSE.twinMove), tw.base, tw.baseDest, tw.variant, this.scratch);
        buf.occupancy[next + dest]++;
        record(model, buf, trajectOf, tw.variant, dest, 1);
        tw.variant = dest;
      }
      tw.base = tw.baseDest;
      if (tw.variant < 0 || model.states[tw.variant].base !== tw.base) kept.push(tw); // else the paths have joined
    }
    this.twins = [...kept, ...created];
  }

  /** Row t and cycle t's flows of the baseline, less its new inflow of cycle t (the variant adds its own). */
  private fromBaseline(baseline: Baseline, t: number, buf: StepBuffers): void {
    const model = this.model;
    const n = model.states.length;
    const m = model.declared.length;
    const { occupancy, flows, flowAt } = buf;
    // Copied by hand: subarray() views cost more than these short rows.
    for (let i = t * n; i < (t + 1) * n; i++) occupancy[i] = baseline.occupancy[i];
    for (let k = flowAt; k < flowAt + (m + 1) * m; k++) flows[k] = baseline.flows[k];
    // Row m of the flows block is the new inflow: a baseline has no prevention, so it holds all its arrivals.
    for (let d = 0; d < m; d++) {
      const entering = flows[flowAt + m * m + d];
      if (entering === 0) continue;
      occupancy[t * n + model.entryOf[d]] -= entering;
      flows[flowAt + m * m + d] = 0;
    }
  }

  /**
   * The `persons` common participants of sub-state L are dealt `persons` of the
   * `unassigned` moves left in `counts` (b's row, its columns in `cols` from `first`),
   * at random without replacement. Of those dealt move k, each keeps it with
   * probability keep_k; each of the others is moved by the intervention and becomes a
   * twin. A few persons are dealt one by one (a uniform each); many as counts per move
   * (multivariate hypergeometric, move by move, then a binomial number keep it), which
   * is the same distribution at a cost that does not grow with the persons.
   * Returns the moves left unassigned.
   */
  private participants(L: number, persons: number, unassigned: number, len: number, cols: Int32Array, first: number, rng: KeyedStream, c: Couplings, trajectOf: Int32Array, buf: StepBuffers, next: number, created: Twin[]): number {
    const counts = this.counts;
    const at = c.at[L];
    if (persons <= ONE_BY_ONE) {
      const kept = this.scratchKept;
      for (let person = 0; person < persons; person++) {
        const k = deal(rng, counts, len, unassigned--);
        const keep = c.keep[at + k];
        if (keep < 1 && rng.uniform() >= keep) this.changed(L, residual(rng, c, L), cols[first + k], trajectOf, buf, next, created);
        else kept[k]++;
      }
      // Whole persons add up exactly: the kept moves are counted once per move.
      for (let k = 0; k < len; k++) {
        if (kept[k] === 0) continue;
        buf.occupancy[next + c.dest[at + k]] += kept[k];
        record(this.model, buf, trajectOf, L, c.dest[at + k], kept[k]);
        kept[k] = 0;
      }
      return unassigned;
    }
    let left = persons;
    let pool = unassigned;
    for (let k = 0; k < len && left > 0; k++) {
      const dealt = k === len - 1 ? left : hypergeometric(pool, counts[k], left, rng);
      pool -= counts[k];
      counts[k] -= dealt;
      left -= dealt;
      if (dealt === 0) continue;
      const keep = c.keep[at + k];
      const kept = keep < 1 ? binomial(dealt, keep, rng) : dealt;
      if (kept > 0) {
        buf.occupancy[next + c.dest[at + k]] += kept;
        record(this.model, buf, trajectOf, L, c.dest[at + k], kept);
      }
      for (let j = kept; j < dealt; j++) this.changed(L, residual(rng, c, L), cols[first + k], trajectOf, buf, next, created);
    }
    return unassigned - persons;
  }

  /** A participant of L moved by the intervention to `dest` while its baseline self makes the move to `base`: a new twin. */
  private changed(L: number, dest: number, base: number, trajectOf: Int32Array, buf: StepBuffers, next: number, created: Twin[]): void {
    created.push({ id: this.nextId++, base, variant: dest, baseDest: -1 });
    buf.occupancy[next + dest]++;
    record(this.model, buf, trajectOf, L, dest, 1);
  }

  /** The baseline's counts of regular state b in cycle t (they add up to its `total` persons) into `counts`; returns how many. */
  private baselineDraw(t: number, b: number, total: number): number {
    const from = this.draws.values;
    const at = this.draws.at(t, b);
    let len = 0;
    for (let sum = 0; sum < total; len++) sum += this.counts[len] = from[at + len];
    return len;
  }
}

/** One person's move out of the `unassigned` moves left in `counts`, at random; takes it from counts. */
export function deal(rng: KeyedStream, counts: Float64Array, len: number, unassigned: number): number {
  let u = rng.uniform() * unassigned;
  let k = 0;
  while (k < len - 1 && u >= counts[k]) u -= counts[k++];
  counts[k]--;
  return k;
}

/** A move from participant state L's residual (what the intervention adds to its odds). */
export function residual(rng: KeyedStream, c: Couplings, L: number): number {
  const v = rng.uniform();
  let r = c.residualStart[L];
  while (r < c.residualStart[L + 1] - 1 && v >= c.residualCum[r]) r++;
  return c.residualDest[r];
}

/**
 * The variant side's move (from compiled state `v`), coupled to its baseline side's move
 * from regular state `b` to regular state `d`: the same regular destination with
 * probability min(1, q(d) / p(d)), else a destination where q exceeds p. `scratch`
 * (model.baseCount entries, all 0) holds b's row by destination meanwhile.
 */
export function coupledMove(model: Model, rows: SparseRows, rng: KeyedStream, b: number, d: number, v: number, scratch: Float64Array): number {
  const { start, col, value } = rows;
  const baseOfState = baseOf(model);
  for (let k = start[b]; k < start[b + 1]; k++) scratch[col[k]] += value[k];
  let qd = 0;
  let same = -1;
  let excess = 0; // where the variant row gives more than the baseline row
  for (let k = start[v]; k < start[v + 1]; k++) {
    const r = baseOfState[col[k]];
    if (r === d) (qd = value[k]), (same = col[k]);
    excess += Math.max(0, value[k] - scratch[r]);
  }
  const pd = scratch[d];
  let to = col[start[v + 1] - 1];
  if (same >= 0 && (qd >= pd || rng.uniform() * pd < qd)) to = same;
  else {
    let u = rng.uniform() * excess;
    for (let k = start[v]; k < start[v + 1]; k++) {
      u -= Math.max(0, value[k] - scratch[baseOfState[col[k]]]);
      if (u < 0) {
        to = col[k];
        break;
      }
    }
  }
  for (let k = start[b]; k < start[b + 1]; k++) scratch[col[k]] = 0;
  return to;
}
