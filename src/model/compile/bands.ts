/** Duration bands on the on-bijstand states: edges, ageing per cycle, outflow multipliers, initial shares. */
import { COMPILE } from "../../locale/messages-compile.js";
import { KIND_ON, type DurationBands } from "../model.js";
import type { ScenarioFile } from "../schema.js";
import { fail, SUM_TOLERANCE, type Context } from "./context.js";
import type { Declared } from "./states.js";

export function compileBands(b: ScenarioFile["duration_bands"], ctx: Context): DurationBands | undefined {
  if (!b) return undefined;
  const nb = b.months.length + 1;
  b.months.forEach((v, i) => {
    if (i > 0 && v <= b.months[i - 1]) fail(ctx, `duration_bands.months[${i}]`, ...COMPILE.bandEdges);
  });
  for (const key of ["outflow_multiplier", "initial_share"] as const) {
    if (b[key].length !== nb) fail(ctx, `duration_bands.${key}`, ...COMPILE.bandValues(b[key].length, nb, b.months.length));
  }
  if (b.labels && b.labels.length !== nb) fail(ctx, "duration_bands.labels", ...COMPILE.bandLabels(b.labels.length, nb));
  const shareSum = b.initial_share.reduce((s, v) => s + v, 0);
  if (Math.abs(shareSum - 1) > SUM_TOLERANCE) fail(ctx, "duration_bands.initial_share", ...COMPILE.bandShares(shareSum));
  const edges = [0, ...b.months];
  // Persons in a band of width w cycles move on with probability 1/w per cycle
  // (exponential ageing: the standard cohort approximation; microsimulation tracks months exactly).
  const aging = Float64Array.from({ length: nb }, (_, i) => (i === nb - 1 ? 0 : Math.min(1, ctx.cycleMonths / (edges[i + 1] - edges[i]))));
  const labels = b.labels ?? edges.map((e, i) => (i === nb - 1 ? `${e / 12}+ jaar` : `${e / 12}-${edges[i + 1] / 12} jaar`));
  return { labels, lowerMonths: edges.slice(0, nb), aging, outflowMultiplier: Float64Array.from(b.outflow_multiplier), initialShare: Float64Array.from(b.initial_share) };
}

/** Band multipliers scale every move out to off and exit states; they must not push a row above 1. */
export function checkBandMultipliers(bands: DurationBands | undefined, base: Float64Array, decl: Declared, ctx: Context): void {
  if (!bands) return;
  const m = decl.states.length;
  for (let d = 0; d < m; d++) {
    if (decl.kind[d] !== KIND_ON) continue;
    let out = 0;
    let ladder = 0;
    for (let j = 0; j < m; j++) {
      if (j === d) continue;
      if (decl.kind[j] !== KIND_ON) out += base[d * m + j];
      else ladder += base[d * m + j];
    }
    bands.outflowMultiplier.forEach((mult, b) => {
      if (ladder + out * mult > 1 + 1e-12) {
        fail(ctx, `duration_bands.outflow_multiplier[${b}]`, ...COMPILE.bandMultiplier(mult, decl.states[d].name, ctx.cycle, (ladder + out * mult).toFixed(4)));
      }
    });
  }
}
