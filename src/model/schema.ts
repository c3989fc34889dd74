/**
 * The scenario file format, as a zod schema. One file describes one population
 * (a municipality, a region, the country). The shape is documented with an annotated
 * example in docs/scenario-format.md; every field may carry a `source` note.
 *
 * This module checks form only (types, ranges, required fields). Whether names
 * refer to declared states, rows sum to 1 and paths cover the horizon is checked in
 * compile/, which knows the whole file.
 */
import { z } from "zod";
import { DistributionSchema, type Distribution } from "./distributions/index.js";
import { amount, atMost, count, finite, int, months, nonNegative, probability, say, source, upTo, year } from "./fields.js";
import { LIMITS } from "./limits.js";
import { MSG } from "./messages.js";

export { DistributionSchema, type Distribution };

/** A driver's value: within LIMITS.driver, and 0 or at least LIMITS.driverTiny in magnitude (a budget indexed on it divides by it). */
const driverValue = () =>
  finite().refine((v) => Math.abs(v) <= LIMITS.driver && (v === 0 || Math.abs(v) >= LIMITS.driverTiny), say(() => MSG.driverRange(LIMITS.driver, LIMITS.driverTiny)));

/** A Dirichlet concentration (person-periods): above 0, up to LIMITS.observations. */
const concentration = () =>
  finite().refine((v) => v > 0, say(() => MSG.concentration)).refine((v) => v <= LIMITS.observations, say(() => MSG.ceiling(LIMITS.observations, "observations")));

const yearKey = z.string().regex(/^\d{4}$/, say(() => MSG.yearKey));

/** A value per calendar year: `{"2020": 1.0, "2021": 1.04}`. */
const yearSeries = (value: () => z.ZodType<number>) => z.record(yearKey, value());

export const CycleSchema = z.enum(["month", "year"]);
export const CountingSchema = z.enum(["start", "end", "half"]);
export const StateKindSchema = z.enum(["on", "off", "exit"]);

const CostSchema = z.strictObject({
  per: CycleSchema.default("year"),
  benefit: amount().default(0),
  lks: amount().default(0),
  /** Uncertainty of benefit + lks per period (e.g. gamma). */
  distribution: DistributionSchema.optional(),
  source,
});

/** Re-inflow from an `off` state: cumulative share back on bijstand after so many months. */
const ReinflowSchema = z.strictObject({
  cumulative: atMost(z.strictObject({ months: months(1), share: probability() }), LIMITS.reinflowPoints)
    .min(1, say(() => MSG.reinflowPoint)),
  to: z.record(z.string(), probability()),
  source,
});

const StateSchema = z.strictObject({
  name: z.string().min(1, say(() => MSG.nonEmptyName)),
  label: z.string().optional(),
  kind: StateKindSchema,
  cost: CostSchema.optional(),
  reinflow: ReinflowSchema.optional(),
  source,
  note: z.string().optional(),
});

const DurationBandsSchema = z.strictObject({
  months: atMost(months(1), LIMITS.bands).min(1),
  labels: atMost(z.string(), LIMITS.bands).optional(),
  outflow_multiplier: atMost(upTo(LIMITS.multiplier, "multiplier"), LIMITS.bands),
  initial_share: atMost(probability(), LIMITS.bands),
  source,
});

const TransitionsSchema = z.strictObject({
  per: CycleSchema,
  matrix: z
    .strictObject({
      order: atMost(z.string(), LIMITS.states),
      rows: atMost(atMost(probability(), LIMITS.states), LIMITS.states),
    })
    .optional(),
  list: atMost(z.strictObject({ from: z.string(), to: z.string(), p: probability(), distribution: DistributionSchema.optional(), source }), LIMITS.states * LIMITS.states).optional(),
  counts: atMost(z.strictObject({ from: z.string(), to: z.string(), n: upTo(LIMITS.observations, "observations"), source }), LIMITS.states * LIMITS.states).optional(),
  /**
   * Dirichlet uncertainty of each row: the number of observed person-periods (in the unit
   * of `per`) behind it, for all rows or per state. Counts carry their own by default.
   */
  concentration: z.union([concentration(), z.record(z.string(), concentration())]).optional(),
  source,
});

const InflowSchema = z.strictObject({
  per_year: z.union([count(), yearSeries(count)]),
  /** Uncertainty of the yearly new inflow (a number per_year only). */
  distribution: DistributionSchema.optional(),
  entry: z.record(z.string(), probability()),
  source,
});

