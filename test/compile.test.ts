/**
 * Compilation, one step at a time (src/model/compile/), and the typed path that sets
 * parameters on a compiled model (src/model/adjust.ts) against recompiling an edited file.
 */
import { describe, expect, it } from "vitest";
import { scaleMoves } from "../src/calibrate/fit.js";
import { maxOutflowScale, withLag, withOutflowScaled } from "../src/model/adjust.js";
import { compileBands } from "../src/model/compile/bands.js";
import { context } from "../src/model/compile/context.js";
import { spreadRecentLeavers } from "../src/model/compile/initial.js";
import { layoutStates } from "../src/model/compile/layout.js";
import { compileMacro } from "../src/model/compile/macro.js";
import { tunnelHazards } from "../src/model/compile/reinflow.js";
import { compileDeclared } from "../src/model/compile/states.js";
import { declaredTransitions } from "../src/model/compile/transitions.js";
import { yearlyValues } from "../src/model/compile/years.js";
import { InputError } from "../src/model/errors.js";
import { KIND_EXIT, KIND_OFF } from "../src/model/model.js";
import { ScenarioSchema } from "../src/model/schema.js";
import { eightState } from "./calibrate-fixtures.js";
import { compile, shipped, twoState, type Raw } from "./helpers.js";

const specOf = (raw: Raw) => ScenarioSchema.parse(raw);
const ctxOf = (raw: Raw) => context(specOf(raw), "t.json");

