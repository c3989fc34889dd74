/** The centre (median, or mean where that is simpler and close) of a declared distribution. */
import type { Distribution } from "./schema.js";

export function centre(d: Distribution): number {
  switch (d.type) {
    case "lognormal":
      return Math.sqrt(d.ci95[0] * d.ci95[1]);
    case "normal":
    case "truncnormal":
    case "gamma":
      return d.mean;
    case "uniform":
      return (d.low + d.high) / 2;
    case "beta":
      return d.alpha / (d.alpha + d.beta);
  }
}

/** A note when a point value and the centre of its distribution differ by more than 5%. */
export function centreNote(point: number, d: Distribution | undefined, path: string): string[] {
  if (!d) return [];
  const c = centre(d);
  const scale = Math.max(Math.abs(point), Math.abs(c));
  if (scale === 0 || Math.abs(point - c) <= 0.05 * scale) return [];
  return [`${path}: the point value ${point} and the centre of its distribution (${Number(c.toPrecision(4))}) differ; the expected-value run uses the point value, probabilistic runs the distribution`];
}
