/** The command line's own output: results on stdout, status lines on stderr, and the version. */
import { readFileSync } from "node:fs";

export const VERSION = (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;

export const print = (s = ""): void => void process.stdout.write(s + "\n");

/** A line about what is going on (threads started, ...), on stderr so it never mixes into results. */
export const status = (s: string): void => void process.stderr.write(`bijstandsim: ${s}\n`);
