/**
 * Interventions in the microsimulation, paired with the baseline person by person.
 *
 * A variant follows the same persons as its baseline (the same population, ages,
 * households and entry cycles) and reuses every draw the baseline makes wherever the
 * variant does the same thing:
 *
 * - a person in the same regular state as their baseline self makes the baseline's
 *   move (the kernel's draw);
 * - a participant (a sub-state of that regular state) keeps the baseline's move or is
 *   moved by the intervention, by the maximal coupling of the two rows (coupling.ts);
 * - a person whose path the intervention changed (in another state than their
 *   baseline self) makes the variant row's move coupled to the baseline's move, so the
 *   two paths join again as soon as the rows allow (paired.ts, coupledMove).
 *
 * Everything the intervention itself decides uses streams keyed by (cycle, site,
 * purpose) of the replication (random/stream.ts, KeyedStream): who is selected for a
 * traject (a random draw among the persons in each eligible state), who is reached by
 * prevention and stays out. A person's baseline draws never depend on who was selected.
 * With no effect nobody leaves the baseline path: the variant is its baseline, person
 * for person, and its BUIG effect is exactly zero.
 *
 * The work follows the persons out of step only: a person in step with their baseline
 * self (the same state and months on bijstand) makes the same move, so the variant's
 * counts of a cycle are the baseline's, less the baseline selves of the persons out of
 * step, plus those persons. A traject's few hundred participants then cost the variant a
 * few hundred moves a cycle, not a population's.
 *
 * Capacity and intake windows follow the cohort engine (participants.ts); the persons
 * taken in are drawn at random from everyone eligible; prevention reaches its
 * capacity (a fractional capacity with that probability) among the entrants of the
 * cycle heading for its target states, and each reached person stays out with
 * probability 1 - rr.
 */
import { KIND_EXIT, KIND_OFF, KIND_ON, type Intervention } from "../../model/model.js";
import type { Variant } from "../../model/variant.js";
import type { KeyedStream } from "../../random/stream.js";
import { trajectOf } from "../cohort.js";
import type { Couplings } from "../coupling.js";
import { coupledMove, residual } from "../paired.js";
import { inTrajectStates, intakeOpen, trajectCounts } from "../participants.js";
import type { SparseRows } from "../transition.js";
import type { CountsLayout } from "./counts.js";
import type { PersonsPlan, VariantsPlan } from "./plan.js";
import type { CycleCounts, CycleFollower } from "./persons.js";
import type { Persons } from "./population.js";

/** A person the variant does not hold (kept out by prevention). */
export const ABSENT = 0xffff;

/** Purposes of the keyed streams, added to the job's first purpose (job.ts, PairingKey). */
const SELECT = 0;
const COUPLE = 1;
const TWIN = 2;
const PREVENT = 3;

/** The per-cycle state of one variant of one population. */
export class VariantPersons implements CycleFollower {
  /**
   * Compiled state per person (regular or participant sub-state), ABSENT if kept out.
   * Read for persons out of step (`lockstep` 0: a person in step is where their baseline
   * self is) and for the cycle's entrants, whose state before they arrive is the copy's
   * (prevention reads it): so it starts as a copy of the baseline's states, not zeros.
   */
  private readonly state: Uint16Array;
  /** Months on bijstand, for persons out of step. */
  private readonly duration: Uint16Array;
  /** Age in months at entry (persons.ts advances the baseline's ages in place, and stops at an exit). */
  private readonly age0: Uint16Array;
  /**
   * Per person, 1 while in step with their baseline self: the same state and months on
   * bijstand, and so (with the same age and the same draw) the same move. The persons in
   * step are counted as the baseline counts them; only the others are moved here.
   */
  private readonly lockstep: Uint8Array;
  /** The persons out of step, in no particular order: [0, outOfStep). */
  private others: Int32Array;
  private outOfStep = 0;
  /** Persons per compiled state at the end of the last cycle. */
  private readonly occ: Float64Array;
  /** This cycle's counts less the baseline's, per (compiled state, household) and per move ((m + 1) x m). */
  private readonly delta: Int32Array;
  private readonly flowDelta: Int32Array;
  private aowDelta = 0;
  private arrivalsKeptOut = 0;
  private readonly trajectOf: Int32Array;
  private readonly inTraject: Int32Array[];
  private readonly variant: Variant;
  /** coupledMove's scratch row. */
  private readonly scratch: Float64Array;

