/** Number and text fields shared by the scenario schema and the distribution schemas. */
import { z } from "zod";
import { MSG } from "./messages.js";

export const finite = () =>
  z.number({ error: MSG.number }).refine(Number.isFinite, MSG.finite);
export const nonNegative = () => finite().refine((v) => v >= 0, MSG.nonNegative);
export const positive = (what: string) => finite().refine((v) => v > 0, MSG.positive(what));
export const probability = () => finite().refine((v) => v >= 0 && v <= 1, MSG.probability);
export const int = (min: number) =>
  z.number({ error: MSG.wholeNumber }).int(MSG.wholeNumber).min(min, MSG.minimum(min));
export const source = z.string().optional();
