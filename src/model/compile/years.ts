/** A value per calendar year -> a value per projected year. */
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
    else fail(ctx, path, `has no value for ${y}`, `give ${what} for every year ${ctx.startYear}-${ctx.endYear}, or shorten the horizon`);
  }
  const held = last < ctx.endYear && carry && (ruleFrom === undefined || last < ruleFrom);
  return { values, note: held ? `${what} (${path}): the ${last} value is held for ${last + 1}${heldUntil(ctx, last)}` : undefined };
}
