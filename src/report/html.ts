/**
 * report.html: one self-contained page per run (Dutch; English with --lang en), for a
 * council room laptop that may be offline. Charts are inline SVG (rendered in advance),
 * styles are inline, and there is no script and no reference to anything outside the
 * file. Pure: data in, text out. Words from src/locale/messages-report.ts, numbers from
 * src/locale/format.ts (the terminal's and the workbook's rounding).
 */
import { formatChance, formatDecimal, formatEuro, formatNumber, formatPercent, formatPersons, formatPersons1, shownSum } from "../locale/format.js";
import { lang } from "../locale/lang.js";
import { REPORT } from "../locale/messages-report.js";
import { baselineBlocks, breakEvenYears, compensated, countWord, effectRows, metricOf, netAsShown, runsNoun, scenarioColourScale, type Chart } from "./charts.js";
import { aloneLabel, columnHeader, kindLabel, metricLabel, parameterLabel, paybackIntervalLabel, paybackYearLabel } from "./labels.js";
import { inlineSvg } from "./render.js";
import type { RunView } from "./results.js";
import type { SourceRow } from "./sources.js";
import { breakevenTable, sensitivityTable, type Table } from "./tables.js";
import { shellWord } from "./shell.js";

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

/**
 * One table per scenario, the terminal's columns: volume, inflow, outflow to work and
 * other outflow, expenditure, budget, and the BUIG result before and after the vangnet
 * (always both, so every scenario's table has the same columns).
 */
