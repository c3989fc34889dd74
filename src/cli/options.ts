/** Option parsers shared by the commands: each refuses a bad value with a line that says what it takes. */
import { InvalidArgumentError, Option } from "commander";
import { CSV_DIALECTS } from "../locale/csv.js";

/** A whole number in [min, max]. */
export const wholeNumber = (name: string, min: number, max = Number.MAX_SAFE_INTEGER) => (value: string): number => {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `of ${min} or more` : `from ${min} to ${max}`;
    throw new InvalidArgumentError(`${name} must be a whole number ${range} (got "${value}").`);
  }
  return n;
};

/** A number above 0. */
export const positiveNumber = (name: string) => (value: string): number => {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a number above 0 (got "${value}").`);
  return n;
};

/** A four-digit year. */
export const year = (name: string) => (value: string): number => {
  if (!/^\d{4}$/.test(value.trim())) throw new InvalidArgumentError(`${name} must be a four-digit year (got "${value}").`);
  return Number(value);
};

/** A number from 0 up to (not including) 1. */
export const probability = (name: string) => (value: string): number => {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n >= 1) throw new InvalidArgumentError(`${name} must be a number from 0 up to (not including) 1 (got "${value}").`);
  return n;
};

/** A repeatable, comma-separated list. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, ...value.split(",").map((s) => s.trim()).filter(Boolean)];

/** `--csv tidy|nl`: the dialect of every CSV file a command writes (locale/csv.ts). */
export const csvOption = (): Option =>
  new Option("--csv <format>", "CSV format: tidy (comma, decimal point) or nl (semicolon, decimal comma, UTF-8 BOM: opens in Dutch Excel with a double-click)")
    .choices(CSV_DIALECTS)
    .default("tidy");
