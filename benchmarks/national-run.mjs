#!/usr/bin/env node
// Child process of national.bench.mjs (one per worker count, so peak memory is per
// configuration): national-scale microsimulation through the engine's own path
// (runMicrosim, the function `run --mode microsim` calls). Prints one JSON line.
//   node benchmarks/national-run.mjs <workers> <timed runs> [baseline|all]
// "baseline" (default) simulates the baseline alone; "all" also the file's intervention,
// paired with it person by person (engine/microsim/variants.ts).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const [workers, runs] = process.argv.slice(2, 4).map(Number);
const variants = process.argv[4] === "all" ? undefined : ["baseline"];
const dist = (p) => new URL(`../dist/${p}`, import.meta.url).href;
// As `run` reads a file: specFromText writes the macro sets the file names into it.
const { specFromText } = await import(dist("cli/load.js"));
const { compileScenario } = await import(dist("model/compile/index.js"));
const { runMicrosim } = await import(dist("parallel/microsim.js"));
const { MicrosimPool } = await import(dist("parallel/microsim-pool.js"));
const { countsLayout } = await import(dist("engine/microsim/counts.js"));

const FILE = "scenarios/steenwijkerland.json";
const SCENARIO = "matig-herstel";
const HORIZON_YEARS = 10;
const PERSONS_ON_BIJSTAND = 400_000;

// The workload carries ages, so AOW exits by month are part of the measured work (the
// default file has none: its exit rates already include reaching AOW age). Age shares as
// at Werkplein Drentsche Aa (Bureau Bartels, client-file analysis of Werkplein Drentsche Aa, 2024): 13% under 27, 31% 27-44, 56% 45+.
const AGES = {
  bands: [
    { from: 18, to: 27, share: 0.13 },
    { from: 27, to: 45, share: 0.31 },
    { from: 45, to: 56, share: 0.24 },
    { from: 56, share: 0.32 },
  ],
};
const file = new URL(`../${FILE}`, import.meta.url);
const json = JSON.parse(readFileSync(file, "utf8"));
json.population = { ...json.population, ages: AGES };
const { spec: parsed } = specFromText(JSON.stringify(json), fileURLToPath(file), HORIZON_YEARS);
const model = compileScenario(parsed, FILE, { horizonYears: HORIZON_YEARS });
let onBijstand = 0;
for (let i = 0; i < model.baseCount; i++) if (model.kindOf[i] === 0) onBijstand += model.initial[i];
const scale = PERSONS_ON_BIJSTAND / onBijstand;
const spec = { seed: 1, runs: 1, scenarios: [SCENARIO], personsScale: scale, variants };

const pool = workers > 1 ? new MicrosimPool({ workers }) : undefined;
const once = async () => {
  const t0 = performance.now();
  const out = await runMicrosim(model, spec, { workers, pool });
  return { seconds: (performance.now() - t0) / 1000, out };
};
try {
  const cold = await once(); // JIT warm-up and, for a pool, thread start-up
  const times = [];
  for (let r = 0; r < runs; r++) times.push((await once()).seconds);
  const { out } = cold;
  const [plan] = out.plans;
  const c = out.meanCounts[0].subarray(0, countsLayout(plan.persons).size); // the baseline's counts come first
  const S = plan.persons.states * plan.persons.households;
  let stock = 0;
  for (let k = 0; k < S; k++) stock += c[k];
  let entrants = 0;
  for (let t = 0; t < plan.persons.cycles; t++) entrants += c[c.length - 2 * plan.persons.cycles + t];
  process.stdout.write(JSON.stringify({
    workers,
    times,
    cold_s: cold.seconds,
    scale,
    cycles: plan.persons.cycles,
    persons_on_bijstand_start: Math.round(onBijstand * scale),
    persons_start: stock,
    persons_total: stock + entrants,
    person_steps: out.personSteps,
    volume_end_last: out.results[0].persons.volumeEnd[HORIZON_YEARS - 1],
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  }) + "\n");
} finally {
  await pool?.destroy();
}
