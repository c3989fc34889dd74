/**
 * Parameter draws: the model inputs of one probabilistic run. Input model in, drawn
 * model out (through model/adjust.ts); the simulation does not know it runs on a draw
 * (hesim's split of inputs, draws and simulation). Parameters without a distribution
 * keep their values.
 */
import { convertRow } from "../model/convert.js";
import { draw } from "../model/distributions/index.js";
import type { Model } from "../model/model.js";
import { withBase, withCostPerCycle, withInflowPerYear, withMacroEffects } from "../model/adjust.js";
import type { Variant } from "../model/variant.js";
import { dirichlet } from "../random/samplers.js";
import type { Stream } from "../random/stream.js";

export interface Draw {
  model: Model;
  /** Per intervention: drawn effect sizes (for the variants of this run). */
  effectValues: Float64Array[];
  inflowValues: Float64Array;
}

/** Transition rows: Dirichlet(concentration x row) on the per-cycle rows; then single moves of a list, redrawn per period. */
function drawBase(model: Model, rng: Stream): Float64Array {
  const m = model.declared.length;
  const u = model.uncertainty;
  const base = Float64Array.from(model.base);
  const alpha = new Float64Array(m);
  const row = new Float64Array(m);
  for (let d = 0; d < m; d++) {
    const c = u.rowConcentration[d];
    if (c <= 0) continue;
    for (let j = 0; j < m; j++) alpha[j] = c * base[d * m + j];
    dirichlet(alpha, rng, row);
    base.set(row, d * m);
  }
  if (u.moves.length === 0) return base;
  const rows = new Set(u.moves.map((mv) => mv.from));
  const period = Float64Array.from(model.transitions.perPeriod);
  for (const mv of u.moves) period[mv.from * m + mv.to] = Math.min(1, Math.max(0, draw(mv.distribution, rng)));
  for (const d of rows) {
    const r = Array.from(period.subarray(d * m, d * m + m));
    let leave = r.reduce((s, v, j) => (j === d ? s : s + v), 0);
    if (leave >= 1) {
      // Independent draws may overshoot together: scale the moves out back inside the row.
      r.forEach((v, j) => j !== d && (r[j] = (v / leave) * (1 - 1e-9)));
      leave = 1 - 1e-9;
    }
    r[d] = 1 - leave;
    base.set(convertRow(r, d, model.transitions.periodMonths, model.cycleMonths, model.declared[d].name), d * m);
  }
  return base;
}

export function drawModel(model: Model, rng: Stream): Draw {
  const u = model.uncertainty;
  const base = drawBase(model, rng);
  const costPerCycle = Float64Array.from(model.costPerCycle);
  u.cost.forEach((c, d) => {
    if (!c) return;
    const perCycle = (Math.max(0, draw(c.distribution, rng)) * model.cycleMonths) / c.periodMonths;
    model.states.forEach((s, i) => s.declared === d && (costPerCycle[i] = perCycle));
  });
  const inflowPerYear = u.inflow ? new Float64Array(model.years).fill(Math.max(0, draw(u.inflow, rng))) : model.inflowPerYear;
  const effects = model.effects.map((e) => (e.distribution ? { ...e, elasticity: draw(e.distribution, rng) } : e));
  const effectValues = model.interventions.map((iv) => Float64Array.from(iv.effects, (e) => (e.distribution ? Math.max(1e-9, draw(e.distribution, rng)) : e.value)));
  const inflowValues = Float64Array.from(model.interventions, (iv) =>
    // A share of reached persons that still flows in: draws outside [0, 1] are clipped.
    iv.inflow ? (iv.inflow.distribution ? Math.min(1, Math.max(0, draw(iv.inflow.distribution, rng))) : iv.inflow.value) : NaN);
  const drawn = withMacroEffects(withInflowPerYear(withCostPerCycle(withBase(model, base), costPerCycle), inflowPerYear), effects);
  return { model: drawn, effectValues, inflowValues };
}

/**
 * How many parameters drawModel draws (a row's Dirichlet, a move, a cost, the inflow,
 * an elasticity, an effect size, a share that still flows in). 0: a PSA varies only
 * the population, by chance, and its intervals say nothing about the parameters.
 */
export function drawnParameters(model: Model): number {
  const u = model.uncertainty;
  let n = u.rowConcentration.filter((c) => c > 0).length + u.moves.length + u.cost.filter((c) => c !== null).length + (u.inflow ? 1 : 0);
  n += model.effects.filter((e) => e.distribution).length;
  for (const iv of model.interventions) n += iv.effects.filter((e) => e.distribution).length + (iv.inflow?.distribution ? 1 : 0);
  return n;
}

/** A variant with this draw's effect sizes. */
export function withDrawnEffects(variant: Variant, d: Draw): Variant {
  return { ...variant, effectValues: d.effectValues.map((v) => Float64Array.from(v)), inflowValues: Float64Array.from(d.inflowValues) };
}
