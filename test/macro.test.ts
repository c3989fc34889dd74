import { describe, expect, it } from "vitest";
import { effectMultipliers } from "../src/macro/drivers.js";
import { projectCohort } from "../src/engine/cohort.js";
import { largeEffectWarnings } from "../src/macro/held.js";
import { compile, shipped, twoState } from "./helpers.js";

const macro = (form: string, elasticity: number, lag_months = 0) => ({
  drivers: { u: { label: "werkloosheid", base_year: 2023 } },
  effects: [{ driver: "u", target: "inflow", form, elasticity, lag_months }],
  scenarios: [{ name: "s", label: "S", paths: { u: { "2023": 4, "2024": 5, "2025": 6 } } }],
});

describe("macro drivers", () => {
  it("computes power and linear multipliers with a lag", async () => {
    const model = compile(twoState(0, { horizon_years: 2, macro: macro("power", 2, 12) }));
    const out = new Float64Array(1);
    expect(effectMultipliers(model, model.scenarios[0], 1, out)[0]).toBeCloseTo(1, 15); // 2024 reads 2023
    expect(effectMultipliers(model, model.scenarios[0], 13, out)[0]).toBeCloseTo((5 / 4) ** 2, 15);
    const linear = compile(twoState(0, { horizon_years: 2, macro: macro("linear", 0.1) }));
    expect(effectMultipliers(linear, linear.scenarios[0], 24, out)[0]).toBeCloseTo(1.2, 15);
  });

  it("moves inflow by the multiplier", async () => {
    const model = compile(twoState(0, { horizon_years: 2, inflow: { per_year: 120, entry: { A: 1 } }, macro: macro("power", 1) }));
    const proj = projectCohort(model, model.scenarios[0]);
    expect(proj.newInflow[0]).toBeCloseTo(10 * 1.25, 12);
    expect(proj.newInflow[23]).toBeCloseTo(10 * 1.5, 12);
  });

  it("refuses an effect that pushes a row above 1, naming scenario, year and state", async () => {
    const raw = twoState(0.5, {
      macro: { ...macro("power", 5), effects: [{ driver: "u", target: "outflow_other", elasticity: 5 }] },
    });
    const model = compile(raw);
    expect(() => projectCohort(model, model.scenarios[0])).toThrow(/scenario "s", 2024.*"A"/);
  });

  it("warns about an effect that swings far (a linear elasticity of 8 meant as 0.08), and not about the shipped files'", () => {
    const warned = (form: string, elasticity: number) => largeEffectWarnings(compile(twoState(0, { horizon_years: 2, macro: macro(form, elasticity) })));
    expect(warned("linear", 8)).toEqual(['macro.effects[0]: dit effect vermenigvuldigt in S (2025) met 17; klopt de elasticiteit 8? Bij "form": "linear" werkt die per eenheid van de drijver (0.08 = 8% per procentpunt)']);
    expect(warned("linear", 0.08)).toEqual([]); // 1.16 at most
    expect(warned("power", 4)).toEqual([]); // 1.5^4 = 5.1: a national shock, not a slip
    expect(warned("power", 8)).toHaveLength(1); // 1.5^8 = 25.6
    // a lag of six months: 2025's value acts from July 2025 only, which January of each year never sees
    const late = compile(twoState(0, { horizon_years: 2, macro: { ...macro("linear", 1, 6), scenarios: [{ name: "s", label: "S", paths: { u: { "2023": 4, "2024": 4, "2025": 7 } } }] } }));
    expect(largeEffectWarnings(late)).toEqual([expect.stringMatching(/^macro\.effects\[0\]: dit effect vermenigvuldigt in S \(2025\) met 4;/)]);
    for (const f of ["steenwijkerland", "groningen", "drentsche-aa", "nederland"]) expect(largeEffectWarnings(compile(shipped(`scenarios/${f}.json`))), f).toEqual([]);
  });
});
