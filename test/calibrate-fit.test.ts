/**
 * fit: least squares on yearly series. It recovers parameters from series the model
 * made itself, reproduces the Berenschot table (the appendix of Steenwijkerland's
 * policy framework "Iedereen doet mee" 2020-2023), and refuses fits the data cannot
 * identify.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseScenario } from "../src/model/parse.js";
import { compileScenario } from "../src/model/compile/index.js";
import { runScenario } from "../src/simulate/scenario.js";
import { baselineVariant } from "../src/model/variant.js";
import { metricValues, type Metric } from "../src/outcomes/metrics.js";
import { maxOutflowScale } from "../src/model/adjust.js";
import { InputError } from "../src/model/errors.js";
import { KIND_OFF } from "../src/model/model.js";
import { ScenarioSchema } from "../src/model/schema.js";
import { fitScenario, parseFreeParams, scaleMoves } from "../src/calibrate/fit.js";
import { expandCells, parseSeries } from "../src/calibrate/series.js";
import { levenbergMarquardt } from "../src/calibrate/lm.js";
import { fitReport, residualsCsv } from "../src/calibrate/report.js";
import { symmetricEigen } from "../src/calibrate/linalg.js";
import { calibrate, eightState, tmp, writeTmp } from "./calibrate-fixtures.js";
import { shipped, thrownInputError } from "./helpers.js";
import { cli } from "./cli-harness.js";

const STEENWIJKERLAND = "scenarios/steenwijkerland.json";
const base = () => shipped(STEENWIJKERLAND);

/** The model's own yearly values as a target CSV. */
function seriesOf(raw: object, metrics: Metric[], years?: number[]): string {
  const model = compileScenario(parseScenario(JSON.stringify(raw), "truth.json"), "truth.json");
  const rows = ["scenario,year,metric,value"];
  for (const s of model.scenarios) {
    const v = metricValues(runScenario(model, s, [baselineVariant(model)])[0]);
    for (let y = 0; y < model.years; y++) {
      if (years && !years.includes(model.startYear + y)) continue;
      for (const m of metrics) rows.push(`${s.name},${model.startYear + y},${m},${v[m][y]}`);
    }
  }
  return rows.join("\n") + "\n";
}

function fitIn(raw: object, csv: string, free: string[], relative = false) {
  const text = JSON.stringify(raw);
  const spec = parseScenario(text, "in.json");
  const model = compileScenario(spec, "in.json");
  const cells = expandCells(parseSeries(csv, "target.csv"), model);
  return fitScenario(spec, "in.json", model, cells, parseFreeParams(free, spec), { targetFile: "target.csv", relative });
}

const berenschotCsv = (): string => {
  const rows = ["scenario,year,metric,value"];
  for (const r of base().references) if (r.name.startsWith("berenschot")) for (const [y, v] of Object.entries(r.values)) rows.push(`${r.scenario},${y},${r.metric},${v}`);
  return rows.join("\n") + "\n";
};

