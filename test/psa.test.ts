import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectCohort } from "../src/engine/cohort.js";
import { psaRuns, runSize } from "../src/simulate/psa.js";
import { runDeterministic } from "../src/simulate/scenario.js";
import { METRIC_KEYS, metricValues } from "../src/outcomes/metrics.js";
import { metricAt, stateAt } from "../src/outcomes/bands.js";
import { KeyedStream } from "../src/random/stream.js";
import { makeVariant } from "../src/model/variant.js";
import { runScenario } from "../src/simulate/scenario.js";
import { cli, interruptWhen } from "./cli-harness.js";
import { compile, exactMoments, worstZ, type Raw } from "./helpers.js";

/** Four states, integer counts, Poisson inflow: small enough for exact moments. */
const small = (extra: Raw = {}): Raw => ({
  name: "small", start_year: 2024, horizon_years: 2,
  states: [
    { name: "A", kind: "on", cost: { per: "year", benefit: 12000 } },
    { name: "B", kind: "on", cost: { per: "year", benefit: 12000 } },
    { name: "W", kind: "off" },
    { name: "X", kind: "exit" },
  ],
  initial: { A: 300, B: 200 },
  transitions: { per: "month", list: [
    { from: "A", to: "B", p: 0.05 }, { from: "B", to: "A", p: 0.02 }, { from: "B", to: "W", p: 0.04 },
    { from: "A", to: "X", p: 0.01 }, { from: "W", to: "B", p: 0.03 },
  ] },
  inflow: { per_year: 120, entry: { A: 0.6, B: 0.4 } },
  buig: { budget: { "2024": 7000000 } },
  ...extra,
});

describe("population noise", () => {
  it("mean occupancy lies within 4 standard deviations of the exact cohort expectation, every state and cycle", async () => {
    const model = compile(small());
    const n = model.states.length;
    const T = 24;
    const R = 400;
    const sum = new Float64Array((T + 1) * n);
    for (let r = 0; r < R; r++) {
      const p = projectCohort(model, model.scenarios[0], undefined, { noise: new KeyedStream(11, r) });
      for (let k = 0; k < sum.length; k++) sum[k] += p.occupancy[k];
    }
    // The chain has no macro effects: model.base is its monthly matrix (states are not expanded here).
    const moments = exactMoments(model.base, n, model.initial, T, 10, [0.6, 0.4, 0, 0]);
    const worst = worstZ(sum.map((v) => v / R), moments, R, n);
    expect(worst).toBeLessThan(4);
    expect(worst).toBeGreaterThan(0.1); // it really is random
  });

  it("conserves whole persons in every run", async () => {
    const model = compile(small());
    const n = model.states.length;
    const p = projectCohort(model, model.scenarios[0], undefined, { noise: new KeyedStream(3, 0) });
    let entered = 500;
    for (let t = 0; t <= p.cycles; t++) {
      if (t > 0) entered += p.newInflow[t - 1];
      let present = 0;
      for (let i = 0; i < n; i++) {
        expect(Number.isInteger(p.occupancy[t * n + i])).toBe(true);
        present += p.occupancy[t * n + i];
      }
      expect(present).toBe(entered);
    }
  });
});

/**
 * The small chain with a traject on A (and aftercare-free effects of size `effect`) and an
 * inflow prevention with relative risk `rr`. `scale` multiplies the persons and the
 * places: at 12, each month of the traject holds more persons than are dealt their
 * moves one by one (engine/paired.ts), so they are dealt as counts.
 */
const withInterventions = (effect: number, rr: number, scale = 1): Raw => small({
  initial: { A: 300 * scale, B: 200 * scale },
  interventions: [
    { name: "ib", label: "IB", targets: ["A", "B"], start: "2024", end: "2025", capacity: { places: 60 * scale }, duration_months: 6,
      effects: [{ target: "outflow_work", hazard_ratio: effect }, { target: "up", relative_risk: effect }], costs: { per_start: 500, per_participant_month: 100 } },
    { name: "ww", label: "WW", targets: ["A"], start: "2024", end: "2025", capacity: { starts_per_year: 30.5 },
      effects: [{ target: "inflow", relative_risk: rr }], costs: { per_start: 200 } },
  ],
});

