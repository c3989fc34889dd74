/**
 * Fitting free parameters of a scenario to yearly target series by least squares.
 *
 * Free parameters (the `--free` names):
 * - `inflow`: the new-inflow level `inflow.per_year` (a multiplier on every year when
 *   per_year is given per year);
 * - `elasticity:<i>`: `macro.effects[i].elasticity`;
 * - `outflow_work`, `outflow_other`: a multiplier on the per-period probability of every
 *   move from an on-bijstand state to an off state (to an exit state); the probability
 *   of staying is the complement. For observed `counts` the row totals are kept, so the
 *   probabilistic runs keep the same amount of evidence;
 * - `lag:<i>`: `macro.effects[i].lag_months`, whole months 0-24. A lag moves the model
 *   in steps (drivers are yearly), so it is not given to the continuous optimiser: every
 *   lag 0..24 is tried, the other parameters fitted for each (a profile), and the lag
 *   with the smallest sum of squares is kept. It has no standard error. One lag at a time.
 *
 * Every trial value is set on the compiled model through model/adjust.ts (the path the
 * parameter draws take too); only the fitted file written at the end edits the user's
 * JSON, in whatever encoding it gives its transitions.
 *
 * The continuous parameters are fitted by Levenberg-Marquardt (lm.ts) on the residuals
 * model - target (or (model - target) / target with `relative`). Approximate standard
 * errors: cov = s^2 (JᵀJ)^-1, s^2 = SSE / (n - p), with J the Jacobian at the optimum.
 * A fit is refused when it cannot be identified: more parameters than target cells, a
 * parameter that moves no target cell, or JᵀJ (columns scaled to unit length)
 * near-singular (smallest/largest eigenvalue below 1e-10): two parameters then move the
 * targets the same way and the data cannot tell them apart.
 */
import { maxOutflowScale, withElasticity, withInflowPerYear, withLag, withOutflowScaled } from "../model/adjust.js";
import { compileScenario } from "../model/compile/index.js";
import { CAL } from "../locale/messages-calibrate.js";
import { InputError } from "../model/errors.js";
import { KIND_EXIT, KIND_OFF, type Model } from "../model/model.js";
import type { ScenarioFile } from "../model/schema.js";
import { baselineVariant } from "../model/variant.js";
import { metricValues } from "../outcomes/metrics.js";
import { runScenario } from "../simulate/scenario.js";
import { gram, spdInverse, symmetricEigen } from "./linalg.js";
import { jacobian, levenbergMarquardt } from "./lm.js";
import type { Cell } from "./series.js";

export type FreeParam =
  | { kind: "inflow"; name: string; series: boolean }
  | { kind: "elasticity"; name: string; index: number }
  | { kind: "outflow_work" | "outflow_other"; name: string }
  | { kind: "lag"; name: string; index: number };

/** Lags tried by the profile over `lag:<i>`, in months. */
export const LAG_CANDIDATES = Array.from({ length: 25 }, (_, k) => k);

/** Parses `--free` names against the scenario; every mistake is an InputError on --free. */
export function parseFreeParams(names: readonly string[], spec: ScenarioFile): FreeParam[] {
  if (names.length === 0) throw new InputError("--free", "", CAL.freeNone, CAL.freeNames);
  const effects = spec.macro?.effects ?? [];
  const listEffects = () => (effects.length ? effects.map((e, i) => `${i}: ${e.driver} -> ${typeof e.target === "string" ? e.target : `${e.target.from} -> ${e.target.to}`}`).join("; ") : CAL.freeNoEffects);
  const seen = new Set<string>();
  const params = names.map((raw): FreeParam => {
    const name = raw.trim();
    if (seen.has(name)) throw new InputError("--free", "", ...CAL.freeTwice(name));
    seen.add(name);
    if (name === "inflow") return { kind: "inflow", name, series: typeof spec.inflow.per_year !== "number" };
    if (name === "outflow_work" || name === "outflow_other") return { kind: name, name };
    const m = /^(elasticity|lag):(\d+)$/.exec(name);
    if (m) {
      const index = Number(m[2]);
      if (index >= effects.length) throw new InputError("--free", "", ...CAL.freeNoEffect(name, index, listEffects()));
      return { kind: m[1] as "elasticity" | "lag", name, index };
    }
    throw new InputError("--free", "", CAL.freeUnknown(name), CAL.freeNames);
  });
  if (params.filter((p) => p.kind === "lag").length > 1) throw new InputError("--free", "", ...CAL.freeLags);
  return params;
}

