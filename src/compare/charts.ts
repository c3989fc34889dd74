/**
 * Vega-Lite specs for the comparison page, in the report's style (report/charts.ts): one
 * colour per macro scenario (the report's colours, in run A's order), one dash pattern
 * per run, titles and number formats in the run's language, the data inline. Pure: a Comparison in,
 * specs out; the CLI renders them to inline SVG with report/render.ts.
 */
import { lineWithPoints, maxAbs, SCENARIO_COLOURS, scenarioLegend, strokeLegend, top, WIDTH, yearX, ZERO_RULE, type Chart, type VlSpec } from "../report/charts.js";
import { COMPARE } from "../locale/messages-compare.js";
import { REPORT } from "../locale/messages-report.js";
import { euroAxis } from "../report/locale.js";
import type { CompareBlock, Comparison } from "./compare.js";
import { metricLabel, periodOf } from "./tables.js";

/** Dash patterns of the runs: A solid, B dashed, C dotted, ... */
const DASHES = [[1, 0], [7, 4], [2, 3], [10, 3, 2, 3], [4, 2], [1, 4]];

const scenarioLabels = (c: Comparison): string[] => [...new Set(c.blocks.map((b) => b.scenarioLabel))];

function colour(c: Comparison, legend: boolean) {
  const domain = scenarioLabels(c);
  return {
    field: "scenario",
    type: "nominal",
    title: REPORT.chartScenario,
    scale: { domain, range: domain.map((_, i) => SCENARIO_COLOURS[i % SCENARIO_COLOURS.length]) },
    // Only one layer names the legend; vega-lite merges the others into it (a `legend: null` elsewhere would hide it).
    ...(legend ? { legend: scenarioLegend(2) } : {}),
  };
}

function runDash(c: Comparison) {
  const domain = c.runs.map((r) => r.letter);
  return { field: "run", type: "nominal", title: COMPARE.runColumn, scale: { domain, range: domain.map((_, i) => DASHES[i % DASHES.length]) }, legend: { ...strokeLegend, title: COMPARE.runColumn } };
}

/** The y axis title: euro or persons. */
const unitTitle = (euro: boolean): string => (euro ? REPORT.euroWord : REPORT.persons);

/** A person count axis that keeps small differences apart. */
const personsAxis = (max: number) => ({ format: max >= 100 ? ",.0f" : max >= 10 ? ",.1~f" : ",.2~f" });
const axisFor = (euro: boolean, values: (number | null | undefined)[]) => (euro ? euroAxis(maxAbs(values.map((v) => v ?? undefined))) : personsAxis(maxAbs(values.map((v) => v ?? undefined))));

interface Point {
  scenario: string;
  run: string;
  year: number;
  value: number;
  low?: number;
  high?: number;
}

/** Every run's numbers of a metric in the given blocks, as chart rows. */
function points(c: Comparison, blocks: readonly CompareBlock[], metric: string): Point[] {
  const out: Point[] = [];
  for (const b of blocks) {
    const s = b.series.find((x) => x.metric === metric);
    if (!s) continue;
    c.runs.forEach((r, k) =>
      c.years.forEach((year, y) => {
        const value = s.values[k][y];
        if (value === null) return;
        const [low, high] = [s.low[k][y], s.high[k][y]];
        out.push({ scenario: b.scenarioLabel, run: r.letter, year, value, ...(low !== null && high !== null ? { low, high } : {}) });
      }),
    );
  }
  return out;
}

