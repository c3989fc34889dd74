/**
 * Vega-Lite specs for the report, built from a parsed results.json (pure: data in,
 * JSON specs out; rendering is in render.ts). Each spec carries its data inline and the
 * run's locale (Dutch, or English with --lang en) in `config.locale`, so a `charts/*.vl.json`
 * file is complete on its own.
 *
 * Conventions shared by all charts:
 * - one colour per macro scenario, from a fixed domain (the scenario labels in run
 *   order) and range (SCENARIO_COLOURS), so "Tweede golf" has the same colour everywhere;
 * - labels and number formats in the run's language (1.012; € 250.000; € 12,9 mln);
 *   every title names its unit (personen, euro);
 * - sized for a laptop screen (about 800 px wide), legends below the plot;
 * - what the results do not hold is not drawn: bands only with `_p05`/`_p95` fields,
 *   the intervention chart only with variants besides the baseline, the chance of
 *   payback and the net effect's interval only after many runs, the tornado only with
 *   sensitivity rows.
 */
import { paybackIndex } from "../outcomes/payback.js";
import { formatEuro, formatNumber, shownNet, shownNetSeries } from "../locale/format.js";
import { REPORT } from "../locale/messages-report.js";
import { TERM } from "../locale/messages-terminal.js";
import { inflowFromLabel, parameterLabel } from "./labels.js";
import { arialWidth } from "./text-width.js";
import { chartLocale, euroAxis, PERSONS_FORMAT } from "./locale.js";
import type { RunView, ScenarioBlock } from "./results.js";
import type { NetAsShown } from "./tables.js";

/** A Vega-Lite spec as plain JSON. */
export type VlSpec = Record<string, unknown>;

export interface Chart {
  /** File stem: charts/<name>.vl.json and charts/<name>.svg. */
  name: string;
  /** Heading (also the SVG's accessible name). */
  title: string;
  /** One or two sentences under the chart: what is drawn and how to read it. */
  caption: string;
  spec: VlSpec;
}

/**
 * Scenario colours, in run order. For the shipped CPB order this reads naturally: basis
 * blue, full recovery green, weak recovery orange, second wave red, pre-corona grey.
 */
export const SCENARIO_COLOURS = ["#1f5fa6", "#2a9d5c", "#e08a1e", "#c0392b", "#7a7a7a", "#8e5ea2", "#17a2b8", "#b5a300", "#8c564b", "#d16ba5"];

export const VL_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
/** Chart width in pixels (a laptop screen, with the legend below). */
export const WIDTH = 620;
/** Arial and its metric twins, so that text-width.ts measures what the reader sees. */
const FONT = "Arial, Helvetica, 'Liberation Sans', sans-serif";
const DARK_RED = "#8b1a1a";

/** What every chart shares: the locale of the run's language, font, title, axis and legend styles (exported for the comparison page). */
export const config = () => ({
  locale: chartLocale(),
  font: FONT,
  background: "white",
  padding: 8,
  view: { stroke: null },
  // vega's generated ARIA descriptions are English; the report names each figure in Dutch instead.
  aria: false,
  mark: { aria: false },
  title: { anchor: "start", fontSize: 16, fontWeight: 600, subtitleFontSize: 13, subtitleColor: "#444", offset: 14, subtitlePadding: 4 },
  axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 500, titleColor: "#333", labelColor: "#333", gridColor: "#e8e8e8", domainColor: "#888", tickColor: "#888", aria: false },
  legend: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 500, labelLimit: 280, symbolSize: 90, aria: false },
  header: { labelFontSize: 12, labelFontWeight: 600, titleFontSize: 12 },
});

/** The fixed colour scale: scenario labels (in run order) to colours. */
export function scenarioColourScale(doc: RunView): { domain: string[]; range: string[] } {
  const domain = scenarioLabels(doc);
  return { domain, range: domain.map((_, i) => SCENARIO_COLOURS[i % SCENARIO_COLOURS.length]) };
}

/** Scenario labels in run order, one per macro scenario. */
export function scenarioLabels(doc: RunView): string[] {
  return [...new Map(doc.scenarios.map((s) => [s.name, s.label])).values()];
}

/** One block per macro scenario: its baseline, or its first block when it has none. */
export function baselineBlocks(doc: RunView): ScenarioBlock[] {
  const out = new Map<string, ScenarioBlock>();
  for (const s of doc.scenarios) {
    const seen = out.get(s.name);
    if (!seen || (seen.variant !== "baseline" && s.variant === "baseline")) out.set(s.name, s);
  }
  return [...out.values()];
}

/** The value of a metric, falling back to its mean or median in stochastic output. */
export const metricOf = (m: Record<string, number>, key: string): number | undefined => m[key] ?? m[`${key}_mean`] ?? m[`${key}_p50`];

const years = (doc: RunView): number[] => [...new Set(doc.scenarios.flatMap((s) => s.years.map((y) => y.year)))].sort((a, b) => a - b);

/** A year axis: whole years, no thousands separator. */
export function yearX(domain: [number, number], title: string | null = null) {
  const span = domain[1] - domain[0];
  const values = span <= 16 ? Array.from({ length: span + 1 }, (_, i) => domain[0] + i) : undefined;
  return {
    field: "year",
    type: "quantitative",
    title,
    scale: { domain, nice: false, padding: 14 },
    axis: { format: "d", ...(values ? { values } : { tickMinStep: 1 }), grid: false, labelFlush: false },
  };
}

