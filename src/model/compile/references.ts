/** References: published or observed values shown next to the model (and checked by tests). */
import { COMPILE } from "../../locale/messages-compile.js";
import type { MacroScenario, Reference } from "../model.js";
import type { ScenarioFile } from "../schema.js";
import { fail, type Context } from "./context.js";

export function compileReferences(refs: ScenarioFile["references"], scenarios: readonly MacroScenario[], ctx: Context): Reference[] {
  return refs.map((r, i) => {
    if (r.scenario !== undefined && !scenarios.some((s) => s.name === r.scenario)) {
      fail(ctx, `references[${i}].scenario`, ...COMPILE.referenceScenario(r.scenario, scenarios.map((s) => s.name).join(", ")));
    }
    return {
      name: r.name,
      label: r.label,
      scenario: r.scenario,
      metric: r.metric,
      values: new Map(Object.entries(r.values).map(([y, v]) => [Number(y), v])),
      tolerance: r.tolerance,
      source: r.source,
    };
  });
}
