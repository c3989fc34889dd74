// The C yardstick (benchmarks/yardstick/microsim.c): compiled on demand with the
// machine's C compiler into benchmarks/yardstick/build/ (git-ignored), rebuilt when
// the source is newer than the binary. Without a compiler the benchmarks say so and
// print the engine's figures only.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";

const SOURCE = fileURLToPath(new URL("./yardstick/microsim.c", import.meta.url));
const BUILD = fileURLToPath(new URL("./yardstick/build/", import.meta.url));
const BINARY = `${BUILD}microsim`;
// -std=c11 and -ffp-contract=off: no fused multiply-add, or the tables differ from the
// specification's (docs/microsim-v1.md, section 2).
const FLAGS = ["-O3", "-march=native", "-std=c11", "-ffp-contract=off", "-pthread", "-Wall"];

function findCompiler() {
  for (const cc of [process.env.CC, "cc", "gcc", "clang"].filter(Boolean)) {
    const r = spawnSync(cc, ["--version"], { encoding: "utf8" });
    if (r.status === 0) return { cc, version: r.stdout.split("\n")[0].trim() };
  }
  return null;
}

/**
 * Builds the yardstick if needed. Returns { binary, compiler, flags } or
 * { missing: reason } when it cannot be built here.
 */
export function buildYardstick() {
  const compiler = findCompiler();
  if (!compiler) return { missing: "no C compiler (cc, gcc or clang) found" };
  const flags = FLAGS.join(" ");
  if (!existsSync(BINARY) || statSync(BINARY).mtimeMs < statSync(SOURCE).mtimeMs) {
    mkdirSync(BUILD, { recursive: true });
    const r = spawnSync(compiler.cc, [...FLAGS, "-o", BINARY, SOURCE, "-lm"], { encoding: "utf8" });
    if (r.status !== 0) return { missing: `${compiler.cc} failed to build the yardstick: ${(r.stderr || r.error?.message || "").trim()}` };
  }
  return { binary: BINARY, compiler: compiler.version, flags };
}

/**
 * One run of the yardstick: { wall_s, cpu_s, checksum } as the program measures them
 * (the simulation only, tables built before the clock starts).
 */
export function runYardstick(binary, { n, t, method, threads }) {
  const r = spawnSync(binary, ["-n", String(n), "-t", String(t), "-k", method, "-j", String(threads), "-r", "1"], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`C yardstick failed: ${(r.stderr || r.error?.message || "").trim()}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}
