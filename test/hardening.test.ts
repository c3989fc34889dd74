/**
 * Issue #14, one block per class of the probe's findings: (1) a run is published as one
 * unit into a locked folder, (2) Ctrl-C with one worker, (3) no NaN or infinity is
 * published, (4) sizes are bounded before allocation, (5) large counts in the stochastic
 * modes, (6) one safe line per message, (7) CSV cells, (8) duplicate keys and strict
 * series numbers; and a sample of the fuzz harness (test/fuzz/run.mjs). Runs go through
 * the compiled CLI in this process on a two-state file; only what needs a real process
 * (a kill, a signal, a file size limit) spawns one.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli, fromDist, interruptWhen } from "./cli-harness.js";
import { twoState, type Raw } from "./helpers.js";

const tmp = () => mkdtempSync(join(tmpdir(), "hardening-"));
const posix = process.platform !== "win32";

/** A two-state file in a fresh folder; returns the folder and the file. */
function tiny(overrides: Raw = {}, name = "tiny.json"): { dir: string; file: string } {
  const dir = tmp();
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(twoState(0.02, { horizon_years: 2, inflow: { per_year: 120, entry: { A: 1 } }, buig: { budget: { "2024": 1e6 } }, ...overrides })));
  return { dir, file };
}

/** A refusal: exit 2 and exactly one line on stderr, with a fix. */
function refused(r: { code: number; err: string }, pattern: RegExp): void {
  expect(r.code, r.err).toBe(2);
  expect(r.err.split("\n")).toHaveLength(2);
  expect(r.err).toMatch(/ Oplossing: |\(zie --help\)/);
  expect(r.err).toMatch(pattern);
}

