/**
 * The report: Vega-Lite specs and their SVGs, report.html, results.xlsx, and the
 * `report` command's errors, on the three run folders of report-fixtures.ts (a real run,
 * a baseline-only results.json, a hand-edited one with an intervention and bands).
 * The browser check of report.html is in report.browser.test.ts.
 *
 * And `bijstandsim compare` (src/compare/), here because it draws with the same vega
 * and exceljs: what runs share and how runs that share nothing are refused, on the golden
 * results.json files; the command end to end on the fixture folders (its refusals on
 * the command line are in cli.test.ts).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { defaultCompareOut } from "../src/cli/compare-command.js";
import { spawnSync } from "node:child_process";
import { Ajv } from "ajv";
import { Command } from "commander";
import ExcelJS from "exceljs";
import * as vl from "vega-lite";
import { beforeAll, describe, expect, it } from "vitest";
import { registerReport } from "../src/cli/report-command.js";
import { compareRuns, parseRun, type RunSource } from "../src/compare/compare.js";
import { blockRows, compareTable, compareText, formatCell } from "../src/compare/tables.js";
import { compareHtml } from "../src/compare/html.js";
import { compareSheets } from "../src/compare/xlsx.js";
import type { GridSheet } from "../src/report/workbook.js";
import { formatEuro, formatPersons, shownNet, shownValue } from "../src/locale/format.js";
import { InputError } from "../src/model/errors.js";
import { thrownInputError } from "./helpers.js";
import { breakEvenYears, buigResultChart, buildCharts, effectRows, SCENARIO_COLOURS, wrapLabel, type VlSpec } from "../src/report/charts.js";
import { reportHtml, reproduceCommand } from "../src/report/html.js";
import { aloneLabel, metricHeader, parameterLabel, splitStat } from "../src/report/labels.js";
import { begrotingSheet } from "../src/report/begroting.js";
import { euroAxis } from "../src/report/locale.js";
import { inlineSvg, renderSvg } from "../src/report/render.js";
import { ownResults, parseResults as parseDoc } from "../src/outcomes/results.js";
import { viewOf } from "../src/report/results.js";
import { collectSources } from "../src/report/sources.js";
import { arialWidth, vegaTextWidth } from "../src/report/text-width.js";
import { writeFilesAtomically } from "../src/report/write.js";
import { writeReport } from "../src/report/write-report.js";
import { yearlyWide } from "../src/report/xlsx.js";
import { cli } from "./cli-harness.js";
import { dutchCell, parseCsv } from "./csv.js";
import { makeFixtures, tmp } from "./report-fixtures.js";

const parseResults = (text: string, file: string) => viewOf(parseDoc(text, file));

const read = (...p: string[]) => readFileSync(join(...p), "utf8");
const ALL_CHARTS = ["volume", "samenstelling", "overgangen", "buig-resultaat", "interventie-effect", "terugverdienkans", "netto-effect-band", "tornado"];

/** Fixture folders, each with the paths writeReport returned. */
const fx = {} as Record<"real" | "baseline" | "variants", { dir: string; written: string[] }>;

beforeAll(async () => {
  const dirs = await makeFixtures();
  for (const key of ["real", "baseline", "variants"] as const) fx[key] = { dir: dirs[key], written: await writeReport(dirs[key]) };
}, 60_000);

const specOf = (dir: string, name: string): VlSpec => JSON.parse(read(dir, "charts", `${name}.vl.json`));
const chartsIn = (dir: string) => readdirSync(join(dir, "charts")).filter((f) => f.endsWith(".vl.json")).map((f) => f.replace(/\.vl\.json$/, "")).sort();

