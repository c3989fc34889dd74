// Cohort engine: time for one deterministic projection of the default scenario (one macro
// scenario, baseline, 4 and 10 years), for a whole file run (every scenario and variant,
// as `run` computes them before break-even and sensitivity), and the wall time of the
// command `bin/bijstandsim run scenarios/steenwijkerland.json` including Node start-up.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dist, median, printTable, record } from "./lib.mjs";

const FILE = fileURLToPath(new URL("../scenarios/steenwijkerland.json", import.meta.url));
const BIN = fileURLToPath(new URL("../bin/bijstandsim", import.meta.url));

function timeIt(fn, minSeconds = 1) {
  for (let i = 0; i < 20; i++) fn();
  const samples = [];
  const end = performance.now() + minSeconds * 1000;
  while (performance.now() < end || samples.length < 5) {
    const t0 = performance.now();
    fn();
    samples.push((performance.now() - t0) / 1000);
  }
  return median(samples);
}

export default async function cohort() {
  // As `run` loads it: the shipped scenarios take their macro paths from the macro library.
  const { loadScenario } = await import(dist("cli/load.js"));
  const { projectCohort } = await import(dist("engine/cohort.js"));
  const { runDeterministic } = await import(dist("simulate/scenario.js"));
  const rows = [];
  for (const years of [4, 10]) {
    const { model } = loadScenario(FILE, { horizonYears: years });
    const one = timeIt(() => projectCohort(model, model.scenarios[0]));
    rows.push({ bench: `cohort-projection-${years}y`, workers: 1, median_s: one, throughput: Math.round((model.states.length * years * 12) / one), unit: "state-cycles/s" });
    const all = timeIt(() => runDeterministic(model));
    rows.push({ bench: `cohort-file-${years}y`, workers: 1, median_s: all, throughput: Math.round(1 / all), unit: "file runs/s" });
  }
  const walls = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [BIN, "run", FILE, "--quiet", "--out", "/tmp/bijstandsim-bench-cohort"]);
    if (r.status !== 0) throw new Error(`bijstandsim run failed: ${r.stderr}`);
    walls.push((performance.now() - t0) / 1000);
  }
  rows.push({ bench: "cli-run-default", workers: 1, median_s: median(walls), throughput: Number((1 / median(walls)).toFixed(2)), unit: "runs/s" });
  console.log("cohort: steenwijkerland.json, monthly cycle");
  printTable([["bench", "median_s", "throughput", "unit"], ...rows.map((r) => [r.bench, r.median_s.toExponential(3), r.throughput, r.unit])]);
  record(rows.map((r) => ({ ...r, median_s: Number(r.median_s.toPrecision(4)) })));
}
