/** New inflow: persons per projected year and where they enter. */
import type { ScenarioFile } from "../schema.js";
import type { Context } from "./context.js";
import { entryShares, type Declared } from "./states.js";
import { yearlyValues } from "./years.js";

export interface Inflow {
  entry: Float64Array;
  perYear: Float64Array;
  notes: string[];
}

export function compileInflow(inflow: ScenarioFile["inflow"], decl: Declared, ctx: Context): Inflow {
  const entry = entryShares(inflow.entry, "inflow.entry", decl, ctx);
  if (typeof inflow.per_year === "number") return { entry, perYear: new Float64Array(ctx.years).fill(inflow.per_year), notes: [] };
  const { values, note } = yearlyValues(inflow.per_year, "inflow.per_year", "new inflow", ctx);
  return { entry, perYear: values, notes: note ? [note] : [] };
}
