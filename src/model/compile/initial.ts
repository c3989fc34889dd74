/** The initial occupancy per compiled state. */
import { COMPILE } from "../../locale/messages-compile.js";
import type { DurationBands, Reinflow } from "../model.js";
import type { ScenarioFile } from "../schema.js";
import { fail, type Context } from "./context.js";
import type { Layout } from "./layout.js";
import type { Declared } from "./states.js";

export function compileInitial(initial: ScenarioFile["initial"], decl: Declared, layout: Layout, bands: DurationBands | undefined, reinflow: readonly (Reinflow | null)[], ctx: Context): Float64Array {
  const out = new Float64Array(layout.states.length);
  const { entryOf } = layout;
  for (const [name, value] of Object.entries(initial)) {
    const d = decl.index(name, `initial.${name}`);
    const count = typeof value === "number" ? value : value.count;
    const profile = reinflow[d];
    if (typeof value !== "number") {
      if (!profile) fail(ctx, `initial.${name}`, ...COMPILE.leftWithin);
      spreadRecentLeavers(out, entryOf[d], profile!.hazard, count, Math.ceil(value.left_within_months / ctx.cycleMonths));
    } else if (decl.states[d].kind === "on" && bands) bands.initialShare.forEach((share, b) => (out[entryOf[d] + b] += count * share));
    else if (profile) out[entryOf[d] + profile.hazard.length] += count; // already durably off
    else out[entryOf[d]] += count;
  }
  return out;
}

/**
 * Persons who left bijstand in the last k cycles at a steady rate and have not come back:
 * those who left j cycles ago (j = 1..k) are still off with probability S(j - 1), so the
 * count is spread over tunnel cycles 1..k in proportion to that survival. Past the end of
 * the tunnel they are durably off.
 */
export function spreadRecentLeavers(initial: Float64Array, first: number, hazard: Float64Array, count: number, k: number): void {
  const weights = new Float64Array(k);
  let survival = 1;
  for (let j = 0; j < k; j++) {
    weights[j] = survival;
    if (j < hazard.length) survival *= 1 - hazard[j];
  }
  const total = weights.reduce((a, b) => a + b, 0);
  weights.forEach((w, j) => (initial[first + Math.min(j, hazard.length)] += (count * w) / total));
}