type Loose = Record<string, any>;

/** Kind of each declared state, by name. */
const kindsOf = (spec: Loose): Map<string, string> => new Map((spec.states as Loose[]).map((s) => [s.name, s.kind]));

/**
 * Scales every move from an on-state to a state of kind `to` by `factor`, in the
 * transitions block of `spec` (list, matrix or counts), in place.
 */
export function scaleMoves(spec: Loose, to: "off" | "exit", factor: number): void {
  const kind = kindsOf(spec);
  const t = spec.transitions;
  const hit = (from: string, dest: string) => kind.get(from) === "on" && kind.get(dest) === to && from !== dest;
  if (t.list) {
    for (const e of t.list as Loose[]) if (hit(e.from, e.to)) e.p *= factor;
    for (const e of t.list as Loose[]) {
      if (e.from !== e.to) continue;
      const out = (t.list as Loose[]).filter((x) => x.from === e.from && x.to !== e.from).reduce((a, x) => a + x.p, 0);
      e.p = Math.max(0, 1 - out);
    }
  } else if (t.matrix) {
    const order: string[] = t.matrix.order;
    t.matrix.rows = (t.matrix.rows as number[][]).map((row, r) => {
      const next = row.map((v, c) => (hit(order[r], order[c]) ? v * factor : v));
      const out = next.reduce((a, v, c) => (c === r ? a : a + v), 0);
      next[r] = Math.max(0, 1 - out);
      return next;
    });
  } else if (t.counts) {
    const counts = t.counts as Loose[];
    const rows = new Set(counts.filter((e) => hit(e.from, e.to)).map((e) => e.from as string));
    for (const from of rows) {
      const row = counts.filter((e) => e.from === from);
      const total = row.reduce((a, e) => a + e.n, 0);
      for (const e of row) if (hit(e.from, e.to)) e.n *= factor;
      let stay = row.find((e) => e.to === from);
      if (!stay) counts.push((stay = { from, to: from, n: 0 }));
      const out = row.filter((e) => e !== stay).reduce((a, e) => a + e.n, 0);
      stay.n = Math.max(0, total - out);
    }
  }
}

/** The current value of a parameter in the model (a multiplier starts at 1). */
export function startValue(model: Model, p: FreeParam): number {
  switch (p.kind) {
    case "inflow": return p.series ? 1 : model.inflowPerYear[0];
    case "elasticity": return model.effects[p.index].elasticity;
    case "lag": return model.effects[p.index].lagMonths;
    default: return 1;
  }
}

/** The model with the parameters set to `values` (multipliers act on `model`'s own values). */
export function withParams(model: Model, params: readonly FreeParam[], values: readonly number[]): Model {
  return params.reduce((m, p, k) => {
    const v = values[k];
    switch (p.kind) {
      case "inflow": return withInflowPerYear(m, p.series ? m.inflowPerYear.map((x) => x * v) : new Float64Array(m.years).fill(v));
      case "elasticity": return withElasticity(m, p.index, v);
      case "lag": return withLag(m, p.index, Math.round(v));
      case "outflow_work": return withOutflowScaled(m, KIND_OFF, v);
      case "outflow_other": return withOutflowScaled(m, KIND_EXIT, v);
    }
  }, model);
}

