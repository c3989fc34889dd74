/** The command line's own output: results on stdout, status lines on stderr, and the version. */
import { packageManifest } from "../package-files.js";

export const VERSION = packageManifest().version;

export const print = (s = ""): void => void process.stdout.write(s + "\n");

/** A line about what is going on (threads started, ...), on stderr so it never mixes into results. */
export const status = (s: string): void => void process.stderr.write(`bijstandsim: ${s}\n`);

/**
 * The day of a run for results.json, YYYY-MM-DD: today in local time, or the UTC day of
 * SOURCE_DATE_EPOCH (seconds since 1970) when that is set, the reproducible-builds
 * convention, so that a rerun can give byte-identical files (the tests set it).
 *
 * @example
 * runDate({ SOURCE_DATE_EPOCH: "1767225600" }); // "2026-01-01"
 */
export function runDate(env: NodeJS.ProcessEnv = process.env, now = new Date()): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch.trim())) return new Date(Number(epoch) * 1000).toISOString().slice(0, 10);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}
