/**
 * verkenner.html in a real browser: Debian's headless Chromium (/usr/bin/chromium, driven
 * by playwright-core; no browser download) opens the page `bijstandsim explore` wrote,
 * from disk, offline, with every request but the file itself blocked. At the file's
 * values the page's totals and chart rows equal `bijstandsim run` (to the euro as shown,
 * to the cent in the cells' exact values); tooltips show, a legend entry picks out its
 * scenario. Then the capacity and effect controls change:
 * the charts and totals change, and equal a CLI run of the scenario file edited as the
 * page says (its list of fields) with the command the page prints, and the page's
 * settings link opens a fresh page with the same totals. Finally the redraw
 * time of repeated changes is measured (the default and the largest model; every shipped
 * scenario with BIJSTANDSIM_VERKENNER_ALL=1) and printed with the load average. The machine is shared, so the 100 ms target is
 * reported, not asserted; asserted is what does not depend on the load: every change
 * updates the embedded charts in place, at well under the cost of the first draw.
 *
 * Without /usr/bin/chromium the test is skipped with a message on a developer machine,
 * and fails in CI (CI is set): .ci/run installs chromium where it is missing.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { applyEdits, type Edit } from "../src/explore/reproduce.js";
import { shownSum } from "../src/locale/format.js";
import { cli } from "./cli-harness.js";
import { loadFile } from "./explore-fixtures.js";

const CHROMIUM = "/usr/bin/chromium";
const present = existsSync(CHROMIUM);
const inCi = Boolean(process.env.CI);
const DEFAULT = "scenarios/steenwijkerland.json";
/**
 * Redraw times are measured on the default and on Groningen, the largest model (797
 * compiled states, four interventions); BIJSTANDSIM_VERKENNER_ALL=1 adds Drentsche Aa and
 * the national file (smaller models) for a full report without making npm test longer.
 */
const TIMED = process.env.BIJSTANDSIM_VERKENNER_ALL ? ["steenwijkerland", "drentsche-aa", "groningen", "nederland"] : ["steenwijkerland", "groningen"];

if (!present && !inCi) {
  process.stderr.write(`explore.browser.test.ts: skipped, ${CHROMIUM} is not installed (apt-get install chromium); CI fails instead of skipping.\n`);
}

const tmp = () => mkdtempSync(join(tmpdir(), "bijstandsim-verkenner-"));

interface Timing {
  reason: string;
  ms: number;
  how: string;
  breakEvenMs?: number;
}
type Verkenner = { timings: Timing[]; idle: () => Promise<void>; chartData: () => Record<string, Record<string, string | number>[]> };
declare const window: { verkenner?: Verkenner };

/** yearly.csv of a CLI run, as scenario/variant/metric -> values per year. */
async function runCli(file: string, flags: string[]): Promise<Map<string, number[]>> {
  const out = join(tmp(), "run");
  const r = await cli("run", file, ...flags, "--out", out, "--quiet");
  expect(r.code, r.err).toBe(0);
  const series = new Map<string, number[]>();
  for (const line of readFileSync(join(out, "yearly.csv"), "utf8").trim().split("\n").slice(1)) {
    const [scenario, variant, , metric, value] = line.split(",");
    const key = `${scenario}/${variant}/${metric}`;
    series.set(key, [...(series.get(key) ?? []), Number(value)]);
  }
  return series;
}

/** The page's totals cell by cell, with the CLI's number for the same cell. */
const TOTAL_OF: Record<string, [metric: string, how: "sum" | "last" | "net" | "netAfterVangnet"]> = {
  volumeEnd: ["volume_end", "last"],
  expenditure: ["expenditure", "sum"],
  buigResult: ["buig_result", "sum"],
  buigResultAfterVangnet: ["buig_result_after_vangnet", "sum"],
  interventionCost: ["intervention_cost", "sum"],
  buigEffect: ["buig_effect", "sum"],
  netEffectCumulative: ["net_effect_cumulative", "net"],
  buigEffectAfterVangnet: ["buig_effect_after_vangnet", "sum"],
  netEffectAfterVangnet: ["net_effect_after_vangnet", "netAfterVangnet"],
};

