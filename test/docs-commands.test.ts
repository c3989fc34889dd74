/**
 * The commands of the docs, run as written from a clone: the README's worked example
 * ("Your municipality in two commands") exactly, then every `bin/bijstandsim ...` line of
 * every shell block in README.md and docs/*.md, in order, in one fresh folder that sees
 * the shipped scenarios/ (long ones with a smaller size: --runs, --clients,
 * --persons-scale). Each line is split into words as a shell would and runs with the
 * compiled CLI; each must exit 0.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "./cli-harness.js";

/** Shell words of one command: quotes, backslash-newline continuations and a trailing `# comment`, nothing more. */
function words(command: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(#.*$)|(\S+)/g;
  for (const m of command.replace(/\\\n/g, " ").matchAll(re)) {
    if (m[3] !== undefined) break;
    out.push(m[1] ?? m[2] ?? m[4]);
  }
  return out;
}

/** The `bin/bijstandsim` lines of the shell blocks (```sh, ```bash) of a Markdown file, continuations joined. */
export function shellCommands(markdown: string): string[] {
  const commands: string[] = [];
  let inShell = false;
  let inFence = false;
  for (const line of markdown.replace(/\\\n\s*/g, " ").split("\n")) {
    const fence = /^```(\w*)/.exec(line);
    if (fence) {
      inShell = !inFence && ["sh", "bash", "shell"].includes(fence[1]);
      inFence = !inFence;
      continue;
    }
    const command = line.trim().replace(/^\$ /, "");
    if (inShell && command.startsWith("bin/bijstandsim ")) commands.push(command);
  }
  return commands;
}

/** Smaller sizes for the long examples: the same command, in seconds. */
const REDUCED: Record<string, (v: string) => string> = {
  "--runs": (v) => String(Math.min(Number(v), 4)),
  "--clients": (v) => String(Math.min(Number(v), 700)),
  "--persons-scale": (v) => String(Math.min(Number(v), 2)),
};
const reduce = (args: string[]): string[] => args.map((a, i) => (i > 0 && REDUCED[args[i - 1]] ? REDUCED[args[i - 1]](a) : a));

/** One folder for all examples, as a reader who follows the docs has: later examples use files of earlier ones. */
const dir = mkdtempSync(join(tmpdir(), "docs-commands-"));
symlinkSync(join(process.cwd(), "scenarios"), join(dir, "scenarios"), "dir");
/** The commands run so far (the same example in two places runs once). */
const ran = new Set<string>();

describe("README", () => {
  it("runs the worked example exactly as written", async () => {
    const readme = readFileSync("README.md", "utf8");
    const section = readme.slice(readme.indexOf("## Your municipality in two commands"));
    const block = /```sh\n([\s\S]*?)```/.exec(section)![1];
    const commands = block.replace(/\\\n\s*/g, " ").split("\n").filter((l) => l.trim() !== "");
    expect(commands).toHaveLength(2);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      for (const c of commands) {
        const [bin, ...args] = words(c);
        expect(bin).toBe("bin/bijstandsim");
        const r = await cli(...args);
        expect(r.code, `${c}\n${r.err}`).toBe(0);
        ran.add(args.join(" "));
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

describe("docs", () => {
  it("every bin/bijstandsim command of README.md and docs/*.md runs from a clone", async () => {
    const files = ["README.md", ...readdirSync("docs").filter((f) => f.endsWith(".md")).sort().map((f) => `docs/${f}`)];
    const cwd = process.cwd();
    let count = ran.size;
    process.chdir(dir);
    try {
      for (const file of files) {
        for (const c of shellCommands(readFileSync(join(cwd, file), "utf8"))) {
          const [bin, ...given] = words(c);
          expect(bin, `${file}: ${c}`).toBe("bin/bijstandsim");
          if (given.some((w) => /^<.*>$|^\[/.test(w))) continue; // a synopsis (placeholders), not an example
          const args = reduce(given);
          if (ran.has(args.join(" "))) continue; // the same example in two places: once is enough
          ran.add(args.join(" "));
          // A file an earlier example wrote is written again, as by a reader who starts there.
          const out = args.indexOf("--out");
          if (out >= 0 && /\.(json|csv)$/.test(args[out + 1])) rmSync(args[out + 1], { force: true });
          const r = await cli(...args);
          expect(r.code, `${file}: ${c}\n${r.err}`).toBe(0);
          count++;
        }
      }
    } finally {
      process.chdir(cwd);
    }
    expect(count).toBeGreaterThanOrEqual(15);
    // among them: the shipped file against the calibrated one (README, "Compare runs")
    expect(existsSync(join(dir, "output/vergelijking-begroting-2025-begroting-2026/vergelijking.xlsx"))).toBe(true);
  }, 90_000);
});
