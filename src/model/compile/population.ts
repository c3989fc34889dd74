/**
 * The optional `population` section -> Population (model.ts): ages of the stock and of
 * new inflow, the AOW age per year and household types with their cost multipliers.
 * Only the microsimulation (`run --mode microsim`) reads it; the cohort and PSA engines
 * have no individuals and ignore it.
 */
import { COMPILE } from "../../locale/messages-compile.js";
import { InputError } from "../errors.js";
import { KIND_EXIT, type AgeBands, type DeclaredState, type Population } from "../model.js";
import type { PopulationSpec } from "../schema.js";

const SUM_TOLERANCE = 1e-9;

/**
 * The statutory AOW age in months by calendar year (the age at which AOW starts for
 * whoever reaches it in that year). Algemene Ouderdomswet art. 7a, as amended by the
 * Wet temporisering verhoging AOW-leeftijd (2019): 66y4m in 2019-2021, 66y7m in 2022,
 * 66y10m in 2023, 67y in 2024-2027; 67y3m in 2028 (Kamerbrief SZW, November 2022),
 * held in 2029, 2030 and 2031 (Kamerbrieven November 2023, 2024 and 2025). Later
 * years are not yet fixed by law: the last value is held (and the run says so).
 */
export const STATUTORY_AOW_MONTHS: Readonly<Record<number, number>> = {
  2016: 65 * 12 + 6,
  2017: 65 * 12 + 9,
  2018: 66 * 12,
  2019: 66 * 12 + 4,
  2020: 66 * 12 + 4,
  2021: 66 * 12 + 4,
  2022: 66 * 12 + 7,
  2023: 66 * 12 + 10,
  2024: 67 * 12,
  2025: 67 * 12,
  2026: 67 * 12,
  2027: 67 * 12,
  2028: 67 * 12 + 3,
  2029: 67 * 12 + 3,
  2030: 67 * 12 + 3,
  2031: 67 * 12 + 3,
};

const yearsMonths = (months: number): string => COMPILE.yearsMonths(Math.floor(months / 12), months % 12);

export interface PopulationContext {
  file: string;
  startYear: number;
  years: number;
  declared: DeclaredState[];
  declaredKind: Uint8Array;
  /** Per-cycle declared transition matrix (m x m). */
  base: Float64Array;
}

type Fail = (path: string, message: string, fix?: string) => never;

/** Compiles the `population` section; throws InputError naming the path of the first problem. */
export function compilePopulation(spec: PopulationSpec, ctx: PopulationContext): Population {
  const fail: Fail = (path, message, fix = "") => {
    throw new InputError(ctx.file, `population${path ? "." + path : ""}`, message, fix);
  };
  const notes: string[] = [];
  if (spec.aow_age_months !== undefined && !spec.ages) {
    fail("aow_age_months", ...COMPILE.aowNeedsAges);
  }
  const aowMonths = spec.ages ? aowPerYear(spec.aow_age_months, ctx, fail, notes) : null;
  const aowExit = aowMonths ? aowExitState(spec.aow_exit, ctx, fail) : -1;
  if (aowExit >= 0) {
    const m = ctx.declared.length;
    const into = ctx.declared.filter((_, d) => ctx.declaredKind[d] !== KIND_EXIT && ctx.base[d * m + aowExit] > 0).map((d) => `"${d.name}"`);
    if (into.length > 0) {
      notes.push(COMPILE.aowOnTop(ctx.declared[aowExit].name, into.join(", ")));
    }
  }
  const minAow = aowMonths ? Math.min(...aowMonths) : Infinity;
  const ages = spec.ages ? ageBands(spec.ages, "ages", minAow, fail) : null;
  const inflowAges = spec.inflow_ages ? ageBands(spec.inflow_ages, "inflow_ages", minAow, fail) : ages;
  const households = spec.households ? compileHouseholds(spec.households, fail) : null;
  return { aowMonths, aowExit, ages, inflowAges, households, notes, source: spec.source };
}

