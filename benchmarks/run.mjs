#!/usr/bin/env node
// Runs the benchmarks in this folder: every *.bench.mjs whose default export is an
// async function. `npm run bench` runs all, `npm run bench -- microsim-v1` one (or more).
// Benchmarks import the compiled engine from dist/ (build with `npm run build`).
// A benchmark fails by throwing; the exit status is then 1.
//
//   --record   append the records to the tracked benchmarks/results.jsonl instead of
//              the git-ignored benchmarks/results.local.jsonl (see lib.mjs)
//   report     `npm run bench -- report` writes output/bench-report.html from the
//              records instead of running benchmarks (see report.mjs)
import { readdirSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { beginBenchmark, options } from "./lib.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith(".bench.mjs"))
  .sort()
  .map((f) => ({ name: basename(f, ".bench.mjs"), file: f }));

const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith("-"));
const unknownFlags = flags.filter((f) => f !== "--record");
if (unknownFlags.length > 0) {
  console.error(`unknown option(s): ${unknownFlags.join(", ")}; available: --record`);
  process.exit(2);
}
options.record = flags.includes("--record");
const wanted = args.filter((a) => !a.startsWith("-"));

if (wanted.includes("report")) {
  if (wanted.length > 1 || options.record) {
    console.error("`report` takes no benchmark names and no --record: npm run bench -- report");
    process.exit(2);
  }
  const { writeReport } = await import("./report.mjs");
  await writeReport();
  process.exit(0);
}

const unknown = wanted.filter((w) => !available.some((b) => b.name === w));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(", ")}; available: ${available.map((b) => b.name).join(", ")}, or report`);
  process.exit(2);
}
const selected = wanted.length > 0 ? available.filter((b) => wanted.includes(b.name)) : available;

let failed = 0;
for (const { name, file } of selected) {
  console.log(`\n== ${name} ==`);
  try {
    const mod = await import(pathToFileURL(here + file).href);
    if (typeof mod.default !== "function") throw new Error(`${file} has no default export function`);
    beginBenchmark();
    await mod.default();
  } catch (err) {
    failed++;
    console.error(`${name}: FAILED: ${err instanceof Error ? err.message : err}`);
  }
}
if (failed > 0) console.error(`\n${failed} of ${selected.length} benchmark(s) failed`);
process.exitCode = failed > 0 ? 1 : 0;
