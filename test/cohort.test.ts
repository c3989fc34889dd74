import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { largestRemainder, projectCohort } from "../src/engine/cohort.js";
import { aggregateYears } from "../src/engine/aggregate.js";
import { buigPerYear } from "../src/finance/buig.js";
import { parseScenario } from "../src/model/parse.js";
import { compileScenario } from "../src/model/compile/index.js";
import { Stream } from "../src/random/stream.js";
import { compile, shipped, sum, twoState } from "./helpers.js";

describe("cohort engine", () => {
  it("follows the closed form of a 2-state chain with inflow", async () => {
    // A_t = A_0 q^t + I (1 - q^t) / (1 - q), q = 1 - p, I = inflow per month.
    const p = 0.03;
    const model = compile(twoState(p, { horizon_years: 3, inflow: { per_year: 120, entry: { A: 1 } } }));
    const proj = projectCohort(model, model.scenarios[0]);
    const q = 1 - p;
    for (let t = 0; t <= 36; t++) {
      const exact = 1000 * q ** t + (10 * (1 - q ** t)) / (1 - q);
      expect(proj.occupancy[t * model.states.length]).toBeCloseTo(exact, 9);
    }
  });

  it("conserves persons every cycle: initial + inflow = on + off + exited (every shipped scenario, every macro scenario)", async () => {
    for (const file of ["scenarios/steenwijkerland.json", "scenarios/drentsche-aa.json", "scenarios/groningen.json"]) {
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch {
        continue; // a scenario not shipped yet
      }
      const model = await compileScenario(parseScenario(JSON.stringify(shipped(file)), file), file, { horizonYears: 10 });
      const n = model.states.length;
      for (const scenario of model.scenarios) {
        const proj = projectCohort(model, scenario);
        let entered = sum(model.initial);
        for (let t = 0; t <= proj.cycles; t++) {
          if (t > 0) entered += proj.newInflow[t - 1];
          const present = sum(proj.occupancy, t * n, (t + 1) * n);
          expect(Math.abs(present - entered)).toBeLessThan(1e-9 * entered);
        }
      }
    }
  });

  it("keeps every compiled row stochastic, with duration bands and re-inflow tunnels", async () => {
    const model = compile({
      ...twoState(0.01),
      states: [
        { name: "A", kind: "on" },
        { name: "B", kind: "on" },
        { name: "W", kind: "off", reinflow: { cumulative: [{ months: 12, share: 0.2 }, { months: 24, share: 0.3 }], to: { A: 0.5, B: 0.5 } } },
        { name: "X", kind: "exit" },
      ],
      duration_bands: { months: [12, 36], outflow_multiplier: [1.5, 1, 0.5], initial_share: [0.3, 0.3, 0.4] },
      transitions: { per: "year", list: [
        { from: "A", to: "B", p: 0.2 }, { from: "B", to: "A", p: 0.1 }, { from: "A", to: "W", p: 0.3 },
        { from: "B", to: "W", p: 0.1 }, { from: "A", to: "X", p: 0.05 }, { from: "W", to: "X", p: 0.01 },
      ] },
      initial: { A: 500, B: 500 },
      inflow: { per_year: 100, entry: { A: 0.7, B: 0.3 } },
    });
    const { compiledMatrix, combineMultipliers } = await import("../src/engine/transition.js");
    const n = model.states.length;
    expect(n).toBe(3 + 3 + 24 + 1 + 1);
    const P = compiledMatrix(model, combineMultipliers(model, new Float64Array(0)), new Float64Array(n * n));
    for (let i = 0; i < n; i++) {
      expect(sum(P, i * n, (i + 1) * n)).toBeCloseTo(1, 12);
      for (let j = 0; j < n; j++) expect(P[i * n + j]).toBeGreaterThanOrEqual(0);
    }
  });

  it("re-inflow tunnels return exactly the cumulative shares given", async () => {
    const model = compile({
      ...twoState(0),
      horizon_years: 5,
      states: [
        { name: "A", kind: "on" },
        { name: "W", kind: "off", reinflow: { cumulative: [{ months: 12, share: 0.2 }, { months: 60, share: 0.35 }], to: { A: 1 } } },
        { name: "X", kind: "exit" },
      ],
      transitions: { per: "month", list: [] },
      initial: {},
    });
    // Put 1000 persons at the start of the tunnel and let nobody leave A again.
    model.initial.fill(0);
    model.initial[model.entryOf[1]] = 1000;
    const proj = projectCohort(model, model.scenarios[0]);
    const n = model.states.length;
    expect(proj.occupancy[12 * n + model.entryOf[0]]).toBeCloseTo(200, 9);
    expect(proj.occupancy[60 * n + model.entryOf[0]]).toBeCloseTo(350, 9);
  });

  it("applies each counting convention as computed by hand", async () => {
    // 1000 persons, 10% leave per month, cost 1 per person-month, 12 months.
    const start = Array.from({ length: 12 }, (_, t) => 1000 * 0.9 ** t).reduce((a, b) => a + b);
    const end = Array.from({ length: 12 }, (_, t) => 1000 * 0.9 ** (t + 1)).reduce((a, b) => a + b);
    const expected = { start, end, half: (start + end) / 2 };
    for (const counting of ["start", "end", "half"] as const) {
      const model = compile(twoState(0.1, { counting }));
      const persons = aggregateYears(model, projectCohort(model, model.scenarios[0]));
      const money = buigPerYear(model, persons, model.scenarios[0]);
      expect(money.expenditure[0]).toBeCloseTo(expected[counting], 9);
      expect(persons.volumeAvg[0]).toBeCloseTo(expected[counting] / 12, 9);
      expect(persons.volumeEnd[0]).toBeCloseTo(1000 * 0.9 ** 12, 9);
      expect(persons.outflowOther[0]).toBeCloseTo(1000 - 1000 * 0.9 ** 12, 9);
      expect(money.buigResult[0]).toBeCloseTo(-expected[counting], 9);
    }
  });

  it("discounts money and person-years from the second projected year", async () => {
    const model = compile(twoState(0, { horizon_years: 3, discount: { money: 0.1, persons: 0.05 } }));
    const persons = aggregateYears(model, projectCohort(model, model.scenarios[0]));
    const money = buigPerYear(model, persons, model.scenarios[0]);
    expect(money.expenditure[2]).toBeCloseTo(12000, 9);
    expect(money.expenditureDiscounted[0]).toBeCloseTo(12000, 9);
    expect(money.expenditureDiscounted[2]).toBeCloseTo(12000 / 1.1 ** 2, 9);
    expect(persons.volumeAvg[1]).toBeCloseTo(1000, 9);
    expect(money.volumeAvgDiscounted[1]).toBeCloseTo(1000 / 1.05, 9);
  });

  it("runs a yearly cycle with the same yearly leaving probability", async () => {
    const model = compile(twoState(0.1, { cycle: "year", horizon_years: 2, transitions: { per: "month", list: [{ from: "A", to: "X", p: 0.1 }] } }));
    const persons = aggregateYears(model, projectCohort(model, model.scenarios[0]));
    expect(persons.volumeEnd[0]).toBeCloseTo(1000 * 0.9 ** 12, 9);
    expect(persons.volumeEnd[1]).toBeCloseTo(1000 * 0.9 ** 24, 9);
  });
});

