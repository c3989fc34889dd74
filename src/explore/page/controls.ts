/**
 * The page's controls, in the page's language: macro scenarios, horizon, and per intervention on/off,
 * capacity, effect size (with the assumed value and the break-even values marked) and
 * costs. The controls own the current Settings; every user change updates them and
 * calls `onChange`. Browser only.
 */
import type { Model } from "../../model/model.js";
import { SCENARIO_COLOURS } from "../../report/charts.js";
import type { InterventionInfo, PageData } from "../data.js";
import { capacityAmount, MAX_PCT, maxScale, type InterventionSettings, type Settings } from "../settings.js";
import { formatNumber as num } from "../../locale/format.js";
import { EXPLORE as T } from "../../locale/messages-explore.js";
import { h, pct } from "./dom.js";
import { lang } from "../../locale/lang.js";
import { readTypedNumber, typedText } from "../../locale/typed-number.js";

/** The effect slider runs to 20 x the assumed effect (or less where a relative risk would reach 0); the number box to the limit. */
const SLIDER_MAX = 20;

export interface BreakEvenMark {
  label: string;
  colour: string;
  /** Effect multiplier at break-even, or null when there is none within reach. */
  scale: number | null;
}

export class Controls {
  settings: Settings;
  private readonly refresh: (() => void)[] = [];
  private readonly marks: HTMLElement[] = [];
  private readonly markText: HTMLElement[] = [];

  constructor(
    private readonly root: HTMLElement,
    private readonly model: Model,
    private readonly data: PageData,
    initial: Settings,
    private readonly onChange: (reason: string) => void,
  ) {
    this.settings = structuredClone(initial);
    // A file without interventions (one `init` wrote) has only scenarios, horizon, inflow, cost and budget to change: the page says why.
    const none = h("p", { id: "geen-interventies" }, T.noInterventions);
    root.replaceChildren(this.scenarioBox(), this.horizonBox(), this.assumptionsBox(), ...(data.interventions.length ? data.interventions.map((iv, p) => this.interventionBox(iv, p)) : [none]));
    this.sync();
  }

  /** Puts settings in the controls (a link, the reset button) without a change event. */
  set(settings: Settings): void {
    this.settings = structuredClone(settings);
    this.sync();
  }

  private sync(): void {
    for (const f of this.refresh) f();
  }

  private changed(reason: string): void {
    this.sync();
    this.onChange(reason);
  }

  private scenarioBox(): HTMLElement {
    const boxes = this.model.scenarios.map((sc, i) => {
      const input = h("input", { type: "checkbox", name: "scenario", value: sc.name });
      input.addEventListener("change", () => {
        const chosen = this.model.scenarios.map((s) => s.name).filter((n) => n === sc.name ? input.checked : this.settings.scenarios.includes(n));
        if (chosen.length === 0) {
          input.checked = true; // at least one scenario
          return;
        }
        this.settings.scenarios = chosen;
        this.changed(`scenario ${sc.name}`);
      });
      this.refresh.push(() => (input.checked = this.settings.scenarios.includes(sc.name)));
      return h("label", { class: "keuze" }, input, h("span", { class: "kleur", style: `background:${SCENARIO_COLOURS[i % SCENARIO_COLOURS.length]}` }), sc.label);
    });
    return h("fieldset", { id: "scenarios" }, h("legend", {}, T.scenarios), ...boxes);
  }

  private horizonBox(): HTMLElement {
    const m = this.model;
    const input = h("input", { type: "range", id: "horizon", min: 1, max: m.years, step: 1, "aria-describedby": "horizon-uit" });
    const out = h("output", { id: "horizon-uit", for: "horizon" });
    input.addEventListener("input", () => {
      this.settings.horizon = Number(input.value);
      this.changed("horizon");
    });
    this.refresh.push(() => {
      input.value = String(this.settings.horizon);
      const y = this.settings.horizon;
      out.textContent = T.horizonShown(y, `${m.startYear}${y > 1 ? `–${m.startYear + y - 1}` : ""}`);
    });
    return h("fieldset", {}, h("legend", {}, T.horizon), h("label", { for: "horizon" }, T.yearsAhead), input, out);
  }

