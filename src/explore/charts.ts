/**
 * The page's Vega-Lite charts, drawn live with vega-embed. Pure: specs and their data.
 *
 * Each chart reads named datasets (`data: {name}`) and two signals, so a change of a
 * setting is `view.data(name, rows)` and `view.signal(...)` on the existing views, not
 * new charts (fast, and legend selections survive).
 *
 * Conventions follow the report (src/report/charts.ts): one colour per macro scenario by
 * its place in the file (SCENARIO_COLOURS), Dutch labels and formats from the vega
 * locale (1.012; € 250.000; € 12,9 mln), every title names its unit. Added for the
 * page: tooltips on every point, and legends that select (click a scenario or a trede
 * to pick it out, shift-click for more, click empty space to show all).
 */
import { KIND_ON, type Model } from "../model/model.js";
import { SCENARIO_COLOURS, VL_SCHEMA, type VlSpec } from "../report/charts.js";
import { NL_LOCALE, PERSONS_FORMAT } from "../report/locale.js";
import { metric, type WhatIf } from "./whatif.js";

export const NO_INTERVENTION = "Zonder interventie";
export const WITH_INTERVENTION = "Met interventie";
const EURO_FORMAT = "$,.0f";
const WIDTH = 600;
const DARK_RED = "#8b1a1a";

/** Euro axis labels that fit any magnitude, so new numbers never need a new spec: € 250.000, € −200.000 or € −1,2 mln (the sign after €, as in the tables). */
const EURO_AXIS = { labelExpr: "'€\u00a0' + (abs(datum.value) >= 1e6 ? format(datum.value / 1e6, ',.2~f') + '\u00a0mln' : format(datum.value, ',.0f'))" };

const CONFIG = {
  locale: NL_LOCALE,
  font: "Arial, Helvetica, 'Liberation Sans', sans-serif",
  background: "white",
  padding: 6,
  view: { stroke: null },
  // vega's generated ARIA descriptions are English; the page names each figure in Dutch instead.
  aria: false,
  mark: { aria: false },
  title: { anchor: "start", fontSize: 15, fontWeight: 600, subtitleFontSize: 12.5, subtitleColor: "#444", offset: 10 },
  axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 500, gridColor: "#e8e8e8", domainColor: "#888", tickColor: "#888", aria: false },
  legend: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 500, labelLimit: 260, symbolSize: 90, aria: false },
  header: { labelFontSize: 12, labelFontWeight: 600 },
};

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
    ownRiskPct: (model.vangnet.ownRisk * 100).toLocaleString("nl-NL", { maximumFractionDigits: 2 }),
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
  config: CONFIG,
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
  title: "Scenario",
  scale: { domain: st.scenarios.map((s) => s.label), range: st.scenarios.map((s) => s.colour) },
  legend: { orient: "bottom", columns: 3, title: "Scenario", values: { expr: "getoond" } },
});

/** Click a legend entry to pick out that series; the rest fades. */
const legendPick = (name: string, field: string) => ({ name, select: { type: "point", fields: [field] }, bind: "legend" });
const fade = (param: string) => ({ condition: { param, value: 1, empty: true }, value: 0.15 });

const dashes = {
  strokeDash: {
    field: "variant",
    type: "nominal",
    title: "Variant",
    scale: { domain: [NO_INTERVENTION, WITH_INTERVENTION], range: [[1, 0], [6, 3]] },
    legend: { orient: "bottom", symbolType: "stroke", symbolStrokeColor: "#333", values: { expr: `metInterventie ? ['${NO_INTERVENTION}', '${WITH_INTERVENTION}'] : ['${NO_INTERVENTION}']` } },
  },
};

const tip = (title: string, format: string) => [
  { field: "scenario", type: "nominal", title: "Scenario" },
  { field: "variant", type: "nominal", title: "Variant" },
  { field: "year", type: "quantitative", title: "Jaar", format: "d" },
  { field: "value", type: "quantitative", title, format },
];

