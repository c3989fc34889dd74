/**
 * At which effect size does an intervention pay for itself within the horizon?
 *
 * The break-even is one multiplier k on all of the intervention's effects together:
 * every effect e becomes 1 + k (e - 1) (k = 1: as assumed, 0: no effect), and k is the
 * root of the cumulative net effect over the horizon. Each effect's value at that k is
 * listed with it. With more than one effect, each effect's own break-even (that effect
 * scaled, the others as assumed) is given too, as a separate answer to another question.
 * Both are found by re-running the same cohort model on variants (model/variant.ts).
 */
import { EffectRangeError } from "../model/errors.js";
import type { MacroScenario, Model } from "../model/model.js";
import { makeVariant } from "../model/variant.js";
import type { BreakEven } from "../outcomes/analyses.js";
import { outcomesOf, type VariantOutcome } from "../simulate/scenario.js";
import { effectList } from "./effects.js";

export type { BreakEven };

/** Largest k for which every scaled effect stays valid (a relative risk or hazard ratio above 0). */
function maxScale(values: number[]): number {
  let k = 64;
  for (const v of values) if (v < 1) k = Math.min(k, 0.999 / (1 - v));
  return k;
}

/**
 * Root of the cumulative net effect in the multiplier k; `net(k)` is undefined where an
 * effect would push a probability above 1. net(0) is the net effect without the scaled
 * effects, net(1) as assumed. The net effect is nearly linear in k, so the root is
 * bracketed by going to a little beyond where the line through the last two points
 * crosses zero (at least 1% further, then 2%, 4%, ... up to doubling while that floor
 * binds) until the net effect turns positive. Inside the bracket each step takes the
 * secant through the last two points (superlinear on a smooth function); a step that
 * would leave the bracket, or follows one that did not halve the net effect, is a regula
 * falsi step with the Illinois correction instead, so it always ends; until
 * |net| < EUR 0.01. Null: out of reach.
 */
export function rootOf(net: (k: number) => number | undefined, atOne: number, values: number[]): { k: number; net: number } | null {
  let lo = 0;
  let fLo = net(0)!;
  if (fLo >= 0) return { k: 0, net: fLo };
  let kMax = maxScale(values);
  let hi = Math.min(1, kMax);
  let fHi = hi === 1 ? atOne : net(hi)!;
  let least = 0.01; // the least step, relative: doubles each time it binds, so a net effect the secant keeps underrating is still reached
  for (let i = 0; fHi < 0 && hi < kMax && i < 200; i++) {
    const crossing = fHi > fLo ? hi - (fHi * (hi - lo)) / (fHi - fLo) : Infinity;
    const aim = hi + 1.05 * (crossing - hi);
    if (aim < (1 + least) * hi) least = Math.min(1, 2 * least);
    let next = Math.min(Math.max(aim, (1 + least) * hi), kMax);
    let fNext = net(next);
    // A relative risk can push a row above 1 before the net effect turns positive:
    // halve back towards the last valid multiplier; what lies beyond is out of reach.
    while (fNext === undefined && next - hi > 1e-6 * next) {
      kMax = next;
      next = (hi + next) / 2;
      fNext = net(next);
    }
    if (fNext === undefined || next - hi <= 1e-6 * next) break;
    lo = hi;
    fLo = fHi;
    hi = next;
    fHi = fNext;
  }
  if (fHi < 0) return null;
  // The last two points, for the secant: the bracket's ends to begin with.
  let [a, fa, b, fb] = [lo, fLo, hi, fHi];
  let side = 0;
  let secant = true;
  for (let i = 0; i < 200; i++) {
    let k: number = secant && fb !== fa ? b - (fb * (b - a)) / (fb - fa) : NaN;
    if (!(k > lo && k < hi)) k = hi - (fHi * (hi - lo)) / (fHi - fLo);
    const f: number = net(k)!;
    if (Math.abs(f) < 0.01 || hi - lo < 1e-13) return { k, net: f };
    // Secants only while they at least halve the net effect (a strongly curved one can
    // make them creep along one end of the bracket).
    secant = Math.abs(f) < 0.5 * Math.abs(fb);
    [a, fa, b, fb] = [b, fb, k, f];
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
  return { k: hi, net: net(hi)! };
}

export function breakEven(model: Model, scenario: MacroScenario, p: number): BreakEven {
  const iv = model.interventions[p];
  const effects = effectList(model, p);
  const outcomeOf = outcomesOf(model, scenario);
  /** Outcome with effect e scaled by k[e], or undefined where an effect would push a probability above 1. */
  const tryOutcome = (scale: number[]): VariantOutcome | undefined => {
    try {
      return outcomeOf(makeVariant(model, iv.name, iv.label, [p], { scale }));
    } catch (err) {
      if (err instanceof EffectRangeError) return undefined;
      throw err;
    }
  };
  const assumed = tryOutcome(effects.map(() => 1))!;
  const at = (scale: number | null, e: { value: number }) => (scale === null ? null : 1 + scale * (e.value - 1));
  const reachable = effects.some((e) => e.value !== 1) && assumed.starts > 0; // something to scale, and someone takes part
  const joint = reachable ? rootOf((k) => tryOutcome(effects.map(() => k))?.net, assumed.net, effects.map((e) => e.value)) : null;
  const alone = (i: number): number | null => {
    if (!reachable || effects[i].value === 1) return null;
    const root = rootOf((k) => tryOutcome(effects.map((_, j) => (j === i ? k : 1)))?.net, assumed.net, [effects[i].value]);
    return at(root?.k ?? null, effects[i]);
  };
  return {
    scenario: scenario.name,
    intervention: iv.name,
    scale: joint?.k ?? null,
    effects: effects.map((e, i) => ({ label: e.label, assumed: e.value, breakEven: at(joint?.k ?? null, e), alone: effects.length > 1 ? alone(i) : at(joint?.k ?? null, e) })),
    netAtAssumed: assumed.net,
    netAtBreakEven: joint?.net ?? null,
  };
}
