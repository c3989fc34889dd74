import { describe, expect, it } from "vitest";
import { rootOf } from "../src/analyses/breakeven.js";

/** rootOf on a function of k, counting its evaluations (net(1) is given, as breakEven gives it). */
function solve(f: (k: number) => number | undefined, values = [2]) {
  let calls = 0;
  const root = rootOf((k) => (calls++, f(k)), f(1)!, values);
  return { root, calls };
}

describe("break-even root search", () => {
  it("finds the root of a linear net effect in a few evaluations", () => {
    const { root, calls } = solve((k) => 1e5 * (k - 7.3));
    expect(root!.k).toBeCloseTo(7.3, 9);
    expect(Math.abs(root!.net)).toBeLessThan(0.01);
    expect(calls).toBeLessThanOrEqual(3);
  });

  it("converges on curved net effects, convex and concave, within EUR 0.01", () => {
    for (const f of [(k: number) => 5e4 * (Math.exp(k / 4) - Math.exp(2.5)), (k: number) => 3e5 * (Math.sqrt(k) - Math.sqrt(12.5)), (k: number) => 2e5 * (Math.log1p(k) - Math.log1p(0.4))]) {
      const { root, calls } = solve(f);
      expect(Math.abs(root!.net)).toBeLessThan(0.01);
      expect(f(root!.k * (1 + 1e-6))!).toBeGreaterThan(f(root!.k * (1 - 1e-6))!);
      expect(calls).toBeLessThan(20);
    }
  });

  it("reaches a root far out when the secant keeps underrating the distance (a net effect that stays flat, then climbs)", () => {
    const { root, calls } = solve((k) => 1e5 * (1 - (50 / k) ** 60), [1.01]);
    expect(root!.k).toBeCloseTo(50, 6);
    expect(calls).toBeLessThan(60);
  });

  it("gives null when the net effect stays negative up to the largest valid multiplier, and stops where effects turn invalid", () => {
    expect(solve((k) => -1e5 / (1 + k)).root).toBeNull(); // flattens out below zero
    expect(solve((k) => (k > 3 ? undefined : 1e4 * (k - 5))).root).toBeNull(); // invalid before it pays back
    const { root } = solve((k) => (k > 9 ? undefined : 1e4 * (k - 8.5)));
    expect(root!.k).toBeCloseTo(8.5, 6);
    // invalid just past the root: the bracketing step lands beyond it, halves back, and finds it
    const tight = solve((k) => (k > 8.6 ? undefined : 1e4 * (k - 8.5)));
    expect(tight.root!.k).toBeCloseTo(8.5, 6);
    expect(tight.calls).toBeGreaterThan(4);
  });

  it("gives 0 when the intervention pays back without its effects", () => {
    expect(solve((k) => 100 + k).root).toEqual({ k: 0, net: 100 });
  });
});
