/** A value per calendar year -> a value per projected year. */
import { COMPILE } from "../../locale/messages-compile.js";
import { MSG } from "../messages.js";
import { fail, heldUntil, type Context } from "./context.js";

export interface YearValues {
  values: Float64Array;
  /** Set when the last given value is held past its year. */
  note?: string;
}

/**
 * Values for each projected year from a year series: a gap is an error; past the last
 * given year the last value holds when `carry` (with a note, unless a rule such as
 * indexing takes over from `ruleFrom`).
 */
export function yearlyValues(series: Record<string, number>, path: string, what: string, ctx: Context, carry = true, ruleFrom?: number): YearValues {
  const given = Object.keys(series).map(Number).sort((a, b) => a - b);
  const values = new Float64Array(ctx.years);
  const last = given[given.length - 1];
  for (let y = ctx.startYear; y <= ctx.endYear; y++) {
    const v = series[String(y)];
    if (v !== undefined) values[y - ctx.startYear] = v;
    else if (y > last && carry) values[y - ctx.startYear] = series[String(last)];
    else missingYear(series, given, y, path, ctx);
  }
  const held = last < ctx.endYear && carry && (ruleFrom === undefined || last < ruleFrom);
  return { values, note: held ? COMPILE.heldValue(`${COMPILE.yearlyWhat[what] ?? what} (${path})`, last, `${last + 1}${heldUntil(ctx, last)}`) : undefined };
}

/** A projected year without a value: say which and ask only for what is missing (one year is enough to start). */
function missingYear(series: Record<string, number>, given: number[], y: number, path: string, ctx: Context): never {
  const key = path.split(".").pop()!;
  if (given.length === 0 || y < given[0]) fail(ctx, path, MSG.noValueFirstYear(y), MSG.noValueFirstYearFix(key, y, given.length ? series[String(given[0])] : 0));
  const before = given.filter((g) => g < y).pop()!;
  const after = given.find((g) => g > y);
  if (after === undefined) fail(ctx, path, MSG.noValueAfterLast(y, before), MSG.noValueAfterLastFix(ctx.endYear));
  fail(ctx, path, MSG.noValueGap(y), MSG.noValueGapFix(y, before, after));
}
