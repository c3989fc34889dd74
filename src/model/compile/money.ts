/** Money: benefit and LKS per cycle per compiled state, the BUIG budget per year, the vangnet thresholds. */
import { COMPILE } from "../../locale/messages-compile.js";
import { monthsIn } from "../convert.js";
import type { CompiledState, Vangnet } from "../model.js";
import type { ScenarioFile } from "../schema.js";
import { fail, type Context } from "./context.js";
import { yearlyValues } from "./years.js";

/** Benefit + LKS per cycle of each compiled state, from its declared state's cost. */
export function costPerCycle(states: ScenarioFile["states"], compiled: readonly CompiledState[], ctx: Context): Float64Array {
  const out = new Float64Array(compiled.length);
  states.forEach((s, d) => {
    if (!s.cost) return;
    const perCycle = ((s.cost.benefit + s.cost.lks) * ctx.cycleMonths) / monthsIn(s.cost.per);
    compiled.forEach((c, i) => c.declared === d && (out[i] = perCycle));
  });
  return out;
}

export function compileBudget(buig: ScenarioFile["buig"], ctx: Context): { budget: Float64Array; notes: string[] } {
  const indexedFrom = buig.indexed_on?.from_year;
  const { values, note } = yearlyValues(buig.budget, "buig.budget", "BUIG budget", ctx, buig.after_last === "constant" || indexedFrom !== undefined, indexedFrom);
  return { budget: values, notes: note ? [note] : [] };
}

export function compileVangnet(v: ScenarioFile["buig"]["vangnet"], ctx: Context): Vangnet {
  const vangnet = { ownRisk: v?.own_risk ?? 0.075, partialUntil: v?.partial_until ?? 0.125, partialShare: v?.partial_share ?? 0.5 };
  if (vangnet.partialUntil < vangnet.ownRisk) fail(ctx, "buig.vangnet.partial_until", ...COMPILE.partialBelowOwnRisk);
  return vangnet;
}
