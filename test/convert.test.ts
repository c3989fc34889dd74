import { describe, expect, it } from "vitest";
import { convertRows, matrixPower, toStochastic } from "../src/model/convert.js";
import { compile, twoState } from "./helpers.js";

const yearly = [
  [0.7, 0.2, 0.1],
  [0.1, 0.8, 0.1],
  [0, 0, 1],
];
const mul = (a: number[][], b: number[][]) => a.map((r) => b[0].map((_, j) => r.reduce((s, v, k) => s + v * b[k][j], 0)));

describe("period conversion", () => {
  it("round-trips a full yearly matrix through its monthly root", async () => {
    const monthly = toStochastic(await matrixPower(yearly, 1 / 12), ["a", "b", "c"]);
    let back = monthly;
    for (let i = 1; i < 12; i++) back = mul(back, monthly);
    back.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(yearly[i][j], 10)));
    monthly.forEach((row) => expect(row.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12));
  });

  it("round-trips a sparse list row by row (yearly -> monthly -> yearly)", () => {
    const names = ["a", "b", "c"];
    const monthly = convertRows(yearly, 12, 1, names);
    const back = convertRows(monthly, 1, 12, names);
    back.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(yearly[i][j], 12)));
    expect(1 - (1 - (monthly[0][1] + monthly[0][2])) ** 12).toBeCloseTo(0.3, 12);
  });

  it("refuses a yearly matrix without a stochastic monthly root, naming the cell", async () => {
    // Everyone swaps every year: the monthly root would need negative probabilities.
    const raw = twoState(0, {
      states: [{ name: "A", kind: "on" }, { name: "B", kind: "on" }],
      initial: { A: 1 },
      transitions: { per: "year", matrix: { order: ["A", "B"], rows: [[0.1, 0.9], [0.9, 0.1]] } },
    });
    expect(() => compile(raw)).toThrow(/geen stochastische maandwortel|niet reëel/);
  });

  it("converts observed counts to probabilities", async () => {
    const model = compile(twoState(0, {
      transitions: { per: "month", counts: [{ from: "A", to: "A", n: 90 }, { from: "A", to: "X", n: 10 }] },
    }));
    expect(model.base[1]).toBeCloseTo(0.1, 15);
    expect(model.base[0]).toBeCloseTo(0.9, 15);
  });
});
