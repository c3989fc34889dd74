/**
 * A synthetic client panel from a scenario: clients step month by month through the
 * declared states with the scenario's monthly matrix (`model.base` of the file compiled
 * with a monthly cycle), so that estimating the panel should give the matrix back.
 *
 * - `clients` persons start in month 0 (January of start_year), spread over the
 *   on-bijstand states like the scenario's initial occupancy (largest remainder);
 * - with `inflow`, new clients arrive each later month, Poisson with mean
 *   per_year / 12 x clients / (initial on-bijstand stock), in states drawn from `entry`;
 * - a client in an exit state gets one row for the month of the move and no more;
 * - with `gapRate` p, every row but a client's first and last is left out with
 *   probability p (a gap in the file).
 * What it leaves out: macro effects, duration bands and re-inflow tunnels (the base
 * matrix only).
 *
 * Seeded: the same model, options and seed give the same rows (Stream from
 * src/random/stream.ts; one stream per purpose).
 */
import { KIND_EXIT, KIND_ON, type Model } from "../model/model.js";
import { largestRemainder } from "../engine/whole.js";
import { poisson } from "../random/samplers.js";
import { Stream } from "../random/stream.js";

export interface SynthOptions {
  clients: number;
  months: number;
  seed: number;
  gapRate?: number;
  /** New clients after month 0 (default true). */
  inflow?: boolean;
}

export interface SynthRow {
  /** 1-based client number. */
  client: number;
  /** 0-based month since January of start_year. */
  month: number;
  state: number;
}

const TRANSITIONS = 1;
const ARRIVALS = 2;
const GAPS = 3;

/** Cumulative rows of a row-major m x m matrix, for inverse-CDF sampling. */
function cumulativeRows(p: Float64Array, m: number): Float64Array {
  const out = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    let acc = 0;
    for (let j = 0; j < m; j++) out[i * m + j] = acc += p[i * m + j];
  }
  return out;
}

/** Index of the first cumulative value above u in row i (the last one on round-off). */
function sample(cum: Float64Array, i: number, m: number, u: number): number {
  const base = i * m;
  const scaled = u * cum[base + m - 1];
  for (let j = 0; j < m - 1; j++) if (scaled < cum[base + j]) return j;
  return m - 1;
}

/** The on-bijstand stock of the initial occupancy, per declared state. */
export function initialOnStock(model: Model): Float64Array {
  const m = model.declared.length;
  const out = new Float64Array(m);
  model.initial.forEach((v, i) => {
    const d = model.declaredOf[i];
    if (model.declaredKind[d] === KIND_ON && i < model.baseCount) out[d] += v;
  });
  return out;
}

/**
 * The panel's rows, client by client, each client's rows in month order. `model` must
 * have a monthly cycle. A generator: a panel of any size streams to the file.
 */
export function* synthPanel(model: Model, options: SynthOptions): Generator<SynthRow> {
  if (model.cycleMonths !== 1) throw new RangeError("synthPanel needs a model with a monthly cycle");
  const m = model.declared.length;
  const cum = cumulativeRows(model.base, m);
  const onStock = initialOnStock(model);
  const onTotal = onStock.reduce((a, b) => a + b, 0);
  const starts = largestRemainder(onStock.map((v) => (v / onTotal) * options.clients), options.clients);
  const moves = new Stream(options.seed, TRANSITIONS);
  const gaps = new Stream(options.seed, GAPS);
  const gapRate = options.gapRate ?? 0;
  const entryCum = new Float64Array(m);
  let acc = 0;
  model.entry.forEach((v, j) => (entryCum[j] = acc += v));

  const path: number[] = [];
  /** One client's months from `month0` in `state0`, until an exit or the end of the panel. */
  function* client(id: number, month0: number, state0: number): Generator<SynthRow> {
    path.length = 0;
    let s = state0;
    path.push(s);
    for (let t = month0 + 1; t < options.months && model.declaredKind[s] !== KIND_EXIT; t++) {
      s = sample(cum, s, m, moves.uniform());
      path.push(s);
    }
    const last = path.length - 1;
    for (let k = 0; k <= last; k++) {
      if (gapRate > 0 && k > 0 && k < last && gaps.uniform() < gapRate) continue;
      yield { client: id, month: month0 + k, state: path[k] };
    }
  }

  let id = 0;
  for (let d = 0; d < m; d++) for (let k = 0; k < starts[d]; k++) yield* client(++id, 0, d);
  if (options.inflow === false) return;
  const arrivals = new Stream(options.seed, ARRIVALS);
  const scale = options.clients / onTotal;
  for (let t = 1; t < options.months; t++) {
    const year = Math.min(Math.floor(t / 12), model.years - 1);
    const n = poisson((model.inflowPerYear[year] / 12) * scale, arrivals);
    for (let k = 0; k < n; k++) {
      const u = arrivals.uniform() * acc;
      let s = 0;
      while (s < m - 1 && u >= entryCum[s]) s++;
      yield* client(++id, t, s);
    }
  }
}
