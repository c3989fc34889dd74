/**
 * Levenberg-Marquardt least squares: minimise S(x) = sum_k r_k(x)^2 over a few
 * parameters x, for residuals computed by running the model (a few milliseconds each).
 * Why not a package: the npm candidates (ml-levenberg-marquardt) take a function of one
 * data point, use a fixed absolute finite-difference step, stop only on an absolute
 * error or an iteration count, and do not return the Jacobian, which the standard
 * errors and the identifiability check need. The method is short enough to read:
 *
 * 1. J = dr/dx by central differences (step 1e-5 x the parameter's scale; one-sided at a bound).
 * 2. Solve (JᵀJ + λ diag(JᵀJ)) δ = -Jᵀr (Marquardt's scaling: invariant to parameter units).
 * 3. If S(x + δ) < S(x), accept and lower λ (x 1/3); else raise λ (x 4) and solve again.
 * 4. Stop when a step changes S by less than `tolerance` relative, and every
 *    parameter by less than 1e-9 of its scale, or λ has grown past 1e12 (no descent
 *    direction left: a minimum to working precision), or after `maxIterations`.
 *
 * Bounds are handled by projection (x + δ clamped into [lower, upper]). A trial point
 * the model refuses (`refused(err)` is true, e.g. a probability pushed above 1) counts
 * as a failed step; any other error thrown by the residuals is a bug and surfaces.
 *
 * @example
 * // fit y = a e^(b t) to three points
 * const t = [0, 1, 2], y = [2, 2.7, 3.6];
 * const fit = levenbergMarquardt(([a, b]) => Float64Array.from(t, (ti, k) => a * Math.exp(b * ti) - y[k]), [1, 0]);
 * // fit.x ~ [2.0, 0.29]
 */
import { CAL } from "../locale/messages-calibrate.js";
import { cholesky, choleskySolve, gradient, gram } from "./linalg.js";

export type Residuals = (x: readonly number[]) => Float64Array;

export interface LmOptions {
  lower?: readonly number[];
  upper?: readonly number[];
  /** Typical size of each parameter (finite-difference steps and convergence); default max(|x0|, 1). */
  scale?: readonly number[];
  maxIterations?: number;
  /** Relative change of S below which the fit has converged (default 1e-12). */
  tolerance?: number;
  /** Errors that mean "the model cannot run at this point" (default: none; every error surfaces). */
  refused?: (err: unknown) => boolean;
}

export interface LmResult {
  x: number[];
  residuals: Float64Array;
  sse: number;
  /** n x p Jacobian at x (row-major). */
  jacobian: Float64Array;
  iterations: number;
  evaluations: number;
  converged: boolean;
  reason: string;
}

const sumSquares = (r: Float64Array): number => {
  let s = 0;
  for (const v of r) s += v * v;
  return s;
};

/** Central-difference Jacobian of `f` at x (n x p), one-sided where a bound is in the way. */
export function jacobian(f: Residuals, x: readonly number[], r0: Float64Array, scale: readonly number[], lower: readonly number[], upper: readonly number[]): { j: Float64Array; evaluations: number } {
  const n = r0.length;
  const p = x.length;
  const j = new Float64Array(n * p);
  let evaluations = 0;
  for (let a = 0; a < p; a++) {
    const h = 1e-5 * scale[a];
    const up = x[a] + h <= upper[a];
    const down = x[a] - h >= lower[a];
    const at = (v: number) => x.map((xi, k) => (k === a ? v : xi));
    let rPlus = r0;
    let rMinus = r0;
    let width = 0;
    if (up) {
      rPlus = f(at(x[a] + h));
      evaluations++;
      width += h;
    }
    if (down) {
      rMinus = f(at(x[a] - h));
      evaluations++;
      width += h;
    }
    if (width === 0) continue; // bounds closer than h on both sides: the column stays 0
    for (let k = 0; k < n; k++) j[k * p + a] = (rPlus[k] - rMinus[k]) / width;
  }
  return { j, evaluations };
}

interface Point {
  x: number[];
  r: Float64Array;
  sse: number;
}

interface Bounds {
  lower: readonly number[];
  upper: readonly number[];
  refused: (err: unknown) => boolean;
}

/**
 * Steps 2-3: solve the damped normal equations, raising λ until a step lowers S (a
 * refused trial point counts as a failed step). Returns the better point, or none when
 * λ has grown past 1e12, and the λ to go on with.
 */
function descend(f: Residuals, at: Point, j: Float64Array, lambda: number, b: Bounds): { next?: Point; lambda: number; evaluations: number } {
  const p = at.x.length;
  const n = at.r.length;
  const a = gram(j, n, p);
  const g = gradient(j, at.r, n, p);
  const maxDiag = Math.max(...Array.from({ length: p }, (_, k) => a[k * p + k]), 1e-300);
  let evaluations = 0;
  for (; lambda <= 1e12; lambda *= 4) {
    const damped = Float64Array.from(a);
    for (let k = 0; k < p; k++) damped[k * p + k] += lambda * Math.max(a[k * p + k], 1e-12 * maxDiag);
    const l = cholesky(damped, p);
    if (!l) continue;
    const step = choleskySolve(l, g, p);
    const x = at.x.map((v, k) => Math.min(b.upper[k], Math.max(b.lower[k], v - step[k])));
    let r: Float64Array;
    try {
      r = f(x);
    } catch (err) {
      if (!b.refused(err)) throw err;
      continue; // the model refused the trial point (e.g. a probability above 1): a shorter step
    }
    evaluations++;
    const sse = sumSquares(r);
    if (sse < at.sse) return { next: { x, r, sse }, lambda: Math.max(lambda / 3, 1e-12), evaluations };
  }
  return { lambda, evaluations };
}

export function levenbergMarquardt(f: Residuals, x0: readonly number[], options: LmOptions = {}): LmResult {
  const b: Bounds = { lower: options.lower ?? x0.map(() => -Infinity), upper: options.upper ?? x0.map(() => Infinity), refused: options.refused ?? (() => false) };
  const scale = options.scale ?? x0.map((v) => Math.max(Math.abs(v), 1));
  const maxIterations = options.maxIterations ?? 200;
  const tolerance = options.tolerance ?? 1e-12;

  const x = x0.map((v, a) => Math.min(b.upper[a], Math.max(b.lower[a], v)));
  const r = f(x);
  let at: Point = { x, r, sse: sumSquares(r) };
  let jac = jacobian(f, at.x, at.r, scale, b.lower, b.upper);
  let evaluations = 1 + jac.evaluations;
  let lambda = 1e-3;
  let reason = CAL.lmMaxIterations;
  let converged = false;
  let iterations = 0;
  for (; iterations < maxIterations && !converged; iterations++) {
    if (at.sse === 0) {
      converged = true;
      reason = CAL.lmExact;
      break;
    }
    const step = descend(f, at, jac.j, lambda, b);
    evaluations += step.evaluations;
    lambda = step.lambda;
    if (!step.next) {
      converged = true;
      reason = CAL.lmNoStep;
      break;
    }
    const small = step.next.x.every((v, k) => Math.abs(v - at.x[k]) <= 1e-9 * scale[k]);
    const flat = at.sse - step.next.sse <= tolerance * at.sse;
    at = step.next;
    jac = jacobian(f, at.x, at.r, scale, b.lower, b.upper);
    evaluations += jac.evaluations;
    if (small || flat) {
      converged = true;
      reason = small ? CAL.lmParamsStill : CAL.lmSseStill;
    }
  }
  return { x: at.x, residuals: at.r, sse: at.sse, jacobian: jac.j, iterations, evaluations, converged, reason };
}