function summaryTables(doc: RunView): string {
  const colour = colourOf(doc);
  const band = doc.scenarios.some((s) => s.years.some((y) => y.metrics.volume_end_p05 !== undefined));
  const persons = REPORT.units.personen;
  const euro = REPORT.units.euro;
  // the metrics' own labels (outcomes/metrics.ts), as every other table names them
  const metric = (key: string, unit: string) => head(metricLabel(key)!, unit);
  const headers = [head(REPORT.year), metric("volume_end", REPORT.units[doc.model.unit] ?? doc.model.unit), metric("inflow", persons), metric("outflow_work", persons), metric("outflow_other", persons),
    metric("expenditure", euro), metric("budget", euro), metric("buig_result", euro), head(REPORT.afterVangnet, euro)];
  const plain = (m: Record<string, number>, key: string, format: (v: number) => string) => (metricOf(m, key) === undefined ? "—" : format(metricOf(m, key)!));
  return baselineBlocks(doc)
    .map((s) => {
      const rows = s.years.map((y) => {
        const m = y.metrics;
        const cells = [
          String(y.year),
          withBand(m, "volume_end", formatPersons),
          withBand(m, "inflow", formatPersons),
          plain(m, "outflow_work", formatPersons),
          plain(m, "outflow_other", formatPersons),
          withBand(m, "expenditure", formatEuro),
          plain(m, "budget", formatEuro),
          withBand(m, "buig_result", formatEuro),
          withBand(m, "buig_result_after_vangnet", formatEuro),
        ];
        const negative = [(metricOf(m, "buig_result") ?? 0) < 0, (metricOf(m, "buig_result_after_vangnet") ?? 0) < 0];
        return cells.map((c, i) => (i >= 7 && negative[i - 7] ? `<span class="neg">${c}</span>` : c));
      });
      const caption = `${swatch(colour(s.label))}${esc(s.label)} <span class="code">(${esc(s.name)})</span>`;
      return table(headers, rows, { numeric: headers.map((_, i) => i > 0), caption, cls: "summary" });
    })
    .join("\n") + (band ? `<p class="hint">${REPORT.bandHint}${doc.meta.options.drawn_parameters === 0 ? REPORT.bandPopulationOnly : ""}</p>` : "");
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
    `<h3>${REPORT.referenceTitle}</h3>`,
    `<p>${REPORT.referenceIntro(countWord(doc))}</p>`,
    table([head(REPORT.reference), ...cols.map((y) => head(String(y), REPORT.refModel))], rows, { numeric: [false, ...cols.map(() => true)] }),
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
  const compensatedIn: string[] = [];
  const signed = (v: number) => (v < 0 ? `<span class="neg">${formatEuro(v)}</span>` : formatEuro(v));
  const netBand = (m: Record<string, number> | undefined) => {
    const [lo, hi] = [m?.net_effect_cumulative_p05, m?.net_effect_cumulative_p95];
    return lo === undefined || hi === undefined ? "" : ` <span class="band">(${formatPersons(lo)} – ${formatPersons(hi)})</span>`;
  };
  const tables = variants.map((v) => {
    const scenarios = [...new Set(rows.filter((r) => r.variant === v).map((r) => r.scenario))];
    // Where the vangnet compensates part of a deficit (with or without the intervention), what the municipality keeps of the saving gets two columns.
    const vangnet = scenarios.filter((sc) => compensated(doc.scenarios.filter((s) => s.label === sc && (s.variant === "baseline" || s.variantLabel === v))));
    if (vangnet.length) compensatedIn.push(...vangnet.filter((sc) => !compensatedIn.includes(sc)));
    const body = scenarios.map((sc) => {
      const series = rows.filter((r) => r.variant === v && r.scenario === sc).sort((a, b) => a.year - b.year);
      const last = series[series.length - 1];
      const block = doc.scenarios.find((s) => s.label === sc && s.variantLabel === v);
      const yearly = (key: "intervention_participants" | "intervention_starts") => block?.years.map((y) => y.metrics[key]).filter((x): x is number => x !== undefined) ?? [];
      const participants = yearly("intervention_participants");
      // Prevention has no participants in a traject: the persons it reaches per year instead.
      const reached = Math.max(0, ...yearly("intervention_starts"));
      const inTraject = participants.length ? Math.max(...participants) : undefined;
      const sum = (f: (r: (typeof series)[number]) => number) => shownSum(series.map(f), "euro"); // the years as shown add up to it
      const paid = even.find((e) => e.variant === v && e.scenario === sc);
      const [cost, kept] = [sum((r) => r.cost), sum((r) => r.kept)];
      return [
        `${swatch(colour(sc))}${esc(sc)}`,
        inTraject === undefined ? "—" : inTraject === 0 && reached > 0 ? REPORT.reached(formatPersons(reached)) : formatPersons(inTraject),
        formatPersons1(last.volume),
        formatEuro(cost),
        formatEuro(sum((r) => r.buig_effect)),
        // effectRows' running total of the net effects as shown: the effect minus the cost beside it; after many runs its 90% interval
        signed(last.cumulative) + netBand(block?.years.find((y) => y.year === last.year)?.metrics),
        ...(vangnet.length ? [formatEuro(kept), signed(kept - cost)] : []),
        paid ? String(paid.year) : REPORT.notPaidBack,
      ];
    });
    const euro = REPORT.units.euro;
    const headers = [
      head(REPORT.scenario), head(REPORT.participants, REPORT.maxPerYear), head(REPORT.volumeDiff, REPORT.personsEnd(countWord(doc), Math.max(...ys))), head(REPORT.cost, euro), head(REPORT.buigEffect, euro), head(REPORT.netEffect, REPORT.cumulativeUnit),
      ...(vangnet.length ? [head(REPORT.buigEffectAfterVangnet, euro), head(REPORT.netEffectAfterVangnet, REPORT.cumulativeUnit)] : []),
      head(REPORT.paidBackIn, REPORT.yearUnit),
    ];
    return table(headers, body, { numeric: headers.map((_, i) => i > 0 && i < headers.length - 1), caption: REPORT.interventionTotal(esc(v), period) });
  });
  return [
    '<section id="interventies">',
    `<h2>${REPORT.sectionInterventions}</h2>`,
    `<p>${REPORT.interventionsIntro}</p>`,
    ...tables,
    ...(compensatedIn.length ? [`<p class="note">${REPORT.vangnetTakesPart(compensatedIn.map(esc))}</p>`] : []),
    ...paybackTable(doc),
    breakEvenTable(page),
    "</section>",
  ].join("\n");
}

