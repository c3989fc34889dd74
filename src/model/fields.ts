/** Number and text fields shared by the scenario schema and the distribution schemas. */
import { z } from "zod";
import zodEn from "zod/v4/locales/en.js";
import zodNl from "zod/v4/locales/nl.js";
import { lang } from "../locale/lang.js";
import type { Noun } from "../locale/messages-form.js";
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

export const finite = () =>
  z.number(say(() => MSG.number)).refine(Number.isFinite, say(() => MSG.finite));
export const nonNegative = () => finite().refine((v) => v >= 0, say(() => MSG.nonNegative));
export const positive = (what: Noun) => finite().refine((v) => v > 0, say(() => MSG.positive(what)));
export const probability = () => finite().refine((v) => v >= 0 && v <= 1, say(() => MSG.probability));
export const int = (min: number) =>
  z.number(say(() => MSG.wholeNumber)).int(say(() => MSG.wholeNumber)).min(min, say(() => MSG.minimum(min)));
export const source = z.string().optional();
