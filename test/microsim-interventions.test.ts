/**
 * Interventions in the microsimulation: variants follow the baseline's persons and
 * draws (engine/microsim/variants.ts). Checked against exact zero (an intervention
 * without effect changes nobody's path), against the cohort engine's expectation (a
 * z-score over replications), conservation of persons, and equal output for any
 * number of workers.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { countsLayout, countsOf } from "../src/engine/microsim/counts.js";
import type { Metric } from "../src/outcomes/metrics.js";
import { metricAt } from "../src/outcomes/bands.js";
import { runMicrosim } from "../src/parallel/microsim.js";
import { runDeterministic } from "../src/simulate/scenario.js";
import { cli } from "./cli-harness.js";
import { compile, fourStates, type Raw } from "./helpers.js";

/**
 * Four states with a re-inflow tunnel from W, a traject on A and B (with an after-effect) and an inflow prevention.
 * B costs more than A, so that a step up the ladder moves the BUIG result too.
 */
const withInterventions = (effect: number, rr: number, extra: Raw = {}): Raw => fourStates({
  states: [
    { name: "A", kind: "on", cost: { per: "year", benefit: 12000 } },
    { name: "B", kind: "on", cost: { per: "year", benefit: 14000 } },
    { name: "W", kind: "off", reinflow: { cumulative: [{ months: 6, share: 0.2 }], to: { A: 1 } } },
    { name: "X", kind: "exit" },
  ],
  interventions: [
    { name: "ib", label: "IB", targets: ["A", "B"], start: "2024-02", end: "2025-06", capacity: { places: 40.5 }, duration_months: 6,
      effects: [{ target: "outflow_work", hazard_ratio: effect, decay: { type: "linear", months: 6 } }, { target: "up", relative_risk: effect }],
      costs: { per_start: 500, per_participant_month: 100, events: [{ on: "outflow_work", amount: 300, after_months: 3 }] } },
    { name: "ww", label: "WW", targets: ["A"], start: "2024", end: "2025", capacity: { starts_per_year: 12.5 },
      effects: [{ target: "inflow", relative_risk: rr }], costs: { per_start: 200 } },
  ],
  ...extra,
});

/** Bands and household types: the microsimulation's own features, which must not break exactness. */
const withPersons = (effect: number, rr: number): Raw => withInterventions(effect, rr, {
  duration_bands: { months: [6, 12], outflow_multiplier: [1.5, 1, 0.6], initial_share: [0.3, 0.2, 0.5] },
  population: {
    ages: { bands: [{ from: 18, to: 40, share: 0.4 }, { from: 40, to: 60, share: 0.4 }, { from: 60, share: 0.2 }] },
    households: [{ name: "alleenstaand", share: 0.7, multiplier: 1.1 }, { name: "paar", share: 0.3, multiplier: 0.77 }],
  },
});