/** The scenario colour channel; pass a legend in one layer only (the others inherit it). */
const colour = (doc: RunView, legend?: Record<string, unknown> | null) => ({
  field: "scenario",
  type: "nominal",
  title: REPORT.chartScenario,
  scale: scenarioColourScale(doc),
  ...(legend !== undefined ? { legend } : {}),
});
export const scenarioLegend = (columns: number) => ({ title: REPORT.chartScenario, orient: "bottom", columns, symbolOpacity: 1 });
/** A legend of dash patterns, drawn as dark line segments (vega-lite leaves their stroke unset). */
export const strokeLegend = { orient: "bottom", symbolType: "stroke", symbolStrokeWidth: 2, symbolStrokeColor: "#333" };

/**
 * A line with a dot on every year, as two layers: the dots in a layer of their own, because
 * vega-lite draws the dash legend of a line with `point` as transparent strokes.
 */
export function lineWithPoints(data: unknown[], encoding: Record<string, unknown>, strokeWidth = 2.2, size = 36): VlSpec[] {
  const { strokeDash: _dash, ...plain } = encoding;
  const colour = plain.color as Record<string, unknown> | undefined;
  const dots = colour ? { ...plain, color: Object.fromEntries(Object.entries(colour).filter(([k]) => k !== "legend")) } : plain;
  return [
    { data: { values: data }, mark: { type: "line", strokeWidth }, encoding },
    { data: { values: data }, mark: { type: "point", filled: true, size, opacity: 1 }, encoding: dots },
  ];
}

export const maxAbs = (values: (number | undefined)[]): number => Math.max(0, ...values.filter((v): v is number => v !== undefined && Number.isFinite(v)).map(Math.abs));

export const top = (title: string, subtitle: string | string[] | undefined, body: VlSpec): VlSpec => ({
  $schema: VL_SCHEMA,
  title: subtitle ? { text: title, subtitle } : { text: title },
  config: config(),
  ...body,
});

/** (a) Year-end bijstand volume per scenario, with the p5-p95 band and reference points when present. */
export function volumeChart(doc: RunView): Chart | undefined {
  const blocks = baselineBlocks(doc);
  const rows = blocks.flatMap((s) =>
    s.years
      .map((y) => ({ scenario: s.label, year: y.year, value: metricOf(y.metrics, "volume_end"), p05: y.metrics.volume_end_p05, p95: y.metrics.volume_end_p95 }))
      .filter((r) => r.value !== undefined),
  );
  if (rows.length === 0) return undefined;
  const ys = rows.map((r) => r.year);
  const [first, last] = [Math.min(...ys), Math.max(...ys)];
  const labelOf = new Map(blocks.map((s) => [s.name, s.label]));
  // Published or observed points for the scenarios shown, up to five years of history before the start.
  const refs = doc.model.references
    .filter((r) => r.metric === "volume_end" && (r.scenario === undefined || labelOf.has(r.scenario)))
    .flatMap((r) =>
      Object.entries(r.values)
        .map(([year, value]) => ({ year: Number(year), value, reference: r.label, scenario: r.scenario === undefined ? undefined : labelOf.get(r.scenario), series: REPORT.referencePoint }))
        .filter((p) => p.year >= first - 5 && p.year <= last),
    );
  const domain: [number, number] = [Math.min(first, ...refs.map((r) => r.year)), last];
  const band = rows.some((r) => r.p05 !== undefined && r.p95 !== undefined);
  const x = yearX(domain);
  const y = { field: "value", type: "quantitative", title: countWord(doc), scale: { zero: false, nice: true }, axis: { format: PERSONS_FORMAT } };
  const shape = { field: "series", type: "nominal", title: null, scale: { range: ["diamond"] }, legend: { orient: "bottom", symbolFillColor: "#999", symbolStrokeColor: "#222", symbolStrokeWidth: 0.8 } };
  const layer: VlSpec[] = [];
  if (band) {
    layer.push({
      data: { values: rows.filter((r) => r.p05 !== undefined && r.p95 !== undefined) },
      mark: { type: "area", fillOpacity: 0.16 },
      encoding: { x, y: { field: "p05", type: "quantitative", title: countWord(doc) }, y2: { field: "p95" }, color: colour(doc) },
    });
  }
  layer.push({
    data: { values: rows },
    mark: { type: "line", strokeWidth: 2.2, point: { filled: true, size: 36 } },
    encoding: { x, y, color: colour(doc, scenarioLegend(refs.length ? 2 : 3)) },
  });
  const coloured = refs.filter((r) => r.scenario !== undefined);
  const plain = refs.filter((r) => r.scenario === undefined);
  if (coloured.length) {
    layer.push({
      data: { values: coloured },
      mark: { type: "point", filled: true, size: 80, stroke: "#222", strokeWidth: 0.8, opacity: 1 },
      encoding: { x, y, color: colour(doc), shape },
    });
  }
  if (plain.length) {
    layer.push({
      data: { values: plain },
      mark: { type: "point", filled: true, size: 80, color: "#222", opacity: 1 },
      encoding: { x, y, shape },
    });
  }
  const subtitle = [REPORT.volumeSubtitle(band, refs.length > 0)];
  return {
    name: "volume",
    title: REPORT.volumeTitle,
    caption: REPORT.volumeCaption(band, [...new Set(refs.map((r) => r.reference))].join("; "), countWord(doc)),
    spec: top(REPORT.volumeHeading(countWord(doc)), subtitle, { width: WIDTH, height: 320, layer }),
  };
}

