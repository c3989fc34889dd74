/**
 * The page's tables and text: totals over the horizon per scenario, the break-even of
 * each intervention switched on, and the command line (with the file edits) that gives
 * the same numbers. Numbers in the formats of the terminal and the report
 * (src/locale/format.ts), in the page's language. Every number cell carries its exact value in `data-waarde` (the browser
 * test compares it with the CLI). Browser only.
 */
import { formatEuro, formatNumber, formatPersons } from "../../locale/format.js";
import { EXPLORE as T } from "../../locale/messages-explore.js";
import type { Model } from "../../model/model.js";
import type { BreakEven } from "../../outcomes/analyses.js";
import type { PageData } from "../data.js";
import { applyEdits, type Reproduction } from "../reproduce.js";
import type { Settings } from "../settings.js";
import { totals, type Totals, type WhatIf } from "../whatif.js";
import { h, pct } from "./dom.js";

interface Row {
  key: keyof Totals;
  variant: "baseline" | "variant";
  label: string;
  unit: "personen" | "uitkeringen" | "euro";
}

function rowsFor(w: WhatIf): Row[] {
  const last = w.model.startYear + w.model.years - 1;
  const span = `${w.model.startYear}${w.model.years > 1 ? `–${last}` : ""}`;
  const both = (key: keyof Totals, label: string, unit: Row["unit"]): Row[] => [
    { key, variant: "baseline", label: T.without(label), unit },
    ...(w.variant ? [{ key, variant: "variant" as const, label: T.with(label), unit }] : []),
  ];
  return [
    ...both("volumeEnd", T.volumeEnd(last), w.model.unit === "uitkeringen" ? "uitkeringen" : "personen"), // what the file counts
    ...both("expenditure", T.expenditure(span), "euro"),
    ...both("buigResult", T.buigResult(span), "euro"),
    ...both("buigResultAfterVangnet", T.buigResultAfterVangnet(span), "euro"),
    ...(w.variant
      ? ([
          { key: "interventionCost", variant: "variant", label: T.interventionCost(span), unit: "euro" },
          { key: "buigEffect", variant: "variant", label: T.buigEffect(span), unit: "euro" },
          { key: "netEffectCumulative", variant: "variant", label: T.netEffect(span), unit: "euro" },
          { key: "buigEffectAfterVangnet", variant: "variant", label: T.buigEffectAfterVangnet(span), unit: "euro" },
          { key: "netEffectAfterVangnet", variant: "variant", label: T.netEffectAfterVangnet(span), unit: "euro" },
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
      h("th", { scope: "row" }, row.label, h("span", { class: "eenheid" }, ` (${T.units[row.unit]})`)),
      ...perScenario.map(({ o, base, variant }) => {
        const v = (row.variant === "baseline" ? base : variant!)[row.key];
        return h("td", { class: `num${v < 0 ? " neg" : ""}`, "data-scenario": o.scenario.name, "data-metriek": row.key, "data-variant": row.variant, "data-waarde": String(v) }, row.unit === "euro" ? formatEuro(v) : formatPersons(v));
      }),
    ),
  );
  return h("div", { class: "scroll" }, h("table", { id: "totalen-tabel" }, h("thead", {}, head), h("tbody", {}, ...body)));
}

/** Each effect's value at break-even: "uitstroom naar werk (hazard ratio) 2,1" (in English: "outflow to work (hazard ratio) 2.1"). */
const effectsAt = (iv: PageData["interventions"][number], b: BreakEven): string => b.effects.map((e, k) => `${iv.effects[k]?.label ?? e.label} ${formatNumber(e.breakEven ?? NaN, 2)}`).join("; ");

/** Break-even per intervention switched on and scenario; `pending` when some are still being computed. */
export function breakEvenTable(model: Model, data: PageData, s: Settings, found: { scenario: string; p: number; b?: BreakEven }[]): HTMLElement {
  if (data.interventions.length === 0) return h("p", {}, T.noneInFile);
  if (found.length === 0) return h("p", {}, T.switchOn);
  const label = (name: string) => model.scenarios.find((x) => x.name === name)?.label ?? name;
  const rows = found.map(({ scenario, p, b }) => {
    const iv = data.interventions[p];
    const cell = !b
      ? h("td", { class: "wacht" }, T.computing)
      : b.scale === null
        ? h("td", {}, T.outOfReach)
        : h("td", { "data-schaal": String(b.scale) }, h("strong", {}, T.ofAssumed(pct(b.scale))), ` (${effectsAt(iv, b)})${T.nowSet(pct(s.interventions[p].scale))}`);
    return h("tr", {}, h("td", {}, iv.label), h("td", {}, label(scenario)), cell);
  });
  return h(
    "div",
    { class: "scroll" },
    h("table", { id: "breakeven-tabel" }, h("thead", {}, h("tr", {}, ...T.breakEvenHead.map((t) => h("th", {}, t)))), h("tbody", {}, ...rows)),
  );
}

/** The command line and the file edits, with the edited file as a download. */
export function reproductionBlock(data: PageData, r: Reproduction): HTMLElement[] {
  const out: HTMLElement[] = [h("p", {}, T.sameNumbers[0], h("code", {}, "baseline"), T.sameNumbers[1]), h("pre", { id: "cli-opdracht" }, r.command)];
  if (r.edits.length === 0) return out;
  const value = (v: unknown) => (v === undefined ? "—" : JSON.stringify(v));
  out.push(
    h("p", {}, T.editedCopy[0], h("code", {}, r.editedFile!), T.editedCopy[1], h("code", {}, data.file), T.editedCopy[2]),
    h(
      "table",
      { id: "wijzigingen" },
      h("thead", {}, h("tr", {}, ...T.editsHead.map((t) => h("th", {}, t)))),
      h("tbody", {}, ...r.edits.map((e) => h("tr", { "data-pad": e.path, "data-nieuw": JSON.stringify(e.to), "data-toevoegen": e.append ? "1" : undefined }, h("td", {}, h("code", {}, e.path)), h("td", {}, e.append ? T.append : value(e.from)), h("td", {}, h("code", {}, value(e.to)))))),
    ),
  );
  const download = h("a", { id: "download", href: "#", download: r.editedFile }, T.download(r.editedFile!));
  // Built on click, so nothing is made (or requested) until someone asks for it.
  download.addEventListener("click", () => (download.href = `data:application/json;charset=utf-8,${encodeURIComponent(applyEdits(data.text, r.edits))}`));
  out.push(h("p", {}, download, T.downloadWhat));
  if (r.distributions.length) out.push(h("p", { id: "verdelingen", class: "hint" }, T.distributionsStay, ...r.distributions.flatMap((path, i) => [i ? ", " : "", h("code", {}, path)]), "."));
  return out;
}
