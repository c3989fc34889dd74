/**
 * The per-cycle transition matrix over compiled states, built from the declared
 * per-cycle matrix, the macro multipliers of this cycle, duration bands and re-inflow
 * tunnels. Pure; the cohort engine calls it whenever the multipliers change.
 */
import { COMPILE } from "../locale/messages-compile.js";
import { KIND_EXIT, KIND_OFF, KIND_ON, type InterventionEffect, type InterventionTarget, type Layer, type Model } from "../model/model.js";
import type { Variant } from "../model/variant.js";

/** A multiplier pushed a row outside [0, 1]; names the state so the user can act. */
export class RowOverflowError extends Error {
  constructor(readonly state: string, readonly total: number) {
    super(COMPILE.rowOverflow(state, total.toFixed(6)));
  }
}

/** Multipliers that act on one cycle, combined per target. */
export interface CycleMultipliers {
  inflow: number;
  outflowWork: number;
  outflowOther: number;
  reinflow: number;
  /** Extra multiplier per declared cell (m x m), 1 where no effect acts. */
  cell: Float64Array;
}

export function combineMultipliers(model: Model, perEffect: Float64Array): CycleMultipliers {
  const m = model.declared.length;
  const out: CycleMultipliers = { inflow: 1, outflowWork: 1, outflowOther: 1, reinflow: 1, cell: new Float64Array(m * m).fill(1) };
  model.effects.forEach((effect, e) => {
    const f = perEffect[e];
    switch (effect.target.kind) {
      case "inflow": out.inflow *= f; break;
      case "outflow_work": out.outflowWork *= f; break;
      case "outflow_other": out.outflowOther *= f; break;
      case "reinflow": out.reinflow *= f; break;
      case "cell": out.cell[effect.target.from * m + effect.target.to] *= f; break;
    }
  });
  return out;
}

/** Multiplier a declared move from kind a to kind b gets from the group targets. */
function groupMultiplier(mult: CycleMultipliers, from: number, to: number): number {
  if (from === KIND_ON && to === KIND_OFF) return mult.outflowWork;
  if (from === KIND_ON && to === KIND_EXIT) return mult.outflowOther;
  if (from === KIND_OFF && to === KIND_ON) return mult.reinflow;
  return 1;
}

/** An intervention effect pushed a row above 1 (a relative risk can; a hazard ratio cannot). */
export class EffectOverflowError extends Error {
  constructor(readonly state: string, readonly intervention: string, readonly total: number) {
    super(COMPILE.effectOverflow(intervention, state, total.toFixed(6)));
  }
}

/** Does intervention effect target `t` act on the declared move d -> j? */
function effectActs(model: Model, t: InterventionTarget, d: number, j: number): boolean {
  const kd = model.declaredKind[d];
  const kj = model.declaredKind[j];
  const rank = model.ladderRank;
  switch (t.kind) {
    case "outflow_work": return kd === KIND_ON && kj === KIND_OFF;
    case "outflow_other": return kd === KIND_ON && kj === KIND_EXIT;
    case "reinflow": return kd === KIND_OFF && kj === KIND_ON;
    case "up": return kd === KIND_ON && kj === KIND_ON && rank[d] >= 0 && rank[j] > rank[d];
    case "down": return kd === KIND_ON && kj === KIND_ON && rank[j] >= 0 && rank[j] < rank[d];
    case "cell": return t.from === d && t.to === j;
  }
}

/**
 * Applies a participant layer's effects to a declared row (entries j != d are the moves
 * out; row[d] is recomputed as the complement). Relative risks multiply probabilities;
 * hazard ratios multiply cause-specific hazards of the competing moves, so the row
 * stays valid: L' = 1 - exp(-sum h_j'), p_j' = L' h_j' / sum h_j'.
 */