/** (b) Composition of the bijstand volume by state (trede/klantgroep), stacked, one panel per scenario. */
export function compositionChart(doc: RunView): Chart | undefined {
  const on = doc.model.states.filter((s) => s.kind === "on");
  const blocks = baselineBlocks(doc);
  const rows = blocks.flatMap((s) =>
    s.years.flatMap((y) => on.map((st, order) => ({ scenario: s.label, state: st.label, order, year: y.year, value: y.states[st.name]?.volume_end })).filter((r) => r.value !== undefined)),
  );
  if (rows.length === 0 || on.length === 0) return undefined;
  const ys = years(doc);
  const columns = Math.min(blocks.length, 3);
  const cell = Math.floor((WIDTH - 20 * (columns - 1)) / columns);
  const single = ys.length < 2; // one year: bars instead of an area without width
  return {
    name: "samenstelling",
    title: REPORT.compositionTitle,
    caption: REPORT.compositionCaption(countWord(doc)),
    spec: top(REPORT.compositionHeading(countWord(doc)), REPORT.compositionSubtitle, {
      data: { values: rows },
      columns,
      facet: { field: "scenario", type: "nominal", title: null, sort: blocks.map((s) => s.label), header: { labelAnchor: "start", labelPadding: 4 } },
      spacing: { row: 18, column: 20 },
      resolve: { axis: { x: "independent" } },
      spec: {
        width: cell,
        height: 150,
        mark: single ? { type: "bar", width: 40 } : { type: "area", line: { strokeWidth: 0.6, color: "white" }, opacity: 0.92 },
        encoding: {
          x: single ? { field: "year", type: "ordinal", title: null } : yearX([ys[0], ys[ys.length - 1]]),
          y: { aggregate: "sum", field: "value", type: "quantitative", title: countWord(doc), stack: "zero", axis: { format: PERSONS_FORMAT } },
          color: {
            field: "state",
            type: "nominal",
            title: REPORT.rungOrGroup,
            scale: { domain: on.map((s) => s.label), scheme: "viridis" },
            legend: { orient: "bottom", columns: Math.min(on.length, 4) },
          },
          order: { field: "order", type: "quantitative", sort: "descending" },
        },
      },
    }),
  };
}

/** (c) Trede-overgangen per year (from-to heatmap) for the first scenario; `from` includes new inflow. */
export function transitionsChart(doc: RunView): Chart | undefined {
  const block = baselineBlocks(doc).find((s) => s.transitions.length > 0);
  if (!block) return undefined;
  const label = new Map(doc.model.states.map((s) => [s.name, s.label]));
  const inflowLabel = inflowFromLabel();
  label.set("instroom", inflowLabel);
  const rows = block.transitions
    .filter((t) => t.from !== t.to && t.count > 0)
    .map((t) => ({ year: t.year, from: label.get(t.from) ?? t.from, to: label.get(t.to) ?? t.to, count: t.count }));
  if (rows.length === 0) return undefined;
  const order = [inflowLabel, ...doc.model.states.map((s) => s.label)];
  const froms = order.filter((l) => rows.some((r) => r.from === l));
  const tos = order.filter((l) => rows.some((r) => r.to === l));
  const ys = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  const columns = ys.length > 1 ? 2 : 1;
  const step = Math.max(26, Math.min(48, Math.floor((WIDTH - 170 - 24 * (columns - 1)) / columns / tos.length)));
  const max = Math.max(...rows.map((r) => r.count));
  return {
    name: "overgangen",
    title: REPORT.transitionsTitle(block.label),
    caption: REPORT.transitionsCaption(block.label, inflowLabel),
    spec: top(REPORT.transitionsHeading(block.label), REPORT.transitionsSubtitle, {
      data: { values: rows },
      columns,
      facet: { field: "year", type: "ordinal", title: null, header: { labelExpr: `'${REPORT.yearPrefix}' + datum.value`, labelAnchor: "start" } },
      spacing: { row: 16, column: 24 },
      spec: {
        width: { step },
        height: { step: 24 },
        encoding: {
          x: { field: "to", type: "nominal", title: REPORT.to, sort: tos, scale: { domain: tos }, axis: { labelAngle: -35, labelLimit: 140, orient: "bottom" } },
          y: { field: "from", type: "nominal", title: REPORT.from, sort: froms, scale: { domain: froms }, axis: { labelLimit: 160 } },
        },
        layer: [
          {
            mark: { type: "rect", stroke: "white", strokeWidth: 1 },
            encoding: {
              color: { field: "count", type: "quantitative", title: REPORT.personsPerYear, scale: { scheme: "blues", domain: [0, max] }, legend: { orient: "right", format: PERSONS_FORMAT, gradientLength: 140 } },
            },
          },
          {
            mark: { type: "text", fontSize: 10 },
            transform: [{ calculate: "datum.count < 0.5 ? '<1' : format(datum.count, ',.0f')", as: "label" }],
            encoding: {
              text: { field: "label", type: "nominal" },
              color: { condition: { test: `datum.count > ${(max * 0.55).toFixed(4)}`, value: "white" }, value: "#222" },
            },
          },
        ],
      },
    }),
  };
}

