// Shared helpers for the benchmarks: medians, a printed table, one JSON line per
// measurement in benchmarks/results.jsonl, and the compiled engine's location.
import { appendFileSync, existsSync } from "node:fs";
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

/** Appends one JSON line per measurement (with node version and date) to results.jsonl. */
export function record(lines) {
  const date = new Date().toISOString();
  for (const line of lines) {
    appendFileSync(new URL("./results.jsonl", import.meta.url), JSON.stringify({ ...line, node: process.version, date }) + "\n");
  }
}

/** Peak resident memory of this process so far, in MiB. */
export const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
