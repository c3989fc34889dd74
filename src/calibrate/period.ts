/**
 * Periods of a client panel as whole month numbers, so that "the next month" is +1.
 *
 * Accepted: `2021-03`, `2021-3`, `2021-03-01` (the day is ignored), `202103`, and a
 * plain month index (`1`, `36`: up to five digits) for panels without a calendar.
 * A file uses one kind: calendar months or month indices.
 */

export type PeriodKind = "calendar" | "index";

export interface Period {
  /** Calendar: year * 12 + (month - 1). Index: the number itself. */
  month: number;
  kind: PeriodKind;
}

const CALENDAR = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/;
const COMPACT = /^(\d{4})(\d{2})$/;
const INDEX = /^\d{1,5}$/;

/** Parses a period, or returns a reason why it is not one. */
export function parsePeriod(text: string): Period | { error: string } {
  const s = text.trim();
  let m = CALENDAR.exec(s) ?? COMPACT.exec(s);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12) return { error: `month ${month} is not 1-12` };
    if (m[3] !== undefined && (Number(m[3]) < 1 || Number(m[3]) > 31)) return { error: `day ${m[3]} is not 1-31` };
    return { month: year * 12 + month - 1, kind: "calendar" };
  }
  m = INDEX.exec(s);
  if (m) return { month: Number(s), kind: "index" };
  return { error: s === "" ? "is empty" : "is not a month such as 2021-03 (or 202103, or a month number)" };
}

/** `YYYY-MM` of a calendar month number. */
export const formatMonth = (month: number): string => `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;

/** A period as the user wrote its kind: `2021-03` or `month 7`. */
export const describePeriod = (month: number, kind: PeriodKind): string => (kind === "calendar" ? formatMonth(month) : `month ${month}`);

export const yearOf = (month: number): number => Math.floor(month / 12);
