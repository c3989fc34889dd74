/**
 * The what-if page's Node side (src/explore/): the model codec round-trips every shipped
 * scenario exactly; the page's runs are the CLI's and its variants makeVariant's (the
 * adjusters are tested in adjust-whatif.test.ts); the reproduce line and its file edits give
 * the page's numbers; the settings survive the URL fragment; the chart specs compile
 * without a vega warning.
 */
import { describe, expect, it } from "vitest";
import { decodeModel, encodeModel } from "../src/explore/codec.js";
import { chartData, pageCharts, signalsOf, structureOf } from "../src/explore/charts.js";
import { pageData, type PageData } from "../src/explore/data.js";
import { applyEdits, reproduction } from "../src/explore/reproduce.js";
import { defaultSettings, fromFragment, toFragment, type Settings } from "../src/explore/settings.js";
import { Baselines, runWhatIf, totals, whatIfVariant } from "../src/explore/whatif.js";
import { projectCohort } from "../src/engine/cohort.js";
import { makeVariant } from "../src/model/variant.js";
import { METRIC_KEYS, metricValues } from "../src/outcomes/metrics.js";
import { renderSvg } from "../src/report/render.js";
import { runDeterministic } from "../src/simulate/scenario.js";
import { fileOf, loadFile, loadText, numbers, SHIPPED } from "./explore-fixtures.js";
import { readTypedNumber, typedText } from "../src/locale/typed-number.js";

const load = (name: string) => {
  const { text, spec, model, hash } = loadFile(fileOf(name));
  return { text, spec, model, data: pageData(model, spec, { file: fileOf(name), hash, text, version: "test" }) };
};

describe("model codec", () => {
  it.each(SHIPPED)("round-trips %s exactly: every field, typed array type and bit, through JSON text", (name) => {
    const { model } = loadFile(fileOf(name));
    const text = JSON.stringify(encodeModel(model));
    const back = decodeModel(JSON.parse(text));
    expect(back).toStrictEqual(model);
    expect(JSON.stringify(encodeModel(back))).toBe(text);
    const sc = model.scenarios[0];
    expect(projectCohort(back, sc).occupancy).toEqual(projectCohort(model, sc).occupancy);
  });

  it("keeps NaN, infinities, -0, undefined and Maps, and refuses what it cannot carry", () => {
    const odd = { a: NaN, b: -Infinity, c: -0, d: undefined, e: new Map([[2024, 1.5]]), f: new Int32Array([-1, 7]), g: [Infinity, 0.1] };
    expect(decodeModel(JSON.parse(JSON.stringify(encodeModel(odd as never))))).toStrictEqual(odd);
    expect(() => encodeModel({ when: new Date(0) } as never)).toThrow(/cannot encode/);
    expect(() => encodeModel({ $ta: 1 } as never)).toThrow(/tag/);
  });
});