/** A number as the page shows it: "€ -1.089.656", "1.010". */
const dutch = (text: string): number => Number(text.replace(/\u2212/g, "-").replace(/[^\d,-]/g, "").replace(",", "."));

async function totalsOf(page: Page) {
  return page.$$eval("#totalen-tabel td[data-metriek]", (tds) =>
    tds.map((td) => ({ scenario: td.getAttribute("data-scenario")!, metric: td.getAttribute("data-metriek")!, variant: td.getAttribute("data-variant")!, text: td.textContent!, exact: Number(td.getAttribute("data-waarde")) })),
  );
}

/** Every total on the page equals the CLI's: a sum of years exactly as the years are shown, a last value to the euro as shown and to the cent exactly. */
async function expectTotalsEqual(page: Page, cliSeries: Map<string, number[]>, variantName: string, atLeast = 21) {
  const cells = await totalsOf(page);
  expect(cells.length).toBeGreaterThanOrEqual(atLeast);
  for (const c of cells) {
    const [metric, how] = TOTAL_OF[c.metric];
    const series = (m: string) => cliSeries.get(`${c.scenario}/${c.variant === "baseline" ? "baseline" : variantName}/${m}`)!;
    const values = series(metric);
    expect(values, `${c.scenario} ${c.metric}`).toBeDefined();
    // a total is the years as shown added up (whole euros, as the terminal's totals); a last value is exact;
    // the net effect is the BUIG effect minus the cost, both as shown (the terminal's intervention table)
    const cost = () => shownSum(series("intervention_cost"), "euro");
    const cliValue =
      how === "sum" ? shownSum(values, "euro")
      : how === "net" ? shownSum(series("buig_effect"), "euro") - cost()
      : how === "netAfterVangnet" ? shownSum(series("buig_effect_after_vangnet"), "euro") - cost()
      : values[values.length - 1];
    const label = `${c.scenario} ${c.variant} ${c.metric}: page ${c.text}, CLI ${cliValue}`;
    expect(Math.abs(dutch(c.text) - cliValue), label).toBeLessThan(how === "last" ? 1 : 1e-6);
    expect(Math.abs(c.exact - cliValue), label).toBeLessThanOrEqual(how === "last" ? 0.005 + 1e-6 : 1e-6);
  }
  return cells;
}

/** The chart rows for year-end volume equal the CLI's volume_end (4 decimals in yearly.csv). */
async function expectVolumeChartEqual(page: Page, cliSeries: Map<string, number[]>, variantName: string, labelToName: Map<string, string>) {
  const rows = (await page.evaluate(() => window.verkenner!.chartData().volume)) as { scenario: string; variant: string; year: number; value: number }[];
  expect(rows.length).toBeGreaterThan(0);
  const first = Math.min(...rows.map((r) => r.year));
  for (const r of rows) {
    const v = r.variant === "Zonder interventie" ? "baseline" : variantName;
    expect(Math.abs(r.value - cliSeries.get(`${labelToName.get(r.scenario)}/${v}/volume_end`)![r.year - first])).toBeLessThanOrEqual(0.00005 + 1e-9);
  }
}

/** The SVG paths of a chart, as one string (changes when anything drawn changes). */
const drawn = (page: Page, chart: string) => page.$eval(`figure[data-grafiek="${chart}"] svg`, (svg) => [...svg.querySelectorAll("path")].map((p) => p.getAttribute("d")).join("|"));

/**
 * Changes an input as a user does (fill sends input events) and waits until the page has
 * redrawn and, unless `drawnOnly`, computed the break-evens that follow as well.
 */