function applyEffects(model: Model, layer: Layer, variant: Variant, d: number, row: Float64Array, state: string, scratch: Touched): void {
  const p = layer.intervention;
  const iv = model.interventions[p];
  const m = row.length;
  const acts = effectActsMasks(model, iv.effects);
  const hr = scratch.hr;
  let hazardScaled = false;
  hr.fill(1);
  for (let e = 0; e < iv.effects.length; e++) {
    const w = layer.weights[e];
    const v = variant.effectValues[p][e];
    if (w === 0 || v === 1) continue; // no effect: the row stays the base row, to the bit
    const rr = iv.effects[e].measure === "rr";
    const factor = rr ? 1 + (v - 1) * w : hazardFactor(scratch, e, v, w);
    const mask = (e * m + d) * m;
    for (let j = 0; j < m; j++) {
      if (j === d || acts[mask + j] === 0) continue;
      if (rr) row[j] *= factor;
      else {
        hr[j] *= factor;
        hazardScaled = true;
      }
    }
  }
  let leave = 0;
  for (let j = 0; j < m; j++) if (j !== d) leave += row[j];
  if (hazardScaled && leave > 0 && leave < 1) {
    const total = -Math.log1p(-leave);
    let scaledTotal = 0;
    for (let j = 0; j < m; j++) if (j !== d) scaledTotal += (row[j] / leave) * total * hr[j];
    const newLeave = -Math.expm1(-scaledTotal);
    for (let j = 0; j < m; j++) if (j !== d) row[j] = scaledTotal > 0 ? (((row[j] / leave) * total * hr[j]) / scaledTotal) * newLeave : 0;
    leave = newLeave;
  }
  if (leave > 1 + 1e-12) throw new EffectOverflowError(state, iv.name, leave);
  row[d] = Math.max(0, 1 - leave);
}

/**
 * v ** w, the hazard ratio v of effect e at weight w: Math.pow is slow, and the same
 * (v, w) recur in every row of a layer, so each effect's last one is kept (w = 1 is v).
 */
function hazardFactor(scratch: Touched, e: number, v: number, w: number): number {
  if (w === 1) return v;
  const { powV, powW, pow } = scratch;
  if (e >= pow.length) return v ** w;
  if (v !== powV[e] || w !== powW[e]) (powV[e] = v), (powW[e] = w), (pow[e] = v ** w);
  return pow[e];
}

const actsOf = new WeakMap<readonly InterventionEffect[], Uint8Array>();

/** Per effect e and declared move d -> j: 1 where the effect acts (effectActs), at (e m + d) m + j; kept per list of effects. */
function effectActsMasks(model: Model, effects: readonly InterventionEffect[]): Uint8Array {
  let acts = actsOf.get(effects);
  if (acts) return acts;
  const m = model.declared.length;
  acts = new Uint8Array(effects.length * m * m);
  effects.forEach((effect, e) => {
    for (let d = 0; d < m; d++) for (let j = 0; j < m; j++) acts![(e * m + d) * m + j] = effectActs(model, effect.target, d, j) ? 1 : 0;
  });
  actsOf.set(effects, acts);
  return acts;
}

/** Adds p to out[target], listing the target in `touched` when it was 0. */
function add(out: Float64Array, touched: Touched, target: number, p: number): void {
  if (out[target] === 0) touched.index[touched.count++] = target;
  out[target] += p;
}

/**
 * One row over the regular (base) compiled states for compiled state `i`: the declared
 * row with macro multipliers, band multiplier, re-inflow hazard and (for participants)
 * intervention effects, spread over bands and tunnel months. `decl` (m) and `out`
 * (baseCount) are scratch buffers.
 */
function baseRow(model: Model, i: number, mult: CycleMultipliers, variant: Variant | undefined, decl: Float64Array, out: Float64Array, touched: Touched): void {
  const m = model.declared.length;
  const { base, declaredKind, bands, entryOf } = model;
  const st = model.states[i];
  const b = st.base;
  const d = st.declared;
  const kd = declaredKind[d];
  // `out` is all zeros on entry; `touched` lists where this row writes (add), so the
  // caller reads and clears only those (rows have a handful of moves among many states).
  if (kd === KIND_EXIT) {
    add(out, touched, b, 1);
    return;
  }
  const bandMult = st.band >= 0 && bands ? bands.outflowMultiplier[st.band] : 1;
  let leave = 0;
  for (let j = 0; j < m; j++) {
    if (j === d) continue;
    let p = base[d * m + j] * mult.cell[d * m + j] * groupMultiplier(mult, kd, declaredKind[j]);
    if (declaredKind[j] !== KIND_ON) p *= bandMult;
    decl[j] = p;
    leave += p;
  }
  const profile = model.reinflow[d];
  if (profile && st.tunnel > 0) {
    const h = profile.hazard[st.tunnel - 1] * mult.reinflow;
    for (let j = 0; j < m; j++) decl[j] += h * profile.to[j];
    leave += h;
  }
  if (leave > 1 + 1e-12) throw new RowOverflowError(st.name, leave);
  decl[d] = Math.max(0, 1 - leave);
  if (st.layer > 0 && variant) applyEffects(model, model.layers[st.layer], variant, d, decl, st.name, touched);

  const aging = st.band >= 0 && bands ? bands.aging[st.band] : 0;
  for (let j = 0; j < m; j++) {
    const p = decl[j];
    if (p === 0) continue;
    if (j === d) {
      if (st.band >= 0) {
        add(out, touched, b, p * (1 - aging));
        if (aging > 0) add(out, touched, b + 1, p * aging);
      } else if (profile && st.tunnel > 0) {
        add(out, touched, b + 1, p); // one cycle further since leaving (the last tunnel cycle moves to durable)
      } else add(out, touched, b, p);
    } else if (st.band >= 0 && declaredKind[j] === KIND_ON && bands) {
      // A ladder move keeps the duration on bijstand (and its ageing).
      const target = entryOf[j] + st.band;
      add(out, touched, target, p * (1 - aging));
      if (aging > 0) add(out, touched, target + 1, p * aging);
    } else {
      add(out, touched, entryOf[j], p);
    }
  }
}

