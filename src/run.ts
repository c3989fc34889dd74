/**
 * One deterministic run: model -> engine -> finance, for each selected macro
 * scenario. The report layer turns the result into files and tables.
 */
import { InputError } from "./model/errors.js";
import type { MacroScenario, Model } from "./model/model.js";
import { projectCohort, type Projection } from "./engine/cohort.js";
import { aggregateYears, type YearlyPersons } from "./engine/aggregate.js";
import { buigPerYear, type YearlyMoney } from "./finance/buig.js";

export interface ScenarioResult {
  scenario: MacroScenario;
  /** "baseline" until interventions exist. */
  variant: string;
  projection: Projection;
  persons: YearlyPersons;
  money: YearlyMoney;
}

/** The macro scenarios named on the command line (all when none are named). */
export function selectScenarios(model: Model, names: readonly string[] = []): MacroScenario[] {
  if (names.length === 0) return model.scenarios;
  return names.map(
    (name) =>
      model.scenarios.find((s) => s.name === name) ??
      (() => {
        throw new InputError(model.file, "--scenario", `unknown scenario "${name}"`,
          `use one of: ${model.scenarios.map((s) => s.name).join(", ")}`);
      })(),
  );
}

export function runScenario(model: Model, scenario: MacroScenario): ScenarioResult {
  const projection = projectCohort(model, scenario);
  const persons = aggregateYears(model, projection);
  return { scenario, variant: "baseline", projection, persons, money: buigPerYear(model, persons) };
}

export function runDeterministic(model: Model, names: readonly string[] = []): ScenarioResult[] {
  return selectScenarios(model, names).map((s) => runScenario(model, s));
}
