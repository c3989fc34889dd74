/**
 * Chance of payback (outcomes/payback.ts): on a hand-made values array with a known
 * answer, then on real probabilistic runs of a small model, and through the CLI
 * (payback.csv and results.json, the same for any number of workers).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatChance } from "../src/locale/format.js";
import { metricAt, resultSize, type ResultLayout } from "../src/outcomes/bands.js";
import { paybackIndex, paybackPercentile, paybackRows } from "../src/outcomes/payback.js";
import { parseResults } from "../src/outcomes/results.js";
import { paybackIntervalLabel, paybackYearLabel } from "../src/report/labels.js";
import { psaRuns, runSize } from "../src/simulate/psa.js";
import { cli } from "./cli-harness.js";
import { compile, type Raw } from "./helpers.js";

const layout: ResultLayout = { years: 3, states: 1 };
const names = [
  { scenario: "basis", variant: "baseline" },
  { scenario: "basis", variant: "ib" },
];

/**
 * 4 runs of one scenario (baseline, then "ib") over 2024-2026. Every other value is 7
 * (so reading another metric or result would show), the baseline's cumulative net
 * effect a million. The intervention's cumulative net effect per run:
 *   run 0: -100, 50, 80      pays back in 2025
 *   run 1: -100, -20, 10     pays back in 2026
 *   run 2: 20, -5, 30        above zero in 2024 but not after: pays back in 2026
 *   run 3: 0, 0.004, -3      never (0.004 is no cent)
 */
function handMade(kept = 1): Float64Array {
  const size = names.length * resultSize(layout);
  const values = new Float64Array(4 * size).fill(7);
  const paths = [[-100, 50, 80], [-100, -20, 10], [20, -5, 30], [0, 0.004, -3]];
  paths.forEach((path, run) =>
    path.forEach((v, y) => {
      values[run * size + metricAt(layout, 0, "net_effect_cumulative", y)] = 1e6;
      values[run * size + metricAt(layout, 1, "net_effect_cumulative", y)] = v;
      // after the vangnet: the same yearly net effects, or (kept < 1) only that share of each gain
      const step = v - (y > 0 ? path[y - 1] : 0);
      values[run * size + metricAt(layout, 1, "net_effect_after_vangnet", y)] = step > 0 ? step * kept : step;
    }),
  );
  return values;
}

describe("chance of payback on a hand-made set of runs", () => {
  it("gives per year the share above zero, the share paid back and the payback year's percentiles", () => {
    const rows = paybackRows({ values: handMade(), runs: 4, layout }, names, 2024);
    expect(rows).toEqual([
      {
        scenario: "basis",
        intervention: "ib",
        runs: 4,
        years: [
          { year: 2024, probability: 0.25 },
          { year: 2025, probability: 0.25 },
          { year: 2026, probability: 0.75 },
        ],
        paidBack: 0.75,
        // by 2025 one run of four (25% >= 5%) has paid back, by 2026 three (75% >= 50%); 95% never within the horizon
        paybackYear: { p05: 2025, median: 2026, p95: null },
      },
    ]);
  });

  it("adds the chance with what the municipality keeps after the vangnet, only where it differs", () => {
    // keeping a tenth of each year's gain: run 0 (-100, -85, -82) and run 1 never pay back; run 2 (2, -5, 30 -> 2, -5, -1.5) neither
    const [row] = paybackRows({ values: handMade(0.1), runs: 4, layout }, names, 2024);
    expect(row.paidBack).toBe(0.75);
    expect(row.afterVangnet).toEqual({
      years: [{ year: 2024, probability: 0.25 }, { year: 2025, probability: 0 }, { year: 2026, probability: 0 }],
      paidBack: 0,
      paybackYear: { median: null, p05: null, p95: null },
    });
  });

  it("the payback year is the first year from which the cumulative net effect stays above zero", () => {
    expect(paybackIndex([-1, 2, 3])).toBe(1);
    expect(paybackIndex([5, -1, 3])).toBe(2);
    expect(paybackIndex([5, 6, 7])).toBe(0);
    expect(paybackIndex([5, 6, -7])).toBe(3); // censored
    expect(paybackIndex([5, 6, 0.001])).toBe(3);
  });

  it("percentiles are the first year by which that share has paid back, null beyond the horizon", () => {
    // 20 runs: 1 in the first year, 9 in the second, 9 in the third, 1 censored
    const perIndex = [1, 9, 9, 1];
    expect(paybackPercentile(perIndex, 20, 5)).toBe(0); // 1 of 20 = 5%
    expect(paybackPercentile(perIndex, 20, 50)).toBe(1); // 10 of 20
    expect(paybackPercentile(perIndex, 20, 95)).toBe(2); // 19 of 20
    expect(paybackPercentile([0, 0, 9, 11], 20, 50)).toBe(null); // 9 of 20 within the horizon
    expect(paybackPercentile([0, 0, 0, 20], 20, 5)).toBe(null);
  });

  it("is written in Dutch: whole percents, and a year beyond the horizon as \"na <last year>\"", () => {
    expect([0, 0.004, 0.34, 0.996, 1].map(formatChance)).toEqual(["0%", "<1%", "34%", ">99%", "100%"]);
    expect(paybackYearLabel(2022, 2023)).toBe("2022");
    expect(paybackYearLabel(null, 2023)).toBe("na 2023");
    expect(paybackIntervalLabel(2021, null, 2023)).toBe("2021 – na 2023");
    expect(paybackIntervalLabel(2021, 2023, 2023)).toBe("2021 – 2023");
    expect(paybackIntervalLabel(null, null, 2023)).toBe("na 2023");
  });

  it("refuses values that do not match the runs and results", () => {
    expect(() => paybackRows({ values: new Float64Array(10), runs: 4, layout }, names, 2024)).toThrow(/expected \d+ values \(4 runs x 2 results\), got 10/);
  });
});

