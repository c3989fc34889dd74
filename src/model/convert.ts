/**
 * Converting transition probabilities between period lengths.
 *
 * Users know yearly rates ("30% of Direct werk leaves for work within a year"); the
 * engine steps per month. Dividing by 12 is wrong for a chain (it ignores that people
 * move on within the year), so a yearly matrix Y is converted to the monthly matrix
 * M = Y^(1/12), the matrix root, via the matrix logarithm: M = expm(logm(Y) / 12).
 * mathjs has expm and sqrtm but no logm, so logm uses inverse scaling and squaring:
 * take square roots until Y^(1/2^k) is close to I, sum the series of log(I + X), and
 * multiply by 2^k. A root need not be a stochastic matrix (embedding problem): the
 * result is checked and a clear error is raised when it has negative entries.
 *
 * mathjs takes ~0.6 s to load, so it is loaded (once, synchronously) only when a
 * full matrix must be converted.
 */
import { COMPILE } from "../locale/messages-compile.js";
import { createRequire } from "node:module";

let mathjs: typeof import("mathjs") | undefined;
const loadMathjs = (): typeof import("mathjs") => (mathjs ??= createRequire(import.meta.url)("mathjs") as typeof import("mathjs"));

/** A square matrix as rows of numbers (small: the declared states). */
export type Matrix = number[][];

export class ConversionError extends Error {}

const identity = (n: number): Matrix => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));

function maxAbsDiffFromIdentity(a: Matrix): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < a.length; j++) m = Math.max(m, Math.abs(a[i][j] - (i === j ? 1 : 0)));
  return m;
}

/** Y^power for a row-stochastic Y and a rational power (1/12 for year -> month). */
export function matrixPower(y: Matrix, power: number): Matrix {
  if (Number.isInteger(power) && power >= 0) return integerPower(y, power);
  try {
    return fractionalPower(y, power);
  } catch (err) {
    if (err instanceof ConversionError) throw err;
    // mathjs fails to converge when the matrix has no real root (e.g. a negative eigenvalue:
    // people who swap states every period).
    throw new ConversionError(COMPILE.noRealRoot((err as Error).message));
  }
}

function fractionalPower(y: Matrix, power: number): Matrix {
  const n = y.length;
  const math = loadMathjs();
  const toArray = (m: unknown): Matrix => (math.isMatrix(m) ? (m.toArray() as Matrix) : (m as Matrix));
  // Inverse scaling: repeated square roots until close to I, so the log series converges fast.
  let a: Matrix = y;
  let k = 0;
  while (maxAbsDiffFromIdentity(a) > 0.05 && k < 40) {
    a = toArray(math.sqrtm(math.matrix(a)));
    k++;
  }
  const x = math.subtract(math.matrix(a), math.matrix(identity(n)));
  // log(I + X) = X - X^2/2 + X^3/3 - ...; with ||X|| <= 0.05, 30 terms are far below 1e-16.
  let term = x;
  let log = math.matrix(x);
  for (let m = 2; m <= 30; m++) {
    term = math.multiply(term, x);
    log = math.add(log, math.multiply(term, (m % 2 === 0 ? -1 : 1) / m)) as typeof log;
  }
  const scaled = toArray(math.multiply(log, 2 ** k * power));
  const result = toArray(math.expm(math.matrix(scaled)));
  if (result.some((row) => row.some((v) => typeof v !== "number" || !Number.isFinite(v)))) {
    throw new ConversionError(COMPILE.rootNotReal);
  }
  return result;
}

function integerPower(y: Matrix, power: number): Matrix {
  let result = identity(y.length);
  for (let p = 0; p < power; p++) result = result.map((row) => y[0].map((_, j) => row.reduce((s, v, k) => s + v * y[k][j], 0)));
  return result;
}

/**
 * Cleans round-off of a converted matrix and checks it is stochastic. Entries in
 * (-1e-10, 0) are round-off and set to 0; anything more negative is a real failure of
 * the conversion. Rows are re-normalised (drift of ~1e-15 only).
 */
export function toStochastic(m: Matrix, names: readonly string[]): Matrix {
  return m.map((row, i) => {
    const cleaned = row.map((v, j) => {
      if (v < -1e-10) {
        throw new ConversionError(COMPILE.negativeProbability(v.toExponential(3), names[i], names[j]));
      }
      return v < 0 ? 0 : v;
    });
    const sum = cleaned.reduce((s, v) => s + v, 0);
    if (Math.abs(sum - 1) > 1e-8) throw new ConversionError(COMPILE.rowAfterConversion(names[i], sum));
    return cleaned.map((v) => v / sum);
  });
}

/**
 * Row-wise conversion for a sparse from/to list (competing risks): each row's total
 * probability of leaving L is turned into a constant hazard, rescaled to the new
 * period length, L' = 1 - (1 - L)^(to/from), and split over the destinations in the
 * same proportions. Exact for leaving the state; unlike the matrix root it does not
 * credit moves made via another state within the period, and it is always stochastic.
 */
export function convertRows(m: Matrix, fromMonths: number, toMonths: number, names: readonly string[]): Matrix {
  return m.map((row, i) => convertRow(row, i, fromMonths, toMonths, names[i]));
}

/** convertRows for one row `row` whose stay probability is at index `i`. */
export function convertRow(row: readonly number[], i: number, fromMonths: number, toMonths: number, name: string): number[] {
  const leave = row.reduce((s, v, j) => (j === i ? s : s + v), 0);
  if (leave === 0) return row.slice();
  if (leave >= 1) {
    throw new ConversionError(COMPILE.leavesAll(name));
  }
  const converted = 1 - (1 - leave) ** (toMonths / fromMonths);
  return row.map((v, j) => (j === i ? 1 - converted : (v / leave) * converted));
}

/** Months in a cycle or a period. */
export const monthsIn = (period: "month" | "year"): number => (period === "year" ? 12 : 1);
