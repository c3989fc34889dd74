/** Lognormal, given by its 95% interval: log X is normal with the interval's log-midpoint as mean. */
import { MSG } from "../messages.js";
import { z } from "zod";
import { normal } from "../../random/samplers.js";
import { positive, source } from "../fields.js";
import { Z975, type DistributionKind } from "./kind.js";

const schema = z
  .strictObject({ type: z.literal("lognormal"), ci95: z.tuple([positive("lower"), positive("upper")]), source })
  .refine((d) => d.ci95[1] >= d.ci95[0], { error: () => MSG.ci95, path: ["ci95"] })
  .refine((d) => d.ci95[0] >= 1e-6 && d.ci95[1] <= 1e6, { error: () => MSG.lognormalRange, path: ["ci95"] });
export type Lognormal = z.infer<typeof schema>;

export const lognormal: DistributionKind<Lognormal> = {
  type: "lognormal",
  schema,
  draw(d, rng) {
    const mu = (Math.log(d.ci95[0]) + Math.log(d.ci95[1])) / 2;
    const sigma = (Math.log(d.ci95[1]) - Math.log(d.ci95[0])) / (2 * Z975);
    return Math.exp(mu + sigma * normal(rng));
  },
  /** The median, the geometric mean of the interval's ends. */
  centre: (d) => Math.sqrt(d.ci95[0] * d.ci95[1]),
  interval95: (d) => d.ci95,
};