/** (d) BUIG result per year per scenario and variant, with zero and the vangnet threshold. */
export function buigResultChart(doc: RunView): Chart | undefined {
  // With more than one intervention the lines of every scenario and variant (Groningen: 4 x 6) are no longer told
  // apart: the baseline only, and the caption points to the intervention chart.
  const several = new Set(doc.scenarios.map((s) => s.variant)).size > 2;
  const rows = doc.scenarios.filter((s) => !several || s.variant === "baseline").flatMap((s) =>
    s.years
      .map((y) => ({ scenario: s.label, variant: s.variantLabel, year: y.year, value: metricOf(y.metrics, "buig_result"), p05: y.metrics.buig_result_p05, p95: y.metrics.buig_result_p95 }))
      .filter((r) => r.value !== undefined),
  );
  if (rows.length === 0) return undefined;
  const ownRisk = vangnetOwnRisk(doc);
  const thresholds = baselineBlocks(doc).flatMap((s) =>
    s.years.map((y) => ({ scenario: s.label, year: y.year, value: y.metrics.budget !== undefined && y.metrics.budget > 0 ? -ownRisk * y.metrics.budget : undefined })).filter((r) => r.value !== undefined),
  );
  // One threshold line when every scenario has the same budget; else one per scenario.
  const shared = new Set(thresholds.map((t) => `${t.year}:${t.value!.toFixed(2)}`)).size === new Set(thresholds.map((t) => t.year)).size;
  const thresholdRows = shared ? thresholds.filter((t, i, all) => all.findIndex((u) => u.year === t.year) === i) : thresholds;
  const variants = [...new Set(rows.map((r) => r.variant))];
  const band = rows.some((r) => r.p05 !== undefined && r.p95 !== undefined);
  const ys = years(doc);
  const x = yearX([ys[0], ys[ys.length - 1]]);
  const data = maxAbs([...rows.map((r) => r.value), ...rows.map((r) => r.p05), ...rows.map((r) => r.p95)]);
  // A threshold far below every line (a surplus, a small deficit against a large budget) would squash the lines into a
  // sliver at the top: it is left out and the caption says where it lies.
  const nearest = Math.max(...thresholds.map((t) => t.value!));
  const far = thresholdRows.length > 0 && -nearest > 2.5 * data;
  const y = { field: "value", type: "quantitative", title: REPORT.euroWord, axis: euroAxis(far ? data : maxAbs([data, ...thresholds.map((t) => t.value)])) };
  // Many variants (Groningen has six, with long names) one under another: on one row they widened the chart to 2,000 px.
  const dash = variants.length > 1 ? { strokeDash: { field: "variant", type: "nominal", title: REPORT.variant, sort: variants, legend: variants.length > 2 ? { ...strokeLegend, columns: 1 } : strokeLegend } } : {};
  const pct = formatNumber(ownRisk * 100, 2);
  const layer: VlSpec[] = [{ data: { values: [{}] }, mark: { type: "rule", color: "#555", strokeWidth: 1 }, encoding: { y: { datum: 0, type: "quantitative" } } }];
  if (band) {
    layer.push({ data: { values: rows.filter((r) => r.p05 !== undefined) }, mark: { type: "area", fillOpacity: 0.14 }, encoding: { x, y: { field: "p05", type: "quantitative" }, y2: { field: "p95" }, color: colour(doc), detail: { field: "variant" } } });
  }
  if (thresholdRows.length && !far) {
    const last = thresholdRows.reduce((a, b) => (b.year > a.year ? b : a));
    // Red and dotted, one line per scenario where the budgets differ: in the scenarios' colours and dashed, a
    // threshold read as a variant's line (the variants are told apart by dashes).
    layer.push({
      data: { values: thresholdRows },
      mark: { type: "line", strokeDash: [1.5, 3], strokeCap: "round", strokeWidth: 2, color: DARK_RED },
      encoding: { x, y, ...(shared ? {} : { detail: { field: "scenario" } }) },
    });
    layer.push({
      data: { values: [{ year: last.year, value: last.value, text: REPORT.vangnetThreshold(pct) }] },
      mark: { type: "text", align: "right", baseline: "top", dy: 5, fontSize: 11, color: DARK_RED },
      encoding: { x, y, text: { field: "text" } },
    });
  }
  layer.push(...lineWithPoints(rows, { x, y, color: colour(doc, scenarioLegend(variants.length > 1 ? 2 : 3)), ...dash, detail: { field: "variant" } }));
  return {
    name: "buig-resultaat",
    title: REPORT.buigTitle,
    caption: REPORT.buigCaption(thresholdRows.length === 0 ? "none" : far ? "far" : shared ? "one" : "each", pct, variants.length > 1, far ? formatEuro(nearest) : "") + (several ? REPORT.buigBaselineOnly : ""),
    spec: top(REPORT.buigHeading, REPORT.buigSubtitle(variants.length > 1), {
      width: WIDTH,
      height: 300,
      layer,
    }),
  };
}

