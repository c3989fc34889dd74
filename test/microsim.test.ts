import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { microsimPlan } from "../src/engine/microsim/plan.js";
import { countsLayout } from "../src/engine/microsim/counts.js";
import { simulatePersons } from "../src/engine/microsim/persons.js";
import type { Persons } from "../src/engine/microsim/population.js";
import { combineMultipliers, compiledMatrix } from "../src/engine/transition.js";
import { runMicrosim } from "../src/parallel/microsim.js";
import { runDeterministic } from "../src/simulate/scenario.js";
import { InputError } from "../src/model/errors.js";
import { cli, fromDist } from "./cli-harness.js";
import { compile, compileError, exactMoments, fourStates, shipped, worstZ, type Raw } from "./helpers.js";

const small = fourStates;

/** A hand-made population: one entry per person. */
function persons(rows: { state: number; age?: number; household?: number; duration?: number; entry?: number }[]): Persons {
  return {
    state: Uint16Array.from(rows, (r) => r.state),
    age: Uint16Array.from(rows, (r) => r.age ?? 0),
    household: Uint8Array.from(rows, (r) => r.household ?? 0),
    duration: Uint16Array.from(rows, (r) => r.duration ?? 0),
    entry: Uint16Array.from(rows, (r) => r.entry ?? 0),
  };
}

describe("microsimulation against the cohort model", () => {
  it("mean occupancy over replications lies within 4 exact standard deviations of the cohort expectation, every state and cycle", async () => {
    const model = compile(small());
    const n = model.states.length; // A, B, W tunnel months 1..6 + durable, X
    const T = 24;
    const R = 400;
    const out = await runMicrosim(model, { seed: 11, runs: R, scenarios: [] }, { workers: 1 });
    const plan = out.plans[0].persons;
    const counts = out.meanCounts[0];
    expect(plan.states).toBe(n);
    expect(plan.households).toBe(1);
    const dense = compiledMatrix(model, combineMultipliers(model, new Float64Array(0)), new Float64Array(n * n));
    const entry = Array.from({ length: n }, (_, i) => (i === model.entryOf[0] ? 0.6 : i === model.entryOf[1] ? 0.4 : 0));
    const worst = worstZ(counts, exactMoments(dense, n, model.initial, T, 10, entry), R, n);
    expect(worst).toBeLessThan(4);
    expect(worst).toBeGreaterThan(0.1); // it really is random
  });

  it("conserves whole persons: stock + new inflow = everyone, every cycle, and the flows add up", async () => {
    const model = compile(small());
    const out = await runMicrosim(model, { seed: 3, runs: 1, scenarios: [] }, { workers: 1 });
    const plan = out.plans[0].persons;
    const c = out.meanCounts[0];
    const L = countsLayout(plan);
    const n = plan.states;
    const m = plan.declared;
    let expected = 540;
    for (let t = 0; t <= plan.cycles; t++) {
      if (t > 0) expected += c[L.newInflow + t - 1];
      let total = 0;
      for (let i = 0; i < n; i++) total += c[L.occupancy + t * n + i];
      expect(total).toBe(expected);
      if (t === 0) continue;
      // occupancy per declared state follows from the previous cycle and the moves
      for (let d = 0; d < m; d++) {
        const at = (u: number) => model.states.reduce((s, st, i) => (st.declared === d ? s + c[L.occupancy + u * n + i] : s), 0);
        let net = 0;
        for (let a = 0; a <= m; a++) net += c[L.flows + ((t - 1) * (m + 1) + a) * m + d];
        for (let b = 0; b < m; b++) net -= c[L.flows + ((t - 1) * (m + 1) + d) * m + b];
        expect(at(t)).toBe(at(t - 1) + net);
      }
    }
    const r = out.results[0];
    expect(r.persons.inflowNew[0] + r.persons.inflowNew[1]).toBe(expected - 540);
  });
});

