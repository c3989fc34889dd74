/**
 * Settings -> numbers, with the CLI's own code: the settings become a Model through
 * model/adjust.ts (horizon, new inflow, cost per person, budget, capacity, costs) and a
 * Variant through model/variant.ts (which interventions, effect sizes), and
 * simulate/scenario.ts and analyses/breakeven.ts run them. Nothing of the model is computed here; this module only chooses what to run.
 */
import { breakEven } from "../analyses/breakeven.js";
import { withBudgetScaled, withCostPerCycle, withHorizon, withInflowPerYear, withIntervention } from "../model/adjust.js";
import { shownSum } from "../locale/format.js";
import type { MacroScenario, Model } from "../model/model.js";
import { baselineVariant, makeVariant, type Variant } from "../model/variant.js";
import type { BreakEven } from "../outcomes/analyses.js";
import { METRICS, type Metric } from "../outcomes/metrics.js";
import type { ScenarioResult } from "../outcomes/result.js";
import { runAgainst, runScenario } from "../simulate/scenario.js";
import { capacityAmount, type InterventionSettings, type Settings } from "./settings.js";

/** Intervention p's capacity and costs from its settings (adjust.ts does the work). */
function adjustIntervention(model: Model, p: number, x: InterventionSettings): Model {
  const amount = capacityAmount(x.capacity);
  const capacity = x.capacity.kind === "reach" ? { startsPerYear: amount } : { places: amount };
  return withIntervention(model, p, { ...capacity, perStart: x.perStart, perParticipantMonth: x.perParticipantMonth });
}

/** The model with the settings' horizon, inflow, cost per person, budget and every intervention's capacity and costs. */
export function adjustedModel(model: Model, s: Settings): Model {
  let m = withHorizon(model, s.horizon);
  // the file's inflow per year scaled: what compiling the file with `inflow.per_year` scaled gives (reproduce.ts)
  if (s.inflowPct !== 100) m = withInflowPerYear(m, m.inflowPerYear.map((v) => (v * s.inflowPct) / 100));
  // benefit + LKS per person scaled: what the file with every state's benefit and lks scaled gives
  if (s.costPct !== 100) m = withCostPerCycle(m, m.costPerCycle.map((v) => (v * s.costPct) / 100));
  if (s.budgetPct !== 100) m = withBudgetScaled(m, s.budgetPct / 100);
  s.interventions.forEach((x, p) => (m = adjustIntervention(m, p, x)));
  return m;
}

/** Indices of the interventions switched on. */
export const membersOf = (s: Settings): number[] => s.interventions.flatMap((x, p) => (x.on ? [p] : []));

/** The declared combination with exactly these members, if any. */
export const combinationOf = (model: Model, members: readonly number[]) =>
  model.combinations.find((c) => c.members.length === members.length && members.every((p) => c.members.includes(p)));

/** Name and Dutch label the CLI would give the variant with these members (a new name when the file declares none). */
export function variantName(model: Model, members: readonly number[]): { name: string; label: string; declared: boolean } {
  if (members.length === 1) return { name: model.interventions[members[0]].name, label: model.interventions[members[0]].label, declared: true };
  const combination = combinationOf(model, members);
  if (combination) return { name: combination.name, label: combination.label, declared: true };
  return { name: "verkenner", label: members.map((p) => model.interventions[p].label).join(" + "), declared: false };
}

/**
 * The variant with the interventions switched on, each with its own effect multiplier:
 * every member's effect values are those makeVariant gives that intervention alone at
 * its multiplier. Undefined when every intervention is off.
 */
export function whatIfVariant(model: Model, s: Settings): Variant | undefined {
  const members = membersOf(s);
  if (members.length === 0) return undefined;
  const { name, label } = variantName(model, members);
  const variant = makeVariant(model, name, label, members);
  for (const p of members) {
    const alone = makeVariant(model, name, label, [p], { scale: s.interventions[p].scale });
    variant.effectValues[p] = alone.effectValues[p];
    variant.inflowValues[p] = alone.inflowValues[p];
  }
  return variant;
}

export interface ScenarioOutcome {
  scenario: MacroScenario;
  baseline: ScenarioResult;
  variant?: ScenarioResult;
}

export interface WhatIf {
  model: Model;
  variant?: Variant;
  outcomes: ScenarioOutcome[];
}