/** A copy of a scenario file (as JSON) with the fitted values written in (multipliers act on its own values). */
function fileWithParams<T extends Loose>(spec: T, params: readonly FreeParam[], values: readonly number[]): T {
  const out = structuredClone(spec) as Loose;
  params.forEach((p, k) => {
    const v = values[k];
    switch (p.kind) {
      case "inflow":
        if (p.series) for (const y of Object.keys(out.inflow.per_year)) out.inflow.per_year[y] *= v;
        else out.inflow.per_year = v;
        break;
      case "elasticity": out.macro.effects[p.index].elasticity = v; break;
      case "lag": out.macro.effects[p.index].lag_months = Math.round(v); break;
      case "outflow_work": scaleMoves(out, "off", v); break;
      case "outflow_other": scaleMoves(out, "exit", v); break;
    }
  });
  return out as T;
}

export interface FitOptions {
  /** Residuals relative to the target ((model - target) / target) instead of absolute. */
  relative?: boolean;
  /** File of the targets, for messages. */
  targetFile: string;
  /** Progress per lag candidate. */
  onProgress?: (done: number, total: number) => void;
}

export interface FittedParam {
  name: string;
  start: number;
  value: number;
  /** Approximate standard error (NaN when there are no degrees of freedom left, or for a lag). */
  se: number;
  lower: number;
  upper: number;
}

export interface CellFit extends Cell {
  model: number;
  residual: number;
}

export interface FitResult {
  params: FittedParam[];
  cells: CellFit[];
  sse: number;
  /** Residual standard deviation s (in the units of the residuals: persons, or a fraction with `relative`). */
  sigma: number;
  dof: number;
  /** Correlation of the estimates (p x p over the continuous parameters). */
  correlation: Float64Array;
  /** Smallest/largest eigenvalue of the scaled JᵀJ (1 = orthogonal parameters). */
  conditioning: number;
  iterations: number;
  evaluations: number;
  converged: boolean;
  reason: string;
  /** Lag profile: sum of squares per lag tried. */
  lagProfile?: { lag: number; sse: number }[];
  horizonYears: number;
  notes: string[];
}

/** Model values at the target cells (baseline, no interventions). */
function cellValues(model: Model, cells: readonly Cell[]): Float64Array {
  const needed = [...new Set(cells.map((c) => c.scenario))];
  const values = new Map<number, ReturnType<typeof metricValues>>();
  for (const i of needed) values.set(i, metricValues(runScenario(model, model.scenarios[i], [baselineVariant(model)])[0]));
  return Float64Array.from(cells, (c) => values.get(c.scenario)![c.metric][c.year - model.startYear]);
}

/** Refuses a fit whose Jacobian cannot tell the parameters apart. */
function checkIdentifiable(j: Float64Array, n: number, names: string[], where: string): number {
  const p = names.length;
  if (p === 0) return 1;
  const a = gram(j, n, p);
  const dead = names.filter((_, k) => !(a[k * p + k] > 1e-24));
  if (dead.length > 0) {
    throw new InputError("--free", "", ...CAL.freeDead(dead, where));
  }
  const d = Float64Array.from({ length: p }, (_, k) => 1 / Math.sqrt(a[k * p + k]));
  const scaled = a.map((v, idx) => v * d[Math.floor(idx / p)] * d[idx % p]);
  const { values, vectors } = symmetricEigen(scaled, p);
  const ratio = values[0] / values[p - 1];
  if (!(ratio > 1e-10)) {
    const involved = names.filter((_, k) => Math.abs(vectors[k * p]) > 0.2);
    throw new InputError("--free", "", ...CAL.notIdentifiable(where, involved, ratio.toExponential(2)));
  }
  return ratio;
}

