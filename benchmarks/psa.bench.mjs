// PSA throughput: probabilistic runs per second of the default scenario over a 10-year
// horizon, through the same code path as `run --mode psa` (runPsa: parameter draws,
// population noise, finance, on 1 and 2 workers).
//   one:  one macro scenario (matig-herstel), baseline only, 10,000 runs — the target
//         "10,000 runs in under 5 s on 2 cores";
//   full: every macro scenario (5) x every variant (baseline + intensieve begeleiding), 1,000 runs;
//   one-no-noise: the first without population noise (--no-noise), to show what a run costs
//         besides the sampling.
// Median of 3 timed runs after a warm-up; records a JSON line per workload and worker count (lib.mjs).
import { fileURLToPath } from "node:url";
import { dist, median, printTable, record } from "./lib.mjs";

const FILE = fileURLToPath(new URL("../scenarios/steenwijkerland.json", import.meta.url));
const WORKLOADS = [
  { name: "one", runs: 10_000, scenarios: ["matig-herstel"], variants: ["baseline"] },
  { name: "full", runs: 1_000, scenarios: [], variants: [] },
  { name: "one-no-noise", runs: 10_000, scenarios: ["matig-herstel"], variants: ["baseline"], noise: false },
];
const REPEAT = 3;

export default async function psa() {
  // As `run` loads it: the macro sets written into the spec the workers compile.
  const { loadScenario } = await import(dist("cli/load.js"));
  const { runPsa } = await import(dist("parallel/psa.js"));
  const { model, spec: scenario } = loadScenario(FILE, { horizonYears: 10 });
  const rows = [];
  for (const w of WORKLOADS) {
    for (const workers of [1, 2]) {
      const job = (runs) => ({ scenario, file: "steenwijkerland.json", horizonYears: 10, spec: { seed: 1, noise: w.noise ?? true, scenarios: w.scenarios, variants: w.variants }, runs, workers });
      await runPsa(model, job(Math.min(w.runs, 200))); // warm-up
      const times = [];
      for (let r = 0; r < REPEAT; r++) {
        const t0 = performance.now();
        await runPsa(model, job(w.runs));
        times.push((performance.now() - t0) / 1000);
      }
      const median_s = median(times);
      rows.push({ bench: `psa-${w.name}`, workers, runs: w.runs, median_s: Number(median_s.toFixed(3)), throughput: Math.round(w.runs / median_s), unit: "runs/s" });
    }
  }
  console.log(`psa: steenwijkerland.json, 10 years monthly (${model.states.length} compiled states), population noise on unless the workload says no-noise, median of ${REPEAT}`);
  printTable([["workload", "workers", "runs", "median_s", "runs/s"], ...rows.map((r) => [r.bench, r.workers, r.runs, r.median_s.toFixed(3), r.throughput])]);
  record(rows);
}
