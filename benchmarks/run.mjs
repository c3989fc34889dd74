#!/usr/bin/env node
// Runs the benchmarks in this folder: every *.bench.mjs whose default export is an
// async function. `npm run bench` runs all, `npm run bench -- microsim-v1` one (or more).
// Benchmarks import the compiled engine from dist/ (build with `npm run build`).
// A benchmark fails by throwing; the exit status is then 1.
import { readdirSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const available = readdirSync(here)
  .filter((f) => f.endsWith(".bench.mjs"))
  .sort()
  .map((f) => ({ name: basename(f, ".bench.mjs"), file: f }));

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const unknown = wanted.filter((w) => !available.some((b) => b.name === w));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(", ")}; available: ${available.map((b) => b.name).join(", ")}`);
  process.exit(2);
}
const selected = wanted.length > 0 ? available.filter((b) => wanted.includes(b.name)) : available;

let failed = 0;
for (const { name, file } of selected) {
  console.log(`\n== ${name} ==`);
  try {
    const mod = await import(pathToFileURL(here + file).href);
    if (typeof mod.default !== "function") throw new Error(`${file} has no default export function`);
    await mod.default();
  } catch (err) {
    failed++;
    console.error(`${name}: FAILED: ${err instanceof Error ? err.message : err}`);
  }
}
if (failed > 0) console.error(`\n${failed} of ${selected.length} benchmark(s) failed`);
process.exitCode = failed > 0 ? 1 : 0;
