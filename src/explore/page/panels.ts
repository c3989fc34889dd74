/**
 * The page's tables and text: totals over the horizon per scenario, the break-even of
 * each intervention switched on, and the command line (with the file edits) that gives
 * the same numbers. Numbers in Dutch formats (src/locale/format.ts), as the terminal and
 * the report. Every number cell carries its exact value in `data-waarde` (the browser
 * test compares it with the CLI). Browser only.
 */
import { formatEuro, formatPersons } from "../../locale/format.js";
import type { Model } from "../../model/model.js";
import type { BreakEven } from "../../outcomes/analyses.js";
import type { PageData } from "../data.js";
import { applyEdits, type Reproduction } from "../reproduce.js";
import type { Settings } from "../settings.js";
import { totals, type Totals, type WhatIf } from "../whatif.js";
import { h, nl, pct } from "./dom.js";

interface Row {
  key: keyof Totals;
  variant: "baseline" | "variant";
  label: string;
  unit: "personen" | "euro";
}

function rowsFor(w: WhatIf): Row[] {
  const last = w.model.startYear + w.model.years - 1;
  const span = `${w.model.startYear}${w.model.years > 1 ? `–${last}` : ""}`;
  const both = (key: keyof Totals, label: string, unit: Row["unit"]): Row[] => [
    { key, variant: "baseline", label: `${label}, zonder interventie`, unit },
    ...(w.variant ? [{ key, variant: "variant" as const, label: `${label}, met interventie`, unit }] : []),
  ];
  return [
    ...both("volumeEnd", `Volume eind ${last}`, "personen"),
    ...both("expenditure", `Uitgaven ${span}`, "euro"),
    ...both("buigResult", `BUIG-resultaat ${span}`, "euro"),
    ...both("buigResultAfterVangnet", `BUIG-resultaat na vangnet ${span}`, "euro"),
    ...(w.variant
      ? ([
          { key: "interventionCost", variant: "variant", label: `Kosten interventie ${span}`, unit: "euro" },
          { key: "buigEffect", variant: "variant", label: `BUIG-effect (besparing) ${span}`, unit: "euro" },
          { key: "netEffectCumulative", variant: "variant", label: `Netto-effect cumulatief ${span}`, unit: "euro" },
        ] as Row[])
      : []),
  ];
}

/** Totals over the horizon: one row per measure, one column per scenario. */
export function totalsTable(w: WhatIf, colour: (name: string) => string): HTMLElement {
  const perScenario = w.outcomes.map((o) => ({ o, base: totals(o.baseline), variant: o.variant ? totals(o.variant) : undefined }));
  const head = h("tr", {}, h("th", { scope: "col" }, ""), ...perScenario.map(({ o }) => h("th", { scope: "col", class: "num" }, h("span", { class: "kleur", style: `background:${colour(o.scenario.name)}` }), o.scenario.label)));
  const body = rowsFor(w).map((row) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, row.label, h("span", { class: "eenheid" }, ` (${row.unit})`)),
      ...perScenario.map(({ o, base, variant }) => {
        const v = (row.variant === "baseline" ? base : variant!)[row.key];
        return h("td", { class: `num${v < 0 ? " neg" : ""}`, "data-scenario": o.scenario.name, "data-metriek": row.key, "data-variant": row.variant, "data-waarde": String(v) }, row.unit === "euro" ? formatEuro(v) : formatPersons(v));
      }),
    ),
  );
  return h("div", { class: "scroll" }, h("table", { id: "totalen-tabel" }, h("thead", {}, head), h("tbody", {}, ...body)));
}

/** Each effect's value at break-even: "uitstroom naar werk (hazard ratio) 2,1". */
const effectsAt = (iv: PageData["interventions"][number], b: BreakEven): string => b.effects.map((e, k) => `${iv.effects[k]?.label ?? e.label} ${nl(e.breakEven ?? NaN, 2)}`).join("; ");

/** Break-even per intervention switched on and scenario; `pending` when some are still being computed. */
export function breakEvenTable(model: Model, data: PageData, s: Settings, found: { scenario: string; p: number; b?: BreakEven }[]): HTMLElement {
  if (data.interventions.length === 0) return h("p", {}, "Dit scenariobestand beschrijft geen interventies.");
  if (found.length === 0) return h("p", {}, "Zet een interventie aan om te zien bij welk effect zij zich terugverdient.");
  const label = (name: string) => model.scenarios.find((x) => x.name === name)?.label ?? name;
  const rows = found.map(({ scenario, p, b }) => {
    const iv = data.interventions[p];
    const cell = !b
      ? h("td", { class: "wacht" }, "wordt berekend…")
      : b.scale === null
        ? h("td", {}, "niet binnen bereik: ook bij een veel groter effect niet terugverdiend binnen de horizon (of geen deelnemers)")
        : h("td", { "data-schaal": String(b.scale) }, h("strong", {}, `${pct(b.scale)} van de aanname`), ` (${effectsAt(iv, b)}); nu ingesteld: ${pct(s.interventions[p].scale)}`);
    return h("tr", {}, h("td", {}, iv.label), h("td", {}, label(scenario)), cell);
  });
  return h(
    "div",
    { class: "scroll" },
    h("table", { id: "breakeven-tabel" }, h("thead", {}, h("tr", {}, h("th", {}, "Interventie (afzonderlijk)"), h("th", {}, "Scenario"), h("th", {}, "Terugverdiend binnen de horizon bij een effect van"))), h("tbody", {}, ...rows)),
  );
}

/** The command line and the file edits, with the edited file as a download. */
export function reproductionBlock(data: PageData, r: Reproduction): HTMLElement[] {
  const out: HTMLElement[] = [h("p", {}, "Dezelfde cijfers (in yearly.csv: per jaar, zonder interventie als ", h("code", {}, "baseline"), ") geeft:"), h("pre", { id: "cli-opdracht" }, r.command)];
  if (r.edits.length === 0) return out;
  const value = (v: unknown) => (v === undefined ? "—" : JSON.stringify(v));
  out.push(
    h("p", {}, "met ", h("code", {}, r.editedFile!), " een kopie van ", h("code", {}, data.file), " waarin deze velden zijn aangepast (JSON-notatie, punt als decimaalteken):"),
    h(
      "table",
      { id: "wijzigingen" },
      h("thead", {}, h("tr", {}, h("th", {}, "Veld"), h("th", {}, "In het bestand"), h("th", {}, "Nieuw"))),
      h("tbody", {}, ...r.edits.map((e) => h("tr", { "data-pad": e.path, "data-nieuw": JSON.stringify(e.to), "data-toevoegen": e.append ? "1" : undefined }, h("td", {}, h("code", {}, e.path)), h("td", {}, e.append ? "(toevoegen aan de lijst)" : value(e.from)), h("td", {}, h("code", {}, value(e.to)))))),
    ),
  );
  const download = h("a", { id: "download", href: "#", download: r.editedFile }, `Download ${r.editedFile}`);
  // Built on click, so nothing is made (or requested) until someone asks for it.
  download.addEventListener("click", () => (download.href = `data:application/json;charset=utf-8,${encodeURIComponent(applyEdits(data.text, r.edits))}`));
  out.push(h("p", {}, download, " (het aangepaste scenariobestand)"));
  return out;
}
