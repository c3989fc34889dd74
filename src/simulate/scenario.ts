/**
 * Runs: model -> engine -> finance, for each selected macro scenario and each variant
 * (the baseline, every intervention alone, every declared combination). The report
 * layer turns the results into files and tables.
 */
import { COMPILE } from "../locale/messages-compile.js";
import { InputError } from "../model/errors.js";
import type { MacroScenario, Model } from "../model/model.js";
import { allVariants, BASELINE, baselineVariant, type Variant } from "../model/variant.js";
import { projectCohort, releaseDraws, type Projection } from "../engine/cohort.js";
import { aggregateYears } from "../engine/aggregate.js";
import { buigPerYear } from "../finance/buig.js";
import { effectVersusBaseline, interventionsPerYear } from "../finance/interventions.js";
import type { ScenarioResult } from "../outcomes/result.js";
import type { KeyedStream } from "../random/stream.js";

export type { ScenarioResult };

/** The macro scenarios named on the command line (all when none are named). */
export function selectScenarios(model: Model, names: readonly string[] = []): MacroScenario[] {
  if (names.length === 0) return [...model.scenarios];
  return names.map(
    (name) =>
      model.scenarios.find((s) => s.name === name) ??
      (() => {
        throw new InputError(model.file, "--scenario", ...COMPILE.unknownScenarioRun(name, model.scenarios.map((s) => s.name).join(", ")));
      })(),
  );
}

/** The variants named on the command line (all when none are named; the baseline always). */
export function selectVariants(model: Model, names: readonly string[] = []): Variant[] {
  const all = allVariants(model);
  if (names.length === 0) return all;
  const picked = names.map(
    (name) =>
      all.find((v) => v.name === name) ??
      (() => {
        throw new InputError(model.file, "--variant", ...COMPILE.unknownVariant(name, all.slice(1).map((v) => v.name).join(", ")));
      })(),
  );
  return [all[0], ...picked.filter((v) => v !== all[0])];
}

function simulate(model: Model, scenario: MacroScenario, variant: Variant, noise?: KeyedStream, baseline?: Projection, keepDraws?: boolean) {
  const projection = projectCohort(model, scenario, variant, { noise, baseline, keepDraws });
  const persons = aggregateYears(model, projection);
  return { projection, persons, money: buigPerYear(model, persons, scenario), interventions: interventionsPerYear(model, projection) };
}

/**
 * One macro scenario: the baseline first, then each variant against it. With `noise`
 * (population noise), every variant draws from the same keyed stream as the baseline,
 * so both make the same draws for the same persons and differ only where an
 * intervention moves someone (engine/coupling.ts): the difference is the effect, not
 * chance.
 */
export function runScenario(model: Model, scenario: MacroScenario, variants: Variant[] = [baselineVariant(model)], noise?: KeyedStream): ScenarioResult[] {
  const baseline = variants.find((v) => v.name === BASELINE) ?? baselineVariant(model);
  // With noise, the variants deal out the baseline's draws (engine/paired.ts): it keeps them.
  const base = simulate(model, scenario, baseline, noise, undefined, variants.length > 1);
  const results = variants.map((variant) => {
    const r = variant === baseline ? base : simulate(model, scenario, variant, noise, base.projection);
    return {
      scenario,
      variant: variant.name,
      variantLabel: variant.label,
      ...r,
      effect: effectVersusBaseline(model, base.money, r.money, r.interventions),
    };
  });
  // The variants are done with the baseline's draws: the next baseline reuses their arrays.
  releaseDraws(base.projection);
  return results;
}

/**
 * One variant against a baseline result already computed for the same macro scenario (a
 * what-if page reruns only the variant while the baseline's inputs stay the same).
 */
export function runAgainst(model: Model, base: ScenarioResult, variant: Variant): ScenarioResult {
  const r = simulate(model, base.scenario, variant);
  return { scenario: base.scenario, variant: variant.name, variantLabel: variant.label, ...r, effect: effectVersusBaseline(model, base.money, r.money, r.interventions) };
}

export function runDeterministic(model: Model, names: readonly string[] = [], variantNames: readonly string[] = []): ScenarioResult[] {
  const variants = selectVariants(model, variantNames);
  return selectScenarios(model, names).flatMap((s) => runScenario(model, s, variants));
}

/** What break-even and sensitivity need of one variant: its cumulative net effect and how many it took in. */
export interface VariantOutcome {
  net: number;
  starts: number;
}

/**
 * Outcomes of variants of one scenario over the horizon, against a baseline computed
 * once (break-even and sensitivity evaluate many variants).
 */
export function outcomesOf(model: Model, scenario: MacroScenario): (variant: Variant) => VariantOutcome {
  const base = simulate(model, scenario, baselineVariant(model));
  return (variant) => {
    const r = simulate(model, scenario, variant);
    return {
      net: effectVersusBaseline(model, base.money, r.money, r.interventions).netEffectCumulative[model.years - 1],
      starts: r.interventions.starts.reduce((a, b) => a + b, 0),
    };
  };
}

