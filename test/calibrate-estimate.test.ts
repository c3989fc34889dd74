/**
 * estimate and synth: the round trip (a panel synthesised from a known matrix is
 * estimated back), standard errors, streaming, and every kind of bad panel.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { synthPanel } from "../src/calibrate/synth.js";
import { PanelReader, readPanelText } from "../src/calibrate/panel.js";
import { streamPanel } from "../src/calibrate/panel-stream.js";
import { estimateScenario } from "../src/calibrate/estimate.js";
import { formatMonth } from "../src/calibrate/period.js";
import { collectStates } from "../src/cli/options.js";
import { parseScenario } from "../src/model/parse.js";
import { compileScenario } from "../src/model/compile/index.js";
import type { Model } from "../src/model/model.js";
import { compile } from "./helpers.js";
import { calibrate, eightState, STATES, tmp, writeTmp } from "./calibrate-fixtures.js";

const HEADER = "client_id,period,state";

/** A synthetic panel as CSV bytes, read by the byte path like a file (in memory). */
async function synthCounts(model: Model, clients: number, months: number, seed: number, extra: { gapRate?: number; inflow?: boolean } = {}) {
  const names = model.declared.map((d) => d.name);
  const lines = [HEADER];
  for (const r of synthPanel(model, { clients, months, seed, inflow: false, ...extra })) lines.push(`${r.client},${formatMonth(model.startYear * 12 + r.month)},${names[r.state]}`);
  const bytes = Buffer.from(lines.join("\n") + "\n");
  const reader = new PanelReader({ file: "synth.csv", states: model.declared.map((d) => ({ name: d.name, kind: d.kind })) });
  let at = 0;
  await streamPanel(async (buf, offset, length) => {
    const n = bytes.copy(buf, offset, at, Math.min(bytes.length, at + length));
    at += n;
    return n;
  }, reader);
  return reader.finish();
}