/** A line when projected years lie before the day of the run (the shipped corona-era files: 2020–2023 run in 2026), in bold when all do. */
function pastYears(first: number, last: number, date: string | undefined): string {
  const runYear = Number(date?.slice(0, 4));
  if (!(runYear > first)) return "";
  const lastPast = Math.min(last, runYear - 1);
  return REPORT.factsPast(lastPast === first ? String(first) : `${first}–${lastPast}`, date!, lastPast === last);
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
      if (h === "parameter" || h === "effect") return esc(parameterLabel(v));
      if (h === "break_even_alone") {
        const words = aloneLabel({ assumed: Number(o.assumed), alone: v === "" ? null : Number(v) });
        if (words) return esc(words);
      }
      if (!numeric[i] || v === "") return esc(v === "" ? "—" : v);
      const n = numberOrNull(v)!;
      if (/net_effect|cost|kosten|euro/.test(h)) return formatEuro(n);
      // Effects and multipliers with three decimals, as the terminal shows them.
      return ["assumed", "effect_multiplier", "at_break_even", "break_even_alone"].includes(h) ? formatDecimal(n, 3) : formatNumber(n);
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
  // Where the vangnet takes part of the saving in some draw: the chance with what the municipality keeps, beside it.
  const vangnet = doc.payback.some((p) => p.afterVangnet);
  const rows = doc.payback.map((p) => {
    const scenario = labels.get(p.scenario) ?? p.scenario;
    return [esc(labels.get(p.intervention) ?? p.intervention), `${swatch(colour(scenario))}${esc(scenario)}`, formatChance(p.paidBack),
      ...(vangnet ? [formatChance((p.afterVangnet ?? p).paidBack)] : []),
      esc(paybackYearLabel(p.paybackYear.median, last)), esc(paybackIntervalLabel(p.paybackYear.p05, p.paybackYear.p95, last))];
  });
  const headers = [head(REPORT.intervention), head(REPORT.scenario), head(REPORT.chancePaidBack, REPORT.withinHorizon(last)),
    ...(vangnet ? [head(REPORT.chanceAfterVangnet, REPORT.withinHorizon(last))] : []), head(REPORT.paybackYear, REPORT.median), head(REPORT.paybackYear, REPORT.interval90)];
  return [
    `<h3>${REPORT.paybackTitle}</h3>`,
    `<p>${REPORT.paybackIntro(doc.payback[0].runs, noun, last)}${vangnet ? ` ${REPORT.paybackAfterVangnet}` : ""}</p>`,
    table(headers, rows, { numeric: headers.map((_, i) => i >= 2) }),
  ];
}

