/**
 * Re-inflow (herinstroom) profiles of off states: cumulative shares back on bijstand
 * after so many months become a hazard per tunnel cycle since leaving.
 */
import { COMPILE } from "../../locale/messages-compile.js";
import type { Reinflow } from "../model.js";
import type { ScenarioFile } from "../schema.js";
import { fail, type Context } from "./context.js";
import { entryShares, type Declared } from "./states.js";

export function compileReinflow(states: ScenarioFile["states"], decl: Declared, ctx: Context): (Reinflow | null)[] {
  return states.map((s, d) => {
    if (!s.reinflow) return null;
    const path = `states[${d}].reinflow`;
    if (s.kind !== "off") fail(ctx, path, ...COMPILE.reinflowOff);
    const pts = s.reinflow.cumulative;
    pts.forEach((p, i) => {
      if (i > 0 && (p.months <= pts[i - 1].months || p.share < pts[i - 1].share)) {
        fail(ctx, `${path}.cumulative[${i}]`, ...COMPILE.reinflowIncrease);
      }
      if (p.share >= 1) fail(ctx, `${path}.cumulative[${i}].share`, ...COMPILE.reinflowBelowOne);
    });
    return { hazard: tunnelHazards(pts, ctx.cycleMonths), to: entryShares(s.reinflow.to, `${path}.to`, decl, ctx) };
  });
}

/**
 * Hazard per tunnel cycle from cumulative return shares, assuming a constant monthly
 * hazard between the given points (piecewise-exponential survival S(t), S(0) = 1).
 * hazard_k = 1 - S(c k) / S(c (k - 1)) for cycle length c months, up to the last point.
 *
 * @example
 * tunnelHazards([{ months: 12, share: 0.2 }], 12); // Float64Array [0.2]
 */
export function tunnelHazards(points: { months: number; share: number }[], cycleMonths: number): Float64Array {
  const survival = (month: number): number => {
    let prevM = 0;
    let prevS = 1;
    for (const p of points) {
      const s = 1 - p.share;
      if (month <= p.months) return prevS * (s / prevS) ** ((month - prevM) / (p.months - prevM));
      prevM = p.months;
      prevS = s;
    }
    return prevS;
  };
  const last = points[points.length - 1].months;
  const k = Math.ceil(last / cycleMonths);
  return Float64Array.from({ length: k }, (_, i) => 1 - survival(Math.min(last, (i + 1) * cycleMonths)) / survival(i * cycleMonths));
}
