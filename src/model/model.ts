/**
 * The compiled model: what the engines run. Built from a ScenarioFile by compile/,
 * and never changed afterwards: a parameter draw or a fitted value is a new Model
 * (adjust.ts), so one compiled model can serve many runs.
 *
 * Two levels of states:
 * - *declared* states (m): the ones the scenario file names; transitions, costs,
 *   outputs and the trede-overgangen are reported at this level;
 * - *compiled* states (n >= m): declared states expanded into duration bands
 *   (on-bijstand states, when `duration_bands` is given) and tunnel states (an `off`
 *   state with a re-inflow profile becomes "month 1..K since leaving" plus a durable
 *   state). The engines step compiled occupancy vectors.
 */
import type { Distribution } from "./distributions/index.js";
import type { Counting, Cycle, StateKind } from "./schema.js";

export const KIND_ON = 0;
export const KIND_OFF = 1;
export const KIND_EXIT = 2;
export const kindCode = (k: StateKind): number => (k === "on" ? KIND_ON : k === "off" ? KIND_OFF : KIND_EXIT);

export interface DeclaredState {
  name: string;
  label: string;
  kind: StateKind;
  source?: string;
  note?: string;
}

export interface CompiledState {
  name: string;
  /** Index of the declared state it belongs to. */
  declared: number;
  /** Duration band (0-based) for banded on-states, else -1. */
  band: number;
  /** Tunnel cycle since leaving (1..K) for tunnel states, 0 for the durable/plain state. */
  tunnel: number;
  /** The regular (non-intervention) state this one mirrors: itself for regular states. */
  base: number;
  /** 0 for regular states, else the index into Model.layers (in traject / after it). */
  layer: number;
}

/**
 * A layer of participant sub-states: "month j of intervention p". Months 1..duration are
 * in traject (full effect, a place taken); later months carry the decaying after-effect.
 */
export interface Layer {
  intervention: number;
  month: number;
  inTraject: boolean;
  /** Effect weight per effect of the intervention (1 in traject, decaying after). */
  weights: Float64Array;
}

export type InterventionTarget =
  | { kind: "outflow_work" | "outflow_other" | "reinflow" | "up" | "down" }
  | { kind: "cell"; from: number; to: number };

export interface InterventionEffect {
  target: InterventionTarget;
  /** "hr": hazard ratio on the cause-specific hazard; "rr": relative risk on the probability. */
  measure: "hr" | "rr";
  value: number;
  distribution?: Distribution;
  path: string;
}

export interface InterventionCosts {
  perStart: number;
  perParticipantCycle: number;
  /** Paid per person leaving for work from the traject, `afterCycles` later if still off bijstand. */
  events: { amount: number; afterCycles: number }[];
}

/**
 * "traject": participants take a place for a while and move along their own sub-states
 * (effects on their moves, costs per start and per month, premiums on work);
 * "prevention": persons about to flow in are reached and some of them stay out.
 * A new kind is a new member here; the compiler then lists every place that must
 * handle it (compile/interventions.ts, engine/participants.ts, finance/interventions.ts,
 * analyses/effects.ts).
 */
export type InterventionKind = "traject" | "prevention";

export interface Intervention {
  kind: InterventionKind;
  name: string;
  label: string;
  /** Per declared state: 1 if participants are drawn from / stay in it. */
  targets: Uint8Array;
  /** Regular compiled states participants are selected from. */
  eligible: Int32Array;
  /** First and last cycle (1-based, inclusive) in which new participants start; may lie outside the horizon. */
  startCycle: number;
  endCycle: number;
  /** Concurrent places (programmes with participants). */
  places: number;
  /** Persons reached per cycle (inflow prevention). */
  startsPerCycle: number;
  durationCycles: number;
  /** Months of after-effect tracked after the traject. */
  postCycles: number;
  effects: InterventionEffect[];
  /** Inflow prevention: share of reached persons that still flows in (relative risk). */
  inflow?: { value: number; distribution?: Distribution; path: string };
  costs: InterventionCosts;
  costRanges: Record<string, [number, number]>;
  /** Per regular compiled state: index of its month-1 layer state, or -1. Layer month j is at +j-1. */
  layerEntry: Int32Array;
  /** Index into Model.layers of this intervention's month 1. */
  firstLayer: number;
  path: string;
}

/** The transitions as the file gives them, before conversion to the cycle (for redrawing and refitting them). */
export interface DeclaredTransitions {
  /** "list": converted row by row (competing hazards); "matrix" and "counts": by the matrix root. */
  encoding: "list" | "matrix" | "counts";
  /** Declared m x m matrix per period, row-major. */
  perPeriod: Float64Array;
  /** Months in the file's period (`per`). */
  periodMonths: number;
}

export interface Uncertainty {
  /** Dirichlet concentration per declared row (0: the row is fixed). */
  rowConcentration: Float64Array;
  /** Beta (or other) distributions on single moves of a `list`, drawn per period and converted to the cycle. */
  moves: { from: number; to: number; distribution: Distribution }[];
  /** Per declared state: distribution of its cost per period (benefit + lks), and the period in months. */
  cost: ({ distribution: Distribution; periodMonths: number } | null)[];
  inflow?: Distribution;
}

export interface Vangnet {
  ownRisk: number;
  partialUntil: number;
  partialShare: number;
}