describe("1. a run is published as one unit", () => {
  it("replaces an earlier run's folder whole, and refuses a folder in the way, a user's folder, a link, a file and an empty name", async () => {
    const { dir, file } = tiny();
    const out = join(dir, "run");
    expect((await cli("run", file, "--out", out, "-q")).code).toBe(0);
    writeFileSync(join(out, ".yearly.csv.tmp-999999999"), "left by a killed run");
    writeFileSync(join(out, "draws.csv"), "an earlier run's");
    expect((await cli("run", file, "--out", out, "-q")).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["results.json", "states.csv", "transitions.csv", "yearly.csv"]);

    const inTheWay = join(dir, "in-the-way");
    mkdirSync(join(inTheWay, "results.json"), { recursive: true });
    refused(await cli("run", file, "--out", inTheWay), /bevat "results\.json", dat niet van een bijstandsim-run is/);
    expect(readdirSync(inTheWay)).toEqual(["results.json"]);

    const runs = join(dir, "runs"); // output/<stem>: the runs of a file and latest, not one run's folder
    mkdirSync(join(runs, "cohort-20260101-120000"), { recursive: true });
    if (posix) symlinkSync("cohort-20260101-120000", join(runs, "latest"));
    else writeFileSync(join(runs, "latest.txt"), "cohort-20260101-120000\n");
    refused(await cli("run", file, "--out", runs), /runs: --out: is een map met runs \(er staat latest in\).* Oplossing: laat --out weg/);
    expect(readdirSync(join(runs, "cohort-20260101-120000"))).toEqual([]);

    const mine = join(dir, "mine");
    mkdirSync(mine);
    writeFileSync(join(mine, "notities.txt"), "x");
    refused(await cli("run", file, "--out", mine), /notities\.txt/);
    expect(readdirSync(mine)).toEqual(["notities.txt"]);

    if (posix) {
      symlinkSync(join(dir, "nowhere"), join(dir, "dangling"));
      refused(await cli("run", file, "--out", join(dir, "dangling")), /symbolische koppeling/);
    }
    writeFileSync(join(dir, "a-file"), "");
    refused(await cli("run", file, "--out", join(dir, "a-file")), /is een bestand, geen map/);
    refused(await cli("run", file, "--out", join(dir, "a-file", "sub")), /ENOTDIR/);
    refused(await cli("run", file, "--out", ""), /--out: is leeg/);
    if (existsSync("/proc/self")) refused(await cli("run", file, "--out", "/proc/self/nieuw"), /kan hier niet schrijven/);
    expect(readdirSync(dir).sort()).toEqual(["a-file", ...(posix ? ["dangling"] : []), "in-the-way", "mine", "run", "runs", "tiny.json"]);
  });

  it("without --out keeps every run in its own folder and points latest at the newest", async () => {
    const { dir } = tiny();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect((await cli("run", "tiny.json", "-q")).code).toBe(0);
      expect((await cli("run", "tiny.json", "--mode", "psa", "--runs", "2", "--workers", "1", "-q")).code).toBe(0);
    } finally {
      process.chdir(cwd);
    }
    const stem = join(dir, "output", "tiny");
    const runs = readdirSync(stem).filter((f) => f !== "latest").sort();
    expect(runs).toHaveLength(2);
    expect(runs[0]).toMatch(/^cohort-\d{8}-\d{6}$/);
    expect(runs[1]).toMatch(/^psa-\d{8}-\d{6}$/);
    const { runFolderOf } = await fromDist<typeof import("../src/cli/run-folder.js")>("cli/run-folder.js");
    expect(runFolderOf(stem)).toBe(join(stem, runs[1]));
    const meta = JSON.parse(readFileSync(join(stem, "latest", "results.json"), "utf8")).meta;
    expect(meta.options.mode).toBe("psa");
    expect(meta.date).toMatch(/^\d{4}-\d\d-\d\d$/);
    // and compare reads both: the cohort run by its folder, the file's folder as its latest (the PSA)
    const compared = await cli("compare", join(stem, runs[0]), stem, "--stat", "mean", "--out", join(dir, "vergelijking"));
    expect(compared.err).toBe("");
    expect(compared.out).toContain(`A  ${join(stem, runs[0])}: tiny.json, cohortmodel`);
    expect(compared.out).toContain(`B  ${join(stem, runs[1])}: tiny.json, PSA, 2 trekkingen`);
    expect(readdirSync(join(dir, "vergelijking")).sort()).toEqual(["vergelijking.csv", "vergelijking.html", "vergelijking.xlsx"]);
  });

  it.skipIf(!posix)("a kill between the renames loses nothing, a second run meanwhile is refused, and a full disk writes nothing", async () => {
    const { dir, file } = tiny();
    const out = join(dir, "run");
    expect((await cli("run", file, "--out", out, "-q")).code).toBe(0);
    const before = readFileSync(join(out, "results.json"), "utf8");
    const child = spawn(process.execPath, ["bin/bijstandsim", "run", file, "--out", out, "-q", "--scenario", "basis"], { env: { ...process.env, BIJSTANDSIM_TEST_PAUSE_COMMIT: "1" } });
    let err = "";
    await new Promise<void>((resolve, reject) => {
      child.stderr.on("data", (d) => (err += d) && /commit halverwege/.test(err) && resolve());
      child.on("exit", () => reject(new Error(`exited before the commit: ${err}`)));
    });
    refused(await cli("run", file, "--out", out, "-q"), /in gebruik door een andere bijstandsim \(proces \d+/);
    const killed = new Promise((resolve) => child.on("exit", resolve));
    child.kill("SIGKILL");
    await killed;
    expect(existsSync(out)).toBe(false); // the earlier run is swapped out, the new one not yet in
    const { Output } = await fromDist<typeof import("../src/report/publish.js")>("report/publish.js");
    Output.open(out, "replace").release(); // the next publisher into the folder puts things right
    expect(readFileSync(join(out, "results.json"), "utf8")).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(["run", "tiny.json"]);

    const full = join(dir, "full");
    const r = spawnSync("sh", ["-c", `ulimit -f 2 && exec "${process.execPath}" bin/bijstandsim run "${file}" --out "${full}" -q`], { encoding: "utf8" });
    refused({ code: r.status ?? -1, err: r.stderr }, /EFBIG/);
    expect(readdirSync(dir).sort()).toEqual(["run", "tiny.json"]);
  }, 30_000);

  it("writeFilesAtomically removes what a killed process left", async () => {
    const dir = tmp();
    writeFileSync(join(dir, ".a.csv.tmp-999999999"), "x");
    const { writeFilesAtomically } = await fromDist<typeof import("../src/report/write.js")>("report/write.js");
    writeFilesAtomically(dir, { "a.csv": "a\n" });
    expect(readdirSync(dir)).toEqual(["a.csv"]);
  });
});