describe("AOW exits", () => {
  const aowScenario = (population: Raw): Raw => ({
    name: "aow", start_year: 2024, horizon_years: 2,
    states: [{ name: "A", kind: "on", cost: { per: "month", benefit: 100 } }, { name: "W", kind: "off" }, { name: "X", kind: "exit" }],
    initial: { A: 1 },
    transitions: { per: "month", list: [{ from: "A", to: "W", p: 0.0 }] },
    inflow: { per_year: 0, entry: { A: 1 } },
    buig: { budget: { "2024": 0 } },
    population,
  });

  it("a person AOW - 1 month old exits in exactly the next cycle, from an on or off state, also after arriving", async () => {
    const model = compile(aowScenario({ aow_age_months: 804, ages: { bands: [{ from: 18, share: 1 }] } }));
    const plan = microsimPlan(model, model.scenarios[0]).persons;
    const [A, W, X] = [0, 1, 2];
    const pop = persons([
      { state: A, age: 803 }, // exits in cycle 1
      { state: A, age: 802 }, // cycle 2
      { state: W, age: 800 }, // off bijstand: cycle 4
      { state: A, age: 700 }, // stays
      { state: A, age: 803, entry: 1 }, // arrives in cycle 1, exits in cycle 2
    ]);
    const L = countsLayout(plan);
    const c = new Float64Array(L.size);
    simulatePersons(plan, { persons: pop, firstBlock: 0, seed: 1n }, 1024, c);
    const occ = (t: number, s: number) => c[L.occupancy + t * plan.states + s];
    expect([occ(0, A), occ(0, W), occ(0, X)]).toEqual([3, 1, 0]);
    expect([occ(1, A), occ(1, W), occ(1, X)]).toEqual([3, 1, 1]);
    expect([occ(2, A), occ(2, W), occ(2, X)]).toEqual([1, 1, 3]);
    expect([occ(3, A), occ(3, W), occ(3, X)]).toEqual([1, 1, 3]);
    expect([occ(4, A), occ(4, W), occ(4, X)]).toEqual([1, 0, 4]);
    expect(Array.from(c.subarray(L.aowExits, L.aowExits + 5))).toEqual([1, 2, 0, 0, 0]); // from bijstand only
    const flow = (t: number, a: number, b: number) => c[L.flows + ((t - 1) * 4 + a) * 3 + b];
    expect([flow(1, A, X), flow(2, A, X), flow(4, W, X), flow(1, 3, A)]).toEqual([1, 2, 1, 1]);
  });

  it("uses the AOW age of each cycle's year", async () => {
    const model = compile(aowScenario({ aow_age_months: { "2024": 810, "2025": 800 }, ages: { bands: [{ from: 18, share: 1 }] } }));
    const plan = microsimPlan(model, model.scenarios[0]).persons;
    const c = new Float64Array(countsLayout(plan).size);
    simulatePersons(plan, { persons: persons([{ state: 0, age: 795 }]), firstBlock: 0, seed: 1n }, 1024, c);
    const L = countsLayout(plan);
    // 807 months at the end of 2024 (below 810); in January 2025 808 >= 800: out in cycle 13.
    expect(c.subarray(L.aowExits, L.aowExits + 24).indexOf(1)).toBe(12);
  });

  it("draws ages below the AOW age, so nobody leaves for AOW in the first cycle by construction", async () => {
    const model = compile(aowScenario({ ages: { bands: [{ from: 60, share: 1 }] } }));
    expect(model.population!.aowMonths![0]).toBe(67 * 12); // statutory: 67 in 2024 and 2025
    const raw = aowScenario({ ages: { bands: [{ from: 60, share: 1 }] } });
    raw.initial = { A: 24000 };
    const out = await runMicrosim(compile(raw), { seed: 5, runs: 1, scenarios: [] }, { workers: 1 });
    const L = countsLayout(out.plans[0].persons);
    const exits = out.meanCounts[0].subarray(L.aowExits, L.aowExits + 24);
    // 24,000 persons spread over the 84 months below 67: about 286 reach it each month, for all 24 months.
    for (const x of exits) expect(Math.abs(x - 24000 / 84)).toBeLessThan(4 * Math.sqrt(24000 / 84));
  });

  it("names the problem in a population section", async () => {
    const bad: [Raw, RegExp][] = [
      [{ ages: { bands: [{ from: 18, to: 40, share: 0.5 }, { from: 40, share: 0.4 }] } }, /population\.ages\.bands: de aandelen tellen op tot 0\.9/],
      [{ ages: { bands: [{ from: 70, share: 1 }] } }, /population\.ages\.bands\[0\]\.from: 70 jaar ligt op of boven de AOW-leeftijd/],
      [{ aow_age_months: 804 }, /population\.aow_age_months: een AOW-leeftijd vraagt de leeftijden/],
      [{ aow_exit: "A", ages: { bands: [{ from: 18, share: 1 }] } }, /population\.aow_exit: "A" is geen uitstroomtoestand/],
      [{ households: [{ name: "x", share: 0.5, multiplier: 1 }] }, /population\.households: de aandelen tellen op tot 0\.5/],
    ];
    for (const [population, message] of bad) {
      const err = compileError(aowScenario(population));
      expect(err).toBeInstanceOf(InputError);
      expect(err!.describe()).toMatch(message);
    }
  });
});

