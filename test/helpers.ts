/** Small scenario builders for tests: a scenario object, compiled like a file would be. */
import { compileScenario } from "../src/model/compile/index.js";
import { InputError } from "../src/model/errors.js";
import type { Model } from "../src/model/model.js";
import { ScenarioSchema } from "../src/model/schema.js";
import { resolveScenarioText } from "../src/cli/macro-library.js";
import { readFileSync } from "node:fs";

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

/** Four states, integer counts, Poisson inflow , and re-inflow tunnels from W. */
export const fourStates = (extra: Raw = {}): Raw => ({
  name: "small", start_year: 2024, horizon_years: 2,
  states: [
    { name: "A", kind: "on", cost: { per: "year", benefit: 12000 } },
    { name: "B", kind: "on", cost: { per: "year", benefit: 12000 } },
    { name: "W", kind: "off", reinflow: { cumulative: [{ months: 6, share: 0.2 }], to: { A: 1 } } },
    { name: "X", kind: "exit" },
  ],
  initial: { A: 300, B: 200, W: 40 },
  transitions: { per: "month", list: [
    { from: "A", to: "B", p: 0.05 }, { from: "B", to: "A", p: 0.02 }, { from: "B", to: "W", p: 0.04 },
    { from: "A", to: "X", p: 0.01 }, { from: "W", to: "X", p: 0.01 },
  ] },
  inflow: { per_year: 120, entry: { A: 0.6, B: 0.4 } },
  buig: { budget: { "2024": 7000000 } },
  ...extra,
});

/** A scenario file's JSON with its macro sets written in (what the CLI compiles): shipped files name the library's sets. */
export const shipped = (file: string): Raw => JSON.parse(resolveScenarioText(readFileSync(file, "utf8"), file).text);

export function compile(raw: Raw, options = {}): Model {
  return compileScenario(ScenarioSchema.parse(raw), "test.json", options);
}

/** The InputError `f` throws, or undefined when it returns (any other error is rethrown). */
export function inputErrorOf(f: () => unknown): InputError | undefined {
  try {
    f();
    return undefined;
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
}

/** The InputError `f` throws; fails when it throws none. */
export function thrownInputError(f: () => unknown): InputError {
  const err = inputErrorOf(f);
  if (!err) throw new Error("no InputError");
  return err;
}

/** The InputError compiling `raw` throws, or undefined when it compiles. */
export const compileError = (raw: Raw): InputError | undefined => inputErrorOf(() => compile(raw));

/** Sum of a slice of a typed array. */
export const sum = (a: ArrayLike<number>, from = 0, to = a.length): number => {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i];
  return s;
};

/**
 * Exact mean and variance of every state's occupancy for T cycles of a time-homogeneous
 * chain P (dense n x n) with population noise: persons starting in state i are
 * multinomial over row i of P^t, and Poisson arrivals (lambda per cycle, spread by
 * `entry` over compiled states) thin into independent Poisson counts (variance = mean).
 * Returns [mean, variance], each (T + 1) x n.
 */
export function exactMoments(P: ArrayLike<number>, n: number, initial: ArrayLike<number>, T: number, lambda: number, entry: number[]): [Float64Array, Float64Array] {
  const mean = new Float64Array((T + 1) * n);
  const variance = new Float64Array((T + 1) * n);
  for (let i = 0; i < n; i++) mean[i] = initial[i];
  const mul = (v: number[]) => v.map((_, j) => v.reduce((s, x, i) => s + x * P[i * n + j], 0));
  const rows: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  let arrivals: number[][] = [];
  for (let t = 1; t <= T; t++) {
    for (let i = 0; i < n; i++) rows[i] = mul(rows[i]);
    arrivals = arrivals.map(mul);
    arrivals.push(entry.slice());
    for (let s = 0; s < n; s++) {
      for (let i = 0; i < n; i++) {
        const p = rows[i][s];
        mean[t * n + s] += initial[i] * p;
        variance[t * n + s] += initial[i] * p * (1 - p);
      }
      for (const a of arrivals) {
        mean[t * n + s] += lambda * a[s];
        variance[t * n + s] += lambda * a[s];
      }
    }
  }
  return [mean, variance];
}

/** Largest |observed - mean| / sd of the mean over R replications, for cells with variance; cells without must match exactly. */
export function worstZ(observedMean: ArrayLike<number>, [mean, variance]: [Float64Array, Float64Array], R: number, from: number): number {
  let worst = 0;
  for (let k = from; k < mean.length; k++) {
    if (variance[k] === 0) {
      if (Math.abs(observedMean[k] - mean[k]) > 1e-9) return Infinity;
    } else worst = Math.max(worst, Math.abs(observedMean[k] - mean[k]) / Math.sqrt(variance[k] / R));
  }
  return worst;
}