describe("2. Ctrl-C", () => {
  it("stops a one-thread PSA with exit 130, one line and nothing written", async () => {
    const { dir, file } = tiny();
    const out = join(dir, "out");
    const { code, err } = await interruptWhen(/PSA gestart: \d+ trekkingen, verdeeld over --workers 1/, "run", file, "--mode", "psa", "--runs", "300000", "--workers", "1", "--out", out);
    expect(code).toBe(130);
    expect(err.trim().split("\n").pop()).toBe("bijstandsim: onderbroken (Ctrl-C); er is niets geschreven");
    expect(err).not.toMatch(/worker failed|Terminating/);
    expect(readdirSync(dir)).toEqual(["tiny.json"]);
  }, 30_000);

  it("stops before publishing a Ctrl-C that is pending while the work goes on through promises alone", async () => {
    // The run signals itself just before its last check (BIJSTANDSIM_TEST_SIGINT_BEFORE_COMMIT):
    // the signal waits in the event loop's poll phase, which a promise chain never reaches.
    const { dir, file } = tiny();
    const out = join(dir, "out");
    const r = spawnSync(process.execPath, ["bin/bijstandsim", "run", file, "--out", out, "-q"], { encoding: "utf8", env: { ...process.env, BIJSTANDSIM_TEST_SIGINT_BEFORE_COMMIT: "1" } });
    expect(r.status).toBe(130);
    expect(r.stderr.trim().split("\n").pop()).toBe("bijstandsim: onderbroken (Ctrl-C); er is niets geschreven");
    expect(readdirSync(dir)).toEqual(["tiny.json"]);
    // the same for `report`: the run's folder stays as it was, without a report
    expect((await cli("run", file, "--out", out, "-q")).code).toBe(0);
    const before = readdirSync(out).sort();
    const rep = spawnSync(process.execPath, ["bin/bijstandsim", "report", out, "-q"], { encoding: "utf8", env: { ...process.env, BIJSTANDSIM_TEST_SIGINT_BEFORE_COMMIT: "1" } });
    expect(rep.status).toBe(130);
    expect(readdirSync(out).sort()).toEqual(before);
  }, 30_000);

  it("stops synth with exit 130 and one line, and removes the half-written panel", () => {
    // synth used to run outside the Ctrl-C path: Node's default ended it, silently, leaving .panel.csv.tmp-<pid>
    const { dir, file } = tiny();
    const r = spawnSync(process.execPath, ["bin/bijstandsim", "synth", "--scenario", file, "--clients", "20000", "--months", "24", "--out", join(dir, "panel.csv")], { encoding: "utf8", env: { ...process.env, BIJSTANDSIM_TEST_SIGINT_BEFORE_COMMIT: "1" } });
    expect(r.status).toBe(130);
    expect(r.stderr.trim().split("\n").pop()).toBe("bijstandsim: onderbroken (Ctrl-C); er is niets geschreven");
    expect(readdirSync(dir)).toEqual(["tiny.json"]);
  }, 30_000);
});

