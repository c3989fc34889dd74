/**
 * What an intervention costs and what it saves on the BUIG, per year.
 *
 * cost        = starts x per start + participant-cycles x per cycle (participants at the
 *               start and at the end of each cycle, weighed by the counting convention,
 *               as person-cycles of states are)
 *               + premiums: moves from the traject to work x amount x P(still off
 *                 bijstand `after` cycles later), booked in the cycle they are paid
 * BUIG-effect = expenditure(baseline) - expenditure(variant)
 * net effect  = BUIG-effect - cost (the intervention is paid from another budget)
 */
import type { Model } from "../model/model.js";
import type { Projection } from "../engine/cohort.js";
import { countingWeights } from "../engine/aggregate.js";
import { discounted, type YearlyMoney } from "./buig.js";

export interface YearlyInterventions {
  participants: Float64Array;
  starts: Float64Array;
  prevented: Float64Array;
  cost: Float64Array;
}

/** Probability that someone who entered off-state `d` has not returned after `cycles` cycles. */
export function stillOff(model: Model, d: number, cycles: number): number {
  const profile = model.reinflow[d];
  let s = 1;
  if (profile) for (let k = 0; k < Math.min(cycles, profile.hazard.length); k++) s *= 1 - profile.hazard[k];
  return s;
}

export function interventionsPerYear(model: Model, projection: Projection): YearlyInterventions {
  const Y = model.years;
  const cpy = model.cyclesPerYear;
  const T = projection.cycles;
  const m = model.declared.length;
  const out: YearlyInterventions = {
    participants: new Float64Array(Y),
    starts: new Float64Array(Y),
    prevented: new Float64Array(Y),
    cost: new Float64Array(Y),
  };
  const { participants, participantsEnd, starts, toWork, prevented } = projection.interventions;
  const variant = projection.variant;
  const [wStart, wEnd] = countingWeights(model.counting);
  model.interventions.forEach((_, p) => {
    if (!variant.active[p]) return;
    const costs = variant.costs[p];
    for (let t = 1; t <= T; t++) {
      const y = Math.floor((t - 1) / cpy);
      const k = p * T + t - 1;
      const participantCycles = wStart * participants[k] + wEnd * participantsEnd[k];
      out.participants[y] += participantCycles / cpy;
      out.starts[y] += starts[k];
      out.prevented[y] += prevented[k];
      out.cost[y] += starts[k] * costs.perStart + participantCycles * costs.perParticipantCycle;
      for (const event of costs.events) {
        const paidAt = t + event.afterCycles;
        if (paidAt > T) continue;
        for (let d = 0; d < m; d++) {
          const moved = toWork[k * m + d];
          if (moved > 0) out.cost[Math.floor((paidAt - 1) / cpy)] += moved * event.amount * stillOff(model, d, event.afterCycles);
        }
      }
    }
  });
  return out;
}

export interface YearlyEffect {
  /** Expenditure without the intervention minus expenditure with it: the BUIG result's gain before the vangnet. */
  buigEffect: Float64Array;
  netEffect: Float64Array;
  /**
   * The BUIG result after the vangnet with the intervention minus without it: what the
   * municipality keeps of the BUIG effect. Less than the BUIG effect in a year whose
   * deficit the vangnet compensates in part (half of a euro saved between 7.5% and 12.5%
   * of the budget goes to a smaller compensation) or in full (above 12.5%: nothing kept).
   */
  buigEffectAfterVangnet: Float64Array;
  /** buigEffectAfterVangnet minus the intervention's cost. */
  netEffectAfterVangnet: Float64Array;
  netEffectCumulative: Float64Array;
  /** Net present value of the net effect up to and including each year. */
  netEffectNpv: Float64Array;
}

export function effectVersusBaseline(model: Model, baseline: YearlyMoney, variant: YearlyMoney, costs: YearlyInterventions): YearlyEffect {
  const buigEffect = baseline.expenditure.map((e, y) => e - variant.expenditure[y]);
  const netEffect = buigEffect.map((e, y) => e - costs.cost[y]);
  const buigEffectAfterVangnet = variant.buigResultAfterVangnet.map((r, y) => r - baseline.buigResultAfterVangnet[y]);
  const cumulative = (v: Float64Array) => {
    let s = 0;
    return v.map((x) => (s += x));
  };
  return {
    buigEffect,
    netEffect,
    buigEffectAfterVangnet,
    netEffectAfterVangnet: buigEffectAfterVangnet.map((e, y) => e - costs.cost[y]),
    netEffectCumulative: cumulative(netEffect),
    netEffectNpv: cumulative(discounted(netEffect, model.discount.money, model.discount.firstYear)),
  };
}