const ZERO_RULE = { mark: { type: "rule", color: "#555", strokeWidth: 1 }, encoding: { y: { datum: 0, type: "quantitative" } } };

/** (a) Year-end volume per scenario, with and without the interventions switched on. */
function volumeSpec(st: Structure): VlSpec {
  return top(st, "Bijstandsvolume per scenario (personen, eind van het jaar)", "Doorgetrokken: zonder interventie; gestreept: met de gekozen interventie(s)", {
    width: WIDTH,
    height: 260,
    data: { name: "volume" },
    params: [legendPick("kiesScenario", "scenario")],
    mark: { type: "line", strokeWidth: 2.2, point: { filled: true, size: 34 } },
    encoding: {
      x: yearX,
      y: { field: "value", type: "quantitative", title: "personen", scale: { zero: false }, axis: { format: PERSONS_FORMAT } },
      color: colour(st),
      detail: { field: "variant" },
      opacity: fade("kiesScenario"),
      tooltip: tip("Personen", PERSONS_FORMAT),
      ...dashes,
    },
  });
}

/** (b) Composition of the volume by trede/klantgroep, one panel per scenario. */
function compositionSpec(st: Structure): VlSpec {
  const columns = Math.min(st.scenarios.length, 3);
  return top(
    st,
    "Samenstelling naar trede/klantgroep (personen, eind van het jaar)",
    "Met de gekozen interventie(s), of zonder als er geen aan staat; gestapeld per jaar, één paneel per scenario",
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
          y: { field: "value", type: "quantitative", title: "personen", stack: "zero", axis: { format: PERSONS_FORMAT } },
          color: { field: "state", type: "nominal", title: "Trede / klantgroep", scale: { domain: st.states, scheme: "viridis" }, legend: { orient: "bottom", columns: Math.min(st.states.length, 3) } },
          order: { field: "order", type: "quantitative", sort: "descending" },
          opacity: fade("kiesTrede"),
          tooltip: [
            { field: "scenario", type: "nominal", title: "Scenario" },
            { field: "state", type: "nominal", title: "Trede / klantgroep" },
            { field: "year", type: "quantitative", title: "Jaar", format: "d" },
            { field: "value", type: "quantitative", title: "Personen", format: PERSONS_FORMAT },
          ],
        },
      },
    },
  );
}

/** (c) BUIG result per year (budget - expenditure) with the vangnet threshold. */
function buigSpec(st: Structure): VlSpec {
  const x = yearX;
  const y = { field: "value", type: "quantitative", title: "euro", axis: EURO_AXIS };
  return top(st, "BUIG-resultaat per jaar (euro; positief = overschot, negatief = tekort)", `Rode stippellijn: vangnetdrempel, een tekort van ${st.ownRiskPct}% van het budget per scenario`, {
    width: WIDTH,
    height: 260,
    layer: [
      ZERO_RULE,
      {
        data: { name: "drempel" },
        // with a dash at each year: a line through a single year (--horizon 1) draws nothing
        mark: { type: "line", strokeDash: [2, 3], strokeWidth: 1.4, color: DARK_RED, point: { shape: "stroke", size: 160, strokeWidth: 1.4, color: DARK_RED, filled: false } },
        encoding: {
          x,
          y,
          detail: { field: "scenario" },
          tooltip: [
            { field: "scenario", type: "nominal", title: "Scenario" },
            { field: "year", type: "quantitative", title: "Jaar", format: "d" },
            { field: "value", type: "quantitative", title: "Vangnetdrempel", format: EURO_FORMAT },
          ],
        },
      },
      {
        data: { name: "buig" },
        params: [legendPick("kiesBuig", "scenario")],
        mark: { type: "line", strokeWidth: 2.2, point: { filled: true, size: 34 } },
        encoding: { x, y, color: colour(st), detail: { field: "variant" }, opacity: fade("kiesBuig"), tooltip: tip("BUIG-resultaat", EURO_FORMAT), ...dashes },
      },
    ],
  });
}

