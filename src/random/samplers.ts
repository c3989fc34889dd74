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
 * - n min(p, 1 - p) < 50: inversion from 0 with one uniform (expected n p + 1 steps);
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
  return n * p < 50 ? binomialInversion(n, q, p / q, rng) : binomialBtrs(n, p, q, rng);
}

/** Values per probability in a binomial set-up (setUpBinomial). */
export const BINOMIAL_SETUP = 4;

/**
 * What binomial(n, p) works out from p alone, into out[at .. at + 3], for
 * binomialSetUp: p' = min(p, 1 - p), 1 - p', p' / (1 - p') and how to draw. A sampler
 * that draws many binomials with the same p (a row of a transition matrix, cycle after
 * cycle) then does no divisions of its own; the draws are those of binomial(n, p).
 */
export function setUpBinomial(p: number, out: Float64Array, at: number): void {
  const flip = p > 0.5;
  const pp = flip ? 1 - p : p;
  const q = 1 - pp;
  out[at] = pp;
  out[at + 1] = q;
  out[at + 2] = pp / q;
  out[at + 3] = p <= 0 ? 0 : p >= 1 ? 1 : flip ? 3 : 2; // 0: none, 1: all, 2: direct, 3: n minus a draw with 1 - p
}

/** binomial(n, p) from p's set-up at setup[at] (setUpBinomial): the same draw, from the same uniforms. */
export function binomialSetUp(n: number, setup: Float64Array, at: number, rng: Stream): number {
  const how = setup[at + 3];
  if (n <= 0 || how === 0) return 0;
  if (how === 1) return n;
  const p = setup[at];
  const k = n * p < 50 ? binomialInversion(n, setup[at + 1], setup[at + 2], rng) : binomialBtrs(n, p, setup[at + 1], rng);
  return how === 3 ? n - k : k;
}

