/**
 * Panel counts -> a scenario file: the maximum-likelihood monthly transition matrix
 * (row-normalised counts, kept as counts so the probabilistic runs draw Dirichlet rows
 * from them), new inflow per year and its entry distribution, exits, and the stock to
 * start from. Pure: the CLI reads the panel and the template and writes the result.
 *
 * Estimates and their standard errors (a client-month is one multinomial trial from the
 * row of the state the client is in):
 *   p_ij = n_ij / n_i,   se(p_ij) = sqrt(p_ij (1 - p_ij) / n_i)
 *   new inflow per year = 12 A / M,   se = 12 sqrt(A) / M   (A arrivals in M months, Poisson)
 */
import { CAL } from "../locale/messages-calibrate.js";
import { InputError } from "../model/errors.js";
import type { Model } from "../model/model.js";
import type { PanelCounts, PanelState } from "./panel.js";
import { formatMonth, yearOf } from "./period.js";

/** The exit state added when clients leave the panel and no exit state is declared. */
export const DEFAULT_EXIT = "Uit bestand";

export interface Template {
  /** The template file as written (JSON object), so the output keeps the user's own fields and order. */
  raw: Record<string, any>;
  /** The template compiled with a monthly cycle: its monthly rows serve states the panel does not observe. */
  model: Model;
  file: string;
}

export interface EstimateOptions {
  /** Name of the scenario written (without a template). */
  name: string;
  /** Where clients who leave the panel before its last month go; default: the only exit state, or a new "Uit bestand". */
  exitState?: string;
  /** "exit": leaving the panel is a move to the exit state; "censor": the client is no longer followed. */
  disappear: "exit" | "censor";
  startYear?: number;
  horizonYears?: number;
  template?: Template;
}

export interface RowEstimate {
  from: string;
  to: string;
  n: number;
  p: number;
  se: number;
}

export interface EstimateSummary {
  states: PanelState[];
  /** Final counts (panel transitions plus exits by leaving the panel), m x m. */
  counts: Float64Array;
  rowTotal: Float64Array;
  /** Rows taken from the template because the panel has no moves out of the state. */
  fromTemplate: string[];
  estimates: RowEstimate[];
  exitState: string | null;
  disappeared: number;
  inflow: {
    perYear: number;
    se: number;
    arrivals: number;
    months: number;
    /** Arrivals whose first state is not an on-bijstand state (not counted as inflow). */
    notOn: number;
    entry: Record<string, number>;
    byYear: { year: number; arrivals: number; months: number }[];
  };
  start: { year: number; month: number; stock: Record<string, number> };
  notes: string[];
}

/** The exit state clients go to when they leave the panel early (or null when none do / censored). */
function resolveExit(panel: PanelCounts, options: EstimateOptions, disappeared: number): { states: PanelState[]; exit: number | null } {
  const states = panel.states.map((s) => ({ ...s }));
  if (options.disappear === "censor" || disappeared === 0) return { states, exit: null };
  const exits = states.map((s, i) => (s.kind === "exit" ? i : -1)).filter((i) => i >= 0);
  if (options.exitState !== undefined) {
    const i = states.findIndex((s) => s.name === options.exitState);
    if (i >= 0) {
      if (states[i].kind !== "exit") {
        throw new InputError("--exit-state", "", ...CAL.exitStateKind(options.exitState, states[i].kind));
      }
      return { states, exit: i };
    }
    if (options.template) {
      throw new InputError("--exit-state", "", ...CAL.exitStateNotInTemplate(options.exitState, exits.map((e) => states[e].name), DEFAULT_EXIT));
    }
    states.push({ name: options.exitState, kind: "exit" });
    return { states, exit: states.length - 1 };
  }
  if (exits.length === 1) return { states, exit: exits[0] };
  if (exits.length > 1) {
    throw new InputError(panel.file, "", ...CAL.severalExits(disappeared, exits.map((e) => states[e].name)));
  }
  states.push({ name: DEFAULT_EXIT, kind: "exit" });
  return { states, exit: states.length - 1 };
}

