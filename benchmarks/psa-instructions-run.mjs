#!/usr/bin/env node
// Child process of psa-instructions.bench.mjs, run under cachegrind: `runs` runs of one of
// the PSA workloads of psa.bench.mjs on this thread (the benchmark runs this twice with
// different counts: the difference is the cost of the runs alone, start-up cancelled).
//   node --single-threaded benchmarks/psa-instructions-run.mjs <one|full> <runs>
import { fileURLToPath } from "node:url";

const [workload, runs] = process.argv.slice(2);
const FILE = fileURLToPath(new URL("../scenarios/steenwijkerland.json", import.meta.url));
const { loadScenario } = await import(new URL("../dist/cli/load.js", import.meta.url).href);
const { psaRuns } = await import(new URL("../dist/simulate/psa.js", import.meta.url).href);
const { model } = loadScenario(FILE, { horizonYears: 10 });
const spec = workload === "one" ? { seed: 1, noise: true, scenarios: ["matig-herstel"], variants: ["baseline"] } : { seed: 1, noise: true, scenarios: [], variants: [] };
psaRuns(model, spec, 0, Number(runs));
