/** Normal(mean, sd) cut to [low, high] (drawn by rejection). */
import { MSG } from "../messages.js";
import { errorFunction, probit } from "simple-statistics";
import { z } from "zod";
import { normal as standardNormal } from "../../random/samplers.js";
import { finite, nonNegative, source } from "../fields.js";
import type { DistributionKind } from "./kind.js";

const schema = z
  .strictObject({ type: z.literal("truncnormal"), mean: finite(), sd: nonNegative(), low: finite(), high: finite(), source })
  .refine((d) => d.low < d.high && d.mean >= d.low && d.mean <= d.high, { error: () => MSG.truncnormal, path: ["low"] });
export type Truncnormal = z.infer<typeof schema>;

const phi = (x: number) => 0.5 * (1 + errorFunction(x / Math.SQRT2));

export const truncnormal: DistributionKind<Truncnormal> = {
  type: "truncnormal",
  schema,
  draw(d, rng) {
    for (let i = 0; i < 10000; i++) {
      const x = d.mean + d.sd * standardNormal(rng);
      if (x >= d.low && x <= d.high) return x;
    }
    return d.mean; // the interval holds almost no mass; the mean is inside it
  },
  centre: (d) => d.mean,
  interval95(d) {
    if (d.sd === 0) return [d.mean, d.mean];
    const a = phi((d.low - d.mean) / d.sd);
    const b = phi((d.high - d.mean) / d.sd);
    const at = (q: number) => Math.min(d.high, Math.max(d.low, d.mean + d.sd * probit(a + q * (b - a))));
    return [at(0.025), at(0.975)];
  },
};
