/**
 * Paired randomness for interventions: a participant's move is drawn as if they were in
 * their regular state (the draw the baseline makes for the same person), and then
 * changed only where the intervention changes the odds.
 *
 * For a participant in sub-state L of regular state b, with the regular row p (over the
 * moves of b) and L's row q (the same moves, with the intervention's effects): a person
 * drawn to move k keeps it with probability min(1, q_k / p_k); otherwise the move is
 * redrawn from the residual (q - p)+ / sum (q - p)+. The result is distributed as q
 * (this is the maximal coupling of p and q: the fewest persons are moved), and with
 * q = p nobody is moved, so a variant whose intervention has no effect reproduces its
 * baseline exactly, person for person.
 */
import type { Model } from "../model/model.js";
import type { SparseRows } from "./transition.js";

export interface Couplings {
  /** Per compiled state: offset of its keep/destination entries (aligned with its regular state's row), or -1 for regular states. */
  at: Int32Array;
  /** Per entry: the chance of keeping the regular move. */
  keep: Float64Array;
  /** Per entry: the participant's compiled destination when the regular move is kept. */
  dest: Int32Array;
  /** Per compiled state: its residual moves [residualStart[i], residualStart[i + 1]) in residualDest / residualCum (cumulative, ending at 1). */
  residualStart: Int32Array;
  residualDest: Int32Array;
  residualCum: Float64Array;
}

/** The couplings of every participant sub-state with a row in `rows` (the active variant's). */
export function couplings(model: Model, rows: SparseRows): Couplings {
  const n = model.states.length;
  const baseOfState = baseOf(model);
  const at = new Int32Array(n).fill(-1);
  let entries = 0;
  for (let i = 0; i < n; i++) {
    const b = baseOfState[i];
    if (b !== i && rows.start[i] !== rows.start[i + 1]) entries += rows.start[b + 1] - rows.start[b];
  }
  const keep = new Float64Array(entries);
  const dest = new Int32Array(entries);
  const residualStart = new Int32Array(n + 1);
  // at most one residual move per entry of a participant row
  const residualDest = new Int32Array(rows.col.length);
  const residualMass = new Float64Array(rows.col.length);
  // per regular destination: the entry of L's row that mirrors it (-1: none)
  const mirror = new Int32Array(model.baseCount).fill(-1);
  let e = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    residualStart[i] = r;
    const b = baseOfState[i];
    if (b === i || rows.start[i] === rows.start[i + 1]) continue;
    at[i] = e;
    for (let k = rows.start[i]; k < rows.start[i + 1]; k++) mirror[baseOfState[rows.col[k]]] = k;
    for (let k = rows.start[b]; k < rows.start[b + 1]; k++, e++) {
      const regular = rows.col[k];
      const p = rows.value[k];
      const own = mirror[regular];
      const q = own >= 0 ? rows.value[own] : 0;
      keep[e] = q >= p ? 1 : q / p;
      dest[e] = own >= 0 ? rows.col[own] : regular;
      if (q > p) (residualDest[r] = rows.col[own]), (residualMass[r++] = q - p);
      mirror[regular] = -1;
    }
    // a move the regular row does not have
    for (let k = rows.start[i]; k < rows.start[i + 1]; k++) {
      const regular = baseOfState[rows.col[k]];
      if (mirror[regular] !== k) continue;
      mirror[regular] = -1;
      if (rows.value[k] > 0) (residualDest[r] = rows.col[k]), (residualMass[r++] = rows.value[k]);
    }
    let total = 0;
    for (let j = residualStart[i]; j < r; j++) total += residualMass[j];
    let cum = 0;
    for (let j = residualStart[i]; j < r; j++) residualMass[j] = j === r - 1 ? 1 : (cum += residualMass[j] / total);
  }
  residualStart[n] = r;
  return { at, keep, dest, residualStart, residualDest: residualDest.subarray(0, r), residualCum: residualMass.subarray(0, r) };
}

/** Per regular state b: the compiled states that hold its persons (b itself, then its participant sub-states), as CSR. */
export interface Groups {
  start: Int32Array;
  member: Int32Array;
}

/** Kept per list of states: a drawn model shares its states with the file's. */
const groupsOf = new WeakMap<Model["states"], Groups>();

export function groups(model: Model): Groups {
  let g = groupsOf.get(model.states);
  if (!g) groupsOf.set(model.states, (g = buildGroups(model)));
  return g;
}

function buildGroups(model: Model): Groups {
  const nb = model.baseCount;
  const lists: number[][] = Array.from({ length: nb }, (_, b) => [b]);
  model.states.forEach((st, i) => i !== st.base && lists[st.base].push(i));
  const start = new Int32Array(nb + 1);
  lists.forEach((l, b) => (start[b + 1] = start[b] + l.length));
  return { start, member: Int32Array.from(lists.flat()) };
}

const baseOfStates = new WeakMap<Model["states"], Int32Array>();

/** Per compiled state: the regular state it mirrors (CompiledState.base), kept per list of states. */
export function baseOf(model: Model): Int32Array {
  let out = baseOfStates.get(model.states);
  if (!out) baseOfStates.set(model.states, (out = Int32Array.from(model.states, (st) => st.base)));
  return out;
}