describe("exact duration bands", () => {
  const bandsModel = () => compile({
    name: "bands", start_year: 2024, horizon_years: 2,
    states: [{ name: "A", kind: "on" }, { name: "W", kind: "off" }],
    duration_bands: { months: [12], outflow_multiplier: [2, 0.5], initial_share: [1, 0] },
    initial: {},
    transitions: { per: "month", list: [{ from: "A", to: "W", p: 0.1 }] },
    inflow: { per_year: 0, entry: { A: 1 } },
    buig: { budget: { "2024": 0 } },
  });

  it("with bands [12] and outflow multipliers [2, 0.5], a cohort of entrants moves to band 1 exactly at month 12", async () => {
    const model = await bandsModel();
    const plan = microsimPlan(model, model.scenarios[0]).persons;
    expect(plan.states).toBe(3); // A band 0, A band 1, W
    const N = 20000;
    const L = countsLayout(plan);
    const c = new Float64Array(L.size);
    simulatePersons(plan, { persons: persons(Array.from({ length: N }, () => ({ state: 0, entry: 3 }))), firstBlock: 0, seed: 9n }, 1024, c);
    const band = (t: number, b: number) => c[L.occupancy + t * 3 + b];
    for (let t = 0; t < 3; t++) expect([band(t, 0), band(t, 1)]).toEqual([0, 0]);
    for (let t = 3; t < 15; t++) {
      expect(band(t, 0)).toBeGreaterThan(0);
      expect(band(t, 1)).toBe(0);
    }
    for (let t = 15; t <= 24; t++) expect(band(t, 0)).toBe(0);
    // Outflow hazard 0.1 x 2 per month in band 0 (12 cycles, 4..15), 0.1 x 0.5 in band 1 (16..24).
    const p0 = 0.8 ** 12;
    expect(Math.abs(band(15, 1) - N * p0)).toBeLessThan(4 * Math.sqrt(N * p0 * (1 - p0)));
    const p1 = 0.95 ** 9;
    expect(Math.abs(band(24, 1) - band(15, 1) * p1)).toBeLessThan(4 * Math.sqrt(band(15, 1) * p1 * (1 - p1)));
    expect(band(24, 1) + band(24, 2)).toBe(N);
  });

  it("starts the initial stock at its months on bijstand, and a re-inflow at band 0", async () => {
    const model = await bandsModel();
    const plan = microsimPlan(model, model.scenarios[0]).persons;
    const L = countsLayout(plan);
    const c = new Float64Array(L.size);
    // 5 months on bijstand at the start: band 1 from cycle 7 on
    simulatePersons(plan, { persons: persons(Array.from({ length: 2000 }, () => ({ state: 0, duration: 5 }))), firstBlock: 0, seed: 2n }, 1024, c);
    const band = (t: number, b: number) => c[L.occupancy + t * 3 + b];
    expect(band(6, 1)).toBe(0);
    expect(band(7, 0)).toBe(0);
    expect(band(7, 1)).toBeGreaterThan(0);

    // Returners from W start a new benefit in band 0: nobody enters band 1 for 12 months.
    const withReturn = compile({
      name: "return", start_year: 2024, horizon_years: 2,
      states: [{ name: "A", kind: "on" }, { name: "W", kind: "off", reinflow: { cumulative: [{ months: 1, share: 0.9 }], to: { A: 1 } } }],
      duration_bands: { months: [12], outflow_multiplier: [1, 1], initial_share: [0, 1] },
      initial: { A: 1000 },
      transitions: { per: "month", list: [{ from: "A", to: "W", p: 0.3 }] },
      inflow: { per_year: 0, entry: { A: 1 } },
      buig: { budget: { "2024": 0 } },
    });
    const rp = microsimPlan(withReturn, withReturn.scenarios[0]).persons;
    const rl = countsLayout(rp);
    const rc = new Float64Array(rl.size);
    simulatePersons(rp, { persons: persons(Array.from({ length: 1000 }, () => ({ state: 1, duration: 30 }))), firstBlock: 0, seed: 4n }, 1024, rc);
    const rb = (t: number, b: number) => rc[rl.occupancy + t * rp.states + b];
    expect(rb(0, 1)).toBe(1000);
    for (let t = 1; t <= 12; t++) expect(rb(t, 1)).toBeLessThanOrEqual(rb(t - 1, 1));
    expect(rb(5, 0)).toBeGreaterThan(100); // returners
  });
});

