/**
 * At which effect size does an intervention pay for itself within the horizon? Answered
 * by re-running the same cohort model on variants with every effect scaled by one
 * multiplier k (model/variant.ts).
 */
import { EffectRangeError } from "../model/errors.js";
import type { MacroScenario, Model } from "../model/model.js";
import { makeVariant } from "../model/variant.js";
import type { BreakEven } from "../outcomes/analyses.js";
import { outcomesOf } from "../simulate/scenario.js";
import { effectList } from "./effects.js";

export type { BreakEven };

/** Largest k for which every effect stays valid (a relative risk or hazard ratio above 0). */
function maxScale(values: number[]): number {
  let k = 64;
  for (const v of values) if (v < 1) k = Math.min(k, (0.999 / (1 - v)));
  return k;
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

