/**
 * The byte path of estimate (panel-stream.ts, PanelReader.feedBytes) against the line
 * path it replaced (node's readline, PanelReader.feed): the same counts, skips and
 * errors on the same files, read in chunks of every size; and its byte-level pieces
 * against the string functions they stand in for.
 */
import { describe, expect, it } from "vitest";
import { createReadStream, existsSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { join } from "node:path";
import { PanelReader, type PanelCounts, type PanelOptions } from "../src/calibrate/panel.js";
import { splitLines, streamPanel } from "../src/calibrate/panel-stream.js";
import { splitCsvBytes, splitCsvLine, trimSpan } from "../src/calibrate/csv.js";
import { parsePeriod, parsePeriodBytes, formatMonth } from "../src/calibrate/period.js";
import { ByteTable, hashBytes } from "../src/calibrate/intern.js";
import { checkPeriodKind } from "../src/calibrate/early-checks.js";
import { estimateScenario } from "../src/calibrate/estimate.js";
import { synthPanel } from "../src/calibrate/synth.js";
import { InputError } from "../src/model/errors.js";
import type { Model } from "../src/model/model.js";
import { compile } from "./helpers.js";
import { calibrate, eightState, tmp, writeTmp } from "./calibrate-fixtures.js";

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

type Outcome = { counts: PanelCounts } | { error: string };
/** Rows the byte path counted itself, over all tests (so that agreement is not only the string path agreeing with itself). */
let fromBytes = 0;

/** The old readPanelFile: readline over a UTF-8 stream, one feed per line. */
async function viaLines(file: string, options: PanelOptions): Promise<Outcome> {
  const reader = new PanelReader(options);
  const stream = createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 10 });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) reader.feed(line, ++n);
    return { counts: reader.finish() };
  } catch (err) {
    if (err instanceof InputError) return { error: err.describe() };
    throw err;
  } finally {
    lines.close();
    stream.destroy();
  }
}

/** The byte path over an in-memory file, read `chunk` bytes at a time. */
async function viaBytes(bytes: Buffer, options: PanelOptions, chunk: number): Promise<Outcome> {
  const reader = new PanelReader(options);
  let at = 0;
  const read = async (buf: Buffer, offset: number, length: number) => {
    const n = Math.min(length, bytes.length - at);
    bytes.copy(buf, offset, at, at + n);
    at += n;
    return n;
  };
  try {
    await streamPanel(read, reader, { chunkBytes: chunk });
    return { counts: reader.finish() };
  } catch (err) {
    if (err instanceof InputError) return { error: err.describe() };
    throw err;
  } finally {
    fromBytes += reader.rowsFromBytes;
  }
}

/** Both paths agree on `bytes` for every chunk size given; returns the outcome. */
async function expectSame(bytes: Buffer, options: PanelOptions, chunks = [1, 7, 64, 4096, 1 << 20]): Promise<Outcome> {
  const file = writeTmp("panel.csv", "");
  writeFileSync(file, bytes);
  const expected = await viaLines(file, options);
  for (const chunk of chunks) expect(await viaBytes(bytes, options, chunk), `chunk ${chunk}`).toEqual(expected);
  return expected;
}

const STATES8 = (model: Model) => model.declared.map((d) => ({ name: d.name, kind: d.kind }));

