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
 * Interventions and combinations run alongside the baseline on the same persons
 * (engine/microsim/variants.ts): a variant reuses the baseline's draws wherever it does
 * the same thing, so its effect on BUIG is the effect on the persons it actually
 * moved; a replication with variants is simulated whole on one thread.
 *
 * Each replication's counts become a Projection, and the existing aggregation and
 * finance code turns it into the yearly metrics; expenditure weighs every person by
 * their household type's cost multiplier. The reported `value` is the mean projection
 * over the replications; with more than one, mean/p05/p50/p95 over replications too.
 *
 * This module runs replications on the calling thread (`Replications`);
 * parallel/microsim.ts spreads the same jobs over worker threads.
 */
import { formatNumber } from "../locale/format.js";
import { PREFLIGHT } from "../locale/messages-compile.js";
import { aggregateYears } from "../engine/aggregate.js";
import type { Projection } from "../engine/cohort.js";
import { microsimPlan, type MicrosimPlan } from "../engine/microsim/plan.js";
import { generatePopulation, type Persons } from "../engine/microsim/population.js";
import { countsLayout, countsOf, type CountsLayout, type JobLayout } from "../engine/microsim/counts.js";
import { layoutOfJob, simulateJob, type JobUnit, type PairingKey } from "../engine/microsim/job.js";
import { buigPerYear, type YearlyMoney } from "../finance/buig.js";
import { effectVersusBaseline, interventionsPerYear } from "../finance/interventions.js";
import type { MacroScenario, Model } from "../model/model.js";
import { baselineVariant, type Variant } from "../model/variant.js";
import { packResult, resultSize, summarise, type Bands } from "../outcomes/bands.js";
import type { ScenarioResult } from "../outcomes/result.js";
import { splitmix64, Stream } from "../random/stream.js";
import { InputError } from "../model/errors.js";
import { PREFLIGHT_LIMITS } from "./preflight.js";
import { layoutOf } from "./psa.js";
import { selectScenarios, selectVariants } from "./scenario.js";

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
  /** Interventions and combinations to simulate beside the baseline (default: all). */
  variants?: string[];
}

