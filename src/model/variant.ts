/**
 * A variant: which interventions are switched on, and with which effect sizes and
 * costs. The baseline has none. Break-even and sensitivity runs are variants with a
 * scaled or overridden parameter: the same simulation on other inputs.
 */
import { COMPILE } from "../locale/messages-compile.js";
import type { InterventionCosts, Model } from "./model.js";

export interface Variant {
  name: string;
  label: string;
  active: boolean[];
  /** Per intervention, per effect: the effect size used. */
  effectValues: Float64Array[];
  /** Per intervention: the inflow relative risk used (NaN when it has none). */
  inflowValues: Float64Array;
  costs: InterventionCosts[];
}

export const BASELINE = "baseline";

export interface VariantOptions {
  /**
   * Effect multiplier k: every effect e becomes 1 + k (e - 1) (k = 1: as assumed, 0: no
   * effect); or one multiplier per effect of an intervention (effect i scaled by scale[i]).
   */
  scale?: number | readonly number[];
}

export function makeVariant(model: Model, name: string, label: string, members: readonly number[], options: VariantOptions = {}): Variant {
  const k = (i: number) => (typeof options.scale === "number" ? options.scale : (options.scale?.[i] ?? 1));
  const scaled = (v: number, i: number) => 1 + k(i) * (v - 1);
  return {
    name,
    label,
    active: model.interventions.map((_, p) => members.includes(p)),
    effectValues: model.interventions.map((iv) => Float64Array.from(iv.effects, (e, i) => scaled(e.value, i))),
    inflowValues: Float64Array.from(model.interventions, (iv) => (iv.inflow ? scaled(iv.inflow.value, 0) : NaN)),
    costs: model.interventions.map((iv) => ({ ...iv.costs, events: iv.costs.events.map((e) => ({ ...e })) })),
  };
}

export const baselineVariant = (model: Model): Variant => makeVariant(model, BASELINE, COMPILE.baselineLabel, []);

/** Baseline, each intervention alone, then each declared combination. */
export function allVariants(model: Model): Variant[] {
  return [
    baselineVariant(model),
    ...model.interventions.map((iv, p) => makeVariant(model, iv.name, iv.label, [p])),
    ...model.combinations.map((c) => makeVariant(model, c.name, c.label, c.members)),
  ];
}