describe("what-if runs (src/explore/whatif.ts)", () => {
  it("at the file's values gives the CLI's numbers: baseline and the intervention, every metric", () => {
    const { model, data } = load("steenwijkerland");
    const w = runWhatIf(model, defaultSettings(model, data));
    const cli = numbers(runDeterministic(model));
    for (const o of w.outcomes) {
      for (const r of [o.baseline, o.variant!]) {
        const values = metricValues(r);
        for (const k of METRIC_KEYS) expect(values[k], `${r.scenario.name}/${r.variant}/${k}`).toEqual(cli.get(`${r.scenario.name}/${r.variant}/${k}`));
      }
    }
  });

  it("an effect multiplier is makeVariant's, per intervention", () => {
    const { model, data } = load("groningen");
    const s = defaultSettings(model, data);
    s.interventions.forEach((x, p) => (x.scale = 0.5 + p / 4));
    const v = whatIfVariant(model, s)!;
    expect(v.name).toBe("programma"); // all four on: the declared combination
    s.interventions.forEach((x, p) => {
      const alone = makeVariant(model, "x", "x", [p], { scale: x.scale });
      expect(v.effectValues[p]).toEqual(alone.effectValues[p]);
      expect(Object.is(v.inflowValues[p], alone.inflowValues[p])).toBe(true);
    });
  });

  it.each([
    ["steenwijkerland", (s: Settings) => {
      s.interventions[0].capacity = { kind: "coaches", coaches: 3, caseload: 45 };
      s.interventions[0].scale = 0.5;
      s.interventions[0].perParticipantMonth = 150;
      s.scenarios = ["tweede-golf", "cep-2020"];
      s.horizon = 3;
      s.inflowPct = 115; // the baselines change too: the page's cache must see it
      s.costPct = 103;
      s.budgetPct = 96;
    }],
    ["groningen", (s: Settings) => {
      s.interventions[1].on = false; // three of four: no declared combination
      s.interventions[0].capacity = { kind: "places", places: 400 };
      s.interventions[2].scale = 2;
      s.interventions[3].perStart = 0;
      s.inflowPct = 90;
      s.costPct = 95;
      s.budgetPct = 104;
    }],
  ] as const)("%s: the reproduce line and its file edits give the page's numbers", (name, change) => {
    const { model, data, text } = load(name);
    const s = defaultSettings(model, data);
    const baselines = new Baselines(); // as the page: baselines of the file's values, reused where the horizon is the same
    runWhatIf(model, s, baselines);
    change(s);
    const w = runWhatIf(model, s, baselines);
    const r = reproduction(model, data, s);
    expect(r.edits.length).toBeGreaterThan(0);
    const flags = r.command.split(" ");
    const flag = (f: string) => (flags.includes(f) ? flags[flags.indexOf(f) + 1] : undefined);
    expect(flags.slice(0, 3)).toEqual(["bin/bijstandsim", "run", `${name}-verkenner.json`]);
    const edited = loadText(applyEdits(text, r.edits), flag("--horizon") ? Number(flag("--horizon")) : undefined).model;
    const results = runDeterministic(edited, flag("--scenario")?.split(",") ?? [], [flag("--variant")!]);
    for (const o of w.outcomes) {
      const page = { base: totals(o.baseline), variant: totals(o.variant!) };
      const cliBase = totals(results.find((x) => x.scenario.name === o.scenario.name && x.variant === "baseline")!);
      const cliVariant = totals(results.find((x) => x.scenario.name === o.scenario.name && x.variant === flag("--variant"))!);
      for (const k of Object.keys(cliBase) as (keyof typeof cliBase)[]) {
        expect(page.base[k]).toBeCloseTo(cliBase[k], 4);
        expect(page.variant[k]).toBeCloseTo(cliVariant[k], 4);
      }
    }
    expect(results.filter((x) => x.variant === "baseline").map((x) => x.scenario.name)).toEqual(s.scenarios.length === model.scenarios.length ? model.scenarios.map((x) => x.name) : s.scenarios);
  });

  it("recomputes a cached baseline when the inflow, the cost per person or the budget changes alone", () => {
    const { model, data } = load("steenwijkerland");
    const base = defaultSettings(model, data);
    const baselines = new Baselines(); // as the page: one cache for every change
    const cached = (s: Settings) => totals(runWhatIf(model, s, baselines).outcomes[0].baseline);
    const before = cached(base);
    for (const change of [{ inflowPct: 110 }, { costPct: 110 }, { budgetPct: 110 }]) {
      const s = { ...base, ...change };
      const fresh = totals(runWhatIf(model, s).outcomes[0].baseline); // a cache of its own
      expect(fresh, JSON.stringify(change)).not.toEqual(before);
      expect(cached(s), JSON.stringify(change)).toEqual(fresh);
    }
  });

  it("scales an inflow given per year year by year, and one given once once", () => {
    const { model, data } = load("steenwijkerland");
    const s = { ...defaultSettings(model, data), inflowPct: 110 };
    expect(reproduction(model, data, s).edits).toEqual([{ path: "inflow.per_year", from: 141, to: 155.1 }]);
    const perYear = { ...data, inflowPerYear: { "2020": 141, "2022": 150 } };
    expect(reproduction(model, perYear, s).edits[0]).toEqual({ path: "inflow.per_year", from: { "2020": 141, "2022": 150 }, to: { "2020": 155.1, "2022": 165 } });
  });

  it("scales every state's benefit and lks that is not 0 for the cost per person", () => {
    const { model, data } = load("steenwijkerland");
    const edits = reproduction(model, data, { ...defaultSettings(model, data), costPct: 110 }).edits;
    expect(edits.length).toBe(data.costs.reduce((n, c) => n + (c.benefit !== 0 ? 1 : 0) + (c.lks !== 0 ? 1 : 0), 0));
    for (const e of edits) {
      expect(e.path).toMatch(/^states\[\d+\]\.cost\.(benefit|lks)$/);
      expect(e.to).toBeCloseTo((e.from as number) * 1.1, 6);
    }
  });

  it("at the file's values needs no edit and names the file itself", () => {
    const { model, data } = load("steenwijkerland");
    const r = reproduction(model, data, defaultSettings(model, data));
    expect(r).toEqual({ command: "bin/bijstandsim run scenarios/steenwijkerland.json --variant intensieve-begeleiding", edits: [], editedFile: undefined, distributions: [] });
  });

  it("names the distributions beside edited values, which a PSA of the edited file still draws from", () => {
    const { model, data } = load("steenwijkerland");
    const s = defaultSettings(model, data);
    s.interventions[0].scale = 0.5;
    const r = reproduction(model, data, { ...s, costPct: 110 });
    // the outflow-to-work effect and the benefit of each state with a cost have a distribution in the file; the ladder effect has none
    expect(r.distributions).toContain("interventions[0].effects[0].distribution");
    expect(r.distributions.filter((p) => /^states\[\d+\]\.cost\.distribution$/.test(p)).length).toBeGreaterThan(0);
    expect(r.distributions.every((p) => data.distributions.includes(p))).toBe(true);
    expect(reproduction(model, data, { ...defaultSettings(model, data), budgetPct: 90 }).distributions).toEqual([]); // the budget has none
  });
});

