import type { PersonsPlan } from "./plan.js";

/**
 * Counts layout: occupancy (T+1) x S x H, flows T x (m+1) x m, new inflow T, AOW exits
 * T; for a variant (S: every compiled state, P interventions) also per intervention
 * and cycle: participants (start, end), starts, moves to work by destination (P x T x m)
 * and inflow prevented (the cohort engine's Projection.interventions).
 */
export interface CountsLayout {
  occupancy: number;
  flows: number;
  newInflow: number;
  aowExits: number;
  participants: number;
  participantsEnd: number;
  starts: number;
  toWork: number;
  prevented: number;
  size: number;
}

/** The layout of the baseline's counts (regular states), or with `states` and `interventions` a variant's. */
export function countsLayout(plan: PersonsPlan, states = plan.states, interventions = 0): CountsLayout {
  const T = plan.cycles;
  const P = interventions;
  const occupancy = 0;
  const flows = occupancy + (T + 1) * states * plan.households;
  const newInflow = flows + T * (plan.declared + 1) * plan.declared;
  const aowExits = newInflow + T;
  const participants = aowExits + T;
  const participantsEnd = participants + P * T;
  const starts = participantsEnd + P * T;
  const toWork = starts + P * T;
  const prevented = toWork + P * T * plan.declared;
  return { occupancy, flows, newInflow, aowExits, participants, participantsEnd, starts, toWork, prevented, size: prevented + P * T };
}

/** Where each variant's counts lie after the baseline's in one job's counts. */
export interface JobLayout {
  baseline: CountsLayout;
  variant: CountsLayout;
  variants: number;
  size: number;
}

export function jobLayout(plan: PersonsPlan, compiledStates: number, interventions: number, variants: number): JobLayout {
  const baseline = countsLayout(plan);
  const variant = countsLayout(plan, compiledStates, interventions);
  return { baseline, variant, variants, size: baseline.size + variants * variant.size };
}

/** Variant k's counts (k = 0: the baseline's) within one job's counts. */
export function countsOf(layout: JobLayout, counts: Float64Array, k: number): Float64Array {
  if (k === 0) return counts.subarray(0, layout.baseline.size);
  const at = layout.baseline.size + (k - 1) * layout.variant.size;
  return counts.subarray(at, at + layout.variant.size);
}