describe("fit recovers what the model itself made", () => {
  it("three elasticities and the inflow level, to 1%, from perturbed start values", async () => {
    const truth = base();
    const csv = seriesOf(truth, ["volume_end", "inflow", "outflow_work"]);
    const start = base();
    start.inflow.per_year = 110;
    start.macro.effects.forEach((e: any) => (e.elasticity *= 0.5));
    const fit = fitIn(start, csv, ["inflow", "elasticity:0", "elasticity:1", "elasticity:2"]);
    expect(fit.converged).toBe(true);
    const want = [141, 3.24, -2.63, -3.66];
    fit.params.forEach((p, k) => expect(Math.abs(p.value / want[k] - 1), `${p.name}: ${p.value}`).toBeLessThan(0.01));
    expect(fit.sse).toBeLessThan(1e-6);
  });

  it("an outflow multiplier on a transition list", async () => {
    const truth = eightState();
    scaleMoves(truth, "off", 1.25);
    const csv = seriesOf(truth, ["volume_end", "outflow_work"]);
    const fit = fitIn(eightState(), csv, ["outflow_work"]);
    expect(fit.params[0].value).toBeCloseTo(1.25, 4);
  });

  it("a lag, by a profile over whole months", async () => {
    const csv = seriesOf(base(), ["volume_end", "inflow"]);
    const start = base();
    start.macro.effects[1].lag_months = 5;
    start.macro.effects[1].elasticity = -1;
    const fit = fitIn(start, csv, ["elasticity:1", "lag:1"]);
    expect(fit.params.find((p) => p.name === "lag:1")!.value).toBe(12);
    expect(fit.params[0].value).toBeCloseTo(-2.63, 3);
    expect(fit.lagProfile!.map((l) => l.lag)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]); // the paths start in 2019: longer lags cannot run
    expect(fit.notes.join("\n")).toMatch(/vertragingen 13-24 maanden zijn niet geprobeerd/);
    expect(Number.isNaN(fit.params[1].se)).toBe(true);
  });

  it("multipliers on observed counts keep each row's total (the evidence behind the Dirichlet rows)", () => {
    const spec: any = {
      states: [{ name: "A", kind: "on" }, { name: "W", kind: "off" }, { name: "X", kind: "exit" }],
      transitions: { per: "month", counts: [{ from: "A", to: "A", n: 90 }, { from: "A", to: "W", n: 6 }, { from: "A", to: "X", n: 4 }, { from: "W", to: "W", n: 50 }] },
    };
    const model = compileScenario(ScenarioSchema.parse({ ...eightState(), ...spec, initial: { A: 1 }, inflow: { per_year: 0, entry: { A: 1 } } }), "c.json");
    expect(maxOutflowScale(model, KIND_OFF)).toBeCloseTo(96 / 6, 12);
    scaleMoves(spec, "off", 1.5);
    const n = (to: string) => spec.transitions.counts.find((c: any) => c.from === "A" && c.to === to).n;
    expect([n("A"), n("W"), n("X")]).toEqual([87, 9, 4]);
  });
});

describe("fit reproduces the Berenschot table", () => {
  it("three elasticities + inflow fitted to the 12 cells land within 3% per cell; the fitted file runs", async () => {
    const dir = tmp();
    const start = base();
    start.inflow.per_year = 100;
    start.macro.effects.forEach((e: any) => (e.elasticity = 0));
    const file = writeTmp("start.json", JSON.stringify(start, null, 2), dir);
    const target = writeTmp("berenschot.csv", berenschotCsv(), dir);
    const out = join(dir, "fitted.json");
    const r = await calibrate("fit", file, "--target", target, "--free", "inflow,elasticity:0,elasticity:1,elasticity:2", "--out", out, "--residuals", join(dir, "res.csv"));
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Parameter\s+Start\s+Geschat\s+Standaardfout/);
    expect(r.out).toMatch(/Residuen per cel/);
    const fitted = parseScenario(readFileSync(out, "utf8"), out);
    expect(fitted.macro!.effects[0].source).toMatch(/^bijstandsim fit op berenschot\.csv: elasticiteit \(12 cellen; standaardfout/);
    expect(fitted.interventions).toHaveLength(1); // the rest of the file is kept
    const model = compileScenario(fitted, out);
    const refs = start.references.filter((x: any) => x.name.startsWith("berenschot"));
    let cells = 0;
    for (const ref of refs) {
      const s = model.scenarios.find((x) => x.name === ref.scenario)!;
      const v = metricValues(runScenario(model, s, [baselineVariant(model)])[0]).volume_end;
      for (const [y, want] of Object.entries(ref.values) as [string, number][]) {
        expect(Math.abs(v[Number(y) - model.startYear] / want - 1), `${ref.scenario} ${y}`).toBeLessThan(0.03);
        cells++;
      }
    }
    expect(cells).toBe(12);
    // same mechanism as the shipped file (fitted there also with the CEP path): close to its elasticities
    expect(fitted.macro!.effects[0].elasticity).toBeCloseTo(3.24, 0);
    expect(readFileSync(join(dir, "res.csv"), "utf8").split("\n")[0]).toBe("scenario,year,metric,target,model,residual,relative_residual");
  });
});

describe("fit's preflight", () => {
  it("counts its iterations as time, not as result files (five free parameters on the shipped file were refused for results.json)", async () => {
    const dir = tmp();
    const target = writeTmp("berenschot.csv", berenschotCsv(), dir);
    const r = await calibrate("fit", STEENWIJKERLAND, "--target", target, "--free", "inflow,elasticity:0,elasticity:1,elasticity:2,outflow_work", "--out", join(dir, "f.json"), "-q");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, "f.json"))).toBe(true);
  });
});

