/** What every compile step knows of the file: its name (for errors), the horizon and the cycle. */
import { InputError } from "../errors.js";
import { monthsIn } from "../convert.js";
import type { ScenarioFile } from "../schema.js";

export interface Context {
  readonly file: string;
  readonly startYear: number;
  readonly years: number;
  readonly endYear: number;
  readonly cycle: ScenarioFile["cycle"];
  readonly cycleMonths: number;
  readonly cyclesPerYear: number;
}

export function context(spec: ScenarioFile, file: string, horizonYears?: number): Context {
  const years = horizonYears ?? spec.horizon_years;
  const cycleMonths = monthsIn(spec.cycle);
  return { file, startYear: spec.start_year, years, endYear: spec.start_year + years - 1, cycle: spec.cycle, cycleMonths, cyclesPerYear: 12 / cycleMonths };
}

/** Stops compilation with the first problem: `file: path: message. Fix: fix`. */
export function fail(ctx: Context, path: string, message: string, fix = ""): never {
  throw new InputError(ctx.file, path, message, fix);
}

/** Sums within this of 1 count as 1 (rows, shares). */
export const SUM_TOLERANCE = 1e-9;

/** "-2028" when a held value covers more than one further year, for notes like "held for 2024-2028". */
export const heldUntil = (ctx: Context, last: number): string => (ctx.endYear > last + 1 ? `-${ctx.endYear}` : "");
