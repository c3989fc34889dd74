/**
 * Cycle results -> calendar years: volumes, flows and person-cycles under the
 * scenario's counting convention.
 *
 * Counting convention (how a cycle's occupancy is counted for person-periods and
 * costs): "start" counts occ_{t-1}, "end" counts occ_t, "half" (default) counts
 * (occ_{t-1} + occ_t) / 2, the half-cycle correction: people move on average in the
 * middle of a cycle.
 */
import { KIND_EXIT, KIND_OFF, KIND_ON, type Model } from "../model/model.js";
import type { Counting } from "../model/schema.js";
import type { Projection } from "./cohort.js";

export interface YearlyPersons {
  years: number[];
  /** Per year (index y), persons. */
  volumeEnd: Float64Array;
  /** Average persons on bijstand over the year (person-years). */
  volumeAvg: Float64Array;
  inflowNew: Float64Array;
  reinflow: Float64Array;
  outflowWork: Float64Array;
  outflowOther: Float64Array;
  /** Y x n: person-cycles counted in each compiled state (the base of costs). */
  personCycles: Float64Array;
  /** Y x m: declared-state occupancy at year end. */
  stateEnd: Float64Array;
  /** Y x m: declared-state person-years. */
  stateAvg: Float64Array;
  /** Y x (m + 1) x m: moves between declared states per year; row m = instroom. */
  transitions: Float64Array;
}

/** Weight of the occupancy before and after a cycle under a counting convention. */
export function countingWeights(counting: Counting): [number, number] {
  return counting === "start" ? [1, 0] : counting === "end" ? [0, 1] : [0.5, 0.5];
}

export function aggregateYears(model: Model, projection: Projection): YearlyPersons {
  const n = model.states.length;
  const m = model.declared.length;
  const Y = model.years;
  const cpy = model.cyclesPerYear;
  const { occupancy, flows, newInflow } = projection;
  const [wStart, wEnd] = countingWeights(model.counting);
  const out: YearlyPersons = {
    years: Array.from({ length: Y }, (_, y) => model.startYear + y),
    volumeEnd: new Float64Array(Y),
    volumeAvg: new Float64Array(Y),
    inflowNew: new Float64Array(Y),
    reinflow: new Float64Array(Y),
    outflowWork: new Float64Array(Y),
    outflowOther: new Float64Array(Y),
    personCycles: new Float64Array(Y * n),
    stateEnd: new Float64Array(Y * m),
    stateAvg: new Float64Array(Y * m),
    transitions: new Float64Array(Y * (m + 1) * m),
  };
  const kind = model.declaredKind;
  const declaredOf = model.declaredOf;
  const F = (m + 1) * m;
  // Locals for the arrays: these loops run over every state and cycle of every run.
  const { personCycles, transitions, stateEnd, stateAvg } = out;
  for (let y = 0; y < Y; y++) {
    const pc = y * n;
    const used = statesInUse(occupancy, n, y * cpy, (y + 1) * cpy);
    const first = y * cpy; // the year's first cycle is first + 1
    // Each sum runs over the year's cycles in order, in a local rather than through the
    // array (the same additions in the same order: the same numbers, at half the cost).
    for (let i = 0; i < used; i++) {
      let sum = 0;
      for (let t = first + 1, at = first * n + i; t <= first + cpy; t++, at += n) sum += wStart * occupancy[at] + wEnd * occupancy[at + n];
      personCycles[pc + i] = sum;
    }
    let inflowNew = 0;
    for (let t = first + 1; t <= first + cpy; t++) inflowNew += newInflow[t - 1];
    for (let k = 0; k < F; k++) {
      let sum = 0;
      for (let at = first * F + k; at < (first + cpy) * F; at += F) sum += flows[at];
      transitions[y * F + k] = sum;
    }
    out.inflowNew[y] = inflowNew;
    // Per year, not per cycle: states, volume and the flows by kind of move.
    const tEnd = (y + 1) * cpy;
    for (let i = 0; i < n; i++) {
      const d = declaredOf[i];
      stateEnd[y * m + d] += occupancy[tEnd * n + i];
      stateAvg[y * m + d] += personCycles[pc + i] / cpy;
    }
    let outflowWork = 0;
    let outflowOther = 0;
    let reinflow = 0;
    for (let a = 0; a < m; a++) {
      for (let b = 0; b < m; b++) {
        const f = transitions[y * F + a * m + b];
        if (f === 0) continue;
        if (kind[a] === KIND_ON && kind[b] === KIND_OFF) outflowWork += f;
        else if (kind[a] === KIND_ON && kind[b] === KIND_EXIT) outflowOther += f;
        else if (kind[a] === KIND_OFF && kind[b] === KIND_ON) reinflow += f;
      }
    }
    out.outflowWork[y] = outflowWork;
    out.outflowOther[y] = outflowOther;
    out.reinflow[y] = reinflow;
    let volumeEnd = 0;
    let volumeAvg = 0;
    for (let d = 0; d < m; d++) {
      if (kind[d] !== KIND_ON) continue;
      volumeEnd += stateEnd[y * m + d];
      volumeAvg += stateAvg[y * m + d];
    }
    out.volumeEnd[y] = volumeEnd;
    out.volumeAvg[y] = volumeAvg;
  }
  return out;
}

/**
 * 1 + the last state that holds anyone in occupancy rows from to to (both included: the
 * rows a year's cycles read). The states after it add nothing that year: a baseline's
 * participant sub-states, nearly half the states, stay empty, and a variant's outside
 * the years its interventions run.
 */
function statesInUse(occupancy: Float64Array, n: number, from: number, to: number): number {
  for (let i = n - 1; i >= 0; i--) for (let at = from * n + i; at <= to * n + i; at += n) if (occupancy[at] !== 0) return i + 1;
  return 0;
}