const sumMap = (t: Map<number, Float64Array>): Float64Array | null => {
  let out: Float64Array | null = null;
  for (const arr of t.values()) {
    out ??= new Float64Array(arr.length);
    arr.forEach((v, k) => (out![k] += v));
  }
  return out;
};

/** Rounds a probability-like number for the file (12 significant digits: stable, readable). */
const tidy = (v: number): number => Number(v.toPrecision(12));

interface Rows {
  counts: Float64Array;
  rowTotal: Float64Array;
  fromTemplate: string[];
  estimates: RowEstimate[];
  countList: { from: string; to: string; n: number; source?: string }[];
  concentration: Record<string, number>;
}

/** The panel's moves (leaving the panel early as a move to `exit`), per row; a row the panel never leaves comes from the template. */
function estimateRows(panel: PanelCounts, states: PanelState[], exit: number | null, leaving: Float64Array | null, tpl: Template | undefined): Rows {
  const m = states.length;
  const m0 = panel.states.length;
  const tplIndex = new Map(tpl?.model.declared.map((d, i) => [d.name, i]) ?? []);
  const counts = new Float64Array(m * m);
  for (let i = 0; i < m0; i++) for (let j = 0; j < m0; j++) counts[i * m + j] = panel.transitions[i * m0 + j];
  if (exit !== null && leaving) leaving.forEach((v, i) => (counts[i * m + exit] += v));
  const rowTotal = new Float64Array(m);
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) rowTotal[i] += counts[i * m + j];
  const rows: Rows = { counts, rowTotal, fromTemplate: [], estimates: [], countList: [], concentration: {} };
  states.forEach((s, i) => {
    if (s.kind === "exit") return;
    if (rowTotal[i] > 0) {
      rows.concentration[s.name] = rowTotal[i];
      for (let j = 0; j < m; j++) {
        const n = counts[i * m + j];
        if (n === 0) continue;
        const p = n / rowTotal[i];
        rows.estimates.push({ from: s.name, to: states[j].name, n, p, se: Math.sqrt((p * (1 - p)) / rowTotal[i]) });
        rows.countList.push({ from: s.name, to: states[j].name, n });
      }
      return;
    }
    const t = tplIndex.get(s.name);
    if (t === undefined || !tpl) {
      throw new InputError(panel.file, "", ...CAL.noMovesOut(s.name));
    }
    rows.fromTemplate.push(s.name);
    const mt = tpl.model.declared.length;
    for (let j = 0; j < m; j++) {
      const tj = tplIndex.get(states[j].name);
      const p = tj === undefined ? 0 : tpl.model.base[t * mt + tj];
      if (p > 0) rows.countList.push({ from: s.name, to: states[j].name, n: tidy(p), source: CAL.templateRowSource(tpl.file) });
    }
    const c = tpl.model.uncertainty.rowConcentration[t];
    if (c > 0) rows.concentration[s.name] = c;
  });
  return rows;
}

/** The first projected year and the stock it starts from (the panel's December before it, or its last month). */
function startStock(panel: PanelCounts, options: EstimateOptions, notes: string[]): EstimateSummary["start"] & { observed: Set<string> } {
  const m0 = panel.states.length;
  const tpl = options.template;
  const calendar = panel.periodKind === "calendar";
  const startYear = options.startYear ?? (tpl ? Number(tpl.raw.start_year) : calendar ? yearOf(panel.lastMonth) + 1 : NaN);
  if (!Number.isInteger(startYear)) {
    throw new InputError(panel.file, "", ...CAL.monthNumbersNoStart);
  }
  let stockMonth = panel.lastMonth;
  if (calendar) {
    const wanted = startYear * 12 - 1; // December of the year before the start
    if (wanted < panel.firstMonth) {
      throw new InputError("--start-year", "", ...CAL.startBeforePanel(startYear, formatMonth(panel.firstMonth), yearOf(panel.firstMonth) + 1));
    }
    // A year or more after the file ends, its last stock says nothing of the stock the projection starts from.
    if (wanted - panel.lastMonth >= 12) {
      throw new InputError("--start-year", "", ...CAL.startAfterPanel(startYear, formatMonth(panel.lastMonth), yearOf(panel.lastMonth) + 1));
    }
    if (wanted <= panel.lastMonth) stockMonth = wanted;
    else if (panel.lastMonth % 12 !== 11 || yearOf(panel.lastMonth) !== startYear - 1) {
      notes.push(CAL.noteStartAfterPanel(startYear, formatMonth(panel.lastMonth)));
    }
  } else notes.push(CAL.noteStartLastMonth(panel.lastMonth));
  const occ = panel.occupancy.get(stockMonth) ?? new Float64Array(m0);
  const stock: Record<string, number> = {};
  panel.states.forEach((s, i) => s.kind !== "exit" && occ[i] > 0 && (stock[s.name] = occ[i]));
  const observed = new Set<string>();
  for (const arr of panel.occupancy.values()) arr.forEach((v, i) => v > 0 && observed.add(panel.states[i].name));
  return { year: startYear, month: stockMonth, stock, observed };
}

