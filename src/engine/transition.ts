/**
 * The per-cycle transition matrix over compiled states, built from the declared
 * per-cycle matrix, the macro multipliers of this cycle, duration bands and re-inflow
 * tunnels. Pure; the cohort engine calls it whenever the multipliers change.
 */
import { KIND_EXIT, KIND_OFF, KIND_ON, type Model } from "../model/model.js";

/** A multiplier pushed a row outside [0, 1]; names the state so the user can act. */
export class RowOverflowError extends Error {
  constructor(readonly state: string, readonly total: number) {
    super(`the probabilities of leaving "${state}" add up to ${total.toFixed(6)}, more than 1`);
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

/**
 * Compiled row-major n x n matrix for one cycle. `out` is reused between calls.
 * Throws RowOverflowError when multipliers push a row's leaving probabilities above 1.
 */
export function compiledMatrix(model: Model, mult: CycleMultipliers, out: Float64Array): Float64Array {
  const m = model.declared.length;
  const n = model.states.length;
  const { base, declaredKind, bands, entryOf } = model;
  out.fill(0);
  const row = new Float64Array(m);

  for (let i = 0; i < n; i++) {
    const st = model.states[i];
    const d = st.declared;
    const kd = declaredKind[d];
    if (kd === KIND_EXIT) {
      out[i * n + i] = 1;
      continue;
    }
    // Declared row with macro multipliers, band multiplier and re-inflow hazard.
    const bandMult = st.band >= 0 && bands ? bands.outflowMultiplier[st.band] : 1;
    let leave = 0;
    for (let j = 0; j < m; j++) {
      if (j === d) continue;
      let p = base[d * m + j] * mult.cell[d * m + j] * groupMultiplier(mult, kd, declaredKind[j]);
      if (declaredKind[j] !== KIND_ON) p *= bandMult;
      row[j] = p;
      leave += p;
    }
    const profile = model.reinflow[d];
    if (profile && st.tunnel > 0) {
      const h = profile.hazard[st.tunnel - 1] * mult.reinflow;
      for (let j = 0; j < m; j++) row[j] += h * profile.to[j];
      leave += h;
    }
    if (leave > 1 + 1e-12) throw new RowOverflowError(st.name, leave);
    row[d] = Math.max(0, 1 - leave);

    // Spread the declared row over compiled targets.
    const aging = st.band >= 0 && bands ? bands.aging[st.band] : 0;
    for (let j = 0; j < m; j++) {
      const p = row[j];
      if (p === 0) continue;
      if (j === d) {
        if (st.band >= 0) {
          out[i * n + i] += p * (1 - aging);
          if (aging > 0) out[i * n + i + 1] += p * aging;
        } else if (profile && st.tunnel > 0) {
          out[i * n + i + 1] += p; // one cycle further since leaving (the last tunnel cycle moves to durable)
        } else out[i * n + i] += p;
      } else if (st.band >= 0 && declaredKind[j] === KIND_ON && bands) {
        // A ladder move keeps the duration on bijstand (and its ageing).
        const target = entryOf[j] + st.band;
        out[i * n + target] += p * (1 - aging);
        if (aging > 0) out[i * n + target + 1] += p * aging;
      } else {
        out[i * n + entryOf[j]] += p;
      }
    }
  }
  return out;
}