describe("interventions in the microsimulation", () => {
  it("an intervention without effect has a BUIG effect of exactly 0 and a net effect of minus its cost, in every replication", async () => {
    const model = compile(withPersons(1, 1));
    const runs = 12;
    const out = await runMicrosim(model, { seed: 4, runs, scenarios: [] }, { workers: 1 });
    const layout = { years: model.years, states: model.declared.length };
    const variants = out.results.length;
    expect(out.results.map((r) => r.variant)).toEqual(["baseline", "ib", "ww"]);
    let costs = 0;
    for (let r = 0; r < runs; r++) {
      for (let v = 1; v < variants; v++) {
        for (let y = 0; y < model.years; y++) {
          const at = (metric: Metric) => out.values[r * out.size + metricAt(layout, v, metric, y)];
          expect(at("buig_effect")).toBe(0);
          expect(at("net_effect")).toBe(-at("intervention_cost"));
          expect(at("volume_end")).toBe(out.values[r * out.size + metricAt(layout, 0, "volume_end", y)]);
          costs += at("intervention_cost");
        }
      }
    }
    expect(costs).toBeGreaterThan(0); // participants were taken in and paid for
  });

  it("the mean BUIG effect, participants and prevented inflow over replications agree with the cohort engine within 4 standard errors", async () => {
    const model = compile(withInterventions(1.8, 0.5));
    const R = 300;
    const out = await runMicrosim(model, { seed: 9, runs: R, scenarios: [], variants: ["ib", "ww"] }, { workers: 1 });
    const cohort = runDeterministic(model, [], ["ib", "ww"]);
    const layout = { years: model.years, states: model.declared.length };
    const metrics: Metric[] = ["buig_effect", "net_effect_cumulative", "intervention_participants", "intervention_starts", "inflow_prevented", "volume_end"];
    let worst = 0;
    for (const v of [1, 2]) {
      for (const metric of metrics) {
        for (let y = 0; y < model.years; y++) {
          const xs = Array.from({ length: R }, (_, r) => out.values[r * out.size + metricAt(layout, v, metric, y)]);
          const mean = xs.reduce((a, b) => a + b, 0) / R;
          const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (R - 1));
          const expected = cohortValue(cohort[v], metric, y);
          if (sd === 0) {
            expect(mean, `${cohort[v].variant} ${metric} ${y}`).toBeCloseTo(expected, 6);
            continue;
          }
          const z = Math.abs(mean - expected) / (sd / Math.sqrt(R));
          expect(z, `${cohort[v].variant} ${metric} year ${y}: microsim ${mean}, cohort ${expected}`).toBeLessThan(4);
          worst = Math.max(worst, z);
        }
      }
    }
    expect(worst).toBeGreaterThan(0.1); // it really is random
    expect(cohortValue(cohort[1], "buig_effect", 1)).toBeGreaterThan(0); // and the effect is there
  });

  it("conserves persons: a variant holds the baseline's persons less those prevention kept out, every cycle", async () => {
    const model = compile(withPersons(1.6, 0.4));
    const out = await runMicrosim(model, { seed: 2, runs: 1, scenarios: [], variants: ["ww"] }, { workers: 1 });
    const plan = out.plans[0];
    const job = out.meanCounts[0];
    const base = countsLayout(plan.persons);
    const L = countsLayout(plan.persons, model.states.length, model.interventions.length);
    const layout = { baseline: base, variant: L, variants: 1, size: base.size + L.size };
    const b = countsOf(layout, job, 0);
    const w = countsOf(layout, job, 1);
    const { cycles: T, states: S, households: H } = plan.persons;
    const n = model.states.length;
    let prevented = 0;
    for (let t = 0; t <= T; t++) {
      if (t > 0) prevented += w[L.prevented + 1 * T + t - 1];
      let persons = 0;
      for (let k = 0; k < S * H; k++) persons += b[base.occupancy + t * S * H + k];
      let variant = 0;
      for (let k = 0; k < n * H; k++) variant += w[L.occupancy + t * n * H + k];
      expect(variant).toBe(persons - prevented);
      if (t > 0) expect(w[L.newInflow + t - 1]).toBe(b[base.newInflow + t - 1] - w[L.prevented + 1 * T + t - 1]);
    }
    expect(prevented).toBeGreaterThan(0);
  });
});

/** A cohort result's value of a metric in year index y. */
function cohortValue(r: ReturnType<typeof runDeterministic>[number], metric: Metric, y: number): number {
  const values: Record<string, Float64Array> = {
    buig_effect: r.effect.buigEffect,
    net_effect_cumulative: r.effect.netEffectCumulative,
    intervention_participants: r.interventions.participants,
    intervention_starts: r.interventions.starts,
    inflow_prevented: r.interventions.prevented,
    volume_end: r.persons.volumeEnd,
  };
  return values[metric][y];
}

describe("bijstandsim run --mode microsim with interventions", () => {
  const dir = mkdtempSync(join(tmpdir(), "microsim-iv-"));
  const file = join(dir, "small.json");
  writeFileSync(file, JSON.stringify(withPersons(1.5, 0.6)));

  it("writes byte-identical files for --workers 1 and --workers 3 with the same seed, with every variant", async () => {
    const outs: string[] = [];
    for (const w of [1, 3]) {
      const out = join(dir, `w${w}`);
      const r = await cli("run", file, "--mode", "microsim", "--seed", "42", "--runs", "3", "--workers", String(w), "--out", out, "--quiet");
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      outs.push(out);
    }
    for (const f of ["yearly.csv", "states.csv", "transitions.csv", "results.json"]) expect(readFileSync(join(outs[1], f), "utf8")).toBe(readFileSync(join(outs[0], f), "utf8"));
    const json = JSON.parse(readFileSync(join(outs[0], "results.json"), "utf8"));
    expect(json.meta.options.variants).toEqual(["baseline", "ib", "ww"]);
  });

  it("runs the --variant asked for, and refuses an unknown one naming the choices", async () => {
    const out = join(dir, "one");
    const r = await cli("run", file, "--mode", "microsim", "--variant", "ib", "--workers", "1", "--out", out, "--quiet");
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, "results.json"), "utf8")).meta.options.variants).toEqual(["baseline", "ib"]);
    const bad = await cli("run", file, "--mode", "microsim", "--variant", "nope", "--out", join(dir, "bad"));
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--variant.*nope.*ib, ww/);
  });
});
