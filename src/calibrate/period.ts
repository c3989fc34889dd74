/**
 * Periods of a client panel as whole month numbers, so that "the next month" is +1.
 *
 * Accepted: `2021-03`, `2021-3`, `2021-03-01` (the day is ignored), `202103`, and a
 * plain month index (`1`, `36`: up to five digits) for panels without a calendar.
 * A file uses one kind: calendar months or month indices.
 */

import { CAL } from "../locale/messages-calibrate.js";

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
    if (month < 1 || month > 12) return { error: CAL.periodMonth(month) };
    if (m[3] !== undefined && (Number(m[3]) < 1 || Number(m[3]) > 31)) return { error: CAL.periodDay(m[3]) };
    return { month: year * 12 + month - 1, kind: "calendar" };
  }
  m = INDEX.exec(s);
  if (m) return { month: Number(s), kind: "index" };
  return { error: s === "" ? CAL.periodEmpty : CAL.periodWrong };
}

/** `YYYY-MM` of a calendar month number. */
export const formatMonth = (month: number): string => `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;

/** A period as the user wrote its kind: `2021-03` or `month 7`. */
export const describePeriod = (month: number, kind: PeriodKind): string => (kind === "calendar" ? formatMonth(month) : CAL.monthWord(month));

export const yearOf = (month: number): number => Math.floor(month / 12);

/** The digit at buf[i] (0-9), or -1. */
const digit = (buf: Uint8Array, i: number): number => {
  const d = buf[i] - 0x30;
  return d >= 0 && d <= 9 ? d : -1;
};

/** The number written by the digits buf[start, end), or -1 when a byte is not a digit. */
function digits(buf: Uint8Array, start: number, end: number): number {
  let v = 0;
  for (let i = start; i < end; i++) {
    const d = digit(buf, i);
    if (d < 0) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** parsePeriodBytes of the 7 bytes at buf[start] when buf[start + 4] is "-": YYYY-MM, the usual case, small enough to inline. */
export function parseYearMonth(buf: Uint8Array, start: number): number {
  const y = digits(buf, start, start + 4);
  const month = digits(buf, start + 5, start + 7);
  return y >= 0 && month >= 1 && month <= 12 ? (y * 12 + month - 1) * 2 : -1;
}

/**
 * parsePeriod on the bytes of a trimmed field, for the byte parser of the panel: returns
 * month * 2 + (1 for a month index, 0 for a calendar month), or -1 when the bytes are not
 * a valid period (the caller then asks parsePeriod, which says why). Accepts exactly what
 * parsePeriod accepts: the patterns CALENDAR, COMPACT, INDEX in that order, the same checks.
 */
export function parsePeriodBytes(buf: Uint8Array, start: number, end: number): number {
  const len = end - start;
  if (len === 7 && buf[start + 4] === 0x2d) return parseYearMonth(buf, start);
  if (len === 0) return -1;
  if (len <= 6) {
    const v = digits(buf, start, end);
    if (v >= 0) {
      if (len <= 5) return v * 2 + 1; // INDEX
      const month = v % 100; // COMPACT: YYYYMM
      return month >= 1 && month <= 12 ? (((v - month) / 100) * 12 + month - 1) * 2 : -1;
    }
    if (len < 6) return -1;
  }
  // CALENDAR: YYYY-M, YYYY-MM, then optionally -D or -DD
  if (buf[start + 4] !== 0x2d) return -1;
  const year = digits(buf, start, start + 4);
  let i = start + 5;
  let month = digit(buf, i);
  if (year < 0 || month < 0) return -1;
  i++;
  if (i < end && digit(buf, i) >= 0) month = month * 10 + digit(buf, i++);
  if (month < 1 || month > 12) return -1;
  if (i < end) {
    if (buf[i] !== 0x2d || end - i - 1 < 1 || end - i - 1 > 2) return -1;
    const day = digits(buf, i + 1, end);
    if (day < 1 || day > 31) return -1;
  }
  return (year * 12 + month - 1) * 2;
}
