// National scale (issue 3): 400,000 persons on bijstand x 120 months through the
// microsimulation's own path (runMicrosim, what `run --mode microsim` calls), on 1
// and 2 workers, with peak memory. The population is scenarios/steenwijkerland.json
// (its household types, plus an age distribution for AOW exits: see national-run.mjs)
// scaled with --persons-scale so
// that 400,000 persons are on bijstand at the start, over a 10-year horizon, scenario
// matig-herstel, 1 replication. Besides them the run carries the scaled off-bijstand
// stock and every new entrant; `throughput` counts all person-steps it simulates.
// Two workloads: `national`, the baseline alone, and `national-interventions`, the
// baseline and the file's intervention (intensieve begeleiding) paired with it person by
// person, as `run --mode microsim` does by default; a population with a variant is
// simulated whole, in one thread (trajects select among everyone).
//
// Each worker count runs in its own child process (national-run.mjs), so peak memory
// (process.resourceUsage().maxRSS: the whole process, worker threads included) is per
// configuration: one warm-up run, then RUNS timed runs; the median is reported.
// Records one JSON line per worker count (lib.mjs: results.local.jsonl, or results.jsonl with --record).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dist, median, printTable, record } from "./lib.mjs";

const WORKERS = [1, 2];
const WORKLOADS = [
  { bench: "national", variants: "baseline" },
  { bench: "national-interventions", variants: "all" },
];
const RUNS = 5;
const TARGET_S = 60;
const TARGET_MB = 1024;

const child = fileURLToPath(new URL("./national-run.mjs", import.meta.url));
const root = fileURLToPath(new URL("..", import.meta.url));

export default async function national() {
  dist("parallel/microsim.js"); // fails clearly when the build is missing
  const rows = WORKLOADS.flatMap(({ bench, variants }) => WORKERS.map((workers) => {
    const r = spawnSync(process.execPath, [child, String(workers), String(RUNS), variants], { cwd: root, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`national-run.mjs ${variants} with ${workers} worker(s) failed: ${r.stderr.trim()}`);
    const m = JSON.parse(r.stdout.trim().split("\n").pop());
    const median_s = median(m.times);
    return {
      bench,
      workers,
      median_s: Number(median_s.toFixed(4)),
      throughput: Math.round(m.person_steps / median_s),
      unit: "person-steps/s",
      peak_rss_mb: Math.round(m.peak_rss_mb),
      persons_on_bijstand_start: m.persons_on_bijstand_start,
      persons_total: m.persons_total,
      cycles: m.cycles,
      person_steps: m.person_steps,
      _min: Math.min(...m.times),
      _max: Math.max(...m.times),
      _cold: m.cold_s,
    };
  }));

  const [first] = rows;
  console.log(
    `national: ${first.persons_on_bijstand_start.toLocaleString("en")} persons on bijstand at the start ` +
      `(${first.persons_total.toLocaleString("en")} persons in all, entrants included) x ${first.cycles} months, ` +
      `median of ${RUNS} runs after 1 warm-up, node ${process.version}`,
  );
  printTable([
    ["workload", "workers", "median_s", "min_s", "max_s", "cold_s", "person-steps/s", "peak_rss_mb", "target"],
    ...rows.map((r) => [
      r.bench,
      r.workers,
      r.median_s.toFixed(3),
      r._min.toFixed(3),
      r._max.toFixed(3),
      r._cold.toFixed(3),
      r.throughput.toExponential(3),
      r.peak_rss_mb,
      r.median_s < TARGET_S && r.peak_rss_mb < TARGET_MB ? "ok" : "MISSED",
    ]),
  ]);
  console.log(`targets (issue 3): under ${TARGET_S} s on 2 cores, under ${TARGET_MB} MB peak; cold_s: the warm-up run, incl. JIT and thread start-up`);
  record(rows.map(({ _min, _max, _cold, ...line }) => line));
}
