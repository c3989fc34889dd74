/**
 * `bijstandsim init`: from an advisor's key figures to a valid, plain JSON scenario
 * whose first year reproduces the given flows; bad input stops with one Dutch line
 * naming the flag, exit 2, and nothing written. Runs the compiled CLI in this process.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { askInit, type Prompter } from "../src/cli/init-questions.js";
import { initInput } from "../src/cli/init-command.js";
import { librarySets } from "../src/cli/macro-library.js";
import { cli } from "./cli-harness.js";
import { parseCsv } from "./csv.js";

const tmp = () => mkdtempSync(join(tmpdir(), "init-"));

/** Runs `fn` with `dir` as the working directory (the test pool runs files in their own process). */
async function inDir<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return await fn();
  } finally {
    process.chdir(cwd);
  }
}

/** yearly.csv rows as { "<scenario>|<year>|<metric>": value }. */
function yearly(dir: string): Map<string, number> {
  const { header, rows } = parseCsv(readFileSync(join(dir, "yearly.csv"), "utf8"));
  const at = (name: string) => header.indexOf(name);
  return new Map(rows.map((r) => [`${r[at("scenario")]}|${r[at("year")]}|${r[at("metric")]}`, Number(r[at("value")])]));
}

const within = (got: number | undefined, want: number, tol = 0.005) => expect(Math.abs(got! - want) / want, `${got} vs ${want}`).toBeLessThan(tol);

const MEPPEL = ["init", "--name", "meppel", "--label", "Gemeente Meppel", "--start-year", "2024", "--stock", "820", "--inflow", "300", "--outflow-work", "180", "--outflow-other", "110", "--benefit-month", "1350", "--budget", "14500000"];

