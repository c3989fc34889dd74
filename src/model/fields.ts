/** Number and text fields shared by the scenario schema and the distribution schemas; the ceilings are in limits.ts. */
import { z } from "zod";
import { LIMITS } from "./limits.js";
import { MSG } from "./messages.js";

/** A finite number of plausible magnitude: not beyond LIMITS.magnitude, and not so close to 0 that 1/x overflows. */
export const finite = () =>
  z
    .number({ error: MSG.number })
    .refine(Number.isFinite, MSG.finite)
    .refine((v) => !(Math.abs(v) > LIMITS.magnitude), MSG.tooLarge(LIMITS.magnitude))
    .refine((v) => !(v !== 0 && Math.abs(v) < LIMITS.tiny), MSG.tooTiny);
export const nonNegative = () => finite().refine((v) => v >= 0, MSG.nonNegative);
export const positive = (what: string) => finite().refine((v) => v > 0, MSG.positive(what));
export const probability = () => finite().refine((v) => v >= 0 && v <= 1, MSG.probability);
export const int = (min: number) =>
  z.number({ error: MSG.wholeNumber }).int(MSG.wholeNumber).min(min, MSG.minimum(min));
export const source = z.string().optional();

/** 0 up to a ceiling of limits.ts (`what` says in the message what the ceiling is for). */
export const upTo = (max: number, what: string) => nonNegative().refine((v) => v <= max, MSG.ceiling(max, what));
/** Persons. */
export const count = () => upTo(LIMITS.count, "personen");
/** Euros per person, start, month or event. */
export const amount = () => upTo(LIMITS.amount, "euro per persoon of per keer");
/** A whole number of months from `min` up to LIMITS.months. */
export const months = (min: number) => int(min).max(LIMITS.months, MSG.ceiling(LIMITS.months, "maanden, 100 jaar"));
/** A calendar year. */
export const year = () => int(LIMITS.firstYear).max(LIMITS.lastYear, MSG.ceiling(LIMITS.lastYear, "jaartal"));
/** At most `max` elements. */
export const atMost = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, MSG.tooMany(max));