describe("fit skips and reports target rows it cannot use", () => {
  it("claims no precision when the cells meet the parameters exactly (volume = the sum of the flows), and keeps a gamma's spread", async () => {
    // the example of docs/calibration.md: four cells, three parameters, but the year-end volume follows from the three flows
    const dir = tmp();
    const init = ["init", "--name", "meppel", "--start-year", "2024", "--stock", "820", "--inflow", "300", "--outflow-work", "180", "--outflow-other", "110", "--benefit-month", "1350", "--budget", "14500000", "--macro", "neutraal"];
    expect((await cli(...init, "--out", join(dir, "meppel.json"), "--quiet")).code).toBe(0);
    const raw = JSON.parse(readFileSync(join(dir, "meppel.json"), "utf8"));
    raw.inflow.distribution = { type: "gamma", mean: 300, sd: 30 }; // as a user may add
    const file = writeTmp("meppel-g.json", JSON.stringify(raw), dir);
    const out = join(dir, "fit.json");
    const r = await calibrate("fit", file, "--target", "scenarios/data/tellingen-meppel.csv", "--free", "inflow,outflow_work,outflow_other", "--out", out);
    expect(r.err).toBe("");
    expect(r.code).toBe(0); // it used to refuse its own file: a gamma with sd 1.5e-12
    expect(r.out).toMatch(/\ninflow +300,0000 +320,0000 +- +-\n/);
    expect(r.out).toContain("de parameters treffen elke doelcel exact");
    const fitted = JSON.parse(readFileSync(out, "utf8"));
    expect(fitted.inflow.distribution.mean).toBeCloseTo(320, 6);
    expect(fitted.inflow.distribution.sd).toBeCloseTo(32, 6); // the relative spread kept: 30 / 300 of 320
    expect(fitted.inflow.source).not.toMatch(/standaardfout/);
    // both outflow multipliers in the transitions' source, and what the file said before them
    expect(fitted.transitions.source).toMatch(/^bijstandsim fit op tellingen-meppel\.csv: uitstroom naar werk x [\d.]+ \(.*\); bijstandsim fit op .*: uitstroom overig x [\d.]+ \(.*\); eerder: /);
    expect(fitted.transitions.source).toContain(`eerder: ${raw.transitions.source}`);
  });

  it("a target of 0 has no relative difference: '–', not NaN%, in the report and an empty cell in residuals.csv", () => {
    const csv = `scenario,year,metric,value\n${berenschotCsv().split("\n").slice(1).join("\n")}matig-herstel,2021,reinflow,0\n`;
    const fit = fitIn(base(), csv, ["inflow"]);
    const model = compileScenario(parseScenario(JSON.stringify(base()), "in.json"), "in.json");
    const text = fitReport(model, fit, false);
    expect(text).not.toMatch(/NaN/);
    expect(text).toMatch(/matig-herstel +2021 +reinflow +0,0 +[\d.,]+ +[\d.,-]+ +–\n/);
    expect(residualsCsv(model, fit).split("\n").find((l) => l.startsWith("matig-herstel,2021,reinflow,"))).toMatch(/,$/);
  });

  it("a year before the projection (e.g. the start stock in a series from estimate)", async () => {
    const fit = fitIn(base(), `scenario,year,metric,value\nmatig-herstel,2019,volume_end,670\n${berenschotCsv().split("\n").slice(1).join("\n")}`, ["inflow"]);
    expect(fit.cells).toHaveLength(12);
    expect(fit.notes).toContain("1 doelcel(len) vóór de projectie (die in 2020 begint) worden niet gebruikt (eerst op regel 2)");
  });
});

