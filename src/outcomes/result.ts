/** What one run of one macro scenario and one variant yields, from persons to money. */
import type { Projection } from "../engine/cohort.js";
import type { YearlyPersons } from "../engine/aggregate.js";
import type { YearlyMoney } from "../finance/buig.js";
import type { YearlyEffect, YearlyInterventions } from "../finance/interventions.js";
import type { MacroScenario } from "../model/model.js";

export interface ScenarioResult {
  scenario: MacroScenario;
  /** "baseline", an intervention or a combination. */
  variant: string;
  variantLabel: string;
  projection: Projection;
  persons: YearlyPersons;
  money: YearlyMoney;
  interventions: YearlyInterventions;
  /** Against the baseline of the same macro scenario (zero for the baseline itself). */
  effect: YearlyEffect;
}
