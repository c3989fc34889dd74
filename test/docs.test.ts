import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseScenario } from "../src/model/parse.js";
import { compileScenario } from "../src/model/compile.js";
import { runDeterministic } from "../src/run.js";

describe("docs/scenario-format.md", () => {
  it("its annotated example is a valid scenario that runs", async () => {
    const md = readFileSync("docs/scenario-format.md", "utf8");
    const block = /```jsonc\n([\s\S]*?)```/.exec(md)![1];
    const json = block.replace(/\s*\/\/.*$/gm, "");
    const model = await compileScenario(parseScenario(json, "example"), "example");
    expect(model.states.length).toBe(2 * 4 + 60 + 1 + 1); // 2 on-states x 4 bands, 60 tunnel months + durable, exit
    const results = runDeterministic(model);
    expect(results.map((r) => r.scenario.name)).toEqual(["basis", "recessie"]);
    expect(results[1].persons.volumeEnd[4]).toBeGreaterThan(results[0].persons.volumeEnd[4]);
  });
});
