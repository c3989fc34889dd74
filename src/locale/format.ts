/**
 * The one number formatter of the terminal, report.html and results.xlsx: `1.012`
 * personen, `€ 12.941.365`, `2,5%` (English: `1,012`, `€12,941,365`, `2.5%`).
 *
 * Rounding, everywhere the same: a value is first rounded to the precision results.json
 * and the CSV files store (euros to cents, persons to 4 decimals: outcomes/metrics.ts),
 * then to the shown precision, half away from zero (Intl's "halfExpand", which is also
 * how Excel rounds a cell for display). So the terminal, which formats the unrounded
 * result, and the report, which reads results.json, show the same digits:
 * -438638.50 is € -438.639 in both. A value that rounds to zero has no minus sign.
 * The workbook keeps the stored numbers and shows them with the formats in XLSX_FORMATS,
 * which round the same way to the same precision.
 *
 * (Charts format their axes with the vega locale in report/locale.ts.)
 */
import { lang } from "./lang.js";

const LOCALES = { nl: "nl-NL", en: "en-GB" } as const;

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(kind: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang()}|${kind}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(LOCALES[lang()], { signDisplay: "negative", roundingMode: "halfExpand", ...options } as Intl.NumberFormatOptions)));
  return f;
}

/** Decimals results.json stores: euros in cents, persons (and other counts) in 4 decimals. */
export const STORED_DECIMALS = { euro: 2, persons: 4 } as const;

/** `v` as results.json stores it (the CSV's rounding, as a number). */
export const stored = (v: number, decimals: number): number => Number(v.toFixed(decimals));

const plain = new Map<number, Intl.NumberFormat>();
/**
 * `v` stored with `storedDecimals`, then rounded to `digits` as the formatters below round
 * it (half away from zero on the decimal value: 0,35 is 0,4, where toFixed gives 0,3), as
 * a number; a value that rounds to zero is 0, never -0. For cells that must show what the
 * terminal shows under a format of their own (vergelijking.xlsx's signed differences).
 */
export function shownValue(v: number, digits: number, storedDecimals: number): number {
  let f = plain.get(digits);
  if (!f) plain.set(digits, (f = new Intl.NumberFormat("en-US", { maximumFractionDigits: digits, useGrouping: false, roundingMode: "halfExpand" } as Intl.NumberFormatOptions)));
  return Number(f.format(stored(v, storedDecimals))) + 0;
}

/**
 * A total over years as the tables show it: each year's value rounded as it is shown
 * (whole euros or whole persons, as shownValue rounds), then added, so the years shown add
 * up to the total shown. The rounded total of the exact values can differ from it by a
 * euro or a person, which a controller adding up the years would find.
 *
 * @example
 * shownSum([-164674.6, -594123.7], "euro"); // -758799 (-164675 + -594124), where the exact sum rounds to -758798
 */
export function shownSum(values: Iterable<number>, unit: keyof typeof STORED_DECIMALS): number {
  let total = 0;
  for (const v of values) total += shownValue(v, 0, STORED_DECIMALS[unit]);
  return total;
}

/**
 * An intervention's net effect in whole euros as the tables show it: its BUIG effect as
 * shown minus its cost as shown. Shown beside each other, the net row is then the two
 * rows above it subtracted, in every year and in the total; rounding the exact net on its
 * own is a euro off from that in about one year in four (-438,6 - 0,6 = -439,2 shows as
 * -439, but -439 - 1 = -440).
 */
export const shownNet = (effect: number, cost: number): number => shownValue(effect, 0, STORED_DECIMALS.euro) - shownValue(cost, 0, STORED_DECIMALS.euro);

/**
 * An intervention's yearly net effects as shown (shownNet of each year's BUIG effect and
 * cost), their running total and their total: the rows every table of the net effect
 * prints, so that each subtracts and adds up on sight. A year without both (null) makes
 * it and every later running total null.
 */