  constructor(
    private readonly plan: PersonsPlan,
    private readonly vp: VariantsPlan,
    private readonly k: number,
    private readonly persons: Persons,
    private readonly noise: KeyedStream,
    private readonly purpose: number,
    private readonly out: Float64Array,
    private readonly layout: CountsLayout,
  ) {
    const model = vp.model;
    const n = model.states.length;
    const H = plan.households;
    this.variant = vp.variants[k];
    this.scratch = new Float64Array(model.baseCount);
    this.state = persons.state.slice();
    this.duration = persons.duration.slice();
    this.age0 = persons.age.slice();
    this.lockstep = new Uint8Array(persons.state.length).fill(1);
    this.others = new Int32Array(64);
    this.occ = new Float64Array(n);
    this.delta = new Int32Array(n * H);
    this.flowDelta = new Int32Array((plan.declared + 1) * plan.declared);
    this.trajectOf = trajectOf(model);
    this.inTraject = model.interventions.map((_, p) => inTrajectStates(model, p));
    const { entry, household } = persons;
    for (let p = 0; p < entry.length && entry[p] === 0; p++) {
      this.occ[this.state[p]]++;
      out[layout.occupancy + this.state[p] * H + household[p]]++;
    }
    if (out.length !== layout.size || layout.occupancy + (plan.cycles + 1) * n * H > layout.flows) throw new RangeError("variant counts buffer does not fit the model");
    if (plan.states > n) throw new RangeError("the baseline has more states than its variant");
  }

  /** Start of cycle t, before the baseline's persons move: trajects take in participants from the `present` persons. */
  beforeMove(t: number, present: number, prev: Uint16Array): void {
    this.intake(t, present, prev);
  }

  /** Cycle t after the baseline's moves: the persons out of step move, the entrants arrive, and the cycle is counted. */
  cycle(t: number, present: number, arrived: number, prev: Uint16Array, drawn: Uint16Array, table: number, base: CycleCounts): void {
    this.move(t, present, prev, drawn, table);
    this.arrive(t, present, arrived);
    this.count(t, arrived - present, base);
  }

  private at(t: number, site: number, purpose: number): KeyedStream {
    return this.noise.at(t, site, this.purpose + purpose);
  }

  /**
   * Start of cycle t: every traject of the variant fills its free places (a fractional
   * number of free places with that probability) with persons drawn at random from
   * everyone in its eligible states, so each state gives in proportion to its
   * occupancy on average, as in the cohort engine.
   */
  private intake(t: number, present: number, prev: Uint16Array): void {
    const { model } = this.vp;
    const T = this.plan.cycles;
    const L = this.layout;
    model.interventions.forEach((iv, p) => {
      if (!this.variant.active[p] || iv.kind !== "traject") return;
      const { inTraject, eligible } = trajectCounts(iv, this.occ, 0);
      let starts = 0;
      if (intakeOpen(iv, this.variant, p, t)) {
        const rng = this.at(t, p, SELECT);
        const free = Math.max(0, iv.places - inTraject);
        starts = Math.min(Math.floor(free) + (rng.uniform() < free % 1 ? 1 : 0), eligible);
        if (starts > 0) this.select(iv, starts, present, prev, rng);
      }
      this.out[L.starts + p * T + t - 1] += starts;
      this.out[L.participants + p * T + t - 1] += inTraject + starts;
    });
  }

  /** Per intervention, 1 for its eligible regular states: built once, read every cycle with starts. */
  private readonly masks = new Map<Intervention, Uint8Array>();
  /** The persons select() draws from, reused from cycle to cycle. */
  private pool = new Int32Array(0);

  private eligibleMask(iv: Intervention): Uint8Array {
    let mask = this.masks.get(iv);
    if (!mask) {
      mask = new Uint8Array(this.vp.model.baseCount);
      for (const b of iv.eligible) mask[b] = 1;
      this.masks.set(iv, mask);
    }
    return mask;
  }

  /**
   * `starts` persons drawn at random from persons [0, present) in iv's eligible states
   * enter month 1 of its traject (a person in step is in their baseline self's state
   * before the move, `prev`, with their months on bijstand).
   */
  private select(iv: Intervention, starts: number, present: number, prev: Uint16Array, rng: KeyedStream): void {
    const nb = this.vp.model.baseCount;
    const eligible = this.eligibleMask(iv);
    const { lockstep, state } = this;
    if (this.pool.length < present) this.pool = new Int32Array(Math.max(present, 2 * this.pool.length));
    const pool = this.pool;
    let size = 0;
    for (let i = 0; i < present; i++) {
      const s = lockstep[i] === 1 ? prev[i] : state[i];
      if (s < nb && eligible[s] === 1) pool[size++] = i; // ABSENT and participants are >= nb
    }
    for (let j = 0; j < starts; j++) {
      const pick = j + Math.floor(rng.uniform() * (size - j));
      const chosen = pool[pick];
      pool[pick] = pool[j];
      pool[j] = chosen;
      const p = pool[j];
      const b = lockstep[p] === 1 ? prev[p] : state[p];
      if (lockstep[p] === 1) this.leaveStep(p, this.persons.duration[p]); // the baseline has not moved yet: months before the move
      state[p] = iv.layerEntry[b];
      this.occ[b]--;
      this.occ[iv.layerEntry[b]]++;
    }
  }

