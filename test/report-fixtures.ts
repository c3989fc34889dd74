/**
 * Run folders for the report tests: a real run of the default scenario (compiled CLI;
 * `npm test` builds dist/ first), the same results cut down to the baseline, and a
 * hand-edited results.json with an intervention variant that pays for itself in its
 * second year, p5/p95/mean bands, and sensitivity, payback and break-even rows. The report reads
 * results.json only, so each folder holds just that.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli } from "./cli-harness.js";

export const tmp = (): string => mkdtempSync(join(tmpdir(), "bijstandsim-report-"));

/** A results document cut to the baseline (whatever the scenario file declares today). */
export function baselineDoc(raw: any): any {
  return { ...raw, scenarios: raw.scenarios.filter((s: any) => s.variant === "baseline"), breakeven: [], sensitivity: [] };
}

/** Adds an intervention that costs 60.000 a year and saves 50.000 more each year (break-even in year 2), and p5/p95/mean bands (and the cumulative net effect's p5/p50/p95). */
export function withVariantAndBands(raw: any): any {
  const doc = baselineDoc(raw);
  const band = (y: any) => {
    for (const m of ["volume_end", "buig_result"]) {
      y[`${m}_p05`] = y[m] - Math.abs(y[m]) * 0.08 - 10;
      y[`${m}_p95`] = y[m] + Math.abs(y[m]) * 0.08 + 10;
      y[`${m}_mean`] = y[m];
    }
    return y;
  };
  const variants = doc.scenarios.map((s: any) => ({
    ...s,
    variant: "test-interventie",
    variant_label: "Testinterventie",
    years: s.years.map((y: any, i: number) => {
      const saving = 50_000 * (i + 1);
      const cumulative = Array.from({ length: i + 1 }, (_, k) => 50_000 * (k + 1) - 60_000).reduce((a, b) => a + b, 0);
      return band({
        ...y,
        volume_end: y.volume_end - 5 * (i + 1),
        expenditure: y.expenditure - saving,
        buig_result: y.buig_result + saving,
        intervention_participants: 40,
        intervention_cost: 60_000,
        buig_effect: saving,
        net_effect: saving - 60_000,
        net_effect_cumulative: cumulative,
        net_effect_cumulative_p05: cumulative - 40_000 * (i + 1),
        net_effect_cumulative_p50: cumulative,
        net_effect_cumulative_p95: cumulative + 30_000 * (i + 1),
      });
    }),
  }));
  doc.scenarios = doc.scenarios.flatMap((s: any, i: number) => [{ ...s, years: s.years.map((y: any) => band({ ...y })) }, variants[i]]);
  return doc;
}

/** Sensitivity, payback and break-even rows for the test intervention (as results.json carries them). */
const analyses = {
  sensitivity: [
    { scenario: "matig-herstel", intervention: "test-interventie", parameter: "outflow_work (hazard ratio)", low: 0.95, high: 1.4, base: 1.15, netLow: -90000, netHigh: 140000, netBase: 30000 },
    { scenario: "matig-herstel", intervention: "test-interventie", parameter: "kosten per start", low: 100, high: 400, base: 250, netLow: 60000, netHigh: 0, netBase: 30000 },
    { scenario: "tweede-golf", intervention: "test-interventie", parameter: "outflow_work (hazard ratio)", low: 0.95, high: 1.4, base: 1.15, netLow: -80000, netHigh: 150000, netBase: 35000 },
  ],
  payback: ["matig-herstel", "volledig-herstel", "zwak-herstel", "tweede-golf", "cep-2020"].map((scenario, i) => ({
    scenario,
    intervention: "test-interventie",
    runs: 500,
    years: [0, 0.3 + 0.02 * i, 0.7, 0.9].map((probability, y) => ({ year: 2020 + y, probability })),
    paidBack: 0.9,
    paybackYear: { median: 2022, p05: 2021, p95: null },
  })),
  breakeven: [
    { scenario: "matig-herstel", intervention: "test-interventie", scale: 0.666667, effects: [{ label: "outflow_work (hazard ratio)", assumed: 1.15, breakEven: 1.1, alone: 1.1 }], netAtAssumed: 30000, netAtBreakEven: 0 },
  ],
};

/** Runs the default scenario and builds the three fixture folders (no report yet). */
export async function makeFixtures(): Promise<{ real: string; baseline: string; variants: string }> {
  const real = join(tmp(), "run");
  const r = await cli("run", "scenarios/steenwijkerland.json", "--out", real, "--quiet");
  if (r.code !== 0) throw new Error(`bijstandsim run failed (${r.code}): ${r.err}`);
  const raw = JSON.parse(readFileSync(join(real, "results.json"), "utf8"));

  const baseline = join(tmp(), "baseline");
  mkdirSync(baseline);
  writeFileSync(join(baseline, "results.json"), JSON.stringify(baselineDoc(raw), null, 2));

  const variants = join(tmp(), "variants");
  mkdirSync(variants);
  writeFileSync(join(variants, "results.json"), JSON.stringify({ ...withVariantAndBands(raw), ...analyses }, null, 2));
  return { real, baseline, variants };
}
