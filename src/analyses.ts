/**
 * Questions asked of an intervention, answered by re-running the same cohort model on
 * other inputs: at which effect size does it pay for itself (break-even), and how much
 * does the answer move with each uncertain parameter (one-way sensitivity, tornado)?
 */
import { EffectRangeError, InputError } from "./model/errors.js";
import type { MacroScenario, Model } from "./model/model.js";
import { interval95 } from "./uncertainty/distributions.js";
import { makeVariant, type Variant } from "./interventions/variant.js";
import { outcomesOf } from "./run.js";

export interface BreakEven {
  scenario: string;
  intervention: string;
  /** Effect multiplier k at which the cumulative net effect is zero (effect = 1 + k (assumed - 1)); null if none within reach. */
  scale: number | null;
  /** Effects at break-even and as assumed, one per effect of the intervention. */
  effects: { label: string; assumed: number; breakEven: number | null }[];
  netAtAssumed: number;
  netAtBreakEven: number | null;
}

/** Largest k for which every effect stays valid (a relative risk or hazard ratio above 0). */
function maxScale(values: number[]): number {
  let k = 64;
  for (const v of values) if (v < 1) k = Math.min(k, (0.999 / (1 - v)));
  return k;
}

function effectList(model: Model, p: number): { label: string; value: number }[] {
  const iv = model.interventions[p];
  if (iv.inflow) return [{ label: "instroom (relatief risico)", value: iv.inflow.value }];
  return iv.effects.map((e) => ({
    label: `${e.target.kind === "cell" ? `${model.declared[e.target.from].name} -> ${model.declared[e.target.to].name}` : e.target.kind} (${e.measure === "hr" ? "hazard ratio" : "relatief risico"})`,
    value: e.value,
  }));
}

export function interventionIndex(model: Model, name: string): number {
  const p = model.interventions.findIndex((iv) => iv.name === name);
  if (p < 0) {
    throw new InputError(model.file, "--intervention", `unknown intervention "${name}"`,
      `use one of: ${model.interventions.map((iv) => iv.name).join(", ") || "(the file declares no interventions)"}`);
  }
  return p;
}

/**
 * Root of the cumulative net effect in the effect multiplier k. net(0) is minus the cost
 * (no effect); the upper end doubles until the net effect turns positive; then the
 * bracket shrinks by regula falsi with the Illinois correction (superlinear on this
 * nearly linear function, and never leaves the bracket) until |net| < EUR 0.01.
 */
export function breakEven(model: Model, scenario: MacroScenario, p: number): BreakEven {
  const iv = model.interventions[p];
  const effects = effectList(model, p);
  const outcomeOf = outcomesOf(model, scenario);
  /** Outcome at multiplier k, or undefined where the effect would push a probability above 1. */
  const tryOutcome = (k: number) => {
    try {
      return outcomeOf(makeVariant(model, iv.name, iv.label, [p], { scale: k }));
    } catch (err) {
      if (err instanceof EffectRangeError) return undefined;
      throw err;
    }
  };
  const tryNet = (k: number): number | undefined => tryOutcome(k)?.net;
  const net = (k: number) => tryNet(k)!;
  const assumed = tryOutcome(1)!;
  const netAtAssumed = assumed.net;
  const result = (scale: number | null, netAtBreakEven: number | null): BreakEven => ({
    scenario: scenario.name,
    intervention: iv.name,
    scale,
    effects: effects.map((e) => ({ label: e.label, assumed: e.value, breakEven: scale === null ? null : 1 + scale * (e.value - 1) })),
    netAtAssumed,
    netAtBreakEven,
  });
  if (effects.every((e) => e.value === 1)) return result(null, null); // no effect to scale
  if (assumed.starts === 0) return result(null, null); // never takes anyone in within the horizon
  let lo = 0;
  let fLo = net(0);
  if (fLo >= 0) return result(0, fLo);
  let kMax = maxScale(effects.map((e) => e.value));
  let hi = Math.min(1, kMax);
  let fHi = hi === 1 ? netAtAssumed : net(hi);
  while (fHi < 0 && hi < kMax) {
    let next = Math.min(hi * 2, kMax);
    let fNext = tryNet(next);
    // A relative risk can push a row above 1 before the net effect turns positive:
    // halve back towards the last valid multiplier; what lies beyond is out of reach.
    while (fNext === undefined && next - hi > 1e-6 * next) {
      kMax = next;
      next = (hi + next) / 2;
      fNext = tryNet(next);
    }
    if (fNext === undefined || next - hi <= 1e-6 * next) break;
    lo = hi;
    fLo = fHi;
    hi = next;
    fHi = fNext;
  }
  if (fHi < 0) return result(null, null);
  let side = 0;
  for (let i = 0; i < 200; i++) {
    const k = hi - (fHi * (hi - lo)) / (fHi - fLo);
    const f = net(k);
    if (Math.abs(f) < 0.01 || hi - lo < 1e-13) return result(k, f);
    if (f < 0) {
      lo = k;
      fLo = f;
      if (side === -1) fHi /= 2; // Illinois: halve the stale end so it cannot stall
      side = -1;
    } else {
      hi = k;
      fHi = f;
      if (side === 1) fLo /= 2;
      side = 1;
    }
  }
  return result(hi, net(hi));
}

export interface SensitivityRow {
  scenario: string;
  intervention: string;
  parameter: string;
  low: number;
  high: number;
  base: number;
  netLow: number;
  netHigh: number;
  netBase: number;
}

/** One-way sensitivity of the cumulative net effect to each uncertain effect and cost range. */
export function sensitivity(model: Model, scenario: MacroScenario, p: number): SensitivityRow[] {
  const iv = model.interventions[p];
  const fresh = () => makeVariant(model, iv.name, iv.label, [p]);
  const outcomeOf = outcomesOf(model, scenario);
  const netBase = outcomeOf(fresh()).net;
  const rows: SensitivityRow[] = [];
  const add = (parameter: string, base: number, [low, high]: [number, number], set: (v: Variant, x: number) => void) => {
    const at = (x: number) => {
      const v = fresh();
      set(v, x);
      try {
        return outcomeOf(v).net;
      } catch (err) {
        if (err instanceof EffectRangeError) return NaN; // that end of the range is not a valid effect
        throw err;
      }
    };
    rows.push({ scenario: scenario.name, intervention: iv.name, parameter, low, high, base, netLow: at(low), netHigh: at(high), netBase });
  };
  const labels = effectList(model, p);
  if (iv.inflow?.distribution) add(labels[0].label, iv.inflow.value, interval95(iv.inflow.distribution), (v, x) => (v.inflowValues[p] = x));
  iv.effects.forEach((e, k) => {
    if (e.distribution) add(labels[k].label, e.value, interval95(e.distribution), (v, x) => (v.effectValues[p][k] = x));
  });
  const r = iv.costRanges;
  if (r.per_start) add("kosten per start", iv.costs.perStart, r.per_start, (v, x) => (v.costs[p].perStart = x));
  if (r.per_participant_month) {
    add("kosten per deelnemer per maand", iv.costs.perParticipantCycle / model.cycleMonths, r.per_participant_month,
      (v, x) => (v.costs[p].perParticipantCycle = x * model.cycleMonths));
  }
  return rows;
}