const VangnetSchema = z.strictObject({
  /** Deficit borne by the municipality alone, as a share of the budget. */
  own_risk: probability().default(0.075),
  /** Up to this share of the budget, `partial_share` of the deficit above own_risk is compensated. */
  partial_until: probability().default(0.125),
  partial_share: probability().default(0.5),
  source,
});

const BuigSchema = z.strictObject({
  budget: yearSeries(() => upTo(LIMITS.budget, "budget")),
  after_last: z.enum(["constant", "error"]).default("constant"),
  /** Budget rule: from `from_year` on, budget(y) = budget(from_year) x D(y) / D(from_year) for the scenario's driver D. */
  indexed_on: z.strictObject({ driver: z.string(), from_year: year(), source }).optional(),
  vangnet: VangnetSchema.optional(),
  source,
});

const period = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, say(() => MSG.period));

const InterventionEffectSchema = z.strictObject({
  target: z.union([
    z.enum(["outflow_work", "outflow_other", "reinflow", "up", "down", "inflow"]),
    z.strictObject({ from: z.string(), to: z.string() }),
  ]),
  hazard_ratio: finite().refine((v) => v > 0, say(() => MSG.hazardRatio)).optional(),
  relative_risk: finite().refine((v) => v >= 0, say(() => MSG.relativeRisk)).optional(),
  distribution: DistributionSchema.optional(),
  decay: z
    .strictObject({
      type: z.enum(["none", "linear", "exponential"]),
      months: months(1).optional(),
      half_life_months: finite().refine((v) => v > 0, say(() => MSG.aboveZero)).refine((v) => v <= LIMITS.months, say(() => MSG.ceiling(LIMITS.months, "months"))).optional(),
    })
    .default({ type: "none" }),
  source,
});

const InterventionSchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, say(() => MSG.slug("interventions", "intensieve-begeleiding"))),
  label: z.string(),
  targets: atMost(z.string(), LIMITS.states).min(1, say(() => MSG.atLeastOne("targetState"))),
  start: period,
  end: period,
  capacity: z.strictObject({
    places: count().optional(),
    coaches: count().optional(),
    caseload: count().optional(),
    starts_per_year: count().optional(),
    source,
  }),
  selection: z.enum(["proportional"]).default("proportional"),
  /** Only persons at least this long on bijstand (a duration band edge) take part. */
  min_months_on_bijstand: months(0).optional(),
  duration_months: months(1).default(12),
  effects: atMost(InterventionEffectSchema, LIMITS.effects).min(1, say(() => MSG.atLeastOne("effect"))),
  costs: z
    .strictObject({
      per_start: amount().default(0),
      per_participant_month: amount().default(0),
      events: atMost(z.strictObject({ on: z.literal("outflow_work"), amount: amount(), after_months: months(0).default(0), source }), LIMITS.events).default([]),
      range: z.record(z.string(), z.tuple([amount(), amount()])).optional(),
      source,
    })
    .default({ per_start: 0, per_participant_month: 0, events: [] }),
  source,
  note: z.string().optional(),
});

export const EffectTargetSchema = z.union([
  z.enum(["inflow", "outflow_work", "outflow_other", "reinflow"]),
  z.strictObject({ from: z.string(), to: z.string() }),
]);

const MacroSchema = z.strictObject({
  drivers: z.record(
    z.string(),
    z.strictObject({ label: z.string(), unit: z.string().optional(), base_year: year(), source }),
  ),
  effects: atMost(
    z.strictObject({
      driver: z.string(),
      target: EffectTargetSchema,
      form: z.enum(["power", "linear"]).default("power"),
      elasticity: finite().refine((v) => Math.abs(v) <= LIMITS.elasticity, say(() => MSG.ceiling(LIMITS.elasticity, "absolute"))),
      distribution: DistributionSchema.optional(),
      lag_months: months(0).default(0),
      source,
    }),
    LIMITS.macroEffects,
  ),
  scenarios: atMost(
    z.strictObject({
      name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, say(() => MSG.slug("scenarios", "matig-herstel"))),
      label: z.string(),
      paths: z.record(z.string(), yearSeries(driverValue)),
      source,
    }),
    LIMITS.scenarios,
  ).min(1, say(() => MSG.atLeastOne("macroScenario"))),
});

const ReferenceSchema = z.strictObject({
  name: z.string(),
  label: z.string(),
  scenario: z.string().optional(),
  metric: z.enum(["volume_end", "volume_avg", "inflow", "outflow_work", "outflow_other", "expenditure"]),
  values: yearSeries(nonNegative),
  tolerance: probability().optional(),
  source,
});