export function shownNetSeries(effect: ArrayLike<number | null>, cost: ArrayLike<number | null>): { net: (number | null)[]; cumulative: (number | null)[]; total: number | null } {
  const net = Array.from({ length: effect.length }, (_, y) => (effect[y] === null || cost[y] === null ? null : shownNet(effect[y]!, cost[y]!)));
  let total: number | null = 0;
  const cumulative = net.map((v) => (total = total === null || v === null ? null : total + v));
  return { net, cumulative, total };
}

/** Whole persons (or any count): `1.012`. */
export const formatPersons = (v: number): string => numberFormat("persons", { maximumFractionDigits: 0 }).format(stored(v, STORED_DECIMALS.persons));
/** Persons with one decimal, for small differences such as an intervention's effect on the volume: `-3,2`. */
export const formatPersons1 = (v: number): string =>
  numberFormat("persons1", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(stored(v, STORED_DECIMALS.persons));
/** Whole euros: `€ 12.941.365`, `€ -438.639`. */
export const formatEuro = (v: number): string => numberFormat("euro", { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(stored(v, STORED_DECIMALS.euro));
/** A difference in persons with its sign: `+13`, `-4`, `0` (English `+1,012`). */
export const formatSignedPersons = (v: number): string =>
  numberFormat("signedPersons", { maximumFractionDigits: 0, signDisplay: "exceptZero" }).format(stored(v, STORED_DECIMALS.persons));
/** A difference in persons with one decimal and its sign, for an average volume: `+0,4`, `-3,2`, `0,0`. */
export const formatSignedPersons1 = (v: number): string =>
  numberFormat("signedPersons1", { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(stored(v, STORED_DECIMALS.persons));
/** A difference in whole euros with its sign: `€ +1.234`, `€ -12.345`, `€ 0` (English `+€1,234`). */
export const formatSignedEuro = (v: number): string =>
  numberFormat("signedEuro", { style: "currency", currency: "EUR", maximumFractionDigits: 0, signDisplay: "exceptZero" }).format(stored(v, STORED_DECIMALS.euro));
/** A share as a percentage with one decimal: `2,5%`. */
export const formatPercent = (v: number): string => `${numberFormat("pct", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(stored(v * 100, 6))}%`;
/** A plain number with a fixed number of decimals (multipliers, hazard ratios): `1,150`. */
export const formatDecimal = (v: number, digits: number): string =>
  numberFormat(`fixed${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(stored(v, Math.max(digits, 6)));
/** A plain number with at most `digits` decimals, years and codes aside: `14.500`, `0,95`. */
export const formatNumber = (v: number, digits = 3): string => numberFormat(`max${digits}`, { maximumFractionDigits: digits }).format(stored(v, Math.max(digits, 6)));

/** A probability as a whole percentage, `34%`; `<1%` and `>99%` where rounding would read as never or certain. */
export function formatChance(p: number): string {
  if (p <= 0) return "0%";
  if (p >= 1) return "100%";
  const pct = Math.round(p * 100);
  return pct === 0 ? "<1%" : pct === 100 ? ">99%" : `${pct}%`;
}

/** The Excel number formats of results.xlsx: the same precision as the formatters above (Excel rounds half away from zero). */
export const XLSX_FORMATS = {
  /** Whole euros, `€ 1.234.567` (the value may keep its cents). */
  euro: '"€" #,##0;"€" -#,##0',
  /** Whole persons, `1.012`. */
  persons: "#,##0",
  /** Persons with one decimal, `683,9` (averages, person-years). */
  persons1: "#,##0.0",
  /** A multiplier or effect size (hazard ratio, relative risk, k), `1,150`. */
  multiplier: "0.000",
  /** A share or probability in whole percents, `34%` (as formatChance). */
  share: "0%",
  /** A share where a tenth of a percent matters (the BUIG result against the vangnet thresholds of 7,5% and 12,5%), `-7,4%`. */
  share1: "0.0%",
  year: "0",
} as const;
