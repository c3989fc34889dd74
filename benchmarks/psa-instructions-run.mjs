#!/usr/bin/env node
// Child process of psa-instructions.bench.mjs, run under cachegrind: the PSA workloads of
// psa.bench.mjs on this thread, `runs` runs after `warm` runs (so the difference between
// two run counts is the cost of the runs alone, start-up and warm-up cancelled).
//   node --single-threaded benchmarks/psa-instructions-run.mjs <one|full> <runs>
import { fileURLToPath } from "node:url";

const [workload, runs] = process.argv.slice(2);
const FILE = fileURLToPath(new URL("../scenarios/steenwijkerland.json", import.meta.url));
const { loadScenario } = await import(new URL("../dist/cli/load.js", import.meta.url).href);
const { psaRuns } = await import(new URL("../dist/simulate/psa.js", import.meta.url).href);
const { model } = loadScenario(FILE, { horizonYears: 10 });
const spec = workload === "one" ? { seed: 1, noise: true, scenarios: ["matig-herstel"], variants: ["baseline"] } : { seed: 1, noise: true, scenarios: [], variants: [] };
psaRuns(model, spec, 0, Number(runs));