/** Two steps on bijstand, work and exit; an intervention whose effect may or may not pay for its cost within five years. */
const small = (): Raw => ({
  name: "small", start_year: 2024, horizon_years: 5,
  states: [
    { name: "A", kind: "on", cost: { per: "year", benefit: 15000 } },
    { name: "B", kind: "on", cost: { per: "year", benefit: 15000 } },
    { name: "W", kind: "off" },
    { name: "X", kind: "exit" },
  ],
  initial: { A: 300, B: 200 },
  transitions: { per: "month", list: [
    { from: "A", to: "B", p: 0.05 }, { from: "B", to: "A", p: 0.02 }, { from: "B", to: "W", p: 0.03 },
    { from: "A", to: "X", p: 0.01 }, { from: "W", to: "B", p: 0.02 },
  ] },
  inflow: { per_year: 120, entry: { A: 0.6, B: 0.4 } },
  buig: { budget: { "2024": 9000000 } },
  interventions: [
    { name: "ib", label: "IB", targets: ["B"], start: "2024", end: "2025", capacity: { places: 40 }, duration_months: 6,
      effects: [{ target: "outflow_work", hazard_ratio: 1.6, distribution: { type: "lognormal", ci95: [0.9, 2.8] } }], costs: { per_start: 2000 } },
  ],
});

describe("chance of payback on probabilistic runs", () => {
  it("is consistent: the share paid back is the last year's probability, and p05 <= median <= p95", () => {
    const model = compile(small());
    const spec = { seed: 3, noise: true, scenarios: [], variants: [] };
    const runs = 200;
    const values = psaRuns(model, spec, 0, runs);
    expect(values.length).toBe(runs * runSize(model, spec));
    const [row] = paybackRows({ values, runs, layout: { years: model.years, states: model.declared.length } }, [{ scenario: "basis", variant: "baseline" }, { scenario: "basis", variant: "ib" }], 2024);
    expect(row.years.map((y) => y.year)).toEqual([2024, 2025, 2026, 2027, 2028]);
    expect(row.paidBack).toBe(row.years[4].probability);
    // an uncertain effect around break-even: some runs pay back, some do not
    expect(row.paidBack).toBeGreaterThan(0.05);
    expect(row.paidBack).toBeLessThan(0.95);
    const { p05, median, p95 } = row.paybackYear;
    const after = (y: number | null) => y ?? Infinity;
    expect(p05).not.toBeNull();
    expect(after(p05)).toBeLessThanOrEqual(after(median));
    expect(after(median)).toBeLessThanOrEqual(after(p95));
    expect(p95).toBeNull(); // more than 5% never pay back within the horizon
    expect(median === null).toBe(row.paidBack < 0.5);
  });
});

