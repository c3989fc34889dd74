/**
 * The last check before a run is published: every number in the results is finite.
 * The ceilings of model/limits.ts keep the inputs in range, so a NaN or an infinity
 * here means an input still pushed a product past the range of doubles; the run is
 * refused (exit 2) naming the output field and the input it comes from, instead of
 * writing "NaN" cells or `null` where a number belongs.
 */
import { COMPILE } from "../locale/messages-compile.js";

/** The path (`scenarios[2].years[3].expenditure`) of the first number that is NaN or infinite, if any. */
export function firstNonFinite(value: unknown, path = ""): string | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? undefined : path || "(top level)";
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const arr = value as unknown as ArrayLike<number>;
    for (let i = 0; i < arr.length; i++) if (typeof arr[i] === "number" && !Number.isFinite(arr[i])) return `${path}[${i}]`;
    return undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstNonFinite(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const found = firstNonFinite(v, path ? `${path}.${k}` : k);
      if (found) return found;
    }
  }
  return undefined;
}

/** Which part of a scenario file an output field comes from (for the fix). */
export function inputBehind(path: string): string {
  const field = path.replace(/\[\d+\]/g, "").split(".").pop() ?? "";
  if (/places|starts|participants/.test(field)) return COMPILE.behindCapacity;
  if (/cost|net_effect|buig_effect/.test(field)) return COMPILE.behindCosts;
  if (/expenditure/.test(field)) return COMPILE.behindExpenditure;
  if (/budget|buig_result|vangnet/.test(field)) return COMPILE.behindBudget;
  return COMPILE.behindCounts;
}
