/**
 * The samplers against their exact distributions: chi-square goodness of fit over
 * 200,000 seeded draws for each regime of each sampler (inversion, BTRS, PTRS), the
 * complement for p > 1/2, and large counts that must cost no more than small ones.
 */
import { chiSquaredDistributionTable, probit } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { BINOMIAL_SETUP, binomial, binomialSetUp, hypergeometric, hypergeometricPmf, logFactorial, multinomialGroups, poisson, setUpBinomial } from "../src/random/samplers.js";
import { KeyedStream, Stream } from "../src/random/stream.js";

/** The 0.5% upper critical value of chi-square with df degrees of freedom (the table, else Wilson-Hilferty). */
function critical(df: number): number {
  const row = (chiSquaredDistributionTable as unknown as Record<number, Record<string, number> | undefined>)[df];
  if (row) return row["0.005"];
  const h = 2 / (9 * df);
  return df * (1 - h + probit(0.995) * Math.sqrt(h)) ** 3;
}

/** Chi-square statistic and degrees of freedom of draws against pmf, bins with expected count >= 5 (the tails pooled). */
function chiSquare(draws: Int32Array, pmf: (k: number) => number, lo: number, hi: number): { stat: number; df: number } {
  const N = draws.length;
  const observed = new Map<number, number>();
  for (const k of draws) observed.set(k, (observed.get(k) ?? 0) + 1);
  const bins: { expected: number; observed: number }[] = [];
  let pending = { expected: 0, observed: 0 };
  for (let k = lo; k <= hi; k++) {
    pending.expected += N * pmf(k);
    pending.observed += observed.get(k) ?? 0;
    if (pending.expected >= 5) {
      bins.push(pending);
      pending = { expected: 0, observed: 0 };
    }
  }
  const outside = [...observed].filter(([k]) => k < lo || k > hi).reduce((a, [, c]) => a + c, 0);
  if (bins.length) {
    bins[bins.length - 1].expected += pending.expected + N * (1 - bins.reduce((a, b) => a + b.expected, pending.expected) / N);
    bins[bins.length - 1].observed += pending.observed + outside;
  }
  return { stat: bins.reduce((a, b) => a + (b.observed - b.expected) ** 2 / b.expected, 0), df: bins.length - 1 };
}