describe("bijstandsim run --mode psa: payback outputs", () => {
  const dir = mkdtempSync(join(tmpdir(), "payback-"));
  const file = join(dir, "small.json");
  writeFileSync(file, JSON.stringify(small()));

  it("writes payback.csv and results.json payback rows, byte-identical for --workers 1 and 2", async () => {
    const outs: string[] = [];
    for (const w of [1, 2]) {
      const out = join(dir, `w${w}`);
      const r = await cli("run", file, "--mode", "psa", "--runs", "60", "--seed", "9", "--workers", String(w), "--out", out, "--quiet");
      expect(r.err).toBe("");
      expect(r.code).toBe(0);
      outs.push(out);
    }
    expect(readdirSync(outs[0])).toContain("payback.csv");
    for (const f of ["payback.csv", "results.json"]) expect(readFileSync(join(outs[1], f), "utf8")).toBe(readFileSync(join(outs[0], f), "utf8"));
    const csv = readFileSync(join(outs[0], "payback.csv"), "utf8").trim().split("\n");
    expect(csv[0]).toBe("scenario,intervention,runs,year,probability_positive,paid_back_share,payback_year_median,payback_year_p05,payback_year_p95,probability_positive_after_vangnet,paid_back_share_after_vangnet");
    expect(csv).toHaveLength(1 + 5);
    const doc = parseResults(readFileSync(join(outs[0], "results.json"), "utf8"), "results.json");
    expect(doc.payback).toHaveLength(1);
    const row = doc.payback[0];
    expect(row.runs).toBe(60);
    // the CSV carries the same numbers as results.json
    const last = csv[5].split(",");
    expect(Number(last[4])).toBe(row.years[4].probability);
    expect(Number(last[5])).toBe(row.paidBack);
    expect(last[6]).toBe(row.paybackYear.median === null ? "" : String(row.paybackYear.median));
    // after the vangnet: results.json's afterVangnet where it has one, else the same numbers
    expect(Number(last[10])).toBe((row.afterVangnet ?? row).paidBack);
  });

  it("prints one row per intervention and scenario: the chance per year, the median payback year and its 90% interval", async () => {
    const r = await cli("run", file, "--mode", "psa", "--runs", "60", "--seed", "9", "--workers", "1", "--out", join(dir, "printed"));
    expect(r.code).toBe(0);
    const doc = parseResults(readFileSync(join(dir, "printed", "results.json"), "utf8"), "results.json");
    const p = doc.payback[0];
    const lines = r.out.split("\n");
    const at = lines.findIndex((l) => l.startsWith("Kans op terugverdienen over 60 trekkingen"));
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 2]).toMatch(/^Scenario +Interventie +2024 +2025 +2026 +2027 +2028 +Terugverdienjaar mediaan +90%-interval$/);
    const cells = lines[at + 4].trim().split(/ {2,}/);
    expect(cells.slice(0, 2)).toEqual(["Basis (geen macro-scenario)", "IB"]);
    expect(cells.slice(2, 7)).toEqual(p.years.map((y) => formatChance(y.probability)));
    expect(cells[7]).toBe(paybackYearLabel(p.paybackYear.median, 2028));
    expect(cells[8]).toBe(paybackIntervalLabel(p.paybackYear.p05, p.paybackYear.p95, 2028));
  });

  it("a deterministic run writes no payback rows, and older results files without them still parse", async () => {
    const out = join(dir, "cohort");
    expect((await cli("run", file, "--out", out, "--quiet")).code).toBe(0);
    expect(readdirSync(out)).not.toContain("payback.csv");
    const text = readFileSync(join(out, "results.json"), "utf8");
    expect(JSON.parse(text).payback).toBeUndefined();
    expect(parseResults(text, "results.json").payback).toEqual([]);
  });
});
