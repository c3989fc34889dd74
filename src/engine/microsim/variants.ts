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
import type { Persons } from "./population.js";

/** A person the variant does not hold (kept out by prevention). */
export const ABSENT = 0xffff;

/** Purposes of the keyed streams, added to the job's first purpose (job.ts, PairingKey). */
const SELECT = 0;
const COUPLE = 1;
const TWIN = 2;
const PREVENT = 3;

/** The per-cycle state of one variant of one population. */
export class VariantPersons {
  /** Compiled state per person (regular or participant sub-state), ABSENT if kept out. */
  readonly state: Uint16Array;
  private readonly duration: Uint16Array;
  /** Age in months at entry (persons.ts advances the baseline's ages in place, and stops at an exit). */
  private readonly age0: Uint16Array;
  /** Persons per compiled state now. */
  private readonly occ: Float64Array;
  private readonly trajectOf: Int32Array;
  private readonly inTraject: Int32Array[];
  private readonly variant: Variant;
  /** coupledMove's scratch row. */
  private readonly scratch: Float64Array;
  /**
   * Per person, 1 while in step with their baseline self: the same state and months on
   * bijstand (and so, with the same age, the same move). Such a person's move is the
   * baseline's result, read instead of worked out again.
   */
  private readonly lockstep: Uint8Array;
  /** move()'s counts of one cycle per (compiled state, household). */
  private readonly cycleCounts: Int32Array;

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
    this.variant = vp.variants[k];
    this.scratch = new Float64Array(model.baseCount);
    this.state = persons.state.slice();
    this.duration = persons.duration.slice();
    this.age0 = persons.age.slice();
    this.lockstep = new Uint8Array(persons.state.length).fill(1);
    this.cycleCounts = new Int32Array(vp.model.states.length * plan.households);
    this.occ = new Float64Array(model.states.length);
    this.trajectOf = trajectOf(model);
    this.inTraject = model.interventions.map((_, p) => inTrajectStates(model, p));
    const { entry, household } = persons;
    const H = plan.households;
    const n = model.states.length;
    for (let p = 0; p < entry.length && entry[p] === 0; p++) {
      this.occ[this.state[p]]++;
      out[layout.occupancy + this.state[p] * H + household[p]]++;
    }
    if (out.length !== layout.size || layout.occupancy + (plan.cycles + 1) * n * H > layout.flows) throw new RangeError("variant counts buffer does not fit the model");
  }

  /** Cycle t: trajects take in participants (from the `present` persons), everyone moves, the cycle's entrants arrive. */
  cycle(t: number, present: number, arrived: number, prev: Uint16Array, drawn: Uint16Array, table: number): void {
    this.intake(t, present);
    this.move(t, present, prev, drawn, table);
    this.arrive(t, present, arrived);
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
  private intake(t: number, present: number): void {
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
        if (starts > 0) this.select(iv, starts, present, rng);
      }
      this.out[L.starts + p * T + t - 1] += starts;
      this.out[L.participants + p * T + t - 1] += inTraject + starts;
    });
  }

  /** Per intervention, 1 for its eligible regular states: built once, read every cycle with starts. */
  private readonly masks = new Map<Intervention, Uint8Array>();
  /** The persons select() draws from, reused from cycle to cycle. */
  private readonly pool: number[] = [];

  private eligibleMask(iv: Intervention): Uint8Array {
    let mask = this.masks.get(iv);
    if (!mask) {
      mask = new Uint8Array(this.vp.model.baseCount);
      for (const b of iv.eligible) mask[b] = 1;
      this.masks.set(iv, mask);
    }
    return mask;
  }

  /** `starts` persons drawn at random from persons [0, present) in iv's eligible states enter month 1 of its traject. */
  private select(iv: Intervention, starts: number, present: number, rng: KeyedStream): void {
    const nb = this.vp.model.baseCount;
    const eligible = this.eligibleMask(iv);
    const pool = this.pool;
    pool.length = 0;
    for (let i = 0; i < present; i++) if (this.state[i] < nb && eligible[this.state[i]]) pool.push(i); // ABSENT and participants are >= nb
    for (let j = 0; j < starts; j++) {
      const pick = j + Math.floor(rng.uniform() * (pool.length - j));
      [pool[j], pool[pick]] = [pool[pick], pool[j]];
      const b = this.state[pool[j]];
      this.state[pool[j]] = iv.layerEntry[b];
      this.lockstep[pool[j]] = 0;
      this.occ[b]--;
      this.occ[iv.layerEntry[b]]++;
    }
  }

  /** Cycle t's moves of persons [0, present): `prev` and `drawn` are the baseline's states before and its kernel's draw. */
  private move(t: number, present: number, prev: Uint16Array, drawn: Uint16Array, table: number): void {
    const { model } = this.vp;
    const { cycleMonths: cm, households: H, aowExit, cycles: T } = this.plan;
    const { entry, household } = this.persons;
    const age = this.age0;
    const aow = this.plan.aowMonths[t];
    const rows = this.vp.rows[this.k][table];
    const coupled = this.vp.couplings[this.k][table];
    const n = model.states.length;
    const L = this.layout;
    const occupancy = L.occupancy + t * n * H;
    const { kindOf, declaredOf } = model;
    const { lockstep, duration } = this;
    // The baseline's persons have made this cycle's moves (persons.ts, movePersons).
    const { state: baseState, duration: baseDuration } = this.persons;
    const m = this.plan.declared;
    const flows = L.flows + (t - 1) * (m + 1) * m;
    // Counted per (state, household) in 32-bit integers during the loop, then added to the run's counts once.
    const { state, occ, cycleCounts, out } = this;
    let aowExits = 0;
    for (let p = 0; p < present; p++) {
      const v = state[p];
      if (v === ABSENT) continue;
      let to = v;
      if (lockstep[p] === 1) {
        // In step with the baseline self, who was in a regular state: their move, and no traject to count.
        to = baseState[p];
        if (kindOf[v] !== KIND_EXIT) {
          duration[p] = baseDuration[p];
          if (to === aowExit && kindOf[v] === KIND_ON && age[p] + cm * (t - entry[p]) >= aow) aowExits++;
          if (declaredOf[v] !== declaredOf[to]) out[flows + declaredOf[v] * m + declaredOf[to]]++;
        }
      } else if (kindOf[v] !== KIND_EXIT) {
        to = this.moveOne(t, p, v, prev[p], drawn[p], rows, coupled);
        if (age[p] + cm * (t - entry[p]) >= aow) {
          to = aowExit;
          if (kindOf[v] === KIND_ON) aowExits++;
        }
        to = this.afterMove(p, v, to);
        this.record(t, v, to);
        if (to === baseState[p] && duration[p] === baseDuration[p]) lockstep[p] = 1; // the paths have joined
      }
      state[p] = to;
      cycleCounts[to * H + household[p]]++;
    }
    out[L.aowExits + t - 1] += aowExits;
    for (let i = 0; i < n; i++) {
      let persons = 0;
      for (let k = i * H; k < (i + 1) * H; k++) {
        persons += cycleCounts[k];
        out[occupancy + k] += cycleCounts[k];
        cycleCounts[k] = 0;
      }
      occ[i] = persons;
    }
    model.interventions.forEach((_, q) => {
      if (!this.variant.active[q]) return;
      let end = 0;
      for (const i of this.inTraject[q]) end += this.occ[i];
      this.out[L.participantsEnd + q * T + t - 1] += end;
    });
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
    const L = this.layout;
    this.out[L.flows + ((t - 1) * (m + 1) + df) * m + dt]++;
    const traject = this.trajectOf[from];
    if (traject >= 0 && declaredKind[dt] === KIND_OFF && declaredKind[df] === KIND_ON) this.out[L.toWork + (traject * this.plan.cycles + t - 1) * m + dt]++;
  }

  /** The entrants of cycle t, persons [present, arrived): prevention keeps some out, the others arrive. */
  private arrive(t: number, present: number, arrived: number): void {
    const { model } = this.vp;
    model.interventions.forEach((iv, p) => {
      if (iv.kind === "prevention" && intakeOpen(iv, this.variant, p, t)) this.prevent(t, p, iv, present, arrived);
    });
    const { households: H, declared: m } = this.plan;
    const n = model.states.length;
    const L = this.layout;
    for (let p = present; p < arrived; p++) {
      const s = this.state[p];
      if (s === ABSENT) continue;
      this.occ[s]++;
      this.out[L.occupancy + (t * n + s) * H + this.persons.household[p]]++;
      this.out[L.flows + ((t - 1) * (m + 1) + m) * m + model.declaredOf[s]]++;
      this.out[L.newInflow + t - 1]++;
    }
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
        this.state[toward[j]] = ABSENT;
        stopped++;
      }
    }
    const T = this.plan.cycles;
    this.out[this.layout.starts + p * T + t - 1] += reached;
    this.out[this.layout.prevented + p * T + t - 1] += stopped;
  }
}
