// Shared helpers for the benchmarks: medians, a printed table, the compiled engine's
// location, and the benchmark records.
//
// Records: one JSON line per measurement, with what a tracker needs to compare runs:
// the git commit and whether the work tree differed from it (dirty), CPU model, core
// count, load average (1 min) before and after the benchmark, Node version and date.
// By default they go to benchmarks/results.local.jsonl (git-ignored, so `npm run
// bench` leaves `git status` clean); with --record to the tracked
// benchmarks/results.jsonl, for results meant to be committed.
import { execFileSync } from "node:child_process";
import { appendFileSync, existsSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** URL of a compiled module under dist/, failing clearly when the build is missing. */
export function dist(path) {
  const url = new URL(`../dist/${path}`, import.meta.url);
  if (!existsSync(fileURLToPath(url))) throw new Error("dist/ not built: run `npm run build` first");
  return url.href;
}

/** Prints rows (arrays of cells, first row the header) right-aligned. */
export function printTable(table) {
  const cells = table.map((row) => row.map(String));
  const widths = cells[0].map((_, k) => Math.max(...cells.map((row) => row[k].length)));
  for (const row of cells) console.log(row.map((c, k) => c.padStart(widths[k])).join("  "));
}

export const RESULTS = fileURLToPath(new URL("./results.jsonl", import.meta.url));
export const LOCAL_RESULTS = fileURLToPath(new URL("./results.local.jsonl", import.meta.url));
const root = fileURLToPath(new URL("..", import.meta.url));

/** Options of this `npm run bench` invocation, set by run.mjs. */
export const options = { record: false };

const cores = availableParallelism();
const load1 = () => Number(loadavg()[0].toFixed(2));

/** Prints the load average, with a warning when the machine is busier than its cores. */
function reportLoad(when, load) {
  console.log(`load average (1 min) ${when}: ${load.toFixed(2)} on ${cores} cores`);
  if (load > cores) {
    console.warn(`warning: load average ${load.toFixed(2)} exceeds the ${cores} cores: other work competes for the CPU, so these timings are noisy`);
  }
}

let loadBefore = null;

/** Called by run.mjs before each benchmark: notes and prints the load average. */
export function beginBenchmark() {
  loadBefore = load1();
  reportLoad("before", loadBefore);
}

/** The git commit of the work tree and whether it differs from it (null outside git). */
function gitState() {
  const git = (...args) => execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  try {
    const commit = git("rev-parse", "HEAD");
    // Recorded results and generated output do not make the code dirty.
    const changes = git("status", "--porcelain", "--", ".", ":(exclude)benchmarks/results.jsonl", ":(exclude)output");
    return { commit, dirty: changes.length > 0 };
  } catch {
    return { commit: null, dirty: null };
  }
}

/** What every record carries besides its measurement. */
export function environment() {
  return {
    ...gitState(),
    cpu: cpus()[0]?.model ?? "unknown",
    cores,
    node: process.version,
  };
}

/**
 * Appends one JSON line per measurement, with the environment and the load average
 * before and after, to results.local.jsonl, or with --record to results.jsonl.
 */
export function record(lines) {
  const loadAfter = load1();
  reportLoad("after", loadAfter);
  const env = { ...environment(), load_before: loadBefore ?? loadAfter, load_after: loadAfter, date: new Date().toISOString() };
  const file = options.record ? RESULTS : LOCAL_RESULTS;
  for (const line of lines) appendFileSync(file, JSON.stringify({ ...line, ...env }) + "\n");
  console.log(`recorded ${lines.length} line(s) in benchmarks/${options.record ? "results.jsonl" : "results.local.jsonl"}${options.record ? "" : " (add --record for the tracked results.jsonl)"}`);
}

/** Peak resident memory of this process so far, in MiB. */
export const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