  /**
   * New inflow, the cost per person and the BUIG budget as percentages of the file's,
   * with what the inflow is in persons in the first year.
   */
  private assumptionsBox(): HTMLElement {
    const first = this.model.inflowPerYear[0];
    const out = h("output", { id: "instroom-uit", class: "uitleg" });
    this.refresh.push(() => {
      out.textContent = T.inflowShown(num((first * this.settings.inflowPct) / 100, 0), this.model.startYear, num(first, 0));
    });
    return h(
      "fieldset",
      { id: "aannames" },
      h("legend", {}, T.assumptions),
      this.numberBox(T.inflowPct, "instroom", { step: 5, max: MAX_PCT }, () => this.settings.inflowPct, (v) => (this.settings.inflowPct = v), "instroom"),
      out,
      this.numberBox(T.costPct, "kosten", { step: 1, max: MAX_PCT }, () => this.settings.costPct, (v) => (this.settings.costPct = v), "kosten per persoon"),
      this.numberBox(T.budgetPct, "budget", { step: 1, max: MAX_PCT }, () => this.settings.budgetPct, (v) => (this.settings.budgetPct = v), "budget"),
    );
  }

  /** A number box bound to a setting; a value it cannot take is marked and not used (and the results say they are of the last valid one). */
  private numberBox(label: string, field: string, opts: { whole?: boolean; step: number; max?: number }, get: () => number, set: (v: number) => void, reason: string): HTMLElement {
    // Text, not type="number": the page reads the number as its language writes it (typed-number.ts).
    const input = h("input", { type: "text", "data-veld": field, inputmode: "decimal", autocomplete: "off", spellcheck: false });
    const error = h("span", { class: "fout", role: "alert" });
    input.addEventListener("input", () => {
      const read = readTypedNumber(input.value, lang());
      const v = "value" in read ? read.value : NaN;
      const ok = Number.isFinite(v) && v >= 0 && (!opts.whole || Number.isInteger(v)) && (opts.max === undefined || v <= opts.max);
      input.setAttribute("aria-invalid", String(!ok));
      error.textContent = ok ? "" : "ambiguous" in read ? T.numberAmbiguous(input.value.trim(), read.ambiguous.whole, read.ambiguous.decimal) : T.numberWanted(opts.whole === true, opts.max === undefined ? undefined : num(opts.max));
      markStale();
      if (!ok) return;
      set(v);
      this.changed(reason);
    });
    this.refresh.push(() => {
      const shown = readTypedNumber(input.value, lang());
      if (!("value" in shown) || shown.value !== get() || input.value === "") input.value = typedText(get(), lang());
      input.removeAttribute("aria-invalid");
      error.textContent = "";
      markStale();
    });
    return h("label", { class: "getal" }, h("span", {}, label), input, error);
  }

  private interventionBox(iv: InterventionInfo, p: number): HTMLElement {
    const x = () => this.settings.interventions[p];
    const on = h("input", { type: "checkbox", "data-veld": "aan" });
    on.addEventListener("change", () => {
      x().on = on.checked;
      this.changed(`${iv.name} aan/uit`);
    });
    const box = h("fieldset", { class: "interventie", "data-interventie": iv.name });
    this.refresh.push(() => {
      on.checked = x().on;
      box.classList.toggle("uit", !x().on);
    });
    box.append(
      h("legend", {}, h("label", {}, on, iv.label)),
      this.capacityBox(iv, p),
      this.effectBox(iv, p),
      this.numberBox(T.perStart, "per_start", { step: 10 }, () => x().perStart, (v) => (x().perStart = v), `${iv.name} kosten per start`),
      this.numberBox(T.perMonth, "per_maand", { step: 5 }, () => x().perParticipantMonth, (v) => (x().perParticipantMonth = v), `${iv.name} kosten per maand`),
    );
    return box;
  }

  private capacityBox(iv: InterventionInfo, p: number): HTMLElement {
    const x = (): InterventionSettings => this.settings.interventions[p];
    const reason = `${iv.name} capaciteit`;
    const cap = x().capacity;
    if (cap.kind === "reach") {
      return this.numberBox(T.reach, "bereik", { step: 10 }, () => (x().capacity as { startsPerYear: number }).startsPerYear, (v) => ((x().capacity as { startsPerYear: number }).startsPerYear = v), reason);
    }
    if (cap.kind === "places") {
      return this.numberBox(T.places, "plaatsen", { step: 10 }, () => (x().capacity as { places: number }).places, (v) => ((x().capacity as { places: number }).places = v), reason);
    }
    type Coaches = { coaches: number; caseload: number };
    const places = h("output", { "data-uit": "plaatsen" });
    this.refresh.push(() => (places.textContent = T.placesShown(num(capacityAmount(x().capacity), 0))));
    return h(
      "div",
      { class: "capaciteit" },
      this.numberBox(T.coaches, "coaches", { whole: true, step: 1 }, () => (x().capacity as Coaches).coaches, (v) => ((x().capacity as Coaches).coaches = v), reason),
      this.numberBox(T.caseload, "caseload", { whole: true, step: 5 }, () => (x().capacity as Coaches).caseload, (v) => ((x().capacity as Coaches).caseload = v), reason),
      places,
    );
  }

