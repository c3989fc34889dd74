/**
 * The README's worked example ("Your municipality in two commands"), run exactly as
 * written: the shell block is read from README.md, split into words as a shell would,
 * and each `bin/bijstandsim ...` line runs in a fresh folder with the compiled CLI.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./cli-harness.js";

/** Shell words of one command: quotes and backslash-newline continuations, nothing more. */
function words(command: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const m of command.replace(/\\\n/g, " ").matchAll(re)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

describe("README", () => {
  it("runs the worked example exactly as written", async () => {
    const readme = readFileSync("README.md", "utf8");
    const section = readme.slice(readme.indexOf("## Your municipality in two commands"));
    const block = /```sh\n([\s\S]*?)```/.exec(section)![1];
    const commands = block.replace(/\\\n\s*/g, " ").split("\n").filter((l) => l.trim() !== "");
    expect(commands).toHaveLength(2);
    const dir = mkdtempSync(join(tmpdir(), "readme-"));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      for (const c of commands) {
        const [bin, ...args] = words(c);
        expect(bin).toBe("bin/bijstandsim");
        const r = await cli(...args);
        expect(r.code, `${c}\n${r.err}`).toBe(0);
      }
    } finally {
      process.chdir(cwd);
    }
    // The run's own folder, output/meppel/cohort-<date>-<time>/, and `latest` pointing at it (docs/output.md).
    for (const f of ["meppel.json", "output/meppel/latest/yearly.csv", "output/meppel/latest/report.html"]) expect(existsSync(join(dir, f)), f).toBe(true);
    expect(readdirSync(join(dir, "output/meppel")).filter((f) => /^cohort-\d{8}-\d{6}$/.test(f))).toHaveLength(1);
    const html = readFileSync(join(dir, "output/meppel/latest/report.html"), "utf8");
    expect(html).toMatch(/Stresstest tweede golf/);
    const yearly = readFileSync(join(dir, "output/meppel/latest/yearly.csv"), "utf8");
    for (const [v, y] of [[830, 2024], [837, 2025], [848, 2028]]) {
      const got = Number(new RegExp(`^neutraal,baseline,${y},volume_end,([\\d.]+)$`, "m").exec(yearly)![1]);
      expect(Math.abs(got - v), `${y}: ${got}`).toBeLessThanOrEqual(0.5); // as the README rounds
    }
  }, 60_000);
});
