/**
 * Individual microsimulation runs (`run --mode microsim`): replication r of macro
 * scenario s draws its whole population up front (engine/microsim/population.ts) from
 * a stream keyed by (seed, r, s), then steps it through the scenario's chain in blocks
 * of 1,024 persons (engine/microsim/persons.ts), each block with its own stream keyed
 * by (seed, r, s) and the block index. Runs and blocks are therefore independent: any
 * split over worker threads gives the same integer counts, and the results are
 * assembled in a fixed order, so the output files are byte-identical for any number
 * of workers.
 *
 * Replications draw population noise only (who moves, new inflow, ages, household
 * types); parameters stay at their values (parameter uncertainty is `--mode psa`).
 * Only the baseline is simulated: interventions need per-person capacity logic.
 *
 * Each replication's counts become a Projection, and the existing aggregation and
 * finance code turns it into the yearly metrics; expenditure weighs every person by
 * their household type's cost multiplier. The reported `value` is the mean projection
 * over the replications; with more than one, mean/p05/p50/p95 over replications too.
 */
import { splitmix64 } from "./engine/microsim/rng.js";
import { microsimPlan, type MicrosimPlan } from "./engine/microsim/plan.js";
import { generatePopulation, slicePersons, type Persons } from "./engine/microsim/population.js";
import { countsLayout, simulatePersons, type PersonsTask, type PersonsUnit } from "./engine/microsim/persons.js";
import { aggregateYears } from "./engine/aggregate.js";
import type { Projection } from "./engine/cohort.js";
import { buigPerYear } from "./finance/buig.js";
import { effectVersusBaseline, interventionsPerYear } from "./finance/interventions.js";
import { baselineVariant } from "./interventions/variant.js";
import type { MacroScenario, Model } from "./model/model.js";
import { MicrosimPool } from "./parallel/pool.js";
import { PSA_METRICS, summarise, type PsaSummary } from "./psa.js";
import { metricValues } from "./report/tables.js";
import { selectScenarios, type ScenarioResult } from "./run.js";
import { Stream } from "./uncertainty/random.js";

/** Persons per random stream (as microsim-v1). */
export const MICROSIM_BLOCK = 1024;
/** Stream keys per replication: 1 + s for the population of scenario s, 512 + s for its blocks. */
const STREAMS_PER_RUN = 1024;
const MAX_SCENARIOS = 511;

export interface MicrosimSpec {
  seed: number;
  /** Replications (1 or more). */
  runs: number;
  /** Macro scenarios (default: all). */
  scenarios: string[];
  /** Multiplies the initial counts and the inflow (default 1). */
  personsScale?: number;
}

export interface MicrosimExec {
  /** Worker threads; 1 (without a pool) runs on this thread. */
  workers: number;
  /** A pool to reuse (left running). */
  pool?: MicrosimPool;
  /** Called with the number of finished replications x scenarios. */
  onProgress?: (done: number) => void;
  /** Called with the pool while it runs (the CLI stops it on Ctrl-C). */
  onPool?: (pool: MicrosimPool | undefined) => void;
}

export interface MicrosimOutcome {
  /** Per scenario (baseline only): the result of the mean projection over the replications. */
  results: ScenarioResult[];
  /** Per replication, every metric per scenario and year (the PSA layout: runs x size). */
  values: Float64Array;
  size: number;
  /** Mean and percentiles over replications (runs > 1). */
  bands?: PsaSummary;
  /** Per scenario: the plan and the mean counts (countsLayout of its persons plan). */
  plans: MicrosimPlan[];
  meanCounts: Float64Array[];
  /** Person-cycles simulated (persons who had entered before a cycle, summed over cycles, runs and scenarios). */
  personSteps: number;
}

/** Base seed of the block streams of replication r, scenario s. */
export function blockSeed(seed: number, r: number, s: number): bigint {
  return splitmix64((BigInt(seed) << 32n) ^ BigInt(r * STREAMS_PER_RUN + 512 + s))();
}

/** The population stream of replication r, scenario s. */
export const populationStream = (seed: number, r: number, s: number): Stream => new Stream(seed, r * STREAMS_PER_RUN + 1 + s);

/** Draws the population of replication r of scenario s. */
export function runPopulation(plan: MicrosimPlan, seed: number, r: number, s: number): Persons {
  return generatePopulation(plan.persons, plan.population, populationStream(seed, r, s));
}

/**
 * Counts -> a ScenarioResult through the cohort engine's aggregation and finance.
 * `divisor` turns summed counts of several replications into their mean.
 */
