/** Beta(alpha, beta), for probabilities. */
import { z } from "zod";
import { beta as betaDraw } from "../../random/samplers.js";
import { positive, source } from "../fields.js";
import { empiricalInterval95 } from "./empirical.js";
import type { DistributionKind } from "./kind.js";

const schema = z.strictObject({ type: z.literal("beta"), alpha: positive("alpha"), beta: positive("beta"), source });
export type Beta = z.infer<typeof schema>;

export const beta: DistributionKind<Beta> = {
  type: "beta",
  schema,
  // Both gamma draws can underflow to 0 for tiny alpha and beta (0/0): the draw is then the mean.
  draw: (d, rng) => {
    const x = betaDraw(d.alpha, d.beta, rng);
    return Number.isNaN(x) ? d.alpha / (d.alpha + d.beta) : x;
  },
  centre: (d) => d.alpha / (d.alpha + d.beta),
  interval95: (d) => empiricalInterval95((rng) => betaDraw(d.alpha, d.beta, rng)),
};