describe("estimate: round trip from a known 8-state matrix", () => {
  it("recovers every probability above 0.02 within 3 standard errors (20,000 clients x 36 months)", async () => {
    const model = compile(eightState());
    const m = model.declared.length;
    expect(m).toBe(8);
    const panel = await synthCounts(model, 20000, 36, 11);
    expect(panel.clients).toBe(20000);
    const { summary } = estimateScenario(panel, { name: "rt", disappear: "exit", startYear: 2024 });
    const idx = (name: string) => summary.states.findIndex((s) => s.name === name);
    let checked = 0;
    for (let i = 0; i < m; i++) {
      if (model.declaredKind[i] === 2) continue;
      for (let j = 0; j < m; j++) {
        const p = model.base[i * m + j];
        const e = summary.estimates.find((x) => x.from === STATES[i] && x.to === STATES[j]);
        if (p === 0) {
          expect(e, `${STATES[i]} -> ${STATES[j]} never happens`).toBeUndefined();
          continue;
        }
        expect(summary.counts[idx(STATES[i]) * summary.states.length + idx(STATES[j])]).toBeGreaterThan(0);
        if (p <= 0.02) continue;
        const z = (e!.p - p) / e!.se;
        expect(Math.abs(z), `${STATES[i]} -> ${STATES[j]}: estimate ${e!.p} vs ${p}, se ${e!.se}`).toBeLessThan(3);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
    // Everyone ends in an exit row of the file, so nobody disappears.
    expect(summary.disappeared).toBe(0);
  });

  it("reports standard errors that match the binomial ones and the spread over repeated panels", async () => {
    const model = compile(eightState());
    const m = model.declared.length;
    const zs: number[] = [];
    for (let seed = 1; seed <= 30; seed++) {
      const { summary } = estimateScenario(await synthCounts(model, 1500, 36, seed), { name: "rep", disappear: "exit", startYear: 2024 });
      for (const e of summary.estimates) {
        const i = STATES.indexOf(e.from as (typeof STATES)[number]);
        const j = STATES.indexOf(e.to as (typeof STATES)[number]);
        const p = model.base[i * m + j];
        // The reported se is the binomial one: sqrt(p (1 - p) / n), n = client-months in the row.
        const n = summary.rowTotal[summary.states.findIndex((s) => s.name === e.from)];
        expect(e.se).toBeCloseTo(Math.sqrt((e.p * (1 - e.p)) / n), 12);
        if (i !== j && p > 0.02) zs.push((e.p - p) / e.se);
      }
    }
    // If the se's are right, the standardised errors have sd 1 (here ~570 of them).
    const mean = zs.reduce((a, b) => a + b, 0) / zs.length;
    const sd = Math.sqrt(zs.reduce((a, z) => a + (z - mean) ** 2, 0) / (zs.length - 1));
    expect(zs.length).toBeGreaterThan(400);
    expect(Math.abs(mean)).toBeLessThan(0.15);
    expect(sd).toBeGreaterThan(0.9);
    expect(sd).toBeLessThan(1.1);
  });

  it("writes a scenario with the counts (per month) that compiles to the estimated matrix and draws Dirichlet rows", async () => {
    const dir = tmp();
    const scen = writeTmp("acht.json", JSON.stringify(eightState()), dir);
    const panel = join(dir, "panel.csv");
    let r = await calibrate("synth", "--scenario", scen, "--clients", "3000", "--months", "24", "--seed", "5", "--out", panel);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/panel\.csv: \d+ rijen/);
    const out = join(dir, "geschat.json");
    r = await calibrate("estimate", "--panel", panel, "--template", scen, "--start-year", "2023", "--out", out, "--series", join(dir, "series.csv"), "--estimates", join(dir, "est.csv"));
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Overgangskansen per maand/);
    expect(r.out).toMatch(/Nieuwe instroom: [\d.]+ cliënten in 23 maanden/);
    const spec = parseScenario(readFileSync(out, "utf8"), out);
    expect(spec.transitions.per).toBe("month");
    expect(spec.transitions.counts!.length).toBeGreaterThan(20);
    expect(spec.start_year).toBe(2023);
    expect(spec.buig.budget["2021"]).toBe(10000000); // kept from the template
    const model = compileScenario(spec, out);
    // Dirichlet concentration per row = the row's client-months
    const t1 = spec.transitions.counts!.filter((c) => c.from === "T1").reduce((a, c) => a + c.n, 0);
    expect(model.uncertainty.rowConcentration[0]).toBe(t1);
    expect(model.base[0 * 8 + 1]).toBeCloseTo(spec.transitions.counts!.find((c) => c.from === "T1" && c.to === "T2")!.n / t1, 12);
    const series = readFileSync(join(dir, "series.csv"), "utf8");
    expect(series.split("\n")[0]).toBe("scenario,year,metric,value");
    expect(series).toMatch(/^,2022,outflow_work,\d+$/m);
    expect(readFileSync(join(dir, "est.csv"), "utf8").split("\n")[0]).toBe("from,to,n,row_total,p,se");
  });

  it("the examples of estimate --help run as written, one after the other (synth's panel, then both estimates)", async () => {
    const help = (await calibrate("estimate", "--help")).out;
    const examples = help.split("\n").filter((l) => l.startsWith("  bin/bijstandsim ")).map((l) => l.trim());
    expect(examples).toHaveLength(3);
    const dir = tmp();
    symlinkSync(resolve("scenarios"), join(dir, "scenarios"));
    for (const line of examples) {
      const r = spawnSync("sh", ["-c", line.replace(/^bin\/bijstandsim /, `"${process.execPath}" "${resolve("bin/bijstandsim")}" `) + " --quiet"], { cwd: dir, encoding: "utf8" });
      expect(r.stderr, line).toBe("");
      expect(r.status, line).toBe(0);
    }
    expect(existsSync(join(dir, "mijn-gemeente.json")) && existsSync(join(dir, "reeks.csv"))).toBe(true);
  }, 30_000);

  it("--states takes a name with a comma in quotes, as the panel writes it", async () => {
    expect(collectStates('"Trede 1, start",Werk:off, "Zorg, tijdelijk":on')).toEqual(["Trede 1, start", "Werk:off", "Zorg, tijdelijk:on"]);
    expect(collectStates("A,B", ["X"])).toEqual(["X", "A", "B"]);
    expect(collectStates('"open,B')).toEqual(['"open', "B"]); // no closing quote: a plain list
    const dir = tmp();
    const panel = writeTmp("komma.csv", 'client_id,period,state\n1,2021-11,"Trede 1, start"\n1,2021-12,"Trede 1, start"\n1,2022-01,Werk\n2,2021-11,Werk\n2,2021-12,"Trede 1, start"\n2,2022-01,"Trede 1, start"\n', dir);
    const r = await calibrate("estimate", "--panel", panel, "--states", '"Trede 1, start",Werk:off', "--start-year", "2022", "--out", join(dir, "k.json"), "--quiet");
    expect(r.err).toBe("");
    expect(JSON.parse(readFileSync(join(dir, "k.json"), "utf8")).states.map((st: { name: string; kind: string }) => `${st.name}:${st.kind}`)).toEqual(["Trede 1, start:on", "Werk:off"]);
  });

  it("says a panel saved as Excel's plain CSV (Windows-1252) is not UTF-8, and how to save it", async () => {
    const dir = tmp();
    const panel = join(dir, "excel.csv");
    writeFileSync(panel, Buffer.concat([Buffer.from("client_id;period;state\r\n1;2021-01;Re"), Buffer.from([0xef]), Buffer.from("ntegratie\r\n1;2021-02;Werk\r\n")]));
    const r = await calibrate("estimate", "--panel", panel, "--states", "Reïntegratie,Werk:off", "--out", join(dir, "e.json"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/regel 2, kolom state: toestand "Re\uFFFDntegratie" bevat tekens die geen UTF-8 zijn.*Oplossing: sla het op als "CSV UTF-8/);
  });

  it("never writes an output over an input: the panel, the template or the target stays as it was", async () => {
    const dir = tmp();
    const scen = writeTmp("acht.json", JSON.stringify(eightState()), dir);
    const panel = join(dir, "klanten.csv");
    expect((await calibrate("synth", "--scenario", scen, "--clients", "200", "--months", "24", "--out", panel, "--quiet")).code).toBe(0);
    const [panelText, scenText] = [readFileSync(panel, "utf8"), readFileSync(scen, "utf8")];
    const refused = [
      [["estimate", "--panel", panel, "--template", scen, "--start-year", "2023", "--out", panel], "--out", "--panel"],
      [["estimate", "--panel", panel, "--template", scen, "--start-year", "2023", "--out", join(dir, "e.json"), "--series", join(dir, ".", "klanten.csv")], "--series", "--panel"],
      [["estimate", "--panel", panel, "--template", scen, "--start-year", "2023", "--out", scen], "--out", "--template"],
      [["synth", "--scenario", scen, "--clients", "10", "--months", "12", "--out", scen], "--out", "--scenario"],
      [["fit", scen, "--target", panel, "--free", "inflow", "--out", join(dir, "f.json"), "--residuals", panel], "--residuals", "--target"],
    ] as const;
    for (const [args, output, input] of refused) {
      const r = await calibrate(...args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.err).toContain(`: ${output}: is ook het invoerbestand (${input}): schrijven zou het overschrijven. Oplossing: kies een ander bestand voor de uitvoer`);
    }
    // two outputs on one new file: the second would replace the first
    const twice = await calibrate("estimate", "--panel", panel, "--template", scen, "--start-year", "2023", "--out", join(dir, "x.json"), "--series", join(dir, "x.json"));
    expect(twice.code).toBe(2);
    expect(twice.err).toContain(": --series: is ook de uitvoer van --out: de ene zou de andere overschrijven.");
    expect(readFileSync(panel, "utf8")).toBe(panelText);
    expect(readFileSync(scen, "utf8")).toBe(scenText);
    expect(existsSync(join(dir, "e.json"))).toBe(false);
  });

  it("synth: the same seed gives the same file, another seed another; gaps are counted and break the chain", async () => {
    const dir = tmp();
    const scen = writeTmp("acht.json", JSON.stringify(eightState()), dir);
    const run = async (seed: string, name: string, ...extra: string[]) => {
      const r = await calibrate("synth", "--scenario", scen, "--clients", "500", "--months", "12", "--seed", seed, "--out", join(dir, name), "--quiet", ...extra);
      expect(r.code).toBe(0);
      return readFileSync(join(dir, name), "utf8");
    };
    const a = await run("3", "a.csv");
    expect(await run("3", "b.csv")).toBe(a);
    expect(await run("4", "c.csv")).not.toBe(a);
    const gappy = await run("3", "gaps.csv", "--gap-rate", "0.1");
    expect(gappy.length).toBeLessThan(a.length);
    const panel = readPanelText(gappy, { file: "gaps.csv" });
    expect(panel.gaps).toBeGreaterThan(100);
    const r = await calibrate("estimate", "--panel", join(dir, "gaps.csv"), "--states", "T1,T2,T3,T4,T5,Werk:off,Geplaatst:off,Uit:exit", "--out", join(dir, "g.json"));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`Hiaten: ${panel.gaps.toLocaleString("nl-NL")} \\(bij`));
    expect(existsSync(join(dir, "g.json"))).toBe(true);
  });
});

