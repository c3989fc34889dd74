/**
 * Macro drivers, their effects (elasticities with lags on inflow and chosen moves) and
 * the scenarios (a path per driver per year), plus the budget rule that indexes the
 * BUIG budget on a driver.
 */
import { COMPILE } from "../../locale/messages-compile.js";
import { MSG } from "../messages.js";
import type { EffectTargetRef, MacroEffect, MacroScenario, Model } from "../model.js";
import type { ScenarioFile } from "../schema.js";
import { fail, heldUntil, type Context } from "./context.js";
import { checkNotFromExit, type Declared } from "./states.js";

type Macro = NonNullable<ScenarioFile["macro"]>;

export interface CompiledMacro {
  drivers: Model["drivers"];
  effects: MacroEffect[];
  scenarios: MacroScenario[];
  notes: string[];
}

/** The scenario a file without macro drivers runs. */
/** The one scenario of a file without macro section (a function: its label is in the run's language). */
const noMacro = (): MacroScenario => ({ name: "basis", label: COMPILE.noMacroLabel, paths: [] });

export function compileMacro(macro: ScenarioFile["macro"], decl: Declared, ctx: Context): CompiledMacro {
  if (!macro) return { drivers: [], effects: [], scenarios: [noMacro()], notes: [] };
  const driverNames = Object.keys(macro.drivers);
  const drivers = driverNames.map((name) => ({ name, label: macro.drivers[name].label, unit: macro.drivers[name].unit, baseYear: macro.drivers[name].base_year }));
  const effects = macro.effects.map((e, i) => compileEffect(e, `macro.effects[${i}]`, driverNames, decl, ctx));
  const held = new Map<string, string[]>();
  const scenarios = macro.scenarios.map((sc, si) => compileScenarioPaths(macro, sc, si, drivers, effects, held, ctx));
  const notes = [...held].map(([what, names]) => COMPILE.heldIn(what, names.length === macro.scenarios.length ? COMPILE.everyScenario : names.join(", ")));
  return { drivers, effects, scenarios, notes };
}

function compileEffect(e: Macro["effects"][number], path: string, driverNames: string[], decl: Declared, ctx: Context): MacroEffect {
  const driver = driverNames.indexOf(e.driver);
  if (driver < 0) fail(ctx, `${path}.driver`, ...COMPILE.unknownDriver(e.driver, driverNames.join(", ")));
  let target: EffectTargetRef;
  if (typeof e.target === "string") target = { kind: e.target };
  else {
    const from = decl.index(e.target.from, `${path}.target.from`);
    const to = decl.index(e.target.to, `${path}.target.to`);
    checkNotFromExit(decl, from, `${path}.target.from`, ctx);
    if (from === to) fail(ctx, `${path}.target`, ...COMPILE.stayingPut);
    target = { kind: "cell", from, to };
  }
  return { driver, target, form: e.form, elasticity: e.elasticity, distribution: e.distribution, lagMonths: e.lag_months, path };
}

/** The first year a driver's path must have: its base year, or earlier for the longest lag on it. */
export function pathMustStart(baseYear: number, effectsOnDriver: readonly MacroEffect[], ctx: Pick<Context, "startYear">): { year: number; maxLag: number } {
  const maxLag = Math.max(0, ...effectsOnDriver.map((e) => e.lagMonths));
  return { year: Math.min(baseYear, ctx.startYear - Math.ceil(maxLag / 12)), maxLag };
}

function compileScenarioPaths(macro: Macro, sc: Macro["scenarios"][number], si: number, drivers: Model["drivers"], effects: MacroEffect[], held: Map<string, string[]>, ctx: Context): MacroScenario {
  if (macro.scenarios.slice(0, si).some((x) => x.name === sc.name)) fail(ctx, `macro.scenarios[${si}].name`, ...COMPILE.scenarioTwice(sc.name));
  const driverNames = drivers.map((d) => d.name);
  for (const key of Object.keys(sc.paths)) {
    if (!driverNames.includes(key)) fail(ctx, `macro.scenarios[${si}].paths.${key}`, ...COMPILE.pathUnknownDriver(key, driverNames.join(", ")));
  }
  const paths = drivers.map((drv, di) => {
    const path = `macro.scenarios[${si}].paths.${drv.name}`;
    const series = sc.paths[drv.name];
    const used = effects.filter((e) => e.driver === di);
    if (!series) {
      if (used.length > 0) fail(ctx, path, COMPILE.noPathForDriver(sc.name, drv.name), MSG.pathForDriverFix(drv.name, Math.min(drv.baseYear, ctx.startYear - 1)));
      return { firstYear: ctx.startYear, values: new Float64Array(0) };
    }
    const yearsGiven = Object.keys(series).map(Number).sort((a, b) => a - b);
    if (yearsGiven.length === 0) fail(ctx, path, ...COMPILE.pathEmpty);
    const first = yearsGiven[0];
    const last = yearsGiven[yearsGiven.length - 1];
    const need = pathMustStart(drv.baseYear, used, ctx);
    if (first > need.year) {
      fail(ctx, path, ...COMPILE.pathStartsLate(first, need.year, drv.baseYear, need.maxLag));
    }
    const values = new Float64Array(last - first + 1);
    for (let y = first; y <= last; y++) {
      const v = series[String(y)];
      if (v === undefined) fail(ctx, path, ...COMPILE.pathGap(y));
      values[y - first] = v;
    }
    if (last < ctx.endYear && used.length > 0) {
      const key = COMPILE.heldValue(drv.name, last, `${last + 1}${heldUntil(ctx, last)}`);
      held.set(key, [...(held.get(key) ?? []), sc.name]);
    }
    return { firstYear: first, values };
  });
  return { name: sc.name, label: sc.label, paths };
}

/** The budget rule `buig.indexed_on`: from `from_year` on, the budget follows a driver of each scenario. */
export function compileBudgetIndex(buig: ScenarioFile["buig"], macro: CompiledMacro, ctx: Context): Model["budgetIndex"] {
  const rule = buig.indexed_on;
  if (!rule) return undefined;
  const driverNames = macro.drivers.map((d) => d.name);
  const driver = driverNames.indexOf(rule.driver);
  if (driver < 0) fail(ctx, "buig.indexed_on.driver", ...COMPILE.unknownDriver(rule.driver, driverNames.join(", ")));
  const fromYear = rule.from_year;
  if (buig.budget[String(fromYear)] === undefined) fail(ctx, "buig.indexed_on.from_year", ...COMPILE.budgetNoValue(fromYear));
  for (const [si, sc] of macro.scenarios.entries()) {
    const path = sc.paths[driver];
    if (!path || path.values.length === 0 || path.firstYear > fromYear) fail(ctx, `macro.scenarios[${si}].paths.${driverNames[driver]}`, ...COMPILE.budgetRuleNoValue(fromYear));
  }
  for (const [si, sc] of macro.scenarios.entries()) {
    const path = sc.paths[driver];
    const v = path.values[Math.min(fromYear - path.firstYear, path.values.length - 1)];
    if (!(v > 0)) fail(ctx, `macro.scenarios[${si}].paths.${driverNames[driver]}`, ...COMPILE.budgetRuleZero(v, fromYear));
  }
  return { driver, fromYear, base: buig.budget[String(fromYear)] };
}
