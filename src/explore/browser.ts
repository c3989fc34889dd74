/**
 * verkenner.html's script (bundled by bin/bundle-explore.mjs with vega, vega-lite
 * and vega-embed into one inline script). It decodes the compiled model the CLI
 * embedded, and on every change of a control: settings -> runWhatIf (the CLI's own
 * model, adjust, variant, simulate and finance code) -> charts, totals, command line;
 * then the break-even of each intervention switched on, one at a time, so the charts
 * never wait for it.
 *
 * `window.verkenner` reports what each update took (`timings`), the rows the charts
 * show (`chartData()`), and `idle()` resolves when nothing is pending: the browser test
 * measures the redraw time and compares the charts' numbers with the CLI's through it.
 */
import { setLang } from "../locale/lang.js";
import { EXPLORE } from "../locale/messages-explore.js";
import type { MacroScenario, Model } from "../model/model.js";
import { InputError, EffectRangeError } from "../model/errors.js";
import type { BreakEven } from "../outcomes/analyses.js";
import { SCENARIO_COLOURS } from "../report/charts.js";
import { chartData, signalsOf, structureOf } from "./charts.js";
import { decodeModel } from "./codec.js";
import type { PageData } from "./data.js";
import { reproduction } from "./reproduce.js";
import { defaultSettings, fromFragment, toFragment, type Settings } from "./settings.js";
import { adjustedModel, Baselines, BreakEvens, membersOf, runWhatIf, type WhatIf } from "./whatif.js";
import { ChartViews } from "./page/chart-views.js";
import { Controls } from "./page/controls.js";
import { byId, h } from "./page/dom.js";
import { breakEvenTable, reproductionBlock, totalsTable } from "./page/panels.js";

export interface Timing {
  /** Which control changed. */
  reason: string;
  /** From the change to charts, totals and command line drawn (ms). */
  ms: number;
  /** "opgebouwd": the charts embedded (the first draw); "bijgewerkt": data and signals replaced in the views. */
  how: "opgebouwd" | "bijgewerkt" | "fout";
  /** Until every break-even was known as well (ms), when any had to be computed. */
  breakEvenMs?: number;
  /** Of `ms`: the model runs, the charts, the tables and text (ms). */
  parts?: { compute: number; charts: number; panels: number };
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** What an error of the model on these settings means, in the page's language (the engine's own words folded away). */
function problem(err: unknown): Node[] {
  const what = err instanceof EffectRangeError ? EXPLORE.effectTooLarge : err instanceof InputError ? EXPLORE.cannotCompute : EXPLORE.wentWrong;
  const detail = err instanceof InputError ? err.describe() : String((err as Error)?.stack ?? err);
  return [document.createTextNode(what + EXPLORE.stale), h("details", {}, h("summary", {}, EXPLORE.technical), h("code", {}, detail))];
}

class App {
  readonly timings: Timing[] = [];
  /** The rows the charts show now. */
  shown: ReturnType<typeof chartData> = {};
  private readonly controls: Controls;
  private readonly charts: ChartViews;
  private readonly breakEvens = new BreakEvens();
  private readonly baselines = new Baselines();
  private readonly colourOf: (name: string) => string;
  private busy = false;
  private queued: { reason: string; started: number } | null = null;
  private generation = 0;
  private waiting: (() => void)[] = [];
  /** What was wrong with the settings in the link the page opened with: said until the user changes a setting. */
  private linkNote = "";

  constructor(private readonly model: Model, private readonly data: PageData, private readonly defaults: Settings, initial: Settings) {
    this.charts = new ChartViews(byId("grafieken"), structureOf(model));
    this.colourOf = (name) => SCENARIO_COLOURS[Math.max(0, model.scenarios.findIndex((s) => s.name === name)) % SCENARIO_COLOURS.length];
    this.controls = new Controls(byId("bediening"), model, data, initial, (reason) => this.byUser(reason));
    byId("herstel").addEventListener("click", () => {
      this.controls.set(this.defaults);
      this.byUser("terug naar het bestand");
    });
    byId("kopieer").addEventListener("click", () => this.copyLink());
    window.addEventListener("hashchange", () => {
      const { settings, problems } = fromFragment(location.hash, model, data, defaults);
      this.controls.set(settings);
      this.noteLink(problems);
      this.schedule("link");
    });
  }

  /** Says what a link's settings got wrong, until the user changes a setting. */
  noteLink(problems: string[]): void {
    this.linkNote = problems.join(" ");
    this.say(this.linkNote);
  }

  private byUser(reason: string): void {
    this.linkNote = "";
    this.schedule(reason);
  }

  /** Resolves when no update and no break-even computation is pending. */
  idle(): Promise<void> {
    return this.busy || this.queued !== null ? new Promise((resolve) => this.waiting.push(resolve)) : Promise.resolve();
  }

  say(text: string | Node[]): void {
    if (typeof text === "string") byId("melding").textContent = text;
    else byId("melding").replaceChildren(...text);
  }

  /** Runs an update for a change now, or after the running one (only the latest waiting change counts, timed from its event). */
  schedule(reason: string, started = performance.now()): void {
    if (this.busy) {
      this.queued = { reason, started };
      this.generation++; // a break-even loop of older settings stops
      return;
    }
    this.busy = true;
    void this.update(reason, started).finally(() => {
      this.busy = false;
      const next = this.queued;
      this.queued = null;
      if (next !== null) this.schedule(next.reason, next.started);
      else for (const resolve of this.waiting.splice(0)) resolve();
    });
  }

