/**
 * The scenario microsimulation (simulate/microsim.ts) over worker threads. Few jobs
 * (fewer than two per thread): each job's blocks are cut into one contiguous range per
 * thread. Many jobs: whole jobs of one scenario, several per task, at most two tasks
 * per thread in flight; a task's populations are drawn (on this thread) just before it
 * starts, so memory stays bounded. Each job's counts are the sum of its ranges
 * (integers: exact in any order), so the result is the same for any number of threads.
 */
import { setImmediate } from "node:timers/promises";
import type { JobUnit, PersonsTask } from "../engine/microsim/job.js";
import { slicePersons, type Persons } from "../engine/microsim/population.js";
import type { Model } from "../model/model.js";
import { MICROSIM_BLOCK, Replications, type Job, type MicrosimOutcome, type MicrosimSpec } from "../simulate/microsim.js";
import { MicrosimPool } from "./microsim-pool.js";

export interface MicrosimExec {
  /** Worker threads; 1 (without a pool) runs on this thread. */
  workers: number;
  /** A pool to reuse (left running). */
  pool?: MicrosimPool;
  /** Called with the number of finished replications x scenarios. */
  onProgress?: (done: number) => void;
  /** Called with the pool while it runs (the CLI stops it on Ctrl-C). */
  onPool?: (pool: MicrosimPool | undefined) => void;
  /** Called once the work starts, with the number of threads it runs on. */
  onStart?: (threads: number) => void;
}

/** Runs the replications of every selected scenario. */
export async function runMicrosim(model: Model, spec: MicrosimSpec, exec: MicrosimExec): Promise<MicrosimOutcome> {
  const reps = new Replications(model, spec);
  let finished = 0;
  const finish = (job: Job, counts: Float64Array) => {
    reps.finish(job, counts);
    exec.onProgress?.(++finished);
  };
  // One population with variants is simulated whole, on one thread whatever the pool:
  // this one, which spares a thread's start-up and copying the population to it.
  const alone = reps.jobs.length === 1 && reps.plans[0].variants !== undefined;
  if ((exec.workers === 1 && !exec.pool) || alone) {
    exec.onStart?.(1);
    for (const job of reps.jobs) {
      finish(job, reps.simulate(job));
      await setImmediate(); // lets Ctrl-C in between replications
    }
    return reps.outcome();
  }
  const pool = exec.pool ?? new MicrosimPool({ workers: exec.workers });
  exec.onPool?.(pool);
  exec.onStart?.(pool.workers);
  try {
    await runJobsInPool(pool, reps, finish);
  } finally {
    exec.onPool?.(undefined);
    if (!exec.pool) await pool.destroy();
  }
  return reps.outcome();
}

/** A job's counts while its ranges come back. */
interface Pending {
  job: Job;
  counts: Float64Array;
  left: number;
}

interface Part {
  pending: Pending;
  unit: JobUnit;
}

/** The tasks of a run: each a function that draws its populations when the task is about to start. */
function planTasks(reps: Replications, workers: number): (() => Part[])[] {
  const size = reps.layout.size;
  const jobs = reps.jobs;
  // A population with variants is simulated whole (trajects select among everyone).
  if (jobs.length < 2 * workers && !reps.plans[0].variants) {
    return jobs.flatMap((job) => {
      const persons = reps.population(job);
      const N = persons.state.length;
      const ranges = splitBlocksByWork(persons, reps.plans[job.s].persons.cycles, workers);
      const pending: Pending = { job, counts: new Float64Array(size), left: ranges.length };
      return ranges.map(([firstBlock, count]) => {
        const first = Math.min(N, firstBlock * MICROSIM_BLOCK);
        const end = Math.min(N, (firstBlock + count) * MICROSIM_BLOCK);
        const part: Part = { pending, unit: reps.unit(job, slicePersons(persons, first, end - first), firstBlock) };
        return () => [part];
      });
    });
  }
  // About eight tasks per thread, each returning at most ~8 MB of counts.
  const perTask = Math.max(1, Math.min(Math.ceil(jobs.length / (workers * 8)), Math.floor(2 ** 20 / size)));
  const tasks: (() => Part[])[] = [];
  for (let first = 0; first < jobs.length; ) {
    let end = Math.min(jobs.length, first + perTask);
    while (jobs[end - 1].s !== jobs[first].s) end--; // one scenario per task
    const group = jobs.slice(first, end);
    tasks.push(() => group.map((job) => ({ pending: { job, counts: new Float64Array(size), left: 1 }, unit: reps.unit(job) })));
    first = end;
  }
  return tasks;
}

/** Runs the tasks, two lanes per thread; `finish` gets each job's counts once all its ranges are back. */
async function runJobsInPool(pool: MicrosimPool, reps: Replications, finish: (job: Job, counts: Float64Array) => void): Promise<void> {
  const tasks = planTasks(reps, pool.workers);
  const size = reps.layout.size;
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (!failed && next < tasks.length) {
      const parts = tasks[next++]();
      const s = parts[0].pending.job.s;
      const task: PersonsTask = { kind: "persons", plan: reps.plans[s].persons, variants: reps.plans[s].variants, blockSize: MICROSIM_BLOCK, units: parts.map((p) => p.unit) };
      let counts: Float64Array;
      try {
        counts = await pool.runPersons(task, describe(reps, parts));
      } catch (err) {
        failed = true;
        throw err;
      }
      parts.forEach(({ pending }, k) => {
        const c = counts.subarray(k * size, (k + 1) * size);
        for (let i = 0; i < size; i++) pending.counts[i] += c[i];
        if (--pending.left === 0) {
          finish(pending.job, pending.counts);
          pending.counts = new Float64Array(0); // done with: thousands of runs must not pile up
        }
      });
    }
  };
  await Promise.all(Array.from({ length: 2 * pool.workers }, lane));
}

/** "microsim scenario "x" runs 3..5" or "... run 0 blocks 12..23", for a failed task's message. */
function describe(reps: Replications, parts: Part[]): string {
  const runs = parts.map((p) => p.pending.job.r);
  const unit = parts[0].unit;
  const blocks = parts.length === 1 ? ` blocks ${unit.firstBlock}..${unit.firstBlock + Math.ceil(unit.persons.state.length / MICROSIM_BLOCK) - 1}` : "";
  return `microsim scenario "${reps.scenarios[parts[0].pending.job.s].name}" run${runs.length > 1 ? `s ${runs[0]}..${runs[runs.length - 1]}` : ` ${runs[0]}`}${blocks}`;
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