export interface MicrosimOutcome {
  /** Per scenario and variant (the baseline first): the result of the mean counts over the replications. */
  results: ScenarioResult[];
  /** Per replication, every metric per scenario and year (the PSA layout: runs x size). */
  values: Float64Array;
  size: number;
  /** Mean and percentiles over replications (runs > 1). */
  bands?: Bands;
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

/**
 * The interventions' own draws in replication r, scenario s (file index): one keyed
 * stream per replication (the key after the blocks'), purposes 8 s .. 8 s + 7.
 */
export const pairingKey = (seed: number, r: number, s: number): PairingKey => ({ seed, key: r * STREAMS_PER_RUN + STREAMS_PER_RUN - 1, purpose: 8 * s });

/** The population stream of replication r, scenario s. */
export const populationStream = (seed: number, r: number, s: number): Stream => new Stream(seed, r * STREAMS_PER_RUN + 1 + s);

/** Draws the population of replication r of scenario s. */
export function runPopulation(plan: MicrosimPlan, seed: number, r: number, s: number): Persons {
  return generatePopulation(plan.persons, plan.population, populationStream(seed, r, s));
}

/** A variant's counts and the money of its baseline (the same replication, or the same mean). */
export interface VariantCounts {
  variant: Variant;
  baseline: YearlyMoney;
}

/**
 * Counts -> a ScenarioResult through the cohort engine's aggregation and finance.
 * `divisor` turns summed counts of several replications into their mean. Without
 * `versus` the counts are the baseline's (regular states only, countsLayout(plan));
 * with it a variant's (every compiled state and the interventions' counts).
 */
export function microsimResult(model: Model, scenario: MacroScenario, plan: MicrosimPlan, counts: Float64Array, divisor = 1, versus?: VariantCounts): ScenarioResult {
  const pp = plan.persons;
  const T = pp.cycles;
  const P = model.interventions.length;
  const m = pp.declared;
  const layout = versus ? countsLayout(pp, model.states.length, P) : countsLayout(pp);
  const mean = (from: number, length: number) => counts.slice(from, from + length).map((v) => v / divisor);
  const variant = versus?.variant ?? baselineVariant(model);
  const { occupancy, weighted } = occupancyOf(model, plan, counts, layout, divisor);
  const zero = () => new Float64Array(P * T);
  const projection: Projection = {
    scenario,
    cycles: T,
    occupancy,
    newInflow: mean(layout.newInflow, T),
    flows: mean(layout.flows, T * (m + 1) * m),
    variant,
    interventions: versus
      ? { participants: mean(layout.participants, P * T), participantsEnd: mean(layout.participantsEnd, P * T), starts: mean(layout.starts, P * T), toWork: mean(layout.toWork, P * T * m), prevented: mean(layout.prevented, P * T) }
      : { participants: zero(), participantsEnd: zero(), starts: zero(), toWork: new Float64Array(P * T * m), prevented: zero() },
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
    effect: effectVersusBaseline(model, versus?.baseline ?? money, money, interventions),
  };
}

/**
 * Persons per compiled state and cycle, and the same weighted by household cost
 * multipliers. The weighted persons of a participant sub-state are added to its
 * regular state per household first (whole persons add up exactly), so a variant
 * whose persons all follow the baseline costs exactly what the baseline costs.
 */
function occupancyOf(model: Model, plan: MicrosimPlan, counts: Float64Array, layout: CountsLayout, divisor: number): { occupancy: Float64Array; weighted: Float64Array } {
  const { cycles: T, households: H } = plan.persons;
  const n = model.states.length;
  const states = (layout.flows - layout.occupancy) / ((T + 1) * H);
  const occupancy = new Float64Array((T + 1) * n);
  const weighted = new Float64Array((T + 1) * n);
  const perHousehold = new Float64Array(n * H);
  for (let t = 0; t <= T; t++) {
    perHousehold.fill(0);
    for (let i = 0; i < states; i++) {
      for (let h = 0; h < H; h++) {
        const c = counts[layout.occupancy + (t * states + i) * H + h];
        occupancy[t * n + i] += c / divisor;
        perHousehold[model.states[i].base * H + h] += c;
      }
    }
    for (let b = 0; b < n; b++) {
      let cost = 0;
      for (let h = 0; h < H; h++) cost += perHousehold[b * H + h] * plan.multiplier[h];
      weighted[t * n + b] = cost / divisor;
    }
  }
  return { occupancy, weighted };
}

/** One replication of one scenario: `s` its index in the selection, `key` in the file (stream keys). */
export interface Job {
  s: number;
  key: number;
  r: number;
}

/**
 * A population's expected size with the scenario's macro effects on the inflow (the
 * preflight could only assume them): refused before anything is drawn when it passes
 * PREFLIGHT_LIMITS.persons.
 */
function checkPersons(plan: MicrosimPlan, file: string, scenario: string, scale: number): void {
  let persons = 0;
  for (const v of plan.population.initial) persons += v;
  for (const v of plan.population.inflow) persons += v;
  // A scale that leaves nobody would report the whole budget as a surplus of no one.
  if (persons < 1) throw new InputError(file, "--persons-scale", ...PREFLIGHT.microsimNobody(formatNumber(scale, 12), formatNumber(scale / persons, 6)));
  if (!(persons <= PREFLIGHT_LIMITS.persons)) {
    const asked = Number.isFinite(persons) ? formatNumber(Math.round(persons), 0) : PREFLIGHT.infinitelyMany;
    throw new InputError(file, `scenario ${scenario}`, PREFLIGHT.microsimPersons(asked, formatNumber(PREFLIGHT_LIMITS.persons, 0)), PREFLIGHT.fixes.persons);
  }
}

/**
 * The replications of a microsimulation run: the plan of each selected scenario, the
 * jobs (scenario x replication) and what is collected as they finish.
 */
export class Replications {
  readonly scenarios: MacroScenario[];
  /** The baseline, then the simulated interventions and combinations. */
  readonly variants: Variant[];
  readonly plans: MicrosimPlan[];
  /** Where the baseline's and each variant's counts lie in a job's counts. */
  readonly layout: JobLayout;
  readonly jobs: Job[];
  /** Per replication, every metric per scenario, variant and year (the PSA layout: runs x size). */
  readonly values: Float64Array;
  readonly size: number;
  private readonly sums: Float64Array[];

