// PSA cost in instructions per run, which other work on the machine does not disturb
// (wall times on a shared 2-core machine vary by a third from one minute to the next).
// The workloads of psa.bench.mjs (one: one macro scenario, baseline; full: 5 macro
// scenarios x 2 variants), run on one thread under valgrind's cachegrind with V8's
// background threads off (`node --single-threaded`), twice with different run counts:
// the difference divided by the extra runs is what a run costs, start-up, loading and
// warm-up cancelled (three counts of the same 200 runs of `one` differed by 0.09%, so a
// per-run figure holds to some 0.3%). Records instructions_per_run, and as `throughput`
// runs per 10^9 instructions. Needs valgrind; without it the benchmark says so and records nothing.
// Takes some 3 minutes (node runs ~40x slower under cachegrind).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dist, printTable, record } from "./lib.mjs";

const CHILD = fileURLToPath(new URL("./psa-instructions-run.mjs", import.meta.url));
const WORKLOADS = [
  { name: "one", runs: [200, 400] },
  { name: "full", runs: [20, 40] },
];

function valgrindVersion() {
  const r = spawnSync("valgrind", ["--version"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : null;
}

/** Instructions of one child process running `runs` runs of `workload`. */
function instructions(workload, runs) {
  const r = spawnSync(
    "valgrind",
    ["--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", process.execPath, "--single-threaded", CHILD, workload, String(runs)],
    { encoding: "utf8", maxBuffer: 1 << 24 },
  );
  const refs = /I\s+refs:\s+([\d,]+)/.exec(r.stderr ?? "");
  if (r.status !== 0 || !refs) throw new Error(`cachegrind run of ${workload} x ${runs} failed: ${(r.stderr || r.error?.message || "").trim().split("\n").slice(-3).join(" ")}`);
  return Number(refs[1].replace(/,/g, ""));
}

export default async function psaInstructions() {
  dist("simulate/psa.js"); // fails clearly when the build is missing
  const valgrind = valgrindVersion();
  if (!valgrind) {
    console.log("psa-instructions: not measured (valgrind not found; Debian: apt-get install valgrind)");
    return;
  }
  const rows = WORKLOADS.map((w) => {
    const [a, b] = w.runs.map((runs) => instructions(w.name, runs));
    const perRun = Math.round((b - a) / (w.runs[1] - w.runs[0]));
    // throughput as in the other records (higher is faster, charted by `bench -- report`): runs per 10^9 instructions
    return { bench: `psa-instructions-${w.name}`, runs: w.runs[1] - w.runs[0], instructions_per_run: perRun, throughput: Math.round(1e9 / perRun), unit: "runs per 1e9 instructions" };
  });
  console.log(`psa-instructions: steenwijkerland.json, 10 years monthly, population noise on; ${valgrind} (cachegrind), node ${process.version} --single-threaded; instruction counts do not depend on the load`);
  printTable([["workload", "runs counted", "instructions per run"], ...rows.map((r) => [r.bench, r.runs, (r.instructions_per_run / 1e6).toFixed(2) + " M"])]);
  record(rows);
}
