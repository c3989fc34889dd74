import { describe, expect, it } from "vitest";
import { beta, binomial, dirichlet, gamma, normal, poisson } from "../src/random/samplers.js";
import { Stream } from "../src/random/stream.js";

const moments = (draw: () => number, n: number) => {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    s += x;
    s2 += x * x;
  }
  const mean = s / n;
  return { mean, variance: s2 / n - mean * mean };
};

describe("samplers", () => {
  it("are reproducible per (seed, key) and differ between keys", () => {
    const a = new Stream(7, 3);
    const b = new Stream(7, 3);
    const c = new Stream(7, 4);
    const xs = [a.uniform(), a.uniform()];
    expect([b.uniform(), b.uniform()]).toEqual(xs);
    expect(c.uniform()).not.toBe(xs[0]);
  });

  it("binomial has the right mean and variance, small and large n p", () => {
    const rng = new Stream(1, 1);
    for (const [n, p] of [[20, 0.1], [500, 0.03], [100000, 0.2], [7, 0.9]]) {
      const N = 20000;
      const m = moments(() => binomial(n, p, rng), N);
      const sd = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(m.mean - n * p)).toBeLessThan((5 * sd) / Math.sqrt(N));
      expect(m.variance / (n * p * (1 - p))).toBeGreaterThan(0.95);
      expect(m.variance / (n * p * (1 - p))).toBeLessThan(1.05);
    }
    expect(binomial(10, 0, rng)).toBe(0);
    expect(binomial(10, 1, rng)).toBe(10);
  });

  it("binomial(3, 0.5) hits each value with its probability", () => {
    const rng = new Stream(2, 1);
    const counts = [0, 0, 0, 0];
    const N = 80000;
    for (let i = 0; i < N; i++) counts[binomial(3, 0.5, rng)]++;
    [1, 3, 3, 1].forEach((w, k) => expect(Math.abs(counts[k] / N - w / 8)).toBeLessThan(0.01));
  });

  it("poisson, gamma, beta, normal and dirichlet have the right means", () => {
    const rng = new Stream(3, 1);
    expect(moments(() => poisson(4.5, rng), 20000).mean).toBeCloseTo(4.5, 1);
    expect(moments(() => poisson(900, rng), 5000).variance / 900).toBeCloseTo(1, 0);
    expect(moments(() => gamma(2.5, rng), 20000).mean).toBeCloseTo(2.5, 1);
    expect(moments(() => gamma(0.4, rng), 20000).mean).toBeCloseTo(0.4, 1);
    expect(moments(() => beta(2, 6, rng), 20000).mean).toBeCloseTo(0.25, 2);
    const z = moments(() => normal(rng), 20000);
    expect(z.mean).toBeCloseTo(0, 1);
    expect(z.variance).toBeCloseTo(1, 1);
    const out = new Float64Array(3);
    const acc = [0, 0, 0];
    for (let i = 0; i < 5000; i++) dirichlet([2, 0, 6], rng, out).forEach((v, k) => (acc[k] += v / 5000));
    expect(acc[0]).toBeCloseTo(0.25, 2);
    expect(acc[1]).toBe(0);
  });
});

describe("dirichlet with tiny concentrations", () => {
  it("still returns a distribution when every gamma draw underflows", () => {
    const rng = new Stream(5, 5);
    const out = new Float64Array(3);
    for (let i = 0; i < 200; i++) {
      dirichlet([1e-7, 2e-7, 0], rng, out);
      expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      expect(out[2]).toBe(0);
    }
  });
});
