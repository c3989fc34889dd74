/** Number and text fields shared by the scenario schema and the distribution schemas; the ceilings are in limits.ts. */
import { z } from "zod";
import zodEn from "zod/v4/locales/en.js";
import zodNl from "zod/v4/locales/nl.js";
import { lang } from "../locale/lang.js";
import type { Ceiling, Noun } from "../locale/messages-form.js";
import { LIMITS } from "./limits.js";
import { MSG } from "./messages.js";

/**
 * A message for a zod check, read when the check fails (not when the schema is built at
 * start-up), so that it comes in the run's language (--lang is read after the import).
 */
export const say = (text: () => string) => ({ error: () => text() });

/** zod's own messages (where the schema gives none) in the run's language too. */
const zodLocales = { nl: zodNl(), en: zodEn() };
z.config({ localeError: (issue) => zodLocales[lang()].localeError(issue) });

/** zod's own message for an issue in the run's language: a message that differs from it is one of ours. */
export const zodMessage = (issue: Parameters<ReturnType<typeof zodEn>["localeError"]>[0]): string | undefined => {
  const m = zodLocales[lang()].localeError(issue);
  return typeof m === "string" ? m : m?.message;
};

/** A finite number of plausible magnitude: not beyond LIMITS.magnitude, and not so close to 0 that 1/x overflows. */
export const finite = () =>
  z
    .number(say(() => MSG.number))
    .refine(Number.isFinite, say(() => MSG.finite))
    .refine((v) => !(Math.abs(v) > LIMITS.magnitude), say(() => MSG.tooLarge(LIMITS.magnitude)))
    .refine((v) => !(v !== 0 && Math.abs(v) < LIMITS.tiny), say(() => MSG.tooTiny));
export const nonNegative = () => finite().refine((v) => v >= 0, say(() => MSG.nonNegative));
export const positive = (what: Noun) => finite().refine((v) => v > 0, say(() => MSG.positive(what)));
export const probability = () => finite().refine((v) => v >= 0 && v <= 1, say(() => MSG.probability));
export const int = (min: number) =>
  z.number(say(() => MSG.wholeNumber)).int(say(() => MSG.wholeNumber)).min(min, say(() => MSG.minimum(min)));
export const source = z.string().optional();

/** 0 up to a ceiling of limits.ts (`what` says in the message what the ceiling is for). */
export const upTo = (max: number, what: Ceiling) => nonNegative().refine((v) => v <= max, say(() => MSG.ceiling(max, what)));
/** Persons. */
export const count = () => upTo(LIMITS.count, "persons");
/** Euros per person, start, month or event. */
export const amount = () => upTo(LIMITS.amount, "amount");
/** A whole number of months from `min` up to LIMITS.months. */
export const months = (min: number) => int(min).max(LIMITS.months, say(() => MSG.ceiling(LIMITS.months, "months100")));
/** A calendar year. */
export const year = () => int(LIMITS.firstYear).max(LIMITS.lastYear, say(() => MSG.ceiling(LIMITS.lastYear, "year")));
/** At most `max` elements. */
export const atMost = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, say(() => MSG.tooMany(max)));