/**
 * Baseline results per macro scenario, horizon, inflow, cost per person and budget. The
 * baseline runs no intervention, so an intervention's capacity, costs and effects do not
 * change it: a page recomputes only the variant when those move.
 */
export class Baselines {
  private readonly memo = new Map<string, ScenarioResult>();

  /** `adjusted` is adjustedModel(model, s): the settings that change a baseline are its key. */
  get(adjusted: Model, s: Settings, scenario: MacroScenario): ScenarioResult {
    const key = JSON.stringify([scenario.name, s.horizon, s.inflowPct, s.costPct, s.budgetPct]);
    let hit = this.memo.get(key);
    if (!hit) {
      hit = runScenario(adjusted, scenario, [baselineVariant(adjusted)])[0];
      this.memo.set(key, hit);
    }
    return hit;
  }
}

/** Runs the selected macro scenarios: the baseline and, when any intervention is on, the variant against it. */
export function runWhatIf(model: Model, s: Settings, baselines = new Baselines()): WhatIf {
  const adjusted = adjustedModel(model, s);
  const variant = whatIfVariant(adjusted, s);
  const outcomes = adjusted.scenarios
    .filter((sc) => s.scenarios.includes(sc.name))
    .map((scenario) => {
      const baseline = baselines.get(adjusted, s, scenario);
      return { scenario, baseline, variant: variant ? runAgainst(adjusted, baseline, variant) : undefined };
    });
  return { model: adjusted, variant, outcomes };
}

/** A metric per year, as yearly.csv has it (outcomes/metrics.ts). */
export const metric = (r: ScenarioResult, key: Metric): Float64Array => METRICS[key].values(r);

/** Totals over the horizon of the years as shown, which add up to them (format.ts shownSum). */
const sum = (v: Float64Array): number => shownSum(v, "euro");
const last = (v: Float64Array): number => v[v.length - 1];

/** The totals over the horizon the page shows per scenario (and the browser test compares with the CLI). */
export interface Totals {
  volumeEnd: number;
  expenditure: number;
  buigResult: number;
  buigResultAfterVangnet: number;
  interventionCost: number;
  buigEffect: number;
  netEffectCumulative: number;
  /** What the municipality keeps of the BUIG effect after the vangnet, and that minus the cost. */
  buigEffectAfterVangnet: number;
  netEffectAfterVangnet: number;
}

export function totals(r: ScenarioResult): Totals {
  const interventionCost = sum(metric(r, "intervention_cost"));
  const buigEffect = sum(metric(r, "buig_effect"));
  const buigEffectAfterVangnet = sum(metric(r, "buig_effect_after_vangnet"));
  return {
    volumeEnd: last(metric(r, "volume_end")),
    expenditure: sum(metric(r, "expenditure")),
    buigResult: sum(metric(r, "buig_result")),
    buigResultAfterVangnet: sum(metric(r, "buig_result_after_vangnet")),
    interventionCost,
    buigEffect,
    // The effect minus the cost as shown beside it (format.ts shownNet): the row subtracts.
    netEffectCumulative: buigEffect - interventionCost,
    buigEffectAfterVangnet,
    netEffectAfterVangnet: buigEffectAfterVangnet - interventionCost,
  };
}

/**
 * Break-even of each intervention switched on, alone, in each selected scenario, for the
 * current horizon, capacity and costs (not the effect size: break-even is the effect size
 * at which it pays). Remembered per input, so moving the effect slider costs nothing.
 */
export class BreakEvens {
  private readonly memo = new Map<string, BreakEven>();

  private static key(s: Settings, scenario: MacroScenario, p: number): string {
    const x = s.interventions[p];
    return JSON.stringify([scenario.name, p, s.horizon, s.inflowPct, s.costPct, s.budgetPct, x.capacity, x.perStart, x.perParticipantMonth]);
  }

  /** Whether it is known without computing. */
  has(s: Settings, scenario: MacroScenario, p: number): boolean {
    return this.memo.has(BreakEvens.key(s, scenario, p));
  }

  /** `adjusted` is adjustedModel(model, s). */
  get(adjusted: Model, s: Settings, scenario: MacroScenario, p: number): BreakEven {
    const key = BreakEvens.key(s, scenario, p);
    let hit = this.memo.get(key);
    if (!hit) {
      hit = breakEven(adjusted, scenario, p);
      this.memo.set(key, hit);
    }
    return hit;
  }
}