/** New inflow per year (clients first seen on bijstand after the panel's first month), by year, and where they enter. */
function estimateInflow(panel: PanelCounts, states: PanelState[], tpl: Template | undefined, notes: string[]): EstimateSummary["inflow"] {
  const calendar = panel.periodKind === "calendar";
  const months = panel.lastMonth - panel.firstMonth;
  const entryCounts = new Float64Array(panel.states.length);
  let notOn = 0;
  const keyOf = (t: number) => (calendar ? yearOf(t) : Math.floor((t - panel.firstMonth - 1) / 12) + 1);
  const byYear = new Map<number, { arrivals: number; months: Set<number> }>();
  for (let t = panel.firstMonth + 1; t <= panel.lastMonth; t++) {
    const y = byYear.get(keyOf(t)) ?? { arrivals: 0, months: new Set<number>() };
    y.months.add(t);
    byYear.set(keyOf(t), y);
  }
  for (const [month, arr] of panel.arrivals) {
    arr.forEach((v, i) => {
      if (panel.states[i].kind === "on") {
        entryCounts[i] += v;
        byYear.get(keyOf(month))!.arrivals += v;
      } else notOn += v;
    });
  }
  const arrivals = entryCounts.reduce((a, b) => a + b, 0);
  const perYear = months > 0 ? (12 * arrivals) / months : 0;
  const se = months > 0 ? (12 * Math.sqrt(arrivals)) / months : 0;
  const entry: Record<string, number> = {};
  if (arrivals > 0) panel.states.forEach((s, i) => entryCounts[i] > 0 && (entry[s.name] = tidy(entryCounts[i] / arrivals)));
  else {
    const firstOn = states.find((s) => s.kind === "on");
    const tplEntry = tpl?.raw.inflow?.entry as Record<string, number> | undefined;
    Object.assign(entry, tplEntry && Object.keys(tplEntry).every((k) => states.some((s) => s.name === k && s.kind === "on")) ? tplEntry : firstOn ? { [firstOn.name]: 1 } : {});
    notes.push(months > 0 ? CAL.noteNoInflow : CAL.noteOneMonth);
  }
  // make the entry shares sum to 1 exactly after rounding
  const keys = Object.keys(entry);
  if (keys.length > 0) entry[keys[0]] = tidy(1 - keys.slice(1).reduce((a, k) => a + entry[k], 0));
  if (notOn > 0) notes.push(CAL.noteNotOn(notOn));
  return { perYear, se, arrivals, months, notOn, entry, byYear: [...byYear.entries()].map(([year, v]) => ({ year, arrivals: v.arrivals, months: v.months.size })) };
}