/** (d) The interventions against the baseline: BUIG effect and cost per year, cumulative net effect. */
function effectSpec(st: Structure): VlSpec {
  const x = yearX;
  const panel = { width: Math.floor((WIDTH - 40) / 2), height: 220 };
  const money = (field: string) => ({ field, type: "quantitative", title: "euro", axis: EURO_AXIS });
  return top(st, "Effect van de gekozen interventie(s) ten opzichte van het basispad (euro)", "BUIG-effect (besparing op uitkeringen) en kosten per jaar; cumulatief netto-effect, open cirkel = terugverdiend", {
    spacing: 36,
    hconcat: [
      {
        ...panel,
        title: { text: "BUIG-effect en kosten per jaar", fontSize: 12.5, fontWeight: 500 },
        layer: [
          ZERO_RULE,
          {
            data: { name: "effect" },
            params: [legendPick("kiesEffect", "scenario")],
            mark: { type: "line", strokeWidth: 2, point: { filled: true, size: 28 } },
            encoding: {
              x,
              y: money("value"),
              color: colour(st),
              detail: { field: "measure" },
              opacity: fade("kiesEffect"),
              strokeDash: { field: "measure", type: "nominal", title: null, scale: { domain: ["BUIG-effect", "Kosten"], range: [[1, 0], [5, 3]] }, legend: { orient: "bottom", symbolType: "stroke", symbolStrokeColor: "#333" } },
              tooltip: [
                { field: "scenario", type: "nominal", title: "Scenario" },
                { field: "measure", type: "nominal", title: "Wat" },
                { field: "year", type: "quantitative", title: "Jaar", format: "d" },
                { field: "value", type: "quantitative", title: "Euro", format: EURO_FORMAT },
              ],
            },
          },
        ],
      },
      {
        ...panel,
        title: { text: "Cumulatief netto-effect (besparing min kosten)", fontSize: 12.5, fontWeight: 500 },
        layer: [
          ZERO_RULE,
          {
            data: { name: "netto" },
            mark: { type: "line", strokeWidth: 2, point: { filled: true, size: 28 } },
            encoding: {
              x,
              y: money("value"),
              color: colour(st),
              tooltip: [
                { field: "scenario", type: "nominal", title: "Scenario" },
                { field: "year", type: "quantitative", title: "Jaar", format: "d" },
                { field: "value", type: "quantitative", title: "Cumulatief netto-effect", format: EURO_FORMAT },
              ],
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
  /** Dutch accessible name. */
  title: string;
  spec: VlSpec;
  /** The named datasets it reads (chartData's keys). */
  datasets: string[];
}

/** The charts of a model, in page order (the page hides the effect chart while no intervention is on). */
export function pageCharts(st: Structure): PageChart[] {
  return [
    { name: "volume" as const, title: "Bijstandsvolume per scenario", spec: volumeSpec(st), datasets: ["volume"] },
    { name: "samenstelling" as const, title: "Samenstelling naar trede of klantgroep", spec: compositionSpec(st), datasets: ["samenstelling"] },
    { name: "buig" as const, title: "BUIG-resultaat met vangnetdrempel", spec: buigSpec(st), datasets: ["buig", "drempel"] },
    { name: "effect" as const, title: "Effect van de interventie(s)", spec: effectSpec(st), datasets: ["effect", "netto"] },
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
    const runs = [{ variant: NO_INTERVENTION, r: o.baseline }, ...(o.variant ? [{ variant: WITH_INTERVENTION, r: o.variant }] : [])];
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
  const cumulative = metric(r, "net_effect_cumulative");
  let spent = 0;
  let paid = false;
  years.forEach((year, y) => {
    data.effect.push({ scenario, measure: "BUIG-effect", year, value: effect[y] }, { scenario, measure: "Kosten", year, value: cost[y] });
    spent += cost[y];
    const first = !paid && spent > 0 && cumulative[y] >= 0;
    paid ||= first;
    data.netto.push({ scenario, year, value: cumulative[y], terugverdiend: first ? 1 : 0 });
  });
}
