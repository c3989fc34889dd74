/**
 * Drivers held constant past the end of their path for more than one projected year:
 * the run warns about them (in Dutch), because a driver that stops moving is an
 * assumption, not a forecast. One year is the usual "last value holds"; more is worth a
 * warning. A constant set (neutraal) writes its values for every year, so it is not held.
 */
import { MSG } from "../model/messages.js";
import type { Model } from "../model/model.js";

export interface HeldDriver {
  driver: string;
  /** The last year with a value. */
  last: number;
  /** The projected years that hold it. */
  from: number;
  to: number;
  scenarios: string[];
}

export function heldDrivers(model: Model): HeldDriver[] {
  const end = model.startYear + model.years - 1;
  const held = new Map<string, HeldDriver>();
  model.drivers.forEach((d, di) => {
    if (!model.effects.some((e) => e.driver === di)) return;
    for (const sc of model.scenarios) {
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
export function heldWarnings(model: Model): string[] {
  return heldDrivers(model).map((h) =>
    MSG.heldDriver(h.driver, h.last, h.from, h.to, h.scenarios.length === model.scenarios.length && model.scenarios.length > 1 ? MSG.everyScenario : h.scenarios.join(", "),
      // a path of a macro set the user did not write (a stress test's shape) cannot be
      // extended by them: a horizon that holds it one year at most is the other way out
      h.last >= model.startYear ? h.last - model.startYear + 2 : undefined),
  );
}
