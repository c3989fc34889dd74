/** The options of `bijstandsim init` (strings, from flags or from the questions) and the number parser both share. */
import { formatDecimal } from "../locale/format.js";
import { INIT } from "../locale/messages-init.js";
import { InputError } from "../model/errors.js";

/** The options as strings, from flags or from the questions. */
export interface InitOpts {
  name?: string;
  label?: string;
  startYear?: string;
  horizon?: string;
  stock?: string;
  groups?: string;
  groupShares?: string;
  entryShares?: string;
  inflow?: string;
  reinflow?: string;
  outflowWork?: string;
  outflowOther?: string;
  benefitMonth?: string;
  benefitYear?: string;
  lksPersons?: string;
  lksYear?: string;
  budget?: string;
  budgetAfter?: string;
  macro?: string;
  out?: string;
  force?: boolean;
  quiet?: boolean;
  listMacro?: boolean;
}

/** The flags that carry a key figure (any of them means "scripted": no questions). */
export const FIGURE_FLAGS = ["name", "label", "startYear", "horizon", "stock", "groups", "groupShares", "entryShares", "inflow", "reinflow", "outflowWork", "outflowOther", "benefitMonth", "benefitYear", "lksPersons", "lksYear", "budget", "budgetAfter", "macro"] as const;

export const flag = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
export const fail = (key: string, message: string, fix: string): never => {
  throw new InputError(flag(key), "", message, fix);
};

const DUTCH_THOUSANDS = /^[+-]?[1-9]\d{0,2}(\.\d{3})+$/;

/** A number from a flag: plain digits with a decimal point, no thousands separators. */
export function number(key: string, text: string | undefined, opts: { min?: number; above?: number; whole?: boolean; share?: boolean; example?: string } = {}): number {
  const v = Number((text ?? "").trim());
  // "1.420" is how a Dutch user writes 1420; Number() reads 1.42 (a count or an amount in
  // euros with exactly three decimals is not what anyone means; a `share` may have them;
  // a `whole` number, a year or a number of years, has no dot at all: "1.000" is not 1).
  if (text !== undefined && !opts.whole && !opts.share && DUTCH_THOUSANDS.test(text.trim())) {
    const plain = text.trim().replace(/\./g, "");
    fail(key, ...INIT.thousandsDot(text.trim(), Number.isFinite(v) ? formatDecimal(v, String(v).split(".")[1]?.length ?? 0) : undefined, flag(key), plain));
  }
  if (text === undefined || text.trim() === "" || !Number.isFinite(v)) fail(key, ...INIT.notNumber(text ?? "", flag(key)));
  if (opts.whole && (!Number.isInteger(v) || text!.includes("."))) fail(key, ...INIT.notWhole(text!.trim(), flag(key), opts.example ?? "2024"));
  if (opts.min !== undefined && v < opts.min) fail(key, ...INIT.negative(v));
  if (opts.above !== undefined && !(v > opts.above)) fail(key, ...INIT.notAbove(v, opts.above, key === "budget"));
  return v;
}

