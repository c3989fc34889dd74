/**
 * The setters what-ifs use on a compiled model (src/model/adjust.ts): a shorter horizon
 * by truncation equals compiling with --horizon, and an intervention's capacity and costs
 * set on the model equal recompiling the edited file, number for number.
 */
import { describe, expect, it } from "vitest";
import { withHorizon, withIntervention } from "../src/model/adjust.js";
import { InputError } from "../src/model/errors.js";
import { runDeterministic } from "../src/simulate/scenario.js";
import { fileOf, loadFile, loadText, numbers, SHIPPED } from "./explore-fixtures.js";

describe("adjusters for what-ifs (model/adjust.ts)", () => {
  it.each(SHIPPED)("%s: a shorter horizon (one year, one year less) by truncation equals compiling with --horizon, number for number", (name) => {
    const { model } = loadFile(fileOf(name));
    // the baseline and every intervention at once (Groningen's declared combination; the others have one or none)
    const variants = model.combinations.length ? [model.combinations[0].name] : [];
    for (const h of new Set([1, model.years - 1])) {
      expect(numbers(runDeterministic(withHorizon(model, h), [], variants))).toEqual(numbers(runDeterministic(loadFile(fileOf(name), h).model, [], variants)));
    }
    expect(withHorizon(model, model.years)).toBe(model);
    expect(() => withHorizon(model, model.years + 1)).toThrow(InputError);
    expect(() => withHorizon(model, 0)).toThrow(InputError);
  });

  it("capacity (coaches, places, persons reached) and costs equal the edited file", () => {
    const { model, text } = loadFile(fileOf("groningen"));
    const raw = JSON.parse(text);
    raw.interventions[0].capacity.places = 300; // premie-op-werk: places
    raw.interventions[1].capacity.starts_per_year = 200; // ww-preventie: reach
    raw.interventions[2].capacity.coaches = 3; // nazorg: coaches x caseload
    raw.interventions[3].costs.per_start = 400;
    raw.interventions[3].costs.per_participant_month = 99;
    const edited = loadText(JSON.stringify(raw)).model;
    let adjusted = withIntervention(model, 0, { places: 300 });
    adjusted = withIntervention(adjusted, 1, { startsPerYear: 200 });
    adjusted = withIntervention(adjusted, 2, { places: 3 * 50 });
    adjusted = withIntervention(adjusted, 3, { perStart: 400, perParticipantMonth: 99 });
    expect(adjusted.interventions).toStrictEqual(edited.interventions);
    expect(numbers(runDeterministic(adjusted, [], ["programma"]))).toEqual(numbers(runDeterministic(edited, [], ["programma"])));
    expect(model.interventions[0].places).toBe(520); // the input model is left as it was
    expect(() => withIntervention(model, 0, { places: -1 })).toThrow(InputError);
  });
});