/** Whether the vangnet compensates a deficit in some year of these blocks (a scenario's baseline and a variant): then the tables show what is kept after it. */
export const compensated = (blocks: readonly ScenarioBlock[]): boolean => blocks.some((b) => b.years.some((y) => (metricOf(y.metrics, "vangnet_compensation") ?? 0) > 0));

/** What the file's volumes count, in the run's language: "personen", or "uitkeringen" where the file says so (unit). */
export const countWord = (doc: RunView): string => REPORT.units[doc.model.unit] ?? REPORT.persons;

/** The vangnet own-risk share of the run. */
export const vangnetOwnRisk = (doc: RunView): number => doc.model.vangnet.own_risk;

export interface EffectRow {
  scenario: string;
  variant: string;
  year: number;
  /** Variant minus baseline year-end volume (negative = fewer people on bijstand). */
  volume: number;
  buig_effect: number;
  /** What the municipality keeps of the BUIG effect after the vangnet (less where the vangnet compensates part of a deficit). */
  kept: number;
  cost: number;
  net: number;
  cumulative: number;
  /** Intervention cost up to and including this year. */
  cumulative_cost: number;
}

/**
 * Per scenario, variant and year: volume and euros of each variant against the baseline
 * of the same macro scenario. Uses the engine's `buig_effect` and `intervention_cost`
 * where present, else derives the effect; the net effect and its running total are those
 * the tables show (format.ts shownNet), so that a tooltip says what the table says.
 */
export function effectRows(doc: RunView): EffectRow[] {
  const base = new Map(doc.scenarios.filter((s) => s.variant === "baseline").map((s) => [s.name, s]));
  const out: EffectRow[] = [];
  for (const s of doc.scenarios) {
    const b = base.get(s.name);
    if (s.variant === "baseline" || !b) continue;
    let cumulative = 0;
    let cumulativeCost = 0;
    for (const y of s.years) {
      const by = b.years.find((x) => x.year === y.year);
      if (!by) continue;
      const m = y.metrics;
      const buig = m.buig_effect ?? (by.metrics.expenditure ?? 0) - (m.expenditure ?? 0);
      const cost = m.intervention_cost ?? 0;
      const net = shownNet(buig, cost);
      cumulative += net;
      cumulativeCost += cost;
      const volume = (metricOf(m, "volume_end") ?? 0) - (metricOf(by.metrics, "volume_end") ?? 0);
      const kept = metricOf(m, "buig_effect_after_vangnet") ?? buig; // a results.json from before the metric: as if no vangnet applied
      out.push({ scenario: s.label, variant: s.variantLabel, year: y.year, volume, buig_effect: buig, kept, cost, net, cumulative, cumulative_cost: cumulativeCost });
    }
  }
  return out;
}

/**
 * Per scenario and variant (names) the net effect over all its years as the tables show it
 * (format.ts shownNet, tables.ts NetAsShown); none after a microsimulation, whose tables
 * are not the cohort model's expected values that break-even has.
 */
export function netAsShown(doc: RunView): NetAsShown {
  const totals = new Map<string, number>();
  if (doc.meta.options.mode === "microsim") return () => undefined;
  for (const s of doc.scenarios) {
    if (s.variant === "baseline") continue;
    const part = (key: string) => s.years.map((y) => metricOf(y.metrics, key) ?? null);
    const { total } = shownNetSeries(part("buig_effect"), part("intervention_cost"));
    if (total !== null) totals.set(`${s.name}\u0000${s.variant}`, total);
  }
  return (scenario, variant) => totals.get(`${scenario}\u0000${variant}`);
}

/**
 * Payback per scenario and variant, as the PSA's payback year (outcomes/payback.ts): the
 * first year from which the cumulative net effect (savings minus costs) stays above
 * zero up to the horizon, once the intervention has cost something. Series that never
 * get there within the horizon are absent.
 */
export function breakEvenYears(rows: EffectRow[]): { scenario: string; variant: string; year: number; cumulative: number }[] {
  const series = new Map<string, EffectRow[]>();
  for (const r of [...rows].sort((a, b) => a.year - b.year)) {
    const key = `${r.scenario}\u0000${r.variant}`;
    series.set(key, [...(series.get(key) ?? []), r]);
  }
  const out: { scenario: string; variant: string; year: number; cumulative: number }[] = [];
  for (const path of series.values()) {
    const y = paybackIndex(path.map((r) => (r.cumulative_cost > 0 ? r.cumulative : 0)));
    if (y < path.length) out.push({ scenario: path[y].scenario, variant: path[y].variant, year: path[y].year, cumulative: path[y].cumulative });
  }
  return out.sort((a, b) => a.year - b.year);
}

/** A d3 format for person counts that keeps small differences apart (0,25 vs 0,5). */
const personsFormat = (max: number): string => (max >= 100 ? PERSONS_FORMAT : max >= 10 ? ",.1~f" : ",.2~f");

