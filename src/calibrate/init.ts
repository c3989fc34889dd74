/**
 * `bijstandsim init`: a complete scenario file from the key figures an advisor has
 * (stock at the end of last year, yearly inflow, outflow to work, other outflow, the
 * benefit, the BUIG budget), with the transition probabilities solved so that the
 * first projected year reproduces the given flows under a neutral macro path.
 *
 * Method (docs/init.md): the file gives yearly probabilities per on-state in a `list`
 * (per: year); the engine turns each row into monthly ones by competing risks. The
 * outflow to work from rung k of the ladder is `a * 2^k` (k = 0 for the lowest rung,
 * so each rung up doubles the chance of work; one state without groups), other outflow
 * is `b` for every state, and a known re-inflow comes from a return profile scaled by
 * `f`. a, b and f are found by running the model itself for the first year, with no
 * macro effect, and rescaling each by target / model (each flow rises with its own
 * parameter and barely with the others, so the iteration converges monotonically),
 * until every flow is within 1e-8 of its target. Then one factor k on the national
 * model's elasticities is found by bisection so that, under a reference shape of the
 * national index (CPB's matig herstel), the local volume follows that index in
 * proportion after its last year (Berenschot's rule). The rounded file is run once more
 * to check it.
 */
import { formatNumber } from "../locale/format.js";
import { compileScenario } from "../model/compile/index.js";
import { CAL } from "../locale/messages-calibrate.js";
import { InputError } from "../model/errors.js";
import { ScenarioSchema } from "../model/schema.js";
import { baselineVariant } from "../model/variant.js";
import { metricValues } from "../outcomes/metrics.js";
import { runScenario } from "../simulate/scenario.js";

export interface InitInput {
  name: string;
  label: string;
  startYear: number;
  horizonYears: number;
  /** On-bijstand groups in ladder order (lowest rung, furthest from work, first), with their stock. One group "Bijstand" without a ladder. */
  groups: { name: string; stock: number }[];
  /** Share of new inflow per group (sums to 1); default: as the stock. */
  entry?: number[];
  /** Total yearly inflow (new + re-inflow). */
  inflow: number;
  /** The part of `inflow` that is re-inflow after work, when known. */
  reinflow?: number;
  outflowWork: number;
  outflowOther: number;
  benefit: { per: "month" | "year"; amount: number };
  lks?: { persons: number; perYear: number };
  /** BUIG budget per year (one year is enough). */
  budget: Record<string, number>;
  budgetAfter: "held" | "indexed";
  /** Macro sets by name (their effects act on landelijk_volume). */
  macroSets: string[];
  /**
   * A national index path from year 0 (= 1) on, e.g. the shape of CPB's matig herstel:
   * the elasticities are scaled so that the local volume follows it in proportion
   * (Berenschot's rule). Without it the national model's elasticities stay as they are.
   */
  reference?: { label: string; path: number[] };
}

/** Assumptions of the method, named once (docs/init.md says why). */
export const ASSUMED = {
  /** Per year, the chance to move one rung up or down the ladder. */
  up: 0.1,
  down: 0.05,
  /** Outflow to work doubles with each rung up. */
  workRatio: 2,
  /** Return profile of those who left for work: cumulative share back after 12 and 60 months, before scaling. */
  reinflow: [{ months: 12, share: 0.2 }, { months: 60, share: 0.35 }],
  /** Those who left for work in the last five years at this year's rate are the ones who can return. */
  recentYears: 5,
  /** Elasticities of the national model on the national bijstand index (inflow now, inflow a year later, outflow to work). */
  elasticities: [4.113, -4.337, -4.22],
};

const OFF = "Uitgestroomd naar werk";
const EXIT = "Uitstroom overig";
const LKS = "Loonkostensubsidie";
const MAX_LEAVE = 0.999;

export interface InitParams {
  a: number;
  b: number;
  f: number;
  /** Scale on the national model's elasticities. */
  k: number;
}

