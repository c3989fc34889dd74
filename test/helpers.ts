/** Small scenario builders for tests: a scenario object, compiled like a file would be. */
import { compileScenario } from "../src/model/compile.js";
import type { Model } from "../src/model/model.js";
import { ScenarioSchema } from "../src/model/schema.js";

export type Raw = Record<string, any>;

/** A 2-state chain: "A" (on) leaks to "X" (exit) with probability p per month. */
export function twoState(p: number, overrides: Raw = {}): Raw {
  return {
    name: "two-state",
    start_year: 2024,
    horizon_years: 1,
    states: [
      { name: "A", kind: "on", cost: { per: "month", benefit: 1 } },
      { name: "X", kind: "exit" },
    ],
    initial: { A: 1000 },
    transitions: { per: "month", list: [{ from: "A", to: "X", p }] },
    inflow: { per_year: 0, entry: { A: 1 } },
    buig: { budget: { "2024": 0 } },
    ...overrides,
  };
}

export async function compile(raw: Raw, options = {}): Promise<Model> {
  return compileScenario(ScenarioSchema.parse(raw), "test.json", options);
}

/** Sum of a slice of a typed array. */
export const sum = (a: ArrayLike<number>, from = 0, to = a.length): number => {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i];
  return s;
};