describe("paired population noise: a variant draws what its baseline draws", () => {
  for (const scale of [1, 12]) it(`an intervention without effect has a BUIG effect of exactly 0 and a net effect of minus its cost, in every run (persons x ${scale})`, () => {
    const model = compile(withInterventions(1, 1, scale));
    const spec = { seed: 8, noise: true, scenarios: [], variants: [] };
    const runs = 40;
    const values = psaRuns(model, spec, 0, runs);
    const size = runSize(model, spec);
    const layout = { years: model.years, states: model.declared.length };
    let costs = 0;
    for (let run = 0; run < runs; run++) {
      for (const ri of [1, 2]) {
        for (let y = 0; y < model.years; y++) {
          const at = (metric: "buig_effect" | "net_effect" | "intervention_cost" | "intervention_starts") => values[run * size + metricAt(layout, ri, metric, y)];
          expect(at("buig_effect")).toBe(0);
          expect(at("net_effect")).toBe(-at("intervention_cost"));
          costs += at("intervention_cost");
        }
      }
    }
    expect(costs).toBeGreaterThan(0); // participants were taken in and paid for
  });

  for (const scale of [1, 12]) it(`participants' moves keep their distribution: the variant's mean over runs equals its expected-value projection (persons x ${scale})`, () => {
    const model = compile(withInterventions(1.8, 0.5, scale));
    const variant = makeVariant(model, "ib", "IB", [0]);
    const n = model.states.length;
    const m = model.declared.length;
    const T = model.years * 12;
    const R = 300;
    // per declared state (participants' sub-states included) and cycle: sum and sum of squares over runs
    const byDeclared = (occupancy: Float64Array, t: number, d: number) => model.states.reduce((a, st, i) => (st.declared === d ? a + occupancy[t * n + i] : a), 0);
    const sum = new Float64Array((T + 1) * m);
    const sq = new Float64Array(sum.length);
    for (let r = 0; r < R; r++) {
      const p = projectCohort(model, model.scenarios[0], variant, { noise: new KeyedStream(21, r) });
      for (let t = 1; t <= T; t++) {
        for (let d = 0; d < m; d++) {
          const v = byDeclared(p.occupancy, t, d);
          sum[t * m + d] += v;
          sq[t * m + d] += v * v;
        }
      }
    }
    const ev = projectCohort(model, model.scenarios[0], variant).occupancy;
    let worst = 0;
    for (let t = 1; t <= T; t++) {
      for (let d = 0; d < m; d++) {
        const mean = sum[t * m + d] / R;
        const sd = Math.sqrt(Math.max(sq[t * m + d] / R - mean * mean, 0));
        if (sd === 0) continue;
        worst = Math.max(worst, Math.abs(mean - byDeclared(ev, t, d)) / (sd / Math.sqrt(R)));
      }
    }
    expect(worst).toBeLessThan(4.5);
    expect(worst).toBeGreaterThan(0.1);
  });

  it("a fraction of a free traject place is filled with that probability: the mean intake over runs equals the expected-value projection's", () => {
    const raw = withInterventions(1.5, 1);
    (raw.interventions as { capacity: { places: number } }[])[0].capacity.places = 40.5;
    const model = compile(raw);
    const variant = makeVariant(model, "ib", "IB", [0]);
    const T = model.years * 12;
    const total = (starts: Float64Array) => starts.subarray(0, T).reduce((a, b) => a + b, 0);
    const R = 200;
    const runs = Array.from({ length: R }, (_, r) => total(projectCohort(model, model.scenarios[0], variant, { noise: new KeyedStream(5, r) }).interventions.starts));
    const expected = total(projectCohort(model, model.scenarios[0], variant).interventions.starts);
    const mean = runs.reduce((a, b) => a + b, 0) / R;
    const sd = Math.sqrt(runs.reduce((a, b) => a + (b - mean) ** 2, 0) / (R - 1));
    // Rounding the half place down every cycle it binds would fall short by several standard errors.
    expect(Math.abs(mean - expected) / (sd / Math.sqrt(R))).toBeLessThan(4);
  });

  it("population noise widens the interval of an uncertain effect's net effect only a little (paired), not by two populations' chance", () => {
    const raw = withInterventions(1.3, 0.7);
    raw.interventions[0].effects.forEach((e: Raw) => (e.distribution = { type: "lognormal", ci95: [1.0, 1.7] }));
    const model = compile(raw);
    const width = (noise: boolean) => {
      const spec = { seed: 2, noise, scenarios: [], variants: ["ib"] };
      const values = psaRuns(model, spec, 0, 300);
      const size = runSize(model, spec);
      const at = metricAt({ years: model.years, states: model.declared.length }, 1, "net_effect_cumulative", model.years - 1);
      const xs = Array.from({ length: 300 }, (_, r) => values[r * size + at]).sort((a, b) => a - b);
      return xs[284] - xs[14]; // p95 - p05
    };
    const [withNoise, without] = [width(true), width(false)];
    expect(without).toBeGreaterThan(0);
    expect(withNoise / without).toBeLessThan(1.5);
  });
});

