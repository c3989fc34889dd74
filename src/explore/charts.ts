/**
 * The page's Vega-Lite charts, drawn live with vega-embed. Pure: specs and their data.
 *
 * Each chart reads named datasets (`data: {name}`) and two signals, so a change of a
 * setting is `view.data(name, rows)` and `view.signal(...)` on the existing views, not
 * new charts (fast, and legend selections survive).
 *
 * Conventions follow the report (src/report/charts.ts): one colour per macro scenario by
 * its place in the file (SCENARIO_COLOURS), labels and formats in the run's language from
 * the vega locale (1.012; € 250.000; € 12,9 mln), every title names its unit. The specs
 * read the language when they are built (the page sets it from its data first). Added for the
 * page: tooltips on every point, and legends that select (click a scenario or a trede
 * to pick it out, shift-click for more, click empty space to show all).
 */
import { KIND_ON, type Model } from "../model/model.js";
import { SCENARIO_COLOURS, VL_SCHEMA, type VlSpec } from "../report/charts.js";
import { formatNumber, shownNetSeries } from "../locale/format.js";
import { EXPLORE as T } from "../locale/messages-explore.js";
import { REPORT } from "../locale/messages-report.js";
import { chartLocale, euroLabelParts, PERSONS_FORMAT } from "../report/locale.js";
import { metric, type WhatIf } from "./whatif.js";

const WIDTH = 600;
const DARK_RED = "#8b1a1a";

/** Euro axis labels that fit any magnitude, so new numbers never need a new spec: € 250.000, € −200.000 or € −1,2 mln (the sign after €, as in the tables). */
function euroAxis(): { labelExpr: string } {
  const { euro, millions } = euroLabelParts();
  return { labelExpr: `abs(datum.value) >= 1e6 ? ${millions} : ${euro}` };
}

const config = () => ({
  locale: chartLocale(),
  font: "Arial, Helvetica, 'Liberation Sans', sans-serif",
  background: "white",
  padding: 6,
  view: { stroke: null },
  // vega's generated ARIA descriptions are English; the page names each figure in its own language instead.
  aria: false,
  mark: { aria: false },
  title: { anchor: "start", fontSize: 15, fontWeight: 600, subtitleFontSize: 12.5, subtitleColor: "#444", offset: 10 },
  axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 500, gridColor: "#e8e8e8", domainColor: "#888", tickColor: "#888", aria: false },
  legend: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 500, labelLimit: 260, symbolSize: 90, aria: false },
  header: { labelFontSize: 12, labelFontWeight: 600 },
});

/**
 * What the specs depend on: the model alone, so the charts are embedded once and every
 * change after that is data and two signals (`SIGNALS`): which scenarios are shown (the
 * colour domain keeps every scenario, so a scenario keeps its colour) and whether an
 * intervention is on.
 */
export interface Structure {
  /** Every scenario of the model, in file order, with its colour. */
  scenarios: { label: string; colour: string }[];
  /** Labels of the on-bijstand states (treden / klantgroepen), in file order. */
  states: string[];
  ownRiskPct: string;
}

export function structureOf(model: Model): Structure {
  return {
    scenarios: model.scenarios.map((s, i) => ({ label: s.label, colour: SCENARIO_COLOURS[i % SCENARIO_COLOURS.length] })),
    states: model.declared.filter((d) => d.kind === "on").map((d) => d.label),
    ownRiskPct: formatNumber(model.vangnet.ownRisk * 100, 2),
  };
}

/** The signals every spec declares (top-level params), set with view.signal on each change. */
export interface Signals {
  /** Labels of the scenarios shown (their legend entries). */
  getoond: string[];
  /** Whether an intervention is on (the dashed "met interventie" legend entry). */
  metInterventie: boolean;
}

export function signalsOf(w: WhatIf): Signals {
  return { getoond: w.outcomes.map((o) => o.scenario.label), metInterventie: w.variant !== undefined };
}

const params = (st: Structure) => [
  { name: "getoond", value: st.scenarios.map((s) => s.label) },
  { name: "metInterventie", value: true },
];

