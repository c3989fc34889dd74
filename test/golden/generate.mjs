#!/usr/bin/env node
// Regenerates the golden fixtures (test/golden/<case>/) with the compiled CLI:
// `npm run build && node test/golden/generate.mjs [case ...]` (with the date the tests
// fix, vitest.config.ts: results.json records it). Run it only when an
// output is meant to change, and say in the commit which files changed and why.
import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const { cases } = JSON.parse(readFileSync(new URL("./cases.json", import.meta.url), "utf8"));
const wanted = process.argv.slice(2);

for (const c of cases.filter((x) => wanted.length === 0 || wanted.includes(x.name))) {
  const out = `output/.golden/${c.name}`;
  rmSync(join(root, out), { recursive: true, force: true });
  for (const args of c.commands) {
    const argv = args.map((a) => (a === "$OUT" ? out : a));
    if (argv[0] !== "report") argv.push("--out", out);
    argv.push("--quiet");
    // The day recorded in results.json (meta.date), as vitest.config.ts sets it for the tests.
    const env = { ...process.env, SOURCE_DATE_EPOCH: "1767225600" };
    const r = spawnSync(process.execPath, ["bin/bijstandsim", ...argv], { cwd: root, encoding: "utf8", env });
    if (r.status !== 0) throw new Error(`${c.name}: bijstandsim ${argv.join(" ")} exited ${r.status}: ${r.stderr}`);
  }
  const target = join(root, "test/golden", c.name);
  rmSync(target, { recursive: true, force: true });
  cpSync(join(root, out), target, { recursive: true, filter: (src) => !src.endsWith(".xlsx") && !src.endsWith("verkenner.html") });
  console.log(`${c.name}: written`);
}