describe("household types", () => {
  const tiny = (population?: Raw): Raw => ({
    name: "hh", start_year: 2024, horizon_years: 1, counting: "half",
    states: [
      { name: "A", kind: "on", cost: { per: "month", benefit: 100 } },
      { name: "B", kind: "on", cost: { per: "month", benefit: 40, lks: 20 } },
      { name: "X", kind: "exit" },
    ],
    initial: { A: 10 },
    transitions: { per: "month", list: [{ from: "A", to: "B", p: 0.2 }, { from: "B", to: "X", p: 0.1 }] },
    inflow: { per_year: 0, entry: { A: 1 } },
    buig: { budget: { "2024": 20000 } },
    ...(population ? { population } : {}),
  });

  it("household multipliers change expenditure as computed by hand; volumes stay persons", async () => {
    const population = { households: [{ name: "een", share: 0.5, multiplier: 1 }, { name: "paar", share: 0.5, multiplier: 0.5 }] };
    const out = await runMicrosim(compile(tiny(population)), { seed: 2, runs: 1, scenarios: [] }, { workers: 1 });
    const plan = out.plans[0].persons;
    const c = out.meanCounts[0];
    const H = 2;
    const occ = (t: number, i: number, h: number) => c[(t * plan.states + i) * H + h];
    expect(occ(0, 0, 0) + occ(0, 0, 1)).toBe(10);
    expect(occ(0, 0, 0)).toBeGreaterThan(0);
    expect(occ(0, 0, 1)).toBeGreaterThan(0);
    // By hand: half-cycle counting, cost per month A 100, B 60, multiplier 1 or 0.5.
    const cost = [100, 60, 0];
    const mult = [1, 0.5];
    let byHand = 0;
    let personMonths = 0;
    for (let t = 1; t <= 12; t++) {
      for (let i = 0; i < 3; i++) {
        for (let h = 0; h < H; h++) {
          const counted = (occ(t - 1, i, h) + occ(t, i, h)) / 2;
          byHand += counted * cost[i] * mult[h];
          if (i < 2) personMonths += counted;
        }
      }
    }
    const r = out.results[0];
    expect(r.money.expenditure[0]).toBeCloseTo(byHand, 6);
    expect(r.money.buigResult[0]).toBeCloseTo(20000 - byHand, 6);
    expect(r.persons.volumeAvg[0]).toBeCloseTo(personMonths / 12, 9);
    // Same seed without household types: same persons and moves (the household draw
    // comes from the population stream, not the block streams), multiplier 1.
    const plain = await runMicrosim(compile(tiny()), { seed: 2, runs: 1, scenarios: [] }, { workers: 1 });
    expect(plain.results[0].persons.volumeAvg[0]).toBeCloseTo(personMonths / 12, 9);
    expect(plain.results[0].money.expenditure[0]).toBeGreaterThan(byHand);
  });

  it("leaves the cohort engine's results unchanged (it ignores the population section)", async () => {
    const raw = shipped("scenarios/steenwijkerland.json");
    expect(raw.population).toBeDefined();
    const withPopulation = runDeterministic(compile(raw));
    delete raw.population;
    const without = runDeterministic(compile(raw));
    expect(withPopulation.map((r) => Array.from(r.money.buigResult))).toEqual(without.map((r) => Array.from(r.money.buigResult)));
    expect(withPopulation.map((r) => Array.from(r.persons.volumeEnd))).toEqual(without.map((r) => Array.from(r.persons.volumeEnd)));
  });
});

describe("docs/microsimulation.md", () => {
  it("its population example is valid and runs with the Steenwijkerland file", async () => {
    const md = readFileSync("docs/microsimulation.md", "utf8");
    const { population } = JSON.parse(/```json\n([\s\S]*?)```/.exec(md)![1]);
    const raw = shipped("scenarios/steenwijkerland.json");
    raw.population = population;
    const model = compile(raw);
    expect(Array.from(model.population!.aowMonths!)).toEqual([796, 796, 799, 802]); // 2020-2023
    expect(model.population!.households!.multiplier).toEqual(Float64Array.of(0.7, 1));
    const out = await runMicrosim(model, { seed: 1, runs: 1, scenarios: ["matig-herstel"] }, { workers: 1 });
    expect(out.results[0].persons.volumeEnd[0]).toBeGreaterThan(500);
  });
});

