/**
 * Transitions: the declared matrix per period (from a sparse list, a full matrix or
 * observed counts) and its conversion to the cycle (convert.ts): row by row for a list,
 * by the matrix root for a full matrix or counts.
 */
import { COMPILE } from "../../locale/messages-compile.js";
import { ConversionError, convertRows, matrixPower, monthsIn, toStochastic, type Matrix } from "../convert.js";
import { KIND_EXIT, type DeclaredTransitions } from "../model.js";
import type { ScenarioFile } from "../schema.js";
import { fail, SUM_TOLERANCE, type Context } from "./context.js";
import { checkNotFromExit, type Declared } from "./states.js";

type Spec = ScenarioFile["transitions"];

const identity = (m: number): Matrix => Array.from({ length: m }, (_, i) => Array.from({ length: m }, (_, j) => (i === j ? 1 : 0)));

/** The declared per-period matrix as the file gives it. */
export function declaredTransitions(t: Spec, decl: Declared, ctx: Context): DeclaredTransitions {
  const given = [t.matrix, t.list, t.counts].filter((x) => x !== undefined).length;
  if (given !== 1) fail(ctx, "transitions", ...COMPILE.oneEncoding(given));
  const perPeriod = t.matrix ? fromMatrix(t.matrix, decl, ctx) : t.list ? fromList(t.list, decl, ctx) : fromCounts(t.counts!, decl, ctx);
  return { encoding: t.matrix ? "matrix" : t.list ? "list" : "counts", perPeriod: Float64Array.from(perPeriod.flat()), periodMonths: monthsIn(t.per) };
}

function fromMatrix(matrix: NonNullable<Spec["matrix"]>, decl: Declared, ctx: Context): Matrix {
  const m = decl.states.length;
  const perPeriod = identity(m);
  const order = matrix.order.map((n, i) => decl.index(n, `transitions.matrix.order[${i}]`));
  if (new Set(order).size !== m || order.length !== m) {
    fail(ctx, "transitions.matrix.order", ...COMPILE.matrixOrder(m, order.length, decl.known));
  }
  if (matrix.rows.length !== m) fail(ctx, "transitions.matrix.rows", ...COMPILE.matrixRows(matrix.rows.length, m));
  matrix.rows.forEach((row, r) => {
    const path = `transitions.matrix.rows[${r}]`;
    if (row.length !== m) fail(ctx, path, ...COMPILE.matrixEntries(row.length, m));
    const sum = row.reduce((s, v) => s + v, 0);
    if (Math.abs(sum - 1) > SUM_TOLERANCE) {
      fail(ctx, path, ...COMPILE.rowSum(decl.states[order[r]].name, sum));
    }
    const from = order[r];
    row.forEach((p, c) => {
      if (decl.kind[from] === KIND_EXIT && order[c] !== from && p > 0) checkNotFromExit(decl, from, `${path}[${c}]`, ctx);
      perPeriod[from][order[c]] = p;
    });
  });
  return perPeriod;
}

function fromList(list: NonNullable<Spec["list"]>, decl: Declared, ctx: Context): Matrix {
  const perPeriod = identity(decl.states.length);
  const seen = new Set<string>();
  const diagGiven = new Set<number>();
  list.forEach((e, i) => {
    const path = `transitions.list[${i}]`;
    const from = decl.index(e.from, `${path}.from`);
    const to = decl.index(e.to, `${path}.to`);
    checkNotFromExit(decl, from, `${path}.from`, ctx);
    const key = `${from}->${to}`;
    if (seen.has(key)) fail(ctx, path, ...COMPILE.pairTwice(e.from, e.to));
    seen.add(key);
    perPeriod[from][to] = e.p;
    if (from === to) diagGiven.add(from);
  });
  perPeriod.forEach((row, i) => {
    const off = row.reduce((s, v, j) => (j === i ? s : s + v), 0);
    if (off > 1 + SUM_TOLERANCE) {
      fail(ctx, "transitions.list", ...COMPILE.outAboveOne(decl.states[i].name, off));
    }
    if (diagGiven.has(i)) {
      if (Math.abs(off + row[i] - 1) > SUM_TOLERANCE) {
        fail(ctx, "transitions.list", ...COMPILE.listRowSum(decl.states[i].name, off + row[i]));
      }
    } else row[i] = Math.max(0, 1 - off);
  });
  return perPeriod;
}

function fromCounts(counts: NonNullable<Spec["counts"]>, decl: Declared, ctx: Context): Matrix {
  const m = decl.states.length;
  const perPeriod = identity(m);
  const n: Matrix = Array.from({ length: m }, () => new Array<number>(m).fill(0));
  counts.forEach((e, i) => {
    const path = `transitions.counts[${i}]`;
    const from = decl.index(e.from, `${path}.from`);
    const to = decl.index(e.to, `${path}.to`);
    if (from !== to && e.n > 0) checkNotFromExit(decl, from, `${path}.from`, ctx);
    n[from][to] += e.n;
  });
  n.forEach((row, i) => {
    const total = row.reduce((s, v) => s + v, 0);
    if (decl.kind[i] === KIND_EXIT) return;
    if (total === 0) fail(ctx, "transitions.counts", ...COMPILE.noObservations(decl.states[i].name));
    perPeriod[i] = row.map((v) => v / total);
  });
  return perPeriod;
}

/**
 * The per-cycle declared matrix (m x m, row-major) of declared transitions. Throws a
 * ConversionError when a full matrix has no stochastic root of the cycle's length.
 */
export function perCycleMatrix(t: DeclaredTransitions, cycleMonths: number, names: readonly string[]): Float64Array {
  const m = names.length;
  const perPeriod: Matrix = Array.from({ length: m }, (_, i) => Array.from(t.perPeriod.subarray(i * m, i * m + m)));
  let perCycle = perPeriod;
  if (t.periodMonths !== cycleMonths) {
    perCycle = t.encoding === "list"
      ? convertRows(perPeriod, t.periodMonths, cycleMonths, names)
      : toStochastic(matrixPower(perPeriod, cycleMonths / t.periodMonths), names);
  }
  return Float64Array.from(perCycle.flat());
}

/** perCycleMatrix with a conversion failure as the user's error on `transitions`. */
export function compileBase(t: DeclaredTransitions, decl: Declared, ctx: Context): Float64Array {
  try {
    return perCycleMatrix(t, ctx.cycleMonths, decl.states.map((d) => d.name));
  } catch (err) {
    if (!(err instanceof ConversionError)) throw err;
    const per = t.periodMonths === 12 ? "year" : "month";
    return fail(ctx, "transitions", ...COMPILE.conversionFailed(per, ctx.cycle, err.message, t.encoding === "list"));
  }
}
