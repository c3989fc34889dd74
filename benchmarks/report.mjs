// `npm run bench -- report`: output/bench-report.html from the benchmark records
// (benchmarks/results.jsonl, tracked, and benchmarks/results.local.jsonl, this
// machine's), one chart per benchmark with its history per commit and, where the
// records carry one, its ratio to the C yardstick. Charts are Vega-Lite specs
// rendered to inline SVG with vega/vega-lite in this process: the page loads nothing
// from the network.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { LOCAL_RESULTS, median, RESULTS } from "./lib.mjs";

const OUT_DIR = fileURLToPath(new URL("../output/", import.meta.url));
const OUT = `${OUT_DIR}bench-report.html`;

/** Records of one file, each marked with where it came from; bad lines are skipped. */
function readRecords(file, source) {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .flatMap((line) => {
      try {
        return [{ ...JSON.parse(line), source }];
      } catch {
        return [];
      }
    });
}

const escapeHtml = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/** The x-axis position of a record: its commit (short), or its day when it has none. */
function commitLabel(r) {
  if (r.commit) return `${r.commit.slice(0, 8)}${r.dirty ? "+" : ""}`;
  return `no commit ${String(r.date ?? "").slice(0, 10)}`;
}

const seriesLabel = (r) => [r.kernel, r.workers !== undefined ? `${r.workers} worker${r.workers === 1 ? "" : "s"}` : null].filter(Boolean).join(", ") || "all";

/**
 * Points of one benchmark: the median per (series, commit label, source), in order of
 * the commits' first appearance.
 */
function points(records, field) {
  const order = new Map();
  const groups = new Map();
  for (const r of [...records].sort((a, b) => String(a.date).localeCompare(String(b.date)))) {
    if (typeof r[field] !== "number") continue;
    const label = commitLabel(r);
    if (!order.has(label)) order.set(label, order.size);
    const key = `${seriesLabel(r)}\u0000${label}\u0000${r.source}`;
    if (!groups.has(key)) groups.set(key, { series: seriesLabel(r), commit: label, source: r.source, values: [], date: r.date });
    groups.get(key).values.push(r[field]);
  }
  return [...groups.values()].map((g) => ({ ...g, order: order.get(g.commit), value: median(g.values), runs: g.values.length }));
}

function chartSpec(title, data, yTitle, { rules = [], logScale = false } = {}) {
  const layers = [
    {
      mark: { type: "line", point: false, strokeWidth: 1.5 },
      encoding: {
        x: { field: "commit", type: "ordinal", sort: { field: "order" }, title: "commit (+ = uncommitted changes)", axis: { labelAngle: -40 } },
        y: { field: "value", type: "quantitative", title: yTitle, scale: logScale ? { type: "log" } : { zero: false }, axis: { format: "~s" } },
        color: { field: "series", type: "nominal", title: "configuration" },
        detail: { field: "source", type: "nominal" },
      },
    },
    {
      mark: { type: "point", filled: true, size: 50 },
      encoding: {
        x: { field: "commit", type: "ordinal", sort: { field: "order" } },
        y: { field: "value", type: "quantitative" },
        color: { field: "series", type: "nominal" },
        shape: { field: "source", type: "nominal", title: "records" },
      },
    },
  ];
  for (const rule of rules) {
    layers.push({ data: { values: [{ y: rule }] }, mark: { type: "rule", strokeDash: [4, 4], color: "#888" }, encoding: { y: { field: "y", type: "quantitative" } } });
  }
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title,
    width: 640,
    height: 220,
    data: { values: data },
    layer: layers,
    config: { font: "Arial, Helvetica, sans-serif" },
  };
}

async function renderSvg(spec) {
  const [vl, vega] = await Promise.all([import("vega-lite"), import("vega")]);
  const compiled = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** A table of each configuration's latest record. */
function latestTable(records) {
  const latest = new Map();
  for (const r of records) {
    const key = `${seriesLabel(r)}\u0000${r.source}`;
    if (!latest.has(key) || String(latest.get(key).date) < String(r.date)) latest.set(key, r);
  }
  const rows = [...latest.values()].sort((a, b) => seriesLabel(a).localeCompare(seriesLabel(b)) || a.source.localeCompare(b.source));
  const cell = (x) => `<td>${escapeHtml(x ?? "")}</td>`;
  return `<table><tr><th>configuration</th><th>records</th><th>commit</th><th>date</th><th>median s</th><th>throughput</th><th>unit</th><th>ours/C</th><th>load before/after</th><th>CPU</th><th>node</th></tr>${rows
    .map(
      (r) =>
        `<tr>${cell(seriesLabel(r))}${cell(r.source)}${cell(commitLabel(r))}${cell(String(r.date ?? "").slice(0, 16).replace("T", " "))}${cell(r.median_s)}${cell(
          typeof r.throughput === "number" ? r.throughput.toExponential(3) : "",
        )}${cell(r.unit)}${cell(r.ratio_c)}${cell(r.load_before !== undefined ? `${r.load_before} / ${r.load_after}` : "")}${cell(
          r.cpu ? `${r.cpu} (${r.cores})` : "",
        )}${cell(r.node)}</tr>`,
    )
    .join("")}</table>`;
}

export async function writeReport() {
  const records = [...readRecords(RESULTS, "recorded"), ...readRecords(LOCAL_RESULTS, "local")];
  if (records.length === 0) throw new Error("no benchmark records yet: run `npm run bench` first");
  const benches = [...new Set(records.map((r) => r.bench))].sort();
  const sections = [];
  for (const bench of benches) {
    const rs = records.filter((r) => r.bench === bench);
    const unit = rs.find((r) => r.unit)?.unit ?? "";
    const parts = [`<h2 id="${escapeHtml(bench)}">${escapeHtml(bench)}</h2>`];
    parts.push(await renderSvg(chartSpec(`${bench}: throughput per commit`, points(rs, "throughput"), unit)));
    const ratios = points(rs, "ratio_c");
    if (ratios.length > 0) {
      const spec = chartSpec(`${bench}: ratio to the C yardstick (person-steps/s, ours / C)`, ratios, "ours / C", { rules: [1, 0.9] });
      spec.layer[0].encoding.y.axis = { format: ".2f" };
      parts.push(await renderSvg(spec));
    }
    parts.push(latestTable(rs));
    sections.push(`<section>${parts.join("\n")}</section>`);
  }
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bijstandsim benchmarks</title>
<style>
body { font-family: Arial, Helvetica, sans-serif; margin: 2em; color: #222; max-width: 1100px; }
table { border-collapse: collapse; font-size: 0.85em; margin: 1em 0 2em; }
td, th { border: 1px solid #ccc; padding: 0.25em 0.5em; text-align: right; }
th { background: #f3f3f3; }
section { margin-bottom: 2em; }
</style></head><body>
<h1>bijstandsim benchmarks</h1>
<p>${records.length} records: <code>benchmarks/results.jsonl</code> (recorded, committed with <code>npm run bench -- NAME --record</code>)
and <code>benchmarks/results.local.jsonl</code> (local runs on this machine). Each point is the median of the records of one
configuration at one commit; a commit marked + had uncommitted changes. Timings on a machine whose load average exceeded its
cores are noisy: see the load column. Generated ${escapeHtml(new Date().toISOString())} by <code>npm run bench -- report</code>.</p>
${sections.join("\n")}
</body></html>
`;
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(OUT, html);
  console.log(`wrote ${OUT.replace(/.*\/output\//, "output/")}: ${benches.length} benchmark(s), ${records.length} record(s)`);
}
