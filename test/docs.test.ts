import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseScenario } from "../src/model/parse.js";
import { compileScenario } from "../src/model/compile/index.js";
import { runDeterministic } from "../src/simulate/scenario.js";

describe("docs/scenario-format.md", () => {
  it("its annotated example is a valid scenario that runs", () => {
    const md = readFileSync("docs/scenario-format.md", "utf8");
    const block = /```jsonc\n([\s\S]*?)```/.exec(md)![1];
    const json = block.replace(/\s*\/\/.*$/gm, "");
    const model = compileScenario(parseScenario(json, "example"), "example");
    // 2 on-states x 4 bands, 60 tunnel months + durable, exit; then 8 banded states x (12 + 11 months of decay)
    expect(model.baseCount).toBe(2 * 4 + 60 + 1 + 1);
    expect(model.states.length).toBe(model.baseCount + 8 * (12 + 11));
    const results = runDeterministic(model);
    expect(results.map((r) => `${r.scenario.name}/${r.variant}`)).toEqual([
      "basis/baseline", "basis/intensieve-begeleiding", "basis/ww-preventie", "basis/beide",
      "recessie/baseline", "recessie/intensieve-begeleiding", "recessie/ww-preventie", "recessie/beide",
    ]);
    expect(results[4].persons.volumeEnd[4]).toBeGreaterThan(results[0].persons.volumeEnd[4]);
    for (const r of results.slice(1, 4)) expect(r.effect.buigEffect[4]).toBeGreaterThan(0);
  });
});
