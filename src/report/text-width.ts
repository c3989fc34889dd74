/**
 * Text width in pixels for the chart font (Arial and its metric twins Helvetica and
 * Liberation Sans), from the font's advance widths. Server-side vega has no canvas to
 * measure text and by default guesses 0.8 em per character, which makes legends and
 * axis labels far wider than they are; with real widths, layout and truncation match
 * what a browser shows.
 */

/** Advance widths of Arial / Helvetica regular, in 1/1000 em, for the characters 32..126. */
const ASCII = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space ! " # $ % & ' ( ) * + , - . /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0-9 : ; < = > ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ A-O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P-Z [ \ ] ^ _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` a-o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p-z { | } ~
];
const OTHER: Record<string, number> = { "€": 556, "–": 556, "—": 1000, "−": 584, "…": 1000, "\u00a0": 278, "‘": 222, "’": 222, "“": 333, "”": 333, "◆": 800 };

/**
 * Width in pixels of `text` at `fontSize` px in Arial (bold about 8% wider).
 *
 * @example
 * arialWidth("Tweede golf", 11); // 59.9 (11 px Arial)
 */
export function arialWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    units += c >= 32 && c <= 126 ? ASCII[c - 32] : (OTHER[ch] ?? (/\p{L}/u.test(ch) ? 556 : 600));
  }
  return (units / 1000) * fontSize * (bold ? 1.08 : 1);
}

/** A vega `textMetrics.width` function: the width of an item's text, at most its `limit`. */
export function vegaTextWidth(item: { fontSize?: number; fontWeight?: string | number; limit?: number }, text: unknown): number {
  const s = text == null ? "" : String(text).trim();
  const size = item.fontSize != null ? +item.fontSize || 0 : 11;
  const weight = item.fontWeight;
  const bold = weight === "bold" || weight === "bolder" || (typeof weight === "number" && weight >= 600) || (typeof weight === "string" && Number(weight) >= 600);
  const w = arialWidth(s, size, bold);
  return item.limit != null && item.limit > 0 ? Math.min(w, item.limit) : w;
}
