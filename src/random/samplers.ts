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

/**
 * Exact draw from a discrete distribution given by its mode and pmf recurrences:
 * [0, 1) is cut into intervals of length pmf(k) in the order mode, mode - 1, mode + 1,
 * mode - 2, ..., so a uniform lands on k with probability pmf(k) after O(sd) steps.
 */
function outwardSearch(mode: number, pmfMode: number, down: (k: number) => number, up: (k: number) => number, lo: number, hi: number, u: number): number {
  let acc = pmfMode;
  if (u < acc) return mode;
  let kd = mode;
  let fd = pmfMode;
  let ku = mode;
  let fu = pmfMode;
  for (;;) {
    const canDown = kd > lo;
    const canUp = ku < hi;
    if (!canDown && !canUp) return mode; // round-off left a sliver: give it to the mode
    if (canDown) {
      fd *= down(kd);
      kd--;
      acc += fd;
      if (u < acc) return kd;
    }
    if (canUp) {
      fu *= up(ku);
      ku++;
      acc += fu;
      if (u < acc) return ku;
    }
    if (fd < 1e-300 && fu < 1e-300 && acc > 1 - 1e-15) return mode;
  }
}

const logFactorial = (() => {
  const table = new Float64Array(256);
  for (let i = 2; i < 256; i++) table[i] = table[i - 1] + Math.log(i);
  return (n: number): number => {
    if (n < 256) return table[n];
    // Stirling series; error below 1e-12 for n >= 256.
    return (n + 0.5) * Math.log(n) - n + 0.9189385332046728 + 1 / (12 * n) - 1 / (360 * n * n * n);
  };
})();

/** Binomial(n, p), exact, for whole n >= 0. */
export function binomial(n: number, p: number, rng: Stream): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(n, 1 - p, rng);
  if (n < 16) {
    // Few persons (a tunnel month, a small ladder step): n Bernoulli trials beat a pow().
    const threshold = p * 4294967296;
    let k = 0;
    for (let i = 0; i < n; i++) if (rng.nextU32() < threshold) k++;
    return k;
  }
  const q = 1 - p;
  if (n * p < 12) {
    // Small mean: plain inversion from 0 (expected n p + 1 steps, no log-gamma).
    const u = rng.uniform32();
    const ratio = p / q;
    let f = q ** n;
    let acc = f;
    let k = 0;
    while (u >= acc && k < n) {
      f *= ((n - k) / (k + 1)) * ratio;
      k++;
      acc += f;
      if (f === 0) break;
    }
    return k;
  }
  const mode = Math.min(n, Math.floor((n + 1) * p));
  const logPmf = logFactorial(n) - logFactorial(mode) - logFactorial(n - mode) + mode * Math.log(p) + (n - mode) * Math.log(q);
  const ratio = p / q;
  return outwardSearch(mode, Math.exp(logPmf), (k) => k / ((n - k + 1) * ratio), (k) => ((n - k) / (k + 1)) * ratio, 0, n, rng.uniform32());
}

/** Poisson(lambda), exact. */
export function poisson(lambda: number, rng: Stream): number {
  if (lambda <= 0) return 0;
  const mode = Math.floor(lambda);
  const pmfMode = Math.exp(mode * Math.log(lambda) - lambda - logFactorial(mode));
  return outwardSearch(mode, pmfMode, (k) => k / lambda, (k) => lambda / (k + 1), 0, Number.MAX_SAFE_INTEGER, rng.uniform());
}