async function change(page: Page, selector: string, value: string, drawnOnly = false): Promise<void> {
  const before = await page.evaluate(() => window.verkenner!.timings.length);
  await page.fill(selector, value);
  await page.waitForFunction((n) => window.verkenner!.timings.length > n, before);
  if (!drawnOnly) await page.evaluate(() => window.verkenner!.idle());
}

async function openPage(context: BrowserContext, file: string, blocked: string[], errors: string[], fragment = ""): Promise<Page> {
  const page = await context.newPage();
  const url = pathToFileURL(file).href;
  await page.route("**/*", (route) => (route.request().url().replace(/#.*$/, "") === url ? route.continue() : (blocked.push(route.request().url()), route.abort())));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url + fragment, { waitUntil: "load" });
  await page.waitForFunction(() => (window.verkenner?.timings.length ?? 0) > 0, null, { timeout: 20_000 });
  await page.evaluate(() => window.verkenner!.idle());
  return page;
}

/** Debian's Chromium, headless and offline, with a profile of its own (CI must have it: .ci/run installs it). */
async function launch(): Promise<BrowserContext> {
  if (!present) throw new Error(`${CHROMIUM} is missing: CI must install it (.ci/run: apt-get install -y chromium)`);
  const { chromium } = await import("playwright-core");
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "bijstandsim-chromium-")), {
    executablePath: CHROMIUM, headless: true, offline: true, viewport: { width: 1280, height: 900 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

describe.skipIf(!present && !inCi)("verkenner.html in headless Chromium", () => {
  it("equals the CLI at the file's values and after changing capacity and effect, offline, and redraws fast", async () => {
    const dir = tmp();
    const pages: Record<string, string> = {};
    for (const name of TIMED) {
      const out = join(dir, name);
      expect((await cli("explore", `scenarios/${name}.json`, "--out", out, "--quiet")).code).toBe(0);
      pages[name] = join(out, "verkenner.html");
    }
    const context = await launch();
    const blocked: string[] = [];
    const errors: string[] = [];
    try {
      const page = await openPage(context, pages.steenwijkerland, blocked, errors);
      const text = readFileSync(DEFAULT, "utf8");
      const labelToName = new Map(loadFile(DEFAULT).model.scenarios.map((s) => [s.label, s.name]));

      // 1. At the file's values: the command is the plain run, and every number equals it.
      expect(await page.textContent("#cli-opdracht")).toBe("bin/bijstandsim run scenarios/steenwijkerland.json --variant intensieve-begeleiding");
      const atFile = await runCli(DEFAULT, ["--variant", "intensieve-begeleiding"]);
      const before = await expectTotalsEqual(page, atFile, "intensieve-begeleiding");
      await expectVolumeChartEqual(page, atFile, "intensieve-begeleiding", labelToName);
      const chartsBefore = { volume: await drawn(page, "volume"), effect: await drawn(page, "effect") };

      // Tooltips in Dutch, and a legend entry that picks out its scenario.
      const volume = 'figure[data-grafiek="volume"] svg';
      await page.$eval(volume, (el) => el.scrollIntoView());
      const point = (await (await page.$$(`${volume} g.mark-symbol.role-mark path`))[3].boundingBox())!;
      await page.mouse.move(point.x + point.width / 2, point.y + point.height / 2);
      await page.waitForFunction(() => /Personen/.test(document.querySelector<HTMLElement>("#vg-tooltip-element")?.innerText ?? ""));
      expect(await page.textContent("#vg-tooltip-element")).toMatch(/Scenario.*Variant.*Jaar.*Personen/s);
      const legend = (await (await page.$$(`${volume} g.role-legend-symbol path`))[3].boundingBox())!; // Tweede golf
      await page.mouse.click(legend.x + legend.width / 2, legend.y + legend.height / 2);
      const faded = (sel: string) => [...document.querySelectorAll(`${sel} g.mark-line path`)].filter((p) => (p.getAttribute("stroke-opacity") ?? p.getAttribute("opacity")) === "0.15").length;
      await page.waitForFunction(`(${faded.toString()})(${JSON.stringify(volume)}) === 8`); // 4 scenarios x 2 variants fade

      // 2. Three coaches instead of two, an effect half as big.
      const box = '[data-interventie="intensieve-begeleiding"]';
      await change(page, `${box} input[data-veld=coaches]`, "3");
      await change(page, `${box} input[data-veld=effect-procent]`, "50");
      expect(await page.textContent(`${box} output[data-uit=plaatsen]`)).toBe("= 150 plaatsen");
      const after = await totalsOf(page);
      const changed = after.filter((c, i) => c.exact !== before[i].exact).map((c) => c.metric);
      expect(new Set(changed)).toEqual(new Set(["volumeEnd", "expenditure", "buigResult", "buigResultAfterVangnet", "interventionCost", "buigEffect", "netEffectCumulative", "buigEffectAfterVangnet", "netEffectAfterVangnet"]));
      expect(await drawn(page, "volume")).not.toBe(chartsBefore.volume);
      expect(await drawn(page, "effect")).not.toBe(chartsBefore.effect);

      // A value the page cannot use: the numbers stay those of the last valid input, dimmed, and a line says so; a valid one undoes it.
      await page.fill(`${box} input[data-veld=coaches]`, "-3");
      expect(await page.evaluate(() => document.body.classList.contains("verouderd"))).toBe(true);
      expect(await page.textContent("#verouderd")).toBe("De cijfers hieronder horen bij de laatste geldige invoer: verbeter het rood omlijnde vak.");
      expect((await totalsOf(page)).map((c) => c.exact)).toEqual(after.map((c) => c.exact));
      // a number written the Dutch way is read as Dutch, or refused with both readings (the browser read 1.500 as 1,5)
      const perStart = `${box} input[data-veld=per_start]`;
      const cost = await page.inputValue(perStart);
      await page.fill(perStart, "1.500");
      expect(await page.textContent(`${box} label:has(input[data-veld=per_start]) .fout`)).toBe('"1.500" kan twee getallen zijn: schrijf 1500 (zonder punt) of 1,500.');
      await page.fill(perStart, cost);
      await page.fill(`${box} input[data-veld=coaches]`, "3");
      expect(await page.evaluate(() => document.body.classList.contains("verouderd"))).toBe(false);
      expect(await page.textContent("#verouderd")).toBe("");
      await page.evaluate(() => window.verkenner!.idle());

      // 3. The page's own instructions: edit these fields, run this command; the CLI gives the page's numbers.
      const edits = await page.$$eval("#wijzigingen tbody tr", (rows) => rows.map((r) => ({ path: r.getAttribute("data-pad")!, to: JSON.parse(r.getAttribute("data-nieuw")!), append: r.hasAttribute("data-toevoegen") || undefined })));
      expect(edits).toEqual([
        { path: "interventions[0].capacity.coaches", to: 3 },
        { path: "interventions[0].effects[0].hazard_ratio", to: 1.075 },
        { path: "interventions[0].effects[1].hazard_ratio", to: 1.125 },
      ]);
      const command = (await page.textContent("#cli-opdracht"))!.split(" ");
      expect(command.slice(0, 3)).toEqual(["bin/bijstandsim", "run", "steenwijkerland-verkenner.json"]);
      const edited = join(tmp(), "steenwijkerland-verkenner.json");
      writeFileSync(edited, applyEdits(text, edits as Edit[]));
      const cliEdited = await runCli(edited, command.slice(3));
      await expectTotalsEqual(page, cliEdited, "intensieve-begeleiding");
      await expectVolumeChartEqual(page, cliEdited, "intensieve-begeleiding", labelToName);
      expect(await page.textContent("#breakeven-tabel")).toMatch(/van de aanname/);

      // The settings link opens the same view: a fresh page from its fragment shows the same totals.
      const fragment = (await page.getAttribute("#link", "href"))!;
      expect(fragment).toMatch(/^#scenario=.*intensieve-begeleiding\.coaches=3&.*intensieve-begeleiding\.effect=0\.5&/);
      const copy = await openPage(context, pages.steenwijkerland, blocked, errors, fragment);
      expect(await totalsOf(copy)).toEqual(await totalsOf(page));
      await copy.close();

      // 4. Redraw time, on the scenarios in TIMED: changes of effect size, scenario selection,
      // horizon and capacity (the last two also start break-even computations, which run after
      // the redraw; the test waits for them between changes, so each redraw is timed alone).
      const report: string[] = [];
      const all: number[] = [];
      for (const [name, file] of Object.entries(pages)) {
        const p = name === "steenwijkerland" ? page : await openPage(context, file, blocked, errors);
        const timings = () => p.evaluate(() => window.verkenner!.timings);
        const start = (await timings()).length;
        const hasIntervention = (await p.$("input[data-veld=effect-procent]")) !== null;
        const full = name === "steenwijkerland";
        for (let i = 0; i < (full ? 5 : 3) && hasIntervention; i++) await change(p, "input[data-veld=effect-procent]", String(40 + 15 * i));
        for (let i = 0; i < (hasIntervention ? 2 : 4); i++) {
          await p.click("input[name=scenario] >> nth=0");
          await p.evaluate(() => window.verkenner!.idle());
        }
        if (full || !hasIntervention) {
          for (const v of ["2", "3"]) {
            await p.evaluate((x) => { const el = document.querySelector<HTMLInputElement>("#horizon")!; el.value = x; el.dispatchEvent(new Event("input")); }, v);
            await p.evaluate(() => window.verkenner!.idle());
          }
        }
        // last, and timed to the redraw only: the break-evens it starts are not waited for
        const capacity = await p.$("input[data-veld=coaches], input[data-veld=plaatsen], input[data-veld=bereik]");
        if (capacity) await change(p, `[data-veld=${await capacity.getAttribute("data-veld")}] >> nth=0`, "4", true);
        const done = (await timings()).slice(start);
        expect(done.every((t) => t.how === "bijgewerkt"), "every change updates the embedded charts, none rebuilds them").toBe(true);
        const times = done.map((t) => t.ms);
        expect(times.length).toBeGreaterThanOrEqual(6);
        all.push(...times);
        const first = (await timings())[0].ms;
        const be = done.flatMap((t) => (t.breakEvenMs === undefined ? [] : [t.breakEvenMs]));
        report.push(`${name}: median ${median(times).toFixed(0)} ms, slowest ${Math.max(...times).toFixed(0)} ms over ${times.length} changes (first draw ${first.toFixed(0)} ms${be.length ? `; break-even table complete after ${median(be).toFixed(0)} ms, median of ${be.length}` : ""})`);
        // Load-independent check: an update costs well under the first draw (which embeds the charts).
        expect(median(times)).toBeLessThan(first / 2);
        if (p !== page) await p.close();
      }
      const load = loadavg().map((l) => l.toFixed(2)).join(" ");
      process.stdout.write(`verkenner redraw (change -> totals and charts drawn): ${report.join("; ")}; all: median ${median(all).toFixed(0)} ms; load average ${load} on ${availableParallelism()} cores\n`);

      expect(errors).toEqual([]);
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it("lays the charts out again when the horizon changes: no title cut off, euro labels in one style, the vangnet threshold drawn for a single year; says why a file without interventions has only scenarios, horizon, inflow, cost and budget, and those settings equal the CLI on the edited file", async () => {
    const out = join(tmp(), "stw");
    expect((await cli("explore", DEFAULT, "--out", out, "--quiet")).code).toBe(0);
    const context = await launch();
    try {
      const errors: string[] = [];
      const page = await openPage(context, join(out, "verkenner.html"), [], errors);
      // how far left of its picture any text of a chart starts (0: none), and the BUIG chart's axis labels
      const leftOverhang = () => page.$$eval("figure[data-grafiek] svg", (svgs) => Math.max(0, ...svgs.flatMap((svg) => [...svg.querySelectorAll("text")].map((t) => svg.getBoundingClientRect().left - t.getBoundingClientRect().left))));
      const euroLabels = () => page.$$eval('figure[data-grafiek="buig"] svg text', (ts) => ts.map((t) => t.textContent ?? "").filter((t) => t.includes("€")));
      const thresholdDashes = () => page.$$eval('figure[data-grafiek="buig"] svg .mark-symbol path', (ps) => ps.filter((p) => p.getAttribute("stroke") === "#8b1a1a").length);
      for (const horizon of ["1", "2", "4"]) {
        await page.evaluate((x) => { const el = document.querySelector<HTMLInputElement>("#horizon")!; el.value = x; el.dispatchEvent(new Event("input")); }, horizon);
        await page.evaluate(() => window.verkenner!.idle());
        expect(await leftOverhang(), `horizon ${horizon}`).toBeLessThan(1);
        const labels = await euroLabels();
        expect(labels.length).toBeGreaterThan(3);
        expect(labels.filter((l) => !/^€\u00a0[−-]?\d/.test(l)), `horizon ${horizon}`).toEqual([]); // € −200.000 and € −1,2 mln, never −€ 200.000
        if (horizon === "1") expect(await thresholdDashes()).toBeGreaterThan(0);
      }
      // a file init wrote has no interventions: the panel says why only scenarios and horizon can change
      const dir = tmp();
      const init = ["init", "--name", "zw", "--start-year", "2025", "--stock", "450", "--inflow", "180", "--outflow-work", "95", "--outflow-other", "70", "--benefit-month", "1420", "--budget", "8200000"];
      expect((await cli(...init, "--out", join(dir, "zw.json"), "--quiet")).code).toBe(0);
      expect((await cli("explore", join(dir, "zw.json"), "--out", dir, "--quiet")).code).toBe(0);
      const bare = await openPage(context, join(dir, "verkenner.html"), [], errors);
      expect(await bare.textContent("#geen-interventies")).toMatch(/^Dit scenariobestand beschrijft geen interventies, dus hier zijn alleen de scenario's, de horizon, de instroom, de kosten per persoon en het budget te kiezen/);
      // ... and the inflow, the cost per person and the budget (110%, 103% and 95% of the file's), which the page's edits of the file and the CLI reproduce
      await change(bare, "input[data-veld=instroom]", "110");
      await change(bare, "input[data-veld=kosten]", "103");
      await change(bare, "input[data-veld=budget]", "95");
      expect(await bare.textContent("#instroom-uit")).toMatch(/^198 personen nieuwe instroom in 2025 \(het bestand: 180\)/);
      const edits = await bare.$$eval("#wijzigingen tbody tr", (rows) => rows.map((r) => ({ path: r.getAttribute("data-pad")!, to: JSON.parse(r.getAttribute("data-nieuw")!) })));
      expect(edits).toEqual([{ path: "inflow.per_year", to: 198 }, { path: "states[0].cost.benefit", to: 1462.6 }, { path: "buig.budget", to: { "2025": 7790000 } }]);
      expect(await bare.getAttribute("#link", "href")).toMatch(/[#&]instroom=110&kosten=103&budget=95(&|$)/);
      const command = (await bare.textContent("#cli-opdracht"))!.split(" ");
      expect(command.slice(0, 3)).toEqual(["bin/bijstandsim", "run", "zw-verkenner.json"]);
      const edited = join(dir, "zw-verkenner.json");
      writeFileSync(edited, applyEdits(readFileSync(join(dir, "zw.json"), "utf8"), edits as Edit[]));
      await expectTotalsEqual(bare, await runCli(edited, command.slice(3)), "baseline", 4); // one scenario (neutraal), four totals
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it("speaks English when written with --lang en: every text the script writes, the charts, a link's problems and the command line, with the same numbers as the Dutch page", async () => {
    const dir = tmp();
    expect((await cli("--lang", "en", "explore", DEFAULT, "--out", join(dir, "en"), "--quiet")).code).toBe(0);
    expect((await cli("explore", DEFAULT, "--out", join(dir, "nl"), "--quiet")).code).toBe(0);
    const context = await launch();
    try {
      const errors: string[] = [];
      const en = await openPage(context, join(dir, "en", "verkenner.html"), [], errors, "#horizon=99");
      const nl = await openPage(context, join(dir, "nl", "verkenner.html"), [], errors);
      expect(await en.getAttribute("html", "lang")).toBe("en");
      expect(await en.textContent("h1")).toBe("Bijstand what-if page Gemeente Steenwijkerland");
      expect(await en.textContent("#melding")).toBe("“horizon=99” in the link was ignored: the horizon is 1 up to 4 years");
      // The text the page shows (charts included), less the names the file gives (scenarios, states, intervention, municipality) and codes.
      const file = JSON.parse(readFileSync(DEFAULT, "utf8")) as { label: string; states: { name: string; label?: string }[]; interventions: { label: string }[] };
      const scenarios = await en.$$eval("#scenarios label", (ls) => ls.map((l) => l.textContent!.trim())); // from the macro library the file names
      const names = [file.label, ...scenarios, ...file.states.map((x) => x.label ?? x.name), ...file.interventions.map((x) => x.label)];
      const DUTCH = /\b(de|het|een|van|niet|zijn|wordt|met|naar|voor|bij|uit|als|geen|jaar|jaren|kosten|personen|instroom|uitstroom|herinstroom|terug|aanname|zonder|berekend|bestand|grafieken|klik|plaatsen|eind|uitgaven|besparing|netto|vangnet|drempel|kopieer|tot|ook|wat)\b/i; // Dutch words that are not English
      const shown = async (page: Page) => {
        let text = await page.evaluate(() => document.body.innerText);
        for (const name of names.sort((a, b) => b.length - a.length)) text = text.split(name).join(" ");
        return text.replace(/\S*[/\\.]\S*|\b[\w-]+-[\w-]+\b/g, " "); // paths, file names, codes with hyphens
      };
      const dutchLines = async (page: Page) => (await shown(page)).split("\n").filter((l) => DUTCH.test(l));
      expect(await dutchLines(en)).toEqual([]);
      expect((await dutchLines(nl)).length).toBeGreaterThan(20); // the check finds Dutch where there is
      const text = await shown(en);
      expect(text).toMatch(/Totals over the horizon[\s\S]*Volume end of 2023, without intervention \(persons\)/);
      expect(await en.$$eval('figure[data-grafiek="buig"] svg text', (ts) => ts.map((t) => t.textContent ?? "").filter((t) => t.includes("€") && !/^[−-]?€\d/.test(t)))).toEqual([]); // −€1m: the sign where English tables put it
      expect(await en.textContent("#cli-opdracht")).toBe("bin/bijstandsim --lang en run scenarios/steenwijkerland.json --variant intensieve-begeleiding");
      // the same numbers: at horizon 4 both pages, cell by cell (the English page ignored horizon=99)
      const cells = (page: Page) => page.$$eval("#totalen-tabel td[data-metriek]", (tds) => tds.map((td) => td.getAttribute("data-waarde")));
      expect(await cells(en)).toEqual(await cells(nl));
      await change(en, "input[data-veld=instroom]", "105"); // the user's first change: the link's problem has been read
      expect(await en.textContent("#melding")).toBe("");
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