describe("bijstandsim init", () => {
  it("writes the Meppel file from six numbers; run reproduces 2024 within 0.5% under the neutral set", async () => {
    const dir = tmp();
    await inDir(dir, async () => {
      const r = await cli(...MEPPEL, "--macro", "neutraal", "--out", "meppel.json");
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/Controle 2024 zonder conjunctuur: instroom 300,0, uitstroom naar werk 180,0, overige uitstroom 110,0, volume eind 830,0/);
      const run = await cli("run", "meppel.json", "--out", "out/");
      expect(run.code).toBe(0);
    });
    const y = yearly(join(dir, "out"));
    within(y.get("neutraal|2024|inflow"), 300);
    within(y.get("neutraal|2024|outflow_work"), 180);
    within(y.get("neutraal|2024|outflow_other"), 110);
    within(y.get("neutraal|2024|volume_end"), 830);
  });

  it("prints its check in the run's language, numbers too (--lang en: 1,300.0, not 1.300,0)", async () => {
    const dir = tmp();
    const r = await cli(...MEPPEL.map((a) => (a === "300" ? "1300" : a === "820" ? "2820" : a)), "--lang", "en", "--macro", "neutraal", "--out", join(dir, "m.json"));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/inflow 1,300\.0, /);
    expect(r.out).not.toMatch(/1\.300,0/);
  });

  it("writes plain JSON in which every assumed number says so, with a source", async () => {
    const dir = tmp();
    expect((await cli(...MEPPEL, "--reinflow", "60", "--lks-persons", "40", "--lks-year", "9000", "--budget-after", "indexed", "--out", join(dir, "m.json"), "--quiet")).code).toBe(0);
    const raw = JSON.parse(readFileSync(join(dir, "m.json"), "utf8"));
    const sourced = [raw.transitions, raw.inflow, raw.buig, raw.buig.indexed_on, raw.states[0].cost, raw.states[1].reinflow, raw.states[2].cost, ...raw.macro.effects];
    for (const o of sourced) expect(o.source, JSON.stringify(o).slice(0, 80)).toMatch(/aanname|opgegeven/);
    expect(raw.transitions.source).toMatch(/Vervang door eigen gegevens/);
    expect(raw.macro.set).toBe("neutraal");
  });

  it("with groups: a ladder in the given order, and the flows (re-inflow included) reproduced", async () => {
    const dir = tmp();
    const file = join(dir, "g.json");
    const r = await cli(...MEPPEL.filter((a) => a !== "--stock" && a !== "820"), "--groups", "Trede 1=300,Trede 2=220,Trede 3=200,Trede 4=100", "--reinflow", "60", "--entry-shares", "0.1,0.2,0.3,0.4", "--macro", "neutraal,cpb-2020-vormen", "--out", file);
    expect(r.code).toBe(0);
    const raw = JSON.parse(readFileSync(file, "utf8"));
    expect(raw.ladder).toEqual(["Trede 1", "Trede 2", "Trede 3", "Trede 4"]);
    expect(raw.inflow.per_year).toBe(240);
    const out = join(dir, "out");
    const run = await cli("run", file, "--out", out, "--quiet");
    expect(run.code).toBe(0);
    const y = yearly(out);
    for (const [m, v] of [["inflow", 300], ["reinflow", 60], ["outflow_work", 180], ["outflow_other", 110], ["volume_end", 830]] as const) within(y.get(`neutraal|2024|${m}`), v);
    expect([...y.keys()].filter((k) => k.endsWith("|2024|volume_end")).map((k) => k.split("|")[0])).toEqual(["neutraal", "stresstest-matig-herstel", "stresstest-volledig-herstel", "stresstest-zwak-herstel", "stresstest-tweede-golf"]);
    expect(y.get("stresstest-tweede-golf|2026|volume_end")).toBeGreaterThan(y.get("neutraal|2026|volume_end")!);
  });

  it("runs the four CPB shapes from 2024 as stress tests", async () => {
    const dir = tmp();
    const file = join(dir, "s.json");
    expect((await cli(...MEPPEL, "--macro", "cpb-2020-vormen", "--out", file, "--quiet")).code).toBe(0);
    const r = await cli("run", file, "--out", join(dir, "o"));
    expect(r.code).toBe(0);
    // The elasticities are scaled so that the volume follows the shape of matig herstel in proportion by its third year.
    const neutral = yearly(join(dir, "o"));
    expect(JSON.parse(readFileSync(file, "utf8")).macro.effects[0].source).toMatch(/naar verhouding met de landelijke index meebeweegt \(1,2657\)/);
    const flat = (await cli(...MEPPEL, "--macro", "neutraal", "--out", join(dir, "n.json"), "--quiet"), await cli("run", join(dir, "n.json"), "--out", join(dir, "n"), "--quiet"), yearly(join(dir, "n")));
    within(neutral.get("stresstest-matig-herstel|2026|volume_end")! / flat.get("neutraal|2026|volume_end")!, 1.2657, 0.01);
    expect(r.out.match(/^Stresstest .* \(stresstest-[a-z-]+\)$/gm)).toHaveLength(4);
    expect(r.out).toMatch(/stresstests, geen prognose; vormen toegepast met basisjaar 2023/);
    expect(r.err).toMatch(/^bijstandsim: waarschuwing: drijver landelijk_volume staat in elk scenario vanaf 2027 stil op de waarde van 2026 \(2 jaar: 2027-2028\)/);
  });

  it("tunes the file to the municipality's own yearly counts: fit --target takes a wide table of any metrics and years", async () => {
    const dir = tmp();
    const file = join(dir, "m.json");
    expect((await cli(...MEPPEL, "--horizon", "2", "--out", file, "--quiet")).code).toBe(0);
    const counts = join(dir, "tellingen.csv");
    writeFileSync(counts, "year,volume_end,inflow,outflow_work,outflow_other\n2023,820,,,\n2024,845,320,170,125\n");
    const fitted = join(dir, "m-fit.json");
    const r = await cli("fit", file, "--target", counts, "--free", "inflow,outflow_work,outflow_other", "--out", fitted);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1 doelcel\(len\) vóór de projectie .* regel 2/);
    expect(JSON.parse(readFileSync(fitted, "utf8")).macro.set).toBe("neutraal");
    const out = join(dir, "o");
    expect((await cli("run", fitted, "--out", out, "--quiet")).code).toBe(0);
    const y = yearly(out);
    for (const [m, v] of [["inflow", 320], ["outflow_work", 170], ["outflow_other", 125], ["volume_end", 845]] as const) within(y.get(`neutraal|2024|${m}`), v);
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "year,volume_end,instroom\n2024,845,320\n");
    expect((await cli("fit", file, "--target", bad, "--free", "inflow", "--out", fitted)).err).toMatch(/bad\.csv: regel 1: onbekende kolom "instroom"/);
  });

  it("lists the macro sets", async () => {
    const r = await cli("init", "--list-macro");
    expect(r.code).toBe(0);
    for (const name of ["neutraal", "cpb-2020", "cpb-2020-vormen"]) expect(r.out).toMatch(new RegExp(`^${name} `, "m"));
  });

  const bad: [string, string[], RegExp][] = [
    ["negative count", ["--stock", "-5"], /--stock: -5 is negatief/],
    ["outflow above stock plus inflow", ["--outflow-work", "1100"], /--outflow-work: uitstroom naar werk plus overige uitstroom \(1210\) is niet kleiner dan stand plus instroom \(1120\)/],
    ["a budget of 0", ["--budget", "0"], /--budget: 0 moet boven 0 liggen/],
    ["shares that do not sum to 1", ["--groups", "A,B", "--group-shares", "0.5,0.6"], /--group-shares: de aandelen tellen op tot 1\.1, niet 1/],
    ["an unknown macro set", ["--macro", "cpb-2025"], /--macro: onbekende macroreeks "cpb-2025"\. Oplossing: gebruik een van: cpb-2020, cpb-2020-vormen, neutraal/],
    ["published paths that end before the start", ["--macro", "cpb-2020"], /--macro: cpb-2020 beschrijft jaren tot 2022/],
    ["a number with a thousands separator", ["--budget", "14.500.000"], /--budget: "14\.500\.000" is geen getal/],
    ["no benefit", ["--benefit-month", ""], /--benefit-month: .*geen getal|--benefit-month: ontbreekt/],
    ["a Dutch thousands dot that would read as a decimal", ["--benefit-month", "1.350"], /--benefit-month: "1\.350" leest als 1,35 .*niet als 1350\. Oplossing: schrijf --benefit-month 1350/],
    ["a Dutch thousands dot in a count", ["--stock", "1.820"], /--stock: "1\.820" leest als 1,82/],
    ["a dot in a whole number (a horizon of 1.000 is not 1)", ["--horizon", "1.000"], /--horizon: "1\.000" is geen geheel getal\. Oplossing: .* --horizon 5/],
    // a decimal comma split the budget in two, and the second amount replaced the first year's (43,5 became 5)
    ["a budget with a decimal comma", ["--budget", "43,5"], /--budget: "43,5": het bedrag "43" noemt geen jaar .*Oplossing: geef het budget in hele euro's, zonder komma of punt: bijv\. --budget 14500000, of per jaar: --budget 2024=14500000,2025=14800000/],
    ["a list with an amount without its year", ["--budget", "2024=43500000,2025=44,8"], /--budget: "2024=43500000,2025=44,8": het bedrag "8" noemt geen jaar/],
    ["a year given twice", ["--budget", "2024=1,2024=2"], /--budget: noemt 2024 twee keer/],
    ["group shares without groups (they were ignored: one state)", ["--group-shares", "0.4,0.6"], /--group-shares: geldt alleen met --groups/],
  ];
  for (const [name, args, message] of bad) {
    it(`refuses ${name}: one Dutch line naming the flag, exit 2, nothing written`, async () => {
      const file = join(tmp(), "x.json");
      const argv = [...MEPPEL];
      for (let i = 0; i < args.length; i += 2) {
        const at = argv.indexOf(args[i]);
        if (at >= 0) argv[at + 1] = args[i + 1];
        else argv.push(args[i], args[i + 1]);
      }
      const r = await cli(...argv, "--out", file);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err.trim().split("\n")).toHaveLength(1);
      expect(r.err).toMatch(/Oplossing: /);
      expect(existsSync(file)).toBe(false);
    });
  }

  it("warns, and still writes the file, when the benefit or the budget look like a slip", async () => {
    const dir = tmp();
    const monthAsYear = await cli(...MEPPEL.map((a) => (a === "1350" ? "16200" : a)), "--out", join(dir, "a.json"));
    expect(monthAsYear.code).toBe(0);
    expect(monthAsYear.err).toMatch(/waarschuwing: een gemiddelde uitkering van €\s16\.200 per maand is ongewoon hoog/);
    expect(monthAsYear.err).toMatch(/waarschuwing: het BUIG-budget 2024 \(€\s14\.500\.000\) is 0,091 keer wat de voorraad kost \(€\s159\.408\.000: 820 personen x €\s16\.200 x 12\)/);
    expect(existsSync(join(dir, "a.json"))).toBe(true);
    const tenfold = await cli(...MEPPEL.map((a) => (a === "14500000" ? "145000000" : a)), "--out", join(dir, "b.json"));
    expect(tenfold.err).toMatch(/is 10,9 keer wat de voorraad kost/);
    expect(tenfold.err).not.toMatch(/uitkering/);
    expect((await cli(...MEPPEL, "--out", join(dir, "c.json"))).err).not.toMatch(/waarschuwing/); // 820 x 1350 x 12 is 13.3 million against 14.5
    const thousands = await cli(...MEPPEL.map((a) => (a === "14500000" ? "14500" : a)), "--lks-persons", "50", "--lks-year", "10000", "--out", join(dir, "d.json"));
    expect(thousands.err).toMatch(/het BUIG-budget 2024 \(€\s14\.500\) is 0,00105 keer wat de voorraad kost \(€\s13\.784\.000: 820 personen x €\s1\.350 x 12, plus loonkostensubsidie €\s500\.000\)/);
    // every year's budget, not the first only: 44.8 for 2025 is millions typed as euros
    const later = await cli(...MEPPEL.map((a) => (a === "14500000" ? "2024=14500000,2025=44.8" : a)), "--out", join(dir, "f.json"));
    expect(later.err).toMatch(/waarschuwing: het BUIG-budget 2025 \(€\s45\) is 0,00000337 keer wat de voorraad kost/);
    expect(later.err).not.toMatch(/BUIG-budget 2024/);
    const shares = await cli(...MEPPEL, "--groups", "A,B", "--group-shares", "1.000,0", "--out", join(dir, "e.json"));
    expect(shares.code, shares.err).toBe(0); // a share may have three decimals
  });

  it("does not overwrite a file without --force", async () => {
    const file = join(tmp(), "m.json");
    writeFileSync(file, "mine");
    const r = await cli(...MEPPEL, "--out", file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--out: .*m\.json bestaat al\. Oplossing: .*--force/);
    expect(readFileSync(file, "utf8")).toBe("mine");
    expect((await cli(...MEPPEL, "--out", file, "--force", "--quiet")).code).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8")).name).toBe("meppel");
  });

  it("asks the questions one by one with defaults; the answers are the flags' values", async () => {
    const answers: Record<string, string> = { "Personen met bijstand": "820", Instroom: "300", "Uitstroom naar werk": "180", "Overige uitstroom": "110", "Gemiddelde uitkering": "1350", "BUIG-budget 2024": "14500000" };
    const asked: string[] = [];
    const scripted: Prompter = {
      text: async (message, o) => {
        asked.push(message);
        const key = Object.keys(answers).find((k) => message.startsWith(k));
        const v = key ? answers[key] : o.default ?? "";
        expect(o.validate?.(v) ?? true).toBe(true);
        return v;
      },
      choose: async (message, choices, fallback) => (asked.push(message), message.startsWith("Macro") ? choices[choices.length - 1].value : fallback),
    };
    const opts = await askInit(scripted, librarySets(), 2024);
    expect(asked[3]).toBe("Personen met bijstand eind 2023");
    expect(opts).toMatchObject({ name: "mijn-gemeente", startYear: "2024", stock: "820", macro: "neutraal,cpb-2020-vormen", budgetAfter: "held", out: "mijn-gemeente.json" });
    expect(initInput(opts, librarySets())).toMatchObject({ inflow: 300, outflowWork: 180, benefit: { per: "month", amount: 1350 }, budget: { "2024": 14500000 } });
  });

  it("says what is wrong with an answer as a sentence, without the flag the parser knows it by", async () => {
    const said: string[] = [];
    const scripted: Prompter = {
      text: async (message, o) => {
        const v = message.startsWith("Gemiddelde uitkering") ? "1.350" : message.startsWith("BUIG-budget") ? "abc" : message.startsWith("Uitstroom naar werk") ? "" : (o.default ?? "100");
        const verdict = o.validate?.(v) ?? true;
        if (verdict !== true) said.push(verdict);
        return message.startsWith("Gemiddelde uitkering") ? "1350" : message.startsWith("BUIG-budget") ? "14500000" : (o.default ?? "100");
      },
      choose: async (_m, _c, fallback) => fallback,
    };
    await askInit(scripted, librarySets(), 2024);
    expect(said).toEqual([
      "Dit getal is nodig: vul het in (staat het niet in de jaarrekening, neem dan een schatting en vervang die later).", // an empty answer, not '"" is geen getal'
      '"1.350" leest als 1,35 (de punt is een decimaalteken), niet als 1350. Schrijf 1350, zonder punt tussen de duizendtallen; een decimaal schrijft u met een punt, bijv. 1350.50',
      '"abc" is geen getal. Schrijf een getal zonder punten of spaties als scheiding, bijv. 14500000 of 1350.50',
    ]);
  });
});