// --- the pieces --------------------------------------------------------------------------

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
    for (let k = 0; k < 2500; k++) {
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
    expect(handled).toBeGreaterThan(1500);
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

  it("splitLines ends lines where readline does (\\n, \\r\\n, a lone \\r), across chunk boundaries", async () => {
    const rnd = random(3);
    for (let k = 0; k < 150; k++) {
      let text = "";
      const n = Math.floor(rnd() * 30);
      for (let i = 0; i < n; i++) text += pick(rnd, ["a", "b", "\n", "\r", "\r\n", "é"]);
      const expected: string[] = [];
      const rl = createInterface({ input: Readable.from([Buffer.from(text)]), crlfDelay: Infinity });
      for await (const line of rl) expected.push(line);
      for (const chunk of [1, 2, 5, 1000]) {
        // the streamPanel loop, with a reader that only records the lines
        const got: string[] = [];
        const recorder = { feedBytes: (buf: Buffer, s: number, e: number, no: number) => got.push(`${no}:${buf.toString("utf8", s, e)}`) } as unknown as PanelReader;
        const bytes = Buffer.from(text);
        let at = 0;
        await streamPanel(async (buf, offset, length) => {
          const m = Math.min(length, bytes.length - at);
          bytes.copy(buf, offset, at, at + m);
          at += m;
          return m;
        }, recorder, { chunkBytes: chunk });
        expect(got, JSON.stringify(text)).toEqual(expected.map((l, i) => `${i + 1}:${l}`));
      }
    }
    // a file of lone "\r" line breaks is not searched to its end for every line
    const lines: number[] = [];
    const big = Buffer.from("x\r".repeat(100000));
    expect(splitLines(big, 0, big.length, true, { line: (s) => lines.push(s) })).toBe(big.length);
    expect(lines).toHaveLength(100000);
  });

  it("streamPanel lets the read under way finish when the reader stops at an error", async () => {
    const reader = new PanelReader({ file: "p.csv" });
    const chunks = [Buffer.from("client_id,period,state\n1,maart,A\n"), Buffer.from("1,2021-02,A\n")];
    let reads = 0;
    let settled = false;
    const read = (buf: Buffer, offset: number) => {
      const k = reads++;
      if (k === 0) return Promise.resolve(chunks[0].copy(buf, offset));
      // the read ahead: fails, and only after the reader has thrown
      return new Promise<number>((_, reject) => setTimeout(() => { settled = true; reject(new Error("EBADF")); }, 20));
    };
    await expect(streamPanel(read, reader, { chunkBytes: 64 })).rejects.toThrow(/periode "maart" is geen maand/);
    expect(settled).toBe(true);
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

// --- whole panels --------------------------------------------------------------------------

/** A synthetic panel's rows as [client, month, state name]. */
function synthRows(model: Model, clients: number, months: number, seed: number, gapRate = 0): [string, number, string][] {
  const names = model.declared.map((d) => d.name);
  return [...synthPanel(model, { clients, months, seed, gapRate })].map((r) => [String(r.client), model.startYear * 12 + r.month, names[r.state]]);
}

interface Style {
  delimiter?: "," | ";";
  eol?: "\n" | "\r\n" | "\r";
  bom?: boolean;
  /** How periods are written. */
  period?: "dash" | "short" | "day" | "compact";
  /** Quote: none, the state only, every field. */
  quote?: "none" | "state" | "all";
  /** Spaces around fields. */
  padded?: boolean;
  /** Columns in another order, with extra columns. */
  shuffled?: boolean;
  /** Rows month by month instead of client by client. */
  byMonth?: boolean;
  /** A final line without a line break. */
  noFinalEol?: boolean;
}

function writePeriod(month: number, style: Style): string {
  const y = Math.floor(month / 12);
  const m = (month % 12) + 1;
  switch (style.period ?? "dash") {
    case "short": return `${y}-${m}`;
    case "day": return `${formatMonth(month)}-01`;
    case "compact": return `${y}${String(m).padStart(2, "0")}`;
    default: return formatMonth(month);
  }
}

function panelText(rows: [string, number | string, string][], style: Style, extraLines: [number, string][] = []): Buffer {
  const d = style.delimiter ?? ",";
  const eol = style.eol ?? "\n";
  const q = (v: string, always: boolean) => (always || v.includes(d) || v.includes('"') ? `"${v.replace(/"/g, '""')}"` : v);
  const pad = (v: string) => (style.padded ? ` ${v}\t` : v);
  const field = (v: string, isState: boolean) => pad(q(v, style.quote === "all" || (isState && style.quote === "state")));
  const line = (id: string, period: string, state: string) =>
    style.shuffled ? [field("x", false), field(state, true), field(id, false), field("y", false), field(period, false)].join(d) : [field(id, false), field(period, false), field(state, true)].join(d);
  const header = style.shuffled ? ["gemeente", "State", "CLIENT_ID", "note", " period "].join(d) : ["client_id", "period", "state"].join(d);
  let ordered = rows;
  if (style.byMonth) ordered = [...rows].sort((a, b) => (typeof a[1] === "number" && typeof b[1] === "number" ? a[1] - b[1] : 0));
  const lines = ordered.map(([id, month, state]) => line(id, typeof month === "number" ? writePeriod(month, style) : month, state));
  for (const [at, text] of extraLines) lines.splice(Math.min(at, lines.length), 0, text);
  let text = (style.bom ? "\uFEFF" : "") + [header, ...lines].join(eol) + (style.noFinalEol ? "" : eol);
  return Buffer.from(text);
}

describe("estimate's byte path gives the line path's result", () => {
  it("on synthetic panels written every way the reader accepts", async () => {
    const model = await compile(eightState());
    const rows = synthRows(model, 100, 14, 4, 0.1);
    const styles: Style[] = [
      {},
      { eol: "\r\n", bom: true },
      { delimiter: ";", quote: "all", eol: "\r\n" },
      { quote: "state", period: "short" },
      { period: "day", padded: true },
      { period: "compact", shuffled: true },
      { byMonth: true, noFinalEol: true },
      { eol: "\r", delimiter: ";", quote: "state", bom: true },
      { shuffled: true, quote: "all", period: "short", byMonth: true },
      { shuffled: true, padded: true, period: "day", eol: "\r\n" },
    ];
    for (const style of styles) {
      for (const options of [{ file: "p.csv" }, { file: "p.csv", states: STATES8(model) }]) {
        const before = fromBytes;
        const out = await expectSame(panelText(rows, style), options, [13, 4096]);
        expect("counts" in out ? out.counts.used : out.error, JSON.stringify(style)).toBe(rows.length);
        // all but each state's first row (the string path adds or finds the state) and the first period
        expect(fromBytes - before, JSON.stringify(style)).toBeGreaterThan(2 * (rows.length - 20));
      }
    }
  });

  it("on state names with the delimiter, quotes, accents and spaces, and ids that are not ASCII", async () => {
    const rows: [string, number, string][] = [];
    const states = ["Trede 1, start", 'Trede "2"', "Tréde 3", " Trede 4 ", "Uit; weg"];
    const ids = ["1", "007", "7", "Ünal", "A\u00a0", "x\u2003y", "1 0"];
    const rnd = random(5);
    for (const id of ids) {
      let state = pick(rnd, states);
      for (let t = 24250; t < 24262; t++) {
        if (rnd() < 0.2) state = pick(rnd, states);
        rows.push([id, t, state]);
      }
    }
    for (const style of [{}, { quote: "all" as const }, { delimiter: ";" as const, eol: "\r\n" as const }, { padded: true, quote: "state" as const }]) {
      const out = await expectSame(panelText(rows, style), { file: "p.csv", skipInvalid: true }, [5, 4096]);
      expect("counts" in out).toBe(true);
    }
  });

  it("on invalid UTF-8: ids whose bytes decode alike are one client; a state that is no UTF-8 is refused alike, naming the encoding", async () => {
    const bytes = Buffer.concat([
      Buffer.from("client_id,period,state\n"),
      Buffer.from([0x41, 0xff]), Buffer.from(",2021-01,S\n"),
      Buffer.from([0x41, 0xfe]), Buffer.from(",2021-02,S\n"), // decodes to the same id as A\xff
      Buffer.from("B,2021-01,S\n"),
      Buffer.from("B,2021-02,S\n"),
      Buffer.from("B,2021-03,S\n"),
    ]);
    const out = await expectSame(bytes, { file: "p.csv" });
    expect("counts" in out && out.counts.clients).toBe(2);
    // Excel's plain CSV (Windows-1252): the state's bytes are no UTF-8, in both readers the same refusal
    const excel = Buffer.concat([Buffer.from("client_id,period,state\nB,2021-01,S\nB,2021-02,"), Buffer.from([0x53, 0xc3]), Buffer.from("\nB,2021-03,"), Buffer.from([0x53, 0xff]), Buffer.from("\n")]);
    const refused = await expectSame(excel, { file: "p.csv" });
    expect(JSON.stringify(refused)).toMatch(/regel 3.*geen UTF-8/);
  });

  it("on every kind of bad row, skipped with --skip-invalid, and stopped at without it", async () => {
    const model = await compile(eightState());
    const rows = synthRows(model, 60, 10, 6);
    const bad: [number, string][] = [
      [3, ""], [5, "   "], [8, "client_id,period,state"], [11, "9999,xx,T1"], [14, ",2021-03,T1"], [17, "9998,2021-03"],
      [20, '9997,2021-03,"T1'], [23, "9996,2021-03,Trede 9"], [26, "9995,2021-03,"], [29, "9994,7,T1"], [31, "1,2021-01,T1"],
      [34, "2,2020-01,T2"], [37, "9993,2021-13,T1"], [40, '9992,"2021-03"x,T1'], [43, '"9991""",2021-03,T2'], [45, "9990,2021-03,Uit"],
      [46, "9990,2021-04,Uit"], [47, "9990,2021-05,T1"], [50, "\u00a0,2021-03,T1"], [53, "9989,2021-03-40,T1"], [56, "9988 , 202104 , T3 "],
      [58, "9987,2021-03,T1"], [59, "9987,2021-03,T1"], [60, "9987,2021-03,T2"], [61, "9987,2021-02,T2"], // a second row for the month, twice; then out of order
      [62, '9986,2021-03,T1,"open'], [63, '9985,2021-03,T1,"a""b",c'], [64, '9985,2021-04,T1,x"y'], // quotes in a column after state
      // lines of the previous line's length and bytes but for the period (the repeat path)
      [65, "9984,2021-03,T1"], [66, "9984,2021-13,T1"], [67, "9984,2021-04,T1"], [68, "9984,2021-04,T1"], [69, "9984,2021,05,T1"],
      [70, '9984,"202105,T1'], [71, "9984,2021-0x,T1"], [72, "9984,2021-06,T1"], [73, "9984,0000-07,T1"], [74, "9984,2021-08,T1"],
    ];
    for (const options of [{ file: "p.csv", skipInvalid: true }, { file: "p.csv", skipInvalid: true, states: STATES8(model) }]) {
      const before = fromBytes;
      const out = await expectSame(panelText(rows, {}, bad), options, [3, 50, 4096]);
      expect(fromBytes - before).toBeGreaterThan(2 * (rows.length - 30));
      expect("counts" in out && out.counts.skipped.length, JSON.stringify(options)).toBeGreaterThan(8);
    }
    // without --skip-invalid: the same error at the same line, for each bad row on its own
    let refused = 0;
    for (const [at, text] of bad) {
      const out = await expectSame(panelText(rows, {}, [[at, text]]), { file: "p.csv", states: STATES8(model) }, [7, 4096]);
      if ("error" in out) {
        expect(out.error).toMatch(/^p\.csv: (regel \d+|heeft|is)/);
        refused++;
      }
    }
    // the other rows are readable (a repeated or skipped month, a trailing field): read alike, counted above
    expect(refused).toBe(18);
  });

  it("on files that are empty, only a header, a header with a missing column, or a BOM only", async () => {
    for (const text of ["", "\uFEFF", "client_id,period,state", "client_id,period,state\r\n", "client_id;period\n1;2021-01\n", "\n\nclient_id,period,state\n1,2021-01,A\n", "\r\r\n"]) {
      const out = await expectSame(Buffer.from(text), { file: "p.csv" }, [1, 3, 4096]);
      // only the file with blank lines before its header holds a client; the others are refused naming the file, by both readers alike
      expect("error" in out ? out.error : "counts", JSON.stringify(text)).toMatch(text.includes("1,2021-01,A") ? /^counts$/ : /^p\.csv: /);
    }
  });
});

// --- refusing early -------------------------------------------------------------------------

describe("what the kind of period decides is refused at the first period", () => {
  const INDEX_PANEL = "client_id,period,state\n1,1,A\n1,2,B\n1,3,A\n2,1,A\n2,2,A\n";

  it("month numbers without --start-year: estimate's own message, thrown while reading the first data row", async () => {
    // the message estimateScenario gives at the end
    let atEnd = "";
    try {
      estimateScenario(countsOf(INDEX_PANEL), { name: "x", disappear: "exit" });
    } catch (err) {
      atEnd = (err as InputError).describe();
    }
    expect(atEnd).toMatch(/maandnummers/);
    const reader = new PanelReader({ file: "p.csv", onPeriodKind: (kind) => checkPeriodKind(kind, { file: "p.csv", series: false }) });
    reader.feed("client_id,period,state", 1);
    let early = "";
    try {
      reader.feed("1,1,A", 2);
    } catch (err) {
      early = (err as InputError).describe();
    }
    expect(early).toBe(atEnd);
    // with a start year, or a template's, there is nothing to refuse
    expect(() => checkPeriodKind("index", { file: "p.csv", startYear: 2024, series: false })).not.toThrow();
    expect(() => checkPeriodKind("index", { file: "p.csv", templateStartYear: 2021, series: false })).not.toThrow();
    expect(() => checkPeriodKind("calendar", { file: "p.csv", series: true })).not.toThrow();
  });

  it("the command stops at the first rows: a bad row further on is never reached", async () => {
    const dir = tmp();
    // line 7 would stop the old command with "invalid period" once it got there
    const file = writeTmp("panel.csv", INDEX_PANEL + "3,maart,A\n", dir);
    let r = await calibrate("estimate", "--panel", file, "--out", join(dir, "out.json"));
    expect(r.code).toBe(2);
    expect(r.err).toBe(`bijstandsim: fout: ${file}: de perioden zijn maandnummers, dus het bestand heeft geen kalenderjaar om de projectie mee te beginnen. Oplossing: geef --start-year JAAR (de stand in de laatste maand van het bestand is de stand eind JAAR - 1)\n`);
    r = await calibrate("estimate", "--panel", file, "--start-year", "2024", "--series", join(dir, "s.csv"), "--out", join(dir, "out.json"));
    expect(r.code).toBe(2);
    expect(r.err).toBe("bijstandsim: fout: --series: de perioden in het bestand zijn maandnummers, dus er zijn geen kalenderjaren om op te tellen. Oplossing: gebruik kalendermaanden (2021-03) in het bestand, of laat --series weg\n");
    expect(existsSync(join(dir, "out.json"))).toBe(false);
  });

  it("a calendar start year before the panel's first month is refused at the end, with the same message: a later client may reach back", async () => {
    const dir = tmp();
    // client 1 starts in 2021-06, client 2 in 2020-11: the panel covers December 2020
    const csv = "client_id,period,state\n1,2021-06,A\n1,2021-07,A\n2,2020-11,A\n2,2020-12,A\n2,2021-01,A\n";
    const file = writeTmp("panel.csv", csv, dir);
    let r = await calibrate("estimate", "--panel", file, "--start-year", "2021", "--out", join(dir, "out.json"));
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    r = await calibrate("estimate", "--panel", file, "--start-year", "2020", "--out", join(dir, "out2.json"));
    expect(r.code).toBe(2);
    expect(r.err).toBe("bijstandsim: fout: --start-year: de projectie begint in 2020, dus is de stand eind 2019 nodig, maar het bestand begint in 2020-11. Oplossing: begin in 2021 of later (--start-year), of gebruik een bestand dat december 2019 bevat\n");
  });

  it("a calendar start year a year or more after the panel's last month is refused: its last stock says nothing of the stock then", async () => {
    const dir = tmp();
    const file = writeTmp("panel.csv", "client_id,period,state\n1,2021-05,A\n1,2021-06,B\n2,2021-05,B\n2,2021-06,A\n", dir);
    expect((await calibrate("estimate", "--panel", file, "--start-year", "2022", "--out", join(dir, "a.json"), "--quiet")).code).toBe(0); // June's stock for December, with a note
    const r = await calibrate("estimate", "--panel", file, "--start-year", "2023", "--out", join(dir, "b.json"));
    expect(r.code).toBe(2);
    expect(r.err).toBe("bijstandsim: fout: --start-year: de projectie begint in 2023, dus is de stand eind 2022 nodig, maar het bestand eindigt in 2021-06. Oplossing: begin uiterlijk in 2022 (--start-year), of geef een bestand dat tot december 2022 loopt\n");
  });
});

/** PanelCounts of a small text through the string path, without checks. */
function countsOf(text: string): PanelCounts {
  const reader = new PanelReader({ file: "p.csv" });
  text.split("\n").filter((l) => l !== "").forEach((l, i) => reader.feed(l, i + 1));
  return reader.finish();
}