describe("settings in the URL fragment", () => {
  it("round-trip, and a wrong value is named in Dutch and left out", () => {
    const { model, data } = load("groningen");
    const base = defaultSettings(model, data);
    const s = structuredClone(base);
    s.scenarios = ["laagconjunctuur"];
    s.horizon = 2;
    s.interventions[1].on = false;
    s.interventions[2].capacity = { kind: "coaches", coaches: 5, caseload: 40 };
    s.interventions[3].scale = 0.25;
    s.interventions[0].perStart = 12.5;
    s.inflowPct = 120;
    s.costPct = 97.5;
    s.budgetPct = 95;
    const fragment = toFragment(s, data);
    expect(fragment).toMatch(/^scenario=laagconjunctuur&horizon=2&instroom=120&kosten=97\.5&budget=95&premie-op-werk\.aan=1/);
    expect(fromFragment(`#${fragment}`, model, data, base)).toEqual({ settings: s, problems: [] });
    const bad = fromFragment("#scenario=geen&horizon=9&instroom=900&kosten=-1&budget=x&nazorg-werkbehoud.coaches=-2&intensieve-begeleiding.effect=abc", model, data, base);
    expect(bad.settings).toEqual(base);
    expect(bad.problems).toHaveLength(7);
    expect(bad.problems).toContain("“instroom=900” uit de link is genegeerd: een percentage van 0 tot en met 300");
    expect(bad.problems[0]).toMatch(/^“scenario=geen” uit de link is genegeerd: onbekend scenario/);
  });
});

describe("the page's charts", () => {
  it("every spec compiles and renders with its data, without a vega warning", async () => {
    const { model, data } = load("steenwijkerland");
    const w = runWhatIf(model, defaultSettings(model, data));
    const rows = chartData(model, w);
    const signals = signalsOf(w);
    for (const chart of pageCharts(structureOf(model))) {
      const spec: Record<string, unknown> = { ...chart.spec, datasets: Object.fromEntries(chart.datasets.map((n) => [n, rows[n]])) };
      (spec.params as { name: string; value: unknown }[]).forEach((p) => p.name in signals && (p.value = signals[p.name as keyof typeof signals]));
      const { svg, warnings } = await renderSvg(spec);
      expect(warnings, chart.name).toEqual([]);
      expect(svg.length, chart.name).toBeGreaterThan(5000);
    }
  });

  it("carries what the page says in the data: composition with the variant, the vangnet threshold per scenario", () => {
    const { model, data } = load("steenwijkerland");
    const w = runWhatIf(model, defaultSettings(model, data));
    const rows = chartData(model, w);
    expect(new Set(rows.samenstelling.map((r) => r.state))).toEqual(new Set(model.declared.filter((d) => d.kind === "on").map((d) => d.label)));
    const o = w.outcomes[0];
    const sum2023 = rows.samenstelling.filter((r) => r.scenario === o.scenario.label && r.year === 2023).reduce((a, r) => a + (r.value as number), 0);
    expect(sum2023).toBeCloseTo(o.variant!.persons.volumeEnd[3], 6);
    expect(rows.drempel.find((r) => r.scenario === o.scenario.label && r.year === 2020)!.value).toBeCloseTo(-0.075 * o.baseline.money.budget[0], 6);
  });
});

export type { PageData };

describe("a number typed into the what-if page", () => {
  it("is read as the page's language writes it: 2,5 is two and a half, 1.500 is refused with both readings (the browser read it as 1.5, and 2,5 as 25)", () => {
    expect(readTypedNumber("2,5", "nl")).toEqual({ value: 2.5 });
    expect(readTypedNumber("2.5", "nl")).toEqual({ value: 2.5 });
    expect(readTypedNumber(" 1500 ", "nl")).toEqual({ value: 1500 });
    expect(readTypedNumber("1 500", "nl")).toEqual({ value: 1500 });
    expect(readTypedNumber("1.500", "nl")).toEqual({ ambiguous: { whole: "1500", decimal: "1,500" } });
    expect(readTypedNumber("1.500.000", "nl")).toEqual({ value: 1500000 });
    expect(readTypedNumber("1.500,5", "nl")).toEqual({ value: 1500.5 });
    expect(readTypedNumber("-3", "nl")).toEqual({ value: -3 });
    expect(readTypedNumber("twee", "nl")).toEqual({ notANumber: true });
    expect(readTypedNumber("", "nl")).toEqual({ notANumber: true });
    expect(readTypedNumber("1,500", "en")).toEqual({ ambiguous: { whole: "1500", decimal: "1.500" } });
    expect(readTypedNumber("1,500.5", "en")).toEqual({ value: 1500.5 });
    expect(readTypedNumber("2,5", "en")).toEqual({ notANumber: true });
    expect(typedText(2.5, "nl")).toBe("2,5");
    expect(typedText(2.5, "en")).toBe("2.5");
  });
});
