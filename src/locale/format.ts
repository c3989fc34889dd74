/** Dutch number formats for tables: 1.012 personen, € 12.941.365, 2,5%. (Charts format with the vega locale in locale.ts.) */
const integer = new Intl.NumberFormat("nl-NL", { maximumFractionDigits: 0 });
const euro = new Intl.NumberFormat("nl-NL", { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const formatPersons = (v: number): string => integer.format(Math.round(v) + 0);
export const formatEuro = (v: number): string => euro.format(Math.round(v) + 0);
export const formatPercent = (v: number): string => `${oneDecimal.format(Math.round(v * 1000) / 10 + 0)}%`;
/** A probability as a whole percentage, `34%`; `<1%` and `>99%` where rounding would read as never or certain. */
export function formatChance(p: number): string {
  if (p <= 0) return "0%";
  if (p >= 1) return "100%";
  const pct = Math.round(p * 100);
  return pct === 0 ? "<1%" : pct === 100 ? ">99%" : `${pct}%`;
}