/** Solved values are written with 6 significant digits; while solving they are exact (`exact`). */
let exact = false;
const round = (v: number, digits = 6) => (exact ? v : Number(v.toPrecision(digits)));
/** A number in the written file's Dutch texts (its sources and notes are Dutch whatever the run's language). */
const nl = (v: number, digits = 0) => v.toLocaleString("nl-NL", { maximumFractionDigits: digits });

/** Yearly probability of work, other outflow, up and down for each group. */
export function rates(input: InitInput, p: InitParams) {
  const n = input.groups.length;
  return input.groups.map((_, k) => ({
    work: p.a * input.outflowWork > 0 ? p.a * ASSUMED.workRatio ** k : 0,
    other: p.b,
    up: k < n - 1 ? ASSUMED.up : 0,
    down: k > 0 ? ASSUMED.down : 0,
  }));
}

function transitions(input: InitInput, p: InitParams) {
  const r = rates(input, p);
  const list: Record<string, unknown>[] = [];
  input.groups.forEach((g, k) => {
    if (r[k].work > 0) list.push({ from: g.name, to: OFF, p: round(r[k].work) });
    if (r[k].other > 0) list.push({ from: g.name, to: EXIT, p: round(r[k].other) });
    if (r[k].up > 0) list.push({ from: g.name, to: input.groups[k + 1].name, p: r[k].up });
    if (r[k].down > 0) list.push({ from: g.name, to: input.groups[k - 1].name, p: r[k].down });
  });
  const ladder = input.groups.length > 1;
  return {
    per: "year",
    list,
    source:
      `aanname, opgelost door bijstandsim init: de kansen per jaar zijn zo gekozen dat ${input.startYear} zonder conjunctuur ` +
      `${nl(input.outflowWork)} uitstroom naar werk en ${nl(input.outflowOther)} overige uitstroom geeft bij een beginstand van ${nl(sum(input.groups.map((g) => g.stock)))}` +
      (ladder ? `; de kans op werk verdubbelt per trede hoger, overige uitstroom is gelijk voor alle treden, en per jaar gaat ${ASSUMED.up * 100}% een trede omhoog en ${ASSUMED.down * 100}% een trede omlaag (aanname, geen bron)` : "") +
      `. De maandkansen volgen per rij met concurrerende risico's (docs/init.md). Vervang door eigen gegevens: bijstandsim estimate op een klantbestand, of bijstandsim fit op eigen jaarcijfers (docs/calibration.md)`,
  };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function offState(input: InitInput, p: InitParams): Record<string, unknown> {
  if (!input.reinflow) return { name: OFF, kind: "off", note: "uit de bijstand na uitstroom naar werk; herinstroom niet apart opgegeven, dus in de instroom begrepen" };
  const to = Object.fromEntries(input.groups.map((g, k) => [g.name, round(entryShares(input)[k])]));
  return {
    name: OFF,
    kind: "off",
    reinflow: {
      cumulative: ASSUMED.reinflow.map((x) => ({ months: x.months, share: round(x.share * p.f) })),
      to,
      source: `aanname: vorm van de herinstroom naar landelijke cijfers (ca. 20% binnen een jaar, 35% binnen vijf jaar: Divosa, Benchmark Werk & Inkomen; CBS), geschaald zodat de herinstroom in ${input.startYear} ${nl(input.reinflow)} is; terugkeer verdeeld als de nieuwe instroom`,
    },
    note: "uit de bijstand na uitstroom naar werk; herinstroom mogelijk",
  };
}

function entryShares(input: InitInput): number[] {
  if (input.entry) return input.entry;
  const total = sum(input.groups.map((g) => g.stock));
  return input.groups.map((g) => (total > 0 ? g.stock / total : 1 / input.groups.length));
}

function costOf(input: InitInput) {
  const { per, amount } = input.benefit;
  return { per, benefit: amount, lks: 0, source: `opgegeven: gemiddelde uitkering per persoon per ${per === "month" ? "maand" : "jaar"} (bijstandsim init); vervang door het eigen gemiddelde uit de BUIG-verantwoording` };
}

function states(input: InitInput, p: InitParams): Record<string, unknown>[] {
  const on = input.groups.map((g) => ({ name: g.name, kind: "on", cost: costOf(input), source: input.groups.length > 1 ? "opgegeven groep (bijstandsim init --groups), treden van laag naar hoog" : "alle personen met bijstand in één toestand (bijstandsim init zonder --groups)" }));
  const lks = input.lks
    ? [{ name: LKS, kind: "off", cost: { per: "year", benefit: 0, lks: input.lks.perYear, source: "opgegeven: loonkostensubsidie per persoon per jaar (bijstandsim init)" }, note: "werkt met loonkostensubsidie: niet in het bijstandsvolume, wel ten laste van de BUIG; aanname: het aantal blijft gelijk" }]
    : [];
  return [...on, offState(input, p), ...lks, { name: EXIT, kind: "exit", note: "AOW-leeftijd, verhuizing, overlijden, inkomen partner, onderwijs" }];
}

function initial(input: InitInput): Record<string, unknown> {
  const out: Record<string, unknown> = Object.fromEntries(input.groups.map((g) => [g.name, g.stock]));
  if (input.reinflow) out[OFF] = { count: round(input.outflowWork * ASSUMED.recentYears), left_within_months: 12 * ASSUMED.recentYears };
  if (input.lks) out[LKS] = input.lks.persons;
  return out;
}

function budget(input: InitInput): Record<string, unknown> {
  const years = Object.keys(input.budget).map(Number).sort((a, b) => a - b);
  const last = years[years.length - 1];
  const after = input.budgetAfter === "indexed"
    ? `na ${last} geïndexeerd op het landelijke bijstandsvolume van het macroscenario (het macrobudget volgt het landelijke volume); in het neutrale scenario gelijk aan ${last}`
    : `na ${last} gelijk gehouden (aanname; geef latere jaren zodra het voorlopige budget bekend is)`;
  return {
    budget: Object.fromEntries(years.map((y) => [String(y), input.budget[String(y)]])),
    after_last: "constant",
    ...(input.budgetAfter === "indexed" ? { indexed_on: { driver: "landelijk_volume", from_year: last, source: "aanname: het BUIG-budget volgt het landelijke volume van het scenario" } } : {}),
    source: `opgegeven BUIG-budget (bijstandsim init) voor ${years.join(", ")}; ${after}`,
  };
}

/** The three effects on the national index, with the national model's elasticities scaled by k. */
function effects(input: InitInput, k: number): Record<string, unknown>[] {
  const [now, later, work] = ASSUMED.elasticities.map((e) => round(e * k));
  const ref = input.reference;
  const scaled = ref
    ? `, maal ${nl(k, 4)} zodat het volume van de gemeente onder de ${ref.label} in jaar ${ref.path.length - 1} naar verhouding met de landelijke index meebeweegt (${nl(ref.path[ref.path.length - 1], 4)}), zoals Berenschot het gemeentelijke volume met de landelijke groei schaalde`
    : "";
  const src = `aanname: de elasticiteit van het landelijke model van bijstandsim (landelijke stromen van CBS, gefit op de CPB-scenario's van juni 2020: CPB, Juniraming 2020)${scaled}; alleen van belang als de landelijke index beweegt (niet in neutraal). Vervang door een fit op eigen jaarcijfers: bijstandsim fit --free elasticity:0,... (docs/calibration.md)`;
  return [
    { driver: "landelijk_volume", target: "inflow", form: "power", elasticity: now, lag_months: 0, source: src },
    { driver: "landelijk_volume", target: "inflow", form: "power", elasticity: later, lag_months: 12, source: src },
    { driver: "landelijk_volume", target: "outflow_work", form: "power", elasticity: work, lag_months: 0, source: src },
  ];
}

function macro(input: InitInput, k: number): Record<string, unknown> {
  return {
    set: input.macroSets.length === 1 ? input.macroSets[0] : input.macroSets,
    effects: effects(input, k),
  };
}

/** The scenario file (as JSON) for given parameters. */
export function initScenario(input: InitInput, p: InitParams): Record<string, unknown> {
  const newInflow = input.inflow - (input.reinflow ?? 0);
  return {
    name: input.name,
    label: input.label,
    description: `Gemaakt met bijstandsim init uit de kerncijfers van ${input.label}: stand eind ${input.startYear - 1}, instroom, uitstroom naar werk en overige uitstroom per jaar, uitkering en BUIG-budget. Het eerste jaar reproduceert die stromen zonder conjunctuur; alle andere getallen zijn aannames met een bron.`,
    unit: "personen",
    start_year: input.startYear,
    horizon_years: input.horizonYears,
    cycle: "month",
    counting: "half",
    states: states(input, p),
    ...(input.groups.length > 1 ? { ladder: input.groups.map((g) => g.name) } : {}),
    initial: initial(input),
    transitions: transitions(input, p),
    inflow: {
      per_year: newInflow,
      entry: Object.fromEntries(input.groups.map((g, k) => [g.name, round(entryShares(input)[k])])),
      source: `opgegeven: ${input.reinflow ? `instroom ${nl(input.inflow)} per jaar, waarvan ${nl(input.reinflow)} herinstroom (die komt uit ${OFF}); hier de nieuwe instroom` : `instroom ${nl(input.inflow)} per jaar (inclusief herinstroom)`}, gelijk gehouden in latere jaren (aanname)` +
        (input.groups.length > 1 ? `; verdeling over de groepen: ${input.entry ? "opgegeven" : "aanname, als de beginstand"}` : ""),
    },
    buig: budget(input),
    macro: macro(input, p.k),
    notes: [
      `Gemaakt met bijstandsim init. Elk getal zonder 'opgegeven' in de bron is een aanname; vervang ze door eigen gegevens (docs/init.md).`,
    ],
  };
}

export interface Flows {
  inflow: number;
  reinflow: number;
  outflow_work: number;
  outflow_other: number;
  volume_end: number;
}

/** The first projected year of a scenario (as JSON) without macro effects. */
export function firstYear(raw: Record<string, unknown>, file: string): Flows {
  const spec = ScenarioSchema.parse({ ...raw, macro: undefined, buig: { ...(raw.buig as object), indexed_on: undefined }, horizon_years: 1 });
  const model = compileScenario(spec, file);
  const v = metricValues(runScenario(model, model.scenarios[0], [baselineVariant(model)])[0]);
  return { inflow: v.inflow[0], reinflow: v.reinflow[0], outflow_work: v.outflow_work[0], outflow_other: v.outflow_other[0], volume_end: v.volume_end[0] };
}

/** The largest yearly leaving probability of any group (must stay below 1). */
const maxLeave = (input: InitInput, p: InitParams) => Math.max(...rates(input, p).map((r) => r.work + r.other + r.up + r.down));

/**
 * Solves a, b and f (see the header) and returns the file, with the first year as the
 * rounded file gives it. InputError (on the flag that asks too much) when no
 * probabilities below 1 can give the flows.
 */
export function solveInit(input: InitInput, file: string): { scenario: Record<string, unknown>; params: InitParams; check: Flows } {
  const stock = sum(input.groups.map((g) => g.stock));
  let p: InitParams = {
    a: input.outflowWork > 0 ? Math.min(0.5, input.outflowWork / Math.max(stock, 1)) / ASSUMED.workRatio ** (input.groups.length - 1) : 0,
    b: input.outflowOther > 0 ? Math.min(0.5, input.outflowOther / Math.max(stock, 1)) : 0,
    f: 1,
    k: 1,
  };
  const scale = (v: number, target: number, got: number) => (target > 0 && got > 0 ? v * (target / got) : v);
  exact = true;
  try {
    iterate();
  } finally {
    exact = false;
  }
  function iterate() {
  for (let it = 0; it < 200; it++) {
    const got = firstYear(initScenario(input, p), file);
    const err = Math.max(rel(got.outflow_work, input.outflowWork), rel(got.outflow_other, input.outflowOther), input.reinflow ? rel(got.reinflow, input.reinflow) : 0);
    if (err < 1e-8) return;
    p = { ...p, a: scale(p.a, input.outflowWork, got.outflow_work), b: scale(p.b, input.outflowOther, got.outflow_other), f: input.reinflow ? scale(p.f, input.reinflow, got.reinflow) : 1 };
    if (maxLeave(input, p) > MAX_LEAVE) {
      const flag = rates(input, p).some((r) => r.other > 0.5) ? "--outflow-other" : "--outflow-work";
      throw new InputError(flag, "", ...CAL.initTooMuchOutflow(formatNumber(stock, 0), formatNumber(input.inflow, 0)));
    }
    if (input.reinflow && Math.max(...ASSUMED.reinflow.map((x) => x.share * p.f)) >= MAX_LEAVE) {
      throw new InputError("--reinflow", "", ...CAL.initTooMuchReinflow(formatNumber(input.reinflow, 0), formatNumber(input.outflowWork, 0)));
    }
  }
  }
  if (input.reference) p = { ...p, k: followScale(input, p, input.reference.path, file) };
  const scenario = initScenario(input, p);
  return { scenario, params: p, check: firstYear(scenario, file) };
}

const rel = (got: number, target: number) => (target === 0 ? Math.abs(got) : Math.abs(got - target) / target);

/** Volume at the end of year `path.length - 1` of the projection: with the national index on `path` (from the year before the start), or without macro effects. */
function volumeUnder(input: InitInput, p: InitParams, path: number[] | undefined, file: string): number {
  const raw = initScenario(input, p);
  const years = (path?.length ?? 2) - 1;
  const series = path && Object.fromEntries(path.map((v, i) => [String(input.startYear - 1 + i), v]).concat([[String(input.startYear - 2), path[0]]]));
  const macroSpec = path ? { drivers: { landelijk_volume: { label: "index", base_year: input.startYear - 1 } }, effects: effects(input, p.k), scenarios: [{ name: "ref", label: "ref", paths: { landelijk_volume: series } }] } : undefined;
  const spec = ScenarioSchema.parse({ ...raw, macro: macroSpec, buig: { ...(raw.buig as object), indexed_on: undefined }, horizon_years: years });
  const model = compileScenario(spec, file);
  return metricValues(runScenario(model, model.scenarios[0], [baselineVariant(model)])[0]).volume_end[years - 1];
}

/**
 * The scale k on the national elasticities at which the local volume, under the
 * reference path, ends its last year at (index x the volume without macro effects):
 * the municipality follows the national index in proportion. Bisection on [0, 3]
 * (the volume rises with k); at 3 it stops.
 */
function followScale(input: InitInput, p: InitParams, path: number[], file: string): number {
  const years = path.length - 1;
  const neutral = volumeUnder(input, p, path.map(() => path[0]), file);
  const target = neutral * (path[years] / path[0]);
  let lo = 0;
  let hi = 3;
  exact = true;
  try {
    if (volumeUnder(input, { ...p, k: hi }, path, file) < target) return hi;
    for (let it = 0; it < 40 && hi - lo > 1e-6; it++) {
      const mid = (lo + hi) / 2;
      if (volumeUnder(input, { ...p, k: mid }, path, file) < target) lo = mid;
      else hi = mid;
    }
  } finally {
    exact = false;
  }
  return round((lo + hi) / 2, 4);
}