/** Inversion from 0 for p <= 1/2 (q = 1 - p, ratio = p / q). */
function binomialInversion(n: number, q: number, ratio: number, rng: Stream): number {
  const u = rng.uniform();
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

/** BTRS for p <= 1/2 (q = 1 - p). */
function binomialBtrs(n: number, p: number, q: number, rng: Stream): number {
  // A count that overflowed (a parameter draw far out in its tail) is NaN or infinite: no
  // k is ever accepted for it. It goes on as NaN, which the finite check refuses at the end.
  if (!Number.isFinite(n)) return NaN;
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

/**
 * Hypergeometric: how many of `n` items drawn without replacement from `N` items, of
 * which `K` are marked, are marked; exact, for whole 0 <= K, n <= N. Inversion from the
 * mode outward (mode, mode - 1, mode + 1, ...: any fixed order of the support inverts
 * exactly), so the expected number of steps grows with the standard deviation, not
 * with n; the mode's probability is computed without cancellation (Loader's method,
 * hypergeometricPmf), the others by the recurrence of the pmf.
 */
export function hypergeometric(N: number, K: number, n: number, rng: Stream): number {
  const lo = Math.max(0, n - (N - K));
  const hi = Math.min(n, K);
  if (lo >= hi) return lo;
  const mode = Math.min(hi, Math.max(lo, Math.floor(((n + 1) * (K + 1)) / (N + 2))));
  const rest = N - K - n; // the pmf's recurrences use N - K - n + k
  const pMode = hypergeometricPmf(mode, N, K, n);
  let u = rng.uniform() - pMode;
  if (u < 0) return mode;
  let down = mode;
  let up = mode;
  let pDown = pMode;
  let pUp = pMode;
  while (down > lo || up < hi) {
    if (down > lo) {
      pDown *= (down * (rest + down)) / ((K - down + 1) * (n - down + 1));
      down--;
      if ((u -= pDown) < 0) return down;
    }
    if (up < hi) {
      pUp *= ((K - up) * (n - up)) / ((up + 1) * (rest + up + 1));
      up++;
      if ((u -= pUp) < 0) return up;
    }
  }
  return mode; // round-off left a sliver above the last term
}

/**
 * stirlerr(n) = log(n!) - [(n + 1/2) log n - n + log sqrt(2 pi)] for whole n >= 1, to
 * full precision: from the table up to 15, above it the Stirling series with as many
 * terms as the precision needs (Loader 2000, as R's stirlerr).
 */
function stirlerr(n: number): number {
  if (n <= 15) return logFactorial(n) - ((n + 0.5) * Math.log(n) - n + LOG_SQRT_2PI);
  const nn = n * n;
  const S0 = 1 / 12, S1 = 1 / 360, S2 = 1 / 1260, S3 = 1 / 1680, S4 = 1 / 1188;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/**
 * bd0(x, M) = x log(x / M) + M - x, the deviance term, without the cancellation of the
 * plain formula when x is near M (Loader, "Fast and accurate computation of binomial
 * probabilities", 2000).
 */
function bd0(x: number, M: number): number {
  if (Math.abs(x - M) < 0.1 * (x + M)) {
    let v = (x - M) / (x + M);
    let s = (x - M) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
    return s;
  }
  return x * Math.log(x / M) + M - x;
}

/** Binomial(n, p) probability of x, to full relative precision (Loader's dbinom_raw); q = 1 - p. */
function binomialPmf(x: number, n: number, p: number, q: number): number {
  if (p === 0) return x === 0 ? 1 : 0;
  if (q === 0) return x === n ? 1 : 0;
  if (x === 0) return n === 0 ? 1 : Math.exp(p < 0.1 ? -bd0(n, n * q) - n * p : n * Math.log(q));
  if (x === n) return Math.exp(q < 0.1 ? -bd0(n, n * p) - n * q : n * Math.log(p));
  const lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, n * p) - bd0(n - x, n * q);
  return Math.exp(lc - 0.5 * (Math.log(2 * Math.PI) + Math.log(x) + Math.log1p(-x / n)));
}

/** P(k marked among n drawn from N holding K marked), as a ratio of binomial probabilities (R's dhyper). */
export function hypergeometricPmf(k: number, N: number, K: number, n: number): number {
  if (k < Math.max(0, n - (N - K)) || k > Math.min(n, K)) return 0;
  const p = n / N;
  const q = (N - n) / N;
  return (binomialPmf(k, K, p, q) * binomialPmf(n - k, N - K, p, q)) / binomialPmf(n, N, p, q);
}

/**
 * Multinomial draws for many groups in turn from one stream: the cohort engine's moves,
 * a group per state. Group g (0 .. groups - 1; skipped when its total is 0) spreads
 * totals[totalsAt + g] whole items over its entries [start[g], start[g + 1]): entry k
 * takes a binomial with the set-up at setups[k x BINOMIAL_SETUP] (setUpBinomial, the
 * conditional probability given the entries before it) of what is left, the last entry
 * the rest. Each group's counts are appended to `out` from `at`, up to its last nonzero
 * one; returns the new end.
 *
 * A hot loop: the draws are exactly binomialSetUp's from `rng`, but the generator's
 * state stays in locals and the inversion (every draw with n p' < 50, nearly all of
 * them) is written out; BTRS is called as it is.
 */
export function multinomialGroups(rng: Stream, setups: Float64Array, start: Int32Array, groups: number, totals: Float64Array, totalsAt: number, out: Float64Array, at: number): number {
  let s0 = rng.s0;
  let s1 = rng.s1;
  let s2 = rng.s2;
  let s3 = rng.s3;
  for (let g = 0; g < groups; g++) {
    let left = totals[totalsAt + g];
    if (left === 0) continue;
    const last = start[g + 1] - 1;
    for (let k = start[g]; k < last; k++) {
      const o = k * BINOMIAL_SETUP;
      const how = setups[o + 3];
      let c = 0;
      if (how === 1) c = left;
      else if (how !== 0) {
        const p = setups[o];
        let x = 0;
        if (left * p < 50) {
          // rng.uniform(): two xoshiro128** outputs, 27 and 26 bits
          let m = Math.imul(s1, 5);
          const hi = (Math.imul((m << 7) | (m >>> 25), 9) >>> 0) >>> 5;
          let t = s1 << 9;
          s2 ^= s0, s3 ^= s1, s1 ^= s2, s0 ^= s3, s2 ^= t, s3 = (s3 << 11) | (s3 >>> 21);
          m = Math.imul(s1, 5);
          const lo = (Math.imul((m << 7) | (m >>> 25), 9) >>> 0) >>> 6;
          t = s1 << 9;
          s2 ^= s0, s3 ^= s1, s1 ^= s2, s0 ^= s3, s2 ^= t, s3 = (s3 << 11) | (s3 >>> 21);
          const u = (hi * 67108864 + lo) / 9007199254740992;
          // binomialInversion(left, q, ratio)
          const ratio = setups[o + 2];
          let f = powWhole(setups[o + 1], left);
          let acc = f;
          while (u >= acc && x < left) {
            f *= ((left - x) / (x + 1)) * ratio;
            x++;
            acc += f;
            if (f === 0) break;
          }
        } else {
          (rng.s0 = s0), (rng.s1 = s1), (rng.s2 = s2), (rng.s3 = s3);
          x = binomialBtrs(left, p, setups[o + 1], rng);
          (s0 = rng.s0), (s1 = rng.s1), (s2 = rng.s2), (s3 = rng.s3);
        }
        c = how === 3 ? left - x : x;
      }
      out[at++] = c;
      left -= c;
      if (left === 0) break;
    }
    if (left !== 0) out[at++] = left;
  }
  (rng.s0 = s0), (rng.s1 = s1), (rng.s2 = s2), (rng.s3 = s3);
  return at;
}
