/**
 * report.html: one self-contained Dutch page per run, for a council room laptop that may
 * be offline. Charts are inline SVG (rendered in advance), styles are inline, and there
 * is no script and no reference to anything outside the file. Pure: data in, text out.
 */
import { formatChance, formatEuro, formatPercent, formatPersons } from "../locale/format.js";
import { baselineBlocks, breakEvenYears, effectRows, metricOf, runsNoun, scenarioColourScale, type Chart } from "./charts.js";
import { columnHeader, dutchParameter, KIND_LABELS, paybackIntervalLabel, paybackYearLabel } from "./labels.js";
import { inlineSvg } from "./render.js";
import type { RunView } from "./results.js";
import type { SourceRow } from "./sources.js";
import { breakevenTable, sensitivityTable, type Table } from "./tables.js";

/** The what-if page that `bijstandsim explore` and `run --report` write next to the report (src/explore/). */
export const EXPLORER_FILE = "verkenner.html";

export interface ReportPage {
  doc: RunView;
  charts: { chart: Chart; svg: string }[];
  /** Assumptions with their sources (from the scenario file when found, else from results.json). */
  sources: SourceRow[];
  /** The scenario file of the run, when found and its SHA-256 matches the run's. */
  scenarioFile?: { path: string; description?: string; notes: string[]; stateNotes?: { name: string; note: string }[] };
  /** The output folder as the user named it (for the reproduce commands). */
  outDir: string;
  /** Relative link to the what-if page of the same scenario file, when it lies next to the report. */
  explorer?: string;
}

