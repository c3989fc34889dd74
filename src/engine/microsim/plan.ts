/**
 * What the scenario microsimulation needs from a model and one macro scenario, as plain
 * typed-array data (so it can be sent to worker threads):
 *
 * - `PersonsPlan`: the chain persons step through. One alias sampler over the regular
 *   compiled states with one table per distinct P_t, and `matrixOfStep` saying which
 *   table each cycle uses; the AOW age per cycle; the duration bands.
 * - `PopulationPlan`: what the population is drawn from (initial counts, expected new
 *   inflow per cycle, entry distribution, ages, household shares).
 *
 * Duration bands are exact in the microsimulation: its matrices are built with band
 * ageing switched off (the model's `aging` set to 0), so a person keeps the band of the
 * cycle's start while the matrix is sampled, and persons.ts then puts everyone on
 * bijstand in the band matching their months on bijstand.
 */
import { KIND_EXIT, KIND_ON, type AgeBands, type MacroScenario, type Model } from "../../model/model.js";
import { baselineVariant, type Variant } from "../../model/variant.js";
import { couplings, type Couplings } from "../coupling.js";
import { checkedMultipliers, rowsOrRefuse, yearOfCycle } from "../cycle.js";
import { combineMultipliers, type CycleMultipliers, type SparseRows } from "../transition.js";
import { buildSampler, type Sampler } from "./tables.js";

/** AOW age used when the model has none: nobody ever reaches it. */
export const NO_AOW = 0x7fffffff;

export interface PersonsPlan {
  /** Regular compiled states S (model.baseCount); intervention layers are not simulated. */
  states: number;
  /** Declared states m. */
  declared: number;
  /** Cycles T. */
  cycles: number;
  cycleMonths: number;
  /** Household types H (1 without a population section). */
  households: number;
  declaredOf: Int32Array;
  kindOf: Uint8Array;
  /** Per compiled on-state with bands: its band-0 state (bands are contiguous); -1 otherwise. */
  bandBase: Int32Array;
  /** Band for months on bijstand d: bandOfMonths[min(d, bandOfMonths.length - 1)] (length 1 without bands). */
  bandOfMonths: Uint8Array;
  sampler: Sampler;
  /** Sampler table used in cycle t at index t - 1. */
  matrixOfStep: Int32Array;
  /** AOW age in months in cycle t at index t (t = 0..T); NO_AOW without ages. */
  aowMonths: Int32Array;
  /** Compiled state persons move to at the AOW age; -1 without AOW. */
  aowExit: number;
}

export interface PopulationPlan {
  /** Whole initial persons per compiled state (after --persons-scale). */
  initial: Float64Array;
  /** Expected new inflow in cycle t at index t - 1 (macro multipliers and scale applied). */
  inflow: Float64Array;
  /** Entry distribution over declared states and the compiled state each enters. */
  entry: Float64Array;
  entryOf: Int32Array;
  /** Band of each compiled state (-1 for none) and the band edges in months (0, e1, e2, ...). */
  band: Int32Array;
  bandEdges: Int32Array;
  ages: AgeBands | null;
  inflowAges: AgeBands | null;
  householdShare: Float64Array;
}

/** What the persons' variants need, as plain data (sent to worker threads). */
export interface VariantsPlan {
  /** The model with exact durations (exactDurationModel): compiled states, layers and interventions. */
  model: Model;
  variants: Variant[];
  /** Per variant, per sampler table of the persons plan: the compiled rows, regular and participant states. */
  rows: SparseRows[][];
  /** Per variant, per sampler table: the participants' couplings to their regular rows. */
  couplings: Couplings[][];
}

export interface MicrosimPlan {
  persons: PersonsPlan;
  population: PopulationPlan;
  /** Cost multiplier per household type. */
  multiplier: Float64Array;
  /** The interventions' variants, when any are simulated. */
  variants?: VariantsPlan;
}

/** The model with band ageing switched off (microsimulation tracks months on bijstand exactly). */
export function exactDurationModel(model: Model): Model {
  if (!model.bands) return model;
  return { ...model, bands: { ...model.bands, aging: new Float64Array(model.bands.aging.length) } };
}

/**
 * Builds the plan of one macro scenario. `personsScale` multiplies the initial counts
 * and the inflow (scale tests); `variants` (not the baseline) are simulated alongside.
 * Throws InputError when a macro multiplier pushes a row above 1, as the cohort engine
 * does.
 */
export function microsimPlan(model: Model, scenario: MacroScenario, personsScale = 1, variants: readonly Variant[] = []): MicrosimPlan {
  const S = model.baseCount;
  const T = model.years * model.cyclesPerYear;
  const chain = cycleTables(model, scenario, personsScale);
  const bands = bandLayout(model);
  const pop = model.population;
  const aowMonths = new Int32Array(T + 1).fill(NO_AOW);
  if (pop?.aowMonths) {
    for (let t = 0; t <= T; t++) aowMonths[t] = pop.aowMonths[Math.floor(Math.max(0, t - 1) / model.cyclesPerYear)];
  }
  const aowExit = pop?.aowMonths && pop.aowExit >= 0 ? model.entryOf[pop.aowExit] : -1;
  if (aowExit >= 0 && model.kindOf[aowExit] !== KIND_EXIT) throw new Error("the AOW exit state must be an exit state");
  const households = pop?.households;
  return {
    persons: {
      states: S,
      declared: model.declared.length,
      cycles: T,
      cycleMonths: model.cycleMonths,
      households: households ? households.share.length : 1,
      declaredOf: model.declaredOf.slice(0, S),
      kindOf: model.kindOf.slice(0, S),
      bandBase: bands.bandBase,
      bandOfMonths: bands.bandOfMonths,
      sampler: chain.sampler,
      matrixOfStep: chain.matrixOfStep,
      aowMonths,
      aowExit,
    },
    population: {
      initial: model.initial.slice(0, S).map((v) => v * personsScale),
      inflow: chain.inflow,
      entry: Float64Array.from(model.entry),
      entryOf: Int32Array.from(model.entryOf),
      band: bands.band,
      bandEdges: bands.bandEdges,
      ages: pop?.ages ?? null,
      inflowAges: pop?.inflowAges ?? null,
      householdShare: households ? Float64Array.from(households.share) : Float64Array.of(1),
    },
    multiplier: households ? Float64Array.from(households.multiplier) : Float64Array.of(1),
    variants: variants.length ? variantsPlan(model, scenario, variants, chain.keys) : undefined,
  };
}