describe("probabilistic runs", () => {
  it("with every distribution degenerate and no population noise, equal the cohort engine exactly", async () => {
    const raw = small({
      macro: {
        drivers: { v: { label: "v", base_year: 2023 } },
        effects: [{ driver: "v", target: "inflow", elasticity: 2, distribution: { type: "normal", mean: 2, sd: 0 } }],
        scenarios: [{ name: "s", label: "S", paths: { v: { "2023": 1, "2024": 1.1, "2025": 1.2 } } }],
      },
      interventions: [{ name: "ib", label: "IB", targets: ["A"], start: "2024", end: "2025", capacity: { places: 30 }, duration_months: 6,
        effects: [{ target: "up", hazard_ratio: 1.2, distribution: { type: "lognormal", ci95: [1.2, 1.2] } }], costs: { per_participant_month: 100 } }],
    });
    raw.states[0].cost.distribution = { type: "normal", mean: 12000, sd: 0 };
    raw.inflow.distribution = { type: "uniform", low: 120, high: 120 };
    const model = compile(raw);
    const spec = { seed: 5, noise: false, scenarios: [], variants: [] };
    const values = psaRuns(model, spec, 0, 3);
    const results = runDeterministic(model);
    const size = runSize(model, spec);
    const layout = { years: model.years, states: model.declared.length };
    results.forEach((r, ri) => {
      const v = metricValues(r);
      for (const metric of METRIC_KEYS) {
        for (let y = 0; y < model.years; y++) {
          for (let run = 0; run < 3; run++) expect(values[run * size + metricAt(layout, ri, metric, y)]).toBe(v[metric][y]);
        }
      }
      for (let d = 0; d < layout.states; d++) {
        for (let y = 0; y < model.years; y++) {
          for (let run = 0; run < 3; run++) expect(values[run * size + stateAt(layout, ri, d, "volume_end", y)]).toBe(r.persons.stateEnd[y * layout.states + d]);
        }
      }
    });
  });

  it("draw parameters: Dirichlet rows stay stochastic and vary around the point values", async () => {
    const model = compile(small({ transitions: { ...small().transitions, concentration: 500 } }));
    const values = psaRuns(model, { seed: 9, noise: false, scenarios: [], variants: [] }, 0, 200);
    const size = runSize(model, { seed: 9, noise: false, scenarios: [], variants: [] });
    const idx = metricAt({ years: model.years, states: model.declared.length }, 0, "volume_end", 1);
    const xs = Array.from({ length: 200 }, (_, r) => values[r * size + idx]);
    const point = runDeterministic(model)[0].persons.volumeEnd[1];
    const m = xs.reduce((a, b) => a + b, 0) / 200;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / 199);
    expect(sd).toBeGreaterThan(1);
    expect(Math.abs(m - point)).toBeLessThan((4 * sd) / Math.sqrt(200) + 0.02 * point);
  });
});

