/**
 * One job of the scenario microsimulation as a worker runs it: a range of blocks of a
 * population (persons.ts), or, with interventions, a whole population and each of its
 * variants alongside (variants.ts): trajects select among everyone, so a population
 * with variants is never split.
 *
 * A job's counts are the baseline's (countsLayout of the plan), then each variant's
 * (JobLayout, counts.ts).
 */
import { KeyedStream } from "../../random/stream.js";
import { countsOf, jobLayout, type JobLayout } from "./counts.js";
import { simulatePersons, type PersonsUnit } from "./persons.js";
import type { PersonsPlan, VariantsPlan } from "./plan.js";
import { VariantPersons } from "./variants.js";

/** Where a replication's intervention draws come from: KeyedStream(seed, key), purposes from `purpose` on. */
export interface PairingKey {
  seed: number;
  key: number;
  purpose: number;
}

export interface JobUnit extends PersonsUnit {
  /** With variants: the keyed streams of the interventions' own draws. */
  pairing?: PairingKey;
}

/** A batch of block ranges (or of whole populations with variants) for one worker call: plain data (structured-cloned to the thread). */
export interface PersonsTask {
  kind: "persons";
  plan: PersonsPlan;
  variants?: VariantsPlan;
  blockSize: number;
  units: JobUnit[];
}

/** The layout of a job's counts under a plan and its variants. */
export const layoutOfJob = (plan: PersonsPlan, variants: VariantsPlan | undefined): JobLayout =>
  jobLayout(plan, variants?.model.states.length ?? plan.states, variants?.model.interventions.length ?? 0, variants?.variants.length ?? 0);

/** Simulates one unit, and its variants when there are any; adds to `out` (layoutOfJob(plan, variants).size). */
export function simulateJob(plan: PersonsPlan, variants: VariantsPlan | undefined, unit: JobUnit, blockSize: number, out: Float64Array): void {
  const layout = layoutOfJob(plan, variants);
  if (out.length !== layout.size) throw new RangeError(`counts buffer has ${out.length} entries, needs ${layout.size}`);
  if (!variants) return simulatePersons(plan, unit, blockSize, out);
  if (unit.firstBlock !== 0 || !unit.pairing) throw new Error("a population with variants is simulated whole, with its pairing key");
  const { seed, key, purpose } = unit.pairing;
  const followers = variants.variants.map(
    (_, k) => new VariantPersons(plan, variants, k, unit.persons, new KeyedStream(seed, key), purpose, countsOf(layout, out, k + 1), layout.variant),
  );
  simulatePersons(plan, unit, blockSize, countsOf(layout, out, 0), followers);
}

/** Runs every unit of a task; returns units x layoutOfJob(plan, variants).size counts, unit after unit. */
export function runPersonsTask(task: PersonsTask): Float64Array {
  const size = layoutOfJob(task.plan, task.variants).size;
  const out = new Float64Array(task.units.length * size);
  task.units.forEach((unit, k) => simulateJob(task.plan, task.variants, unit, task.blockSize, out.subarray(k * size, (k + 1) * size)));
  return out;
}