describe("largest remainder", () => {
  it("gives the same units with a few to hand out (selection) as the sort does, ties to the first", () => {
    // The sort every call used to make, as the reference.
    const bySort = (shares: number[], total: number): number[] => {
      const floors = shares.map(Math.floor);
      let rest = total - floors.reduce((a, b) => a + b, 0);
      const order = shares.map((_, k) => k).sort((a, b) => shares[b] - floors[b] - (shares[a] - floors[a]) || a - b);
      for (const k of order) if (rest-- > 0) floors[k]++;
      return floors;
    };
    const rng = new Stream(7, 0);
    for (let c = 0; c < 2000; c++) {
      const n = 1 + Math.floor(rng.uniform() * 8);
      // Quarters give ties; the total asks for 0 to 6 units above the floors.
      const shares = Array.from({ length: n }, () => Math.floor(rng.uniform() * 40) / 4);
      const total = shares.reduce((a, b) => a + Math.floor(b), 0) + Math.floor(rng.uniform() * 7);
      expect(largestRemainder(shares, total)).toEqual(bySort(shares, total));
    }
  });
});

describe("initial occupancy of recent leavers", () => {
  it("spreads persons who left in the last months over the tunnel by survival, and they return", async () => {
    const raw = {
      ...twoState(0),
      horizon_years: 1,
      states: [
        { name: "A", kind: "on" },
        { name: "W", kind: "off", reinflow: { cumulative: [{ months: 12, share: 0.2 }], to: { A: 1 } } },
        { name: "X", kind: "exit" },
      ],
      transitions: { per: "month", list: [] },
      initial: { A: 0, W: { count: 1000, left_within_months: 6 } },
    };
    const model = compile(raw);
    const first = model.entryOf[1];
    const h = 1 - 0.8 ** (1 / 12);
    const weights = Array.from({ length: 6 }, (_, j) => (1 - h) ** j);
    const total = weights.reduce((a, b) => a + b, 0);
    weights.forEach((w, j) => expect(model.initial[first + j]).toBeCloseTo((1000 * w) / total, 9));
    expect(sum(model.initial)).toBeCloseTo(1000, 9);
    const proj = projectCohort(model, model.scenarios[0]);
    expect(proj.occupancy[1 * model.states.length + model.entryOf[0]]).toBeCloseTo(1000 * h, 9); // month 1: the tunnel hazard
  });
});