function breakEvenTable(page: ReportPage): string {
  if (page.doc.breakeven.length === 0) return "";
  const several = page.doc.breakeven.some((r) => r.effects.length > 1);
  return [
    `<h3>${REPORT.breakEvenTitle}</h3>`,
    `<p>${REPORT.breakEvenIntro}${several ? REPORT.breakEvenSeveral : ""}</p>`,
    analysisTable(page.doc, breakevenTable(page.doc.breakeven, netAsShown(page.doc)), ["scenario", "intervention", "effect", "assumed", "effect_multiplier", "at_break_even", ...(several ? ["break_even_alone"] : []), "net_effect_cumulative_assumed"]),
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
  const missing = `<span class="missing">${REPORT.noSource}</span>`;
  const states = table(
    [REPORT.state, REPORT.kind, REPORT.sourceAndNote],
    doc.model.states.map((s) => [
      esc(s.label),
      esc(kindLabel(s.kind)),
      // a state without a source but with a note (one init made: no numbers of its own) is described, not missing one
      (s.source ? esc(s.source) : noteOf.get(s.name) ? "" : missing) + (noteOf.get(s.name) ? `<div class="note">${esc(noteOf.get(s.name))}</div>` : ""),
    ]),
    { cls: "states" },
  );
  const labels = nameLabels(doc);
  const refs = doc.model.references.length
    ? `<h3>${REPORT.referencesTitle}</h3>\n` +
      table(
        [REPORT.series, REPORT.scenario, REPORT.years, REPORT.source],
        doc.model.references.map((r) => {
          const ys = Object.keys(r.values).map(Number).sort((a, b) => a - b);
          return [esc(r.label), esc(r.scenario ? (labels.get(r.scenario) ?? r.scenario) : REPORT.all), ys.length ? `${ys[0]}–${ys[ys.length - 1]}` : "—", r.source ? esc(r.source) : missing];
        }),
      )
    : "";
  const fromFile = page.scenarioFile
    ? `<p>${REPORT.fromFile(esc(page.scenarioFile.path))}</p>`
    : `<p class="missing">${REPORT.fileMissing(esc(doc.meta.file), `bin/bijstandsim report ${esc(page.outDir)} --input &lt;${REPORT.scenarioFileWord}&gt;`)}</p>`;
  const params = page.sources.length
    ? table(
        [REPORT.part, REPORT.value, REPORT.sourceAndNote],
        page.sources.map((r) => [
          `${esc(r.item)}<div class="code">${esc(r.path)}</div>`,
          esc(r.value),
          (r.source ? esc(r.source) : missing) + (r.note ? `<div class="note">${esc(r.note)}</div>` : ""),
        ]),
        { cls: "sources" },
      )
    : `<p>${REPORT.noSources}</p>`;
  const fileNotes = page.scenarioFile?.notes ?? [];
  const notes = [
    fileNotes.length ? `<h3>${REPORT.fileNotes}</h3>\n<ul>${fileNotes.map((n) => `<li>${esc(n)}</li>`).join("")}</ul>` : "",
    doc.model.notes.length ? `<h3>${REPORT.runNotes}</h3>\n<ul>${doc.model.notes.map((n) => `<li>${esc(n)}</li>`).join("")}</ul>` : "",
  ].join("\n");
  const sensitivity = doc.sensitivity.length
    ? `<details><summary>${REPORT.sensitivityAll}</summary>\n${analysisTable(doc, sensitivityTable(doc.sensitivity, netAsShown(doc)))}\n</details>`
    : "";
  return [`<h3>${REPORT.statesTitle}</h3>`, states, refs, `<h3>${REPORT.parametersTitle}</h3>`, fromFile, params, notes, sensitivity].join("\n");
}

/**
 * The command that reproduces the run, from the options recorded in results.json.
 *
 * @example
 * reproduceCommand({ file: "steenwijkerland.json", options: { scenarios: ["tweede-golf"], horizon_years: 4 } }, "out");
 * // "bin/bijstandsim run steenwijkerland.json --scenario tweede-golf --horizon 4 --out out"
 */
export function reproduceCommand(meta: { file: string; options: Record<string, unknown> }, outDir: string | undefined): string {
  const o = meta.options;
  const parts = [...bijstandsim(), "run", meta.file];
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  if (list(o.scenarios).length) parts.push("--scenario", list(o.scenarios).join(","));
  const variants = list(o.variants).filter((v) => v !== "baseline");
  if (variants.length) parts.push("--variant", variants.join(","));
  if (typeof o.horizon_years === "number") parts.push("--horizon", String(o.horizon_years));
  if (typeof o.mode === "string" && o.mode !== "cohort") parts.push("--mode", o.mode);
  for (const k of ["runs", "seed"]) if (typeof o[k] === "number" || typeof o[k] === "string") parts.push(`--${k}`, String(o[k]));
  if (o.population_noise === false) parts.push("--no-noise");
  if (typeof o.persons_scale === "number" && o.persons_scale !== 1) parts.push("--persons-scale", String(o.persons_scale));
  if (o.draws === true) parts.push("--draws");
  if (outDir !== undefined) parts.push("--out", outDir);
  return parts.map(shellWord).join(" ");
}

/** The program as the README runs it, with `--lang en` when the report is English (so the commands give this report again). */
const bijstandsim = (): string[] => ["bin/bijstandsim", ...(lang() === "en" ? ["--lang", "en"] : [])];

function reproduce(page: ReportPage): string {
  const { meta, model } = page.doc;
  const file = page.scenarioFile?.path ?? meta.file;
  // A run kept in its file's folder of runs (output/<stem>/<mode>-<date>-<time>): the command makes a new one next to it
  // (a --out of its own folder would replace it, and kept runs are never changed); `report output/<stem>` reports the newest.
  const [, runsFolder, runName] = /^(.*)[\\/]([^\\/]+)[\\/]?$/.exec(page.outDir) ?? [];
  const kept = runName !== undefined && /^(cohort|psa|microsim)-\d{8}-\d{6}(-\d+)?$/.test(runName);
  const mode = String(meta.options.mode ?? "cohort");
  const facts: [string, string][] = [
    [REPORT.program, `${meta.tool} ${meta.version}`],
    ...(meta.date ? ([[REPORT.runDate, meta.date]] as [string, string][]) : []),
    [REPORT.scenarioFile, meta.file],
    [REPORT.fileHash, meta.file_hash],
    [REPORT.method, REPORT.methodValue(REPORT.modes[mode] ?? mode, REPORT.cycles[model.cycle] ?? model.cycle, model.counting)],
  ];
  if (meta.options.seed !== undefined) facts.push([REPORT.seed, String(meta.options.seed)]);
  return [
    `<p>${REPORT.reproduceIntro}</p>`,
    `<pre><code>${esc(reproduceCommand({ ...meta, file }, kept ? undefined : page.outDir).replace(/ (?=--(?!lang))/g, " \\\n    "))}\n${esc([...bijstandsim(), "report", kept ? runsFolder : page.outDir].map(shellWord).join(" "))}</code></pre>`,
    `<p class="hint">${REPORT.checkHash(esc(shellWord(file)))}</p>`,
    table(["", ""], facts.map(([k, v]) => [esc(k), `<span class="code">${esc(v)}</span>`]), { cls: "facts" }),
    `<details><summary>${REPORT.allOptions}</summary><pre><code>${esc(JSON.stringify(meta.options, null, 2))}</code></pre></details>`,
  ].join("\n");
}

/**
 * A self-contained page's first lines, up to and including </head>: language,
 * generator, title and style (the generator and title are escaped here; `meta`, extra
 * head lines, and the style go in as they are). The report, the comparison and the
 * what-if page share it.
 */
export function pageHead(head: { lang: string; generator: string; title: string; style: string; meta?: string }): string {
  return `<!DOCTYPE html>
<html lang="${head.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${esc(head.generator)}">
${head.meta ?? ""}<title>${esc(head.title)}</title>
<style>${head.style}</style>
</head>`;
}

/** The report's styles (the comparison page shares them). */
export const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f5f7; color: #1d1d1f; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
main { max-width: 1160px; margin: 0 auto; padding: 24px 20px 48px; background: #fff; }
/* Running text keeps a readable line length; tables (nine columns with intervals after a PSA) and charts use the full width, so at 1280 px nothing is cut off. */
main > header > *, section > p, section > h2, section > h3, section > ul, section > details, figcaption, footer { max-width: 880px; }
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
dl.begrippen dt { font-weight: 600; margin-top: 8px; }
dl.begrippen dd { margin: 2px 0 0 0; color: #333; }
summary { cursor: pointer; color: #1f5fa6; }
footer { margin-top: 40px; color: #666; font-size: 12.5px; }
@media print { body { background: #fff; } main { max-width: none; } figure.chart, table { break-inside: avoid; } }
`;

/**
 * The report's terms in plain words, for a reader who does not work with them daily (a
 * council member): those the report uses. `draws`: the kind of runs behind its intervals, if any.
 */
function glossary(interventions: boolean, draws: "psa" | "microsim" | undefined): string {
  const shown = REPORT.glossary.filter(([, , when]) => when === "altijd" || (when === "interventies" && interventions) || when === draws);
  return `<dl class="begrippen">${shown.map(([term, meaning]) => `<dt>${esc(term)}</dt><dd>${esc(meaning)}</dd>`).join("")}</dl>`;
}

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
    ["samenvatting", REPORT.sectionSummary],
    ["grafieken", REPORT.sectionCharts],
    ...(hasInterventions ? ([["interventies", REPORT.sectionInterventions]] as [string, string][]) : []),
    ["begrippen", REPORT.sectionGlossary],
    ["aannames", REPORT.sectionAssumptions],
    ["reproduceren", REPORT.sectionReproduce],
  ];
  const facts =
    REPORT.facts(m.start_year, last, m.horizon_years, nScenarios) +
    (variants.length ? REPORT.factsInterventions(variants.length, variants.map(esc).join(", ")) : REPORT.factsNoInterventions) +
    REPORT.factsModel(doc.meta.options.mode === "microsim", m.cycle !== "year", esc(m.unit)) +
    (doc.meta.options.mode === "psa" ? REPORT.factsPsa(Number(doc.meta.options.runs), doc.meta.options.population_noise !== false, doc.meta.options.drawn_parameters) : "") +
    (doc.meta.options.mode === "microsim" ? REPORT.factsMicrosim(Number(doc.meta.options.runs ?? 1), Number(doc.meta.options.persons_scale ?? 1)) : "") +
    pastYears(m.start_year, last, doc.meta.date);
  const title = esc(REPORT.title(m.label));
  return `${pageHead({ lang: REPORT.htmlLang, generator: `${doc.meta.tool} ${doc.meta.version}`, title: REPORT.title(m.label), style: STYLE })}
<body>
<main>
<header>
<h1>${title}</h1>
${description ? `<p class="lead">${esc(description)}</p>` : ""}
<p>${facts}</p>
${page.explorer ? `<p class="lead">${REPORT.explorer(esc(page.explorer), doc.model.interventions.length > 0)}</p>\n` : ""}<nav aria-label="${REPORT.contents}"><strong>${REPORT.contents}</strong><ol>${sections.map(([id, title]) => `<li><a href="#${id}">${esc(title)}</a></li>`).join("")}</ol></nav>
</header>
<section id="samenvatting">
<h2>${REPORT.sectionSummary}</h2>
<p>${REPORT.summaryIntro}</p>
${summaryTables(doc)}
${referenceTable(doc)}
</section>
<section id="grafieken">
<h2>${REPORT.sectionCharts}</h2>
${chartSection(page)}
</section>
${interventionSection(page)}
<section id="begrippen">
<h2>${REPORT.sectionGlossary}</h2>
${glossary(hasInterventions, doc.scenarios.some((s) => s.years.some((y) => y.metrics.volume_end_p05 !== undefined)) ? (doc.meta.options.mode === "microsim" ? "microsim" : "psa") : undefined)}
</section>
<section id="aannames">
<h2>${REPORT.sectionAssumptions}</h2>
${assumptions(page)}
</section>
<section id="reproduceren">
<h2>${REPORT.sectionReproduce}</h2>
${reproduce(page)}
</section>
<footer>${REPORT.footer(`${esc(doc.meta.tool)} ${esc(doc.meta.version)}`)}</footer>
</main>
</body>
</html>
`;
}