describe("bijstandsim run --mode psa", () => {
  const dir = mkdtempSync(join(tmpdir(), "psa-"));
  const file = join(dir, "small.json");
  writeFileSync(file, JSON.stringify(small({ transitions: { ...small().transitions, concentration: 800 } })));

  it("writes byte-identical files for --workers 1 and --workers 3 with the same seed", async () => {
    const outs: string[] = [];
    for (const w of [1, 3]) {
      const out = join(dir, `w${w}`);
      const r = await cli("run", file, "--mode", "psa", "--runs", "90", "--seed", "42", "--workers", String(w), "--draws", "--out", out, "--quiet");
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      outs.push(out);
    }
    const files = readdirSync(outs[0]).sort();
    expect(files).toEqual(["draws.csv", "results.json", "states.csv", "transitions.csv", "yearly.csv"]);
    for (const f of files) expect(readFileSync(join(outs[1], f), "utf8")).toBe(readFileSync(join(outs[0], f), "utf8"));
    const yearly = readFileSync(join(outs[0], "yearly.csv"), "utf8").split("\n");
    expect(yearly[0]).toBe("scenario,variant,year,metric,value,mean,p05,p50,p95");
    const row = yearly.find((l) => l.startsWith("basis,baseline,2025,volume_end,"))!.split(",").map(Number);
    expect(row[6]).toBeLessThan(row[7]);
    expect(row[7]).toBeLessThan(row[8]);
    const json = JSON.parse(readFileSync(join(outs[0], "results.json"), "utf8"));
    expect(json.scenarios[0].years[1].volume_end_p95).toBe(row[8]);
    expect(readFileSync(join(outs[0], "draws.csv"), "utf8").trim().split("\n")).toHaveLength(1 + 90 * 2);
  });

  it("says when the draws vary only the population (no parameter has a distribution), in the terminal and the report", async () => {
    const plain = join(dir, "plain.json");
    writeFileSync(plain, JSON.stringify(small()));
    const bare = await cli("run", plain, "--mode", "psa", "--runs", "20", "--workers", "1", "--report", "--out", join(dir, "plain"));
    expect(bare.code).toBe(0);
    expect(bare.out).toMatch(/let op: geen parameter in het scenariobestand heeft een verdeling \(distribution\): de trekkingen variëren alleen de populatie/);
    expect(JSON.parse(readFileSync(join(dir, "plain", "results.json"), "utf8")).meta.options.drawn_parameters).toBe(0);
    expect(readFileSync(join(dir, "plain", "report.html"), "utf8")).toMatch(/p95\) van de stochastische runs\. Geen parameter in het scenariobestand heeft een verdeling/);
    expect(readFileSync(join(dir, "plain", "report.html"), "utf8")).toMatch(/Probabilistisch: 20 trekkingen, elk met alleen toeval in de populatie \(geen parameter heeft een verdeling\)/);
    const drawn = await cli("run", file, "--mode", "psa", "--runs", "20", "--workers", "1", "--report", "--out", join(dir, "drawn"));
    expect(drawn.out).not.toMatch(/geen parameter/);
    expect(JSON.parse(readFileSync(join(dir, "drawn", "results.json"), "utf8")).meta.options.drawn_parameters).toBeGreaterThan(0); // the rows' Dirichlet
    expect(readFileSync(join(dir, "drawn", "report.html"), "utf8")).not.toMatch(/Geen parameter/);
    expect(readFileSync(join(dir, "drawn", "report.html"), "utf8")).toMatch(/Probabilistisch: 20 trekkingen, elk met \d+ getrokken parameters en toeval in de populatie; tussen haakjes het 90%-interval\./);
  });

  it("a worker failure ends the run with a clear error, exit 1 and no output", async () => {
    const out = join(dir, "fail");
    process.env.BIJSTANDSIM_FAIL_RUN = "17";
    try {
      const r = await cli("run", file, "--mode", "psa", "--runs", "40", "--workers", "2", "--out", out, "--quiet");
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^bijstandsim: fout: een worker faalde bij runs \d+\.\.\d+: injected failure in run 17; geen uitvoer geschreven\n$/);
    } finally {
      delete process.env.BIJSTANDSIM_FAIL_RUN;
    }
    expect(existsSync(out)).toBe(false);
  });

  it("Ctrl-C stops the workers and leaves no output", async () => {
    const out = join(dir, "interrupted");
    // 200,000 runs take minutes: the signal comes while the workers are busy.
    const { code, err } = await interruptWhen(/PSA gestart: 200000 trekkingen, verdeeld over --workers 2/, "run", file, "--mode", "psa", "--runs", "200000", "--workers", "2", "--out", out);
    expect(code).toBe(130);
    expect(err).toMatch(/onderbroken \(Ctrl-C\); er is niets geschreven\n$/);
    expect(err).not.toMatch(/worker failed|Terminating/);
    expect(existsSync(out)).toBe(false);
  });

  it("a scenario's bands do not depend on which other scenarios run with it", async () => {
    const two = small({ macro: {
      drivers: { v: { label: "v", base_year: 2023 } },
      effects: [{ driver: "v", target: "inflow", elasticity: 1 }],
      scenarios: [{ name: "a", label: "A", paths: { v: { "2023": 1, "2024": 1.1 } } }, { name: "b", label: "B", paths: { v: { "2023": 1, "2024": 1.3 } } }],
    } });
    const f = join(dir, "two.json");
    writeFileSync(f, JSON.stringify(two));
    const rows = async (args: string[], out: string) => {
      expect((await cli("run", f, "--mode", "psa", "--runs", "30", "--seed", "4", "--workers", "1", "--out", out, "--quiet", ...args)).code).toBe(0);
      return readFileSync(join(out, "yearly.csv"), "utf8").split("\n").filter((l) => l.startsWith("b,"));
    };
    expect(await rows(["--scenario", "b"], join(dir, "only-b"))).toEqual(await rows([], join(dir, "both")));
  });

  it("an invalid draw is an input error with exit 2, whatever the number of workers", async () => {
    const s = small({ interventions: [{ name: "ib", label: "IB", targets: ["B"], start: "2024", end: "2025", capacity: { places: 50 },
      effects: [{ target: "outflow_work", relative_risk: 2, distribution: { type: "lognormal", ci95: [1, 400] } }] }] });
    const f = join(dir, "overflow.json");
    writeFileSync(f, JSON.stringify(s));
    for (const w of ["1", "2"]) {
      const r = await cli("run", f, "--mode", "psa", "--runs", "60", "--workers", w, "--variant", "ib", "--out", join(dir, `ov${w}`));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/overflow\.json: interventions\[0\]\.effects: interventie "ib" duwt de kans om "B \[ib traject/);
    }
  });

  const bad: [string, string[], RegExp][] = [
    ["--runs 0", ["--runs", "0"], /--runs moet een geheel getal van 1 of meer zijn/],
    ["negative seed", ["--seed", "-3"], /--seed moet een geheel getal van 0 tot en met 4294967295 zijn/],
    ["non-integer seed", ["--seed", "1.5"], /--seed moet een geheel getal van 0 tot en met 4294967295 zijn/],
    ["workers 0", ["--workers", "0"], /--workers moet een geheel getal van 1 tot en met 64 zijn/],
    ["non-integer workers", ["--workers", "two"], /--workers moet een geheel getal van 1 tot en met 64 zijn/],
    ["a seed of 2^32", ["--seed", "4294967296"], /--seed moet een geheel getal van 0 tot en met 4294967295 zijn/],
    ["a horizon over 100", ["--horizon", "101"], /--horizon moet een geheel getal van 1 tot en met 100 zijn/],
  ];
  for (const [name, args, message] of bad) {
    it(`refuses ${name}`, async () => {
      const r = await cli("run", file, "--mode", "psa", ...args, "--out", join(dir, "bad"));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
    });
  }

  const badDistributions: [string, (s: Raw) => void, RegExp][] = [
    ["Dirichlet with a zero total", (s) => (s.transitions.concentration = 0), /transitions\.concentration: .*moet boven 0 liggen/],
    ["beta with a <= 0", (s) => (s.transitions.list[0].distribution = { type: "beta", alpha: 0, beta: 3 }), /transitions\.list\[0\]\.distribution\.alpha: alpha \(a\) moet boven 0 liggen/],
    ["gamma with sd 0", (s) => (s.states[0].cost.distribution = { type: "gamma", mean: 12000, sd: 0 }), /states\[0\]\.cost\.distribution\.sd: de sd moet boven 0 liggen/],
  ];
  for (const [name, edit, message] of badDistributions) {
    it(`refuses a distribution: ${name}`, async () => {
      const s = small();
      edit(s);
      const f = join(dir, "bad.json");
      writeFileSync(f, JSON.stringify(s));
      const r = await cli("run", f, "--mode", "psa", "--runs", "5", "--out", join(dir, "bad2"));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
    });
  }
});
