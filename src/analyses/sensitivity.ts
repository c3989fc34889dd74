/**
 * How much does an intervention's cumulative net effect move with each uncertain
 * parameter? One-way sensitivity (the tornado): each parameter at the low and the high
 * end of its 95% interval (or its cost range), the others as assumed.
 */
import { EffectRangeError } from "../model/errors.js";
import { interval95 } from "../model/distributions/index.js";
import type { MacroScenario, Model } from "../model/model.js";
import { makeVariant, type Variant } from "../model/variant.js";
import type { SensitivityRow } from "../outcomes/analyses.js";
import { outcomesOf } from "../simulate/scenario.js";
import { effectList } from "./effects.js";

export type { SensitivityRow };

/** One-way sensitivity of the cumulative net effect to each uncertain effect and cost range. */
export function sensitivity(model: Model, scenario: MacroScenario, p: number): SensitivityRow[] {
  const iv = model.interventions[p];
  const fresh = () => makeVariant(model, iv.name, iv.label, [p]);
  const outcomeOf = outcomesOf(model, scenario);
  const netBase = outcomeOf(fresh()).net;
  const rows: SensitivityRow[] = [];
  const add = (parameter: string, base: number, [low, high]: [number, number], set: (v: Variant, x: number) => void) => {
    const at = (x: number): number | null => {
      const v = fresh();
      set(v, x);
      try {
        return outcomeOf(v).net;
      } catch (err) {
        if (err instanceof EffectRangeError) return null; // that end of the range is not a valid effect
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