/** The AOW age in months per projected year: one number, a table per year (the latest earlier year holds), or the statutory table. */
function aowPerYear(given: PopulationSpec["aow_age_months"], ctx: PopulationContext, fail: Fail, notes: string[]): Int32Array {
  if (typeof given === "number") return new Int32Array(ctx.years).fill(given);
  const endYear = ctx.startYear + ctx.years - 1;
  const table: Record<number, number> = given ? Object.fromEntries(Object.entries(given).map(([y, v]) => [Number(y), v])) : STATUTORY_AOW_MONTHS;
  const keys = Object.keys(table).map(Number).sort((a, b) => a - b);
  if (keys.length === 0) fail("aow_age_months", ...COMPILE.aowNoYears);
  const out = new Int32Array(ctx.years);
  for (let y = 0; y < ctx.years; y++) {
    const year = ctx.startYear + y;
    let k = keys.length - 1;
    while (k >= 0 && keys[k] > year) k--;
    if (k < 0) {
      if (given) fail("aow_age_months", ...COMPILE.aowNoValue(year, ctx.startYear));
      k = 0;
    }
    out[y] = table[keys[k]];
  }
  const last = keys[keys.length - 1];
  if (!given && ctx.startYear < keys[0]) notes.push(COMPILE.aowTableStarts(keys[0], yearsMonths(table[keys[0]])));
  if (!given && endYear > last) notes.push(COMPILE.aowNotSet(last, yearsMonths(table[last]), endYear));
  return out;
}

/** The declared exit state persons move to at the AOW age: the one named, or the first exit state. */
function aowExitState(name: string | undefined, ctx: PopulationContext, fail: Fail): number {
  if (name === undefined) {
    const first = ctx.declaredKind.indexOf(KIND_EXIT);
    return first >= 0 ? first : fail("ages", ...COMPILE.aowNoExit);
  }
  const d = ctx.declared.findIndex((x) => x.name === name);
  if (d < 0) fail("aow_exit", ...COMPILE.aowUnknown(name, exitNames(ctx)));
  if (ctx.declaredKind[d] !== KIND_EXIT) fail("aow_exit", ...COMPILE.aowNotExit(name, exitNames(ctx)));
  return d;
}

/** Age bands in months, below the lowest AOW age, with shares summing to 1. */
function ageBands(spec: NonNullable<PopulationSpec["ages"]>, path: string, minAow: number, fail: Fail): AgeBands {
  const n = spec.bands.length;
  const out: AgeBands = { from: new Int32Array(n), to: new Int32Array(n), share: new Float64Array(n) };
  spec.bands.forEach((b, i) => {
    const from = Math.round(b.from * 12);
    const to = b.to === undefined ? -1 : Math.round(b.to * 12);
    if (to >= 0 && to <= from) fail(`${path}.bands[${i}]`, ...COMPILE.ageBandOrder(b.to!, b.from));
    if (from >= minAow) {
      fail(`${path}.bands[${i}].from`, ...COMPILE.ageBandAboveAow(b.from, yearsMonths(minAow)));
    }
    out.from[i] = from;
    out.to[i] = to;
    out.share[i] = b.share;
  });
  const sum = out.share.reduce((s, v) => s + v, 0);
  if (Math.abs(sum - 1) > SUM_TOLERANCE) fail(`${path}.bands`, ...COMPILE.ageShares(sum));
  return out;
}

function compileHouseholds(hs: NonNullable<PopulationSpec["households"]>, fail: Fail): NonNullable<Population["households"]> {
  if (hs.length > 255) fail("households", ...COMPILE.tooManyHouseholds(hs.length));
  hs.forEach((h, i) => {
    if (hs.slice(0, i).some((x) => x.name === h.name)) fail(`households[${i}].name`, ...COMPILE.householdTwice(h.name));
  });
  const share = Float64Array.from(hs, (h) => h.share);
  const sum = share.reduce((s, v) => s + v, 0);
  if (Math.abs(sum - 1) > SUM_TOLERANCE) fail("households", ...COMPILE.householdShares(sum));
  return { names: hs.map((h) => h.name), labels: hs.map((h) => h.label ?? h.name), share, multiplier: Float64Array.from(hs, (h) => h.multiplier) };
}

function exitNames(ctx: PopulationContext): string {
  const names = ctx.declared.filter((_, d) => ctx.declaredKind[d] === KIND_EXIT).map((d) => `"${d.name}"`);
  return names.join(", ") || COMPILE.noExitDeclared;
}