export function microsimResult(model: Model, scenario: MacroScenario, plan: MicrosimPlan, counts: Float64Array, divisor = 1): ScenarioResult {
  const pp = plan.persons;
  const T = pp.cycles;
  const S = pp.states;
  const H = pp.households;
  const m = pp.declared;
  const n = model.states.length;
  const layout = countsLayout(pp);
  const occupancy = new Float64Array((T + 1) * n);
  const weighted = new Float64Array((T + 1) * n);
  for (let t = 0; t <= T; t++) {
    for (let i = 0; i < S; i++) {
      let persons = 0;
      let cost = 0;
      for (let h = 0; h < H; h++) {
        const c = counts[layout.occupancy + (t * S + i) * H + h];
        persons += c;
        cost += c * plan.multiplier[h];
      }
      occupancy[t * n + i] = persons / divisor;
      weighted[t * n + i] = cost / divisor;
    }
  }
  const flows = counts.slice(layout.flows, layout.flows + T * (m + 1) * m).map((v) => v / divisor);
  const newInflow = counts.slice(layout.newInflow, layout.newInflow + T).map((v) => v / divisor);
  const P = model.interventions.length;
  const variant = baselineVariant(model);
  const projection: Projection = {
    scenario,
    cycles: T,
    occupancy,
    newInflow,
    flows,
    variant,
    interventions: { participants: new Float64Array(P * T), starts: new Float64Array(P * T), toWork: new Float64Array(P * T * m), prevented: new Float64Array(P * T) },
  };
  const persons = aggregateYears(model, projection);
  const costWeighted = aggregateYears(model, { ...projection, occupancy: weighted }).personCycles;
  const money = buigPerYear(model, persons, scenario, costWeighted);
  const interventions = interventionsPerYear(model, projection);
  return {
    scenario,
    variant: variant.name,
    variantLabel: variant.label,
    projection,
    persons,
    money,
    interventions,
    effect: effectVersusBaseline(model, money, money, interventions),
  };
}

interface Job {
  /** Index in the selection (results, plans) and in the file (stream keys). */
  s: number;
  key: number;
  r: number;
  counts: Float64Array;
  pending: number;
}

/** Runs the replications of every selected scenario; see the module comment. */
export async function runMicrosim(model: Model, spec: MicrosimSpec, exec: MicrosimExec): Promise<MicrosimOutcome> {
  const scenarios = selectScenarios(model, spec.scenarios);
  if (scenarios.length > MAX_SCENARIOS) throw new RangeError(`at most ${MAX_SCENARIOS} scenarios per microsimulation`);
  if (!Number.isSafeInteger(spec.runs) || spec.runs < 1) throw new RangeError(`runs must be a whole number of at least 1, got ${spec.runs}`);
  const scale = spec.personsScale ?? 1;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`the persons scale must be above 0, got ${scale}`);
  const plans = scenarios.map((sc) => microsimPlan(model, sc, scale));
  const layout = countsLayout(plans[0].persons);
  const Y = model.years;
  const runs = spec.runs;
  const size = scenarios.length * PSA_METRICS.length * Y;
  const values = new Float64Array(runs * size);
  const sums = plans.map(() => new Float64Array(layout.size));
  let finished = 0;

  const finish = (job: Job) => {
    const result = microsimResult(model, scenarios[job.s], plans[job.s], job.counts);
    const metrics = metricValues(result);
    let at = job.r * size + job.s * PSA_METRICS.length * Y;
    for (const metric of PSA_METRICS) {
      values.set(metrics[metric].subarray(0, Y), at);
      at += Y;
    }
    const sum = sums[job.s];
    for (let k = 0; k < layout.size; k++) sum[k] += job.counts[k];
    job.counts = new Float64Array(0); // done with: thousands of runs must not pile up
    exec.onProgress?.(++finished);
  };

  const jobs: Job[] = [];
  scenarios.forEach((scenario, s) => {
    // Streams are keyed by the scenario's place in the file, not in the selection, so a
    // scenario's numbers do not depend on which others run with it.
    const key = model.scenarios.indexOf(scenario);
    for (let r = 0; r < runs; r++) jobs.push({ s, key, r, counts: new Float64Array(0), pending: 0 });
  });

  if (exec.workers === 1 && !exec.pool) {
    for (const job of jobs) {
      const plan = plans[job.s];
      job.counts = new Float64Array(layout.size);
      const persons = runPopulation(plan, spec.seed, job.r, job.key);
      simulatePersons(plan.persons, { persons, firstBlock: 0, seed: blockSeed(spec.seed, job.r, job.key) }, MICROSIM_BLOCK, job.counts);
      finish(job);
    }
  } else {
    const pool = exec.pool ?? new MicrosimPool({ workers: exec.workers });
    exec.onPool?.(pool);
    try {
      await runJobsInPool(pool, jobs, plans, scenarios, spec.seed, layout.size, finish);
    } finally {
      exec.onPool?.(undefined);
      if (!exec.pool) await pool.destroy();
    }
  }

  const results = scenarios.map((sc, s) => microsimResult(model, sc, plans[s], sums[s], runs));
  let personSteps = 0;
  for (let s = 0; s < plans.length; s++) {
    const { states: S, households: H, cycles: T } = plans[s].persons;
    for (let k = 0; k < T * S * H; k++) personSteps += sums[s][layout.occupancy + k]; // rows t = 0..T-1: present before cycle t + 1
  }
  return {
    results,
    values,
    size,
    bands: runs > 1 ? summarise(values, runs, size) : undefined,
    plans,
    meanCounts: sums.map((sum) => sum.map((v) => v / runs)),
    personSteps,
  };
}

