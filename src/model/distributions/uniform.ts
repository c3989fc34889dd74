/** Uniform on [low, high]. */
import { MSG } from "../messages.js";
import { z } from "zod";
import { finite, source } from "../fields.js";
import type { DistributionKind } from "./kind.js";

const schema = z
  .strictObject({ type: z.literal("uniform"), low: finite(), high: finite(), source })
  .refine((d) => d.high >= d.low, { error: () => MSG.uniform, path: ["high"] });
export type Uniform = z.infer<typeof schema>;

export const uniform: DistributionKind<Uniform> = {
  type: "uniform",
  schema,
  draw: (d, rng) => d.low + (d.high - d.low) * rng.uniform(),
  centre: (d) => (d.low + d.high) / 2,
  interval95: (d) => [d.low + 0.025 * (d.high - d.low), d.high - 0.025 * (d.high - d.low)],
};
