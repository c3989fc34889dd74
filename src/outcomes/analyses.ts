/**
 * What the analyses of an intervention yield (analyses/ computes them), as schemas:
 * results.json carries them, and the CSV writers and the report read these types.
 */
import { z } from "zod";

/**
 * Break-even of one intervention in one macro scenario: the multiplier k on all of its
 * effects together at which the cumulative net effect over the horizon is zero.
 */
export const BreakEvenSchema = z.object({
  scenario: z.string(),
  intervention: z.string(),
  /** Effect multiplier k at which the cumulative net effect is zero (every effect = 1 + k (assumed - 1)); null if none within reach. */
  scale: z.number().nullable(),
  /**
   * Per effect: as assumed, at the joint multiplier k (`breakEven`), and its own
   * break-even with the other effects as assumed (`alone`; equal to breakEven for a
   * single effect).
   */
  effects: z.array(z.object({ label: z.string(), assumed: z.number(), breakEven: z.number().nullable(), alone: z.number().nullable() })),
  netAtAssumed: z.number(),
  netAtBreakEven: z.number().nullable(),
});
export type BreakEven = z.infer<typeof BreakEvenSchema>;

/**
 * One-way sensitivity of the cumulative net effect to one uncertain parameter. A net
 * effect is null where that end of the range is not a valid effect (it would push a
 * probability above 1).
 */
export const SensitivitySchema = z.object({
  scenario: z.string(),
  intervention: z.string(),
  parameter: z.string(),
  low: z.number(),
  high: z.number(),
  base: z.number(),
  netLow: z.number().nullable(),
  netHigh: z.number().nullable(),
  netBase: z.number().nullable(),
});
export type SensitivityRow = z.infer<typeof SensitivitySchema>;

/**
 * Chance of payback of one intervention (or combination) in one macro scenario, over
 * the runs of `--mode psa` (outcomes/payback.ts computes it; docs/uncertainty.md
 * defines it): per year the share of runs whose cumulative net effect is above zero;
 * the share of runs that pay back within the horizon; and the median and 90% interval
 * of the payback year, null where that percentile lies beyond the horizon.
 */
const PaybackCore = {
  years: z.array(z.object({ year: z.number().int(), probability: z.number().min(0).max(1) })).min(1),
  /** Share of the runs that pay back within the horizon (equal to the last year's probability). */
  paidBack: z.number().min(0).max(1),
  paybackYear: z.object({ median: z.number().int().nullable(), p05: z.number().int().nullable(), p95: z.number().int().nullable() }),
};
export const PaybackSchema = z.object({
  scenario: z.string(),
  intervention: z.string(),
  runs: z.number().int().positive(),
  ...PaybackCore,
  /**
   * The same with what the municipality keeps after the vangnet (net_effect_after_vangnet):
   * only where it differs, i.e. where the vangnet compensates a deficit in some draw.
   */
  afterVangnet: z.object(PaybackCore).optional(),
});
export type Payback = z.infer<typeof PaybackSchema>;
