/**
 * The Dutch (nl-NL) number and time locale for vega, carried inside every Vega-Lite
 * spec as `config.locale`, so a spec renders with Dutch formats wherever it is opened:
 * 1.012 personen, € 12.941.365, € 12,9 mln, "maart 2021". With --lang en the charts
 * carry an English (en-GB) locale instead: 1,012, €12,941,365, €12.9m.
 */
import { lang } from "../locale/lang.js";
import { REPORT } from "../locale/messages-report.js";

/**
 * d3-format locale: decimal comma, thousands point, euro sign before the amount, and the
 * hyphen-minus the tables write (d3's default is U+2212: an axis said € −438.639 where
 * the table beside it said € -438.639).
 */
export const NL_NUMBER_LOCALE = {
  decimal: ",",
  thousands: ".",
  grouping: [3],
  currency: ["€\u00a0", ""],
  minus: "-",
} as const;

/** d3-time-format locale for nl-NL. */
export const NL_TIME_LOCALE = {
  dateTime: "%a %e %B %Y %X",
  date: "%d-%m-%Y",
  time: "%H:%M:%S",
  periods: ["AM", "PM"],
  days: ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"],
  shortDays: ["zo", "ma", "di", "wo", "do", "vr", "za"],
  months: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
  shortMonths: ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
} as const;

export const NL_LOCALE = { number: NL_NUMBER_LOCALE, time: NL_TIME_LOCALE };

/** d3 locales for en-GB. */
export const EN_LOCALE = {
  number: { decimal: ".", thousands: ",", grouping: [3], currency: ["€", ""], minus: "-" },
  time: {
    dateTime: "%a %e %B %Y %X",
    date: "%d/%m/%Y",
    time: "%H:%M:%S",
    periods: ["AM", "PM"],
    days: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    shortDays: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    shortMonths: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  },
};

/** The chart locale of the run's language. */
export const chartLocale = () => (lang() === "en" ? EN_LOCALE : NL_LOCALE);

/** Vega expression: a person count, `1.012`. */
export const PERSONS_FORMAT = ",.0f";

/**
 * Axis properties for euro amounts. Up to a million: `€ 250.000`, `€ −200.000`; from a
 * million on: `€ 12,9 mln` (trailing zeros dropped: `€ 12 mln`, `€ 0,25 mln`). The sign
 * goes where the tables put it: after the euro sign in Dutch (the locale's currency
 * format would write `−€ 200.000`), before it in English (`−€200,000`). The spaces are
 * non-breaking, so an amount never wraps.
 *
 * @example
 * euroAxis(12_941_365); // { labelExpr: "'€\u00a0' + format(datum.value / 1e6, ',.2~f') + '\u00a0mln'" }
 * euroAxis(400_000);    // { labelExpr: "'€\u00a0' + format(datum.value, ',.0f')" }
 */
export function euroAxis(maxAbs: number): { format?: string; labelExpr?: string } {
  const { euro, millions } = euroLabelParts();
  return { labelExpr: maxAbs >= 1e6 ? millions : euro };
}

/**
 * Vega expressions of a euro axis label in the run's language: `euro` for an amount in
 * euros (`€ -250.000`; English `-€250,000`), `millions` for one in millions (`€ -12,9 mln`;
 * `-€12.9m`), the sign where the tables put it.
 */
export function euroLabelParts(): { euro: string; millions: string } {
  if (lang() === "en") {
    // English tables write the sign first (-€1,089,656): so do the axes.
    const sign = "(datum.value < 0 ? '-' : '') + '€'";
    return { euro: `${sign} + format(abs(datum.value), ',.0f')`, millions: `${sign} + format(abs(datum.value) / 1e6, ',.2~f') + 'm'` };
  }
  return { euro: "'€\u00a0' + format(datum.value, ',.0f')", millions: `'€\u00a0' + format(datum.value / 1e6, ',.2~f') + '\u00a0${REPORT.millions}'` };
}