describe("3. no NaN or infinity is published", () => {
  it("refuses the probe's inputs at their field", async () => {
    const cases: [Raw, RegExp][] = [
      [{ states: [{ name: "A", kind: "on", cost: { per: "month", benefit: 1e308 } }, { name: "X", kind: "exit" }] }, /states\[0\]\.cost\.benefit: is groter dan 1\.000\.000\.000\.000\.000: geen plausibele invoer/],
      [{ states: [{ name: "A", kind: "on", cost: { per: "month", benefit: 2e7 } }, { name: "X", kind: "exit" }] }, /states\[0\]\.cost\.benefit: mag hoogstens 10\.000\.000 zijn/],
      [{ initial: { A: 1e308 } }, /initial\.A: is groter dan/],
      [{ initial: { A: 2e9 } }, /initial\.A: mag hoogstens 1\.000\.000\.000 zijn/],
      [{ inflow: { per_year: 1e308, entry: { A: 1 } } }, /inflow\.per_year/],
      [{ states: [{ name: "A", kind: "on", cost: { per: "month", benefit: 10, distribution: { type: "gamma", mean: 10, sd: 1e-320 } } }, { name: "X", kind: "exit" }] }, /states\[0\]\.cost\.distribution\.sd/],
      [{ macro: { drivers: { d: { label: "d", base_year: 2023 } }, effects: [], scenarios: [{ name: "s", label: "S", paths: { d: { "2023": 1e-320 } } }] } }, /macro\.scenarios\[0\]\.paths\.d\["2023"\]/],
    ];
    for (const [overrides, pattern] of cases) {
      const { file } = tiny(overrides);
      refused(await cli("validate", file), pattern);
    }
  });

  it("a PSA draw far out in a distribution's tail ends in the finite check, not in a sampler that never returns", () => {
    // an elasticity drawn around 1201: the inflow overflows, and the counts become NaN
    const raw = JSON.parse(readFileSync("scenarios/steenwijkerland.json", "utf8"));
    raw.macro.effects[0].distribution.mean = 1201;
    const file = join(tmp(), "staart.json");
    writeFileSync(file, JSON.stringify(raw));
    const r = spawnSync(process.execPath, ["bin/bijstandsim", "run", file, "--mode", "psa", "--runs", "3", "--workers", "1", "-q", "--out", join(tmp(), "out")], { encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^bijstandsim: fout: .*de berekening geeft een ongeldig getal \(NaN of oneindig\).*Oplossing: /);
  });

  it("the last check names the first non-finite field and the inputs behind it", async () => {
    const { firstNonFinite, inputBehind } = await fromDist<typeof import("../src/outcomes/finite.js")>("outcomes/finite.js");
    expect(firstNonFinite({ scenarios: [{ years: [{ expenditure: 1 }, { expenditure: Infinity }] }] })).toBe("scenarios[0].years[1].expenditure");
    expect(firstNonFinite({ a: Float64Array.of(1, NaN), b: null })).toBe("a[1]");
    expect(firstNonFinite({ breakeven: [{ scale: null }] })).toBeUndefined();
    expect(inputBehind("model.interventions[0].places")).toMatch(/capaciteit/);
  });
});

describe("4. sizes are bounded before anything is allocated", () => {
  it("refuses months, years and model sizes beyond the limits, and a file that never ends", async () => {
    const layers = { interventions: [{ name: "iv", label: "IV", targets: ["A"], start: "2024", end: "2025", capacity: { places: 10 }, duration_months: 1200, effects: [{ target: "outflow_work", hazard_ratio: 1.2, decay: { type: "linear", months: 1e6 } }] }] };
    const cases: [Raw, RegExp][] = [
      [layers, /decay\.months: mag hoogstens 1\.200 zijn/],
      [{ start_year: 1e15 }, /start_year/],
      [{ initial: { A: { count: 10, left_within_months: 1e9 } } }, /left_within_months/],
    ];
    for (const [overrides, pattern] of cases) refused(await cli("validate", tiny(overrides).file), pattern);
    const { file } = tiny();
    refused(await cli("run", file, "--mode", "psa", "--runs", "100000000", "--workers", "1"), /is te groot om te rekenen: geheugen: nodig [\d,]+ GB; grens 2,0 GB\. Oplossing: verlaag --runs/);
    refused(await cli("run", tiny({ initial: { A: 1e9 } }).file, "--mode", "microsim", "--workers", "1"), /personen per populatie \(grens 50\.000\.000\)\. Oplossing: gebruik --mode cohort, of --persons-scale/);
    // a scale that leaves nobody reported the whole budget as a surplus
    refused(await cli("run", "scenarios/steenwijkerland.json", "--mode", "microsim", "--persons-scale", "1e-9", "--workers", "1"), /--persons-scale: 0,000000001 laat in de microsimulatie niemand over \(minder dan één persoon\)\. Oplossing: kies een schaal van ten minste 0,000\d+/);
    // too many replications: fewer of them first (the advice spoke only of the mode and the scale)
    refused(await cli("run", "scenarios/nederland.json", "--mode", "microsim", "--runs", "1000000", "--workers", "1"), /is te groot om te rekenen: geheugen: nodig [\d,]+ GB; grens 2,0 GB\. Oplossing: verlaag --runs, of gebruik --mode cohort/);
    if (existsSync("/dev/zero")) refused(await cli("validate", "/dev/zero"), /is geen tekstbestand/);
  });

  it("refuses an intervention whose participant states pass the limit, naming it", async () => {
    const states = [{ name: "A", kind: "on", cost: { per: "month", benefit: 1 } }, { name: "X", kind: "exit" }];
    const bands = { months: Array.from({ length: 99 }, (_, i) => i + 1), outflow_multiplier: Array(100).fill(1), initial_share: [1, ...Array(99).fill(0)] };
    const iv = { name: "lang", label: "Lang", targets: ["A"], start: "2024", end: "2025", capacity: { places: 10 }, duration_months: 1200, effects: [{ target: "outflow_work", hazard_ratio: 1.2 }] };
    refused(await cli("validate", tiny({ states, duration_bands: bands, interventions: [iv] }).file), /interventions\[0\]: maakt het model te groot: 120\.101 toestanden na uitsplitsing \(grens 100\.000\).*Oplossing: verlaag duration_months/);
  });
});

describe("5. large counts in the stochastic modes", () => {
  it("runs PSA on a billion persons within seconds (the samplers' cost does not grow with the count)", async () => {
    const { dir, file } = tiny({ initial: { A: 1e9 }, inflow: { per_year: 1e9, entry: { A: 1 } } });
    const t = performance.now();
    const r = await cli("run", file, "--mode", "psa", "--runs", "4", "--workers", "1", "--out", join(dir, "out"), "-q");
    expect(r.code, r.err).toBe(0);
    expect(performance.now() - t).toBeLessThan(3000);
  });
});

describe("6. one safe line per message", () => {
  it("escapes control characters, cuts long values, names UTF-16, binary and duplicate keys", async () => {
    const { dir, file } = tiny();
    const ctl = await cli("run", file, "--scenario", "x\u001b[31m\nrood\u0000");
    refused(ctl, /onbekend scenario "x\\u001b\[31m\\nrood\\u0000"/);
    refused(await cli("run", file, "--scenario", "y".repeat(5000)), /"y{119}…"/);
    expect((await cli("run", file, "--scenario", "y".repeat(5000))).err.length).toBeLessThan(400);
    const u16 = join(dir, "u16.json");
    writeFileSync(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(file, "utf8"), "utf16le")]));
    refused(await cli("validate", u16), /is UTF-16 \(little-endian\), geen UTF-8/);
    const bare = join(dir, "bare16.json");
    writeFileSync(bare, Buffer.from(readFileSync(file, "utf8"), "utf16le"));
    refused(await cli("validate", bare), /is UTF-16/);
    const bin = join(dir, "bin.json");
    writeFileSync(bin, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x08, 0, 1, 2, 3]));
    refused(await cli("validate", bin), /is geen tekstbestand/);
    const dup = join(dir, "dup.json");
    writeFileSync(dup, readFileSync(file, "utf8").replace('"initial":{', '"initial":{"A":5,'));
    refused(await cli("validate", dup), /initial\.A: veld "A" staat twee keer in hetzelfde object/);
  });

  it("refuses options a cohort run would ignore (--runs, --seed, --draws, --no-noise), and a PSA in which nothing varies", async () => {
    const { file } = tiny();
    refused(await cli("run", file, "--runs", "10"), /--runs: geldt alleen voor --mode psa en --mode microsim.* Oplossing: gebruik --mode psa/);
    refused(await cli("run", file, "--mode", "cohort", "--seed", "3"), /--seed: geldt alleen voor --mode psa en --mode microsim/);
    refused(await cli("run", file, "--draws"), /--draws: geldt alleen voor --mode psa en --mode microsim/);
    refused(await cli("run", file, "--no-noise"), /--no-noise: geldt alleen voor --mode psa;/);
    // a PSA in which nothing varies: tiny() has no distribution
    refused(await cli("run", file, "--mode", "psa", "--no-noise", "--runs", "5"), /--no-noise: geen parameter in het bestand heeft een verdeling .* Oplossing: laat --no-noise weg/);
    expect((await cli("run", file, "--mode", "psa", "--runs", "10", "--seed", "3", "--workers", "1", "--quiet")).code).toBe(0);
  });

  it("a clone that was never built says what to do, in one line, instead of a stack trace", () => {
    // bin/bijstandsim copied next to an empty dist/: what a clone without `npm ci` has
    const dir = tmp();
    mkdirSync(join(dir, "bin"));
    writeFileSync(join(dir, "bin", "bijstandsim"), readFileSync("bin/bijstandsim"));
    const run = (...args: string[]) => spawnSync(process.execPath, [join(dir, "bin", "bijstandsim"), ...args], { encoding: "utf8", env: { ...process.env, BIJSTANDSIM_LANG: "" } });
    const nl = run("run", "scenarios/steenwijkerland.json");
    expect(nl.status).toBe(2);
    expect(nl.stderr).toBe("bijstandsim: fout: het programma is nog niet gebouwd (dist/bundle/ ontbreekt). Oplossing: voer eerst `npm ci` (of `npm run build`) uit in de map van bijstandsim\n");
    const en = run("--lang", "en", "--version");
    expect(en.status).toBe(2);
    expect(en.stderr).toMatch(/^bijstandsim: error: the program is not built yet .* Fix: run `npm ci`/);
  });
});