/** Re-inflow profile of one `off` state, per cycle since leaving. */
export interface Reinflow {
  /** hazard[k-1] = probability of returning in tunnel cycle k (k = 1..K). */
  hazard: Float64Array;
  /** Where returners go, over declared states (sums to 1, on-states only). */
  to: Float64Array;
}

export interface DurationBands {
  labels: string[];
  /** Months on bijstand at which each band starts (0 for the first). */
  lowerMonths: number[];
  /** Probability per cycle of moving on to the next band (0 for the last band). */
  aging: Float64Array;
  /** Multiplier on all outflow (to off and exit states) per band. */
  outflowMultiplier: Float64Array;
  initialShare: Float64Array;
}

export type EffectTargetRef =
  | { kind: "inflow" }
  | { kind: "outflow_work" }
  | { kind: "outflow_other" }
  | { kind: "reinflow" }
  | { kind: "cell"; from: number; to: number };

export interface MacroEffect {
  driver: number;
  distribution?: Distribution;
  target: EffectTargetRef;
  form: "power" | "linear";
  elasticity: number;
  lagMonths: number;
  /** Human label for error messages, e.g. `macro.effects[1]`. */
  path: string;
}

export interface MacroScenario {
  name: string;
  label: string;
  /** driver index -> values per year from firstYear (carried forward past the last given year). */
  paths: { firstYear: number; values: Float64Array }[];
}

export interface Reference {
  name: string;
  label: string;
  scenario?: string;
  metric: string;
  values: Map<number, number>;
  tolerance?: number;
  source?: string;
}

export interface Model {
  readonly file: string;
  readonly name: string;
  readonly label: string;
  readonly unit: "personen" | "uitkeringen";
  readonly startYear: number;
  readonly years: number;
  readonly cycle: Cycle;
  readonly cyclesPerYear: number;
  readonly cycleMonths: number;
  readonly counting: Counting;

  readonly declared: readonly DeclaredState[];
  /** Number of regular compiled states (they come first; intervention layers follow). */
  readonly baseCount: number;
  /** layers[0] is the regular layer (no intervention). */
  readonly layers: readonly Layer[];
  readonly interventions: readonly Intervention[];
  readonly combinations: readonly { name: string; label: string; members: number[] }[];
  readonly vangnet: Vangnet;
  /** What the probabilistic runs may draw; absent parts stay fixed. */
  readonly uncertainty: Uncertainty;
  /** Budget rule: indexed on a driver from a year on (per macro scenario). */
  readonly budgetIndex?: { driver: number; fromYear: number; base: number };
  /** Kind code per declared state. */
  readonly declaredKind: Uint8Array;
  /** Rung per declared state (higher = closer to work; -1 off the ladder): "up" moves to a higher rung. */
  readonly ladderRank: Int32Array;
  readonly states: readonly CompiledState[];
  readonly declaredOf: Int32Array;
  readonly kindOf: Uint8Array;
  /** Per declared state: the compiled state a newcomer enters (band 0, or tunnel cycle 1). */
  readonly entryOf: Int32Array;

  /** Per-cycle transition matrix over declared states, row-major m x m. */
  readonly base: Float64Array;
  /** The same transitions as declared, per period of the file. */
  readonly transitions: DeclaredTransitions;
  readonly bands?: DurationBands;
  /** Per declared state: its re-inflow profile, or null. */
  readonly reinflow: readonly (Reinflow | null)[];

  readonly initial: Float64Array;
  /** New inflow per projected year (persons per year, before macro effects). */
  readonly inflowPerYear: Float64Array;
  /** Entry distribution of new inflow over declared states. */
  readonly entry: Float64Array;

  /** Benefit + LKS per cycle per compiled state (euros). */
  readonly costPerCycle: Float64Array;
  /** BUIG budget per projected year (euros). */
  readonly budget: Float64Array;

  readonly drivers: readonly { name: string; label: string; unit?: string; baseYear: number }[];
  readonly effects: readonly MacroEffect[];
  readonly scenarios: readonly MacroScenario[];

  /** Yearly rates; the first projected year undiscounted (year k divided by (1 + r)^k) or discounted ((1 + r)^(k + 1)). */
  readonly discount: { money: number; persons: number; firstYear: "undiscounted" | "discounted" };
  readonly references: readonly Reference[];
  /** Things the user should know (a path carried forward, ...), printed by the CLI. */
  readonly notes: readonly string[];
  /** Individual attributes for the microsimulation (optional `population` section). */
  readonly population?: Population;
}

/** Age bands in months: persons are spread uniformly over [from, to) (to -1: up to the AOW age). */
export interface AgeBands {
  from: Int32Array;
  to: Int32Array;
  share: Float64Array;
}

/** The `population` section, compiled (src/model/population.ts). Only the microsimulation uses it. */
export interface Population {
  /** AOW age in months per projected year (index y), or null: no AOW exits. */
  aowMonths: Int32Array | null;
  /** Declared exit state persons move to at the AOW age (-1 without AOW). */
  aowExit: number;
  /** Ages of the initial stock (null: ages unknown, no AOW). */
  ages: AgeBands | null;
  /** Ages of new inflow at entry. */
  inflowAges: AgeBands | null;
  /** Household types: share of persons and cost multiplier each (null: one type, multiplier 1). */
  households: { names: string[]; labels: string[]; share: Float64Array; multiplier: Float64Array } | null;
  /** Notes for microsimulation runs (an AOW age held past the statutory table, ...). */
  notes: string[];
  source?: string;
}
