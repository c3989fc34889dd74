/**
 * Plausible ceilings of a scenario file, documented in docs/limits.md. They keep every
 * number the engines compute finite and every array they allocate small enough to
 * build: a file beyond them is refused with one line (exit 2) before any work starts.
 * Each is far above what a municipality, a region or the country needs.
 */
export const LIMITS = {
  /** Any number in the file: larger magnitudes are typing mistakes, and their products overflow. */
  magnitude: 1e15,
  /** The smallest non-zero magnitude (below it, 1/x and x^2 leave the range of doubles). */
  tiny: 1e-300,
  /** Persons: an initial count, a yearly inflow, places, coaches, a caseload, starts per year. */
  count: 1e9,
  /** Observed person-periods behind a transition count or a Dirichlet concentration. */
  observations: 1e12,
  /** Euros per person and period, per start, per participant-month, per event. */
  amount: 1e7,
  /** Euros of a yearly budget (the national BUIG budget is below 1e10). */
  budget: 1e12,
  /** A driver's value (index, rate or level), in magnitude; a non-zero value is at least driverTiny. */
  driver: 1e9,
  driverTiny: 1e-9,
  /** An elasticity of a driver effect, in magnitude. */
  elasticity: 100,
  /** A discount rate per year. */
  discount: 1,
  /** Months: duration and decay of an effect, months since leaving, lags, band edges, the AOW age (100 years). */
  months: 1200,
  /** Years: start_year, base years. */
  firstYear: 1900,
  lastYear: 2200,
  /** Declared states (the matrix root of a yearly matrix is cubic in it). */
  states: 100,
  /** Lists: duration bands, interventions, effects, macro scenarios, drivers, ... */
  bands: 100,
  interventions: 50,
  effects: 20,
  events: 100,
  scenarios: 500,
  drivers: 100,
  macroEffects: 200,
  combinations: 100,
  references: 1000,
  reinflowPoints: 1200,
  households: 50,
  ageBands: 200,
  /** Ages in years. */
  age: 150,
  /** A household type's cost multiplier. */
  multiplier: 1000,
  /** Distinct clients in a client panel (estimate --panel). */
  panelClients: 20_000_000,
  /** States after splitting into duration bands, re-inflow tunnels and intervention layers. */
  compiledStates: 100_000,
} as const;
