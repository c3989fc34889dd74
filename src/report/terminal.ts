/** The compact summary printed after a run: one table per scenario, Dutch formats. */
import type { Model } from "../model/model.js";
import type { ScenarioResult } from "../run.js";
import { formatEuro, formatPercent, formatPersons } from "./format.js";

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function scenarioTable(model: Model, r: ScenarioResult): string {
  const p = r.persons;
  const rows = p.years.map((year, y) => [
    String(year),
    formatPersons(p.volumeEnd[y]),
    formatPersons(p.inflowNew[y] + p.reinflow[y]),
    formatPersons(p.outflowWork[y] + p.outflowOther[y]),
    formatEuro(r.money.expenditure[y]),
    formatEuro(r.money.budget[y]),
    formatEuro(r.money.buigResult[y]),
  ]);
  const title = `${r.scenario.label} (${r.scenario.name})`;
  return `${title}\n${table(["Jaar", `Volume eind (${model.unit})`, "Instroom", "Uitstroom", "Uitgaven", "BUIG-budget", "BUIG-resultaat"], rows)}`;
}

/** Model vs reference values (e.g. the Berenschot table) for year-end volume. */
export function referenceTable(model: Model, results: ScenarioResult[]): string | undefined {
  const rows: string[][] = [];
  for (const ref of model.references) {
    const r = results.find((x) => x.scenario.name === ref.scenario);
    if (!r || ref.metric !== "volume_end") continue;
    for (const [year, value] of ref.values) {
      const y = year - model.startYear;
      if (y < 0 || y >= model.years) continue;
      const modelled = r.persons.volumeEnd[y];
      rows.push([ref.label, String(year), formatPersons(value), formatPersons(modelled), formatPercent(modelled / value - 1)]);
    }
  }
  return rows.length ? `Model tegenover referentie\n${table(["Referentie", "Jaar", "Referentie", "Model", "Verschil"], rows)}` : undefined;
}
