/**
 * The compiled CLI for tests: `npm test` runs tsc first, so dist/ holds the same code
 * as src/. Commands run in this process (no Node start-up per call) with their output
 * captured; tests that start worker threads need dist/ anyway, because piscina loads
 * compiled task modules. Only what needs a real process (Ctrl-C, the bin script) spawns.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** URL of a compiled module, e.g. dist("cli/main.js"). */
export function dist(path: string): string {
  const url = new URL(`../dist/${path}`, import.meta.url);
  if (!existsSync(fileURLToPath(url))) throw new Error(`dist/${path} is missing: run npm run build (npm test does)`);
  return url.href;
}

/** A compiled module, typed as its source: fromDist<typeof import("../src/x.js")>("x.js"). */
export async function fromDist<T>(path: string): Promise<T> {
  return (await import(dist(path))) as T;
}

export interface CliResult {
  code: number;
  out: string;
  err: string;
}

/** Runs `bijstandsim <args>` in this process; stdout and stderr are captured, not printed. */
export async function cli(...args: string[]): Promise<CliResult> {
  const { main } = await fromDist<typeof import("../src/cli/main.js")>("cli/main.js");
  let out = "";
  let err = "";
  const write = { out: process.stdout.write, err: process.stderr.write };
  process.stdout.write = ((chunk: string | Uint8Array) => ((out += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((err += String(chunk)), true)) as typeof process.stderr.write;
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
}

/** Runs bin/bijstandsim in a new process (for what only a process shows: the entry script, signals). */
export function cliProcess(...args: string[]): CliResult {
  const r = spawnSync(process.execPath, ["bin/bijstandsim", ...args], { encoding: "utf8" });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/**
 * Starts bin/bijstandsim, waits until its stderr holds `ready`, sends SIGINT, and
 * resolves to the exit code and stderr.
 */
export function interruptWhen(ready: RegExp, ...args: string[]): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["bin/bijstandsim", ...args]);
    let err = "";
    let sent = false;
    child.stderr.on("data", (d) => {
      err += d;
      if (!sent && ready.test(err)) {
        sent = true;
        child.kill("SIGINT");
      }
    });
    child.on("error", reject);
    child.on("exit", (code) => (sent ? resolve({ code, err }) : reject(new Error(`exited (${code}) before ${ready}: ${err}`))));
  });
}