const top = (st: Structure, title: string, subtitle: string, body: VlSpec): VlSpec => ({
  $schema: VL_SCHEMA,
  title: { text: title, subtitle },
  config: config(),
  // Lay out again on every run: new numbers can widen the axis labels, and a title
  // placed for the first ones would then start left of the picture and be cut off.
  autosize: { type: "pad", resize: true },
  ...body,
  params: [...params(st), ...((body.params as unknown[] | undefined) ?? [])],
});

const yearX = { field: "year", type: "quantitative", title: null, scale: { nice: false, padding: 14 }, axis: { format: "d", tickMinStep: 1, grid: false } };

const colour = (st: Structure) => ({
  field: "scenario",
  type: "nominal",
  title: REPORT.scenario,
  scale: { domain: st.scenarios.map((s) => s.label), range: st.scenarios.map((s) => s.colour) },
  legend: { orient: "bottom", columns: 3, title: REPORT.scenario, values: { expr: "getoond" } },
});

/** Click a legend entry to pick out that series; the rest fades. */
const legendPick = (name: string, field: string) => ({ name, select: { type: "point", fields: [field] }, bind: "legend" });
const fade = (param: string) => ({ condition: { param, value: 1, empty: true }, value: 0.15 });

const dashes = () => {
  const [without, withIt] = [T.noIntervention, T.withIntervention];
  return {
    strokeDash: {
      field: "variant",
      type: "nominal",
      title: REPORT.variant,
      scale: { domain: [without, withIt], range: [[1, 0], [6, 3]] },
      legend: { orient: "bottom", symbolType: "stroke", symbolStrokeColor: "#333", values: { expr: `metInterventie ? [${JSON.stringify(without)}, ${JSON.stringify(withIt)}] : [${JSON.stringify(without)}]` } },
    },
  };
};

const tipScenario = () => ({ field: "scenario", type: "nominal", title: REPORT.scenario });
const tipYear = () => ({ field: "year", type: "quantitative", title: REPORT.year, format: "d" });

const tip = (value: object) => [tipScenario(), { field: "variant", type: "nominal", title: REPORT.variant }, tipYear(), value];
const personsTip = (title: string) => ({ field: "value", type: "quantitative", title, format: PERSONS_FORMAT });

/**
 * A euro amount as the tables and axes write it (`€ −970.602`; English `−€970,602`), for
 * tooltips: vega's currency format would put the sign before the € in Dutch as well.
 * The layer computes it (`euroText`), the tooltip shows it (`euroTip`).
 */
const euroText = () => ({ calculate: euroLabelParts().euro, as: "bedrag" });
const euroTip = (title: string) => ({ field: "bedrag", type: "nominal", title });

const ZERO_RULE = { mark: { type: "rule", color: "#555", strokeWidth: 1 }, encoding: { y: { datum: 0, type: "quantitative" } } };

/** (a) Year-end volume per scenario, with and without the interventions switched on. */
function volumeSpec(st: Structure): VlSpec {
  return top(st, T.volumeTitle, T.volumeSubtitle, {
    width: WIDTH,
    height: 260,
    data: { name: "volume" },
    params: [legendPick("kiesScenario", "scenario")],
    mark: { type: "line", strokeWidth: 2.2, point: { filled: true, size: 34 } },
    encoding: {
      x: yearX,
      y: { field: "value", type: "quantitative", title: T.persons, scale: { zero: false }, axis: { format: PERSONS_FORMAT } },
      color: colour(st),
      detail: { field: "variant" },
      opacity: fade("kiesScenario"),
      tooltip: tip(personsTip(T.Persons)),
      ...dashes(),
    },
  });
}