describe("bijstandsim run --mode microsim", () => {
  const dir = mkdtempSync(join(tmpdir(), "microsim-"));
  const file = join(dir, "small.json");
  writeFileSync(file, JSON.stringify(small({
    duration_bands: { months: [6, 12], outflow_multiplier: [1.5, 1, 0.6], initial_share: [0.3, 0.2, 0.5] },
    population: {
      ages: { bands: [{ from: 18, to: 40, share: 0.4 }, { from: 40, to: 60, share: 0.4 }, { from: 60, share: 0.2 }] },
      inflow_ages: { bands: [{ from: 18, to: 30, share: 1 }] },
      households: [{ name: "alleenstaand", share: 0.7, multiplier: 1.1 }, { name: "paar", share: 0.3, multiplier: 0.77 }],
    },
  })));

  const configs: [string, string[]][] = [
    ["one replication, its blocks split over the workers", ["--persons-scale", "8"]],
    ["two replications, blocks split", ["--runs", "2", "--persons-scale", "3"]],
    ["nine replications, whole runs per task", ["--runs", "9", "--draws"]],
  ];
  for (const [name, args] of configs) {
    it(`writes byte-identical files for --workers 1 and --workers 3 with the same seed: ${name}`, async () => {
      const outs: string[] = [];
      for (const w of [1, 3]) {
        const out = join(dir, `${name.length}-w${w}`);
        const r = await cli("run", file, "--mode", "microsim", "--seed", "42", "--workers", String(w), ...args, "--out", out, "--quiet");
        expect(r.err).toBe("");
        expect(r.code).toBe(0);
        outs.push(out);
      }
      const files = readdirSync(outs[0]).sort();
      expect(files).toEqual(args.includes("--draws") ? ["draws.csv", "results.json", "states.csv", "transitions.csv", "yearly.csv"] : ["results.json", "states.csv", "transitions.csv", "yearly.csv"]);
      for (const f of files) expect(readFileSync(join(outs[1], f), "utf8")).toBe(readFileSync(join(outs[0], f), "utf8"));
      const yearly = readFileSync(join(outs[0], "yearly.csv"), "utf8").split("\n");
      expect(yearly[0]).toBe(args.includes("--runs") ? "scenario,variant,year,metric,value,mean,p05,p50,p95" : "scenario,variant,year,metric,value");
      const json = JSON.parse(readFileSync(join(outs[0], "results.json"), "utf8"));
      expect(json.meta.options.mode).toBe("microsim");
      expect(json.meta.options.variants).toEqual(["baseline"]);
    });
  }

  it("a different seed gives different numbers", async () => {
    const run = async (seed: string) => {
      const out = join(dir, `seed-${seed}`);
      expect((await cli("run", file, "--mode", "microsim", "--seed", seed, "--workers", "1", "--out", out, "--quiet")).code).toBe(0);
      return readFileSync(join(out, "yearly.csv"), "utf8");
    };
    expect(await run("1")).not.toBe(await run("2"));
  });

  const refused: [string, string[], RegExp][] = [
    ["an unknown --variant", ["--mode", "microsim", "--variant", "x"], /--variant.*"x"/],
    ["--no-noise", ["--mode", "microsim", "--no-noise"], /--no-noise: een microsimulatie is per definitie toevallig/],
    ["--persons-scale 0", ["--mode", "microsim", "--persons-scale", "0"], /--persons-scale moet een getal boven 0 zijn/],
    ["--persons-scale outside microsim", ["--persons-scale", "2"], /--persons-scale: geldt alleen voor --mode microsim/],
  ];
  for (const [name, args, message] of refused) {
    it(`refuses ${name} with exit 2 and writes nothing`, async () => {
      const out = join(dir, `refused-${name.replace(/\W+/g, "-")}`);
      const r = await cli("run", file, ...args, "--out", out);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(existsSync(out)).toBe(false);
    });
  }

  // Worker threads run compiled JavaScript: `npm test` compiles src/ to dist/ first.
  it("a failing worker rejects with a clear error", async () => {
    const { MicrosimPool } = await fromDist<typeof import("../src/parallel/microsim-pool.js")>("parallel/microsim-pool.js");
    const model = compile(small());
    const plan = microsimPlan(model, model.scenarios[0]).persons;
    const pool = new MicrosimPool({ workers: 2 });
    try {
      const task = { kind: "persons" as const, plan, blockSize: 1024, units: [{ persons: persons([{ state: 99 }]), firstBlock: 0, seed: 1n }] };
      await expect(pool.runPersons(task, "microsim test run 0")).rejects.toThrow(/een worker faalde bij microsim test run 0: .*state 99/);
    } finally {
      await pool.destroy();
    }
  });
});
