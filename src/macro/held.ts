/**
 * Drivers held constant past the end of their path for more than one projected year:
 * the run warns about them (in Dutch), because a driver that stops moving is an
 * assumption, not a forecast. One year is the usual "last value holds"; more is worth a
 * warning. A constant set (neutraal) writes its values for every year, so it is not held.
 */
import { MSG } from "../model/messages.js";
import type { Model } from "../model/model.js";
import { effectMultipliers } from "./drivers.js";

export interface HeldDriver {
  driver: string;
  /** The last year with a value. */
  last: number;
  /** The projected years that hold it. */
  from: number;
  to: number;
  scenarios: string[];
}

/** `names`: the scenarios the run computes (all when empty): a path held only in a scenario left out is no concern of the run. */
export function heldDrivers(model: Model, names: readonly string[] = []): HeldDriver[] {
  const end = model.startYear + model.years - 1;
  const held = new Map<string, HeldDriver>();
  const scenarios = names.length ? model.scenarios.filter((s) => names.includes(s.name)) : model.scenarios;
  model.drivers.forEach((d, di) => {
    if (!model.effects.some((e) => e.driver === di)) return;
    for (const sc of scenarios) {
      const path = sc.paths[di];
      if (!path || path.values.length === 0) continue;
      const last = path.firstYear + path.values.length - 1;
      const from = Math.max(last + 1, model.startYear);
      if (end - from + 1 <= 1) continue;
      const key = `${d.name}|${last}`;
      const h = held.get(key) ?? { driver: d.name, last, from, to: end, scenarios: [] };
      h.scenarios.push(sc.name);
      held.set(key, h);
    }
  });
  return [...held.values()];
}

/** The Dutch warnings for the held drivers of a model. */
export function heldWarnings(model: Model, names: readonly string[] = []): string[] {
  const count = names.length || model.scenarios.length;
  return heldDrivers(model, names).map((h) =>
    MSG.heldDriver(h.driver, h.last, h.from, h.to, h.scenarios.length === count && count > 1 ? MSG.everyScenario : h.scenarios.join(", "),
      // a path of a macro set the user did not write (a stress test's shape) cannot be
      // extended by them: a horizon that holds it one year at most is the other way out
      h.last >= model.startYear ? h.last - model.startYear + 2 : undefined),
  );
}

/**
 * An effect whose multiplier swings far somewhere in the horizon: an elasticity written
 * for another form or unit (8 where a linear effect on an unemployment rate meant 0.08 per
 * point) doubled the volume without a word. A linear effect is told from a factor 2 (or
 * 1/2) on; a power effect, whose index moves in a national shock (the shipped files'
 * elasticities of about 4 give 5 in the tweede golf), from 10. One warning per effect: its
 * largest swing, the scenario and the year.
 */
export function largeEffectWarnings(model: Model): string[] {
  const out: string[] = [];
  const m = new Float64Array(model.effects.length);
  const worst = model.effects.map(() => ({ factor: 1, scenario: "", year: 0 }));
  const swing = (v: number) => (v > 0 ? Math.max(v, 1 / v) : Infinity);
  // Every cycle: a lag of months moves a driver's year to mid-year, which the first cycle of each year would miss.
  for (const sc of model.scenarios) {
    for (let t = 1; t <= model.years * model.cyclesPerYear; t++) {
      effectMultipliers(model, sc, t, m);
      m.forEach((f, e) => {
        if (swing(f) > swing(worst[e].factor)) worst[e] = { factor: f, scenario: sc.label, year: model.startYear + Math.floor((t - 1) / model.cyclesPerYear) };
      });
    }
  }
  model.effects.forEach((e, i) => {
    const w = worst[i];
    const limit = e.form === "linear" ? 2 : 10;
    if (w.factor > limit || w.factor < 1 / limit) out.push(MSG.largeEffect(e.path, Number(w.factor.toPrecision(3)), w.scenario, w.year, e.form, e.elasticity));
  });
  return out;
}
