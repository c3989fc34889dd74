/**
 * The command line as a user meets it: exit codes, one-line errors, output files.
 * Runs the compiled CLI in this process (`npm test` builds dist/ first); one test
 * starts bin/bijstandsim itself. `--csv nl` is read back as Dutch Excel reads it.
 */
import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { csvField, csvText } from "../src/locale/csv.js";
import { cli, cliProcess } from "./cli-harness.js";
import { dutchCell, parseCsv } from "./csv.js";
import { shipped } from "./helpers.js";

const DEFAULT = "scenarios/steenwijkerland.json";
const tmp = () => mkdtempSync(join(tmpdir(), "bijstandsim-"));
const base = () => shipped(DEFAULT);

/** Writes a (broken) scenario, runs it, and returns the result plus the output folder. */
async function runBroken(text: string, ...extra: string[]) {
  const dir = tmp();
  const file = join(dir, "broken.json");
  writeFileSync(file, text);
  const out = join(dir, "out");
  return { ...(await cli("run", file, "--out", out, ...extra)), out, file };
}

describe("bijstandsim run", () => {
  it("writes yearly.csv, transitions.csv, states.csv and results.json and prints a table per scenario", async () => {
    const out = join(tmp(), "run");
    const r = await cli("run", DEFAULT, "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Tweede golf \(tweede-golf\)/);
    expect(r.out).toMatch(/€\s11\.805\.798/); // the 2020 BUIG budget, formatted the Dutch way
    expect(readdirSync(out).sort()).toEqual(["breakeven.csv", "results.json", "sensitivity.csv", "states.csv", "transitions.csv", "yearly.csv"]);
    const yearly = readFileSync(join(out, "yearly.csv"), "utf8").trim().split("\n");
    expect(yearly[0]).toBe("scenario,variant,year,metric,value");
    const metrics = new Set(yearly.slice(1).map((l) => l.split(",")[3]));
    for (const m of ["volume_end", "volume_avg", "inflow", "reinflow", "outflow_work", "outflow_other", "expenditure", "budget", "buig_result"]) {
      expect(metrics.has(m)).toBe(true);
    }
    const budget2021 = yearly.find((l) => l.startsWith("matig-herstel,baseline,2021,budget,"));
    expect(budget2021).toBe("matig-herstel,baseline,2021,budget,12647305.00");
    const transitions = readFileSync(join(out, "transitions.csv"), "utf8");
    expect(transitions.split("\n")[0]).toBe("scenario,variant,year,from,to,count");
    expect(transitions).toMatch(/^tweede-golf,baseline,2021,Werken en ervaren,Direct werk,\d+\.\d{4}$/m);
    const json = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    expect(json.meta.file_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(json.meta.date).toBe("2026-01-01"); // SOURCE_DATE_EPOCH of vitest.config.ts
    expect(json.scenarios).toHaveLength(10); // 5 macro scenarios x (baseline, intensieve begeleiding)
    for (const m of ["intervention_participants", "intervention_starts", "intervention_cost", "buig_effect", "net_effect", "buig_result_after_vangnet"]) {
      expect(metrics.has(m)).toBe(true);
    }
    expect(yearly.some((l) => l.startsWith("tweede-golf,intensieve-begeleiding,2022,buig_effect,"))).toBe(true);
    // results.json and yearly.csv carry the same numbers
    const vol = yearly.find((l) => l.startsWith("zwak-herstel,baseline,2022,volume_end,"))!.split(",")[4];
    expect(json.scenarios.find((s: any) => s.name === "zwak-herstel" && s.variant === "baseline").years[2].volume_end).toBe(Number(vol));
    // The terminal summary: the stock before the start, outflow to work apart from other outflow, the BUIG result
    // before and after the vangnet in every table, an overview across scenarios, the intervention as a difference.
    expect(r.out).toMatch(/^Jaar\s+Volume eind \(personen\)\s+Instroom\s+Uitstroom naar werk\s+Uitstroom overig\s+Uitgaven\s+BUIG-budget\s+BUIG-resultaat\s+Na vangnet$/m);
    expect(r.out.match(/^Jaar .*Na vangnet$/gm)).toHaveLength(5);
    expect(r.out).toMatch(/^eind 2019\s+670$/m);
    expect(r.out).toMatch(/^BUIG-resultaat per scenario per jaar \(euro, zonder interventie; negatief = tekort\)\nScenario\s+2020\s+2021\s+2022\s+2023\s+Totaal 2020-2023\s+Totaal na vangnet$/m);
    expect(r.out).toMatch(/^Variant\s+Verschil volume 2023\s+Starters\s+BUIG-effect\s+Kosten\s+Netto-effect$/m); // no present value at a 0% discount rate
    // The net effect is the BUIG effect minus the cost as printed beside it, and break-even's net at the assumed effect is that number.
    const euros = (line: string) => (line.match(/€\s-?[\d.]+/g) ?? []).map((e) => Number(e.replace(/[€\s.]/g, "")));
    const ivRows = r.out.split("\n").filter((l) => /^Intensieve begeleiding\s+-?\d/.test(l)).map(euros);
    const breakEvenNets = r.out.split("\n").filter((l) => /Intensieve begeleiding\s+\d+,\d{3}\s+uitstroom/.test(l)).map((l) => euros(l).at(-1));
    expect(ivRows).toHaveLength(5);
    for (const [effect, cost, net] of ivRows) expect(net).toBe(effect - cost);
    expect(breakEvenNets).toEqual(ivRows.map((row) => row[2]));
    // Where the vangnet compensates part of the deficit (zwak herstel, tweede golf), what the municipality keeps, and that minus the cost.
    const afterVangnet = ivRows.filter((row) => row.length === 5);
    expect(afterVangnet).toHaveLength(2);
    for (const [effect, cost, , kept, keptNet] of afterVangnet) {
      expect(kept).toBeLessThan(effect);
      expect(keptNet).toBe(kept - cost);
    }
    expect(r.out).toContain('let op: in Zwak herstel en Tweede golf vergoedt de vangnetregeling een deel van het tekort; wat de interventie bespaart, verlaagt die vergoeding. "Na vangnet" is wat de gemeente zelf overhoudt.');
    // One rounding everywhere: -438,638.50 (matig herstel 2022, stored in cents) is € -438.639 here, in report.html and in results.xlsx.
    expect(json.scenarios.find((s: any) => s.name === "matig-herstel" && s.variant === "baseline").years[2].buig_result).toBe(-438638.5);
    expect(r.out).toMatch(/^2022 .*€\s-438\.639\s+€\s-438\.639$/m);
  });

  it("after many runs gives the 90% interval where the report does: volume, inflow, expenditure, the result before and after the vangnet, and the net effect", async () => {
    const out = join(tmp(), "psa");
    const r = await cli("run", DEFAULT, "--mode", "psa", "--runs", "40", "--workers", "1", "--scenario", "zwak-herstel", "--out", out);
    expect(r.code, r.err).toBe(0);
    const band = String.raw`\s\((?:€\s)?-?[\d.]+ – (?:€\s)?-?[\d.]+\)`;
    // 2023: volume, inflow, two outflows, expenditure, budget, result, after the vangnet
    expect(r.out).toMatch(new RegExp(String.raw`^2023\s+[\d.]+${band}\s+\d+${band}\s+\d+\s+\d+\s+€\s[\d.]+${band}\s+€\s[\d.]+\s+€\s-[\d.]+${band}\s+€\s-[\d.]+${band}$`, "m"));
    expect(r.out).toMatch(new RegExp(String.raw`^Intensieve begeleiding\s.*€\s-[\d.]+${band}\s`, "m"));
    const html = readFileSync("test/golden/steenwijkerland-psa/report.html", "utf8"); // report.html of the golden PSA run of this file (same code path; the golden test keeps it current)
    const section = html.slice(html.indexOf('id="interventies"'), html.indexOf("</table>", html.indexOf('id="interventies"')));
    expect(section).toMatch(/<span class="neg">€\s-[\d.]+<\/span> <span class="band">\(-[\d.]+ – -?[\d.]+\)<\/span>/);
    const summary = html.slice(html.indexOf('id="samenvatting"'), html.indexOf('id="grafieken"'));
    expect(summary.match(/<tr><td>2023<\/td>(.*?)<\/tr>/)![1].match(/class="band"/g)).toHaveLength(5);
  });

  it("the day of a run (results.json meta.date) is today, or the day of SOURCE_DATE_EPOCH", async () => {
    const { runDate } = await import("../src/cli/io.js");
    expect(runDate({}, new Date(2026, 11, 31, 23, 59))).toBe("2026-12-31");
    expect(runDate({ SOURCE_DATE_EPOCH: "1767225599" })).toBe("2025-12-31");
  });

  it("runs only the scenarios asked for, over the horizon asked for", async () => {
    const out = join(tmp(), "run");
    const r = await cli("run", DEFAULT, "--scenario", "tweede-golf", "--scenario", "cep-2020", "--horizon", "10", "--out", out);
    expect(r.code).toBe(0);
    const rows = readFileSync(join(out, "yearly.csv"), "utf8").trim().split("\n").slice(1);
    expect(new Set(rows.map((l) => l.split(",")[0]))).toEqual(new Set(["tweede-golf", "cep-2020"]));
    expect(new Set(rows.map((l) => l.split(",")[2])).size).toBe(10);
  });

  it("--timings says where the time went, in the order of the run, adding up to the total", async () => {
    const r = await cli("run", DEFAULT, "--scenario", "tweede-golf", "--timings", "--quiet", "--out", join(tmp(), "run"));
    expect(r.code).toBe(0);
    expect(r.out).toBe("");
    const m = /^bijstandsim: Tijden: opstarten \(Node en modules\) ([\d,]+) s, inlezen en compileren ([\d,]+) s, simuleren ([\d,]+) s, analyses ([\d,]+) s, bestanden opbouwen ([\d,]+) s, schrijven ([\d,]+) s; totaal ([\d,]+) s\n$/.exec(r.err);
    expect(m, r.err).not.toBeNull();
    const secs = m!.slice(1).map((v) => Number(v.replace(",", ".")));
    expect(Math.abs(secs.slice(0, -1).reduce((a, b) => a + b, 0) - secs[secs.length - 1])).toBeLessThanOrEqual(0.05); // each rounded to 0,01 s
  });

  it("reproduces the Berenschot table within 3% per cell", async () => {
    const out = join(tmp(), "run");
    expect((await cli("run", DEFAULT, "--out", out, "--quiet")).code).toBe(0);
    const json = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    const table: Record<string, number[]> = {
      "matig-herstel": [697, 782, 848],
      "volledig-herstel": [692, 746, 772],
      "zwak-herstel": [713, 859, 983],
      "tweede-golf": [702, 850, 1012],
    };
    for (const [name, cells] of Object.entries(table)) {
      const s = json.scenarios.find((x: any) => x.name === name && x.variant === "baseline");
      cells.forEach((cell, y) => expect(Math.abs(s.years[y].volume_end / cell - 1)).toBeLessThan(0.03));
    }
  });

  it("breakeven prints the break-even effect next to the assumed one and writes a CSV", async () => {
    const out = join(tmp(), "be");
    const r = await cli("breakeven", DEFAULT, "--intervention", "intensieve-begeleiding", "--scenario", "matig-herstel", "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Break-even/);
    // one joint row per scenario: the multiplier k on both effects, and each effect's value at k
    expect(r.out).toMatch(/Basisraming \/ matig herstel\s+Intensieve begeleiding\s+\d+,\d{3}\s+uitstroom naar werk \(intensiteitsfactor\) 1,150 → \d,\d{3}; stap omhoog op de ladder \(intensiteitsfactor\) 1,250 → \d,\d{3}/);
    expect(r.out).toMatch(/Elk effect apart/);
    const csv = readFileSync(join(out, "breakeven-intensieve-begeleiding.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toBe("scenario,intervention,effect,assumed,effect_multiplier,at_break_even,break_even_alone,net_effect_cumulative_assumed,net_effect_cumulative_break_even");
    const [, , , assumed, k, atK] = csv[1].split(",").map(Number);
    expect(atK).toBeCloseTo(1 + k * (assumed - 1), 5);
    expect(Math.abs(Number(csv[1].split(",")[8]))).toBeLessThan(1);
  });

  it("a reused output folder keeps no outputs of an earlier run that this run did not write", async () => {
    const out = join(tmp(), "reused");
    expect((await cli("run", DEFAULT, "--scenario", "matig-herstel", "--out", out, "--quiet")).code).toBe(0);
    writeFileSync(join(out, "draws.csv"), "old");
    writeFileSync(join(out, "report.html"), "old");
    const plain = base();
    plain.interventions = [];
    const dir = tmp();
    writeFileSync(join(dir, "plain.json"), JSON.stringify(plain));
    expect((await cli("run", join(dir, "plain.json"), "--out", out, "--quiet")).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["results.json", "states.csv", "transitions.csv", "yearly.csv"]);
  });

  it("validates the shipped scenarios", async () => {
    for (const f of readdirSync("scenarios").filter((f) => f.endsWith(".json"))) {
      const r = await cli("validate", join("scenarios", f));
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
    }
  });

  it("prints help with examples", async () => {
    const r = await cli("run", "--help");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Voorbeelden:\n  bin\/bijstandsim run /);
  });

  it("runs as bin/bijstandsim: the version, and a mistake's exit status and single line", () => {
    const v = cliProcess("--version");
    expect(v.code).toBe(0);
    expect(v.out.trim()).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
    const r = cliProcess("run", "scenarios/does-not-exist.json");
    expect(r.code).toBe(2);
    expect(r.err).toBe("bijstandsim: fout: scenarios/does-not-exist.json: bestand niet gevonden. Oplossing: controleer het pad; de meegeleverde scenario's staan in scenarios/\n");
  });
});

describe("bad input: one clear line, exit 2, no stack trace, no output", () => {
  const cases: [string, () => ReturnType<typeof runBroken>, RegExp][] = [
    ["malformed JSON", () => runBroken('{"name": "x",, }'), /broken\.json: regel 1, kolom \d+: is geen geldige JSON/],
    ["malformed JSON, said in Dutch (V8's message is English)", () => runBroken('{"name": "x" "horizon_years": 3}'), /broken\.json: regel 1, kolom 14: is geen geldige JSON \(na een waarde hoort een komma of \}\)\. Oplossing/],
    ["a missing colon, said in Dutch", () => runBroken('{"name" "x"}'), /broken\.json: regel 1, kolom 9: is geen geldige JSON \(na een naam hoort een dubbele punt\)\. Oplossing/],
    ["a bare word, said in Dutch", () => runBroken('{"name": tru}'), /broken\.json: \(bovenste niveau\): is geen geldige JSON \(het teken \} kan hier niet staan\)\. Oplossing/],
    ["NaN", () => runBroken(JSON.stringify(base()).replace('"per_year":141', '"per_year":NaN')), /geen geldige JSON.*JSON kent geen NaN/],
    ["Infinity (1e999)", () => runBroken(JSON.stringify(base()).replace('"per_year":141', '"per_year":1e999')), /inflow\.per_year: .*eindig getal/],
    ["schema violation", () => { const s = base(); s.cycle = "week"; return runBroken(JSON.stringify(s)); }, /cycle: is de tekst "week": geen toegestane waarde\. Oplossing: gebruik een van "month", "year"/],
    ["a required field misspelt", () => { const s = base(); s.horizon_year = s.horizon_years; delete s.horizon_years; return runBroken(JSON.stringify(s)); }, /horizon_years: ontbreekt; het bestand heeft wel het onbekende veld "horizon_year"\. Oplossing: hernoem "horizon_year" tot "horizon_years"/],
    ["unknown field", () => { const s = base(); s.horizon = 3; return runBroken(JSON.stringify(s)); }, /\(bovenste niveau\): onbekend veld "horizon"\. Oplossing: verwijder of hernoem "horizon" \(bedoelt u "horizon_years"\?\)/],
    // the fields are English; a Dutch word for one gets it named
    ["a field in Dutch", () => { const s = base(); s.interventions[0].capacity = { plaatsen: 150 }; return runBroken(JSON.stringify(s)); }, /interventions\[0\]\.capacity: onbekend veld "plaatsen"\. Oplossing: verwijder of hernoem "plaatsen" \(bedoelt u "places"\?\)/],
    // V8 gives no position for a comma before ] or }: found and named
    ["a trailing comma", () => runBroken(JSON.stringify(base(), null, 2).replace(/("Leren en ontwikkelen")(\s*\])/, "$1,$2")), /broken\.json: regel \d+, kolom \d+: is geen geldige JSON: een komma vlak voor \] of \}\. Oplossing: verwijder die komma/],
    // a distribution's type says which fields it needs: a lognormal without ci95 is told so (it was told to be a "normal"), an unknown type gets every type
    ["a lognormal written with mean and sd", () => { const s = base(); s.interventions[0].effects[0].distribution = { type: "lognormal", mean: 1.3, sd: 0.2 }; return runBroken(JSON.stringify(s)); }, /distribution\.ci95: ontbreekt\. Oplossing: voeg het toe, bijv\. "ci95": \[1\.05, 1\.4\]/],
    ["a distribution type in Dutch", () => { const s = base(); s.interventions[0].effects[0].distribution = { type: "lognormaal", ci95: [1, 1.7] }; return runBroken(JSON.stringify(s)); }, /distribution\.type: is de tekst "lognormaal": geen toegestane waarde\. Oplossing: gebruik een van "lognormal", "normal", "truncnormal", "uniform", "beta", "gamma"/],
    ["an interval written high to low", () => { const s = base(); s.interventions[0].effects[0].distribution.ci95 = [1.4, 0.95]; return runBroken(JSON.stringify(s)); }, /distribution\.ci95: ci95 moet \[laag, hoog\] zijn met laag <= hoog\. Oplossing: draai de twee getallen om: "ci95": \[0\.95,1\.4\]/],
    ["row not summing to 1", () => {
      const s = base();
      s.transitions = { per: "month", matrix: { order: s.states.map((x: any) => x.name), rows: s.states.map((_: any, i: number) => s.states.map((_: any, j: number) => (i === j ? 0.9 : 0))) } };
      return runBroken(JSON.stringify(s));
    }, /transitions\.matrix\.rows\[0\]: rij "Direct werk" telt op tot 0\.9, niet 1/],
    ["negative count", () => { const s = base(); s.initial["Zorg"] = -5; return runBroken(JSON.stringify(s)); }, /initial\.Zorg: moet 0 of meer zijn \(gevonden: het getal -5\)\. Oplossing: schrijf het zo: "Zorg": 820/],
    ["negative probability", () => { const s = base(); s.transitions.list[0].p = -0.1; return runBroken(JSON.stringify(s)); }, /transitions\.list\[0\]\.p: moet een kans tussen 0 en 1 zijn/],
    ["unknown state", () => { const s = base(); s.transitions.list[2].to = "Werken & ervaren"; return runBroken(JSON.stringify(s)); }, /transitions\.list\[2\]\.to: onbekende toestand "Werken & ervaren"\. Oplossing: gebruik een van de gedeclareerde toestanden/],
    // a number written the Dutch way: the fix shows the user's own number, not an example's
    ["budget as Dutch text", () => { const s = base(); s.buig.budget["2020"] = "15.000.000"; return runBroken(JSON.stringify(s)); }, /buig\.budget\["2020"\]: is de tekst "15\.000\.000", maar hier hoort een getal\. Oplossing: schrijf het zo: "2020": 15000000\n/],
    ["decimal comma in the JSON", () => runBroken(JSON.stringify(base(), null, 2).replace('"per_year": 141', '"per_year": 1.141,50')), /is geen geldige JSON \(.*\)\. Oplossing: schrijf een getal in JSON met een punt als decimaalteken en zonder punten tussen de duizendtallen: 1141\.50\n/],
    // the sum as the file's numbers add up, not 1.2800000000000002
    ["moves out summing above 1", () => { const s = base(); s.transitions.list[0].p = 0.61; s.transitions.list[2].p = 0.51; return runBroken(JSON.stringify(s)); }, /transitions\.list: de kansen uit "Direct werk" tellen op tot 1\.28, meer dan 1\. Oplossing/],
    ["entry not summing to 1", () => { const s = base(); s.inflow.entry["Zorg"] = 0.5; return runBroken(JSON.stringify(s)); }, /inflow\.entry: de aandelen tellen op tot 1\.45/],
    ["missing driver year", () => { const s = base(); delete s.macro.scenarios[0].paths.landelijk_volume["2019"]; return runBroken(JSON.stringify(s)); }, /macro\.scenarios\[0\]\.paths\.landelijk_volume: begint in 2020, maar de run heeft 2019 nodig/],
    ["unknown --scenario", () => runBroken(JSON.stringify(base()), "--scenario", "derde-golf"), /--scenario: onbekend scenario "derde-golf"\. Oplossing: gebruik een van: matig-herstel/],
  ];
  for (const [name, make, message] of cases) {
    it(name, async () => {
      const r = await make();
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err).toMatch(/^bijstandsim: fout: .*broken\.json/);
      expect(r.err.trim().split("\n")).toHaveLength(1);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(existsSync(r.out)).toBe(false);
    });
  }

  it("compare: runs that cannot be compared, or are no runs, stop with one Dutch line and write nothing", async () => {
    const out = join(tmp(), "vergelijking");
    const refused = async (args: string[], message: RegExp) => {
      const r = await cli("compare", ...args, "--out", out);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err.trim().split("\n")).toHaveLength(1);
      expect(existsSync(out)).toBe(false);
    };
    const golden = (name: string) => `test/golden/${name}`;
    await refused([golden("steenwijkerland-cohort"), golden("drentsche-aa-cohort")], /^bijstandsim: fout: test\/golden\/drentsche-aa-cohort: heeft geen jaar gemeen met test\/golden\/steenwijkerland-cohort: B rekent 2024–2028, A 2020–2023\. Oplossing: /);
    await refused([golden("steenwijkerland-cohort"), "scenarios"], /^bijstandsim: fout: scenarios: bevat geen results\.json, dus geen uitvoer van bijstandsim run\. Oplossing: /);
    await refused([golden("steenwijkerland-cohort"), "output/bestaat-niet"], /output\/bestaat-niet: niet gevonden\. Oplossing: /);
    await refused([golden("steenwijkerland-cohort")], /compare: vergelijkt twee of meer runs, maar kreeg er 1/);
  });

  it("unknown --variant and --intervention", async () => {
    const a = await runBroken(JSON.stringify(base()), "--variant", "loonkostensubsidie");
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/--variant: onbekende interventie of combinatie "loonkostensubsidie"\. Oplossing: gebruik een van: intensieve-begeleiding/);
    const b = await cli("breakeven", DEFAULT, "--intervention", "x", "--out", join(tmp(), "o"));
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/--intervention: onbekende interventie "x"/);
  });

  it("an --out that cannot be a folder", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "afile"), "x");
    const r = await cli("run", DEFAULT, "--out", join(dir, "afile"));
    expect(r.code).toBe(2);
    expect(r.err).toBe(`bijstandsim: fout: ${join(dir, "afile")}: --out: is een bestand, geen map. Oplossing: kies een andere map met --out, of verplaats het bestand\n`);
  });

  it("missing file", async () => {
    const r = await cli("run", "scenarios/does-not-exist.json", "--out", join(tmp(), "out"));
    expect(r.code).toBe(2);
    expect(r.err).toBe("bijstandsim: fout: scenarios/does-not-exist.json: bestand niet gevonden. Oplossing: controleer het pad; de meegeleverde scenario's staan in scenarios/\n");
  });

  it("a bad option value", async () => {
    const r = await cli("run", DEFAULT, "--horizon", "0");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--horizon moet een geheel getal van 1 tot en met 100 zijn/);
  });

  it("a count written the Dutch way is explained; a CSV dialect in capitals is taken", async () => {
    const dots = await cli("run", DEFAULT, "--mode", "psa", "--runs", "1.000");
    expect(dots.code).toBe(2);
    expect(dots.err).toContain('--runs is een geheel getal zonder punt tussen de duizendtallen: schrijf 1000 (gegeven: "1.000")');
    const out = join(tmp(), "nl");
    expect((await cli("run", DEFAULT, "--csv", "NL", "--out", out, "--quiet")).code).toBe(0);
    expect(readFileSync(join(out, "yearly.csv"), "utf8")).toMatch(/^\ufeffscenario;variant;year;metric;/);
  });

  it("validate reports the same problems", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "b.json"), "[1, 2");
    const r = await cli("validate", join(dir, "b.json"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/b\.json: .*is geen geldige JSON/);
  });
});