/** (b) Composition of the volume by trede/klantgroep, one panel per scenario. */
function compositionSpec(st: Structure): VlSpec {
  const columns = Math.min(st.scenarios.length, 3);
  return top(
    st,
    T.compositionTitle,
    T.compositionSubtitle,
    {
      data: { name: "samenstelling" },
      columns,
      facet: { field: "scenario", type: "nominal", title: null, sort: st.scenarios.map((s) => s.label), header: { labelAnchor: "start" } },
      spacing: { row: 14, column: 16 },
      resolve: { axis: { x: "independent" } },
      spec: {
        width: Math.floor((WIDTH - 16 * (columns - 1)) / columns),
        height: 130,
        params: [legendPick("kiesTrede", "state")],
        // Bars, not an area: one bar per year reads right at any horizon, also a single year.
        mark: { type: "bar", stroke: "white", strokeWidth: 0.5 },
        encoding: {
          x: { field: "year", type: "ordinal", title: null, axis: { labelAngle: 0 } },
          y: { field: "value", type: "quantitative", title: T.persons, stack: "zero", axis: { format: PERSONS_FORMAT } },
          color: { field: "state", type: "nominal", title: REPORT.rungOrGroup, scale: { domain: st.states, scheme: "viridis" }, legend: { orient: "bottom", columns: Math.min(st.states.length, 3) } },
          order: { field: "order", type: "quantitative", sort: "descending" },
          opacity: fade("kiesTrede"),
          tooltip: [tipScenario(), { field: "state", type: "nominal", title: REPORT.rungOrGroup }, tipYear(), personsTip(T.Persons)],
        },
      },
    },
  );
}

/** (c) BUIG result per year (budget - expenditure) with the vangnet threshold. */
function buigSpec(st: Structure): VlSpec {
  const x = yearX;
  const y = { field: "value", type: "quantitative", title: T.euro, axis: euroAxis() };
  return top(st, T.buigTitle, T.buigSubtitle(st.ownRiskPct), {
    width: WIDTH,
    height: 260,
    layer: [
      ZERO_RULE,
      {
        data: { name: "drempel" },
        transform: [euroText()],
        // with a dash at each year: a line through a single year (--horizon 1) draws nothing
        mark: { type: "line", strokeDash: [2, 3], strokeWidth: 1.4, color: DARK_RED, point: { shape: "stroke", size: 160, strokeWidth: 1.4, color: DARK_RED, filled: false } },
        encoding: {
          x,
          y,
          detail: { field: "scenario" },
          tooltip: [tipScenario(), tipYear(), euroTip(T.threshold)],
        },
      },
      {
        data: { name: "buig" },
        transform: [euroText()],
        params: [legendPick("kiesBuig", "scenario")],
        mark: { type: "line", strokeWidth: 2.2, point: { filled: true, size: 34 } },
        encoding: { x, y, color: colour(st), detail: { field: "variant" }, opacity: fade("kiesBuig"), tooltip: tip(euroTip(T.buigResultTip)), ...dashes() },
      },
    ],
  });
}

/** (d) The interventions against the baseline: BUIG effect and cost per year, cumulative net effect. */
function effectSpec(st: Structure): VlSpec {
  const x = yearX;
  const panel = { width: Math.floor((WIDTH - 40) / 2), height: 220 };
  const money = (field: string) => ({ field, type: "quantitative", title: T.euro, axis: euroAxis() });
  return top(st, T.effectTitle, T.effectSubtitle, {
    spacing: 36,
    hconcat: [
      {
        ...panel,
        title: { text: T.effectPanel, fontSize: 12.5, fontWeight: 500 },
        layer: [
          ZERO_RULE,
          {
            data: { name: "effect" },
            transform: [euroText()],
            params: [legendPick("kiesEffect", "scenario")],
            mark: { type: "line", strokeWidth: 2, point: { filled: true, size: 28 } },
            encoding: {
              x,
              y: money("value"),
              color: colour(st),
              detail: { field: "measure" },
              opacity: fade("kiesEffect"),
              strokeDash: { field: "measure", type: "nominal", title: null, scale: { domain: [REPORT.buigEffect, REPORT.cost], range: [[1, 0], [5, 3]] }, legend: { orient: "bottom", symbolType: "stroke", symbolStrokeColor: "#333" } },
              tooltip: [tipScenario(), { field: "measure", type: "nominal", title: T.what }, tipYear(), euroTip(T.Euro)],
            },
          },
        ],
      },
      {
        ...panel,
        title: { text: T.netPanel, fontSize: 12.5, fontWeight: 500 },
        layer: [
          ZERO_RULE,
          {
            data: { name: "netto" },
            transform: [euroText()],
            mark: { type: "line", strokeWidth: 2, point: { filled: true, size: 28 } },
            encoding: {
              x,
              y: money("value"),
              color: colour(st),
              opacity: fade("kiesEffect"), // a scenario picked in the legend stands out in both panels
              tooltip: [tipScenario(), tipYear(), euroTip(T.netTip)],
            },
          },
          {
            // Open circle where the cumulative net effect first reaches zero (from the same
            // rows: a dataset of its own would often be empty, and an empty layer makes vega
            // warn). Not interactive, so the line's points keep their tooltips.
            data: { name: "netto" },
            mark: { type: "point", shape: "circle", size: 200, filled: false, strokeWidth: 2, color: "#111", interactive: false },
            encoding: { x, y: money("value"), opacity: { condition: { test: "datum.terugverdiend", value: 1 }, value: 0 } },
          },
        ],
      },
    ],
  });
}

