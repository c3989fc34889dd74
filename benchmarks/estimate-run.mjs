#!/usr/bin/env node
// Child process of estimate.bench.mjs: one way of reading a client panel, in a process of
// its own so that wall time (node start-up included) and peak memory are per run.
// Prints one JSON line: { lines, peak_rss_mb }.
//   node benchmarks/estimate-run.mjs readline <panel>
//     a bare readline loop that counts lines: what the command read with before
//   node benchmarks/estimate-run.mjs readline-feed <panel>
//     the line path kept for comparison: readline + PanelReader.feed (the string path
//     that handles every line feedBytes hands back), then finish(): counting only
//   node benchmarks/estimate-run.mjs estimate <panel> <root> <out>
//     `bijstandsim estimate` of the build in <root> (its dist/cli/main.js, the code
//     bin/bijstandsim runs): template scenarios/groningen.json, --start-year 2023
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [variant, panel, root, out] = process.argv.slice(2);
const peak = () => Math.round(process.resourceUsage().maxRSS / 1024);

function lines(file) {
  return createInterface({ input: createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 }), crlfDelay: Infinity });
}

let n = 0;
if (variant === "readline") {
  for await (const _ of lines(panel)) n++;
} else if (variant === "readline-feed") {
  const { PanelReader } = await import(new URL("../dist/calibrate/panel.js", import.meta.url).href);
  const reader = new PanelReader({ file: panel });
  for await (const line of lines(panel)) reader.feed(line, ++n);
  reader.finish();
} else if (variant === "estimate") {
  const { main } = await import(pathToFileURL(join(root, "dist/cli/main.js")).href);
  const template = join(root, "scenarios/groningen.json");
  const code = await main(["estimate", "--panel", panel, "--template", template, "--start-year", "2023", "--out", out, "--quiet"]);
  if (code !== 0) process.exit(code);
} else {
  console.error(`unknown variant ${variant}`);
  process.exit(2);
}
console.log(JSON.stringify({ lines: n, peak_rss_mb: peak() }));