  private effectBox(iv: InterventionInfo, p: number): HTMLElement {
    const x = () => this.settings.interventions[p];
    const limit = maxScale(iv);
    const sliderMax = Math.min(SLIDER_MAX, limit);
    const reason = `${iv.name} effect`;
    const slider = h("input", { type: "range", min: 0, max: Math.floor(sliderMax * 100), step: 1, "data-veld": "effect", "aria-label": T.effectAria(iv.label) });
    slider.addEventListener("input", () => {
      x().scale = Number(slider.value) / 100;
      this.changed(reason);
    });
    const exact = this.numberBox(T.exactPct, "effect-procent", { step: 5, max: Math.floor(limit * 100) }, () => Number((x().scale * 100).toPrecision(12)), (v) => (x().scale = v / 100), reason);
    const quick = (label: string, k: number) => {
      const b = h("button", { type: "button" }, label);
      b.addEventListener("click", () => {
        x().scale = k;
        this.changed(reason);
      });
      return b;
    };
    const marks = h("div", { class: "schaal", "aria-hidden": "true" }, h("span", { class: "streep aanname", style: `left:${(100 / (sliderMax * 100)) * 100}%`, title: T.assumed }));
    this.marks[p] = marks;
    const markText = h("span", { class: "hint", "data-uit": "breakeven" });
    this.markText[p] = markText;
    const values = h("ul", { class: "effecten", "data-uit": "effecten" });
    const shown = h("output", { "data-uit": "effect" });
    this.refresh.push(() => {
      slider.value = String(Math.round(x().scale * 100));
      shown.textContent = T.ofAssumed(pct(x().scale));
      values.replaceChildren(...iv.effects.map((e) => h("li", {}, `${e.label}: `, h("strong", {}, num(1 + x().scale * (e.value - 1))), T.effectAssumed(num(e.value)))));
    });
    return h(
      "div",
      { class: "effect" },
      h("span", { class: "kop" }, T.effectValue, shown),
      slider,
      marks,
      h("div", { class: "hint" }, T.marksHint, markText),
      h("div", { class: "rij" }, exact, quick(T.half, 0.5), quick(T.asAssumed, 1), quick(T.noEffect, 0)),
      values,
    );
  }

  /** Marks the break-even multipliers on intervention p's effect scale (one tick per scenario). */
  showBreakEven(p: number, marks: BreakEvenMark[]): void {
    const scale = this.marks[p];
    if (!scale) return;
    const max = Number((scale.previousElementSibling as HTMLInputElement).max) / 100;
    scale.querySelectorAll(".breakeven").forEach((el) => el.remove());
    const known = marks.flatMap((m) => (m.scale === null ? [] : [m.scale]));
    const [lo, hi] = [Math.min(...known), Math.max(...known)];
    this.markText[p].textContent = known.length === 0 ? "" : T.breakEvenAt(lo === hi ? pct(lo) : T.range(pct(lo), pct(hi)));
    for (const m of marks) {
      if (m.scale === null || m.scale > max) continue; // beyond the slider: the text above gives it
      const left = (m.scale / max) * 100;
      scale.append(h("span", { class: "streep breakeven", style: `left:${left}%;background:${m.colour}`, title: `break-even ${m.label}: ${pct(m.scale)}` }));
    }
  }
}

/**
 * While a box holds a value the page cannot use, the numbers shown are those of the last
 * valid settings: they are dimmed and a line says so (a council member changing a number
 * read the old totals as the new ones).
 */
function markStale(): void {
  const stale = document.querySelector('input[aria-invalid="true"]') !== null;
  document.body.classList.toggle("verouderd", stale);
  const note = document.getElementById("verouderd");
  if (note) note.textContent = stale ? T.staleInput : "";
}