/** Escapes text for HTML element content and attribute values. */
export const esc = (s: unknown): string =>
  String(s ?? "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const number = (v: number, digits = 3) => (v + 0).toLocaleString("nl-NL", { maximumFractionDigits: digits });

/** A table; headers and cells are HTML (callers escape text with `esc`). Wide tables scroll sideways. */
function table(headers: string[], rows: string[][], opts: { numeric?: boolean[]; caption?: string; cls?: string } = {}): string {
  const num = (i: number) => (opts.numeric?.[i] ? ' class="num"' : "");
  return [
    `<div class="scroll"><table${opts.cls ? ` class="${opts.cls}"` : ""}>`,
    opts.caption ? `<caption>${opts.caption}</caption>` : "",
    `<thead><tr>${headers.map((h, i) => `<th scope="col"${num(i)}>${h}</th>`).join("")}</tr></thead>`,
    `<tbody>${rows.map((r) => `<tr>${r.map((c, i) => `<td${num(i)}>${c}</td>`).join("")}</tr>`).join("\n")}</tbody>`,
    "</table></div>",
  ].join("\n");
}

/** A column header with its unit on a second, smaller line. */
const head = (label: string, unit?: string) => (unit ? `${esc(label)}<span class="unit">${esc(unit)}</span>` : esc(label));

const swatch = (colour: string) => `<span class="swatch" style="background:${colour}"></span>`;

function colourOf(doc: RunView): (label: string) => string {
  const { domain, range } = scenarioColourScale(doc);
  return (label) => range[domain.indexOf(label)] ?? "#999";
}

/** "780" with "(720 – 810)" below it when the run has a band for the metric (band without the € sign, to stay narrow). */
function withBand(m: Record<string, number>, key: string, format: (v: number) => string): string {
  const v = metricOf(m, key);
  if (v === undefined) return "—";
  const lo = m[`${key}_p05`];
  const hi = m[`${key}_p95`];
  return lo !== undefined && hi !== undefined ? `${format(v)} <span class="band">(${formatPersons(lo)} – ${formatPersons(hi)})</span>` : format(v);
}

function summaryTables(doc: RunView): string {
  const colour = colourOf(doc);
  const afterVangnet = doc.scenarios.some((s) => s.years.some((y) => y.metrics.buig_result_after_vangnet !== undefined && Math.abs(y.metrics.buig_result_after_vangnet - (y.metrics.buig_result ?? 0)) > 0.005));
  const band = doc.scenarios.some((s) => s.years.some((y) => y.metrics.volume_end_p05 !== undefined));
  const headers = [head("Jaar"), head("Volume eind", doc.model.unit), head("Instroom", "personen"), head("Uitstroom", "personen"), head("Uitgaven", "euro"), head("BUIG-budget", "euro"), head("BUIG-resultaat", "euro")];
  if (afterVangnet) headers.push(head("Na vangnet", "euro"));
  return baselineBlocks(doc)
    .map((s) => {
      const rows = s.years.map((y) => {
        const m = y.metrics;
        const outflow = m.outflow_work !== undefined || m.outflow_other !== undefined ? (m.outflow_work ?? 0) + (m.outflow_other ?? 0) : undefined;
        const cells = [
          String(y.year),
          withBand(m, "volume_end", formatPersons),
          withBand(m, "inflow", formatPersons),
          outflow === undefined ? "—" : formatPersons(outflow),
          withBand(m, "expenditure", formatEuro),
          m.budget === undefined ? "—" : formatEuro(m.budget),
          withBand(m, "buig_result", formatEuro),
        ];
        if (afterVangnet) cells.push(m.buig_result_after_vangnet === undefined ? "—" : formatEuro(m.buig_result_after_vangnet));
        const negative = [(metricOf(m, "buig_result") ?? 0) < 0, (m.buig_result_after_vangnet ?? 0) < 0];
        return cells.map((c, i) => (i >= 6 && negative[i - 6] ? `<span class="neg">${c}</span>` : c));
      });
      const caption = `${swatch(colour(s.label))}${esc(s.label)} <span class="code">(${esc(s.name)})</span>`;
      return table(headers, rows, { numeric: headers.map((_, i) => i > 0), caption });
    })
    .join("\n") + (band ? '<p class="hint">Tussen haakjes: het 90%-interval (p5–p95) van de stochastische runs.</p>' : "");
}

/** Model against the references (e.g. the Berenschot table): one row per reference, one column per year. */
function referenceTable(doc: RunView): string {
  const cells = new Map<string, Map<number, string>>();
  const years = new Set<number>();
  for (const ref of doc.model.references) {
    const block = baselineBlocks(doc).find((s) => s.name === ref.scenario);
    if (!block) continue;
    for (const [year, value] of Object.entries(ref.values)) {
      const y = block.years.find((x) => x.year === Number(year));
      const model = y ? metricOf(y.metrics, ref.metric) : undefined;
      if (model === undefined) continue;
      years.add(Number(year));
      if (!cells.has(ref.label)) cells.set(ref.label, new Map());
      cells.get(ref.label)!.set(Number(year), `${formatPersons(value)} / ${formatPersons(model)}<span class="band">${formatPercent(model / value - 1)}</span>`);
    }
  }
  if (cells.size === 0) return "";
  const cols = [...years].sort((a, b) => a - b);
  const rows = [...cells].map(([label, byYear]) => [esc(label), ...cols.map((y) => byYear.get(y) ?? "—")]);
  return [
    "<h3>Model tegenover referentie</h3>",
    "<p>Per jaar: referentiewaarde / modeluitkomst (personen, eind van het jaar), daaronder het verschil van het model met de referentie.</p>",
    table([head("Referentie"), ...cols.map((y) => head(String(y), "ref. / model"))], rows, { numeric: [false, ...cols.map(() => true)] }),
  ].join("\n");
}

function interventionSection(page: ReportPage): string {
  const { doc } = page;
  const rows = effectRows(doc);
  if (rows.length === 0) return "";
  const colour = colourOf(doc);
  const variants = [...new Set(rows.map((r) => r.variant))];
  const ys = rows.map((r) => r.year);
  const period = `${Math.min(...ys)}–${Math.max(...ys)}`;
  const even = breakEvenYears(rows);
  const tables = variants.map((v) => {
    const scenarios = [...new Set(rows.filter((r) => r.variant === v).map((r) => r.scenario))];
    const body = scenarios.map((sc) => {
      const series = rows.filter((r) => r.variant === v && r.scenario === sc).sort((a, b) => a.year - b.year);
      const last = series[series.length - 1];
      const block = doc.scenarios.find((s) => s.label === sc && s.variantLabel === v);
      const participants = block?.years.map((y) => y.metrics.intervention_participants).filter((x): x is number => x !== undefined) ?? [];
      const sum = (f: (r: (typeof series)[number]) => number) => series.reduce((t, r) => t + f(r), 0);
      const paid = even.find((e) => e.variant === v && e.scenario === sc);
      return [
        `${swatch(colour(sc))}${esc(sc)}`,
        participants.length ? formatPersons(Math.max(...participants)) : "—",
        number(last.volume, 1),
        formatEuro(sum((r) => r.cost)),
        formatEuro(sum((r) => r.buig_effect)),
        last.cumulative < 0 ? `<span class="neg">${formatEuro(last.cumulative)}</span>` : formatEuro(last.cumulative),
        paid ? String(paid.year) : "nee",
      ];
    });
    const headers = [head("Scenario"), head("Deelnemers", "max. per jaar"), head("Verschil volume", `personen, eind ${Math.max(...ys)}`), head("Kosten", "euro"), head("BUIG-effect", "euro"), head("Netto-effect", "euro, cumulatief"), head("Terugverdiend in", "jaar")];
    return table(headers, body, { numeric: headers.map((_, i) => i > 0 && i < 6), caption: `${esc(v)}: totaal ${period}` });
  });
  return [
    '<section id="interventies">',
    "<h2>Interventies</h2>",
    "<p>Per interventie en scenario, ten opzichte van hetzelfde scenario zonder interventie, opgeteld over de horizon. BUIG-effect = uitgaven zonder min uitgaven met de interventie; netto-effect = BUIG-effect min de kosten van de interventie (die uit een ander budget komen). De cijfers per jaar staan in de grafiek hierboven en in results.xlsx (blad Jaarcijfers).</p>",
    ...tables,
    ...paybackTable(doc),
    breakEvenTable(page),
    "</section>",
  ].join("\n");
}

/** Names to labels for scenario and intervention columns of the analysis CSVs. */
function nameLabels(doc: RunView): Map<string, string> {
  const m = new Map<string, string>();
  for (const s of doc.scenarios) {
    m.set(s.name, s.label);
    m.set(s.variant, s.variantLabel);
  }
  for (const iv of doc.model.interventions) m.set(iv.name, iv.label);
  return m;
}

/** A cell of an analysis table as a number, or null (empty or text). */
const numberOrNull = (s: string): number | null => (s.trim() === "" || !Number.isFinite(Number(s)) ? null : Number(s));

/** An analysis table (break-even, sensitivity: as in their CSV files) as a Dutch table: labels for names, euros for net effects. */
function analysisTable(doc: RunView, full: Table, columns?: string[]): string {
  const keep = columns?.every((c) => full.header.includes(c)) ? columns : full.header;
  const t = { header: keep, rows: full.rows.map((r) => keep.map((c) => String(r[full.header.indexOf(c)] ?? ""))) };
  const labels = nameLabels(doc);
  const objects = t.rows.map((r) => Object.fromEntries(t.header.map((h, i) => [h, r[i]])));
  const numeric = t.header.map((h) => !["scenario", "intervention", "variant", "parameter", "effect"].includes(h) && objects.every((o) => o[h] === "" || numberOrNull(o[h]) !== null));
  const rows = objects.map((o) =>
    t.header.map((h, i) => {
      const v = o[h];
      if (h === "scenario" || h === "intervention" || h === "variant") return esc(labels.get(v) ?? v);
      if (h === "parameter" || h === "effect") return esc(dutchParameter(v));
      if (!numeric[i] || v === "") return esc(v === "" ? "—" : v);
      const n = numberOrNull(v)!;
      return /net_effect|cost|kosten|euro/.test(h) ? formatEuro(n) : number(n);
    }),
  );
  return table(t.header.map((h) => esc(columnHeader(h))), rows, { numeric });
}

/** Chance of payback after many runs: per intervention and scenario the share that pays back within the horizon and the payback year (no lines without). */
function paybackTable(doc: RunView): string[] {
  if (doc.payback.length === 0) return [];
  const colour = colourOf(doc);
  const labels = nameLabels(doc);
  const years = doc.payback[0].years;
  const last = years[years.length - 1].year;
  const noun = runsNoun(doc);
  const rows = doc.payback.map((p) => {
    const scenario = labels.get(p.scenario) ?? p.scenario;
    return [esc(labels.get(p.intervention) ?? p.intervention), `${swatch(colour(scenario))}${esc(scenario)}`, formatChance(p.paidBack),
      esc(paybackYearLabel(p.paybackYear.median, last)), esc(paybackIntervalLabel(p.paybackYear.p05, p.paybackYear.p95, last))];
  });
  const headers = [head("Interventie"), head("Scenario"), head("Kans terugverdiend", `binnen de horizon, t/m ${last}`), head("Terugverdienjaar", "mediaan"), head("Terugverdienjaar", "90%-interval")];
  return [
    "<h3>Kans op terugverdienen</h3>",
    `<p>Over ${doc.payback[0].runs} ${noun}: de kans dat de interventie zich binnen de horizon terugverdient (het aandeel ${noun} waarin het cumulatieve netto-effect in ${last} boven nul ligt) en het terugverdienjaar, ` +
      `het eerste jaar waarin het cumulatieve netto-effect boven nul komt en daar tot en met ${last} blijft, als mediaan en 90%-interval over de ${noun}; "na ${last}" betekent: niet binnen de horizon. ` +
      "De kans per jaar staat in de grafiek Kans op terugverdienen, in payback.csv en in results.xlsx (blad Terugverdienen).</p>",
    table(headers, rows, { numeric: [false, false, true, true, true] }),
  ];
}

function breakEvenTable(page: ReportPage): string {
  if (page.doc.breakeven.length === 0) return "";
  const several = page.doc.breakeven.some((r) => r.effects.length > 1);
  return [
    "<h3>Break-even</h3>",
    "<p>De break-even is één vermenigvuldiger k op alle effecten van de interventie samen: elk effect e wordt 1 + k × (e − 1) (k = 1: zoals aangenomen, k = 0: geen effect), en k is de waarde waarbij de interventie zich binnen de horizon terugverdient (cumulatief netto-effect nul). Per effect staat de waarde bij k ernaast. Een effect is een hazard ratio of relatief risico: 1 = geen effect." +
      (several ? " De laatste kolom beantwoordt een andere vraag: hoe groot één effect alleen moet zijn als de andere zoals aangenomen blijven." : "") + "</p>",
    analysisTable(page.doc, breakevenTable(page.doc.breakeven), ["scenario", "intervention", "effect", "assumed", "effect_multiplier", "at_break_even", ...(several ? ["break_even_alone"] : []), "net_effect_cumulative_assumed"]),
  ].join("\n");
}

function chartSection(page: ReportPage): string {
  return page.charts
    .map(({ chart, svg }) =>
      [`<figure id="grafiek-${esc(chart.name)}" class="chart" data-chart="${esc(chart.name)}">`, inlineSvg(svg, chart.name, chart.title), `<figcaption>${esc(chart.caption)}</figcaption>`, "</figure>"].join("\n"),
    )
    .join("\n");
}

function assumptions(page: ReportPage): string {
  const { doc } = page;
  const noteOf = new Map((page.scenarioFile?.stateNotes ?? []).map((n) => [n.name, n.note]));
  const states = table(
    ["Toestand", "Soort", "Bron en toelichting"],
    doc.model.states.map((s) => [
      esc(s.label),
      esc(KIND_LABELS[s.kind] ?? s.kind),
      (s.source ? esc(s.source) : '<span class="missing">geen bron opgegeven</span>') + (noteOf.get(s.name) ? `<div class="note">${esc(noteOf.get(s.name))}</div>` : ""),
    ]),
    { cls: "states" },
  );
  const labels = nameLabels(doc);
  const refs = doc.model.references.length
    ? "<h3>Referenties</h3>\n" +
      table(
        ["Reeks", "Scenario", "Jaren", "Bron"],
        doc.model.references.map((r) => {
          const ys = Object.keys(r.values).map(Number).sort((a, b) => a - b);
          return [esc(r.label), esc(r.scenario ? (labels.get(r.scenario) ?? r.scenario) : "alle"), ys.length ? `${ys[0]}–${ys[ys.length - 1]}` : "—", r.source ? esc(r.source) : '<span class="missing">geen bron opgegeven</span>'];
        }),
      )
    : "";
  const fromFile = page.scenarioFile
    ? `<p>Uit het scenariobestand <span class="code">${esc(page.scenarioFile.path)}</span> (SHA-256 gelijk aan die van deze run): elk onderdeel met een bron of toelichting.</p>`
    : `<p class="missing">Het scenariobestand <span class="code">${esc(doc.meta.file)}</span> is niet gevonden naast deze uitvoer; hieronder staan alleen de bronnen die results.json meedraagt. Geef het bestand mee met <span class="code">bijstandsim report ${esc(page.outDir)} --input &lt;scenariobestand&gt;</span> voor de volledige lijst.</p>`;
  const params = page.sources.length
    ? table(
        ["Onderdeel", "Waarde", "Bron en toelichting"],
        page.sources.map((r) => [
          `${esc(r.item)}<div class="code">${esc(r.path)}</div>`,
          esc(r.value),
          (r.source ? esc(r.source) : '<span class="missing">geen bron opgegeven</span>') + (r.note ? `<div class="note">${esc(r.note)}</div>` : ""),
        ]),
        { cls: "sources" },
      )
    : "<p>Geen bronnen gevonden.</p>";
  const fileNotes = page.scenarioFile?.notes ?? [];
  const notes = [
    fileNotes.length ? `<h3>Toelichting in het scenariobestand</h3>\n<ul>${fileNotes.map((n) => `<li>${esc(n)}</li>`).join("")}</ul>` : "",
    doc.model.notes.length ? `<h3>Opmerkingen bij deze run</h3>\n<ul>${doc.model.notes.map((n) => `<li>${esc(n)}</li>`).join("")}</ul>` : "",
  ].join("\n");
  const sensitivity = doc.sensitivity.length
    ? `<details><summary>Gevoeligheidsanalyse (alle scenario's)</summary>\n${analysisTable(doc, sensitivityTable(doc.sensitivity))}\n</details>`
    : "";
  return ["<h3>Toestanden</h3>", states, refs, "<h3>Parameters en hun bronnen</h3>", fromFile, params, notes, sensitivity].join("\n");
}

const shellWord = (s: string) => (/^[\w./,:=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/**
 * The command that reproduces the run, from the options recorded in results.json.
 *
 * @example
 * reproduceCommand({ file: "steenwijkerland.json", options: { scenarios: ["tweede-golf"], horizon_years: 4 } }, "out");
 * // "bijstandsim run steenwijkerland.json --scenario tweede-golf --horizon 4 --out out"
 */
export function reproduceCommand(meta: { file: string; options: Record<string, unknown> }, outDir: string): string {
  const o = meta.options;
  const parts = ["bijstandsim", "run", meta.file];
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  if (list(o.scenarios).length) parts.push("--scenario", list(o.scenarios).join(","));
  const variants = list(o.variants).filter((v) => v !== "baseline");
  if (variants.length) parts.push("--variant", variants.join(","));
  if (typeof o.horizon_years === "number") parts.push("--horizon", String(o.horizon_years));
  if (typeof o.mode === "string" && o.mode !== "cohort") parts.push("--mode", o.mode);
  for (const k of ["runs", "seed"]) if (typeof o[k] === "number" || typeof o[k] === "string") parts.push(`--${k}`, String(o[k]));
  if (o.population_noise === false) parts.push("--no-noise");
  parts.push("--out", outDir);
  return parts.map(shellWord).join(" ");
}

function reproduce(page: ReportPage): string {
  const { meta, model } = page.doc;
  const facts: [string, string][] = [
    ["Programma", `${meta.tool} ${meta.version}`],
    ...(meta.date ? ([["Datum van de run", meta.date]] as [string, string][]) : []),
    ["Scenariobestand", meta.file],
    ["SHA-256 van het bestand", meta.file_hash],
    ["Rekenwijze", `${String(meta.options.mode ?? "cohort")}, cyclus ${model.cycle === "month" ? "maand" : model.cycle === "year" ? "jaar" : model.cycle}, telling ${model.counting}`],
  ];
  if (meta.options.seed !== undefined) facts.push(["Seed", String(meta.options.seed)]);
  return [
    "<p>Met hetzelfde scenariobestand (zelfde SHA-256) en dezelfde versie van bijstandsim geven deze opdrachten dezelfde cijfers:</p>",
    `<pre><code>${esc(reproduceCommand({ ...meta, file: page.scenarioFile?.path ?? meta.file }, page.outDir).replace(/ (?=--)/g, " \\\n    "))}\nbijstandsim report ${esc(shellWord(page.outDir))}</code></pre>`,
    `<p class="hint">Controleer het bestand met <span class="code">sha256sum ${esc(shellWord(meta.file))}</span>.</p>`,
    table(["", ""], facts.map(([k, v]) => [esc(k), `<span class="code">${esc(v)}</span>`]), { cls: "facts" }),
    `<details><summary>Alle opties van de run</summary><pre><code>${esc(JSON.stringify(meta.options, null, 2))}</code></pre></details>`,
  ].join("\n");
}

/** The report's styles (the comparison page shares them). */
export const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f5f7; color: #1d1d1f; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
main { max-width: 880px; margin: 0 auto; padding: 24px 20px 48px; background: #fff; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 36px 0 10px; padding-top: 8px; border-top: 2px solid #e3e6ea; }
h3 { font-size: 16px; margin: 22px 0 8px; }
p.lead { font-size: 16px; color: #333; }
nav ol { margin: 8px 0 0; padding-left: 20px; columns: 2; }
a { color: #1f5fa6; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 18px; font-size: 13px; }
caption { text-align: left; font-weight: 600; padding: 4px 0 6px; font-size: 14px; }
.scroll { overflow-x: auto; }
th, td { padding: 4px 7px; border-bottom: 1px solid #e6e8eb; vertical-align: top; text-align: left; }
thead th { background: #f0f2f5; font-weight: 600; vertical-align: bottom; line-height: 1.25; }
th .unit { display: block; font-weight: 400; font-size: 11.5px; color: #555; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
.note { color: #555; font-style: italic; margin-top: 2px; }
tbody tr:nth-child(even) { background: #fafbfc; }
.neg { color: #a11d1d; }
.band { display: block; color: #666; font-size: 11.5px; }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 6px; vertical-align: -1px; }
.code, code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12.5px; }
td .code { color: #666; font-size: 11.5px; }
pre { background: #f4f5f7; padding: 10px 12px; overflow-x: auto; border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
.hint { color: #555; font-size: 13px; }
.missing { color: #8a5a00; }
figure.chart { margin: 18px 0 26px; padding: 10px 0 0; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 13px; color: #444; margin-top: 6px; }
table.sources td:nth-child(1) { width: 26%; }
table.sources td:nth-child(2) { width: 30%; font-size: 12.5px; color: #333; overflow-wrap: anywhere; }
table.states td:nth-child(1) { width: 26%; }
table.states td:nth-child(2) { width: 24%; }
table.facts td:first-child { width: 220px; color: #555; }
table.facts thead { display: none; }
details { margin: 10px 0; }
summary { cursor: pointer; color: #1f5fa6; }
footer { margin-top: 40px; color: #666; font-size: 12.5px; }
@media print { body { background: #fff; } main { max-width: none; } figure.chart, table { break-inside: avoid; } }
`;

/** The complete report page. */
export function reportHtml(page: ReportPage): string {
  const { doc } = page;
  const m = doc.model;
  const last = m.start_year + m.horizon_years - 1;
  const nScenarios = new Set(doc.scenarios.map((s) => s.name)).size;
  const variants = [...new Set(doc.scenarios.filter((s) => s.variant !== "baseline").map((s) => s.variantLabel))];
  const description = page.scenarioFile?.description;
  const hasInterventions = effectRows(doc).length > 0;
  const sections: [string, string][] = [
    ["samenvatting", "Samenvatting per scenario"],
    ["grafieken", "Grafieken"],
    ...(hasInterventions ? ([["interventies", "Interventies"]] as [string, string][]) : []),
    ["aannames", "Aannames en bronnen"],
    ["reproduceren", "Reproduceren"],
  ];
  const facts =
    `Prognose ${m.start_year}–${last} (${m.horizon_years} jaar), ${nScenarios} economische scenario${nScenarios === 1 ? "" : "'s"}` +
    (variants.length ? `, interventie${variants.length === 1 ? "" : "s"}: ${variants.map(esc).join(", ")}` : ", zonder interventies") +
    `. Cohortmodel per ${m.cycle === "year" ? "jaar" : "maand"}; bedragen in euro, volumes in ${esc(m.unit)}.`;
  return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${esc(doc.meta.tool)} ${esc(doc.meta.version)}">
<title>Bijstandsprognose ${esc(m.label)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<h1>Bijstandsprognose ${esc(m.label)}</h1>
${description ? `<p class="lead">${esc(description)}</p>` : ""}
<p>${facts}</p>
${page.explorer ? `<p class="lead">Zelf doorrekenen met andere aannames (een ander scenario, meer coaches, een kleiner effect)? Open de <a href="${esc(page.explorer)}">verkenner</a>: hetzelfde model in de browser, zonder internet.</p>\n` : ""}<nav aria-label="Inhoud"><strong>Inhoud</strong><ol>${sections.map(([id, title]) => `<li><a href="#${id}">${esc(title)}</a></li>`).join("")}</ol></nav>
</header>
<section id="samenvatting">
<h2>Samenvatting per scenario</h2>
<p>Per jaar, zonder interventie: bijstandsvolume aan het eind van het jaar, instroom en uitstroom in personen; uitgaven, BUIG-budget en BUIG-resultaat (budget min uitgaven; negatief = tekort) in euro.</p>
${summaryTables(doc)}
${referenceTable(doc)}
</section>
<section id="grafieken">
<h2>Grafieken</h2>
${chartSection(page)}
</section>
${interventionSection(page)}
<section id="aannames">
<h2>Aannames en bronnen</h2>
${assumptions(page)}
</section>
<section id="reproduceren">
<h2>Reproduceren</h2>
${reproduce(page)}
</section>
<footer>Gemaakt met ${esc(doc.meta.tool)} ${esc(doc.meta.version)}. Dit rapport is één bestand: grafieken en opmaak staan erin, het heeft geen internetverbinding nodig. De cijfers staan ook in results.xlsx en in de CSV-bestanden naast dit rapport.</footer>
</main>
</body>
</html>
`;
}
