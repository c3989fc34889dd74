/**
 * Uncertainty distributions of parameters, used by the probabilistic runs (draw), the
 * sensitivity analysis (interval95) and compilation (centre: a note when a point value
 * lies far from its distribution). A parameter without one stays fixed.
 *
 * To add a distribution: write a module like normal.ts (schema with a `type` literal,
 * draw, centre, interval95) and list it in KINDS below; nothing else changes.
 */
import { COMPILE } from "../../locale/messages-compile.js";
import { z } from "zod";
import type { Stream } from "../../random/stream.js";
import { beta } from "./beta.js";
import { gamma } from "./gamma.js";
import type { DistributionKind } from "./kind.js";
import { lognormal } from "./lognormal.js";
import { normal } from "./normal.js";
import { truncnormal } from "./truncnormal.js";
import { uniform } from "./uniform.js";

/** In the order the schema tries them (the order of the error messages). */
const KINDS = [lognormal, normal, truncnormal, uniform, beta, gamma] as const;

export const DistributionSchema = z.union([lognormal.schema, normal.schema, truncnormal.schema, uniform.schema, beta.schema, gamma.schema]);
export type Distribution = z.infer<typeof DistributionSchema>;

const byType = new Map<string, DistributionKind<Distribution>>(KINDS.map((k) => [k.type, k as unknown as DistributionKind<Distribution>]));
const kindOf = (d: Distribution): DistributionKind<Distribution> => byType.get(d.type)!;

/** One draw. */
export const draw = (d: Distribution, rng: Stream): number => kindOf(d).draw(d, rng);
/** The centre (median, or mean where that is simpler and close). */
export const centre = (d: Distribution): number => kindOf(d).centre(d);
/** The 2.5% and 97.5% points. */
export const interval95 = (d: Distribution): [number, number] => kindOf(d).interval95(d);

/**
 * A note when a point value and the centre of its distribution differ by more than 5%;
 * one that asks about the unit when the point lies outside the distribution's 95%
 * interval (a monthly benefit against a yearly distribution, a hazard ratio 0.3 written
 * for +30% against an interval around 1.3): the expected-value run and the probabilistic
 * runs then compute with different numbers altogether.
 */
export function centreNote(point: number, d: Distribution | undefined, path: string): string[] {
  if (!d) return [];
  const c = centre(d);
  const scale = Math.max(Math.abs(point), Math.abs(c));
  if (scale === 0 || Math.abs(point - c) <= 0.05 * scale) return [];
  // Only a point off its centre is checked against the interval: a gamma's is found by drawing (empirical.ts), which
  // doubled the time of reading a file when every distribution was checked.
  // A uniform's point at the edge of its range is often meant (a low and a high case): its whole range counts.
  const [lo, hi] = d.type === "uniform" ? [d.low, d.high] : interval95(d);
  const digits = (v: number) => Number(v.toPrecision(4));
  if (point < lo || point > hi) return [COMPILE.outsideInterval(path, point, digits(lo), digits(hi))];
  return [COMPILE.centreNote(path, point, Number(c.toPrecision(4)))];
}
