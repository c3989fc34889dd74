import { describe, expect, it } from "vitest";
import { projectCohort } from "../src/engine/cohort.js";
import { countingWeights } from "../src/engine/aggregate.js";
import { makeVariant } from "../src/model/variant.js";
import { outcomesOf, runScenario } from "../src/simulate/scenario.js";
import { breakEven } from "../src/analyses/breakeven.js";
import { interventionIndex } from "../src/analyses/effects.js";
import { sensitivity } from "../src/analyses/sensitivity.js";
import { vangnetCompensation } from "../src/finance/buig.js";
import { compileScenario } from "../src/model/compile/index.js";
import { InputError } from "../src/model/errors.js";
import { parseScenario } from "../src/model/parse.js";
import { compile, type Raw } from "./helpers.js";

/** A small ladder: two on-steps, work (with re-inflow), exit; one intervention on the steps. */
function ladder(intervention: Raw, extra: Raw = {}): Raw {
  return {
    name: "ladder",
    start_year: 2024,
    horizon_years: 4,
    states: [
      { name: "Trede 1", kind: "on", cost: { per: "year", benefit: 14000 } },
      { name: "Trede 2", kind: "on", cost: { per: "year", benefit: 14000, lks: 2000 } },
      { name: "Werk", kind: "off", reinflow: { cumulative: [{ months: 12, share: 0.2 }], to: { "Trede 2": 1 } } },
      { name: "Overig", kind: "exit" },
    ],
    initial: { "Trede 1": 600, "Trede 2": 400 },
    transitions: { per: "year", list: [
      { from: "Trede 1", to: "Trede 2", p: 0.1 }, { from: "Trede 2", to: "Trede 1", p: 0.05 },
      { from: "Trede 2", to: "Werk", p: 0.3 }, { from: "Trede 1", to: "Werk", p: 0.05 },
      { from: "Trede 1", to: "Overig", p: 0.06 }, { from: "Trede 2", to: "Overig", p: 0.05 },
    ] },
    inflow: { per_year: 200, entry: { "Trede 1": 0.5, "Trede 2": 0.5 } },
    buig: { budget: { "2024": 14000000 } },
    interventions: [{
      name: "ib", label: "Intensieve begeleiding", targets: ["Trede 1", "Trede 2"], start: "2024-03", end: "2026-12",
      capacity: { places: 80 }, duration_months: 6,
      effects: [{ target: "outflow_work", hazard_ratio: 1.3, decay: { type: "linear", months: 6 } }, { target: "up", relative_risk: 1.2 }],
      costs: { per_start: 300, per_participant_month: 150, events: [{ on: "outflow_work", amount: 300 }, { on: "outflow_work", amount: 900, after_months: 6 }] },
      ...intervention,
    }],
    ...extra,
  };
}

const sumAll = (a: Float64Array) => a.reduce((s, v) => s + v, 0);