/** What the panels of the intervention chart share. */
interface EffectPanels {
  doc: RunView;
  rows: EffectRow[];
  even: ReturnType<typeof breakEvenYears>;
  x: ReturnType<typeof yearX>;
  euroY: (field: string) => VlSpec;
  euros: Record<string, unknown>[];
}

const effectMeasures = (): string[] => REPORT.effectMeasures;
export const ZERO_RULE = { data: { values: [{}] }, mark: { type: "rule", color: "#555", strokeWidth: 1 }, encoding: { y: { datum: 0, type: "quantitative" } } };
const EFFECT_LINE = { type: "line", strokeWidth: 2, point: { filled: true, size: 28 } };
const panelTitle = (text: string) => ({ text, fontSize: 12, fontWeight: 500 });
const PANEL = { width: 180, height: 170 };

function volumePanel(p: EffectPanels, variant: string, first: boolean): VlSpec {
  return {
    title: panelTitle(REPORT.volumeDiffPanel(countWord(p.doc))),
    ...PANEL,
    layer: [
      ZERO_RULE,
      {
        data: { values: p.rows.filter((r) => r.variant === variant) },
        mark: EFFECT_LINE,
        encoding: {
          x: p.x,
          y: { field: "volume", type: "quantitative", title: null, axis: { format: personsFormat(maxAbs(p.rows.map((r) => r.volume))) } },
          color: colour(p.doc, first ? scenarioLegend(3) : undefined),
        },
      },
    ],
  };
}

function moneyPanel(p: EffectPanels, variant: string): VlSpec {
  const strokeDash = { field: "measure", type: "nominal", title: null, scale: { domain: effectMeasures(), range: [[1, 0], [5, 3]] }, legend: strokeLegend };
  return {
    title: panelTitle(REPORT.moneyPanel),
    ...PANEL,
    layer: [ZERO_RULE, ...lineWithPoints(p.euros.filter((r) => r.variant === variant), { x: p.x, y: p.euroY("value"), color: colour(p.doc), detail: { field: "measure" }, strokeDash }, 2, 28)],
  };
}

function cumulativePanel(p: EffectPanels, variant: string): VlSpec {
  const even = p.even.filter((e) => e.variant === variant);
  return {
    title: panelTitle(REPORT.cumulativePanel),
    ...PANEL,
    layer: [
      ZERO_RULE,
      { data: { values: p.rows.filter((r) => r.variant === variant) }, mark: EFFECT_LINE, encoding: { x: p.x, y: p.euroY("cumulative"), color: colour(p.doc) } },
      ...(even.length
        ? [
            {
              data: { values: even.map((e) => ({ ...e, label: REPORT.breakEvenMark })) },
              mark: { type: "point", shape: "circle", size: 220, filled: false, strokeWidth: 2, color: "#111" },
              encoding: { x: p.x, y: p.euroY("cumulative"), shape: { field: "label", type: "nominal", title: null, legend: { orient: "bottom" } } },
            },
          ]
        : []),
    ],
  };
}

/** (e) Intervention effect against the baseline: volume, BUIG-effect and costs, cumulative net effect with break-even. */
export function interventionChart(doc: RunView): Chart | undefined {
  const rows = effectRows(doc);
  if (rows.length === 0) return undefined;
  const variants = [...new Set(rows.map((r) => r.variant))];
  const ys = years(doc);
  const euroMax = maxAbs(rows.flatMap((r) => [r.buig_effect, r.cost, r.cumulative]));
  const p: EffectPanels = {
    doc,
    rows,
    even: breakEvenYears(rows),
    x: yearX([ys[0], ys[ys.length - 1]]),
    euroY: (field) => ({ field, type: "quantitative", title: null, axis: euroAxis(euroMax) }),
    euros: rows.flatMap((r) => [
      { scenario: r.scenario, variant: r.variant, year: r.year, measure: effectMeasures()[0], value: r.buig_effect },
      { scenario: r.scenario, variant: r.variant, year: r.year, measure: effectMeasures()[1], value: r.cost },
    ]),
  };
  return {
    name: "interventie-effect",
    title: REPORT.effectTitle,
    caption: REPORT.effectCaption(p.even.map((e) => `${e.variant}, ${e.scenario}: ${e.year}`).join("; ")),
    spec: top(REPORT.effectHeading, REPORT.effectSubtitle, {
      vconcat: variants.map((variant, i) => ({
        title: { text: variant, fontSize: 13, anchor: "start" },
        hconcat: [volumePanel(p, variant, i === 0), moneyPanel(p, variant), cumulativePanel(p, variant)],
      })),
      spacing: 26,
      resolve: { scale: { y: "independent" } },
    }),
  };
}

/** What the runs are called in the report: draws of a PSA, or replications of a microsimulation. */
export const runsNoun = (doc: RunView): string => (doc.meta.options.mode === "microsim" ? TERM.replications : TERM.draws);

/** Labels of scenario and variant names, from the results' blocks. */
function labelsOf(doc: RunView): { scenario: (name: string) => string; variant: (name: string) => string } {
  const scenarios = new Map(doc.scenarios.map((s) => [s.name, s.label]));
  const variants = new Map(doc.scenarios.map((s) => [s.variant, s.variantLabel]));
  return { scenario: (n) => scenarios.get(n) ?? n, variant: (n) => variants.get(n) ?? n };
}

