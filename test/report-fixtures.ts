/**
 * Run folders for the report tests: a real run of the default scenario (compiled CLI;
 * `npm test` builds dist/ first), the same results cut down to the baseline with only
 * results.json left, and a hand-edited results.json with an intervention variant that
 * pays for itself in its second year, p5/p95/mean bands, and sensitivity and
 * break-even tables.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const tmp = (): string => mkdtempSync(join(tmpdir(), "bijstandsim-report-"));

/** A results document cut to the baseline (whatever the scenario file declares today). */
export function baselineDoc(raw: any): any {
  return { ...raw, scenarios: raw.scenarios.filter((s: any) => s.variant === "baseline"), breakeven: [] };
}

/** Adds an intervention that costs 60.000 a year and saves 50.000 more each year (break-even in year 2), and p5/p95/mean bands. */
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
      return band({
        ...y,
        volume_end: y.volume_end - 5 * (i + 1),
        expenditure: y.expenditure - saving,
        buig_result: y.buig_result + saving,
        intervention_participants: 40,
        intervention_cost: 60_000,
        buig_effect: saving,
        net_effect: saving - 60_000,
        net_effect_cumulative: Array.from({ length: i + 1 }, (_, k) => 50_000 * (k + 1) - 60_000).reduce((a, b) => a + b, 0),
      });
    }),
  }));
  doc.scenarios = doc.scenarios.flatMap((s: any, i: number) => [{ ...s, years: s.years.map((y: any) => band({ ...y })) }, variants[i]]);
  return doc;
}

/** yearly.csv of a document, with p05/p95 columns next to the value (as stochastic runs will write them). */
export function yearlyCsvOf(doc: any): string {
  const lines = ["scenario,variant,year,metric,value,p05,p95"];
  for (const s of doc.scenarios) {
    for (const y of s.years) {
      for (const [k, v] of Object.entries(y)) {
        if (k === "year" || typeof v !== "number" || /_(p05|p95|mean)$/.test(k)) continue;
        lines.push([s.name, s.variant, y.year, k, v, y[`${k}_p05`] ?? "", y[`${k}_p95`] ?? ""].join(","));
      }
    }
  }
  return lines.join("\n") + "\n";
}

/** Runs the default scenario and builds the three fixture folders (no report yet). */
export function makeFixtures(): { real: string; baseline: string; variants: string } {
  const real = join(tmp(), "run");
  const r = spawnSync(process.execPath, ["bin/bijstandsim", "run", "scenarios/steenwijkerland.json", "--out", real, "--quiet"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`bijstandsim run failed (${r.status}): ${r.stderr}`);
  const raw = JSON.parse(readFileSync(join(real, "results.json"), "utf8"));

  const baseline = join(tmp(), "baseline");
  mkdirSync(baseline);
  writeFileSync(join(baseline, "results.json"), JSON.stringify(baselineDoc(raw), null, 2));

  const variants = join(tmp(), "variants");
  mkdirSync(variants);
  const doc = withVariantAndBands(raw);
  writeFileSync(join(variants, "results.json"), JSON.stringify(doc, null, 2));
  writeFileSync(join(variants, "yearly.csv"), yearlyCsvOf(doc));
  for (const f of ["states.csv", "transitions.csv"]) copyFileSync(join(real, f), join(variants, f));
  writeFileSync(
    join(variants, "sensitivity.csv"),
    "scenario,intervention,parameter,low,base,high,net_effect_low,net_effect_base,net_effect_high\n" +
      "matig-herstel,test-interventie,outflow_work (hazard ratio),0.95,1.15,1.4,-90000.00,30000.00,140000.00\n" +
      "matig-herstel,test-interventie,kosten per start,100,250,400,60000.00,30000.00,0.00\n" +
      "tweede-golf,test-interventie,outflow_work (hazard ratio),0.95,1.15,1.4,-80000.00,35000.00,150000.00\n",
  );
  writeFileSync(
    join(variants, "breakeven.csv"),
    "scenario,intervention,effect,assumed,break_even,effect_multiplier,net_effect_cumulative_assumed,net_effect_cumulative_break_even\n" +
      "matig-herstel,test-interventie,outflow_work (hazard ratio),1.150000,1.100000,0.666667,30000.00,0.00\n",
  );
  return { real, baseline, variants };
}