const binomialPmf = (n: number, p: number) => (k: number) =>
  k < 0 || k > n ? 0 : Math.exp(logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
const poissonPmf = (lambda: number) => (k: number) => (k < 0 ? 0 : Math.exp(k * Math.log(lambda) - lambda - logFactorial(k)));

const N = 200_000;
const draws = (f: (rng: Stream) => number, seed: number) => {
  const rng = new Stream(seed, 1);
  return Int32Array.from({ length: N }, () => f(rng));
};

describe("samplers fit their exact distributions (chi-square, 0.5% level)", () => {
  const binomials: [number, number][] = [[5, 0.3], [40, 0.1], [1000, 0.004], [30, 0.5], [200, 0.3], [5000, 0.02], [100000, 0.37], [60, 0.93]];
  for (const [n, p] of binomials) {
    it(`binomial(${n}, ${p})`, () => {
      const mean = n * p;
      const sd = Math.sqrt(n * p * (1 - p));
      const { stat, df } = chiSquare(draws((rng) => binomial(n, p, rng), n), binomialPmf(n, p), Math.max(0, Math.floor(mean - 8 * sd)), Math.min(n, Math.ceil(mean + 8 * sd)));
      expect(df).toBeGreaterThan(2);
      expect(stat, `chi-square ${stat.toFixed(1)} on ${df} df`).toBeLessThan(critical(df));
    });
  }
  for (const lambda of [0.7, 4.2, 9.9, 10.1, 37, 850, 123456]) {
    it(`poisson(${lambda})`, () => {
      const sd = Math.sqrt(lambda);
      const { stat, df } = chiSquare(draws((rng) => poisson(lambda, rng), Math.round(lambda * 10)), poissonPmf(lambda), Math.max(0, Math.floor(lambda - 8 * sd)), Math.ceil(lambda + 8 * sd + 10));
      expect(df).toBeGreaterThan(2);
      expect(stat, `chi-square ${stat.toFixed(1)} on ${df} df`).toBeLessThan(critical(df));
    });
  }
});

describe("hypergeometric fits its exact distribution (chi-square, 0.5% level)", () => {
  // N items, K marked, n drawn: a few persons from a big state, half of a small one, most of a large one
  const cases: [number, number, number][] = [[500, 480, 52], [60, 25, 30], [2000, 300, 1500], [100000, 1500, 40000]];
  for (const [N, K, n] of cases) {
    it(`hypergeometric(N ${N}, K ${K}, n ${n})`, () => {
      const mean = (n * K) / N;
      const sd = Math.sqrt((mean * (N - K) * (N - n)) / (N * (N - 1)));
      const { stat, df } = chiSquare(draws((rng) => hypergeometric(N, K, n, rng), N + K + n), (k) => hypergeometricPmf(k, N, K, n), Math.max(0, Math.floor(mean - 8 * sd)), Math.ceil(mean + 8 * sd));
      expect(df).toBeGreaterThan(2);
      expect(stat, `chi-square ${stat.toFixed(1)} on ${df} df`).toBeLessThan(critical(df));
    });
  }

  it("has a pmf that adds up to 1 and matches the exact ratio of binomial coefficients", () => {
    const choose = (a: number, b: number) => Math.exp(logFactorial(a) - logFactorial(b) - logFactorial(a - b));
    let total = 0;
    for (let k = 0; k <= 30; k++) {
      const p = hypergeometricPmf(k, 60, 25, 30);
      total += p;
      if (k <= 25) expect(p).toBeCloseTo((choose(25, k) * choose(35, 30 - k)) / choose(60, 30), 12);
    }
    expect(total).toBeCloseTo(1, 12);
  });
});

describe("prepared binomials and the multinomial hot loop draw exactly what binomial draws", () => {
  it("binomialSetUp(n, set-up of p) = binomial(n, p), draw for draw, in every regime", () => {
    const setup = new Float64Array(BINOMIAL_SETUP);
    const [a, b] = [new Stream(4, 4), new Stream(4, 4)];
    for (const p of [0, 1, 0.5, 0.02, 0.3, 0.7, 0.98, 0.9999]) {
      setUpBinomial(p, setup, 0);
      for (const n of [0, 1, 5, 60, 700, 100000]) for (let r = 0; r < 20; r++) expect(binomialSetUp(n, setup, 0, b)).toBe(binomial(n, p, a));
    }
  });

  it("multinomialGroups gives each group the conditional binomials of its row, in turn, from one stream", () => {
    // three rows (groups) of conditional probabilities; totals that take inversion and BTRS
    const start = Int32Array.from([0, 3, 4, 8]);
    const cond = [0.95, 0.5, 1, 1, 0.2, 0.001, 0.9, 1];
    const setups = new Float64Array(cond.length * BINOMIAL_SETUP);
    cond.forEach((p, k) => setUpBinomial(p, setups, k * BINOMIAL_SETUP));
    for (const totals of [[5, 0, 3], [1000, 7, 250000], [0, 0, 0], [40, 1, 1]]) {
      const [a, b] = [new Stream(9, totals[0]), new Stream(9, totals[0])];
      const out = new Float64Array(16).fill(-1);
      const end = multinomialGroups(a, setups, start, 3, Float64Array.from([-1, ...totals]), 1, out, 2);
      const expected: number[] = [];
      totals.forEach((total, g) => {
        let left = total;
        for (let k = start[g]; k < start[g + 1] && left > 0; k++) {
          const c = k === start[g + 1] - 1 ? left : binomialSetUp(left, setups, k * BINOMIAL_SETUP, b);
          expected.push(c);
          left -= c;
        }
      });
      expect(Array.from(out.subarray(2, end))).toEqual(expected);
      expect(a.nextU32()).toBe(b.nextU32()); // the stream is left where the plain draws leave it
    }
  });
});

describe("large counts", () => {
  it("draw binomials and Poissons of 1e15 without growing cost, centred where they should be", () => {
    const rng = new Stream(3, 3);
    const xs = Array.from({ length: 2000 }, () => binomial(1e15, 0.3, rng));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(1e15 * 0.3 * 0.7);
    expect(Math.abs(mean - 3e14)).toBeLessThan((5 * sd) / Math.sqrt(xs.length));
    const ys = Array.from({ length: 2000 }, () => poisson(1e15, rng));
    expect(Math.abs(ys.reduce((a, b) => a + b, 0) / ys.length - 1e15)).toBeLessThan((5 * Math.sqrt(1e15)) / Math.sqrt(ys.length));
  });

  it("return NaN for a count that overflowed, instead of rejecting every candidate for ever", () => {
    const rng = new Stream(3, 4);
    expect(binomial(NaN, 0.3, rng)).toBeNaN();
    expect(binomial(Infinity, 0.02, rng)).toBeNaN();
    const setups = new Float64Array(2 * BINOMIAL_SETUP);
    setUpBinomial(0.02, setups, 0);
    const out = new Float64Array(4);
    multinomialGroups(rng, setups, Int32Array.of(0, 2), 1, Float64Array.of(NaN), 0, out, 0);
    expect(out[0]).toBeNaN();
  });
});

describe("keyed streams", () => {
  it("give the same draws at the same address whatever was drawn elsewhere, and different ones elsewhere", () => {
    const a = new KeyedStream(7, 1);
    const b = new KeyedStream(7, 1);
    const first = [a.at(3, 11, 0).nextU32(), a.nextU32()];
    b.at(9, 2, 1).uniform();
    b.at(3, 12, 0).uniform();
    expect([b.at(3, 11, 0).nextU32(), b.nextU32()]).toEqual(first);
    expect(a.at(3, 11, 1).nextU32()).not.toBe(first[0]);
    expect(a.at(4, 11, 0).nextU32()).not.toBe(first[0]);
    expect(new KeyedStream(7, 2).at(3, 11, 0).nextU32()).not.toBe(first[0]);
  });

  it("are uniform over neighbouring addresses (the first draw at 40,000 sites, chi-square on 64 bins)", () => {
    const k = new KeyedStream(1, 0);
    const bins = new Int32Array(64);
    for (let t = 0; t < 200; t++) for (let i = 0; i < 200; i++) bins[k.at(t, i).nextU32() >>> 26]++;
    const expected = 40000 / 64;
    const stat = Array.from(bins).reduce((a, o) => a + (o - expected) ** 2 / expected, 0);
    expect(stat).toBeLessThan(critical(63));
  });
});
