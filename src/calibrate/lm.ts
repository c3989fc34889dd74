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

export function levenbergMarquardt(f: Residuals, x0: readonly number[], options: LmOptions = {}): LmResult {
  const p = x0.length;
  const lower = options.lower ?? x0.map(() => -Infinity);
  const upper = options.upper ?? x0.map(() => Infinity);
  const scale = options.scale ?? x0.map((v) => Math.max(Math.abs(v), 1));
  const maxIterations = options.maxIterations ?? 200;
  const tolerance = options.tolerance ?? 1e-12;
  const refused = options.refused ?? (() => false);
  const clamp = (v: number, a: number) => Math.min(upper[a], Math.max(lower[a], v));

  let x = x0.map(clamp);
  let r = f(x);
  let sse = sumSquares(r);
  let evaluations = 1;
  let lambda = 1e-3;
  let reason = "maximum number of iterations reached";
  let converged = false;
  let iterations = 0;
  let jac = jacobian(f, x, r, scale, lower, upper);
  evaluations += jac.evaluations;
  const n = r.length;

  for (; iterations < maxIterations; iterations++) {
    if (sse === 0) {
      converged = true;
      reason = "exact fit";
      break;
    }
    const a = gram(jac.j, n, p);
    const g = gradient(jac.j, r, n, p);
    const maxDiag = Math.max(...Array.from({ length: p }, (_, k) => a[k * p + k]), 1e-300);
    let accepted = false;
    while (lambda <= 1e12) {
      const damped = Float64Array.from(a);
      for (let k = 0; k < p; k++) damped[k * p + k] += lambda * Math.max(a[k * p + k], 1e-12 * maxDiag);
      const l = cholesky(damped, p);
      if (!l) {
        lambda *= 4;
        continue;
      }
      const step = choleskySolve(l, g, p);
      const xNew = x.map((v, k) => clamp(v - step[k], k));
      let rNew: Float64Array;
      try {
        rNew = f(xNew);
      } catch (err) {
        if (!refused(err)) throw err;
        lambda *= 4; // the model refused the trial point (e.g. a probability above 1): a shorter step
        continue;
      }
      evaluations++;
      const sseNew = sumSquares(rNew);
      if (!(sseNew < sse)) {
        lambda *= 4;
        continue;
      }
      const small = xNew.every((v, k) => Math.abs(v - x[k]) <= 1e-9 * scale[k]);
      const flat = sse - sseNew <= tolerance * sse;
      x = xNew;
      r = rNew;
      sse = sseNew;
      lambda = Math.max(lambda / 3, 1e-12);
      accepted = true;
      jac = jacobian(f, x, r, scale, lower, upper);
      evaluations += jac.evaluations;
      if (small || flat) {
        converged = true;
        reason = small ? "parameters no longer change" : "the sum of squares no longer falls";
      }
      break;
    }
    if (!accepted) {
      converged = true;
      reason = "no step lowers the sum of squares (a minimum to working precision)";
      break;
    }
    if (converged) {
      iterations++;
      break;
    }
  }
  return { x, residuals: r, sse, jacobian: jac.j, iterations, evaluations, converged, reason };
}
