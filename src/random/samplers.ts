/**
 * Samplers the stochastic engines and the parameter draws need, each exact for its
 * distribution and driven by a seeded Stream (stream.ts).
 */
import type { Stream } from "./stream.js";

/** Standard normal (polar Box-Muller; one value per call, the pair's second is discarded for simplicity). */
export function normal(rng: Stream): number {
  for (;;) {
    const u = 2 * rng.uniform() - 1;
    const v = 2 * rng.uniform() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/** Gamma(shape, 1) by Marsaglia & Tsang (2000); shape < 1 via the boost U^(1/shape). */
export function gamma(shape: number, rng: Stream): number {
  if (shape < 1) return gamma(shape + 1, rng) * rng.open() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.open();
    if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

export const beta = (a: number, b: number, rng: Stream): number => {
  const x = gamma(a, rng);
  return x / (x + gamma(b, rng));
};

/** Dirichlet(alpha) into `out` (entries with alpha 0 stay 0). */
export function dirichlet(alpha: ArrayLike<number>, rng: Stream, out: Float64Array): Float64Array {
  let total = 0;
  for (let i = 0; i < alpha.length; i++) {
    out[i] = alpha[i] > 0 ? gamma(alpha[i], rng) : 0;
    total += out[i];
  }
  if (!(total > 0)) {
    // Every gamma draw underflowed (tiny concentrations): the Dirichlet then puts its mass
    // on one entry, chosen with probability alpha_i / sum(alpha).
    let sum = 0;
    for (let i = 0; i < alpha.length; i++) sum += alpha[i];
    let u = rng.uniform() * sum;
    out.fill(0);
    for (let i = 0; i < alpha.length; i++) {
      u -= alpha[i];
      if (alpha[i] > 0 && (u < 0 || i === alpha.length - 1)) {
        out[i] = 1;
        return out;
      }
    }
    return out;
  }
  for (let i = 0; i < alpha.length; i++) out[i] /= total;
  return out;
}

const LOG_SQRT_2PI = 0.9189385332046728;

/** log(k!) for whole k >= 0: a table below 256, the Stirling series above (error below 1e-12). */
export const logFactorial = (() => {
  const table = new Float64Array(256);
  for (let i = 2; i < 256; i++) table[i] = table[i - 1] + Math.log(i);
  return (n: number): number => (n < 256 ? table[n] : (n + 0.5) * Math.log(n) - n + LOG_SQRT_2PI + 1 / (12 * n) - 1 / (360 * n * n * n));
})();

/**
 * The Stirling tail fc(k) = log(k!) - [(k + 1/2) log(k + 1) - (k + 1) + log sqrt(2 pi)]:
 * what the leading Stirling terms in k + 1 miss. Exact from the table for small k, the
 * series 1/(12 y) - 1/(360 y^3) + 1/(1260 y^5) (y = k + 1) above.
 */
function stirlingTail(k: number): number {
  if (k < 16) return logFactorial(k) - ((k + 0.5) * Math.log(k + 1) - (k + 1) + LOG_SQRT_2PI);
  const y = k + 1;
  const y2 = y * y;
  return (1 / 12 - (1 / 360 - 1 / (1260 * y2)) / y2) / y;
}

/**
 * Binomial(n, p), exact, for whole n >= 0, at a cost that does not grow with n:
 * - n min(p, 1 - p) < 50: inversion from 0 with one uniform (expected n p + 1 steps).
 *   Inversion is monotone in the uniform, so Binomial(n) and Binomial(n + 1) drawn with
 *   the same uniform differ by 0 or 1: the paired runs (engine/cohort-step.ts) rely on
 *   it to keep a variant's draws next to its baseline's;
 * - otherwise BTRS, Hörmann's transformed rejection with squeeze ("The generation of
 *   binomial random variates", J. Stat. Comput. Simul. 46, 1993): about 1.1 pairs of
 *   uniforms per draw; the acceptance test log f(k)/f(m) is written with Stirling tails
 *   so that it keeps its precision for very large n.
 * p > 1/2 is drawn as n minus a draw with 1 - p.
 */
export function binomial(n: number, p: number, rng: Stream): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomialUpToHalf(n, 1 - p, rng);
  return binomialUpToHalf(n, p, rng);
}

/**
 * q^n for whole n >= 0 by repeated squaring: V8's Math.pow took a quarter of a noisy
 * projection, and this is a handful of multiplications for the small n of most states.
 * It may differ from q ** n in the last bits, which moves a draw only when the uniform
 * falls within ~1e-15 of a cumulative probability.
 */
export function powWhole(q: number, n: number): number {
  if (n > 0x3fffffff) return q ** n;
  let f = 1;
  let b = q;
  for (let e = n; e !== 0; e >>>= 1) {
    if (e & 1) f *= b;
    b *= b;
  }
  return f;
}

function binomialUpToHalf(n: number, p: number, rng: Stream): number {
  const q = 1 - p;
  if (n * p < 50) {
    const u = rng.uniform();
    const ratio = p / q;
    let f = powWhole(q, n);
    let acc = f;
    let k = 0;
    while (u >= acc && k < n) {
      f *= ((n - k) / (k + 1)) * ratio;
      k++;
      acc += f;
      if (f === 0) break; // round-off left a sliver above the last term: it stays at k
    }
    return k;
  }
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const r = p / q;
  const m = Math.floor((n + 1) * p);
  const fm = stirlingTail(m) + stirlingTail(n - m);
  for (;;) {
    const u = rng.uniform() - 0.5;
    let v = rng.uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (us >= 0.07 && v <= vr) return k; // inside the box: accept at once
    if (k < 0 || k > n) continue;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    const logRatio = (m + 0.5) * Math.log((m + 1) / (r * (n - m + 1))) + (n + 1) * Math.log((n - m + 1) / (n - k + 1)) +
      (k + 0.5) * Math.log((r * (n - k + 1)) / (k + 1)) + fm - stirlingTail(k) - stirlingTail(n - k);
    if (v <= logRatio) return k;
  }
}

/**
 * Poisson(lambda), exact, at a cost that does not grow with lambda: inversion from 0
 * below lambda 10, above it PTRS, Hörmann's transformed rejection ("The transformed
 * rejection method for generating Poisson random variables", Insurance: Mathematics
 * and Economics 12, 1993).
 */
export function poisson(lambda: number, rng: Stream): number {
  if (!(lambda > 0)) return 0;
  if (lambda < 10) {
    const u = rng.uniform();
    let f = Math.exp(-lambda);
    let acc = f;
    let k = 0;
    while (u >= acc) {
      k++;
      f *= lambda / k;
      acc += f;
      if (f === 0) break;
    }
    return k;
  }
  const slam = Math.sqrt(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.uniform() - 0.5;
    const v = rng.uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    // log f(k) = k log(lambda) - lambda - log(k!), written so that it keeps its precision for large lambda
    const logF = k * Math.log(lambda / (k + 1)) - 0.5 * Math.log(k + 1) + (k + 1 - lambda) - LOG_SQRT_2PI - stirlingTail(k);
    if (Math.log(v * invAlpha) - Math.log(a / (us * us) + b) <= logF) return k;
  }
}