/** Marks with geometry in a vega SVG: paths with a `d`, inside a mark group other than axes and legends. */
function dataMarks(svg: string): number {
  const groups = svg.match(/<g class="mark-(?:line|area|rect|symbol|rule|text)[^"]*role-mark[^"]*"[^>]*>[\s\S]*?<\/g>/g) ?? [];
  return groups.reduce((n, g) => n + (g.match(/<path[^>]* d="M[^"]+"|<text[^>]*>[^<]+</g) ?? []).length, 0);
}

describe("results.json read back", () => {
  it("gives run --report, which skips the check of its own results, what the checked read gives (every mode)", () => {
    const runs = readdirSync("test/golden").filter((name) => existsSync(join("test/golden", name, "results.json")));
    expect(runs.length).toBeGreaterThanOrEqual(12);
    for (const name of runs) {
      const text = read("test/golden", name, "results.json");
      expect(ownResults(text), name).toEqual(parseDoc(text, "results.json"));
    }
  });
});

describe("charts", () => {
  it("writes the charts the results support, and only those", () => {
    expect(chartsIn(fx.variants.dir)).toEqual([...ALL_CHARTS].sort());
    expect(chartsIn(fx.baseline.dir)).toEqual(["buig-resultaat", "overgangen", "samenstelling", "volume"]);
    for (const f of Object.values(fx)) {
      for (const name of chartsIn(f.dir)) expect(existsSync(join(f.dir, "charts", `${name}.svg`))).toBe(true);
    }
  });

  it("every spec is valid against the Vega-Lite schema and compiles without warnings", () => {
    const schema = JSON.parse(readFileSync("node_modules/vega-lite/build/vega-lite-schema.json", "utf8"));
    const ajv = new Ajv({ strict: false, allowUnionTypes: true, validateFormats: false, validateSchema: false, code: { optimize: false }, logger: false });
    const validate = ajv.compile(schema);
    for (const f of Object.values(fx)) {
      for (const name of chartsIn(f.dir)) {
        const spec = specOf(f.dir, name);
        expect(validate(spec), `${name}: ${JSON.stringify(validate.errors?.slice(0, 2))}`).toBe(true);
        const warnings: string[] = [];
        const logger = { level: () => logger, warn: (...a: unknown[]) => (warnings.push(a.join(" ")), logger), info: () => logger, debug: () => logger, error: (...a: unknown[]) => (warnings.push(a.join(" ")), logger) };
        const compiled = vl.compile(spec as never, { logger: logger as never });
        expect(compiled.spec.marks?.length ?? 0, name).toBeGreaterThan(0);
        expect(warnings, name).toEqual([]);
      }
    }
  });

  it("every SVG has data marks, and rendering raises no vega warnings", async () => {
    for (const f of Object.values(fx)) {
      for (const name of chartsIn(f.dir)) {
        const svg = read(f.dir, "charts", `${name}.svg`);
        expect(svg.startsWith("<svg"), name).toBe(true);
        expect(dataMarks(svg), `${f.dir} ${name}`).toBeGreaterThan(3);
      }
    }
    for (const name of ALL_CHARTS) {
      const { warnings } = await renderSvg(specOf(fx.variants.dir, name));
      expect(warnings, name).toEqual([]);
    }
  });

  it("draws the p5-p95 band, reference points and break-even only when the results hold them", () => {
    const layers = (spec: VlSpec) => spec.layer as { mark: { type: string }; encoding: Record<string, { field?: string }> }[];
    const banded = layers(specOf(fx.variants.dir, "volume"));
    expect(banded.some((l) => l.mark.type === "area" && l.encoding.y.field === "p05")).toBe(true);
    const plain = layers(specOf(fx.baseline.dir, "volume"));
    expect(plain.some((l) => l.mark.type === "area")).toBe(false);
    // Berenschot points: a point layer with a legend entry (shape) in both
    for (const l of [banded, plain]) expect(l.some((x) => x.mark.type === "point" && x.encoding.shape?.field === "series")).toBe(true);
    const doc = parseResults(read(fx.variants.dir, "results.json"), "results.json");
    const even = breakEvenYears(effectRows(doc));
    expect(even.map((e) => e.year)).toEqual(new Array(5).fill(doc.model.start_year + 1));
    expect(read(fx.variants.dir, "charts", "interventie-effect.vl.json")).toContain("break-even");
    expect(read(fx.variants.dir, "charts", "tornado.svg")).toMatch(/uitstroom naar werk \(intensiteitsfactor\) \(0,95 – 1,4\)/);
  });

  it("dates payback as the PSA does: from the year the cumulative net effect stays above zero, once it has cost something", () => {
    const row = (variant: string, year: number, cumulative: number, cost: number) =>
      ({ scenario: "s", variant, year, volume: 0, buig_effect: 0, kept: 0, cost: 0, net: 0, cumulative, cumulative_cost: cost });
    const rows = [
      row("dips", 2024, 10, 5), row("dips", 2025, -1, 5), row("dips", 2026, 3, 5), row("dips", 2027, 8, 5),
      row("free", 2024, 0, 0), row("free", 2025, 4, 2), row("free", 2026, 6, 2),
      row("never", 2024, -5, 5), row("never", 2025, 0.004, 5),
    ];
    expect(breakEvenYears(rows).map((e) => [e.variant, e.year])).toEqual([["free", 2025], ["dips", 2026]]);
  });

  it("draws the chance of payback on 0-100% and the net effect's interval only after many runs", () => {
    // a deterministic run has neither the payback rows nor the cumulative net effect's percentiles
    expect(chartsIn(fx.real.dir)).not.toContain("terugverdienkans");
    expect(chartsIn(fx.real.dir)).not.toContain("netto-effect-band");
    const chance = specOf(fx.variants.dir, "terugverdienkans") as { data: { values: { probability: number; year: number }[] }; spec: { encoding: { y: { scale: { domain: number[] }; axis: { format: string } } } } };
    expect(chance.spec.encoding.y.scale.domain).toEqual([0, 1]);
    expect(chance.spec.encoding.y.axis.format).toBe(".0%");
    expect(chance.data.values).toHaveLength(5 * 4);
    expect(chance.data.values.find((v) => v.year === 2021)?.probability).toBe(0.3);
    const svg = read(fx.variants.dir, "charts", "terugverdienkans.svg");
    for (const tick of [">0%<", ">50%<", ">100%<"]) expect(svg).toContain(tick);
    const band = read(fx.variants.dir, "charts", "netto-effect-band.vl.json");
    expect(band).toContain('"p05"');
    expect(band).toContain('"p95"');
    expect(band).toContain("Testinterventie");
  });

  it("gives each scenario one colour in every chart", () => {
    const scales = new Set<string>();
    const visit = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(visit);
      else if (v && typeof v === "object") {
        const o = v as Record<string, unknown>;
        if (o.field === "scenario" && o.scale) scales.add(JSON.stringify(o.scale));
        Object.values(o).forEach(visit);
      }
    };
    for (const name of ["volume", "buig-resultaat", "interventie-effect", "terugverdienkans", "netto-effect-band"]) visit(specOf(fx.variants.dir, name));
    expect(scales.size).toBe(1);
    const scale = JSON.parse([...scales][0]);
    expect(scale.domain).toEqual(["Basisraming / matig herstel", "Volledig herstel", "Zwak herstel", "Tweede golf", "CEP 2020 (vóór corona)"]);
    expect(scale.range).toEqual(SCENARIO_COLOURS.slice(0, 5));
    // and the same colour reaches the SVG: Tweede golf is the fourth colour
    expect(read(fx.real.dir, "charts", "volume.svg")).toContain(`stroke="${SCENARIO_COLOURS[3]}"`);
  });

  it("uses Dutch number formats and titles that state the unit", () => {
    const volume = read(fx.real.dir, "charts", "volume.svg");
    expect(volume).toMatch(/>1\.000</);
    expect(volume).not.toMatch(/>1,000</);
    expect(volume).toContain("(personen, eind van het jaar)");
    const buig = read(fx.real.dir, "charts", "buig-resultaat.svg");
    expect(buig).toMatch(/€\u00a0−?\d+(,\d+)?\u00a0mln/);
    expect(buig).toContain("(euro; positief = overschot, negatief = tekort)");
    expect(euroAxis(12_900_000).labelExpr).toContain("mln");
    expect(euroAxis(400_000)).toEqual({ labelExpr: "'€\u00a0' + format(datum.value, ',.0f')" });
    // the sign after the euro sign, in every chart, as in the tables: € −200.000, never −€ 200.000
    for (const dir of [fx.real.dir, fx.variants.dir]) {
      for (const f of readdirSync(join(dir, "charts")).filter((n) => n.endsWith(".svg"))) expect(read(dir, "charts", f), f).not.toMatch(/−€/);
    }
    // the unit: persons, euros, or a percentage (the chance of payback)
    for (const c of buildCharts(parseResults(read(fx.variants.dir, "results.json"), "r"))) expect(JSON.stringify(c.spec.title)).toMatch(/personen|euro|\(% van/);
  });
});

describe("report.html", () => {
  it("is self-contained: no external URL, no script or stylesheet link, every chart inline", () => {
    for (const f of Object.values(fx)) {
      const html = read(f.dir, "report.html");
      // Nothing is fetched: no script, stylesheet, frame, image or import, no http(s) in any attribute or CSS.
      expect(html).not.toMatch(/<script|<link|<iframe|<img|<object|<embed|@import|\ssrc=/i);
      expect(html).not.toMatch(/\s[\w:-]+\s*=\s*["']?\s*(https?:|\/\/)/i);
      expect(html).not.toMatch(/url\(\s*["']?\s*(https?:|\/\/)/i);
      // The charts carry no URL at all, not even the SVG namespace (inline SVG needs none). A URL could
      // appear elsewhere only as text, e.g. in a source note, which a browser does not load.
      for (const fig of html.match(/<figure[\s\S]*?<\/figure>/g) ?? []) expect(fig).not.toMatch(/https?:/i);
      expect(html.replace(/>[^<]*</g, "><")).not.toMatch(/https?:/i); // tags and attributes, text left out
      for (const m of html.match(/url\([^)]*\)/g) ?? []) expect(m).toMatch(/^url\(#/);
      for (const m of html.match(/href="[^"]*"/g) ?? []) expect(m).toMatch(/^href="#/);
      const figures = html.match(/<figure[\s\S]*?<\/figure>/g) ?? [];
      expect(figures.length).toBe(chartsIn(f.dir).length);
      for (const fig of figures) expect(dataMarks(fig)).toBeGreaterThan(3);
      // ids are unique across the inline SVGs
      const ids = (html.match(/\sid="[^"]+"/g) ?? []).map((s) => s.trim());
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it("holds the summary per scenario, the assumptions with their sources and how to reproduce the run, in Dutch", () => {
    const html = read(fx.real.dir, "report.html");
    const results = JSON.parse(read(fx.real.dir, "results.json"));
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain("Samenvatting per scenario");
    expect(html).toMatch(/Tweede golf[\s\S]*?2022<\/td><td class="num">1\.010</);
    expect(html).toMatch(/€\s11\.805\.798/); // the 2020 BUIG budget
    // the terminal's columns and rounding: -438,638.50 is € -438.639 before and after the vangnet, as in the terminal
    expect(html).toMatch(/<th scope="col" class="num">Uitstroom naar werk<span class="unit">personen<\/span><\/th><th scope="col" class="num">Uitstroom overig/);
    expect(html).toMatch(/Basisraming \/ matig herstel[\s\S]*?<td>2022<\/td>.*<span class="neg">€\s-438\.639<\/span><\/td><td class="num"><span class="neg">€\s-438\.639<\/span>/);
    expect(html).toContain("Cohortmodel per maand");
    expect(html).toContain("Aannames en bronnen");
    expect(html).toContain("Gemeente Steenwijkerland, beleidskader &#39;Iedereen doet mee in Steenwijkerland&#39; 2020-2023 (2020), par. 3.2");
    expect(html).toContain("geïndexeerd naar 2020"); // a cost source, only in the scenario file
    expect(html).toContain("De zes klantgroepen tellen samen 1.249 personen"); // the scenario file's notes
    expect(html).toContain(results.meta.file_hash);
    expect(html).toContain(`bin/bijstandsim run scenarios/steenwijkerland.json \\\n    --scenario matig-herstel,volledig-herstel,zwak-herstel,tweede-golf,cep-2020`);
    // without the scenario file: the sources results.json carries, and a hint how to add the rest
    const fallback = read(fx.baseline.dir, "report.html");
    expect(fallback).toContain("Gemeente Steenwijkerland, beleidskader &#39;Iedereen doet mee in Steenwijkerland&#39; 2020-2023 (2020), par. 3.2");
  });

  it("shows bands, interventions and break-even when present", () => {
    const html = read(fx.variants.dir, "report.html");
    expect(html).toMatch(/<span class="band">\(-?\d[\d.]* – -?\d[\d.]*\)<\/span>/);
    expect(html).toContain('id="interventies"');
    expect(html).toContain("Testinterventie: totaal 2020–2023");
    // every row's net effect is its BUIG effect minus its cost, as shown (the real run's, whose euros have cents)
    const real = read(fx.real.dir, "report.html");
    const section = real.slice(real.indexOf('id="interventies"'), real.indexOf("</table>", real.indexOf('id="interventies"')));
    const rows = (section.match(/<tr><td>.*<\/tr>/g) ?? []).map((tr) => (tr.match(/€\s-?[\d.]+/g) ?? []).map((e) => Number(e.replace(/[€\s.]/g, ""))));
    expect(rows).toHaveLength(5);
    for (const [cost, effect, net] of rows) expect(net).toBe(effect - cost);
    expect(html).toContain("<h3>Break-even</h3>");
    expect(html).toContain("één vermenigvuldiger k op alle effecten");
    expect(read(fx.baseline.dir, "report.html")).not.toContain('id="interventies"');
  });

  it("gives the chance of payback per intervention and scenario after many runs, and only then", () => {
    const html = read(fx.variants.dir, "report.html");
    expect(html).toContain("<h3>Kans op terugverdienen</h3>");
    expect(html).toContain("Over 500 trekkingen");
    expect(html).toMatch(/Testinterventie<\/td><td>.*Tweede golf<\/td><td class="num">90%<\/td><td class="num">2022<\/td><td class="num">2021 – na 2023<\/td>/);
    expect(read(fx.real.dir, "report.html")).not.toContain("Kans op terugverdienen");
  });
});

describe("results.xlsx", () => {
  // Each workbook is read once (the tests only read it): loading one takes about as long as writing it.
  const opened = new Map<string, Promise<ExcelJS.Workbook>>();
  function open(dir: string): Promise<ExcelJS.Workbook> {
    if (!opened.has(dir)) {
      const wb = new ExcelJS.Workbook();
      opened.set(dir, wb.xlsx.load(readFileSync(join(dir, "results.xlsx")) as never).then(() => wb));
    }
    return opened.get(dir)!;
  }
  const header = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1) as string[];

  it("reopens with exceljs and holds the same numbers as yearly.csv and results.json, as numbers", async () => {
    const yearlyOf = (dir: string) => {
      if (existsSync(join(dir, "yearly.csv"))) return parseCsv(read(dir, "yearly.csv"));
      // the hand-edited run has only results.json: its years as tidy rows
      const rows: string[][] = [];
      for (const s of JSON.parse(read(dir, "results.json")).scenarios) {
        for (const y of s.years) {
          for (const [k, v] of Object.entries(y)) if (typeof v === "number" && k !== "year" && !/_(p05|p50|p95|mean)$/.test(k)) rows.push([s.name, s.variant, String(y.year), k, String(v), y[`${k}_p05`] === undefined ? "" : String(y[`${k}_p05`])]);
        }
      }
      return { header: ["scenario", "variant", "year", "metric", "value", "p05"], rows };
    };
    for (const f of [fx.real, fx.variants]) {
      const wb = await open(f.dir);
      expect(wb.worksheets.map((w) => w.name).slice(0, 4)).toEqual(["Begroting", "Jaarcijfers", "Toestanden", "Overgangen"]);
      const ws = wb.getWorksheet("Jaarcijfers")!;
      const cols = header(ws);
      expect(cols.slice(0, 5)).toEqual(["Scenario", "Scenario (naam)", "Variant", "Variant (naam)", "Jaar"]);
      const row = new Map<string, unknown[]>();
      ws.eachRow((r, i) => {
        if (i > 1) {
          const v = (r.values as unknown[]).slice(1);
          row.set(`${v[0]}|${v[2]}|${v[4]}`, v);
        }
      });
      const yearly = yearlyOf(f.dir);
      expect(yearly.rows.length).toBeGreaterThan(100);
      let checked = 0;
      for (const [scenario, variant, year, metric, value, p05] of yearly.rows) {
        const v = row.get(`${scenario}|${variant}|${year}`);
        expect(v, `${scenario} ${variant} ${year}`).toBeDefined();
        const cell = v![cols.indexOf(metricHeader(metric))];
        expect(typeof cell).toBe("number");
        expect(cell, `${scenario} ${variant} ${year} ${metric}`).toBe(Number(value));
        if (p05) expect(v![cols.indexOf(metricHeader(`${metric}_p05`))]).toBe(Number(p05));
        checked++;
      }
      expect(checked).toBe(yearly.rows.length);
      expect(ws.rowCount - 1).toBe(new Set(yearly.rows.map((r) => `${r[0]}|${r[1]}|${r[2]}`)).size);
    }
  });

  it("has the states and transitions as numbers with Dutch headers", async () => {
    const wb = await open(fx.real.dir);
    const states = wb.getWorksheet("Toestanden")!;
    expect(header(states)).toEqual(["Scenario", "Variant", "Jaar", "Toestand", "Soort", "Volume eind (personen)", "Volume gemiddeld (persoonsjaren)"]);
    const csv = parseCsv(read(fx.real.dir, "states.csv"));
    expect(states.rowCount - 1).toBe(csv.rows.length);
    expect((states.getRow(2).values as unknown[])[6]).toBe(Number(csv.rows[0][5]));
    const transitions = wb.getWorksheet("Overgangen")!;
    expect(transitions.rowCount - 1).toBe(parseCsv(read(fx.real.dir, "transitions.csv")).rows.length);
    expect(header(transitions)).toEqual(["Scenario", "Variant", "Jaar", "Van", "Naar", "Aantal (personen)"]);
    // whole euros and whole persons on display, as in the terminal and the report; the cells keep the stored values
    const yearly = wb.getWorksheet("Jaarcijfers")!;
    const at = (name: string) => header(yearly).indexOf(name) + 1;
    expect(yearly.getColumn(at("BUIG-resultaat (euro)")).numFmt).toBe('"€" #,##0;"€" -#,##0');
    expect(yearly.getColumn(at("Volume eind (personen)")).numFmt).toBe("#,##0");
    // a run folder with only results.json still gets all three sheets
    const fallback = await open(fx.baseline.dir);
    expect(fallback.getWorksheet("Toestanden")!.rowCount).toBeGreaterThan(1);
  });

  it("opens on the Begroting sheet: per scenario the years as columns, whole euros, Dutch labels", async () => {
    const ws = (await open(fx.real.dir)).worksheets[0];
    expect(ws.name).toBe("Begroting");
    const text = (r: number, c: number) => String(ws.getRow(r).getCell(c).value ?? "");
    const rowOf = (label: string, from: number) => {
      for (let r = from; r <= ws.rowCount; r++) if (text(r, 1).trim() === label) return r;
      throw new Error(`no row "${label}" after row ${from}`);
    };
    const block = rowOf("Basisraming / matig herstel", 1); // the scenario's label, not its code
    const header = block + 1;
    const col = [2, 3, 4, 5, 6].find((c) => ws.getRow(header).getCell(c).value === 2022)!;
    const cell = ws.getRow(rowOf("BUIG-resultaat (budget min uitgaven)", header)).getCell(col);
    const yearly = parseCsv(read(fx.real.dir, "yearly.csv")).rows.find((r) => r.slice(0, 4).join() === "matig-herstel,baseline,2022,buig_result")!;
    // rounded as the terminal rounds, half away from zero: Math.round made -438.638,50 into -438.638 where the terminal shows € -438.639
    expect(yearly[4]).toBe("-438638.50");
    expect(cell.value).toBe(-438639);
    expect(formatEuro(cell.value as number)).toBe(formatEuro(Number(yearly[4])));
    expect(Number.isInteger(cell.value)).toBe(true);
    expect(cell.numFmt).toBe('"€" #,##0;"€" -#,##0');
    // the volume at the start of 2021 is the end of 2020; persons keep their decimals behind a whole-person format
    const start = ws.getRow(rowOf("Volume begin van het jaar (personen)", header));
    const end = ws.getRow(rowOf("Volume eind van het jaar (personen)", header));
    expect(start.getCell(3).value).toBe(end.getCell(2).value);
    expect(start.getCell(2).value as number).toBeCloseTo(670, 3); // 35 + 57 + 511 + 67 on bijstand at the start (scenario file)
    expect(end.getCell(2).numFmt).toBe("#,##0");
    // the intervention's lines, and a total column that adds the whole euros shown
    const cost = ws.getRow(rowOf("Kosten interventie", rowOf("Intensieve begeleiding", header)));
    const years = [2, 3, 4, 5].map((c) => cost.getCell(c).value as number);
    expect(years.every(Number.isInteger)).toBe(true);
    expect(cost.getCell(6).value).toBe(years.reduce((a, b) => a + b, 0));
    expect(text(header, 6)).toBe("Totaal 2020–2023");
    // the net line is the BUIG effect minus the cost as shown, in every column; the cumulative line ends on its total
    const values = (label: string) => [2, 3, 4, 5, 6].map((c) => ws.getRow(rowOf(label, rowOf("Intensieve begeleiding", header))).getCell(c).value as number);
    const [effect, net, cumulative] = ["BUIG-effect (minder uitgaven)", "Netto-effect (BUIG-effect min kosten)", "Netto-effect cumulatief"].map(values);
    const costs = values("Kosten interventie");
    expect(net).toEqual(effect.map((e, k) => e - costs[k]));
    expect(cumulative[3]).toBe(net[4]);
  });

  it("gives a run with draws its 90% interval on the Begroting sheet, under volume, expenditure and BUIG result, without a total", async () => {
    const labelsOf = (ws: ExcelJS.Worksheet) => Array.from({ length: ws.rowCount }, (_, r) => String(ws.getRow(r + 1).getCell(1).value ?? ""));
    const ws = (await open(fx.variants.dir)).worksheets[0];
    const labels = labelsOf(ws);
    const r = labels.indexOf("BUIG-resultaat (budget min uitgaven)") + 1;
    expect(labels.slice(r, r + 2)).toEqual(["  90%-interval: p5", "  90%-interval: p95"]);
    const [value, low, high] = [r, r + 1, r + 2].map((n) => ws.getRow(n));
    for (let c = 2; c <= 5; c++) {
      expect(low.getCell(c).value as number).toBeLessThan(value.getCell(c).value as number);
      expect(high.getCell(c).value as number).toBeGreaterThan(value.getCell(c).value as number);
    }
    expect(value.getCell(6).value).not.toBeNull();
    expect(low.getCell(6).value ?? null).toBeNull(); // no total: percentiles of years do not add up
    // a percentile the run did not keep gets no empty row; a run without draws gets none
    expect(labels[labels.indexOf("BUIG-resultaat na vangnet") + 1]).toBe("BUIG-resultaat in % van het budget");
    expect(labelsOf((await open(fx.real.dir)).worksheets[0]).filter((l) => l.includes("90%"))).toEqual([]);
  });

  it("formats multipliers as multipliers and band headers readably", async () => {
    const wb = await open(fx.real.dir);
    const be = wb.getWorksheet("Break-even")!;
    const k = header(be).indexOf("Break-even-vermenigvuldiger k (alle effecten samen)") + 1;
    expect(be.getRow(2).getCell(k).numFmt).toBe("0.000");
    // effects in words, as in the report (break-even.csv keeps the code outflow_work (hazard ratio))
    expect(be.getRow(2).getCell(header(be).indexOf("Effect") + 1).value).toBe("uitstroom naar werk (intensiteitsfactor)");
    const yearly = header((await open(fx.variants.dir)).getWorksheet("Jaarcijfers")!);
    expect(yearly).toContain("Volume eind (p5, personen)");
    expect(yearly.some((h) => / gemiddelde gemiddelde| p5 \(/.test(h))).toBe(false);
  });

  it("has the chance of payback as numbers with Dutch headers, when the run has it", async () => {
    const ws = (await open(fx.variants.dir)).getWorksheet("Terugverdienen")!;
    expect(header(ws)).toEqual([
      "Scenario", "Interventie", "Runs (trekkingen)", "Jaar", "Kans cumulatief netto-effect boven nul", "Aandeel runs terugverdiend binnen de horizon",
      "Terugverdienjaar mediaan (leeg: na de horizon)", "Terugverdienjaar p5 (leeg: na de horizon)", "Terugverdienjaar p95 (leeg: na de horizon)",
      "Kans boven nul na vangnet", "Aandeel terugverdiend na vangnet",
    ]);
    expect(ws.rowCount - 1).toBe(5 * 4);
    // the fixture has no afterVangnet: the chances after the vangnet are the same
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(["matig-herstel", "test-interventie", 500, 2021, 0.3, 0.9, 2022, 2021, undefined, 0.3, 0.9]);
    expect(ws.getRow(3).getCell(9).value).toBeNull(); // p95 beyond the horizon: an empty cell
    expect(ws.getRow(3).getCell(5).numFmt).toBe("0%");
    expect(ws.getRow(3).getCell(11).numFmt).toBe("0%");
    expect((await open(fx.real.dir)).getWorksheet("Terugverdienen")).toBeUndefined();
  });
});

describe("bijstandsim report: bad input", () => {
  async function report(...args: string[]) {
    const program = new Command("bijstandsim").exitOverride();
    registerReport(program);
    try {
      await program.parseAsync(["report", ...args, "--quiet"], { from: "user" });
    } catch (err) {
      return err;
    }
    return undefined;
  }

  it("names the folder and the fix when there are no results, and writes nothing", async () => {
    const empty = tmp();
    const err = await report(empty);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).describe()).toBe(
      `${join(empty, "results.json")}: niet gevonden: deze map bevat geen resultaten van bijstandsim. Oplossing: draai eerst een scenario (bin/bijstandsim run <scenariobestand> --out <map>) en maak het rapport van die map`,
    );
    expect(readdirSync(empty)).toEqual([]);
    expect(((await report(join(empty, "nope"))) as InputError).describe()).toMatch(/nope: map niet gevonden\. Oplossing: geef de uitvoermap van een run/);
  });

  it("refuses results of another format or version, and broken JSON", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "results.json"), JSON.stringify({ format: "bijstandsim-results/0", scenarios: [] }));
    const err = (await report(dir)) as InputError;
    expect(err).toBeInstanceOf(InputError);
    expect(err.describe()).toMatch(/results\.json: format: heeft format "bijstandsim-results\/0"; deze versie van bijstandsim leest "bijstandsim-results\/1"\. Oplossing: draai het scenario opnieuw/);
    writeFileSync(join(dir, "results.json"), JSON.stringify({ format: "bijstandsim-results/1", meta: {}, model: {}, scenarios: [] }));
    expect(((await report(dir)) as InputError).describe()).toMatch(/results\.json: meta\.tool: .*Oplossing: draai het scenario opnieuw/);
    writeFileSync(join(dir, "results.json"), "{ not json");
    // the tool wrote it: broken JSON is a damaged copy, run again (not the scenario file's "a JSON linter shows it")
    expect(((await report(dir)) as InputError).describe()).toMatch(/results\.json: regel 1, kolom 3: is geen geldige JSON \(.*\)\. Oplossing: draai het scenario opnieuw/);
    expect(readdirSync(dir)).toEqual(["results.json"]);
  });

  it("refuses a scenario file that is not the run's", async () => {
    const file = join(tmp(), "other.json");
    writeFileSync(file, "{}");
    const err = (await report(fx.baseline.dir, "--input", file)) as InputError;
    expect(err.describe()).toMatch(/other\.json: is niet het scenariobestand van deze run \(de SHA-256 wijkt af/);
  });
});

describe("report helpers", () => {
  it("parseCsv reads quoted fields", () => {
    expect(parseCsv('a,b\n1,"x, ""y"""\n2,\n')).toEqual({ header: ["a", "b"], rows: [["1", 'x, "y"'], ["2", ""]] });
  });

  it("yearlyWide turns tidy rows into one row per scenario, variant and year", () => {
    const t = parseCsv("scenario,variant,year,metric,value,p05\na,baseline,2020,volume_end,1.5,1\na,baseline,2020,budget,10,\na,baseline,2021,volume_end,2,\n");
    expect(yearlyWide(t)).toEqual({
      keys: ["scenario", "variant", "year", "volume_end", "volume_end_p05", "budget"],
      rows: [["a", "baseline", 2020, 1.5, 1, 10], ["a", "baseline", 2021, 2, null, null]],
    });
  });

  it("labels metrics and statistics in Dutch", () => {
    expect(splitStat("volume_end_p05")).toEqual({ metric: "volume_end", stat: "p05" });
    expect(metricHeader("volume_end_p95")).toBe("Volume eind (p95, personen)");
    expect(metricHeader("volume_avg_mean")).toBe("Volume gemiddeld (gemiddelde over de runs, personen)");
    expect(metricHeader("buig_result")).toBe("BUIG-resultaat (euro)");
    expect(parameterLabel("up (hazard ratio)")).toBe("stap omhoog op de ladder (intensiteitsfactor)");
    expect(parameterLabel("Zorg -> Direct werk (relatief risico)")).toBe("Zorg → Direct werk (relatief risico)");
    expect(parameterLabel("kosten per start")).toBe("kosten per start");
    // one formatter for terminal, report and workbook: stored precision first, then half away from zero, no "-0"
    const nbsp = (s: string) => s.replace(/\u00a0/g, " ");
    for (const v of [-438638.5, -438638.5000000001, -438638.499999999]) expect(nbsp(formatEuro(v))).toBe("€ -438.639");
    expect([0.4, -0.4, 2.5, -2.5].map((v) => nbsp(formatEuro(v)))).toEqual(["€ 0", "€ 0", "€ 3", "€ -3"]);
    expect([0.5, 1.5, -1.5, 1011.5].map(formatPersons)).toEqual(["1", "2", "-2", "1.012"]);
  });

  it("wraps facet headers to the panel width, word by word", () => {
    const lines = wrapLabel("Laagconjunctuur (stijging als 2013-2016)", 140);
    expect(lines.join(" ")).toBe("Laagconjunctuur (stijging als 2013-2016)");
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(arialWidth(l, 12, true)).toBeLessThanOrEqual(140);
    expect(wrapLabel("Kort", 140)).toEqual(["Kort"]);
  });

  it("measures text like Arial and respects a label limit", () => {
    expect(arialWidth("Tweede golf", 11)).toBeCloseTo(59.9, 1);
    expect(arialWidth("iiii", 10)).toBeLessThan(arialWidth("MMMM", 10));
    expect(vegaTextWidth({ fontSize: 11, limit: 30 }, "Basisraming / matig herstel")).toBe(30);
  });

  it("inlineSvg drops namespaces and prefixes ids", () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="1"><clipPath id="clip1"/><g clip-path="url(#clip1)"/></svg>';
    expect(inlineSvg(svg, "vol", 'A "b"')).toBe('<svg role="img" aria-label="A &quot;b&quot;" width="1"><clipPath id="vol-clip1"/><g clip-path="url(#vol-clip1)"/></svg>');
  });

  it("collectSources lists every object with a source, with its values", () => {
    const rows = collectSources({ states: [{ name: "A", cost: { benefit: 14500, source: "aanname" } }], buig: { budget: { "2020": 11805798 }, source: "Rijksoverheid, BUIG-beschikking 2020" }, macro: { drivers: { d: { base_year: 2019, source: "CPB" } } } });
    expect(rows).toEqual([
      { item: "toestanden › A › kosten", path: "states[0].cost", value: "uitkering: 14.500", source: "aanname", note: "" },
      { item: "BUIG", path: "buig", value: "budget: {2020: 11.805.798}", source: "Rijksoverheid, BUIG-beschikking 2020", note: "" },
      { item: "macro › drijvers › d", path: "macro.drivers.d", value: "basisjaar: 2019", source: "CPB", note: "" },
    ]);
  });

  it("reproduceCommand rebuilds the run command from the recorded options", () => {
    const options = { mode: "psa", scenarios: ["a", "b"], variants: ["baseline", "x"], horizon_years: 4, runs: 1000, seed: 7, population_noise: false };
    expect(reproduceCommand({ file: "s.json", options }, "out dir")).toBe(
      "bin/bijstandsim run s.json --scenario a,b --variant x --horizon 4 --mode psa --runs 1000 --seed 7 --no-noise --out 'out dir'",
    );
    // a microsimulation's scale and the draws file: the same numbers and files again; no --out: a new folder of runs
    const micro = { mode: "microsim", scenarios: [], variants: ["baseline"], horizon_years: 4, runs: 50, seed: 3, persons_scale: 10, draws: true };
    expect(reproduceCommand({ file: "s.json", options: micro }, undefined)).toBe("bin/bijstandsim run s.json --horizon 4 --mode microsim --runs 50 --seed 3 --persons-scale 10 --draws");
  });

  it("a run kept in its folder of runs is reproduced into a new one, never over itself; a microsimulation says what its bands vary", async () => {
    const dir = tmp();
    const r = spawnSync(process.execPath, [resolve("bin/bijstandsim"), "run", resolve("scenarios/steenwijkerland.json"), "--mode", "microsim", "--runs", "2", "--persons-scale", "2", "--report", "--quiet"], { cwd: dir, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const html = readFileSync(join(dir, "output", "steenwijkerland", "latest", "report.html"), "utf8");
    const block = /<pre><code>(bin\/bijstandsim run[\s\S]*?)<\/code><\/pre>/.exec(html)![1];
    expect(block).toContain("--persons-scale 2");
    expect(block).not.toContain("--out");
    expect(block.split("\n").pop()).toBe("bin/bijstandsim report output/steenwijkerland");
    expect(html).toContain("elk met alleen toeval in de populatie (de parameters liggen vast op de waarden uit het bestand");
    expect(html).toContain("Personen x 2: het BUIG-budget, de capaciteit van de interventies en de referentiewaarden zijn niet geschaald");
  }, 30_000);

  it("writeFilesAtomically writes text and bytes into subfolders", () => {
    const dir = tmp();
    const written = writeFilesAtomically(dir, { "a.txt": "x", "sub/b.bin": new Uint8Array([1, 2, 3]) });
    expect(written).toEqual([join(dir, "a.txt"), join(dir, "sub", "b.bin")]);
    expect([...readFileSync(join(dir, "sub", "b.bin"))]).toEqual([1, 2, 3]);
    expect(readdirSync(join(dir, "sub"))).toEqual(["b.bin"]);
  });

  it("writeReport returns every file it wrote", () => {
    const names = fx.real.written.map((p) => p.slice(fx.real.dir.length + 1)).sort();
    expect(names).toEqual([...chartsIn(fx.real.dir).flatMap((n) => [`charts/${n}.svg`, `charts/${n}.vl.json`]), "report.html", "results.xlsx"].sort());
  });
});

const goldenText = (name: string) => readFileSync(`test/golden/${name}/results.json`, "utf8");
const goldenRun = (name: string, source = `output/${name}`): RunSource => ({ source, doc: parseRun(goldenText(name), `${source}/results.json`) });

const cohort = goldenRun("steenwijkerland-cohort");
const psa = goldenRun("steenwijkerland-psa");
const series = (c: ReturnType<typeof compareRuns>, scenario: string, variant: string, metric: string) =>
  c.blocks.find((b) => b.scenario === scenario && b.variant === variant)!.series.find((s) => s.metric === metric)!;

describe("compare: what the runs share (golden results.json)", () => {
  it("cohort against PSA of the same file: the same expected values; --stat mean compares the PSA's mean", () => {
    const c = compareRuns([cohort, psa]);
    expect(c.runs.map((r) => r.label)).toEqual(["steenwijkerland.json, cohortmodel, 2026-01-01", "steenwijkerland.json, PSA, 50 trekkingen (seed 1), 2026-01-01"]);
    expect(c.years).toEqual([2020, 2021, 2022, 2023]);
    expect(c.blocks.map((b) => `${b.scenario}/${b.variant}`)).toHaveLength(10); // 5 scenarios x (baseline, intensieve begeleiding)
    expect(c.notes).toContain("B en A rekenen met hetzelfde scenariobestand (zelfde SHA-256).");
    expect(c.notes).toContain("Alle vergeleken cijfers zijn in alle runs gelijk.");
    const mean = compareRuns([cohort, psa], { stat: "mean" });
    const buig = series(mean, "tweede-golf", "baseline", "buig_result");
    const psaYear = psa.doc.scenarios.find((s) => s.name === "tweede-golf" && s.variant === "baseline")!.years[3].metrics;
    expect(buig.values[1][3]).toBe(psaYear.buig_result_mean);
    expect(buig.values[0][3]).toBe(cohort.doc.scenarios.find((s) => s.name === "tweede-golf")!.years[3].metrics.buig_result);
    expect([buig.low[1][3], buig.high[1][3]]).toEqual([psaYear.buig_result_p05, psaYear.buig_result_p95]);
    expect(mean.notes.join(" ")).not.toMatch(/gelijk\./);
  });

  it("compares the common years and scenarios of runs that overlap in part, and says what it left out", () => {
    const raw = JSON.parse(goldenText("steenwijkerland-cohort"));
    raw.meta.file = "steenwijkerland-2021.json";
    raw.meta.file_hash = "0".repeat(64);
    raw.scenarios = raw.scenarios.filter((s: any) => s.name !== "cep-2020" && s.variant === "baseline");
    for (const s of raw.scenarios) {
      s.years = s.years.filter((y: any) => y.year >= 2021);
      for (const y of s.years) y.buig_result += y.year === 2022 && s.name === "matig-herstel" ? 1000 : 0;
    }
    const later = { source: "output/2021", doc: parseRun(JSON.stringify(raw), "output/2021/results.json") };
    const c = compareRuns([cohort, later]);
    expect(c.years).toEqual([2021, 2022, 2023]);
    expect(new Set(c.blocks.map((b) => b.scenario))).toEqual(new Set(["matig-herstel", "volledig-herstel", "zwak-herstel", "tweede-golf"]));
    expect(c.notes).toEqual([
      "Jaren: alleen 2021–2023, die alle runs hebben (A: 2020–2023, B: 2021–2023).",
      "Scenario's: alleen Basisraming / matig herstel, Volledig herstel, Zwak herstel en Tweede golf, die alle runs hebben; niet vergeleken: CEP 2020 (vóór corona) (alleen in A).",
      "Interventie Intensieve begeleiding: alleen in A, dus niet vergeleken.",
      "B en A rekenen met verschillende scenariobestanden (steenwijkerland-2021.json en steenwijkerland.json).",
    ]);
    const s = series(c, "matig-herstel", "baseline", "buig_result");
    expect(s.values[1][1]! - s.values[0][1]!).toBeCloseTo(1000, 6);
    expect(s.values[1][0]! - s.values[0][0]!).toBe(0);
    // only matig herstel if asked; a scenario not every run has is refused
    expect(compareRuns([cohort, later], { scenarios: ["matig-herstel"] }).blocks.map((b) => b.scenario)).toEqual(["matig-herstel"]);
    expect(thrownInputError(() => compareRuns([cohort, later], { scenarios: ["cep-2020"] })).describe()).toMatch(/^--scenario: "cep-2020" is geen scenario dat alle runs hebben\. Oplossing: kies uit: matig-herstel, /);
  });

  it("adds up the cumulative net effect from the first compared year", () => {
    // a run of 2022-2023 only: its cumulative net effect counts from 2022, not from 2020 as the stored one does
    const raw = JSON.parse(goldenText("steenwijkerland-cohort"));
    for (const s of raw.scenarios) s.years = s.years.filter((y: any) => y.year >= 2022);
    const later = { source: "output/2022", doc: parseRun(JSON.stringify(raw), "output/2022/results.json") };
    const c = compareRuns([cohort, later]);
    expect(c.years).toEqual([2022, 2023]);
    const s = series(c, "matig-herstel", "intensieve-begeleiding", "net_effect_cumulative");
    const years = cohort.doc.scenarios.find((b) => b.name === "matig-herstel" && b.variant === "intensieve-begeleiding")!.years;
    const net = (i: number) => years[i].metrics.net_effect;
    expect(Math.abs(net(1))).toBeGreaterThan(1000); // 2021 has an effect, so counting from 2020 would differ
    for (const run of [0, 1]) {
      expect(s.values[run][0]).toBeCloseTo(net(2), 1);
      expect(s.values[run][1]).toBeCloseTo(net(2) + net(3), 1);
    }
    // the rows show the net effects as shown (the BUIG effect minus the cost, each as shown), added up; the CSV keeps the exact ones
    const shown = (i: number) => shownNet(years[i].metrics.buig_effect, years[i].metrics.intervention_cost);
    const block = c.blocks.find((b) => b.scenario === "matig-herstel" && b.variant === "intensieve-begeleiding")!;
    const row = blockRows(c, block).find((r) => r.metric === "net_effect_cumulative" && r.run === "A")!;
    expect(row.values).toEqual([shown(2), shown(2) + shown(3)]);
    expect(compareTable(c).rows.find((r) => r[0] === "matig-herstel" && r[1] === "intensieve-begeleiding" && r[2] === 2022 && r[3] === "net_effect" && r[4] === "A")![5]).toBe(net(2).toFixed(2));
  });

  it("draws the vangnet threshold as one dark-red dotted line, and leaves it out (named in the caption) when it lies far below every line", () => {
    const raw = JSON.parse(goldenText("steenwijkerland-cohort"));
    const chart = (doc: unknown) => buigResultChart(parseRun(JSON.stringify(doc), "results.json"))!;
    const dotted = (c: ReturnType<typeof chart>) => JSON.stringify(c.spec).match(/"strokeDash":\[1\.5,3\]/g)?.length ?? 0;
    const near = chart(raw);
    expect(dotted(near)).toBe(1);
    expect(near.caption).toContain("De rode stippellijn is de vangnetdrempel");
    for (const s of raw.scenarios) for (const y of s.years) y.budget *= 10; // a threshold of some -9,7 million against results within 3,3 million
    const far = chart(raw);
    expect(dotted(far)).toBe(0);
    expect(far.caption).toMatch(/De vangnetdrempel \(een tekort van meer dan 7,5% van het budget, €\s-8\.854\.349 of lager\) ligt ver onder deze lijnen en is niet getekend\./);
  });

  it("names what a file counts (uitkeringen) in the volume charts' headings and axes and the intervention table, not 'personen'", () => {
    const raw = JSON.parse(goldenText("steenwijkerland-cohort"));
    raw.model.unit = "uitkeringen";
    const doc = parseRun(JSON.stringify(raw), "results.json");
    const specs = JSON.stringify(buildCharts(doc).filter((c) => ["volume", "samenstelling", "interventie-effect"].includes(c.name)).map((c) => c.spec));
    expect(specs).toContain("Bijstandsvolume per scenario (uitkeringen, eind van het jaar)");
    expect(specs).toContain("Verschil bijstandsvolume (uitkeringen)");
    expect(specs).not.toMatch(/"title":"personen"/);
    expect(reportHtml({ doc, charts: [], sources: [], outDir: "output/x" })).toContain('Verschil volume<span class="unit">uitkeringen, eind 2023</span>');
  });

  it("says when projected years lie before the day of the run: all of them in bold (a reconstruction), some of them plainly", () => {
    const page = (date: string) => {
      const raw = JSON.parse(goldenText("drentsche-aa-cohort")); // 2024-2028
      raw.meta.date = date;
      return reportHtml({ doc: parseRun(JSON.stringify(raw), "results.json"), charts: [], sources: [], outDir: "output/x" });
    };
    expect(page("2029-02-01")).toContain("<strong>Alle jaren (2024–2028) liggen vóór de dag van deze run (2029-02-01): dit is een terugblik of reconstructie");
    expect(page("2026-03-01")).toContain(" De jaren 2024–2025 liggen al vóór de dag van deze run (2026-03-01): leg ze naast de realisatie.");
    expect(page("2025-06-30")).toContain(" Het jaar 2024 ligt al vóór de dag van deze run (2025-06-30): leg het naast de realisatie.");
    expect(page("2024-01-01")).not.toContain("vóór de dag van deze run");
  });

  it("names every field of the file in Dutch in the assumptions table's values (list, selection, effects, events were left as codes)", () => {
    const html = readFileSync("test/golden/groningen-cohort/report.html", "utf8");
    const section = html.slice(html.indexOf('id="aannames"'), html.indexOf('id="reproduceren"'));
    const values = [...section.matchAll(/<tr><td>.*?<\/td><td>(.*?)<\/td>/g)].map((m) => m[1]);
    expect(values.length).toBeGreaterThan(40);
    const keys = new Set(values.flatMap((v) => [...v.matchAll(/([a-z_]+):/g)].map((m) => m[1])));
    for (const code of ["list", "selection", "effects", "events", "paths", "decay", "capacity", "targets", "distribution"]) expect(keys.has(code), code).toBe(false);
    expect(section).not.toContain("proportional");
    expect(keys.has("lijst") && keys.has("selectie")).toBe(true);
  });

  it("gives the Begroting sheet the lines after the vangnet, and what they mean, only in the scenarios whose deficit the vangnet compensates", () => {
    const sheet = begrotingSheet(parseRun(goldenText("steenwijkerland-cohort"), "results.json"));
    const labels = sheet.rows.map((r) => String(r.cells[0] ?? ""));
    expect(labels.filter((l) => l.trim() === "BUIG-effect na vangnet (wat de gemeente houdt)")).toHaveLength(2); // zwak herstel, tweede golf
    expect(labels.filter((l) => l.startsWith("Na vangnet: de vangnetregeling vergoedt van een tekort boven 7,5% van het budget 50% tot 12,5%"))).toHaveLength(2);
    // the result, the compensation and the result after it add up in every column (each shown, not three roundings)
    const at = (label: string) => sheet.rows.map((r, i) => (String(r.cells[0]).trim() === label ? i : -1)).filter((i) => i >= 0);
    const [results, compensations, afters] = ["BUIG-resultaat (budget min uitgaven)", "Vangnetcompensatie", "BUIG-resultaat na vangnet"].map(at);
    expect(results).toHaveLength(5);
    results.forEach((r, b) => {
      const cells = (i: number) => sheet.rows[i].cells.slice(1) as number[];
      expect(cells(afters[b]), labels[r]).toEqual(cells(r).map((v, k) => v + cells(compensations[b])[k]));
    });
  });

  it("explains its terms for a council member: the intervention terms only with interventions, the interval only after draws", () => {
    const terms = (name: string) => [...readFileSync(`test/golden/${name}/report.html`, "utf8").matchAll(/<dt>(.*?)<\/dt>/g)].map((m) => m[1]);
    expect(terms("steenwijkerland-cohort")).toEqual(expect.arrayContaining(["BUIG-resultaat", "Vangnetregeling", "Intensiteitsfactor", "Break-even (vermenigvuldiger k)"]));
    expect(terms("steenwijkerland-cohort")).not.toContain("90%-interval (p5 – p95)");
    expect(terms("steenwijkerland-psa")).toContain("90%-interval (p5 – p95)");
    const baseline = readFileSync(join(fx.baseline.dir, "report.html"), "utf8"); // no interventions
    expect(baseline).toContain("<dt>BUIG-resultaat</dt>");
    expect(baseline).not.toContain("<dt>Intensiteitsfactor</dt>");
  });

  it("after draws gives the intervention's cumulative net effect its 90% interval on the Begroting sheet, the range a raadsvoorstel asks for", () => {
    const sheet = begrotingSheet(parseRun(readFileSync("test/golden/steenwijkerland-psa/results.json", "utf8"), "results.json"));
    const labels = sheet.rows.map((r) => String(r.cells[0] ?? "").trim());
    const at = labels.indexOf("Netto-effect cumulatief");
    expect(labels.slice(at + 1, at + 3)).toEqual(["90%-interval: p5", "90%-interval: p95"]);
    const [low, high] = [sheet.rows[at + 1].cells, sheet.rows[at + 2].cells];
    expect((low[4] as number) < (high[4] as number)).toBe(true);
    expect(low[low.length - 1] ?? null).toBeNull(); // no total
    const cohort = begrotingSheet(parseRun(goldenText("steenwijkerland-cohort"), "results.json")).rows.map((r) => String(r.cells[0] ?? ""));
    expect(cohort.filter((l) => l.includes("90%"))).toEqual([]);
  });

  it("says in words when an effect's own break-even is no number: out of reach, or not needed (1,000 read as 'needs exactly no effect')", () => {
    expect(aloneLabel({ assumed: 1.3, alone: 1 })).toBe("niet nodig: verdient zich ook zonder dit effect terug");
    expect(aloneLabel({ assumed: 1.3, alone: null })).toBe("niet binnen bereik");
    expect(aloneLabel({ assumed: 1.3, alone: 1.45 })).toBeUndefined();
    expect(readFileSync("test/golden/groningen-cohort/report.html", "utf8")).toContain("niet nodig: verdient zich ook zonder dit effect terug");
  });

  it("rounds a difference half away from zero, as the workbook and every other number do", () => {
    expect(formatCell({ euro: true, difference: true }, -1234.5)).toBe("€\u00a0-1.235");
    expect(formatCell({ euro: true, difference: true }, 1234.5)).toBe("€\u00a0+1.235");
    expect(formatCell({ euro: false, difference: true }, -0.5)).toBe("-1");
    expect(formatCell({ euro: false, difference: true }, -0.4)).toBe("0");
    // the average volume to a tenth, as its difference is taken: 3.033,4 and 3.032,6 differ by -0,8, not by 0 shown as -1
    expect(formatCell({ euro: false, difference: true, metric: "volume_avg" }, -0.8)).toBe("-0,8");
    expect(formatCell({ euro: false, difference: false, metric: "volume_avg" }, 3033.44)).toBe("3.033,4");
  });

  it("writes differences in vergelijking.xlsx as the terminal shows them: -0,04 euro is 0, not \"€ -0\"", () => {
    const raw = JSON.parse(goldenText("steenwijkerland-cohort"));
    const year = raw.scenarios[0].years[0];
    const before = { ...year };
    year.buig_result -= 0.04;
    year.volume_end += 0.3;
    year.volume_avg += 0.35; // 0,4 as the terminal rounds it (toFixed would give 0,3)
    const c = compareRuns([cohort, { source: "output/b", doc: parseRun(JSON.stringify(raw), "output/b/results.json") }]);
    const grid = compareSheets(c, compareTable(c))[0] as GridSheet;
    const diffs = grid.rows.filter((r) => r.cells[1] === "B − A").flatMap((r) => r.cells.slice(2)).filter((v): v is number => typeof v === "number");
    expect(diffs.length).toBeGreaterThan(100);
    expect(diffs.some((v) => Object.is(v, -0))).toBe(false);
    expect(diffs.filter((v) => !Number.isInteger(Number((v * 10).toFixed(6))))).toEqual([]); // whole, or one decimal (average volume)
    const buig = grid.rows.findIndex((r) => r.cells[0] === "BUIG-resultaat (euro)");
    expect(grid.rows[buig + 2].cells[2]).toBe(0); // the terminal shows € 0 for it
    expect(formatCell({ euro: true, difference: true }, -0.04)).toBe("€\u00a00");
    const volume = grid.rows.findIndex((r) => r.cells[0] === "Volume eind (personen)");
    // +0,3 persons: B as shown minus A as shown (the rows above it), which is 0 or 1
    expect(grid.rows[volume + 2].cells[2]).toBe(shownValue(year.volume_end, 0, 4) - shownValue(before.volume_end, 0, 4));
    const average = grid.rows.findIndex((r) => /^Volume gemiddeld/.test(String(r.cells[0])));
    expect(average).toBeGreaterThan(0);
    expect(grid.rows[average + 2].cells[2]).toBeCloseTo(shownValue(year.volume_avg, 1, 4) - shownValue(before.volume_avg, 1, 4), 9);
  });

  it("says when the runs are of different municipalities or count different units (scenarios are paired by name only)", () => {
    const raw = JSON.parse(goldenText("steenwijkerland-cohort"));
    raw.model.label = "Gemeente Elders";
    raw.model.unit = "uitkeringen";
    const c = compareRuns([cohort, { source: "output/elders", doc: parseRun(JSON.stringify(raw), "output/elders/results.json") }]);
    expect(c.notes).toContain("De runs gaan over verschillende populaties (A Gemeente Steenwijkerland, B Gemeente Elders). Scenario's en interventies worden op naam gekoppeld: met dezelfde naam zijn ze daar niet dezelfde, en de verschillen zijn geen herziening van één raming.");
    expect(c.notes).toContain("De runs tellen verschillende eenheden: A personen, B uitkeringen; hun volumes en stromen zijn niet hetzelfde getal.");
    expect(compareRuns([cohort, psa]).notes.join(" ")).not.toMatch(/populaties|eenheden/);
    // the default folder names a run kept in output/<stem>/ with its stem
    expect(defaultCompareOut(["output/drentsche-aa/cohort-20261202-045917", "output/groningen/cohort-20261202-045923/results.json"])).toBe(join("output", "vergelijking-drentsche-aa-cohort-20261202-045917-groningen-cohort-20261202-045923"));
    expect(defaultCompareOut(["output/begroting-2025", "output/begroting-2026"])).toBe(join("output", "vergelijking-begroting-2025-begroting-2026"));
    expect(defaultCompareOut(["output/groningen/latest", "output/drentsche-aa/latest"])).toBe(join("output", "vergelijking-groningen-latest-drentsche-aa-latest"));
    // one scenario name, another label: said, with both labels
    raw.scenarios.filter((s: { name: string }) => s.name === "matig-herstel").forEach((s: { label: string }) => (s.label = "Stresstest matig herstel (schok vanaf 2021)"));
    const relabelled = compareRuns([cohort, { source: "output/elders", doc: parseRun(JSON.stringify(raw), "output/elders/results.json") }]);
    expect(relabelled.notes).toContain('Scenario matig-herstel heet in de runs anders (A "Basisraming / matig herstel", B "Stresstest matig herstel (schok vanaf 2021)"): ze worden op naam gekoppeld, maar zijn mogelijk niet hetzelfde scenario (een stresstest met een schok vanaf een ander jaar); de tabellen tonen de naam uit A.');
  });

  it("refuses runs with no year or no macro scenario in common, naming the run and the fix", () => {
    const drentsche = goldenRun("drentsche-aa-cohort"); // 2024-2028
    expect(thrownInputError(() => compareRuns([cohort, drentsche])).describe()).toBe(
      "output/drentsche-aa-cohort: heeft geen jaar gemeen met output/steenwijkerland-cohort: B rekent 2024–2028, A 2020–2023. " +
        "Oplossing: vergelijk runs waarvan de jaren overlappen (draai een run zo nodig opnieuw met een langere --horizon)",
    );
    const groningen = goldenRun("groningen-cohort"); // 2022-2025: years overlap, scenario names do not
    expect(thrownInputError(() => compareRuns([cohort, groningen])).describe()).toMatch(/^output\/groningen-cohort: heeft geen macroscenario gemeen met output\/steenwijkerland-cohort \(B: basis, laagconjunctuur, .*; A: matig-herstel, .*\)\. Oplossing: vergelijk runs/);
    expect(thrownInputError(() => compareRuns([cohort])).describe()).toMatch(/^compare: vergelijkt twee of meer runs, maar kreeg er 1\./);
  });
});

describe("compare: reading runs", () => {
  it("refuses what is not a results file, in one Dutch line", () => {
    expect(thrownInputError(() => parseRun(readFileSync("scenarios/steenwijkerland.json", "utf8"), "scenarios/steenwijkerland.json")).describe()).toBe(
      "scenarios/steenwijkerland.json: is een scenariobestand, geen resultatenbestand. Oplossing: draai het eerst (bijstandsim run scenarios/steenwijkerland.json --out <map>) en vergelijk die map",
    );
    expect(thrownInputError(() => parseRun("{ kapot", "x/results.json")).describe()).toMatch(/^x\/results\.json: regel 1, kolom 3: is geen JSON, dus geen resultatenbestand van bijstandsim\. Oplossing: /);
    expect(thrownInputError(() => parseRun('{"format": "bijstandsim-results/0"}', "x/results.json")).message).toBe('is geen resultatenbestand van bijstandsim: het heeft format "bijstandsim-results/0", deze versie leest "bijstandsim-results/1"');
    expect(thrownInputError(() => parseRun('{"format": "bijstandsim-results/1", "meta": {}}', "x/results.json")).describe()).toMatch(/^x\/results\.json: meta\.tool: is geen volledig resultatenbestand/);
  });

  it("reads a results.json from before the day of the run was recorded, and labels it by the file's day", () => {
    const raw = JSON.parse(goldenText("steenwijkerland-cohort"));
    delete raw.meta.date;
    const old: RunSource = { source: "oud", doc: parseRun(JSON.stringify(raw), "oud/results.json"), fileDate: "2025-11-20" };
    expect(compareRuns([old, psa]).runs[0].label).toBe("steenwijkerland.json, cohortmodel, datum onbekend, bestand van 2025-11-20");
  });
});

describe("compare: the terminal and CSV tables", () => {
  const raw = JSON.parse(goldenText("steenwijkerland-cohort"));
  raw.scenarios = raw.scenarios.filter((s: any) => s.name === "matig-herstel");
  raw.scenarios[0].years[2].volume_end += 12.5;
  raw.scenarios[0].years[2].buig_result -= 250_000;
  const c = compareRuns([cohort, { source: "output/nieuw", doc: parseRun(JSON.stringify(raw), "nieuw.json") }]);

  it("prints per scenario each run and B − A per year, with totals where they add up; equal metrics on one line", () => {
    const out = compareText(c);
    expect(out).toMatch(/^Vergelijking van 2 runs, 2020–2023 \(verschil: B min A\)\n {2}A {2}output\/steenwijkerland-cohort: steenwijkerland\.json, cohortmodel, 2026-01-01\n/);
    expect(out).toMatch(/\nVolume eind \(personen\) +A +696 +780 +847 +863\n +B +696 +780 +860 +863\n +B − A +0 +0 +\+13 +0\n/);
    expect(out).toMatch(/\nBUIG-resultaat \(euro\) +A +€\s48\.942 +€\s212\.581 +€\s-438\.639 +€\s-912\.540 +€\s-1\.089\.656\n.*\n +B − A +€\s0 +€\s0 +€\s-250\.000 +€\s0 +€\s-250\.000\n/);
    expect(out).toMatch(/\nBUIG-budget \(euro\) +A = B +€\s11\.805\.798 /);
  });

  it("adds up every row: the years as shown make the total shown, for each run and each difference", () => {
    const num = (cell: string) => Number(cell.replace(/[€\s.+]/g, "").replace(",", ".").replace("\u2212", "-"));
    let checked = 0;
    for (const line of compareText(c).split("\n")) {
      const numbers = / {2}(?:A = B|B − A|A|B) +(.*)$/.exec(line)?.[1] ?? ""; // after the label and the run
      const cells = numbers.match(/(?:€\s)?[+-]?\d[\d.]*(?:,\d+)?(?=\s|$)/g) ?? [];
      if (cells.length !== 5) continue; // four years and a total
      const [years, total] = [cells.slice(0, 4).map(num), num(cells[4])];
      expect(years.reduce((a, b) => a + b, 0), line).toBe(total);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });

  it("subtracts as shown: B − A is the B row minus the A row, the net effect the BUIG effect minus the cost, in every column", () => {
    // B: every number a little off A, so that rounding each difference apart would miss by one in some cells
    const nudged = JSON.parse(goldenText("steenwijkerland-cohort"));
    for (const s of nudged.scenarios) for (const y of s.years) for (const k of Object.keys(y)) if (k !== "year" && typeof y[k] === "number") y[k] = y[k] * 1.000037 + 0.31;
    const text = compareText(compareRuns([cohort, { source: "output/nieuw", doc: parseRun(JSON.stringify(nudged), "nieuw.json") }]));
    const num = (cell: string) => Number(cell.replace(/[€\s.+]/g, "").replace(",", "."));
    const cellsOf = (line: string) => (/ {2}(?:A = B|B − A|A|B) +(.*)$/.exec(line)?.[1] ?? "").match(/(?:€\s)?[+-]?\d[\d.]*(?:,\d+)?(?=\s|$)/g)?.map(num) ?? [];
    const blocks = text.split("\n\n");
    let differences = 0;
    let nets = 0;
    for (const block of blocks) {
      const lines = block.split("\n");
      lines.forEach((line, i) => {
        if (!/ {2}B − A +/.test(line)) return;
        const [a, b, d] = [cellsOf(lines[i - 2]), cellsOf(lines[i - 1]), cellsOf(line)];
        expect(d, `${lines[i - 2]}\n${lines[i - 1]}\n${line}`).toEqual(b.map((x, k) => x - a[k] + 0));
        differences++;
      });
      const row = (label: string, run: string) => {
        const at = lines.findIndex((l) => l.startsWith(label));
        return at < 0 ? undefined : cellsOf(lines.slice(at).find((l) => new RegExp(` {2}${run} +`).test(l))!);
      };
      for (const run of ["A", "B"]) {
        const [cost, effect, net, cumulative] = ["Kosten interventie", "BUIG-effect", "Netto-effect (euro)", "Netto-effect cumulatief"].map((l) => row(l, run));
        if (!net) continue;
        expect(net, block).toEqual(effect!.map((e, k) => e - cost![k] + 0));
        expect(cumulative!.at(-1)).toBe(net.at(-1)); // the cumulative's last year is the net effect's total
        nets++;
      }
    }
    expect(differences).toBeGreaterThan(40);
    expect(nets).toBe(10); // 5 scenarios, A and B
  });

  it("colours a difference red on the page where it is unfavourable: more volume, a lower result; not lower spending", () => {
    const raw2 = JSON.parse(goldenText("steenwijkerland-cohort"));
    raw2.scenarios = raw2.scenarios.filter((s: any) => s.name === "matig-herstel");
    raw2.scenarios[0].years[2].expenditure -= 18_954; // spends less: good news, not red
    raw2.scenarios[0].years[2].volume_end += 12.5;
    raw2.scenarios[0].years[2].buig_result -= 250_000;
    const html = compareHtml({ comparison: compareRuns([cohort, { source: "output/nieuw", doc: parseRun(JSON.stringify(raw2), "nieuw.json") }]), charts: [], command: "" });
    // the B − A row after a metric's A and B rows
    const rowOf = (label: string) => html.slice(html.indexOf(`<td>${label}</td>`)).split("</tr>").find((r) => r.includes("B − A"))!;
    expect(rowOf("Uitgaven (euro)")).toContain("€\u00a0-18.954");
    expect(rowOf("Uitgaven (euro)")).not.toContain('class="neg"');
    expect(rowOf("Volume eind (personen)")).toMatch(/<span class="neg">\+13<\/span>/);
    expect(rowOf("BUIG-resultaat (euro)")).toMatch(/<span class="neg">€\s-250\.000<\/span>/);
  });

  it("writes vergelijking.csv tidy: one row per scenario, variant, year, metric and run, with the difference from A", () => {
    const t = compareTable(c);
    expect(t.header).toEqual(["scenario", "variant", "year", "metric", "run", "value", "difference"]);
    const rows = t.rows.filter((r) => r[0] === "matig-herstel" && r[1] === "baseline" && r[2] === 2022 && r[3] === "buig_result");
    expect(rows).toEqual([
      ["matig-herstel", "baseline", 2022, "buig_result", "A", "-438638.50", ""],
      ["matig-herstel", "baseline", 2022, "buig_result", "B", "-688638.50", "-250000.00"],
    ]);
  });
});

describe("bijstandsim compare", () => {
  it("writes vergelijking.html (Dutch, offline, charts as inline SVG), vergelijking.xlsx and, with --csv nl, vergelijking.csv", async () => {
    const out = join(tmp(), "vergelijking");
    const r = await cli("compare", fx.real.dir, fx.variants.dir, "--out", out, "--csv", "nl");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["vergelijking.csv", "vergelijking.html", "vergelijking.xlsx"]);
    expect(r.out).toContain("let op: Interventie Intensieve begeleiding: alleen in A, dus niet vergeleken.");
    expect(r.out).toContain("let op: Interventie Testinterventie: alleen in B, dus niet vergeleken.");
    expect(r.out).toContain(`Uitvoer: ${join(out, "vergelijking.html")}, ${join(out, "vergelijking.xlsx")}, ${join(out, "vergelijking.csv")}`);
    const html = read(out, "vergelijking.html");
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="nl">/);
    expect(html).not.toMatch(/<script|<link|<iframe|<img|<object|<embed|@import|\ssrc=/i);
    expect(html.replace(/>[^<]*</g, "><")).not.toMatch(/https?:/i);
    const figures = html.match(/<figure[\s\S]*?<\/figure>/g) ?? [];
    expect(figures.map((f) => /aria-label="([^"]+)"/.exec(f)?.[1])).toEqual([
      "Bijstandsvolume (personen, eind van het jaar)", "Verschil in bijstandsvolume met run A (personen, eind van het jaar)",
      "BUIG-resultaat (euro; positief = overschot)", "Verschil in BUIG-resultaat met run A (euro)",
    ]);
    for (const f of figures) expect(f).toMatch(/<svg role="img"[\s\S]*<path/);
    expect(html).toContain("<caption>Tweede golf (tweede-golf)</caption>");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(join(out, "vergelijking.xlsx")) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Vergelijking", "Gegevens", "Runs"]);
    const text = readFileSync(join(out, "vergelijking.csv"), "utf8");
    expect(text.startsWith("\uFEFFscenario;variant;year;metric;run;value;difference\n")).toBe(true);
    const rows = parseCsv(text.slice(1), ";").rows;
    const gegevens = wb.getWorksheet("Gegevens")!;
    expect(gegevens.rowCount - 1).toBe(rows.length);
    expect((gegevens.getRow(3).values as unknown[]).slice(1, 7)).toEqual([...rows[1].slice(0, 2), Number(rows[1][2]), rows[1][3], rows[1][4], dutchCell(rows[1][5])]);
  });
});