describe("7. CSV cells", () => {
  it("neutralises formula-like names and quotes carriage returns, numbers stay numbers", async () => {
    const { csvField } = await fromDist<typeof import("../src/locale/csv.js")>("locale/csv.js");
    expect(["=1+1", "+31 6", "-x", "@SUM(A1)", "-12.50", "-12,50", "a\rb", 'a"b', "a;b", "plain"].map((v) => csvField(v))).toEqual([
      "'=1+1", "'+31 6", "'-x", "'@SUM(A1)", "-12.50", '"-12,50"', '"a\rb"', '"a""b"', '"a;b"', "plain",
    ]);
    expect(csvField(-5)).toBe("-5");
    expect(csvField("-12.50", "nl")).toBe("-12,50");
    expect(csvField("=1+1", "tidy", false)).toBe("=1+1"); // a panel read back by estimate keeps its names
    const states = [{ name: "=HYPERLINK(1)", kind: "on", cost: { per: "month", benefit: 1 } }, { name: "X\rY", kind: "exit" }];
    const { dir, file } = tiny({ states, initial: { "=HYPERLINK(1)": 10 }, transitions: { per: "month", list: [{ from: "=HYPERLINK(1)", to: "X\rY", p: 0.1 }] }, inflow: { per_year: 0, entry: { "=HYPERLINK(1)": 1 } } });
    expect((await cli("run", file, "--out", join(dir, "out"), "-q")).code).toBe(0);
    const csv = readFileSync(join(dir, "out", "transitions.csv"), "utf8");
    expect(csv).toMatch(/^basis,baseline,2024,'=HYPERLINK\(1\),"X\rY",\d/m);
  });
});

describe("8. strict series numbers", () => {
  it("refuses 415.000, 0x10 and a negative count in a target series", async () => {
    const { dir, file } = tiny();
    for (const [value, pattern] of [["415.000", /dubbelzinnig.*schrijf er dan minder dan drie \(415.00\)/], ["1.250.000", /^(?!.*NaN).*dubbelzinnig: .*Oplossing: schrijf het getal zonder scheidingstekens \(1250000\); uit Excel: zet de celopmaak op Standaard vóór het opslaan als CSV$/m], ["0x10", /is geen getal/], ["-5", /is negatief/]] as const) {
      const series = join(dir, "reeks.csv");
      writeFileSync(series, `scenario,year,metric,value\n,2024,volume_end,${value}\n`);
      refused(await cli("fit", file, "--target", series, "--free", "inflow", "--out", join(dir, "fit.json")), pattern);
    }
  });
});

describe("the fuzz harness", () => {
  it("a sample of 40 mutants: each exits 0 with complete, finite files or 2 with one line and nothing written", async () => {
    type Mutant = { id: number; what: string };
    const script = (name: string) => new URL(`./fuzz/${name}`, import.meta.url).href;
    const { mutants } = (await import(script("mutate.mjs"))) as { mutants: (files: { name: string; text: string }[], o: { seed: number; n: number }) => Iterable<Mutant> };
    const { runMutant } = (await import(script("check.mjs"))) as { runMutant: (m: Mutant, dir: string) => Promise<{ verdict: string; reason?: string }> };
    // Three national mutants to one with an intervention: the national file runs in milliseconds, break-even takes longer.
    const files = ["nederland.json", "nederland.json", "nederland.json", "steenwijkerland.json"].map((name) => ({ name, text: readFileSync(join("scenarios", name), "utf8") }));
    const dir = tmp();
    const defects: string[] = [];
    const verdicts = { ok: 0, refused: 0 };
    for (const m of mutants(files, { seed: 11, n: 40 })) {
      const r = await runMutant(m, join(dir, `m${m.id}`));
      if (r.verdict === "defect") defects.push(`#${m.id} ${m.what}: ${r.reason}`);
      else verdicts[r.verdict as "ok" | "refused"]++;
    }
    expect(defects).toEqual([]);
    expect(verdicts.ok).toBeGreaterThan(3);
    expect(verdicts.refused).toBeGreaterThan(3);
  }, 60_000);
});