/** The template's file with the estimated start, transitions and inflow in place. */
function mergeIntoTemplate(tpl: Template, panel: PanelCounts, states: PanelState[], start: ReturnType<typeof startStock>, parts: Record<string, any>, options: EstimateOptions, notes: string[]): Record<string, any> {
  const m0 = panel.states.length;
  const scenario = structuredClone(tpl.raw);
  const tplStates: Record<string, any>[] = scenario.states;
  const reinflowObserved = (name: string) => {
    const i = panel.states.findIndex((s) => s.name === name);
    return i >= 0 && panel.states.some((s, j) => s.kind === "on" && panel.transitions[i * m0 + j] > 0);
  };
  for (const s of tplStates) {
    if (!s.reinflow) continue;
    if (reinflowObserved(s.name)) {
      delete s.reinflow;
      notes.push(CAL.noteReinflowReplaced(s.name));
    } else notes.push(CAL.noteReinflowKept(s.name));
  }
  for (const s of states) if (!tplStates.some((t) => t.name === s.name)) tplStates.push({ name: s.name, kind: s.kind, note: "toegevoegd door bijstandsim estimate: cliënten die vóór de laatste maand uit het bestand verdwijnen" });
  const initial: Record<string, any> = {};
  for (const [name, value] of Object.entries(tpl.raw.initial ?? {})) if (!start.observed.has(name)) initial[name] = value;
  Object.assign(initial, start.stock);
  const kept = Object.keys(tpl.raw.initial ?? {}).filter((k) => !start.observed.has(k));
  if (kept.length > 0) notes.push(CAL.noteInitialKept(kept));
  scenario.start_year = start.year;
  if (options.horizonYears !== undefined) scenario.horizon_years = options.horizonYears;
  scenario.initial = initial;
  scenario.transitions = parts.transitions;
  scenario.inflow = parts.inflow;
  if (start.year !== Number(tpl.raw.start_year)) notes.push(CAL.noteStartYear(start.year, tpl.raw.start_year));
  if (tpl.raw.duration_bands) notes.push(CAL.noteDurationBands);
  return scenario;
}

export function estimateScenario(panel: PanelCounts, options: EstimateOptions): { scenario: Record<string, any>; summary: EstimateSummary } {
  const notes: string[] = [];
  const leaving = sumMap(panel.disappearances);
  const disappeared = leaving ? leaving.reduce((a, b) => a + b, 0) : 0;
  const { states, exit } = resolveExit(panel, options, disappeared);
  const tpl = options.template;
  if (options.disappear === "censor" && disappeared > 0) notes.push(CAL.noteCensored(disappeared));
  const rows = estimateRows(panel, states, exit, leaving, tpl);
  if (rows.fromTemplate.length > 0) notes.push(CAL.noteFromTemplate(rows.fromTemplate));
  const start = startStock(panel, options, notes);
  const inflow = estimateInflow(panel, states, tpl, notes);

  const panelName = panel.file.split(/[\\/]/).pop() ?? panel.file;
  const source = (what: string) => `bijstandsim estimate: ${what}, uit ${panelName} (${panel.used} rijen, ${panel.clients} cliënten, ${describeRange(panel)})`;
  const transitions: Record<string, any> = {
    per: "month",
    counts: rows.countList,
    source: source("waargenomen overgangen tussen opeenvolgende maanden (ook blijven: van = naar); kans = aantal / rijtotaal" + (exit !== null ? `; wie vóór de laatste maand uit het bestand verdwijnt, telt als overgang naar "${states[exit].name}"` : "")),
  };
  if (rows.fromTemplate.length > 0) transitions.concentration = rows.concentration;
  const inflowSpec: Record<string, any> = {
    per_year: tidy(inflow.perYear),
    entry: inflow.entry,
    source: source(`nieuwe cliënten (eerste waarneming na de eerste maand): ${inflow.arrivals} in ${inflow.months} maanden`),
  };
  if (inflow.arrivals > 0) inflowSpec.distribution = { type: "gamma", mean: tidy(inflow.perYear), sd: tidy(inflow.se), source: "bijstandsim estimate: Poisson-standaardfout van het instroomniveau" };
  const scenario = tpl
    ? mergeIntoTemplate(tpl, panel, states, start, { transitions, inflow: inflowSpec }, options, notes)
    : {
        name: options.name,
        label: `${options.name} (geschat uit ${panelName})`,
        description: `Geschat met bijstandsim estimate uit het cliëntenbestand ${panelName}. Kosten, BUIG-budget en macro-effecten zijn niet geschat: vul ze aan (of geef --template).`,
        unit: "personen",
        start_year: start.year,
        horizon_years: options.horizonYears ?? 5,
        cycle: "month",
        counting: "half",
        states: states.map((s) => ({ name: s.name, kind: s.kind, source: `bijstandsim estimate: toestand uit ${panelName}` })),
        initial: start.stock,
        transitions,
        inflow: inflowSpec,
        buig: { budget: { [String(start.year)]: 0 }, source: "aanname: geen BUIG-budget bekend bij het schatten; vul het budget per jaar in" },
        notes: [] as string[],
      };
  (scenario.notes ??= []).push(`bijstandsim estimate uit ${panelName}: beginstand = stand ${panel.periodKind === "calendar" ? formatMonth(start.month) : `maand ${start.month}`}`);
  if (!tpl && !panel.states.some((s) => s.kind !== "on")) {
    notes.push(CAL.noteAllOn);
  }
  const { counts, rowTotal, fromTemplate, estimates } = rows;
  return {
    scenario,
    summary: {
      states, counts, rowTotal, fromTemplate, estimates,
      exitState: exit === null ? null : states[exit].name,
      disappeared,
      inflow,
      start: { year: start.year, month: start.month, stock: start.stock },
      notes,
    },
  };
}

