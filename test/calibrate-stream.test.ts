/**
 * The byte-level pieces of the panel reader against the string functions they stand in
 * for: CSV splitting, trimming, periods, and the byte-string table.
 */
import { describe, expect, it } from "vitest";
import { splitCsvBytes, splitCsvLine, trimSpan } from "../src/calibrate/csv.js";
import { parsePeriod, parsePeriodBytes } from "../src/calibrate/period.js";
import { ByteTable, hashBytes } from "../src/calibrate/intern.js";

/** A small seeded generator (mulberry32), so that every run tests the same files. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = <T>(rnd: () => number, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

describe("byte pieces agree with the string functions", () => {
  it("parsePeriodBytes accepts what parsePeriod accepts, with the same month and kind", () => {
    const cases = ["2021-03", "2021-3", "2021-03-01", "2021-3-9", "2021-12-31", "202103", "202112", "1", "36", "007", "99999", "0",
      "2021-13", "2021-00", "2021-03-32", "2021-03-00", "202113", "202100", "123456", "2021-", "2021-03-", "2021-033", "2021-03-011",
      "21-03", "2021/03", "maart", "", "-1", "100000", "1234567", "2021-1x", "2021-003", "0000-01", "9999-12", "2021-03-1x", "２０２１"];
    const rnd = random(1);
    for (let k = 0; k < 3000; k++) {
      let s = "";
      const n = 1 + Math.floor(rnd() * 10);
      for (let i = 0; i < n; i++) s += pick(rnd, ["0", "1", "2", "3", "9", "-", "-", "x"]);
      cases.push(s);
    }
    for (const text of cases) {
      const bytes = Buffer.from(`  ${text} `);
      const got = parsePeriodBytes(bytes, 2, bytes.length - 1);
      const want = parsePeriod(text);
      if ("error" in want) expect(got, text).toBe(-1);
      else expect(got, text).toBe(want.month * 2 + (want.kind === "index" ? 1 : 0));
    }
  });

  it("splitCsvBytes gives splitCsvLine's fields whenever it does not hand the line back", () => {
    const rnd = random(2);
    let handled = 0;
    for (let k = 0; k < 5000; k++) {
      let line = "";
      const n = Math.floor(rnd() * 14);
      for (let i = 0; i < n; i++) line += pick(rnd, ["a", "b", "7", ",", ",", ";", '"', '"', " ", "é"]);
      for (const delimiter of [",", ";"]) {
        const bytes = Buffer.from(line);
        const spans = new Int32Array(8);
        const count = splitCsvBytes(bytes, 0, bytes.length, delimiter.charCodeAt(0), spans, 4);
        const fields = splitCsvLine(line, delimiter);
        if (count < 0) continue;
        handled++;
        expect(fields, line).not.toBeNull();
        expect(count, line).toBe(fields!.length);
        for (let f = 0; f < Math.min(4, count); f++) expect(bytes.toString("utf8", spans[2 * f], spans[2 * f + 1]), line).toBe(fields![f]);
      }
    }
    expect(handled).toBeGreaterThan(3000);
  });

  it("trimSpan trims like String.prototype.trim, or leaves the value to it", () => {
    for (const text of ["a", " a ", "\ta\r", "a b", "", "   ", "\u00a0a", "a\u00a0", "é", " é ", "\uFEFFa", "x\u2003"]) {
      const bytes = Buffer.from(text);
      const spans = new Int32Array([0, bytes.length]);
      if (trimSpan(bytes, spans, 0)) expect(bytes.toString("utf8", spans[0], spans[1]), JSON.stringify(text)).toBe(text.trim());
      else {
        // nothing left, or a non-ASCII character at an edge (trim() decides whether it is a space)
        const ascii = text.replace(/^[\t\n\v\f\r ]+|[\t\n\v\f\r ]+$/g, "");
        expect(ascii === "" || /^[^\x00-\x7f]|[^\x00-\x7f]$/.test(ascii), JSON.stringify(text)).toBe(true);
      }
    }
  });

  it("ByteTable maps byte strings to values and grows", () => {
    const t = new ByteTable();
    const keys = Array.from({ length: 5000 }, (_, i) => Buffer.from(`id-${i * 7919}`));
    keys.forEach((k, i) => t.set(k, 0, k.length, hashBytes(k, 0, k.length), i));
    keys.forEach((k, i) => expect(t.get(k, 0, k.length, hashBytes(k, 0, k.length))).toBe(i));
    const missing = Buffer.from("id-1");
    expect(t.get(missing, 0, missing.length, hashBytes(missing, 0, missing.length))).toBe(-1);
    expect(t.getAscii("id-7919", hashBytes(keys[1], 0, keys[1].length))).toBe(1);
  });
});