describe("estimate: the panel as a municipality has it", () => {
  it("leaving the file early is an exit; one-observation clients, blank lines and rows after an exit are reported, not errors", async () => {
    const csv = [
      HEADER,
      "1,2021-01,A", "1,2021-02,A", "1,2021-03,B", "1,2021-04,B",
      "2,2021-01,A", "2,2021-02,A", // leaves after February: an exit
      "3,2021-02,B", "3,2021-03,B", "3,2021-04,A", // new in February: inflow
      "4,2021-04,A", // one observation
      "",
      "5,2021-01,B", "5,2021-02,X", "5,2021-03,X", // X is an exit: the repeat is skipped
      "6,2021-01,A", "6,2021-02,A", "6,2021-03,A", "6,2021-04,A",
    ].join("\n") + "\n";
    const dir = tmp();
    const file = writeTmp("panel.csv", csv, dir);
    const r = await calibrate("estimate", "--panel", file, "--states", "A,B,X:exit", "--start-year", "2022", "--out", join(dir, "s.json"));
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/19 regels gelezen, 17 gegevensrijen, 16 gebruikt, 1 overgeslagen; 6 cliënten, 2021-01 t\/m 2021-04/); // 17 = 16 + 1: the blank line is no data row (it is listed below)
    expect(r.out).toMatch(/1 x lege regel \(eerst op regel 12/);
    expect(r.out).toMatch(/1 x rij na de uitstroom van de cliënt \(eerst op regel 15/);
    expect(r.out).toMatch(/Cliënten met één waarneming: 1/);
    expect(r.out).toMatch(/Uit het bestand vóór de laatste maand: 1 cliënten, geteld als overgang naar "X"/);
    expect(r.out).toMatch(/Nieuwe instroom: 2 cliënten in 3 maanden = 8,0 per jaar/);
    const spec = JSON.parse(readFileSync(join(dir, "s.json"), "utf8"));
    const n = (from: string, to: string) => spec.transitions.counts.find((c: any) => c.from === from && c.to === to)?.n ?? 0;
    expect([n("A", "A"), n("A", "B"), n("A", "X"), n("B", "B"), n("B", "A"), n("B", "X")]).toEqual([5, 1, 1, 2, 1, 1]);
    expect(spec.initial).toEqual({ A: 3, B: 1 }); // the panel ends before December 2021: its last month (2021-04) is the start
    expect(r.out).toMatch(/let op: de projectie begint in 2022; het bestand eindigt in 2021-04/);
  });

  it("reads ';'-separated files with quoted fields and a byte-order mark", async () => {
    const csv = "\uFEFFclient_id;period;state\r\n1;2021-01;\"Trede 1; start\"\r\n1;2021-02;\"Trede 1; start\"\r\n1;2021-03;Trede 2\r\n2;2021-01;Trede 2\r\n2;2021-02;Trede 2\r\n2;2021-03;Trede 2\r\n";
    const panel = readPanelText(csv, { file: "x.csv" });
    expect(panel.states.map((s) => s.name)).toEqual(["Trede 1; start", "Trede 2"]);
    expect(Array.from(panel.transitions)).toEqual([1, 1, 0, 2]);
  });

  it("streams: keeps one entry per client and one count table per month, not the rows (240,000 here)", async () => {
    const model = compile(eightState());
    const panel = await synthCounts(model, 2000, 120, 2);
    // Per client only first/last observation are kept; count tables are per month.
    expect(panel.clients).toBe(2000);
    expect(panel.occupancy.size).toBe(120);
  });
});

describe("estimate: bad panels stop with the line number (exit 2)", () => {
  const cases: [string, string, string[], RegExp][] = [
    ["an unknown state", `${HEADER}\n1,2021-01,A\n1,2021-02,Trede 9\n`, ["--states", "A,B"], /panel\.csv: regel 3, kolom state: onbekende toestand "Trede 9"\. Oplossing: gebruik een van de gedeclareerde toestanden: "A", "B"/],
    ["a non-numeric period", `${HEADER}\n1,2021-01,A\n1,maart,A\n`, [], /panel\.csv: regel 3, kolom period: periode "maart" is geen maand zoals 2021-03/],
    ["an invalid month", `${HEADER}\n1,2021-13,A\n`, [], /panel\.csv: regel 2, kolom period: periode "2021-13" maand 13 ligt niet tussen 1 en 12/],
    ["a duplicate (client, period)", `${HEADER}\n1,2021-01,A\n1,2021-02,A\n1,2021-02,B\n`, [], /panel\.csv: regel 4, kolom period: cliënt "1" heeft een tweede rij voor 2021-02\. Oplossing: houd één rij per cliënt per maand/],
    ["rows out of order", `${HEADER}\n1,2021-03,A\n1,2021-02,A\n`, [], /panel\.csv: regel 3, kolom period: cliënt "1": 2021-02 komt na 2021-03\. Oplossing: sorteer het bestand/],
    // a semicolon file gets a sort command for semicolons, and the advice that makes 2020-12 sort after 2020-2
    ["rows out of order, semicolons", "client_id;period;state\n1;2020-12;A\n1;2020-2;A\n", [], /komt na 2020-12\. Oplossing: sorteer het bestand op client_id en period, met de maand in twee cijfers \(2021-03, niet 2021-3: als tekst komt 2020-12 vóór 2020-2\), bijv\. `sort -t';' -k1,1 -k2,2`/],
    ["an empty file", "", [], /panel\.csv: is leeg\. Oplossing:/],
    ["a header only", `${HEADER}\n`, [], /panel\.csv: heeft een kopregel maar geen bruikbare gegevensrijen/],
    ["a missing column", "client_id,period\n1,2021-01\n", [], /panel\.csv: regel 1: de kopregel heeft geen kolom "state" \(wel: "client_id", "period"\)/],
    ["too few columns on a row", `${HEADER}\n1,2021-01,A\n2,2021-01\n`, [], /panel\.csv: regel 3: heeft 2 kolom\(men\), de kopregel heeft er 3/],
    ["mixed period formats", `${HEADER}\n1,2021-01,A\n2,7,A\n`, [], /panel\.csv: regel 3, kolom period: periode "7" is een maandnummer, maar regel 2 heeft een kalendermaand/],
    ["a state with no moves out of it", `${HEADER}\n1,2021-01,A\n1,2021-02,B\n`, [], /panel\.csv: toestand "B" heeft geen waargenomen overgangen eruit.*Oplossing: declareer hem als uitstroomtoestand/],
    ["a state unknown to the template", `${HEADER}\n1,2021-01,Trede 1\n`, ["--template", "TEMPLATE"], /panel\.csv: regel 2, kolom state: onbekende toestand "Trede 1"\. Oplossing: gebruik een van de gedeclareerde toestanden: "T1"/],
    ["a missing file", "", ["--panel", "/does/not/exist.csv"], /\/does\/not\/exist\.csv: bestand niet gevonden/],
  ];
  for (const [name, csv, extra, message] of cases) {
    it(name, async () => {
      const dir = tmp();
      const file = writeTmp("panel.csv", csv, dir);
      const template = writeTmp("t.json", JSON.stringify(eightState()), dir);
      const args = extra.map((a) => (a === "TEMPLATE" ? template : a));
      const r = await calibrate("estimate", "--panel", file, ...args, "--start-year", "2022", "--out", join(dir, "out.json"));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^bijstandsim: fout: /);
      expect(r.err).toMatch(message);
      expect(r.err.trim().split("\n")).toHaveLength(1);
      expect(existsSync(join(dir, "out.json"))).toBe(false);
    });
  }

  it("--skip-invalid counts bad rows per reason instead of stopping", async () => {
    const dir = tmp();
    const file = writeTmp("panel.csv", `${HEADER}\n1,2021-01,A\n1,xx,A\n1,2021-02,A\n1,2021-02,B\n2,2021-01,B\n2,2021-02,B\n2,2021-03,A\n1,2021-03,A\n`, dir);
    const r = await calibrate("estimate", "--panel", file, "--skip-invalid", "--start-year", "2022", "--out", join(dir, "out.json"));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1 x ongeldige periode \(eerst op regel 3/);
    expect(r.out).toMatch(/1 x dubbele \(cliënt, periode\) \(eerst op regel 5/);
    expect(r.out).toMatch(/2 overgeslagen/);
  });
});