/** The words of `text` in lines that fit `width` pixels as a facet header (12 px, bold); a longer word keeps a line of its own. */
export function wrapLabel(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const joined = lines.length ? `${lines[lines.length - 1]} ${word}` : word;
    if (lines.length && arialWidth(joined, 12, true) <= width) lines[lines.length - 1] = joined;
    else lines.push(word);
  }
  return lines;
}

/** A facet over `field` (in the order of `labels`) whose headers wrap to the panel width instead of widening it. */
function wrappedFacet(field: string, labels: string[], width: number) {
  const lines = Object.fromEntries(labels.map((l) => [l, wrapLabel(l, width)]));
  return { field, type: "nominal", title: null, sort: labels, header: { labelAnchor: "start", labelPadding: 4, labelExpr: `${JSON.stringify(lines)}[datum.value] || datum.value` } };
}

/** Panels a row: at most four, rows as full as they can be (5 panels: 3 + 2, not 4 + 1). */
const panelColumns = (n: number): number => Math.ceil(n / Math.ceil(n / 4));
const panelWidth = (columns: number, gap: number): number => Math.floor((WIDTH - gap * (columns - 1)) / columns);

/**
 * (f) Chance of payback per year (results.json `payback`): per intervention a panel with
 * one line per scenario, the share of runs whose cumulative net effect is above zero.
 */
export function paybackChart(doc: RunView): Chart | undefined {
  if (doc.payback.length === 0) return undefined;
  const label = labelsOf(doc);
  const rows = doc.payback.flatMap((p) => p.years.map((y) => ({ scenario: label.scenario(p.scenario), variant: label.variant(p.intervention), year: y.year, probability: y.probability })));
  const variants = [...new Set(rows.map((r) => r.variant))];
  const ys = years(doc);
  const last = ys[ys.length - 1];
  const columns = Math.min(variants.length, 2);
  const width = panelWidth(columns, 28);
  const runs = `${doc.payback[0].runs} ${runsNoun(doc)}`;
  // Every line on the axis looks like an empty chart: say that it is the answer.
  const none = rows.every((r) => r.probability === 0) ? REPORT.paybackNone(runsNoun(doc)) : "";
  return {
    name: "terugverdienkans",
    title: REPORT.paybackChartTitle,
    caption: REPORT.paybackCaption(runs, last) + (none ? ` ${none}` : ""),
    spec: top(REPORT.paybackHeading(runsNoun(doc)), none ? [REPORT.paybackSubtitle(runs), none] : REPORT.paybackSubtitle(runs), {
      data: { values: rows },
      columns,
      facet: wrappedFacet("variant", variants, width),
      spacing: { row: 22, column: 28 },
      spec: {
        width,
        height: columns === 1 ? 240 : 170,
        mark: { type: "line", strokeWidth: 2.2, point: { filled: true, size: 36 } },
        encoding: {
          x: yearX([ys[0], last]),
          y: { field: "probability", type: "quantitative", title: REPORT.chance, scale: { domain: [0, 1], nice: false }, axis: { format: ".0%", values: [0, 0.25, 0.5, 0.75, 1] } },
          color: colour(doc, scenarioLegend(2)),
        },
      },
    }),
  };
}

/** Per intervention variant, scenario and year: the cumulative net effect's median and 90% interval over the runs. */
function netBandRows(doc: RunView): { scenario: string; variant: string; year: number; p05: number; p50: number; p95: number }[] {
  return doc.scenarios
    .filter((s) => s.variant !== "baseline")
    .flatMap((s) =>
      s.years.flatMap((y) => {
        const [p05, p50, p95] = ["p05", "p50", "p95"].map((b) => y.metrics[`net_effect_cumulative_${b}`]);
        return p05 === undefined || p50 === undefined || p95 === undefined ? [] : [{ scenario: s.label, variant: s.variantLabel, year: y.year, p05, p50, p95 }];
      }),
    );
}

/**
 * (g) Cumulative net effect with its 90% interval after many runs: per intervention a
 * row of panels, one per scenario, with the median and the p5-p95 band against zero.
 */