describe("fit refuses what it cannot identify, and bad targets (exit 2)", () => {
  const run = async (raw: object, csv: string, free: string) => {
    const dir = tmp();
    const out = join(dir, "out.json");
    const r = await calibrate("fit", writeTmp("s.json", JSON.stringify(raw), dir), "--target", writeTmp("t.csv", csv, dir), "--free", free, "--out", out);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
    return r.err;
  };

  it("two effects that act the same way (same target, same lag)", async () => {
    const raw = base();
    raw.macro.effects[1].lag_months = 0;
    expect(await run(raw, berenschotCsv(), "elasticity:0,elasticity:1")).toMatch(/--free: de fit is niet identificeerbaar bij de startwaarden: "elasticity:0" en "elasticity:1" bewegen de doelcellen op dezelfde manier/);
  });
  it("more free parameters than target cells", async () => {
    expect(await run(base(), "scenario,year,metric,value\nmatig-herstel,2020,volume_end,697\nmatig-herstel,2021,volume_end,782\n", "inflow,elasticity:0,elasticity:1")).toMatch(/3 vrije parameters, maar slechts 2 doelcel\(len\)/);
  });
  it("a parameter that moves no target cell", async () => {
    // the lagged effect acts from 2021 on; a 2020 target cannot see it
    expect(await run(base(), "scenario,year,metric,value\nmatig-herstel,2020,volume_end,697\nzwak-herstel,2020,volume_end,713\n", "elasticity:1")).toMatch(/"elasticity:1" verandert geen enkele doelcel/);
  });
  it("an unknown metric, with its line", async () => {
    expect(await run(base(), "scenario,year,metric,value\nmatig-herstel,2020,volume_end,697\nmatig-herstel,2021,volume,782\n", "inflow")).toMatch(/t\.csv: regel 3, kolom metric: onbekende grootheid "volume"\. Oplossing: gebruik een van de grootheden van yearly\.csv: volume_end/);
  });
  it("an unknown scenario, with its line", async () => {
    expect(await run(base(), "scenario,year,metric,value\nderde-golf,2020,volume_end,697\n", "inflow")).toMatch(/t\.csv: regel 2, kolom scenario: onbekend scenario "derde-golf"/);
  });
  it("a value that is not a number, with its line", async () => {
    expect(await run(base(), "scenario,year,metric,value\nmatig-herstel,2020,volume_end,1.012,5\n", "inflow")).toMatch(/t\.csv: regel 2: heeft 5 kolom\(men\), de kopregel heeft er 4\. Oplossing: .*decimale punt/);
    expect(await run(base(), "scenario,year,metric,value\nmatig-herstel,2020,volume_end,veel\n", "inflow")).toMatch(/t\.csv: regel 2, kolom value: waarde "veel" is geen getal/);
  });
  it("one history without a scenario column for a file with five macro paths, unless --scenario says which", async () => {
    expect(await run(base(), "year,volume_end\n2020,697\n2021,782\n", "inflow")).toMatch(/--scenario: de doelreeks noemt geen scenario, dus zou fit alle 5 macroscenario's .* op dezelfde reeks schatten.*Oplossing: kies het pad dat bij de reeks hoort met --scenario NAAM/);
  });
  it("targets before the projection only", async () => {
    expect(await run(base(), "scenario,year,metric,value\nmatig-herstel,2018,volume_end,690\nmatig-herstel,2019,volume_end,670\n", "inflow")).toMatch(/t\.csv: heeft geen waarden vanaf 2020, de jaren die het model projecteert/);
  });
  it("an unknown parameter name", async () => {
    expect(await run(base(), berenschotCsv(), "inflow,elasticity:7")).toMatch(/--free: "elasticity:7": er is geen macro\.effects\[7\]/);
    expect(await run(base(), berenschotCsv(), "instroom")).toMatch(/--free: onbekende parameter "instroom"\. Oplossing: gebruik inflow, elasticity:<i>/);
  });
});

describe("the optimiser and its linear algebra", () => {
  const t = [0, 1, 2, 3, 4];
  const y = t.map((ti) => 2 * Math.exp(0.3 * ti));
  const curve = ([a, b]: readonly number[]) => Float64Array.from(t, (ti, k) => a * Math.exp(b * ti) - y[k]);

  it("Levenberg-Marquardt fits an exponential curve", () => {
    const fit = levenbergMarquardt(curve, [1, 0]);
    expect(fit.converged).toBe(true);
    expect(fit.x[0]).toBeCloseTo(2, 8);
    expect(fit.x[1]).toBeCloseTo(0.3, 8);
  });
  it("a residual function that throws a bug surfaces it, at the start or at a trial point", () => {
    expect(() => levenbergMarquardt(() => { throw new TypeError("bug at the start"); }, [1, 0])).toThrow(/bug at the start/);
    let calls = 0;
    const buggy = (x: readonly number[]) => {
      if (++calls > 5) throw new TypeError("undefined is not a function");
      return curve(x);
    };
    expect(() => levenbergMarquardt(buggy, [1, 0])).toThrow(TypeError);
  });
  it("a point the model refuses is a failed step, not an error", () => {
    // Calls 1-5 are the start and its Jacobian; the first trial step (call 6) is refused,
    // as a model refuses a probability above 1.
    let calls = 0;
    const refusing = (x: readonly number[]) => {
      if (++calls === 6) throw new InputError("m.json", "x", "refused");
      return curve(x);
    };
    const fit = levenbergMarquardt(refusing, [1, 0], { refused: (err) => err instanceof InputError });
    expect(calls).toBeGreaterThan(6);
    expect(fit.converged).toBe(true);
    expect(fit.x[1]).toBeCloseTo(0.3, 6);
    calls = 0;
    expect(() => levenbergMarquardt(refusing, [1, 0])).toThrow(InputError); // not declared a refusal: it surfaces
  });
  it("keeps parameters within their bounds", () => {
    const fit = levenbergMarquardt(curve, [1, 0], { upper: [1.5, 1] });
    expect(fit.x[0]).toBe(1.5);
    expect(fit.x[1]).toBeGreaterThan(0.3);
  });
  it("stops at the iteration limit and says so", () => {
    const fit = levenbergMarquardt(curve, [1, 0], { maxIterations: 2 });
    expect(fit.iterations).toBe(2);
    expect(fit.converged).toBe(false);
    expect(fit.reason).toBe("maximaal aantal iteraties bereikt");
  });
  it("Jacobi eigenvalues of a symmetric matrix", () => {
    const { values, vectors } = symmetricEigen(Float64Array.from([2, 1, 0, 1, 2, 0, 0, 0, 5]), 3);
    expect(Array.from(values).map((v) => Number(v.toFixed(10)))).toEqual([1, 3, 5]);
    expect(Math.abs(vectors[0 * 3 + 0])).toBeCloseTo(Math.SQRT1_2, 10);
  });
});

describe("series written with --csv nl", () => {
  it("the calibration commands read a series written with --csv nl (decimal comma)", () => {
    const tidy = parseSeries("scenario,year,metric,value\n,2021,volume_end,790.25\nbasis,2022,inflow,300\n", "reeks.csv");
    const nl = parseSeries("\uFEFFscenario;year;metric;value\n;2021;volume_end;790,25\nbasis;2022;inflow;300\n", "reeks.csv");
    expect(nl).toEqual(tidy);
    expect(parseSeries("\uFEFFyear;volume_end;inflow\n2021;790,25;300\n", "reeks.csv").map((p) => p.value)).toEqual([790.25, 300]);
  });

  it("names the file's own lines for a year given twice in the wide layout (not the lines of the tidy text it is read as)", () => {
    const said = (csv: string) => thrownInputError(() => parseSeries(csv, "reeks.csv")).describe();
    expect(said("year,volume_end,inflow,outflow_work\n2022,1330,470,250\n2023,1360,480,290\n2023,1365,480,290\n")).toMatch(/^reeks\.csv: regel 4: herhaalt \(elk scenario\) 2023 volume_end \(eerst op regel 3\)/);
    expect(said("year,volume_end,inflow\n2022,1330,470\n2023,1360,480\n2024,1385,490\n2023,1365,480\n")).toMatch(/^reeks\.csv: regel 5: herhaalt \(elk scenario\) 2023 volume_end \(eerst op regel 3\)/);
  });

  it("reads Dutch column names (Jaar, Grootheid, Waarde) as the same columns", () => {
    const tidy = parseSeries("scenario,year,metric,value\n,2021,volume_end,790.25\nbasis,2022,inflow,300\n", "reeks.csv");
    expect(parseSeries("Scenario;Jaar;Grootheid;Waarde\n;2021;volume_end;790,25\nbasis;2022;inflow;300\n", "reeks.csv")).toEqual(tidy);
    expect(parseSeries("Jaar;volume_end;inflow\n2021;790,25;300\n", "reeks.csv").map((p) => p.value)).toEqual([790.25, 300]);
  });
});