describe("interventions", () => {
  it("with effect 1 and no costs change nothing, to the cent", async () => {
    const model = compile(ladder({
      effects: [{ target: "outflow_work", hazard_ratio: 1, decay: { type: "linear", months: 6 } }, { target: "up", relative_risk: 1 }],
      costs: {},
    }));
    const [base, variant] = runScenario(model, model.scenarios[0], [makeVariant(model, "baseline", "b", []), makeVariant(model, "ib", "IB", [0])]);
    expect(sumAll(variant.interventions.starts)).toBeGreaterThan(100); // participants did flow through the traject
    for (let y = 0; y < 4; y++) {
      expect(Math.abs(variant.money.expenditure[y] - base.money.expenditure[y])).toBeLessThan(0.005);
      expect(Math.abs(variant.effect.netEffect[y])).toBeLessThan(0.005);
      expect(variant.persons.volumeEnd[y]).toBeCloseTo(base.persons.volumeEnd[y], 9);
      expect(variant.persons.outflowWork[y]).toBeCloseTo(base.persons.outflowWork[y], 9);
    }
  });

  it("BUIG-effect equals the sum over cycles of (baseline - variant occupancy) x cost, computed independently", async () => {
    const model = compile(ladder({}));
    const scenario = model.scenarios[0];
    const b = projectCohort(model, scenario, makeVariant(model, "baseline", "b", []));
    const v = projectCohort(model, scenario, makeVariant(model, "ib", "IB", [0]));
    // Independent: declared-level occupancy x yearly cost / 12, half-cycle counting.
    const n = model.states.length;
    const costPerMonth = [14000 / 12, 16000 / 12, 0, 0];
    const [w0, w1] = countingWeights("half");
    const expected = new Float64Array(4);
    for (let t = 1; t <= 48; t++) {
      for (let i = 0; i < n; i++) {
        const c = costPerMonth[model.declaredOf[i]];
        const counted = (occ: Float64Array) => w0 * occ[(t - 1) * n + i] + w1 * occ[t * n + i];
        expected[Math.floor((t - 1) / 12)] += (counted(b.occupancy) - counted(v.occupancy)) * c;
      }
    }
    const [, result] = runScenario(model, scenario, [makeVariant(model, "baseline", "b", []), makeVariant(model, "ib", "IB", [0])]);
    for (let y = 0; y < 4; y++) expect(result.effect.buigEffect[y]).toBeCloseTo(expected[y], 6);
    expect(sumAll(result.effect.buigEffect)).toBeGreaterThan(0);
  });

  it("never exceeds capacity; participants leave after their duration; costs are participants x rates", async () => {
    // No moves at all: participants stay in the traject exactly duration months.
    const model = compile(ladder({ effects: [{ target: "up", relative_risk: 1 }], costs: { per_start: 300, per_participant_month: 150 } },
      { transitions: { per: "month", list: [] }, inflow: { per_year: 0, entry: { "Trede 1": 1 } } }));
    const v = projectCohort(model, model.scenarios[0], makeVariant(model, "ib", "IB", [0]));
    const { participants, participantsEnd, starts } = v.interventions;
    const iv = model.interventions[0];
    for (let t = 1; t <= 48; t++) {
      expect(participants[t - 1]).toBeLessThanOrEqual(80 + 1e-9);
      let window = 0;
      for (let s = Math.max(1, t - 5); s <= t; s++) window += starts[s - 1];
      expect(participants[t - 1]).toBeCloseTo(window, 9); // exactly the starts of the last 6 months
      if (t < iv.startCycle || t > iv.endCycle) expect(starts[t - 1]).toBe(0);
    }
    expect(starts[2]).toBeCloseTo(80, 9); // March 2024: the first 80 start
    expect(starts[8]).toBeCloseTo(80, 9); // six months later the next group
    const [, result] = runScenario(model, model.scenarios[0], [makeVariant(model, "baseline", "b", []), makeVariant(model, "ib", "IB", [0])]);
    for (let y = 0; y < 4; y++) {
      let st = 0;
      let pm = 0;
      for (let t = y * 12 + 1; t <= y * 12 + 12; t++) {
        st += starts[t - 1];
        pm += (participants[t - 1] + participantsEnd[t - 1]) / 2; // half counting: start and end of each month
      }
      expect(result.interventions.cost[y]).toBeCloseTo(st * 300 + pm * 150, 6);
      expect(result.interventions.participants[y]).toBeCloseTo(pm / 12, 9);
    }
  });

  it("pays premiums on work: EUR 300 at once and EUR 900 if still off bijstand six months later", async () => {
    const model = compile(ladder({ costs: { events: [{ on: "outflow_work", amount: 300 }, { on: "outflow_work", amount: 900, after_months: 6 }] } }));
    const v = projectCohort(model, model.scenarios[0], makeVariant(model, "ib", "IB", [0]));
    const [, result] = runScenario(model, model.scenarios[0], [makeVariant(model, "baseline", "b", []), makeVariant(model, "ib", "IB", [0])]);
    const stillOff6 = (1 - 0.2) ** (6 / 12); // constant hazard: 20% back within 12 months
    let expected = 0;
    const m = model.declared.length;
    for (let t = 1; t <= 48; t++) {
      const moved = v.interventions.toWork[(t - 1) * m + 2];
      expected += moved * 300 + (t + 6 <= 48 ? moved * 900 * stillOff6 : 0);
    }
    expect(sumAll(result.interventions.cost)).toBeCloseTo(expected, 6);
    expect(expected).toBeGreaterThan(0);
  });

  it("finds the break-even effect: net zero within EUR 1 there, positive above, negative below", async () => {
    const model = compile(ladder({}));
    const scenario = model.scenarios[0];
    const r = breakEven(model, scenario, interventionIndex(model, "ib"));
    expect(r.scale).not.toBeNull();
    const net = (k: number) => outcomesOf(model, scenario)(makeVariant(model, "ib", "IB", [0], { scale: k })).net;
    expect(Math.abs(net(r.scale!))).toBeLessThan(1);
    expect(net(r.scale! * 1.01 + 0.001)).toBeGreaterThan(0);
    expect(net(r.scale! * 0.99 - 0.001)).toBeLessThan(0);
    expect(r.effects[0].breakEven).toBeCloseTo(1 + r.scale! * 0.3, 12);
  });

  it("one-way sensitivity moves the net effect in the expected direction", async () => {
    const model = compile(ladder({
      effects: [{ target: "outflow_work", hazard_ratio: 1.3, distribution: { type: "lognormal", ci95: [1.0, 1.7] } }],
      costs: { per_participant_month: 150, range: { per_participant_month: [100, 250] } },
    }));
    const rows = sensitivity(model, model.scenarios[0], 0);
    expect(rows.map((r) => r.parameter)).toEqual(["outflow_work (hazard ratio)", "kosten per deelnemer per maand"]);
    expect(rows[0].netLow!).toBeLessThan(rows[0].netBase!);
    expect(rows[0].netHigh!).toBeGreaterThan(rows[0].netBase!);
    expect(rows[1].netLow!).toBeGreaterThan(rows[1].netHigh!); // cheaper is better
  });

  it("Groningen-like: 150 extra persons a year leaving for work for good save about EUR 2.2 M a year once structural", async () => {
    // Steady stock of 9,527; a person leaves with q = 1/12 a month, so would otherwise stay 12 months on
    // average. A programme takes places/month into work for good; as a participant would have left anyway
    // with probability q, places = 12.5 / (1 - q) gives exactly 12.5 extra a month = 150 a year.
    // Structural stock effect: 12.5 / q = 150 persons, saving 150 x EUR 14,700 = EUR 2,205,000 a year.
    const q = 1 / 12;
    const p0 = 0.001;
    const model = compile({
      name: "groningen-like", start_year: 2022, horizon_years: 6,
      states: [{ name: "A", kind: "on", cost: { per: "year", benefit: 14700 } }, { name: "W", kind: "off" }, { name: "X", kind: "exit" }],
      initial: { A: 9527 },
      transitions: { per: "month", list: [{ from: "A", to: "X", p: q - p0 }, { from: "A", to: "W", p: p0 }] },
      inflow: { per_year: 9527 * q * 12, entry: { A: 1 } },
      buig: { budget: { "2022": 0 } },
      interventions: [{ name: "werk", label: "Werk", targets: ["A"], start: "2022", end: "2027", capacity: { places: 12.5 / (1 - q) }, duration_months: 1,
        effects: [{ target: "outflow_work", hazard_ratio: 1e9 }] }],
    });
    const [base, result] = runScenario(model, model.scenarios[0], [makeVariant(model, "baseline", "b", []), makeVariant(model, "werk", "W", [0])]);
    expect(base.persons.volumeEnd[5]).toBeCloseTo(9527, 6); // steady state
    const extraOut = result.persons.outflowWork[5] + result.persons.outflowOther[5] - base.persons.outflowWork[5] - base.persons.outflowOther[5];
    const extraToWork = result.persons.outflowWork[5] - base.persons.outflowWork[5];
    // Every participant goes to work (HR 1e9): 12 x places a year, less those who would have gone
    // to work anyway (p0 of them) and less the natural outflow to work of the 150 no longer on bijstand.
    const places = 12.5 / (1 - q);
    expect(extraToWork).toBeCloseTo(12 * places * (1 - p0) - 12 * p0 * 150, 0);
    expect(Math.abs(extraOut)).toBeLessThan(2); // once structural, total outflow is back to the inflow
    expect(Math.abs(result.effect.buigEffect[5] / 2205000 - 1)).toBeLessThan(0.01);
  });

  it("WW-preventie reaches up to its capacity among those entering its target states", async () => {
    // Inflow 200 a year, half of it into Trede 1 (the target): 8.33 a month reach the target,
    // below the capacity of 10 a month; 35% of them no longer flow in.
    const model = compile(ladder({ targets: ["Trede 1"], capacity: { starts_per_year: 120 }, effects: [{ target: "inflow", relative_risk: 0.65 }], costs: {} }));
    const [base, result] = runScenario(model, model.scenarios[0], [makeVariant(model, "baseline", "b", []), makeVariant(model, "ib", "W", [0])]);
    expect(result.interventions.starts[1]).toBeCloseTo(100, 9);
    expect(result.interventions.prevented[1]).toBeCloseTo(35, 9);
    expect(base.persons.inflowNew[1] - result.persons.inflowNew[1]).toBeCloseTo(35, 9);
    const m = model.declared.length;
    const fromInstroom = (r: typeof base, to: number) => r.persons.transitions[(1 * (m + 1) + m) * m + to];
    expect(fromInstroom(base, 0) - fromInstroom(result, 0)).toBeCloseTo(35, 9); // all from Trede 1's entry
    expect(fromInstroom(result, 1)).toBeCloseTo(fromInstroom(base, 1), 9); // Trede 2's entry untouched
    // Capacity binds when the target inflow exceeds it.
    const small = compile(ladder({ targets: ["Trede 1", "Trede 2"], capacity: { starts_per_year: 60 }, effects: [{ target: "inflow", relative_risk: 0.5 }], costs: {} }));
    const [, capped] = runScenario(small, small.scenarios[0], [makeVariant(small, "baseline", "b", []), makeVariant(small, "ib", "W", [0])]);
    expect(capped.interventions.starts[1]).toBeCloseTo(60, 9);
    expect(capped.interventions.prevented[1]).toBeCloseTo(30, 9);
  });

  it("applies the vangnetregeling: own risk 7.5%, half of 7.5-12.5%, all above", () => {
    const v = { ownRisk: 0.075, partialUntil: 0.125, partialShare: 0.5 };
    expect(vangnetCompensation(100, 1000, v)).toBe(0);
    expect(vangnetCompensation(-75, 1000, v)).toBe(0);
    expect(vangnetCompensation(-100, 1000, v)).toBeCloseTo(12.5, 12);
    expect(vangnetCompensation(-200, 1000, v)).toBeCloseTo(25 + 75, 12);
  });

  it("says what the municipality keeps of a saving after the vangnet: all of it in surplus, half between 7.5% and 12.5%, nothing above", () => {
    // about 14.8 million a year of expenditure: a surplus, a deficit of some 10% and one of some 20% of the budget
    const kept = (budget: number) => {
      const model = compile(ladder({}, { buig: { budget: { "2024": budget } } }));
      const [base, iv] = runScenario(model, model.scenarios[0], [makeVariant(model, "baseline", "b", []), makeVariant(model, "ib", "IB", [0])]);
      const share = (base.money.buigResult[2] / base.money.budget[2]) * -1;
      const { buigEffect, buigEffectAfterVangnet, netEffect, netEffectAfterVangnet } = iv.effect;
      expect(buigEffect[2]).toBeGreaterThan(10_000); // the intervention saves something in 2026
      for (let y = 0; y < 4; y++) expect(netEffectAfterVangnet[y] - netEffect[y]).toBeCloseTo(buigEffectAfterVangnet[y] - buigEffect[y], 6);
      return { share, ratio: buigEffectAfterVangnet[2] / buigEffect[2] };
    };
    const surplus = kept(20_000_000);
    expect(surplus.share).toBeLessThan(0);
    expect(surplus.ratio).toBeCloseTo(1, 12);
    const partial = kept(13_000_000);
    expect(partial.share).toBeGreaterThan(0.075 + 0.005);
    expect(partial.share).toBeLessThan(0.125 - 0.005);
    expect(partial.ratio).toBeCloseTo(0.5, 9);
    const full = kept(12_000_000);
    expect(full.share).toBeGreaterThan(0.125 + 0.005);
    expect(full.ratio).toBeCloseTo(0, 9);
  });
});

