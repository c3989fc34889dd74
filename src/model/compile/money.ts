/** Money: benefit and LKS per cycle per compiled state, the BUIG budget per year, the vangnet thresholds. */
import { formatDecimal, formatEuro, formatNumber } from "../../locale/format.js";
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

/**
 * A budget that is no plausible budget for the file's own stock: more than three times,
 * or less than a third of, what the starting stock costs a year (benefit and LKS). Such a
 * file runs, but as a budget typed in millions (43.5 for 43,500,000) it reports a deficit
 * the size of the whole expenditure, which the vangnet then pays: a note, as init warns.
 */
export function budgetScaleNote(budget: Float64Array, initial: Float64Array, cost: Float64Array, ctx: Context): string[] {
  let perYear = 0;
  for (let i = 0; i < cost.length; i++) perYear += initial[i] * cost[i] * ctx.cyclesPerYear;
  if (!(perYear > 0)) return [];
  // A budget of 0 is no budget (a file without one): charts and the vangnet leave it out, and so does this note.
  const odd = [...budget.keys()].filter((y) => budget[y] !== 0 && !(budget[y] / perYear <= 3 && budget[y] / perYear >= 1 / 3));
  if (odd.length === 0) return [];
  const y = odd[0];
  const euro = (v: number) => (Math.abs(v) < 10 ? `€\u00a0${formatDecimal(v, 2)}` : formatEuro(v)); // not "€ 0" for 0,25
  return [COMPILE.budgetScale(ctx.startYear + y, odd.length - 1, euro(budget[y]), formatNumber(Number((budget[y] / perYear).toPrecision(3)), 8), euro(perYear))];
}

export function compileVangnet(v: ScenarioFile["buig"]["vangnet"], ctx: Context): Vangnet {
  const vangnet = { ownRisk: v?.own_risk ?? 0.075, partialUntil: v?.partial_until ?? 0.125, partialShare: v?.partial_share ?? 0.5 };
  if (vangnet.partialUntil < vangnet.ownRisk) fail(ctx, "buig.vangnet.partial_until", ...COMPILE.partialBelowOwnRisk);
  return vangnet;
}