/** The cells from the projection's first year on, checked against the free parameters; a note for the ones before it. */
function usableCells(model: Model, cells: Cell[], params: FreeParam[], options: FitOptions, notes: string[]): Cell[] {
  const firstYear = model.startYear;
  const before = cells.filter((c) => c.year < firstYear);
  if (before.length > 0) {
    // e.g. the stock at the end of the year before the start, which the projection starts from
    notes.push(CAL.noteBefore(before.length, firstYear, Math.min(...before.map((c) => c.line))));
    cells = cells.filter((c) => c.year >= firstYear);
    if (cells.length === 0) {
      throw new InputError(options.targetFile, "", ...CAL.noTargetsFrom(firstYear));
    }
  }
  if (params.length > cells.length) {
    throw new InputError("--free", "", ...CAL.tooFewCells(params.length, cells.length));
  }
  for (const c of cells) {
    if (options.relative && c.value === 0) throw new InputError(options.targetFile, CAL.lineColumn(c.line, "value"), ...CAL.zeroRelative);
  }
  return cells;
}

type Fitted = ReturnType<typeof levenbergMarquardt>;

/** The fit at each lag 0..24 in turn (a profile), each from the best so far; the lag with the smallest sum of squares wins. */
function lagProfileFit(lag: FreeParam, x0: number[], fitAt: (lag: number, start: number[]) => Fitted, options: FitOptions, notes: string[]) {
  const profile: { lag: number; sse: number }[] = [];
  let start = x0;
  let done = 0;
  let best: { fit: Fitted; lag: number } | undefined;
  for (const candidate of LAG_CANDIDATES) {
    try {
      const fitted = fitAt(candidate, start);
      profile.push({ lag: candidate, sse: fitted.sse });
      if (!best || fitted.sse < best.fit.sse) {
        best = { fit: fitted, lag: candidate };
        start = fitted.x;
      }
    } catch (err) {
      if (!(err instanceof InputError)) throw err; // the model cannot run at this lag (e.g. a driver path too short for it)
    }
    options.onProgress?.(++done, LAG_CANDIDATES.length);
  }
  if (!best) throw new InputError("--free", "", ...CAL.lagNowhere(lag.name));
  const skipped = LAG_CANDIDATES.filter((l) => !profile.some((x) => x.lag === l));
  if (skipped.length > 0) notes.push(CAL.noteLagsSkipped(lag.name, skipped[0], skipped[skipped.length - 1]));
  return { ...best, profile };
}

/** Standard errors and correlation from the Jacobian at the optimum: cov = s^2 (JᵀJ)^-1. */
function standardErrors(best: Fitted, n: number, names: string[], dof: number, exact: boolean, notes: string[]) {
  const p = names.length;
  // No residual variance to scale by: with no degrees of freedom, or cells that the parameters meet exactly
  // (the year-end volume is the sum of the flows: a target with volume and flows has dependent cells).
  const sigma2 = dof > 0 && !exact ? best.sse / dof : NaN;
  if (p === 0) return { sigma2, se: [] as number[], correlation: new Float64Array(0), conditioning: 1 };
  const conditioning = checkIdentifiable(best.jacobian, n, names, CAL.atFitted);
  const inv = spdInverse(gram(best.jacobian, n, p), p);
  if (!inv) throw new InputError("--free", "", ...CAL.singular);
  if (dof === 0) notes.push(CAL.noteExact);
  else if (exact) notes.push(CAL.noteExactDependent);
  return {
    sigma2,
    se: Array.from({ length: p }, (_, k) => Math.sqrt(sigma2 * inv[k * p + k])),
    correlation: inv.map((v, idx) => v / Math.sqrt(inv[Math.floor(idx / p) * p + Math.floor(idx / p)] * inv[(idx % p) * p + (idx % p)])),
    conditioning,
  };
}

/**
 * Fits `params` of `spec` to `cells`. `spec` is the parsed file; interventions are left
 * out while fitting (they do not change the baseline). Throws InputError when the fit
 * cannot be identified or the model cannot run at the start values.
 */