/** Lines of every run (dashes) per scenario (colours), with each run's 90% interval as a faint band when it has one. */
function linesChart(c: Comparison, name: string, metric: string, blocks: readonly CompareBlock[], title: string, caption: string): Chart | undefined {
  const rows = points(c, blocks, metric);
  if (rows.length === 0) return undefined;
  const euro = metric !== "volume_end" && metric !== "volume_avg";
  const x = yearX([c.years[0], c.years[c.years.length - 1]]);
  const y = { field: "value", type: "quantitative", title: unitTitle(euro), scale: { zero: false, nice: true }, axis: axisFor(euro, rows.flatMap((r) => [r.value, r.low, r.high])) };
  const banded = rows.filter((r) => r.low !== undefined);
  const layer: VlSpec[] = [];
  if (euro) layer.push(ZERO_RULE);
  if (banded.length) {
    layer.push({ data: { values: banded }, mark: { type: "area", fillOpacity: 0.1 }, encoding: { x, y: { field: "low", type: "quantitative" }, y2: { field: "high" }, color: colour(c, false), detail: { field: "run" } } });
  }
  layer.push(...lineWithPoints(rows, { x, y, color: colour(c, true), strokeDash: runDash(c), detail: { field: "run" } }, 2.2, 30));
  const dashNames = COMPARE.dashNames;
  const runs = c.runs.map((r, i) => `${r.letter} ${dashNames[i % dashNames.length]}`).join(", ");
  return {
    name,
    title,
    caption: caption + COMPARE.linesKey(runs, banded.length > 0),
    spec: top(title, COMPARE.linesSubtitle(periodOf(c)), { width: WIDTH, height: 300, layer }),
  };
}

/** Bars: each run's difference from A per year and scenario (one panel per run after A). */
function differenceChart(c: Comparison, name: string, metric: string, title: string, caption: string): Chart | undefined {
  const rows: { scenario: string; year: string; pair: string; difference: number }[] = [];
  for (const b of c.blocks.filter((x) => x.variant === "baseline")) {
    const s = b.series.find((x) => x.metric === metric);
    if (!s) continue;
    c.runs.slice(1).forEach((r, k) =>
      c.years.forEach((year, y) => {
        const [v, a] = [s.values[k + 1][y], s.values[0][y]];
        if (v !== null && a !== null) rows.push({ scenario: b.scenarioLabel, year: String(year), pair: COMPARE.minusA(r.letter), difference: v - a });
      }),
    );
  }
  if (rows.length === 0) return undefined;
  const euro = metric !== "volume_end";
  const pairs = [...new Set(rows.map((r) => r.pair))];
  const panel = {
    width: WIDTH,
    height: pairs.length > 1 ? 200 : 260,
    layer: [
      ZERO_RULE,
      {
        mark: { type: "bar" },
        encoding: {
          x: { field: "year", type: "ordinal", title: null, axis: { labelAngle: 0 } },
          xOffset: { field: "scenario", type: "nominal", sort: scenarioLabels(c) },
          y: { field: "difference", type: "quantitative", title: unitTitle(euro), axis: axisFor(euro, rows.map((r) => r.difference)) },
          color: colour(c, true),
        },
      },
    ],
  };
  const body = pairs.length > 1 ? { data: { values: rows }, facet: { row: { field: "pair", type: "nominal", title: null, sort: pairs } }, spec: panel } : { data: { values: rows }, ...panel };
  return { name, title, caption, spec: top(title, COMPARE.differenceSubtitle(pairs.join(", ")), body) };
}

/** Every chart of the comparison page, in page order. */
export function compareCharts(c: Comparison): Chart[] {
  const base = c.blocks.filter((b) => b.variant === "baseline");
  const charts = [
    linesChart(c, "volume", "volume_end", base, COMPARE.volumeTitle, COMPARE.volumeCaption),
    differenceChart(c, "verschil-volume", "volume_end", COMPARE.volumeDiffTitle, COMPARE.volumeDiffCaption),
    linesChart(c, "buig-resultaat", "buig_result", base, COMPARE.buigTitle, COMPARE.buigCaption),
    differenceChart(c, "verschil-buig-resultaat", "buig_result", COMPARE.buigDiffTitle, COMPARE.buigDiffCaption),
  ];
  const variants = [...new Set(c.blocks.filter((b) => b.variant !== "baseline").map((b) => b.variant))];
  variants.forEach((v, i) => {
    const blocks = c.blocks.filter((b) => b.variant === v);
    const label = blocks[0].variantLabel;
    const metric = metricLabel("net_effect_cumulative", c.years[0]);
    charts.push(linesChart(c, `netto-effect-${i + 1}`, "net_effect_cumulative", blocks, `${label}: ${metric.charAt(0).toLowerCase()}${metric.slice(1)}`, COMPARE.netEffectCaption(label, c.years[0])));
  });
  return charts.filter((x): x is Chart => x !== undefined);
}