  /** Person p is no longer in step with their baseline self, with `months` on bijstand. */
  private leaveStep(p: number, months: number): void {
    this.lockstep[p] = 0;
    this.duration[p] = months;
    if (this.outOfStep === this.others.length) {
      const bigger = new Int32Array(2 * this.others.length);
      bigger.set(this.others);
      this.others = bigger;
    }
    this.others[this.outOfStep++] = p;
  }

  /**
   * Cycle t's moves of the persons out of step who were present (`prev` and `drawn`: the
   * baseline's states before and its kernel's draw): each takes the place of their
   * baseline self in the counts. One whose path has joined the baseline's again is in
   * step from now on.
   */
  private move(t: number, present: number, prev: Uint16Array, drawn: Uint16Array, table: number): void {
    const { model } = this.vp;
    const { kindOf, declaredOf } = model;
    const { cycleMonths: cm, households: H, aowExit, declared: m } = this.plan;
    const { entry, household, state: baseState, duration: baseDuration } = this.persons; // the baseline's, after its moves
    const { state, duration, lockstep, delta, flowDelta, others } = this;
    const age = this.age0;
    const aow = this.plan.aowMonths[t];
    const rows = this.vp.rows[this.k][table];
    const coupled = this.vp.couplings[this.k][table];
    let kept = 0;
    for (let j = 0; j < this.outOfStep; j++) {
      const p = others[j];
      if (p >= present) {
        others[kept++] = p;
        continue;
      }
      // The baseline self's part of the counts (persons.ts, movePersons) is taken back.
      const hh = household[p];
      const b = prev[p];
      const bTo = baseState[p];
      delta[bTo * H + hh]--;
      if (kindOf[b] !== KIND_EXIT) {
        if (declaredOf[b] !== declaredOf[bTo]) flowDelta[declaredOf[b] * m + declaredOf[bTo]]--;
        if (kindOf[b] === KIND_ON && age[p] + cm * (t - entry[p]) >= aow) this.aowDelta--;
      }
      const v = state[p];
      if (v === ABSENT) {
        others[kept++] = p;
        continue;
      }
      let to = v;
      if (kindOf[v] !== KIND_EXIT) {
        to = this.moveOne(t, p, v, b, drawn[p], rows, coupled);
        if (age[p] + cm * (t - entry[p]) >= aow) {
          to = aowExit;
          if (kindOf[v] === KIND_ON) this.aowDelta++;
        }
        to = this.afterMove(p, v, to);
        this.record(t, v, to);
      }
      state[p] = to;
      delta[to * H + hh]++;
      if (to === bTo && duration[p] === baseDuration[p]) lockstep[p] = 1; // the paths have joined
      else others[kept++] = p;
    }
    this.outOfStep = kept;
  }

  /** One person's move from compiled state v, given their baseline self's move b -> d. */
  private moveOne(t: number, p: number, v: number, b: number, d: number, rows: SparseRows, c: Couplings): number {
    if (v === b) return d;
    const model = this.vp.model;
    if (model.states[v].base !== b || c.at[v] < 0) return coupledMove(model, rows, this.at(t, p, TWIN), b, d, v, this.scratch);
    let k = rows.start[b];
    while (k < rows.start[b + 1] && rows.col[k] !== d) k++;
    if (k === rows.start[b + 1]) throw new Error(`the baseline moved from state ${b} to ${d}, which its row does not have`);
    const e = c.at[v] + k - rows.start[b];
    const rng = this.at(t, p, COUPLE);
    return c.keep[e] < 1 && rng.uniform() >= c.keep[e] ? residual(rng, c, v) : c.dest[e];
  }

  /** Months on bijstand and the exact duration band after a move from v to `to` (as persons.ts does for the baseline). */
  private afterMove(p: number, v: number, to: number): number {
    const model = this.vp.model;
    const { bandBase, bandOfMonths, cycleMonths: cm } = this.plan;
    if (model.kindOf[to] !== KIND_ON) {
      if (model.kindOf[v] === KIND_ON) this.duration[p] = 0;
      return to;
    }
    const d = model.kindOf[v] === KIND_ON ? Math.min(this.duration[p] + cm, 0xffff) : 0;
    this.duration[p] = d;
    const st = model.states[to];
    const b0 = bandBase[st.base];
    if (b0 < 0) return to;
    const base = b0 + bandOfMonths[Math.min(d, bandOfMonths.length - 1)];
    if (st.layer === 0) return base;
    const layer = model.layers[st.layer];
    return model.interventions[layer.intervention].layerEntry[base] + layer.month - 1;
  }

