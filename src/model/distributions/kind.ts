/**
 * What every uncertainty distribution provides: its schema (a `type` literal and its
 * parameters), a seeded draw, its centre (the value a point estimate should sit near)
 * and its central 95% interval (the ends of a tornado bar). One module per
 * distribution; index.ts puts them together.
 */
import type { z } from "zod";
import type { Stream } from "../../random/stream.js";

export interface DistributionKind<D extends { type: string }> {
  readonly type: D["type"];
  readonly schema: z.ZodType<D>;
  draw(d: D, rng: Stream): number;
  centre(d: D): number;
  interval95(d: D): [number, number];
}

/** z(0.975): the 95% interval of a normal is mean ± Z975 sd. */
export const Z975 = 1.959963984540054;
