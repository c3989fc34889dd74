/**
 * The macro library: named sets in scenarios/macro/, referenced by name from a
 * scenario file (or by a path next to it), written into the file before compiling,
 * stress tests labelled as such, and Dutch warnings for held drivers and old paths.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { libraryNames, rebaseSetRefs, resolveScenarioText } from "../src/cli/macro-library.js";
import { loadScenario } from "../src/cli/load.js";
import { heldWarnings } from "../src/macro/held.js";
import { thrownInputError, twoState, type Raw } from "./helpers.js";

const tmp = () => mkdtempSync(join(tmpdir(), "macro-lib-"));
const withMacro = (macro: Raw, over: Raw = {}): Raw =>
  twoState(0.01, { horizon_years: 5, macro: { effects: [{ driver: "landelijk_volume", target: "inflow", elasticity: 2 }], ...macro }, ...over });

function write(raw: Raw, dir = tmp(), name = "s.json"): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(raw, null, 2));
  return file;
}


describe("macro library", () => {
  it("ships the neutral set, the CPB 2020 paths and their shapes", () => {
    expect(libraryNames()).toEqual(expect.arrayContaining(["neutraal", "cpb-2020", "cpb-2020-vormen"]));
  });

  it("applies shapes from the year before the start, as stress tests in every name and label", () => {
    const { model } = loadScenario(write(withMacro({ set: "cpb-2020-vormen" })));
    expect(model.scenarios.map((s) => s.name)).toEqual(["stresstest-matig-herstel", "stresstest-volledig-herstel", "stresstest-zwak-herstel", "stresstest-tweede-golf"]);
    for (const s of model.scenarios) expect(s.label).toMatch(/^Stresstest .*schok vanaf 2024$/);
    expect(model.drivers[0].baseYear).toBe(2023);
    const tweede = model.scenarios[3].paths[0];
    expect(tweede.values[tweede.values.length - 1]).toBe(1.5104);
    expect(tweede.firstYear + tweede.values.length - 1).toBe(2026); // 2023 + 3
    expect(model.notes[0]).toMatch(/stresstests, geen prognose; .*basisjaar 2023/);
  });

  it("takes another base year from the reference, with quiet years before the shock", () => {
    const { model } = loadScenario(write(withMacro({ set: { name: "cpb-2020-vormen", base_year: 2025, only: ["stresstest-tweede-golf"] } })));
    expect(model.scenarios).toHaveLength(1);
    const p = model.scenarios[0].paths[0];
    const at = (y: number) => p.values[y - p.firstYear];
    expect([at(2023), at(2024), at(2025), at(2026)]).toEqual([1, 1, 1, 1.0478]);
  });

  it("holds the neutral set on purpose: every projected year has a value, no held-driver warning", () => {
    const { model } = loadScenario(write(withMacro({ set: "neutraal" })));
    expect(model.scenarios.map((s) => s.name)).toEqual(["neutraal"]);
    expect(heldWarnings(model)).toEqual([]);
    expect(model.notes[0]).toMatch(/bewust constant in 2024-2028/);
  });

  it("warns in Dutch when published paths end before the run and when a driver is held for more than a year", () => {
    const { model } = loadScenario(write(withMacro({ set: "cpb-2020" })));
    expect(model.notes[0]).toMatch(/loopt tot 2022 .*dit is geen vooruitblik/);
    expect(heldWarnings(model)).toEqual([expect.stringMatching(/^drijver landelijk_volume staat in elk scenario vanaf 2024 stil op de waarde van 2022 \(5 jaar: 2024-2028\)/)]);
    // a run of one scenario (--scenario) hears about that one only
    const one = model.scenarios[1].name;
    expect(heldWarnings(model, [one])).toEqual([expect.stringMatching(new RegExp(`^drijver landelijk_volume staat in ${one} vanaf 2024 stil`))]);
  });

  it("reads a user's own set next to the scenario file, and keeps the file's own scenarios first", () => {
    const dir = tmp();
    write({
      name: "mijn-raming", label: "Eigen raming", kind: "paths",
      drivers: { landelijk_volume: { label: "index", base_year: 2023 } },
      scenarios: [{ name: "raming-2025", label: "Raming", paths: { landelijk_volume: { "2023": 1, "2024": 1.01, "2025": 1.02, "2026": 1.03, "2027": 1.03, "2028": 1.03 } } }],
    }, dir, "mijn-raming.json");
    const own = { name: "eigen", label: "Eigen", paths: { landelijk_volume: { "2023": 1, "2028": 1 } } };
    const file = write(withMacro({ set: ["./mijn-raming.json", "neutraal"], scenarios: [own] }), dir);
    const err = thrownInputError(() => loadScenario(file));
    expect(err.describe()).toMatch(/macro\.scenarios\[0\]\.paths\.landelijk_volume: heeft geen waarde voor 2024/); // the file's own scenario keeps its path
    own.paths.landelijk_volume = { "2023": 1, "2024": 1, "2025": 1, "2026": 1, "2027": 1, "2028": 1 } as never;
    const { model } = loadScenario(write(withMacro({ set: ["./mijn-raming.json", "neutraal"], scenarios: [own] }), dir));
    expect(model.scenarios.map((s) => s.name)).toEqual(["eigen", "raming-2025", "neutraal"]);
    expect(heldWarnings(model)).toEqual([]);
  });

  it("an effect on one's own driver beside a shipped set: points at the file's macro.set, not at the shipped set", () => {
    const dir = tmp();
    write({
      name: "recessie", label: "Recessie", kind: "paths",
      drivers: { werkloosheid: { label: "Werkloosheid (%)", base_year: 2023 } },
      scenarios: [{ name: "recessie", label: "Recessie", paths: { werkloosheid: { "2023": 3.7, "2024": 4.2, "2025": 4.8, "2026": 5, "2027": 4.6, "2028": 4.2 } } }],
    }, dir, "recessie.json");
    const file = write(withMacro({ set: ["neutraal", "./recessie.json"], effects: [{ driver: "werkloosheid", target: "inflow", form: "linear", elasticity: 0.08 }] }), dir);
    const said = thrownInputError(() => loadScenario(file)).describe();
    expect(said.startsWith(`${file}: macro.set[0]: de macroreeks "neutraal" kent de drijver "werkloosheid" niet, maar het bestand gebruikt die (macro.effects of buig.indexed_on) in elk scenario, ook in de scenario's van "neutraal". `)).toBe(true);
    expect(said).toMatch(/Oplossing: laat "neutraal" weg uit macro\.set en geef uw eigen reeks \([^)]*recessie\.json\) ook een scenario zonder conjunctuur .*; of laat de effecten de drijver van "neutraal" gebruiken \(landelijk_volume\)$/);
  });

  it("names the set file for a mistake inside a set, and lists the sets for an unknown name", () => {
    const dir = tmp();
    write({ name: "kapot", label: "K", kind: "paths", drivers: { landelijk_volume: { label: "i", base_year: 2023 } }, scenarios: [{ name: "a", label: "A", paths: { landelijk_volume: { "2023": "1" } } }] }, dir, "kapot.json");
    expect(thrownInputError(() => loadScenario(write(withMacro({ set: "./kapot.json" }), dir))).describe()).toMatch(/kapot\.json: scenarios\[0\]\.paths\.landelijk_volume\["2023"\]: is de tekst "1", maar hier hoort een getal/);
    expect(thrownInputError(() => loadScenario(write(withMacro({ set: "cpb-2024" })))).describe()).toMatch(/macro\.set: onbekende macroreeks "cpb-2024"\. Oplossing: gebruik een van: .*cpb-2020-vormen.*neutraal/);
    expect(thrownInputError(() => loadScenario(write(withMacro({ set: { name: "cpb-2020", base_year: 2023 } })))).describe()).toMatch(/macro\.set\.base_year: reeks "cpb-2020" heeft vaste kalenderjaren/);
    const late = withMacro({ set: "cpb-2020" }, { start_year: 2019, buig: { budget: { "2019": 1 } } });
    expect(thrownInputError(() => loadScenario(write({ ...late, macro: { ...late.macro, effects: [{ driver: "landelijk_volume", target: "inflow", elasticity: 2, lag_months: 12 }] } }))).describe())
      .toMatch(/cpb-2020\.json: scenarios\[0\]\.paths\.landelijk_volume: begint in 2019, maar de run heeft 2018 nodig/);
  });

  it("rebases a relative set when a derived file is written elsewhere; names stay names", () => {
    expect(rebaseSetRefs({ macro: { set: ["./r.json", "neutraal", { name: "../x/r2.json" }] } }, "/a/b", "/a/c").macro.set).toEqual(["../b/r.json", "neutraal", { name: "../x/r2.json" }]);
  });

  it("leaves a file without a set as it is (same text, so the same hash)", () => {
    const text = JSON.stringify(twoState(0.01));
    expect(resolveScenarioText(text, "x.json").text).toBe(text);
  });
});
