/** Gamma given by its mean and sd (shape (mean/sd)^2, scale sd^2/mean), for costs and counts. */
import { z } from "zod";
import { gamma as gammaDraw } from "../../random/samplers.js";
import { positive, source } from "../fields.js";
import { MSG } from "../messages.js";
import { empiricalInterval95 } from "./empirical.js";
import type { DistributionKind } from "./kind.js";

/** The shape (mean/sd)^2 within these bounds: a spread far below the mean (a subnormal sd) would make it infinite. */
const SHAPE = [1e-6, 1e12] as const;

const schema = z
  .strictObject({ type: z.literal("gamma"), mean: positive("mean"), sd: positive("sd"), source })
  .refine((d) => (d.mean / d.sd) ** 2 >= SHAPE[0] && (d.mean / d.sd) ** 2 <= SHAPE[1], { error: () => MSG.gammaShape, path: ["sd"] });
export type Gamma = z.infer<typeof schema>;

const draw = (d: Gamma, rng: Parameters<DistributionKind<Gamma>["draw"]>[1]) => (gammaDraw((d.mean / d.sd) ** 2, rng) * (d.sd * d.sd)) / d.mean;

export const gamma: DistributionKind<Gamma> = {
  type: "gamma",
  schema,
  draw,
  centre: (d) => d.mean,
  interval95: (d) => empiricalInterval95((rng) => draw(d, rng)),
};
