/**
 * `bijstandsim explore` and the what-if page it writes, as a user meets them: one
 * self-contained file per scenario file (no external resource, no Node import in the
 * script, under 3 MB for the default), one-line errors with exit 2 and nothing written,
 * and `run --report` writing the page next to report.html, which links it only when it
 * belongs to the same scenario file (its SHA-256). Runs the compiled CLI in this process.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeModel } from "../src/explore/codec.js";
import type { PageData } from "../src/explore/data.js";
import { cli } from "./cli-harness.js";
import { loadFile } from "./explore-fixtures.js";

const DEFAULT = "scenarios/steenwijkerland.json";
const tmp = () => mkdtempSync(join(tmpdir(), "bijstandsim-explore-"));
const LINK = '<a href="verkenner.html">verkenner</a>';

/** The page's embedded data. */
function dataOf(html: string): PageData {
  const m = /<script type="application\/json" id="verkenner-gegevens">(.*?)<\/script>/s.exec(html);
  if (!m) throw new Error("no data element");
  return JSON.parse(m[1]) as PageData;
}

describe("bijstandsim explore", () => {
  it("writes one self-contained verkenner.html under 3 MB, with the compiled model inside, and says so in Dutch", async () => {
    const out = join(tmp(), "uit");
    const r = await cli("explore", DEFAULT, "--out", out);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toMatch(/^Verkenner: .*verkenner\.html \(\d+,\d MB\)\. Open het bestand in een browser/);
    expect(readdirSync(out)).toEqual(["verkenner.html"]);
    const file = join(out, "verkenner.html");
    expect(statSync(file).size).toBeLessThan(3 * 1024 * 1024);
    const html = readFileSync(file, "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="nl">/);
    // nothing outside the file: the markup (scripts' contents aside) has no src, no <link>, no url(); two inline scripts
    const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/g, "$1</script>");
    expect(markup.match(/<script\b[^>]*>/g)).toEqual(['<script type="application/json" id="verkenner-gegevens">', "<script>"]);
    expect(markup).not.toMatch(/\ssrc=|<link\b|<iframe\b|<img\b|@import|url\(/i);
    expect(markup.match(/href="[^"]*"/g)).toEqual(['href="#"']);
    // and the script has no Node import left in it
    expect(html).not.toMatch(/\bnode:[a-z]|require\(["']/);
    const data = dataOf(html);
    const text = readFileSync(DEFAULT, "utf8");
    expect(data.text).toBe(text);
    expect(data.file).toBe(DEFAULT);
    expect(decodeModel(data.model)).toStrictEqual(loadFile(DEFAULT).model);
    expect(data.interventions[0]).toMatchObject({ name: "intensieve-begeleiding", capacity: { kind: "coaches", coaches: 2, caseload: 50 }, perStart: 250, perParticipantMonth: 135 });
    expect(html).toContain(`<meta name="bijstandsim-file-hash" content="${data.hash}">`);
  });

  it.each(["drentsche-aa", "groningen", "nederland"])("writes the page for %s too", async (name) => {
    const out = tmp();
    expect((await cli("explore", `scenarios/${name}.json`, "--out", out, "--quiet")).code).toBe(0);
    expect(statSync(join(out, "verkenner.html")).size).toBeLessThan(3 * 1024 * 1024);
  });

  it("refuses a missing file, a broken file and a bad flag with one line and exit 2, writing nothing", async () => {
    const dir = tmp();
    const out = join(dir, "uit");
    const missing = await cli("explore", join(dir, "geen.json"), "--out", out);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^bijstandsim: fout: .*geen\.json: bestand niet gevonden\. Oplossing: .+\n$/);
    const broken = join(dir, "kapot.json");
    writeFileSync(broken, "{ \"name\": ");
    const bad = await cli("explore", broken, "--out", out);
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split("\n")).toHaveLength(1);
    expect(bad.err).toMatch(/^bijstandsim: fout: .*kapot\.json: .*is geen geldige JSON .*Oplossing: /);
    const flag = await cli("explore", DEFAULT, "--uit", out);
    expect(flag.code).toBe(2);
    expect(flag.err).toMatch(/^bijstandsim: fout: onbekende optie '--uit' \(zie --help\)\n$/);
    const file = join(dir, "een-bestand");
    writeFileSync(file, "");
    const notDir = await cli("explore", DEFAULT, "--out", file);
    expect(notDir.code).toBe(2);
    expect(notDir.err).toMatch(/een-bestand: --out: kan hier niet schrijven: een bestand staat in de weg \(EEXIST\)/);
    expect(existsSync(out)).toBe(false);
  });
});

describe("the report's link to the page", () => {
  // run --report writes verkenner.html and report.html links it: the golden fixtures of the runs with
  // --report (groningen-cohort, steenwijkerland-psa, -microsim) hold the link, which report.html gets
  // only when verkenner.html of the same file is in the folder; a plain run and `report` write no page
  // and no link (steenwijkerland-cohort).

  it("invites to what the page can change: capacity and effect only for a file with interventions", async () => {
    const out = join(tmp(), "out");
    expect((await cli("run", "scenarios/nederland.json", "--horizon", "1", "--report", "--out", out, "--quiet")).code).toBe(0);
    const without = readFileSync(join(out, "report.html"), "utf8");
    expect(without).toContain(LINK);
    expect(without).toMatch(/Zelf doorrekenen met andere aannames \(een ander scenario, een kortere horizon\)/);
    expect(without).not.toMatch(/coaches/);
    // a file with interventions (the golden Groningen report, run with --report)
    expect(readFileSync("test/golden/groningen-cohort/report.html", "utf8")).toMatch(/\(een ander scenario, meer coaches, een kleiner effect\)\? Open de <a href="verkenner.html">/);
  });

  it("report does not link a page of another version of the scenario file", async () => {
    const dir = tmp();
    const out = join(dir, "out");
    expect((await cli("run", DEFAULT, "--scenario", "cep-2020", "--horizon", "2", "--out", out, "--quiet")).code).toBe(0);
    const other = join(dir, "ander.json");
    writeFileSync(other, readFileSync(DEFAULT, "utf8").replace('"horizon_years": 4', '"horizon_years": 3'));
    expect((await cli("explore", other, "--out", out, "--quiet")).code).toBe(0);
    expect((await cli("report", out, "--quiet")).code).toBe(0);
    expect(existsSync(join(out, "verkenner.html"))).toBe(true);
    expect(readFileSync(join(out, "report.html"), "utf8")).not.toContain(LINK);
  });
});
