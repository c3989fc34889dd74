/**
 * The live charts: vega-embed views of the specs in ../charts.ts, embedded once. Every
 * change after that replaces the views' named datasets and signals and reruns them.
 * Browser only.
 */
import embed, { type Result } from "vega-embed";
import { EXPLORE } from "../../locale/messages-explore.js";
import { chartLocale } from "../../report/locale.js";
import { pageCharts, type PageChart, type Signals, type Structure } from "../charts.js";
import { h } from "./dom.js";

type Rows = Record<string, Record<string, string | number>[]>;

/** vega-embed's options, in the page's language (read when the charts are embedded, after the page has set it). */
const options = () => {
  const locale = chartLocale();
  return {
    renderer: "svg" as const,
    // Saving a chart works offline; the source and editor actions would open vega's website.
    actions: { export: { svg: true, png: true }, source: false, compiled: false, editor: false },
    i18n: EXPLORE.chartActions,
    formatLocale: locale.number as unknown as Record<string, unknown>,
    timeFormatLocale: locale.time as unknown as Record<string, unknown>,
    // An empty dataset (no intervention on, nothing paid back yet) makes vega warn about empty extents.
    logLevel: 1,
  };
};

export class ChartViews {
  private views: { chart: PageChart; figure: HTMLElement; result: Result }[] = [];
  private embedding: Promise<void> | undefined;

  constructor(private readonly root: HTMLElement, private readonly structure: Structure) {}

  private async embedAll(data: Rows): Promise<void> {
    const charts = pageCharts(this.structure);
    const figures = charts.map((c) => h("figure", { class: "grafiek", "data-grafiek": c.name, role: "img", "aria-label": c.title }, h("div", { class: "vega" })));
    this.root.replaceChildren(...figures);
    const results = await Promise.all(
      charts.map((c, i) => embed(figures[i].firstElementChild as HTMLElement, { ...c.spec, datasets: Object.fromEntries(c.datasets.map((n) => [n, data[n]])) } as never, { ...options(), downloadFileName: `verkenner-${c.name}` })),
    );
    this.views = charts.map((chart, i) => ({ chart, figure: figures[i], result: results[i] }));
  }

  /** Draws new numbers; the first call embeds the charts. */
  async draw(data: Rows, signals: Signals): Promise<"opgebouwd" | "bijgewerkt"> {
    const first = this.embedding === undefined;
    this.embedding ??= this.embedAll(data);
    await this.embedding;
    await Promise.all(
      this.views.map(({ chart, figure, result }) => {
        figure.hidden = chart.name === "effect" && !signals.metInterventie;
        for (const [name, value] of Object.entries(signals)) result.view.signal(name, value);
        for (const name of chart.datasets) result.view.data(name, data[name]);
        return result.view.runAsync();
      }),
    );
    return first ? "opgebouwd" : "bijgewerkt";
  }
}
