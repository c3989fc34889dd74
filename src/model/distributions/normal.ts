/** Normal(mean, sd). */
import { z } from "zod";
import { normal as standardNormal } from "../../random/samplers.js";
import { finite, nonNegative, source } from "../fields.js";
import { Z975, type DistributionKind } from "./kind.js";

const schema = z.strictObject({ type: z.literal("normal"), mean: finite(), sd: nonNegative(), source });
export type Normal = z.infer<typeof schema>;

export const normal: DistributionKind<Normal> = {
  type: "normal",
  schema,
  draw: (d, rng) => d.mean + d.sd * standardNormal(rng),
  centre: (d) => d.mean,
  interval95: (d) => [d.mean - Z975 * d.sd, d.mean + Z975 * d.sd],
};
