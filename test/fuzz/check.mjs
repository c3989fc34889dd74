// Runs one mutant through the compiled CLI in this thread and classifies the result
// (docs/fuzz.md): exit 0 with a complete set of files and only finite numbers, or exit 2
// with one stderr line that says how to fix it and nothing written. Anything else (exit
// 1, a thrown error, a second line, a file left behind) is a defect.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dist = (path) => new URL(`../../dist/${path}`, import.meta.url).href;
const { main } = await import(dist("cli/main.js"));
const { parseResults } = await import(dist("outcomes/results.js"));

/** Runs main(argv) with stdout and stderr captured. */
export async function capture(argv) {
  let out = "";
  let err = "";
  const write = { out: process.stdout.write, err: process.stderr.write };
  process.stdout.write = (chunk) => ((out += String(chunk)), true);
  process.stderr.write = (chunk) => ((err += String(chunk)), true);
  try {
    const code = await main(argv);
    return { code, out, err };
  } catch (e) {
    return { code: "threw", out, err: `${err}${e?.stack ?? e}` };
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
}

/** Every file below dir, relative to it. */
function walk(dir, prefix = "") {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

/** Why an exit-0 run's folder is not a complete, finite result (undefined: it is). */
function badOutput(out, args) {
  if (!existsSync(out)) return "exit 0 but no output folder";
  const files = walk(out);
  const need = ["results.json", "yearly.csv", "states.csv", "transitions.csv", ...(args.includes("--report") ? ["report.html", "results.xlsx", "verkenner.html"] : [])];
  const missing = need.filter((f) => !files.includes(f));
  if (missing.length) return `exit 0 but missing ${missing.join(", ")}`;
  const json = readFileSync(join(out, "results.json"), "utf8");
  try {
    parseResults(json, "results.json");
  } catch (e) {
    return `results.json does not read back: ${String(e?.message ?? e).slice(0, 200)}`;
  }
  for (const f of files.filter((x) => x.endsWith(".csv"))) {
    const bad = /(^|[,;])(-?Infinity|NaN)(?=[,;\n]|$)/m.exec(readFileSync(join(out, f), "utf8"));
    if (bad) return `${f} holds ${bad[2]}`;
  }
  return undefined;
}

/** Why an exit-2 stderr is not one fixable line (undefined: it is). */
function badRefusal(err) {
  if (!err.endsWith("\n") || err.indexOf("\n") !== err.length - 1) return `stderr is not one line: ${JSON.stringify(err.slice(0, 300))}`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(err)) return `stderr holds control characters: ${JSON.stringify(err.slice(0, 300))}`;
  if (!/^bijstandsim: /.test(err)) return `stderr does not start with "bijstandsim: ": ${JSON.stringify(err.slice(0, 200))}`;
  if (!/ Oplossing: |\(zie --help\)/.test(err)) return `no fix in: ${JSON.stringify(err.slice(0, 300))}`;
  if (err.length > 1500) return `stderr line of ${err.length} characters`;
  return undefined;
}

/**
 * Writes the mutant into `dir` (created empty), runs it, classifies: { verdict: "ok" |
 * "refused" | "defect", reason, code, err }.
 */
export async function runMutant(m, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, m.name);
  writeFileSync(file, m.bytes);
  const out = join(dir, "out");
  const r = await capture(["run", file, ...m.args, "--out", out, "--quiet"]);
  const left = readdirSync(dir).filter((f) => f !== m.name && !(r.code === 0 && f === "out"));
  let reason;
  if (r.code === 0) reason = badOutput(out, m.args);
  else if (r.code === 2) reason = badRefusal(r.err);
  else reason = `exit ${r.code}: ${r.err.slice(0, 600)}`;
  if (!reason && left.length) reason = `left behind: ${left.join(", ")}`;
  rmSync(dir, { recursive: true, force: true });
  return { verdict: reason ? "defect" : r.code === 0 ? "ok" : "refused", reason, code: r.code, err: r.err.trim().slice(0, 300) };
}