describe("compile steps", () => {
  it("transitions: a list's stay probability is the complement of the moves out", () => {
    const raw = eightState();
    const spec = specOf(raw);
    const decl = compileDeclared(spec, ctxOf(raw));
    const t = declaredTransitions(spec.transitions, decl, ctxOf(raw));
    expect(t.encoding).toBe("list");
    expect(t.periodMonths).toBe(1);
    const m = decl.states.length;
    expect(t.perPeriod[0]).toBeCloseTo(1 - 0.04 - 0.01 - 0.005, 15); // T1 stays
    for (let i = 0; i < m; i++) expect(t.perPeriod.subarray(i * m, i * m + m).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("duration bands: ageing per cycle is cycle / width, the last band is open", () => {
    const bands = compileBands({ months: [12, 36], outflow_multiplier: [1.2, 1, 0.5], initial_share: [0.2, 0.3, 0.5] }, ctxOf(twoState(0.1)))!;
    expect(Array.from(bands.aging)).toEqual([1 / 12, 1 / 24, 0]);
    expect(bands.labels).toEqual(["0-1 jaar", "1-3 jaar", "3+ jaar"]);
    expect(bands.lowerMonths).toEqual([0, 12, 36]);
  });

  it("re-inflow: hazards per tunnel month reproduce the cumulative shares", () => {
    const h = tunnelHazards([{ months: 12, share: 0.2 }, { months: 24, share: 0.3 }], 1);
    expect(h).toHaveLength(24);
    let survival = 1;
    h.forEach((x, k) => {
      survival *= 1 - x;
      if (k === 11) expect(1 - survival).toBeCloseTo(0.2, 12);
    });
    expect(1 - survival).toBeCloseTo(0.3, 12);
    expect(Array.from(tunnelHazards([{ months: 12, share: 0.2 }], 12))).toEqual([0.19999999999999996]);
  });

  it("layout: banded on-states and re-inflow tunnels become compiled states", () => {
    const raw = twoState(0.1, {
      states: [{ name: "A", kind: "on" }, { name: "W", kind: "off", reinflow: { cumulative: [{ months: 3, share: 0.1 }], to: { A: 1 } } }, { name: "X", kind: "exit" }],
    });
    const spec = specOf(raw);
    const decl = compileDeclared(spec, ctxOf(raw));
    const bands = compileBands({ months: [12], outflow_multiplier: [1, 1], initial_share: [1, 0] }, ctxOf(raw));
    const { states, entryOf } = layoutStates(decl, bands, [null, { hazard: new Float64Array(3), to: Float64Array.of(1, 0, 0) }, null], 1);
    expect(states.map((s) => s.name)).toEqual(["A (0-1 jaar)", "A (1+ jaar)", "W (maand 1)", "W (maand 2)", "W (maand 3)", "W", "X"]);
    expect(Array.from(entryOf)).toEqual([0, 2, 6]);
  });

  it("initial leavers are spread over the tunnel in proportion to their survival", () => {
    const initial = new Float64Array(4);
    spreadRecentLeavers(initial, 0, Float64Array.of(0.5, 0.5, 0.5), 70, 3);
    expect(Array.from(initial)).toEqual([40, 20, 10, 0]); // weights 1, 0.5, 0.25
  });

  it("year series: a gap is an error, a held tail a note", () => {
    const ctx = { ...ctxOf(twoState(0.1)), years: 4, endYear: 2027 };
    const held = yearlyValues({ "2024": 1, "2025": 2 }, "buig.budget", "BUIG budget", ctx);
    expect(Array.from(held.values)).toEqual([1, 2, 2, 2]);
    expect(held.note).toBe("BUIG-budget (buig.budget): de waarde van 2025 wordt aangehouden voor 2026-2027");
    expect(() => yearlyValues({ "2024": 1, "2026": 2 }, "inflow.per_year", "new inflow", ctx)).toThrow(/heeft geen waarde voor 2025/);
  });

  it("macro: a driver path held past its last year is one note for every scenario", () => {
    const raw = twoState(0.1, {
      horizon_years: 3,
      macro: {
        drivers: { v: { label: "v", base_year: 2024 } },
        effects: [{ driver: "v", target: "inflow", elasticity: 1 }],
        scenarios: [{ name: "a", label: "A", paths: { v: { "2024": 1 } } }, { name: "b", label: "B", paths: { v: { "2024": 1, "2025": 2 } } }],
      },
    });
    const spec = specOf(raw);
    const macro = compileMacro(spec.macro, compileDeclared(spec, ctxOf(raw)), ctxOf(raw));
    expect(macro.notes).toEqual(["v: de waarde van 2024 wordt aangehouden voor 2025-2026 in a", "v: de waarde van 2025 wordt aangehouden voor 2026 in b"]);
    expect(macro.scenarios[1].paths[0]).toEqual({ firstYear: 2024, values: Float64Array.of(1, 2) });
  });
});

describe("setting parameters on a compiled model", () => {
  it("scaling outflow to work equals recompiling the file with the moves scaled: a list per month or per year, a matrix", () => {
    const list = eightState();
    const names = list.states.map((s: Raw) => s.name);
    const monthly = compile(list).base;
    const m = names.length;
    const rows = names.map((_: string, i: number) => Array.from(monthly.subarray(i * m, i * m + m)));
    const yearlyList = eightState({ transitions: { ...list.transitions, per: "year" } });
    const matrix = eightState({ transitions: { per: "month", matrix: { order: names, rows } } });
    for (const raw of [list, yearlyList, matrix]) {
      const scaled = structuredClone(raw);
      scaleMoves(scaled, "off", 1.3);
      const viaFile = compile(scaled);
      const viaModel = withOutflowScaled(compile(raw), KIND_OFF, 1.3);
      viaModel.base.forEach((v, k) => expect(v).toBeCloseTo(viaFile.base[k], 12));
      expect(viaModel.base).not.toEqual(compile(raw).base);
    }
  });

  it("leaves the model it starts from as it was", () => {
    const model = compile(eightState());
    const before = Float64Array.from(model.base);
    withOutflowScaled(model, KIND_EXIT, 2);
    expect(model.base).toEqual(before);
  });

  it("knows how far outflow can be scaled, and refuses a lag the driver paths cannot cover", () => {
    const model = compile(eightState());
    // T5: 0.12 to Werk, 0.05 to Geplaatst (both off), 0.02 up the ladder: (1 - 0.02) / 0.17
    expect(maxOutflowScale(model, KIND_OFF)).toBeCloseTo(Math.min(0.98 / 0.17, 0.9 / 0.085, 0.945 / 0.105, 0.94 / 0.13, 0.949 / 0.005, 0.895 / 0.02), 12);
    const macro = compile(eightState({
      macro: { drivers: { v: { label: "v", base_year: 2021 } }, effects: [{ driver: "v", target: "inflow", elasticity: 1 }], scenarios: [{ name: "s", label: "S", paths: { v: { "2020": 1, "2021": 1 } } }] },
    }));
    expect(withLag(macro, 0, 12).effects[0].lagMonths).toBe(12);
    expect(() => withLag(macro, 0, 13)).toThrow(InputError);
    expect(() => withLag(macro, 0, 13)).toThrow(/begint in 2020, maar een vertraging van 13 maanden heeft 2019 nodig/);
  });
});

describe("a budget that cannot be the file's own", () => {
  it("notes a budget typed in millions (every year named once), and no shipped file's", () => {
    for (const file of ["steenwijkerland", "groningen", "drentsche-aa", "nederland"]) {
      expect(compile(shipped(`scenarios/${file}.json`)).notes.filter((n) => n.startsWith("buig.budget:")), file).toEqual([]);
    }
    const raw = shipped("scenarios/steenwijkerland.json");
    raw.buig.budget = Object.fromEntries(Object.entries(raw.buig.budget as Record<string, number>).map(([y, v]) => [y, v / 1e6]));
    const notes = compile(raw).notes.filter((n) => n.startsWith("buig.budget:"));
    raw.buig.budget = { "2020": 0 }; // no budget at all: not a budget in millions
    raw.buig.after_last = "constant";
    expect(compile(raw).notes.filter((n) => n.startsWith("buig.budget:"))).toEqual([]);
    expect(notes).toEqual([expect.stringMatching(/^buig\.budget: het BUIG-budget 2020 \(en dat van 3 andere jaren\) \(€\s12\) is 0,00000101 keer wat de beginvoorraad per jaar kost \(€\s11\.641\.000\); controleer of het in hele euro's staat/)]);
  });
});

describe("a point value against its distribution", () => {
  it("asks about the unit when the point lies outside the distribution's 95% interval (a monthly benefit, a yearly distribution)", () => {
    const raw = shipped("scenarios/steenwijkerland.json");
    raw.states[0].cost = { ...raw.states[0].cost, per: "month", benefit: 1208 }; // the distribution still says 14500 a year
    const notes = compile(raw).notes.filter((n) => n.startsWith("states[0].cost:"));
    expect(notes).toEqual([expect.stringMatching(/^states\[0\]\.cost: de puntwaarde 1208 ligt buiten het 95%-interval van zijn verdeling \(13\d{3} – 15\d{3}\): .*Staan ze in dezelfde eenheid/)]);
    // within the interval but off its centre by more than 5%: the milder note
    raw.states[0].cost = { ...raw.states[0].cost, per: "year", benefit: 13500 };
    expect(compile(raw).notes.filter((n) => n.startsWith("states[0].cost:"))).toEqual([expect.stringMatching(/de puntwaarde 13500 en het midden van de verdeling \(14\d{3}(\.\d+)?\) verschillen/)]);
  });
});

describe("an intervention that starts before the projection", () => {
  it("is counted from the projection's start, and the note says so", () => {
    const raw = shipped("scenarios/steenwijkerland.json");
    expect(compile(raw).notes.filter((n) => n.includes("vóór het begin van de projectie"))).toEqual([]);
    raw.interventions[0].start = "2019-06";
    expect(compile(raw).notes).toContain('interventions[0].start: "2019-06" ligt vóór het begin van de projectie (2020): de interventie telt vanaf januari 2020; wie er al eerder in zat, zit niet als deelnemer in de beginstand');
  });
});

describe("an intervention effect far from 1", () => {
  it("asks whether a percentage was meant (25 for +25%, 0.3 for +30%), and is quiet on the shipped files", () => {
    for (const f of ["steenwijkerland", "groningen", "drentsche-aa"]) expect(compile(shipped(`scenarios/${f}.json`)).notes.filter((n) => n.includes("heel groot effect")), f).toEqual([]);
    const raw = shipped("scenarios/steenwijkerland.json");
    raw.interventions[0].effects[0] = { target: "outflow_work", hazard_ratio: 25 };
    expect(compile(raw).notes).toContain("interventions[0].effects[0]: een intensiteitsfactor van 25 is een heel groot effect (onderzoek naar begeleiding vindt meestal 1,05 tot 1,2, of 0,8 tot 0,95 voor een effect dat iets minder maakt); is een toename van 25% bedoeld? Schrijf die als 1.25");
    raw.interventions[0].effects[0] = { target: "outflow_work", hazard_ratio: 0.3 };
    expect(compile(raw).notes).toContain("interventions[0].effects[0]: een intensiteitsfactor van 0,3 is een heel groot effect (onderzoek naar begeleiding vindt meestal 1,05 tot 1,2, of 0,8 tot 0,95 voor een effect dat iets minder maakt); is een toename van 30% bedoeld (schrijf 1.3) of een afname (schrijf 0.7)?");
    raw.interventions[0].effects[0] = { target: "outflow_work", hazard_ratio: 0.29 }; // 28.999999999999996 as a float
    expect(compile(raw).notes.find((n) => n.startsWith("interventions[0].effects[0]:"))).toMatch(/toename van 29% bedoeld \(schrijf 1\.29\) of een afname \(schrijf 0\.71\)\?$/);
    raw.interventions[0].effects[0] = { target: "outflow_work", hazard_ratio: 3.5 };
    expect(compile(raw).notes.find((n) => n.startsWith("interventions[0].effects[0]:"))).toMatch(/intensiteitsfactor van 3,5 .*toename van 3,5% bedoeld\? Schrijf die als 1\.035$/);
  });
});