const describeRange = (panel: PanelCounts): string =>
  panel.periodKind === "calendar" ? `${formatMonth(panel.firstMonth)} t/m ${formatMonth(panel.lastMonth)}` : `maand ${panel.firstMonth} t/m ${panel.lastMonth}`;

/** A yearly series row (`scenario,year,metric,value`; an empty scenario applies to every scenario). */
export interface SeriesRow {
  scenario: string;
  year: number;
  metric: string;
  value: number;
}

/**
 * Yearly aggregates of a calendar panel, in the metrics of yearly.csv: `volume_end` (on
 * bijstand at the end of each December in the panel) and, for complete calendar years,
 * `inflow` (new clients on bijstand plus moves off -> on), `outflow_work` (on -> off) and
 * `outflow_other` (on -> exit, including leaving the panel when that counts as an exit).
 * Moves across gaps are unknown and not counted.
 */
export function panelSeries(panel: PanelCounts, summary: EstimateSummary): SeriesRow[] {
  if (panel.periodKind !== "calendar") return [];
  const kinds = summary.states.map((s) => s.kind);
  const m0 = panel.states.length;
  const exit = summary.exitState === null ? -1 : summary.states.findIndex((s) => s.name === summary.exitState);
  const rows: SeriesRow[] = [];
  for (let y = yearOf(panel.firstMonth); y <= yearOf(panel.lastMonth); y++) {
    const dec = y * 12 + 11;
    const occ = panel.occupancy.get(dec);
    if (dec >= panel.firstMonth && dec <= panel.lastMonth) {
      rows.push({ scenario: "", year: y, metric: "volume_end", value: occ ? occ.reduce((a, v, i) => (kinds[i] === "on" ? a + v : a), 0) : 0 });
    }
    if (y * 12 - 1 < panel.firstMonth || dec > panel.lastMonth) continue;
    let inflow = 0;
    let work = 0;
    let other = 0;
    for (let t = y * 12; t <= dec; t++) {
      panel.arrivals.get(t)?.forEach((v, i) => kinds[i] === "on" && (inflow += v));
      const moves = panel.transitionsByMonth.get(t);
      if (moves) {
        for (let i = 0; i < m0; i++) {
          for (let j = 0; j < m0; j++) {
            const v = moves[i * m0 + j];
            if (v === 0) continue;
            if (kinds[i] === "off" && kinds[j] === "on") inflow += v;
            if (kinds[i] === "on" && kinds[j] === "off") work += v;
            if (kinds[i] === "on" && kinds[j] === "exit") other += v;
          }
        }
      }
      if (exit >= 0) panel.disappearances.get(t)?.forEach((v, i) => kinds[i] === "on" && (other += v));
    }
    rows.push({ scenario: "", year: y, metric: "inflow", value: inflow }, { scenario: "", year: y, metric: "outflow_work", value: work }, { scenario: "", year: y, metric: "outflow_other", value: other });
  }
  return rows;
}