export function fitScenario(spec: ScenarioFile, file: string, model: Model, cells: Cell[], params: FreeParam[], options: FitOptions): FitResult {
  const notes: string[] = [];
  cells = usableCells(model, cells, params, options, notes);
  const n = cells.length;
  const lastYear = Math.max(...cells.map((c) => c.year));
  const horizonYears = Math.max(model.years, lastYear - model.startYear + 1);
  if (horizonYears > model.years) notes.push(CAL.noteHorizon(lastYear, horizonYears, model.years));

  const base = compileScenario({ ...structuredClone(spec), interventions: [], combinations: [] }, file, { horizonYears });
  const weights = Float64Array.from(cells, (c) => (options.relative ? 1 / c.value : 1));
  const target = Float64Array.from(cells, (c) => c.value);
  const continuous = params.filter((p) => p.kind !== "lag");
  const lag = params.find((p) => p.kind === "lag");
  const names = continuous.map((p) => p.name);
  const x0 = continuous.map((p) => startValue(base, p));
  const lower = continuous.map((p) => (p.kind === "elasticity" ? -Infinity : 0));
  const upper = continuous.map((p) => (p.kind === "outflow_work" ? maxOutflowScale(base, KIND_OFF) : p.kind === "outflow_other" ? maxOutflowScale(base, KIND_EXIT) : Infinity));
  const scale = x0.map((v) => Math.max(Math.abs(v), 1));
  upper.forEach((u, k) => {
    if (!(u > 0)) throw new InputError("--free", "", ...CAL.noMovesToScale(names[k], names[k] === "outflow_work"));
  });

  let evaluations = 0;
  const residualsAt = (lagValue: number | null) => (x: readonly number[]): Float64Array => {
    evaluations++;
    const v = cellValues(lagValue === null ? withParams(base, continuous, x) : withParams(base, [...continuous, lag!], [...x, lagValue]), cells);
    return v.map((mv, k) => (mv - target[k]) * weights[k]);
  };
  const fitAt = (lagValue: number | null, start: number[]): Fitted => {
    const f = residualsAt(lagValue);
    if (continuous.length > 0) return levenbergMarquardt(f, start, { lower, upper, scale, refused: (err) => err instanceof InputError });
    const r = f([]);
    return { x: [], residuals: r, sse: r.reduce((a, v) => a + v * v, 0), jacobian: new Float64Array(0), iterations: 0, evaluations: 1, converged: true, reason: CAL.nothingToOptimise };
  };

  // Identifiability at the start, before any work.
  const startLag = lag ? startValue(base, lag) : null;
  if (continuous.length > 0) {
    const f0 = residualsAt(startLag);
    checkIdentifiable(jacobian(f0, x0, f0(x0), scale, lower, upper).j, n, names, CAL.atStart);
  }
  const profile = lag ? lagProfileFit(lag, x0, fitAt, options, notes) : undefined;
  const best = profile ? profile.fit : fitAt(null, x0);
  const dof = n - continuous.length - (lag ? 1 : 0);
  const size = target.reduce((a, t, k) => a + (t * weights[k]) ** 2, 0);
  const exact = best.sse <= 1e-20 * size;
  const { sigma2, se, correlation, conditioning } = standardErrors(best, n, names, dof, exact, notes);
  if (!best.converged) notes.push(CAL.noteNotConverged(best.reason));

  const fittedParams: FittedParam[] = continuous.map((q, k) => ({ name: q.name, start: x0[k], value: best.x[k], se: se[k], lower: lower[k], upper: upper[k] }));
  if (lag) fittedParams.push({ name: lag.name, start: startLag!, value: profile!.lag, se: NaN, lower: 0, upper: 24 });
  fittedParams.forEach((q) => {
    if ((q.upper !== Infinity && Math.abs(q.value - q.upper) < 1e-9 * Math.max(1, q.upper)) || (q.lower !== -Infinity && Math.abs(q.value - q.lower) < 1e-12)) {
      notes.push(CAL.noteAtBound(q.name, q.value));
    }
  });
  const fitCells: CellFit[] = cells.map((c, k) => {
    const residual = best.residuals[k] / weights[k];
    return { ...c, model: c.value + residual, residual };
  });
  return {
    params: fittedParams, cells: fitCells, sse: best.sse, sigma: Math.sqrt(sigma2), dof, correlation, conditioning,
    iterations: best.iterations, evaluations, converged: best.converged, reason: best.reason,
    lagProfile: profile?.profile, horizonYears, notes,
  };
}