/**
 * Individual attributes for the microsimulation (`run --mode microsim`); the cohort
 * and PSA engines ignore this section. Ages are in years (fractions allowed, rounded
 * to whole months); a band runs from `from` (inclusive) to `to` (exclusive, default:
 * the AOW age) and persons are spread uniformly over its months.
 */
const AgeBandSchema = z.strictObject({
  from: upTo(LIMITS.age, "ageYears"),
  to: upTo(LIMITS.age, "ageYears").optional(),
  share: probability(),
  source,
});
const AgesSchema = z.strictObject({ bands: atMost(AgeBandSchema, LIMITS.ageBands).min(1, say(() => MSG.atLeastOne("ageBand"))), source });
const HouseholdSchema = z.strictObject({
  name: z.string().min(1, say(() => MSG.nonEmptyName)),
  label: z.string().optional(),
  share: probability(),
  /** Cost of one unit (person or benefit, per `unit`) of this type relative to the state's cost. */
  multiplier: upTo(LIMITS.multiplier, "multiplier"),
  source,
});
export const PopulationSchema = z.strictObject({
  /** AOW age in months: one number, or per calendar year (the latest earlier year holds). Default: the statutory table. */
  aow_age_months: z.union([months(1), yearSeries(() => months(1))]).optional(),
  /** The exit state persons move to at the AOW age (default: the first declared exit state). */
  aow_exit: z.string().optional(),
  /** Age distribution of the initial stock; without it there are no AOW exits. */
  ages: AgesSchema.optional(),
  /** Age distribution of new inflow (default: that of the stock). */
  inflow_ages: AgesSchema.optional(),
  households: atMost(HouseholdSchema, LIMITS.households).min(1, say(() => MSG.atLeastOne("householdType"))).optional(),
  source,
});

export const ScenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1),
  label: z.string().optional(),
  description: z.string().optional(),
  unit: z.enum(["personen", "uitkeringen"]).default("personen"),
  start_year: year(),
  horizon_years: int(1).max(100, say(() => MSG.maxYears)),
  cycle: CycleSchema.default("month"),
  counting: CountingSchema.default("half"),
  states: atMost(StateSchema, LIMITS.states).min(2, say(() => MSG.atLeastTwoStates)),
  /**
   * The ladder: on-states from the lowest rung (furthest from work) to the highest.
   * Intervention effects "up" and "down" follow it; without it, the order of `states`.
   */
  ladder: atMost(z.string(), LIMITS.states).optional(),
  duration_bands: DurationBandsSchema.optional(),
  /**
   * Counts per state. For an off state with re-inflow, `{"count": n, "left_within_months": k}`
   * places persons who left in the last k months in the matching tunnel months (so they
   * can still return); a plain number starts them as durably off.
   */
  initial: z.record(z.string(), z.union([count(), z.strictObject({ count: count(), left_within_months: months(1) })])),
  transitions: TransitionsSchema,
  inflow: InflowSchema,
  buig: BuigSchema,
  macro: MacroSchema.optional(),
  discount: z
    .strictObject({
      money: upTo(LIMITS.discount, "rate").default(0),
      persons: upTo(LIMITS.discount, "rate").default(0),
      /** "undiscounted": projection year k is divided by (1 + r)^k; "discounted": by (1 + r)^(k + 1). */
      first_year: z.enum(["undiscounted", "discounted"]).default("undiscounted"),
      source,
    })
    .default({ money: 0, persons: 0, first_year: "undiscounted" }),
  interventions: atMost(InterventionSchema, LIMITS.interventions).default([]),
  combinations: atMost(
    z.strictObject({ name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, say(() => MSG.slug("combinations", "beide"))), label: z.string(), interventions: atMost(z.string(), LIMITS.interventions).min(2) }),
    LIMITS.combinations,
  ).default([]),
  references: atMost(ReferenceSchema, LIMITS.references).default([]),
  notes: z.array(z.string()).optional(),
  /** Optional: ages, AOW age and household types for the microsimulation. */
  population: PopulationSchema.optional(),
});

export type InterventionSpec = z.infer<typeof InterventionSchema>;
export type ScenarioFile = z.infer<typeof ScenarioSchema>;
export type StateSpec = z.infer<typeof StateSchema>;
export type EffectTarget = z.infer<typeof EffectTargetSchema>;
export type Cycle = z.infer<typeof CycleSchema>;
export type Counting = z.infer<typeof CountingSchema>;
export type StateKind = z.infer<typeof StateKindSchema>;
export type PopulationSpec = z.infer<typeof PopulationSchema>;