export function netEffectBandChart(doc: RunView): Chart | undefined {
  const rows = netBandRows(doc);
  if (rows.length === 0) return undefined;
  const variants = [...new Set(rows.map((r) => r.variant))];
  const scenarios = scenarioLabels(doc).filter((l) => rows.some((r) => r.scenario === l));
  const ys = years(doc);
  const x = yearX([ys[0], ys[ys.length - 1]]);
  const columns = panelColumns(scenarios.length);
  const width = panelWidth(columns, 22);
  const axis = euroAxis(maxAbs(rows.flatMap((r) => [r.p05, r.p95])));
  const panel = (variant: string): VlSpec => ({
    title: { text: variant, fontSize: 13, anchor: "start" },
    data: { values: rows.filter((r) => r.variant === variant) },
    columns,
    facet: wrappedFacet("scenario", scenarios, width),
    spacing: { row: 16, column: 22 },
    spec: {
      width,
      height: 150,
      layer: [
        { mark: { type: "rule", color: "#555", strokeWidth: 1 }, encoding: { y: { datum: 0, type: "quantitative" } } },
        { mark: { type: "area", fillOpacity: 0.2 }, encoding: { x, y: { field: "p05", type: "quantitative", title: REPORT.euroWord, axis }, y2: { field: "p95" }, color: colour(doc, null) } },
        { mark: { type: "line", strokeWidth: 2, point: { filled: true, size: 28 } }, encoding: { x, y: { field: "p50", type: "quantitative" }, color: colour(doc, null) } },
      ],
    },
  });
  return {
    name: "netto-effect-band",
    title: REPORT.bandTitle,
    caption: REPORT.bandCaption(runsNoun(doc)),
    spec: top(REPORT.bandHeading, REPORT.bandSubtitle(runsNoun(doc)), {
      vconcat: variants.map(panel),
      spacing: 26,
      resolve: { scale: { y: "independent" } },
    }),
  };
}


/**
 * (h) Tornado of the one-way sensitivity (results.json `sensitivity`): the cumulative net
 * effect at the low and high end of each uncertain parameter, against the value at its
 * base, for the first scenario in the file; one panel per intervention.
 */
export function tornadoChart(doc: RunView): Chart | undefined {
  const sensitivity = doc.sensitivity;
  if (sensitivity.length === 0) return undefined;
  const order = [...new Map(doc.scenarios.map((s) => [s.name, s.label])).keys()];
  const present = [...new Set(sensitivity.map((r) => r.scenario))];
  const scenario = order.find((s) => present.includes(s)) ?? present[0];
  const scenarioLabel = doc.scenarios.find((s) => s.name === scenario)?.label ?? scenario;
  const groupLabel = new Map<string, string>(doc.scenarios.map((s) => [s.variant, s.variantLabel]));
  for (const iv of doc.model.interventions) groupLabel.set(iv.name, iv.label);
  const bars: Record<string, unknown>[] = [];
  const bases: Record<string, unknown>[] = [];
  for (const r of sensitivity.filter((o) => o.scenario === scenario)) {
    const { netLow: low, netHigh: high, netBase: base, intervention: group } = r;
    if (low === null || high === null) continue;
    const parameter = `${parameterLabel(r.parameter)} (${formatNumber(r.low)} – ${formatNumber(r.high)})`;
    const centre = base ?? (low + high) / 2;
    const span = Math.abs(high - low);
    const g = groupLabel.get(group) ?? group;
    bars.push({ group: g, parameter, span, end: REPORT.atLow, value: low, base: centre });
    bars.push({ group: g, parameter, span, end: REPORT.atHigh, value: high, base: centre });
    bases.push({ group: g, base: centre });
  }
  if (bars.length === 0) return undefined;
  const groups = [...new Set(bars.map((b) => b.group as string))];
  const values = bars.flatMap((b) => [b.value as number, b.base as number]);
  const axis = euroAxis(maxAbs(values));
  // The zero line (break-even) is drawn where the bars reach both sides of it; else the caption says on which side it lies.
  const zero = values.some((v) => v < 0) && values.some((v) => v > 0) ? "drawn" : values.every((v) => v <= 0) ? "below" : "above";
  return {
    name: "tornado",
    title: REPORT.tornadoTitle(scenarioLabel),
    caption: REPORT.tornadoCaption(scenarioLabel, zero),
    spec: top(REPORT.tornadoHeading(scenarioLabel), REPORT.tornadoSubtitle, {
      data: { values: bars },
      facet: { row: { field: "group", type: "nominal", title: null, sort: groups, header: { labelAngle: 0, labelAnchor: "start", labelOrient: "top" } } },
      resolve: { scale: { y: "independent" } },
      spec: {
        width: WIDTH - 300,
        height: { step: 26 },
        layer: [
          {
            mark: { type: "bar", height: { band: 0.7 } },
            encoding: {
              y: { field: "parameter", type: "nominal", title: null, sort: { field: "span", order: "descending" }, axis: { labelLimit: 320 } },
              x: { field: "value", type: "quantitative", title: REPORT.tornadoAxis, axis, scale: { zero: false, nice: true } },
              x2: { field: "base" },
              color: { field: "end", type: "nominal", title: REPORT.netEffectLegend, scale: { domain: [REPORT.atLow, REPORT.atHigh], range: ["#6f9fd8", "#e5894f"] }, legend: { orient: "bottom" } },
            },
          },
          { mark: { type: "rule", color: "#111", strokeWidth: 1.5 }, encoding: { x: { field: "base", type: "quantitative" } } },
          ...(zero === "drawn" ? [{ mark: { type: "rule", color: "#888", strokeDash: [4, 3] }, encoding: { x: { datum: 0, type: "quantitative" } } }] : []),
        ],
      },
    }),
  };
}

/** All charts the results support, in report order. */
export function buildCharts(doc: RunView): Chart[] {
  const charts = [volumeChart(doc), compositionChart(doc), transitionsChart(doc), buigResultChart(doc), interventionChart(doc), paybackChart(doc), netEffectBandChart(doc), tornadoChart(doc)];
  return charts.filter((c): c is Chart => c !== undefined);
}