const fmtSe = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(3)) : null);

/**
 * The user's own file (as parsed JSON, keys in their order) with the fitted values, and
 * sources and uncertainty distributions that say so: an elasticity's normal
 * distribution gets the fitted mean and its standard error as sd, the inflow's gamma
 * distribution likewise.
 */
export function fittedFile(raw: Loose, params: readonly FreeParam[], fit: FitResult, targetFile: string): { file: Loose; notes: string[] } {
  const notes: string[] = [];
  const values = params.map((p) => fit.params.find((q) => q.name === p.name)!.value);
  const file = fileWithParams(raw, params, values);
  const stamp = (what: string, q: FittedParam) => `bijstandsim fit op ${targetFile}: ${what} (${fit.cells.length} cellen${Number.isFinite(q.se) ? `; standaardfout ${fmtSe(q.se)}` : ""}; startwaarde ${Number(q.start.toPrecision(6))})`;
  const resource = (obj: Loose, text: string) => {
    const old: string | undefined = obj.source;
    obj.source = old && !old.startsWith("bijstandsim fit") ? `${text}; eerder: ${old}` : text;
  };
  // Both outflow multipliers act on the transitions: one source that names both (the second replaced the first, and
  // with it the file's own provenance).
  const onTransitions: string[] = [];
  params.forEach((p) => {
    const q = fit.params.find((x) => x.name === p.name)!;
    switch (p.kind) {
      case "inflow": {
        resource(file.inflow, stamp(p.series ? `instroom per jaar x ${Number(q.value.toPrecision(6))}` : "instroomniveau", q));
        const d = file.inflow.distribution;
        if (d?.type === "gamma") {
          d.mean = Number(q.value.toPrecision(8));
          // a standard error too small for a gamma (shape above 1e12) is no uncertainty to draw from: the old relative spread stays
          if (Number.isFinite(q.se) && q.se > d.mean * 1e-6) d.sd = fmtSe(q.se);
          else d.sd = Number(((d.sd * q.value) / q.start).toPrecision(6));
        } else if (d) notes.push(CAL.noteInflowDistribution(d.type));
        break;
      }
      case "elasticity": {
        const e = file.macro.effects[p.index];
        e.elasticity = Number(q.value.toPrecision(8));
        resource(e, stamp("elasticiteit", q));
        const d = e.distribution;
        if (d?.type === "normal") {
          d.mean = e.elasticity;
          if (Number.isFinite(q.se)) d.sd = fmtSe(q.se);
          d.source = "bijstandsim fit: gemiddelde = geschatte elasticiteit, sd = standaardfout";
        } else if (d?.type === "truncnormal") {
          d.mean = e.elasticity;
          d.low = Math.min(d.low, e.elasticity);
          d.high = Math.max(d.high, e.elasticity);
        } else if (d) notes.push(CAL.noteEffectDistribution(p.index, d.type));
        break;
      }
      case "lag":
        resource(file.macro.effects[p.index], `bijstandsim fit op ${targetFile}: vertraging ${q.value} maanden (profiel over 0-24 maanden)`);
        break;
      default: {
        onTransitions.push(stamp(`${p.kind === "outflow_work" ? "uitstroom naar werk" : "uitstroom overig"} x ${Number(q.value.toPrecision(6))}`, q));
        if ((file.transitions.list as Loose[] | undefined)?.some((e) => e.distribution) && !notes.includes(CAL.noteListDistributions)) notes.push(CAL.noteListDistributions);
      }
    }
  });
  if (onTransitions.length) resource(file.transitions, onTransitions.join("; "));
  return { file, notes };
}