describe("intervention input errors", () => {
  const cases: [string, Raw, RegExp][] = [
    ["unknown target state", { targets: ["Trede 9"] }, /interventions\[0\]\.targets\[0\]: onbekende toestand "Trede 9"/],
    ["capacity below 0", { capacity: { places: -5 } }, /interventions\[0\]\.capacity\.places: moet 0 of meer zijn/],
    ["hazard ratio <= 0", { effects: [{ target: "up", hazard_ratio: 0 }] }, /hazard_ratio: een intensiteitsfactor \(hazard_ratio\) moet boven 0 liggen/],
    ["end before start", { start: "2025-06", end: "2025-01" }, /interventions\[0\]\.end: eindigt \(2025-01\) voordat ze begint \(2025-06\)/],
    ["inflow effect above 1", { targets: ["Trede 1"], capacity: { starts_per_year: 10 }, effects: [{ target: "inflow", relative_risk: 1.5 }] }, /een instroomeffect van 1.5 zou instroom toevoegen/],
    ["both measures", { effects: [{ target: "up", hazard_ratio: 1.1, relative_risk: 1.1 }] }, /geef precies één van hazard_ratio en relative_risk/],
  ];
  for (const [name, override, message] of cases) {
    it(name, async () => {
      expect(() => compile(ladder(override))).toThrow();
      try {
        const { ScenarioSchema } = await import("../src/model/schema.js");
        const { parseScenario } = await import("../src/model/parse.js");
        const { compileScenario } = await import("../src/model/compile/index.js");
        void ScenarioSchema;
        await compileScenario(parseScenario(JSON.stringify(ladder(override)), "f.json"), "f.json");
      } catch (err) {
        expect((err as { describe(): string }).describe()).toMatch(message);
      }
    });
  }

  it("refuses a relative risk that pushes a probability above 1, saying why", async () => {
    const model = compile(ladder({ effects: [{ target: "outflow_work", relative_risk: 40 }] }));
    expect(() => runScenario(model, model.scenarios[0], [makeVariant(model, "ib", "IB", [0])])).toThrow(/duwt de kans om "Trede 2.* boven 1/);
  });
});

describe("BUIG budget rule", () => {
  it("indexes the budget on the scenario's driver after from_year", async () => {
    const model = compile(ladder({}, {
      buig: { budget: { "2024": 10000000 }, indexed_on: { driver: "v", from_year: 2024 } },
      macro: {
        drivers: { v: { label: "volume", base_year: 2024 } },
        effects: [],
        scenarios: [{ name: "groei", label: "Groei", paths: { v: { "2024": 1, "2025": 1.1, "2026": 1.2 } } }],
      },
    }));
    const [r] = runScenario(model, model.scenarios[0]);
    expect(Array.from(r.money.budget)).toEqual([10000000, 11000000, 12000000, 12000000].map((v) => expect.closeTo(v, 4)));
    expect(r.money.buigResult[1]).toBeCloseTo(r.money.budget[1] - r.money.expenditure[1], 9);
  });
});

describe("selection by time on bijstand", () => {
  it("takes participants only from duration bands at or above min_months_on_bijstand", async () => {
    const model = compile(ladder({ min_months_on_bijstand: 36 }, {
      duration_bands: { months: [12, 36], outflow_multiplier: [1, 1, 1], initial_share: [0.3, 0.3, 0.4] },
    }));
    const iv = model.interventions[0];
    expect(iv.eligible.length).toBe(2); // Trede 1 and Trede 2, band 3+ years only
    for (const b of iv.eligible) expect(model.states[b].band).toBe(2);
    expect(() => compile(ladder({ min_months_on_bijstand: 24 }, {
      duration_bands: { months: [12, 36], outflow_multiplier: [1, 1, 1], initial_share: [0.3, 0.3, 0.4] },
    }))).toThrow(/24 is geen grens van een duurklasse/);
    expect(() => compile(ladder({ min_months_on_bijstand: 36 }))).toThrow(/vraagt duration_bands/);
  });
});

describe("ladder direction", () => {
  it("'up' follows the declared ladder, not the order of states", async () => {
    // States are declared Trede 1, Trede 2; the ladder [Trede 2, Trede 1] makes Trede 1 the higher
    // rung, so Trede 2 -> Trede 1 is a step up.
    const up = compile(ladder({ effects: [{ target: "up", relative_risk: 2 }] }, { ladder: ["Trede 2", "Trede 1"] }));
    const plain = compile(ladder({ effects: [{ target: "up", relative_risk: 2 }] }));
    const moves = async (model: typeof up) => {
      const [base, v] = runScenario(model, model.scenarios[0], [makeVariant(model, "baseline", "b", []), makeVariant(model, "ib", "IB", [0])]);
      const m = model.declared.length;
      const at = (r: typeof base, a: number, b: number) => r.persons.transitions[(1 * (m + 1) + a) * m + b];
      return { oneToTwo: at(v, 0, 1) / at(base, 0, 1), twoToOne: at(v, 1, 0) / at(base, 1, 0) };
    };
    const withLadder = await moves(up);
    const byOrder = await moves(plain);
    expect(withLadder.twoToOne).toBeGreaterThan(1.05); // Trede 2 -> Trede 1 is up the declared ladder
    expect(byOrder.oneToTwo).toBeGreaterThan(1.05); // without a ladder, later-declared is higher
    expect(withLadder.oneToTwo).toBeLessThan(1.02);
    expect(() => compile(ladder({}, { ladder: ["Trede 1", "Werk"] }))).toThrow(/"Werk" is geen bijstandstoestand/);
  });
});

describe("break-even and sensitivity at the edge of valid effects", () => {
  it("treat an effect size that would push a probability above 1 as out of reach, not as an error", async () => {
    // A relative risk of 3 on steps up is valid; doubling it in the search is not.
    const model = compile(ladder({ effects: [{ target: "up", relative_risk: 3, distribution: { type: "lognormal", ci95: [1, 300] } }], costs: { per_participant_month: 5000 } }));
    const r = breakEven(model, model.scenarios[0], 0);
    expect(r.netAtAssumed).toBeLessThan(0);
    expect(r.scale).toBeNull(); // at EUR 5,000 a month no valid effect pays back: out of reach, not an error
    const cheap = compile(ladder({ effects: [{ target: "up", relative_risk: 3 }], costs: { per_participant_month: 20 } }));
    const found = breakEven(cheap, cheap.scenarios[0], 0);
    expect(found.scale).not.toBeNull();
    expect(Math.abs(found.netAtBreakEven!)).toBeLessThan(1);
    const rows = sensitivity(model, model.scenarios[0], 0);
    expect(rows[0].netHigh).toBeNull(); // RR 300 on a monthly step-up of ~0.8% exceeds 1
    expect(Number.isFinite(rows[0].netLow)).toBe(true);
  });

  it("report no break-even for an intervention that takes nobody in", async () => {
    const model = compile(ladder({ capacity: { places: 0 } }));
    const r = breakEven(model, model.scenarios[0], 0);
    expect(r.scale).toBeNull();
  });
});

describe("inputs that would silently do nothing or produce nonsense", () => {
  const expectInput = (raw: Raw, message: RegExp) => {
    let err: unknown;
    try {
      compileScenario(parseScenario(JSON.stringify(raw), "f.json"), "f.json");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).describe()).toMatch(message); // the one line the CLI prints: file, path, message, fix
  };

  it("refuse effects no target can carry, and aftercare on an off state without a re-inflow profile", async () => {
    expectInput(ladder({ effects: [{ target: "reinflow", hazard_ratio: 0.8 }] }), /"reinflow" werkt op overgangen uit toestanden buiten de bijstand, en geen doeltoestand is er een/);
    expectInput(ladder({ effects: [{ target: { from: "Trede 1", to: "Trede 1" }, hazard_ratio: 2 }] }), /een effect op blijven mag niet/);
    expectInput(ladder({ targets: ["Werk"], effects: [{ target: "reinflow", hazard_ratio: 0.8 }] }, {
      states: [
        { name: "Trede 1", kind: "on" }, { name: "Trede 2", kind: "on" }, { name: "Werk", kind: "off" }, { name: "Overig", kind: "exit" },
      ],
    }), /"Werk" heeft geen herinstroomprofiel/);
  });

  it("refuse band multipliers that push a row above 1, naming the multiplier", async () => {
    expectInput(ladder({}, { cycle: "year", duration_bands: { months: [12], outflow_multiplier: [20, 1], initial_share: [0.5, 0.5] } }),
      /duration_bands\.outflow_multiplier\[0\]: 20 duwt de kans om "Trede 1" te verlaten per jaar naar 2\.3000, boven 1/);
  });

  it("refuse an empty driver path and a budget rule dividing by zero", async () => {
    const macro = (path: Record<string, number>) => ({
      drivers: { v: { label: "v", base_year: 2024 } },
      effects: [{ driver: "v", target: "inflow", elasticity: 1 }],
      scenarios: [{ name: "s", label: "S", paths: { v: path } }],
    });
    expectInput(ladder({}, { macro: macro({}) }), /paths\.v: is leeg/);
    expectInput(ladder({}, { macro: macro({ "2024": 0, "2025": 1 }), buig: { budget: { "2024": 1e6 }, indexed_on: { driver: "v", from_year: 2024 } } }),
      /paths\.v: is 0 in 2024; de budgetregel deelt erdoor/);
  });
});