export interface PageChart {
  /** Element id suffix and test handle. */
  name: "volume" | "samenstelling" | "buig" | "effect";
  /** Accessible name, in the page's language. */
  title: string;
  spec: VlSpec;
  /** The named datasets it reads (chartData's keys). */
  datasets: string[];
}

/** The charts of a model, in page order (the page hides the effect chart while no intervention is on). */
export function pageCharts(st: Structure): PageChart[] {
  return [
    { name: "volume" as const, title: T.figures.volume, spec: volumeSpec(st), datasets: ["volume"] },
    { name: "samenstelling" as const, title: T.figures.samenstelling, spec: compositionSpec(st), datasets: ["samenstelling"] },
    { name: "buig" as const, title: T.figures.buig, spec: buigSpec(st), datasets: ["buig", "drempel"] },
    { name: "effect" as const, title: T.figures.effect, spec: effectSpec(st), datasets: ["effect", "netto"] },
  ];
}

type Row = Record<string, string | number>;

/** Every named dataset of the charts, from a what-if run. */
export function chartData(model: Model, w: WhatIf): Record<string, Row[]> {
  const data: Record<string, Row[]> = { volume: [], samenstelling: [], buig: [], drempel: [], effect: [], netto: [] };
  const m = model.declared.length;
  const on = model.declared.flatMap((d, i) => (model.declaredKind[i] === KIND_ON ? [{ i, label: d.label }] : []));
  for (const o of w.outcomes) {
    const scenario = o.scenario.label;
    const runs = [{ variant: T.noIntervention, r: o.baseline }, ...(o.variant ? [{ variant: T.withIntervention, r: o.variant }] : [])];
    const years = o.baseline.persons.years;
    for (const { variant, r } of runs) {
      const volume = metric(r, "volume_end");
      const buig = metric(r, "buig_result");
      years.forEach((year, y) => {
        data.volume.push({ scenario, variant, year, value: volume[y] });
        data.buig.push({ scenario, variant, year, value: buig[y] });
      });
    }
    const shown = o.variant ?? o.baseline;
    years.forEach((year, y) => {
      on.forEach(({ i, label }, order) => data.samenstelling.push({ scenario, state: label, order, year, value: shown.persons.stateEnd[y * m + i] }));
      data.drempel.push({ scenario, year, value: -model.vangnet.ownRisk * o.baseline.money.budget[y] });
    });
    if (o.variant) effectRows(o.variant, scenario, years, data);
  }
  return data;
}

function effectRows(r: WhatIf["outcomes"][number]["baseline"], scenario: string, years: number[], data: Record<string, Row[]>): void {
  const effect = metric(r, "buig_effect");
  const cost = metric(r, "intervention_cost");
  // The net effects as the tables show them, added up (format.ts shownNet): the line ends on the table's total.
  const cumulative = shownNetSeries(effect, cost).cumulative as number[];
  let spent = 0;
  let paid = false;
  const [effectName, costName] = [REPORT.buigEffect, REPORT.cost];
  years.forEach((year, y) => {
    data.effect.push({ scenario, measure: effectName, year, value: effect[y] }, { scenario, measure: costName, year, value: cost[y] });
    spent += cost[y];
    const first = !paid && spent > 0 && cumulative[y] >= 0;
    paid ||= first;
    data.netto.push({ scenario, year, value: cumulative[y], terugverdiend: first ? 1 : 0 });
  });
}