/** Each variant's compiled rows and couplings, per sampler table (with exact durations, as the baseline's tables). */
function variantsPlan(model: Model, scenario: MacroScenario, variants: readonly Variant[], keys: TableKeys): VariantsPlan {
  const exact = exactDurationModel(model);
  const rows = variants.map((v) => keys.multipliers.map((mult, k) => rowsOrRefuse(exact, mult, v, scenario, keys.years[k])));
  return { model: exact, variants: [...variants], rows, couplings: rows.map((perTable) => perTable.map((r) => couplings(exact, r))) };
}

/** The cycles' distinct macro multipliers: per sampler table, the multipliers and the year of its first cycle. */
export interface TableKeys {
  multipliers: CycleMultipliers[];
  years: number[];
}

/**
 * One alias table per distinct set of macro multipliers, the table of each cycle, the
 * expected new inflow per cycle, and what each table was built from.
 */
export function cycleTables(model: Model, scenario: MacroScenario, personsScale: number): { sampler: Sampler; matrixOfStep: Int32Array; inflow: Float64Array; keys: TableKeys } {
  const S = model.baseCount;
  const T = model.years * model.cyclesPerYear;
  const exact = exactDurationModel(model);
  const baseline = baselineVariant(model);
  const matrices: Float64Array[] = [];
  const keys: TableKeys = { multipliers: [], years: [] };
  const seen = new Map<string, number>();
  const matrixOfStep = new Int32Array(T);
  const inflow = new Float64Array(T);
  const perEffect = new Float64Array(model.effects.length);
  for (let t = 1; t <= T; t++) {
    const year = yearOfCycle(model, t);
    checkedMultipliers(model, scenario, t, perEffect);
    const mult = combineMultipliers(model, perEffect);
    inflow[t - 1] = (model.inflowPerYear[year - model.startYear] / model.cyclesPerYear) * mult.inflow * personsScale;
    const key = Array.from(perEffect).join(",");
    let k = seen.get(key);
    if (k === undefined) {
      k = matrices.length;
      seen.set(key, k);
      matrices.push(denseRegular(rowsOrRefuse(exact, mult, baseline, scenario, year), S));
      keys.multipliers.push(mult);
      keys.years.push(year);
    }
    matrixOfStep[t - 1] = k;
  }
  return { sampler: buildSampler("alias", matrices, S), matrixOfStep, inflow, keys };
}

/** Duration bands: per banded on-state its band-0 state and band, the edges, and the band of each month on bijstand. */
function bandLayout(model: Model): { bandBase: Int32Array; band: Int32Array; bandEdges: Int32Array; bandOfMonths: Uint8Array } {
  const S = model.baseCount;
  const bandBase = new Int32Array(S).fill(-1);
  const band = new Int32Array(S).fill(-1);
  if (!model.bands) return { bandBase, band, bandEdges: Int32Array.of(0), bandOfMonths: Uint8Array.of(0) };
  const bandEdges = Int32Array.from([0, ...bandEdgesOf(model)]);
  const last = bandEdges[bandEdges.length - 1];
  const bandOfMonths = new Uint8Array(last + 1);
  for (let d = 0, b = 0; d <= last; d++) {
    while (b + 1 < bandEdges.length && d >= bandEdges[b + 1]) b++;
    bandOfMonths[d] = b;
  }
  for (let i = 0; i < S; i++) {
    const st = model.states[i];
    if (st.band >= 0 && model.kindOf[i] === KIND_ON) {
      bandBase[i] = model.entryOf[st.declared];
      band[i] = st.band;
    }
  }
  return { bandBase, band, bandEdges, bandOfMonths };
}

/**
 * Band edges in months (e1, e2, ...). The compiled model keeps each band's width w only
 * as its ageing probability min(1, cycle / w), so w = round(cycle / ageing): exact for
 * every band at least one cycle wide (a band narrower than a yearly cycle counts as 12
 * months; with yearly cycles such a band is crossed within one cycle anyway).
 */
export function bandEdgesOf(model: Model): number[] {
  const bands = model.bands;
  if (!bands) return [];
  const edges: number[] = [];
  let at = 0;
  for (let b = 0; b < bands.aging.length - 1; b++) {
    at += Math.round(model.cycleMonths / bands.aging[b]);
    edges.push(at);
  }
  return edges;
}

/** The regular S x S block of a compiled matrix, dense row-major. */
function denseRegular(rows: SparseRows, S: number): Float64Array {
  const P = new Float64Array(S * S);
  for (let i = 0; i < S; i++) {
    for (let k = rows.start[i]; k < rows.start[i + 1]; k++) {
      const j = rows.col[k];
      if (j >= S) throw new Error(`regular state ${i} moves to layer state ${j} in the baseline`);
      P[i * S + j] += rows.value[k];
    }
  }
  return P;
}