/**
 * Splits the jobs over the pool. Few jobs (fewer than two per thread): each job's
 * blocks are cut into one contiguous range per thread. Many jobs: whole jobs of one
 * scenario, several per task, at most two tasks per thread in flight; a task's
 * populations are drawn (on this thread) just before it starts, so memory stays
 * bounded. Each job's counts are the sum of its ranges (integers: exact in any order).
 */
async function runJobsInPool(pool: MicrosimPool, jobs: Job[], plans: MicrosimPlan[], scenarios: MacroScenario[], seed: number, size: number, finish: (job: Job) => void): Promise<void> {
  const W = pool.workers;
  interface Part { job: Job; unit: PersonsUnit }
  const tasks: (() => Part[])[] = [];
  if (jobs.length < 2 * W) {
    for (const job of jobs) {
      const persons = runPopulation(plans[job.s], seed, job.r, job.key);
      const N = persons.state.length;
      const ranges = splitBlocksByWork(persons, plans[job.s].persons.cycles, W);
      job.pending = ranges.length;
      job.counts = new Float64Array(size);
      for (const [firstBlock, count] of ranges) {
        const first = Math.min(N, firstBlock * MICROSIM_BLOCK);
        const end = Math.min(N, (firstBlock + count) * MICROSIM_BLOCK);
        const unit: PersonsUnit = { persons: slicePersons(persons, first, end - first), firstBlock, seed: blockSeed(seed, job.r, job.key) };
        tasks.push(() => [{ job, unit }]);
      }
    }
  } else {
    // About eight tasks per thread, each returning at most ~8 MB of counts.
    const perTask = Math.max(1, Math.min(Math.ceil(jobs.length / (W * 8)), Math.floor(2 ** 20 / size)));
    for (let first = 0; first < jobs.length; ) {
      let end = Math.min(jobs.length, first + perTask);
      while (jobs[end - 1].s !== jobs[first].s) end--; // one scenario per task
      const group = jobs.slice(first, end);
      tasks.push(() =>
        group.map((job) => {
          job.pending = 1;
          job.counts = new Float64Array(size);
          return { job, unit: { persons: runPopulation(plans[job.s], seed, job.r, job.key), firstBlock: 0, seed: blockSeed(seed, job.r, job.key) } };
        }),
      );
      first = end;
    }
  }

  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (!failed && next < tasks.length) {
      const parts = tasks[next++]();
      const s = parts[0].job.s;
      const task: PersonsTask = { kind: "persons", plan: plans[s].persons, blockSize: MICROSIM_BLOCK, units: parts.map((p) => p.unit) };
      const runs = parts.map((p) => p.job.r);
      const blocks = parts.length === 1 ? ` blocks ${parts[0].unit.firstBlock}..${parts[0].unit.firstBlock + Math.ceil(parts[0].unit.persons.state.length / MICROSIM_BLOCK) - 1}` : "";
      const describe = `microsim scenario "${scenarios[s].name}" run${runs.length > 1 ? `s ${runs[0]}..${runs[runs.length - 1]}` : ` ${runs[0]}`}${blocks}`;
      let counts: Float64Array;
      try {
        counts = await pool.runPersons(task, describe);
      } catch (err) {
        failed = true;
        throw err;
      }
      parts.forEach((p, k) => {
        const c = counts.subarray(k * size, (k + 1) * size);
        for (let i = 0; i < size; i++) p.job.counts[i] += c[i];
        if (--p.job.pending === 0) finish(p.job);
      });
    }
  };
  await Promise.all(Array.from({ length: 2 * W }, lane));
}

/**
 * Cuts a population's blocks into at most `parts` contiguous ranges of about equal
 * work. A block is simulated from the cycle its first person enters (persons are
 * ordered by entry), so the initial stock's blocks weigh T and late entrants' little;
 * cutting by count would give the first thread most of the work.
 */
export function splitBlocksByWork(persons: Persons, cycles: number, parts: number): Array<[number, number]> {
  const N = persons.state.length;
  const blocks = Math.max(1, Math.ceil(N / MICROSIM_BLOCK));
  const work = new Float64Array(blocks);
  let total = 0;
  for (let b = 0; b < blocks; b++) {
    const first = b * MICROSIM_BLOCK;
    const count = Math.min(MICROSIM_BLOCK, N - first);
    work[b] = count > 0 ? (cycles + 1 - persons.entry[first]) * count : 1;
    total += work[b];
  }
  const out: Array<[number, number]> = [];
  let start = 0;
  let acc = 0;
  for (let b = 0; b < blocks; b++) {
    acc += work[b];
    const k = out.length + 1;
    if (k < parts && acc >= (total * k) / parts && b + 1 < blocks) {
      out.push([start, b + 1 - start]);
      start = b + 1;
    }
  }
  out.push([start, blocks - start]);
  return out;
}
