/** Number and text fields shared by the scenario schema and the distribution schemas. */
import { z } from "zod";

export const finite = () =>
  z.number({ error: "must be a number" }).refine(Number.isFinite, "must be a finite number (no NaN or Infinity)");
export const nonNegative = () => finite().refine((v) => v >= 0, "must be 0 or more");
export const positive = (what: string) => finite().refine((v) => v > 0, `${what} must be above 0`);
export const probability = () => finite().refine((v) => v >= 0 && v <= 1, "must be a probability between 0 and 1");
export const int = (min: number) =>
  z.number({ error: "must be a whole number" }).int("must be a whole number").min(min, `must be ${min} or more`);
export const source = z.string().optional();