/** The default (tidy) files of the default scenario: the golden fixture. */
const TIDY = "test/golden/steenwijkerland-cohort";

describe("the CSV writer", () => {
  it("writes tidy CSV by default and Dutch Excel's dialect with nl", () => {
    const rows = [["Trede 1, start", "-12.50", 2022, "a;b", 'zei "ja"', "1e-7", "0.1.0"]];
    expect(csvText(["x"], rows)).toBe('x\n"Trede 1, start",-12.50,2022,"a;b","zei ""ja""",1e-7,0.1.0\n');
    expect(csvText(["x"], rows, "nl")).toBe('\uFEFFx\n"Trede 1, start";-12,50;2022;"a;b";"zei ""ja""";1e-7;0.1.0\n');
    expect(csvField("a\rb")).toBe('"a\rb"');
  });
});

describe("--csv nl", () => {
  it("writes every CSV of a run with ;, decimal commas and a BOM, holding the default files' numbers", async () => {
    const out = join(tmp(), "nl");
    expect((await cli("run", "scenarios/steenwijkerland.json", "--csv", "nl", "--out", out, "--quiet")).code).toBe(0);
    const csvs = readdirSync(TIDY).filter((f) => f.endsWith(".csv")).sort();
    expect(readdirSync(out).filter((f) => f.endsWith(".csv")).sort()).toEqual(csvs);
    let numbers = 0;
    const wrong: string[] = [];
    for (const f of csvs) {
      const text = readFileSync(join(out, f), "utf8");
      expect(text.startsWith("\uFEFF"), f).toBe(true);
      const nl = parseCsv(text.slice(1), ";");
      const tidy = parseCsv(readFileSync(join(TIDY, f), "utf8"));
      expect(nl.header, f).toEqual(tidy.header);
      expect(nl.rows.length, f).toBe(tidy.rows.length);
      nl.rows.forEach((row, i) =>
        row.forEach((cell, c) => {
          const want = tidy.rows[i][c];
          const n = Number(want);
          const numeric = want !== "" && Number.isFinite(n);
          if (numeric) numbers++;
          if (numeric ? dutchCell(cell) !== n : cell !== want) wrong.push(`${f} row ${i + 2}, ${tidy.header[c]}: ${cell} (tidy ${want})`);
        }),
      );
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(numbers).toBeGreaterThan(5000);
    // results.json does not depend on the CSV dialect
    expect(JSON.parse(readFileSync(join(out, "results.json"), "utf8")).scenarios).toEqual(JSON.parse(readFileSync(join(TIDY, "results.json"), "utf8")).scenarios);
  });

});