interface Touched {
  index: Int32Array;
  count: number;
  /** applyEffects' scratch: hazard ratios per declared state, and per effect the last v ** w (hazardFactor). */
  hr: Float64Array;
  powV: Float64Array;
  powW: Float64Array;
  pow: Float64Array;
}

/** Compressed rows (CSR) of a compiled matrix: each row has only a few moves. */
export interface SparseRows {
  start: Int32Array;
  col: Int32Array;
  value: Float64Array;
}

/**
 * The compiled transition matrix of one cycle, as sparse rows. Participants (layer
 * states) move along their layer: month j goes to month j + 1 while they stay in a
 * target state and the layer lasts; otherwise back to the regular state.
 * Throws RowOverflowError / EffectOverflowError when a row's leaving probability exceeds 1.
 */
export function compiledRows(model: Model, mult: CycleMultipliers, variant?: Variant): SparseRows {
  const n = model.states.length;
  const nb = model.baseCount;
  const decl = new Float64Array(model.declared.length);
  const row = new Float64Array(nb);
  const touched: Touched = { index: new Int32Array(nb), count: 0, hr: new Float64Array(model.declared.length), powV: new Float64Array(8).fill(NaN), powW: new Float64Array(8), pow: new Float64Array(8) };
  const start = new Int32Array(n + 1);
  // Room for a regular row of every state plus some: growing costs a copy.
  let col = new Int32Array(n * 8);
  let value = new Float64Array(n * 8);
  let at = 0;
  for (let i = 0; i < n; i++) {
    start[i] = at;
    const st = model.states[i];
    const layer = st.layer > 0 ? model.layers[st.layer] : undefined;
    // Sub-states of an intervention this variant does not run stay empty: no row needed
    // (the baseline of a file with many interventions then builds only its regular rows).
    if (layer && variant && !variant.active[layer.intervention]) continue;
    touched.count = 0;
    baseRow(model, i, mult, variant, decl, row, touched);
    const iv = layer ? model.interventions[layer.intervention] : undefined;
    const last = layer && iv ? layer.month >= iv.durationCycles + iv.postCycles : true;
    for (let k = 0; k < touched.count; k++) {
      const b = touched.index[k];
      const p = row[b];
      row[b] = 0;
      if (p === 0) continue;
      if (at === col.length) {
        col = growInt(col);
        value = growFloat(value);
      }
      // Targets are distinct: regular states map to themselves, layer moves are one-to-one.
      col[at] = iv && !last && iv.targets[model.declaredOf[b]] === 1 ? iv.layerEntry[b] + layer!.month : b;
      value[at++] = p;
    }
    sortRowDescending(col, value, start[i], at);
  }
  start[n] = at;
  return { start, col: col.subarray(0, at), value: value.subarray(0, at) };
}

/**
 * Largest probability first (ties by column): sampling a row with conditional binomials
 * then usually settles everyone with the first draw (most people stay), so the
 * stochastic engine draws once per state instead of once per move.
 */
function sortRowDescending(col: Int32Array, value: Float64Array, from: number, to: number): void {
  for (let a = from + 1; a < to; a++) {
    const c = col[a];
    const v = value[a];
    let b = a - 1;
    while (b >= from && (value[b] < v || (value[b] === v && col[b] > c))) {
      col[b + 1] = col[b];
      value[b + 1] = value[b];
      b--;
    }
    col[b + 1] = c;
    value[b + 1] = v;
  }
}

const growInt = (a: Int32Array) => {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
};
const growFloat = (a: Float64Array) => {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
};

/** The same matrix dense (row-major n x n), for checks and small analyses. */
export function compiledMatrix(model: Model, mult: CycleMultipliers, out: Float64Array, variant?: Variant): Float64Array {
  const n = model.states.length;
  const { start, col, value } = compiledRows(model, mult, variant);
  out.fill(0);
  for (let i = 0; i < n; i++) for (let k = start[i]; k < start[i + 1]; k++) out[i * n + col[k]] += value[k];
  return out;
}
