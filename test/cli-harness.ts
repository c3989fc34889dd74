/**
 * The compiled CLI for tests: `npm test` runs tsc first, so dist/ holds the same code
 * as src/. Tests that start worker threads use it, because piscina loads compiled
 * task modules from dist/.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** URL of a compiled module, e.g. dist("cli/main.js"). */
export function dist(path: string): string {
  const url = new URL(`../dist/${path}`, import.meta.url);
  if (!existsSync(fileURLToPath(url))) throw new Error(`dist/${path} is missing: run npm run build (npm test does)`);
  return url.href;
}
