/**
 * What the probabilistic runs may draw: Dirichlet rows (a concentration per declared
 * row), distributions on single moves of a list, on state costs and on the inflow
 * level. The notes say where a point value lies far from its distribution's centre.
 */
import { COMPILE } from "../../locale/messages-compile.js";
import { centreNote } from "../distributions/index.js";
import type { MacroEffect, Uncertainty } from "../model.js";
import type { ScenarioFile } from "../schema.js";
import { monthsIn } from "../convert.js";
import { fail, type Context } from "./context.js";
import type { Declared } from "./states.js";

export function compileUncertainty(spec: ScenarioFile, decl: Declared, ctx: Context): Uncertainty {
  const t = spec.transitions;
  const m = decl.states.length;
  const rowConcentration = new Float64Array(m);
  if (typeof t.concentration === "number") rowConcentration.fill(t.concentration);
  else if (t.concentration) {
    for (const [name, c] of Object.entries(t.concentration)) rowConcentration[decl.index(name, `transitions.concentration.${name}`)] = c;
  }
  if (t.counts && t.concentration === undefined) {
    // Observed counts carry their own uncertainty: Dirichlet(counts) per row.
    t.counts.forEach((e) => (rowConcentration[decl.index(e.from, "")] += e.n));
  }
  decl.states.forEach((d, i) => d.kind === "exit" && (rowConcentration[i] = 0));
  // Concentrations count person-periods in the unit of `per`; the rows drawn are per cycle,
  // and N person-years are 12 N observed person-months.
  rowConcentration.forEach((c, i) => (rowConcentration[i] = (c * monthsIn(t.per)) / ctx.cycleMonths));
  const moves = (t.list ?? []).flatMap((e) => (e.distribution ? [{ from: decl.index(e.from, ""), to: decl.index(e.to, ""), distribution: e.distribution }] : []));
  moves.forEach((mv, k) => {
    if (rowConcentration[mv.from] > 0) {
      fail(ctx, "transitions", ...COMPILE.concentrationAndDistribution(decl.states[mv.from].name, k + 1));
    }
  });
  if (spec.inflow.distribution && typeof spec.inflow.per_year !== "number") {
    fail(ctx, "inflow.distribution", ...COMPILE.inflowDistributionNumber);
  }
  return {
    rowConcentration,
    moves,
    cost: spec.states.map((s) => (s.cost?.distribution ? { distribution: s.cost.distribution, periodMonths: monthsIn(s.cost.per) } : null)),
    inflow: spec.inflow.distribution,
  };
}

/** Notes where a point value and the centre of its distribution differ by more than 5%. */
export function centreNotes(spec: ScenarioFile, effects: readonly MacroEffect[]): string[] {
  return [
    ...effects.flatMap((e) => centreNote(e.elasticity, e.distribution, `${e.path}.elasticity`)),
    ...spec.states.flatMap((st, i) => (st.cost ? centreNote(st.cost.benefit + st.cost.lks, st.cost.distribution, `states[${i}].cost`) : [])),
    ...(typeof spec.inflow.per_year === "number" ? centreNote(spec.inflow.per_year, spec.inflow.distribution, "inflow.per_year") : []),
  ];
}

/** What a yearly cycle rounds (entrant timing, lags in whole years). */
export function yearlyCycleNote(effects: readonly MacroEffect[], ctx: Context): string[] {
  if (ctx.cycleMonths === 1) return [];
  const lags = effects.filter((e) => e.lagMonths % ctx.cycleMonths).map((e) => e.path);
  return [COMPILE.yearlyCycle(lags.join(", "))];
}
