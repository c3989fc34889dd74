// estimate's speed (issue "Speed for people who run many scenarios"): the target is that
// `bijstandsim estimate` on a 10-million-row panel takes no longer than a bare readline
// loop over the same file, measured in the same run.
//
// The panel: `bin/bijstandsim synth --scenario scenarios/groningen.json --clients 380000
// --months 26` (10.4 million rows, 448 MB), made once and kept in
// node_modules/.cache/bijstandsim-bench/ (git-ignored; `npm ci` clears it).
//
// Each measurement is a child process (estimate-run.mjs), so wall time includes node
// start-up for every variant and peak memory is per run:
//   readline       a bare readline loop counting lines
//   readline+feed  the line path kept for comparison: readline + PanelReader.feed (counting only)
//   estimate       the whole command: template scenarios/groningen.json, --start-year 2023,
//                  writing the scenario (reading, counting, estimating, validating)
//   estimate@base  the same command of another build, when BIJSTANDSIM_BASELINE=<dir> names
//                  a checkout with dist/ built (e.g. the commit before the byte parser)
// One warm-up run of each (the file in the page cache), then RUNS rounds, each running
// every variant once, in an order that rotates per round so that background load
// (the machine is shared) falls on all alike. Reported: the median wall time, rows/s
// (data rows / median), peak RSS; and the load average before and after.
// ESTIMATE_BENCH_RUNS sets RUNS (default 5). Appends one JSON line per variant to
// benchmarks/results.jsonl.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { dist, median, printTable, record } from "./lib.mjs";

const CLIENTS = 380_000;
const MONTHS = 26;
const RUNS = Number(process.env.ESTIMATE_BENCH_RUNS ?? 5);

const root = fileURLToPath(new URL("..", import.meta.url));
const child = fileURLToPath(new URL("./estimate-run.mjs", import.meta.url));
const cache = join(root, "node_modules/.cache/bijstandsim-bench");
const panel = join(cache, `groningen-${CLIENTS}x${MONTHS}.csv`);

/** The panel, made with the compiled synth when it is not cached yet. */
function ensurePanel() {
  if (existsSync(panel)) return;
  mkdirSync(cache, { recursive: true });
  console.log(`making ${panel} (once) ...`);
  const r = spawnSync(process.execPath, [join(root, "bin/bijstandsim"), "synth", "--scenario", "scenarios/groningen.json", "--clients", String(CLIENTS), "--months", String(MONTHS), "--out", panel, "--quiet"], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`synth failed: ${r.stderr.trim()}`);
}

function runOnce(variant) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [child, ...variant.args], { cwd: root, encoding: "utf8" });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${variant.name} failed (exit ${r.status}): ${r.stderr.trim()}`);
  const m = JSON.parse(r.stdout.trim().split("\n").pop());
  return { seconds, ...m };
}

const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");

export default async function estimate() {
  dist("calibrate/panel-stream.js"); // fails clearly when the build is missing
  ensurePanel();
  const out = mkdtempSync(join(tmpdir(), "bijstandsim-bench-estimate-"));
  const variants = [
    { name: "readline", args: ["readline", panel] },
    { name: "readline+feed", args: ["readline-feed", panel] },
    { name: "estimate", args: ["estimate", panel, root, join(out, "new.json")] },
  ];
  const baseline = process.env.BIJSTANDSIM_BASELINE;
  if (baseline) variants.push({ name: "estimate@base", args: ["estimate", panel, resolve(baseline), join(out, "base.json")] });
  const loadBefore = load();
  try {
    for (const v of variants) {
      v.runs = [];
      v.warm = runOnce(v);
    }
    for (let r = 0; r < RUNS; r++) {
      for (let k = 0; k < variants.length; k++) {
        const v = variants[(k + r) % variants.length];
        v.runs.push(runOnce(v));
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const loadAfter = load();

  const dataRows = variants[0].warm.lines - 1; // the header is not a row
  const rows = variants.map((v) => {
    const times = v.runs.map((x) => x.seconds);
    const median_s = median(times);
    return {
      bench: `estimate-${v.name}`,
      workers: 1,
      median_s: Number(median_s.toFixed(3)),
      throughput: Math.round(dataRows / median_s),
      unit: "rows/s",
      peak_rss_mb: Math.max(...v.runs.map((x) => x.peak_rss_mb)),
      rows: dataRows,
      runs: RUNS,
      loadavg_before: loadBefore,
      loadavg_after: loadAfter,
      _min: Math.min(...times),
      _max: Math.max(...times),
    };
  });
  const bytes = statSync(panel).size;
  console.log(`estimate: ${dataRows.toLocaleString("en")} rows, ${(bytes / 1e6).toFixed(0)} MB (synth groningen ${CLIENTS} clients x ${MONTHS} months), median of ${RUNS} interleaved runs after 1 warm-up, each a fresh node process, node ${process.version}`);
  printTable([
    ["variant", "median_s", "min_s", "max_s", "rows/s", "peak_rss_mb"],
    ...rows.map((r) => [r.bench.replace(/^estimate-/, ""), r.median_s.toFixed(2), r._min.toFixed(2), r._max.toFixed(2), r.throughput.toLocaleString("en"), r.peak_rss_mb]),
  ]);
  const bare = rows.find((r) => r.bench === "estimate-readline").median_s;
  const est = rows.find((r) => r.bench === "estimate-estimate").median_s;
  console.log(`load average (1, 5, 15 min) before: ${loadBefore}; after: ${loadAfter}`);
  console.log(`target: estimate <= readline: ${est.toFixed(2)} s vs ${bare.toFixed(2)} s: ${est <= bare ? "ok" : "MISSED"} (estimate / readline = ${(est / bare).toFixed(2)})`);
  record(rows.map(({ _min, _max, ...line }) => line));
}
