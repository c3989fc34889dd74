/**
 * A number a user typed as text, read as a language writes numbers: a box of the what-if
 * page, or a number written as a string in a scenario file (model/issues.ts reads it the
 * Dutch way for the fix it offers). A box of type "number" let the browser read Dutch input its own way: "1.500"
 * (fifteen hundred) became 1.5 and "2,5" coaches became 25, without a word. Here a decimal
 * comma (Dutch) or point (English) is read as such, the other separator only in its whole
 * form ("1.500,5", "1,500.5"), and a number that can be read both ways ("1.500" on the
 * Dutch page) is refused with both readings, as `init` refuses "--benefit-month 1.420".
 * Pure: the page's controls and the scenario-file errors call it; tests call it in Node.
 */
import type { Lang } from "./lang.js";

export type TypedNumber = { value: number } | { ambiguous: { whole: string; decimal: string } } | { notANumber: true };

/** Reads `text` as `lang` writes numbers (spaces between digit groups are allowed). */
export function readTypedNumber(text: string, lang: Lang): TypedNumber {
  const t = text.trim().replace(/[\s\u00a0]/g, "");
  const [decimal, group] = lang === "nl" ? [",", "."] : [".", ","];
  const esc = (c: string) => `\\${c}`;
  // one group separator before three digits: a thousands separator, or three decimals written the other way
  if (new RegExp(`^-?\\d{1,3}${esc(group)}\\d{3}$`).test(t)) return { ambiguous: { whole: t.replace(group, ""), decimal: t.replace(group, decimal) } };
  let plain = t;
  // groups of three with more than one separator (1.500.000), or before a decimal (1.500,5): thousands
  if (new RegExp(`^-?\\d{1,3}((${esc(group)}\\d{3}){2,}|(${esc(group)}\\d{3})+${esc(decimal)}\\d+)$`).test(t)) plain = t.split(group).join("");
  plain = plain.replace(decimal, ".");
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(plain)) return { notANumber: true };
  return { value: Number(plain) };
}

/** A value as the box shows it in the page's language: 2,5 (Dutch), 2.5 (English), no thousands separator. */
export const typedText = (v: number, lang: Lang): string => (lang === "nl" ? String(v).replace(".", ",") : String(v));
