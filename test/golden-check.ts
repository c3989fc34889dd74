/**
 * Golden outputs, checked by test/golden.test.ts and test/golden-psa.test.ts: every
 * shipped scenario in cohort, PSA and microsimulation mode, the break-even command and
 * the report, run with the compiled CLI in this process; every file written
 * (results.xlsx aside: a zip, read back cell by cell in report.test.ts) must equal the
 * fixture under test/golden/<case>/ byte for byte. The fixtures were made with
 * `node test/golden/generate.mjs`; an intended change of an output regenerates them in
 * the same commit, so the diff shows what changed.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import golden from "./golden/cases.json" with { type: "json" };
import { dist } from "./cli-harness.js";

/** The probabilistic cases run in test/golden-psa.test.ts, beside these (two files share the two cores). */
export const isPsa = (name: string): boolean => name.endsWith("-psa");

/** Every file below `dir`, relative to it, sorted; workbooks and the what-if page (it inlines the build's browser bundle; test/explore-cli.test.ts checks it) left out. */
function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!name.endsWith(".xlsx") && name !== "verkenner.html") out.push(relative(dir, path));
    }
  };
  walk(dir);
  return out.sort();
}

/** The golden cases whose name passes `which`, as one describe block. */
export function goldenCases(title: string, which: (name: string) => boolean): void {
  describe(title, () => {
    it.each(golden.cases.filter((c) => which(c.name)).map((c) => [c.name, c] as const))("%s", async (name, c) => {
      const { main } = (await import(dist("cli/main.js"))) as { main: (argv: string[]) => Promise<number> };
      const out = `output/.golden/${name}`;
      rmSync(out, { recursive: true, force: true });
      for (const args of c.commands) {
        const argv = args.map((a) => (a === "$OUT" ? out : a));
        if (argv[0] !== "report") argv.push("--out", out);
        expect(await main([...argv, "--quiet"]), argv.join(" ")).toBe(0);
      }
      const fixture = join("test/golden", name);
      expect(existsSync(fixture), `no fixture ${fixture}: run node test/golden/generate.mjs ${name}`).toBe(true);
      expect(files(out)).toEqual(files(fixture));
      for (const f of files(fixture)) {
        const same = readFileSync(join(out, f)).equals(readFileSync(join(fixture, f)));
        expect(same, `${name}/${f} differs from the fixture (diff -r ${out} ${fixture})`).toBe(true);
      }
      rmSync(out, { recursive: true, force: true });
    }, 60_000);
  });
}
