/**
 * backtest: the national CBS series (persons on bijstand below the AOW age, end of
 * year; CBS StatLine) against scenarios/nederland.json (the CPB scenarios of June
 * 2020), next to the naive forecast.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { calibrate, tmp, writeTmp } from "./calibrate-fixtures.js";
import { cli } from "./cli-harness.js";
import { shipped } from "./helpers.js";

/** CBS, persons on bijstand below AOW age, end of year, x 1000. */
const CBS: Record<number, number> = { 2013: 413, 2014: 434, 2015: 449, 2016: 465, 2017: 457, 2018: 432, 2019: 415, 2020: 428, 2021: 408, 2022: 397, 2023: 401, 2024: 406 };
const cbsCsv = (from = 2013) => ["year,metric,value", ...Object.entries(CBS).filter(([y]) => Number(y) >= from).map(([y, v]) => `${y},volume_end,${v * 1000}`)].join("\n") + "\n";

describe("backtest on the national CBS series", () => {
  it("runs from 2019 and prints the model's and the naive forecast's MAPE and bias per scenario; writes backtest.csv", async () => {
    const dir = tmp();
    const out = join(dir, "out");
    const r = await calibrate("backtest", "scenarios/nederland.json", "--actual", writeTmp("cbs.csv", cbsCsv(), dir), "--from", "2019", "--out", out);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Backtest vanaf eind 2019: 2020-2024 geprojecteerd vanaf de werkelijke stand 415\.000/);
    expect(r.out).toMatch(/MAPE model\s+MAPE naïef\s+Bias model\s+Bias naïef/);
    // one history, five paths: a comparison of the paths, said as such (fit refuses it)
    expect(r.out).toContain("let op: de reeks noemt geen scenario, dus staan alle 5 macropaden naast dezelfde geschiedenis");
    const rows = readFileSync(join(out, "backtest.csv"), "utf8").trim().split("\n");
    expect(rows[0]).toBe("scenario,metric,year,years_ahead,actual,model,naive,error_model,error_naive,ape_model,ape_naive");
    expect(rows).toHaveLength(1 + 5 * 5);
    const summary = readFileSync(join(out, "backtest-summary.csv"), "utf8").trim().split("\n").map((l) => l.split(","));
    expect(summary[0]).toEqual(["scenario", "metric", "years", "mape_model", "mape_naive", "bias_model", "bias_naive", "mean_error_model", "mean_error_naive"]);
    const naive = [2020, 2021, 2022, 2023, 2024].map((y) => Math.abs(415 - CBS[y]) / CBS[y]);
    const byScenario = Object.fromEntries(summary.slice(1).map((s) => [s[0], s]));
    expect(Number(byScenario["matig-herstel"][4])).toBeCloseTo(naive.reduce((a, b) => a + b, 0) / 5, 6);
    // Every CPB scenario of June 2020 overshot; the pre-corona path did better than carrying 2019 forward.
    for (const s of ["matig-herstel", "volledig-herstel", "zwak-herstel", "tweede-golf"]) {
      expect(Number(byScenario[s][5]), s).toBeGreaterThan(0.1);
      expect(Number(byScenario[s][3])).toBeGreaterThan(Number(byScenario[s][4]));
    }
    expect(Number(byScenario["cep-2020"][3])).toBeLessThan(Number(byScenario["cep-2020"][4]));
  });

  it("moves the start of a file that starts later, and says so", async () => {
    const dir = tmp();
    const raw = shipped("scenarios/nederland.json");
    const cep = raw.macro.scenarios.find((s: any) => s.name === "cep-2020");
    cep.paths.landelijk_volume = { 2015: 1, 2016: 1, 2017: 1, 2018: 1, ...cep.paths.landelijk_volume };
    const file = writeTmp("nl.json", JSON.stringify(raw), dir);
    const r = await calibrate("backtest", file, "--actual", writeTmp("cbs.csv", cbsCsv(), dir), "--from", "2016", "--scenario", "cep-2020", "--out", join(dir, "o"));
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/let op: start_year verschoven van 2020 naar 2017/);
    expect(r.out).toMatch(/vanaf de werkelijke stand 465\.000/);
    expect(r.out).toMatch(/cep-2020\s+volume_end\s+8 /);
  });

  it("reads a file's macro set for the backtest's own years: an init file of 2026 on neutraal backtests from 2022", async () => {
    const dir = tmp();
    const file = join(dir, "z.json");
    const made = await cli("init", "--name", "z", "--start-year", "2026", "--stock", "1400", "--inflow", "500", "--outflow-work", "280", "--outflow-other", "170",
      "--benefit-month", "1400", "--budget", "24000000", "--macro", "neutraal", "--out", file, "--quiet");
    expect(made.code, made.err).toBe(0);
    const actual = writeTmp("real.csv", "year,volume_end,inflow\n2022,1330,470\n2023,1360,480\n2024,1385,490\n2025,1400,500\n", dir);
    const r = await calibrate("backtest", file, "--actual", actual, "--from", "2022", "--out", join(dir, "o"));
    expect(r.err).toBe(""); // it asked for a neutraal path back to 2022 that the file's own window (from 2025) did not have
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/let op: start_year verschoven van 2026 naar 2023/);
    expect(r.out).toMatch(/^2025 +1\.400 /m);
    // a stress test's shock stays where the file put it (from 2026): before it, the model is the neutral one
    const shaped = join(dir, "v.json");
    expect((await cli("init", "--name", "v", "--start-year", "2026", "--stock", "1400", "--inflow", "500", "--outflow-work", "280", "--outflow-other", "170",
      "--benefit-month", "1400", "--budget", "24000000", "--macro", "neutraal,cpb-2020-vormen", "--out", shaped, "--quiet")).code).toBe(0);
    const v = await calibrate("backtest", shaped, "--actual", actual, "--from", "2022", "--out", join(dir, "v"));
    expect(v.code, v.err).toBe(0);
    const rowsOf = (name: string) => v.out.split("\n\n").find((b) => b.includes(`(${name}): volume_end`))!.split("\n").filter((l) => /^20\d\d /.test(l));
    expect(rowsOf("stresstest-tweede-golf")).toEqual(rowsOf("neutraal"));
  });

  const bad: [string, string, string[], RegExp][] = [
    ["no value for the start year", "year,metric,value\n2020,volume_end,428000\n2021,volume_end,408000\n", ["--from", "2019"], /cbs\.csv: regel 2: volume_end heeft geen waarde voor 2019, die de naïeve prognose/],
    ["nothing after the start year", cbsCsv(), ["--from", "2024"], /cbs\.csv: heeft geen waarden na 2024/],
    ["an unknown metric", "year,metric,value\n2019,volume_end,415000\n2020,volumes,428000\n", ["--from", "2019"], /cbs\.csv: regel 3, kolom metric: onbekende grootheid "volumes"/],
    ["an unknown scenario", "scenario,year,metric,value\n,2019,volume_end,415000\nderde-golf,2020,volume_end,428000\n", ["--from", "2019"], /cbs\.csv: regel 3, kolom scenario: onbekend scenario "derde-golf"/],
    ["a bad year", "year,metric,value\n2019,volume_end,415000\n20x0,volume_end,428000\n", ["--from", "2019"], /cbs\.csv: regel 3, kolom year: jaar "20x0" is geen jaartal van vier cijfers/],
  ];
  for (const [name, csv, args, message] of bad) {
    it(`bad input: ${name} (exit 2)`, async () => {
      const dir = tmp();
      const r = await calibrate("backtest", "scenarios/nederland.json", "--actual", writeTmp("cbs.csv", csv, dir), ...args, "--out", join(dir, "o"));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(existsSync(join(dir, "o"))).toBe(false);
    });
  }
});
