/**
 * Scenario files for the what-if tests, loaded the way the CLI loads them
 * (src/cli/load.ts), so whatever the loader does before compiling (reading, parsing, and
 * on main also writing in macro sets from scenarios/macro/) happens here too.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadScenario, type Loaded } from "../src/cli/load.js";
import { METRIC_KEYS, metricValues } from "../src/outcomes/metrics.js";
import type { ScenarioResult } from "../src/outcomes/result.js";

export const SHIPPED = ["steenwijkerland", "drentsche-aa", "groningen", "nederland"];
export const fileOf = (name: string): string => `scenarios/${name}.json`;

/** A scenario file as the CLI loads it, with an optional --horizon. */
export const loadFile = (file: string, horizonYears?: number): Loaded => loadScenario(file, { horizonYears });

/** A scenario's (edited) text, written to a fresh folder and loaded as the CLI would. */
export function loadText(text: string, horizonYears?: number, name = "bewerkt.json"): Loaded {
  const file = join(mkdtempSync(join(tmpdir(), "bijstandsim-whatif-")), name);
  writeFileSync(file, text);
  return loadScenario(file, { horizonYears });
}

/** Every metric of every result, keyed by scenario, variant, metric. */
export function numbers(results: ScenarioResult[]): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  for (const r of results) {
    const values = metricValues(r);
    for (const k of METRIC_KEYS) out.set(`${r.scenario.name}/${r.variant}/${k}`, values[k]);
  }
  return out;
}
