/** Small DOM helpers for the page (browser only). */
import { formatNumber } from "../../locale/format.js";

type Child = Node | string | null | undefined | false;

/** An element with attributes (`class`, `data-*`, ...; `true` sets an empty attribute) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | number | boolean | undefined> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** The element with this id (the page's skeleton has them all). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`element #${id} is missing`);
  return el as T;
}

/** A percentage of the assumed effect, rounded as every number of the tool (locale/format.ts): 50%, 730%. */
export const pct = (k: number): string => `${formatNumber(k * 100, 0)}%`;