  private async update(reason: string, started: number): Promise<void> {
    const generation = ++this.generation;
    const settings = structuredClone(this.controls.settings);
    let w: WhatIf;
    const t0 = performance.now();
    try {
      w = runWhatIf(this.model, settings, this.baselines);
    } catch (err) {
      this.say(problem(err));
      this.timings.push({ reason, ms: performance.now() - started, how: "fout" });
      return;
    }
    const t1 = performance.now();
    this.shown = chartData(this.model, w);
    const how = await this.charts.draw(this.shown, signalsOf(w));
    const t2 = performance.now();
    this.panels(w, settings);
    const t3 = performance.now();
    const timing: Timing = { reason, ms: t3 - started, how, parts: { compute: t1 - t0, charts: t2 - t1, panels: t3 - t2 } };
    this.timings.push(timing);
    byId("status").textContent = EXPLORE.drawnIn(Math.round(timing.ms));
    await tick();
    this.remember(settings);
    if (await this.breakEven(settings, w, generation)) timing.breakEvenMs = performance.now() - started;
  }

  private panels(w: WhatIf, s: Settings): void {
    this.say(this.linkNote); // an error of the previous settings is gone; a link's problems stay
    byId("totalen").replaceChildren(totalsTable(w, this.colourOf));
    const r = reproduction(this.model, this.data, s);
    byId("opdracht").replaceChildren(...reproductionBlock(this.data, r));
    const fragment = toFragment(s, this.data);
    (byId("link") as HTMLAnchorElement).href = `#${fragment}`;
    (byId("link-tekst") as HTMLInputElement).value = location.href.replace(/#.*$/, "") + `#${fragment}`;
    this.showBreakEvens(s, w.outcomes.map((o) => o.scenario));
  }

  /** The address bar follows the settings (after the redraw: the browser may take its time over it). */
  private remember(s: Settings): void {
    try {
      history.replaceState(null, "", `#${toFragment(s, this.data)}`);
    } catch {
      // some browsers refuse this on file:// pages; the link on the page still carries the settings
    }
  }

  /** The break-even table and slider marks from what is known; returns the pairs still missing. */
  private showBreakEvens(s: Settings, scenarios: MacroScenario[]): [MacroScenario, number][] {
    const adjusted = adjustedModel(this.model, s);
    const found: { scenario: string; p: number; b?: BreakEven }[] = [];
    const missing: [MacroScenario, number][] = [];
    for (const p of membersOf(s)) {
      for (const sc of scenarios) {
        const known = this.breakEvens.has(s, sc, p);
        found.push({ scenario: sc.name, p, b: known ? this.breakEvens.get(adjusted, s, sc, p) : undefined });
        if (!known) missing.push([sc, p]);
      }
    }
    byId("breakeven").replaceChildren(breakEvenTable(this.model, this.data, s, found));
    this.data.interventions.forEach((_, p) =>
      this.controls.showBreakEven(p, found.filter((f) => f.p === p && f.b).map((f) => ({ label: this.model.scenarios.find((x) => x.name === f.scenario)!.label, colour: this.colourOf(f.scenario), scale: f.b!.scale }))),
    );
    return missing;
  }

  /** Computes the missing break-evens one by one, yielding to the page between them; false when none was missing. */
  private async breakEven(s: Settings, w: WhatIf, generation: number): Promise<boolean> {
    const scenarios = w.outcomes.map((o) => o.scenario);
    let missing = this.showBreakEvens(s, scenarios);
    if (missing.length === 0) return false;
    const adjusted = adjustedModel(this.model, s);
    while (missing.length > 0) {
      await tick();
      if (generation !== this.generation) return false;
      const [sc, p] = missing[0];
      try {
        this.breakEvens.get(adjusted, s, sc, p);
      } catch (err) {
        this.say(problem(err));
        return false;
      }
      missing = this.showBreakEvens(s, scenarios);
    }
    return true;
  }

  private copyLink(): void {
    const text = (byId("link-tekst") as HTMLInputElement).value;
    const done = () => (byId("kopieer-status").textContent = EXPLORE.copied);
    const fallback = () => {
      const input = byId("link-tekst") as HTMLInputElement;
      input.select();
      byId("kopieer-status").textContent = document.execCommand?.("copy") ? EXPLORE.copied : EXPLORE.copyFailed;
    };
    if (navigator.clipboard?.writeText) navigator.clipboard.writeText(text).then(done, fallback);
    else fallback();
  }
}

function start(): void {
  const data = JSON.parse(byId("verkenner-gegevens").textContent ?? "") as PageData;
  // Everything below speaks the language of the run that wrote the page.
  setLang(data.lang === "en" ? "en" : "nl");
  const model = decodeModel(data.model);
  const defaults = defaultSettings(model, data);
  const { settings, problems } = fromFragment(location.hash, model, data, defaults);
  const app = new App(model, data, defaults, settings);
  app.noteLink(problems);
  (window as unknown as { verkenner: unknown }).verkenner = { timings: app.timings, idle: () => app.idle(), chartData: () => app.shown };
  app.schedule("start");
}

try {
  start();
} catch (err) {
  const box = document.getElementById("melding");
  if (box) box.replaceChildren(h("strong", {}, EXPLORE.couldNotStart), String((err as Error)?.message ?? err));
  throw err;
}
