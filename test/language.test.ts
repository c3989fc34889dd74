/**
 * One language per audience (locale/): everything a Dutch user reads is Dutch, and
 * `--lang en` gives the same in English. The Dutch check is a grep: the terminal of a
 * run, its report.html and results.xlsx, a compare of two runs with its
 * vergelijking.html and .xlsx, every command's --help and a set of mistakes are
 * searched for English words, after the codes (options, paths, field names, CSV
 * columns, quoted values) are taken out.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, fromDist } from "./cli-harness.js";

const tmp = () => mkdtempSync(join(tmpdir(), "bijstandsim-lang-"));

/** Words that are English and not Dutch (so "is", "of", "per", "run" and "budget" are not among them). */
const ENGLISH = /\b(the|and|with|without|must|should|cannot|can't|found|missing|invalid|folder|files?|years?|default|only|each|every|written|writes?|prints?|also|from|into|for|or|not|error|warning|note|please|usage|commands?|arguments?|options?|display|number|outflow|inflow|expenditure|result|after|before|state|check|give|use)\b/i;

/** The text without what stays a code in both languages. */
function prose(text: string): string {
  return text
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, " ") // a page's code
    .replace(/<(\w+) class="code">[^<]*<\/\1>/g, " ") // a field's JSON key beside its Dutch name
    .replace(/<[^>]+>/g, " ") // tags
    .replace(/&[a-z]+;|&#\d+;/g, " ")
    .replace(/`[^`]*`/g, " ") // code spans
    .replace(/"[^"\n]*"|'[^'\n]*'|“[^”\n]*”/g, " ") // quoted values: names from the file, examples
    .replace(/\S*[/\\]\S*/g, " ") // paths and URLs
    .replace(/\S*,\S+|^\s*\w+,$/gm, " ") // column lists without spaces: scenario,year,metric,value (also wrapped)
    .replace(/--?[\w-]+(\s<[^>]+>)?/g, " ") // options and their placeholders
    .replace(/\b\w+[_.]\w+(\.\w+)*\b/g, " ") // field names, file names, codes with _ or .
    .replace(/\b[\w-]+-[\w-]+\b/g, " ") // codes with hyphens (matig-herstel, cep-2020)
    .replace(/\b(inflow|elasticity|lag)\b(:\S*)?/g, " ") // the codes of fit's parameters and of a metric
    .replace(/\bbijstandsim \w+/g, " "); // a command in a sentence
}

/** The lines of `text` that still hold an English word after the codes are taken out. */
const englishLines = (text: string): string[] => prose(text).split("\n").filter((l) => ENGLISH.test(l)).map((l) => l.trim());

/** The text of a workbook's cells; of the sheets in `codeSheets` (data tables whose cells are codes, as in the CSV) only the header row. */
async function workbookText(file: string, codeSheets: string[] = []): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as never);
  const lines: string[] = [];
  wb.eachSheet((ws) => {
    lines.push(ws.name);
    ws.eachRow((row, n) => (n === 1 || !codeSheets.includes(ws.name)) && row.eachCell((cell) => typeof cell.value === "string" && lines.push(cell.value)));
  });
  return lines.join("\n");
}

const GOLDEN_REPORTS = ["steenwijkerland-cohort", "steenwijkerland-psa", "steenwijkerland-microsim", "groningen-cohort"];

/** results.xlsx of a golden run, written into `dir` (the fixtures leave workbooks out: they are zips, read back cell by cell). */
async function goldenWorkbook(name: string, dir: string): Promise<string> {
  const { parseResults } = await fromDist<typeof import("../src/outcomes/results.js")>("outcomes/results.js");
  const { viewOf } = await fromDist<typeof import("../src/report/results.js")>("report/results.js");
  const { resultsWorkbook } = await fromDist<typeof import("../src/report/xlsx.js")>("report/xlsx.js");
  const file = `test/golden/${name}/results.json`;
  const target = join(dir, `${name}.xlsx`);
  writeFileSync(target, await resultsWorkbook(viewOf(parseResults(readFileSync(file, "utf8"), file))));
  return target;
}

describe("Dutch output holds no English", () => {
  it("the check finds English and leaves Dutch and codes alone", () => {
    expect(englishLines("x.json: file not found. Fix: check the path")).toHaveLength(1);
    expect(englishLines("let op: the 2022 value is held for 2023 in every scenario")).toHaveLength(1);
    expect(englishLines('x.json: bestand niet gevonden. Oplossing: controleer het pad; "inflow_mean" in output/x, --runs <n>, matig-herstel')).toEqual([]);
  });

  it("terminal, report.html, results.xlsx, --help and mistakes", async () => {
    const dir = tmp();
    const out = join(dir, "run");
    const run = await cli("run", "scenarios/steenwijkerland.json", "--out", out);
    expect(run.code, run.err).toBe(0);
    const psa = await cli("run", "scenarios/drentsche-aa.json", "--mode", "psa", "--runs", "20", "--workers", "1", "--out", join(dir, "psa"));
    expect(psa.code, psa.err).toBe(0);
    // a second, smaller run of the same file, so the comparison has years, scenarios and an intervention to leave out and say so
    const short = await cli("run", "scenarios/steenwijkerland.json", "--scenario", "matig-herstel", "--horizon", "3", "--out", join(dir, "kort"));
    expect(short.code, short.err).toBe(0);
    const compare = await cli("compare", out, join(dir, "kort"), "--out", join(dir, "vergelijking"));
    expect(compare.code, compare.err).toBe(0);
    const explore = await cli("explore", "scenarios/steenwijkerland.json", "--out", join(dir, "verkenner"));
    expect(explore.code, explore.err).toBe(0);
    const help: string[] = [];
    for (const command of ["", "run", "breakeven", "report", "compare", "explore", "synth", "estimate", "fit", "backtest", "init", "validate", "convert"]) {
      const r = await cli(...(command ? [command] : []), "--help");
      help.push(r.out);
    }
    const broken = join(dir, "kapot.json");
    writeFileSync(broken, '{ "name": "x", "start_year": 2024, "budget": 5 }');
    // One after another: cli() captures this process's stdout and stderr while a command runs.
    const mistakes: Awaited<ReturnType<typeof cli>>[] = [];
    for (const args of [
      ["run", join(dir, "bestaat-niet.json")],
      ["run", broken],
      ["run", "scenarios/steenwijkerland.json", "--scenario", "onbekend"],
      ["run", "scenarios/steenwijkerland.json", "--runs", "nul"],
      ["run", "scenarios/steenwijkerland.json", "--rusn", "3"],
      ["breakeven", "scenarios/steenwijkerland.json", "--intervention", "geen"],
      ["compare", out],
      ["fit", "scenarios/steenwijkerland.json", "--target", join(dir, "geen.csv"), "--free", "inflow", "--out", join(dir, "f.json")],
    ]) mistakes.push(await cli(...args));
    for (const m of mistakes) {
      expect(m.code).toBe(2);
      expect(m.err).toMatch(/^bijstandsim: fout: [^\n]+\n$/);
    }
    const texts: Record<string, string> = {
      terminal: run.out + run.err + psa.out + psa.err,
      // the golden reports (test/golden.test.ts and golden-psa.test.ts prove they are what the code writes) and a workbook of a PSA run with an intervention
      "report.html": GOLDEN_REPORTS.map((r) => readFileSync(`test/golden/${r}/report.html`, "utf8")).join("\n"),
      "results.xlsx": await workbookText(await goldenWorkbook("steenwijkerland-psa", dir)),
      compare: compare.out + compare.err + explore.out + explore.err,
      // the page's skeleton (what its script writes is checked in Chromium: explore.browser.test.ts)
      "verkenner.html": readFileSync(join(dir, "verkenner", "verkenner.html"), "utf8"),
      "vergelijking.html": readFileSync(join(dir, "vergelijking", "vergelijking.html"), "utf8"),
      "vergelijking.xlsx": await workbookText(join(dir, "vergelijking", "vergelijking.xlsx"), ["Gegevens"]),
      "--help": help.join("\n"),
      mistakes: mistakes.map((m) => m.err).join(""),
    };
    for (const [what, text] of Object.entries(texts)) {
      expect(text.length, what).toBeGreaterThan(100);
      expect(englishLines(text), what).toEqual([]);
    }
  }, 60_000);
});

describe("--lang en", () => {
  it("speaks English in the terminal, the errors, the report and a comparison", async () => {
    const dir = tmp();
    const r = await cli("--lang", "en", "run", "scenarios/steenwijkerland.json", "--report", "--out", join(dir, "run"));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/\nYear +Volume at year end \(persons\) +Inflow +Outflow to work/);
    expect(r.out).toContain(`\nOutput in ${join(dir, "run")}/: yearly.csv, `);
    const html = readFileSync(join(dir, "run", "report.html"), "utf8");
    expect(html).toMatch(/<html lang="en">/);
    // the commands that give this report again give it in English
    expect(html).toContain("<pre><code>bin/bijstandsim --lang en run scenarios/steenwijkerland.json \\\n");
    expect(html).toContain(`\nbin/bijstandsim --lang en report ${join(dir, "run")}</code></pre>`);
    const explorer = readFileSync(join(dir, "run", "verkenner.html"), "utf8");
    expect(explorer).toMatch(/<html lang="en">[\s\S]*<h1>Bijstand what-if page Gemeente Steenwijkerland<\/h1>/);
    expect(explorer).toContain('"lang":"en"'); // which the page's script speaks
    const compare = await cli("--lang", "en", "compare", join(dir, "run"), "test/golden/steenwijkerland-cohort", "--out", join(dir, "vergelijking"));
    expect(compare.code, compare.err).toBe(0);
    expect(compare.out).toMatch(/^Comparison of 2 runs, 2020–2023 \(difference: B minus A\)\n/);
    expect(compare.out).toMatch(/\nMetric +Run +2020 +2021 +2022 +2023 +Total 2020–2023\n/);
    expect(compare.out).toContain("\nOutput: ");
    const page = readFileSync(join(dir, "vergelijking", "vergelijking.html"), "utf8");
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(page).toContain("<h1>Comparison of bijstand forecasts</h1>");
    const missing = await cli("--lang", "en", "run", join(dir, "nope.json"));
    expect(missing.err).toBe(`bijstandsim: error: ${join(dir, "nope.json")}: file not found. Fix: check the path; the shipped scenarios are in scenarios/\n`);
    // and back to Dutch for what follows in this process
    const dutch = await cli("run", join(dir, "nope.json"));
    expect(dutch.err).toContain("bestand niet gevonden. Oplossing:");
  }, 60_000);
});