  /** A move between declared states, and from a traject to work. */
  private record(t: number, from: number, to: number): void {
    const { declaredOf, declaredKind } = this.vp.model;
    const df = declaredOf[from];
    const dt = declaredOf[to];
    if (df === dt) return;
    const m = this.plan.declared;
    this.flowDelta[df * m + dt]++; // added to the baseline's moves in count()
    const traject = this.trajectOf[from];
    if (traject >= 0 && declaredKind[dt] === KIND_OFF && declaredKind[df] === KIND_ON) this.out[this.layout.toWork + (traject * this.plan.cycles + t - 1) * m + dt]++;
  }

  /** The entrants of cycle t, persons [present, arrived): prevention keeps some out (their baseline selves arrive). */
  private arrive(t: number, present: number, arrived: number): void {
    const { model } = this.vp;
    model.interventions.forEach((iv, p) => {
      if (iv.kind === "prevention" && intakeOpen(iv, this.variant, p, t)) this.prevent(t, p, iv, present, arrived);
    });
  }

  /** Prevention p reaches up to its capacity among the entrants heading for its targets; each stays out with probability 1 - rr. */
  private prevent(t: number, p: number, iv: Intervention, present: number, arrived: number): void {
    const { model } = this.vp;
    const toward: number[] = [];
    for (let i = present; i < arrived; i++) if (this.state[i] !== ABSENT && iv.targets[model.declaredOf[this.state[i]]]) toward.push(i);
    const rng = this.at(t, p, PREVENT);
    const capacity = Math.floor(iv.startsPerCycle) + (rng.uniform() < iv.startsPerCycle % 1 ? 1 : 0);
    const reached = Math.min(capacity, toward.length);
    const stay = this.variant.inflowValues[p];
    let stopped = 0;
    for (let j = 0; j < reached; j++) {
      const pick = j + Math.floor(rng.uniform() * (toward.length - j));
      [toward[j], toward[pick]] = [toward[pick], toward[j]];
      if (rng.uniform() >= stay) {
        this.keepOut(toward[j]);
        stopped++;
      }
    }
    const T = this.plan.cycles;
    this.out[this.layout.starts + p * T + t - 1] += reached;
    this.out[this.layout.prevented + p * T + t - 1] += stopped;
  }

  /** Entrant p stays out of bijstand: their baseline self's arrival is taken back from the counts. */
  private keepOut(p: number): void {
    const m = this.plan.declared;
    const s = this.state[p];
    this.delta[s * this.plan.households + this.persons.household[p]]--;
    this.flowDelta[m * m + this.vp.model.declaredOf[s]]--;
    this.arrivalsKeptOut++;
    this.state[p] = ABSENT;
    this.leaveStep(p, this.duration[p]);
  }

  /**
   * Cycle t's counts: the baseline's (`base`) plus this variant's differences; then the
   * persons per state, for the next intake and the participants at the end of the cycle.
   */
  private count(t: number, arrivals: number, base: CycleCounts): void {
    const { model } = this.vp;
    const { households: H, declared: m, cycles: T } = this.plan;
    const n = model.states.length;
    const L = this.layout;
    const { out, occ, delta, flowDelta } = this;
    const baseEnd = this.plan.states * H;
    const occupancy = L.occupancy + t * n * H;
    for (let i = 0; i < n; i++) {
      let persons = 0;
      for (let k = i * H; k < (i + 1) * H; k++) {
        const c = (k < baseEnd ? base.counts[k] : 0) + delta[k];
        out[occupancy + k] += c;
        persons += c;
        delta[k] = 0;
      }
      occ[i] = persons;
    }
    const flows = L.flows + (t - 1) * (m + 1) * m;
    for (let k = 0; k < (m + 1) * m; k++) {
      out[flows + k] += base.flows[k] + flowDelta[k];
      flowDelta[k] = 0;
    }
    out[L.aowExits + t - 1] += base.aowExits + this.aowDelta;
    out[L.newInflow + t - 1] += arrivals - this.arrivalsKeptOut;
    this.aowDelta = 0;
    this.arrivalsKeptOut = 0;
    model.interventions.forEach((_, q) => {
      if (!this.variant.active[q]) return;
      let end = 0;
      for (const i of this.inTraject[q]) end += occ[i];
      out[L.participantsEnd + q * T + t - 1] += end;
    });
  }
}