  constructor(readonly model: Model, readonly spec: MicrosimSpec) {
    this.scenarios = selectScenarios(model, spec.scenarios);
    if (this.scenarios.length > MAX_SCENARIOS) throw new RangeError(`at most ${MAX_SCENARIOS} scenarios per microsimulation`);
    if (!Number.isSafeInteger(spec.runs) || spec.runs < 1) throw new RangeError(`runs must be a whole number of at least 1, got ${spec.runs}`);
    const scale = spec.personsScale ?? 1;
    if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`the persons scale must be above 0, got ${scale}`);
    this.variants = selectVariants(model, spec.variants ?? []);
    this.plans = this.scenarios.map((sc) => microsimPlan(model, sc, scale, this.variants.slice(1)));
    this.plans.forEach((plan, s) => checkPersons(plan, model.file, this.scenarios[s].name, scale));
    this.layout = layoutOfJob(this.plans[0].persons, this.plans[0].variants);
    this.size = this.scenarios.length * this.variants.length * resultSize(layoutOf(model));
    this.values = new Float64Array(spec.runs * this.size);
    this.sums = this.plans.map(() => new Float64Array(this.layout.size));
    // Streams are keyed by the scenario's place in the file, not in the selection, so a
    // scenario's numbers do not depend on which others run with it.
    this.jobs = this.scenarios.flatMap((scenario, s) => Array.from({ length: spec.runs }, (_, r) => ({ s, key: model.scenarios.indexOf(scenario), r })));
  }

  /** The population of a job, drawn from its own stream. */
  population(job: Job): Persons {
    return runPopulation(this.plans[job.s], this.spec.seed, job.r, job.key);
  }

  /** A job's whole population as one unit, with its block and pairing streams. */
  unit(job: Job, persons = this.population(job), firstBlock = 0): JobUnit {
    return { persons, firstBlock, seed: blockSeed(this.spec.seed, job.r, job.key), pairing: pairingKey(this.spec.seed, job.r, job.key) };
  }

  /** Simulates a job on this thread; returns its counts. */
  simulate(job: Job): Float64Array {
    const counts = new Float64Array(this.layout.size);
    simulateJob(this.plans[job.s].persons, this.plans[job.s].variants, this.unit(job), MICROSIM_BLOCK, counts);
    return counts;
  }

  /** Results of one job's counts (or of the sum of `divisor` jobs' counts): the baseline, then each variant against it. */
  private resultsOf(s: number, counts: Float64Array, divisor: number): ScenarioResult[] {
    const scenario = this.scenarios[s];
    const plan = this.plans[s];
    const base = microsimResult(this.model, scenario, plan, countsOf(this.layout, counts, 0), divisor);
    const variants = this.variants.slice(1).map((variant, k) => microsimResult(this.model, scenario, plan, countsOf(this.layout, counts, k + 1), divisor, { variant, baseline: base.money }));
    return [base, ...variants];
  }

  /** Takes in a finished job's counts (the sum over its block ranges). */
  finish(job: Job, counts: Float64Array): void {
    const per = resultSize(layoutOf(this.model));
    this.resultsOf(job.s, counts, 1).forEach((result, v) => packResult(result, layoutOf(this.model), this.values, job.r * this.size + (job.s * this.variants.length + v) * per));
    const sum = this.sums[job.s];
    for (let k = 0; k < this.layout.size; k++) sum[k] += counts[k];
  }

  /** The outcome once every job has finished. */
  outcome(): MicrosimOutcome {
    const runs = this.spec.runs;
    const results = this.scenarios.flatMap((_, s) => this.resultsOf(s, this.sums[s], runs));
    let personSteps = 0;
    this.plans.forEach((plan, s) => {
      const { states: S, households: H, cycles: T } = plan.persons;
      for (let k = 0; k < T * S * H; k++) personSteps += this.sums[s][this.layout.baseline.occupancy + k]; // rows t = 0..T-1: present before cycle t + 1
    });
    return {
      results,
      values: this.values,
      size: this.size,
      bands: runs > 1 ? summarise(this.values, runs, this.size) : undefined,
      plans: this.plans,
      meanCounts: this.sums.map((sum) => sum.map((v) => v / runs)),
      personSteps,
    };
  }
}
