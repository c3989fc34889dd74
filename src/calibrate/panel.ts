/**
 * Counting a client panel (`client_id,period,state`, one row per client per month) in
 * one pass, line by line, so that a file of any length fits in memory: per client only
 * the first and last observation are kept, plus count tables per month. No rows are
 * stored.
 *
 * What is counted:
 * - a *transition* between two observations of a client in consecutive months (stays,
 *   from = to, included): the data of the maximum-likelihood transition matrix;
 * - a *gap*: two observations of a client more than one month apart. The chain is
 *   broken there: nothing is counted across it (the months in between are unknown);
 * - per month and state the rows observed (the stock), the clients seen for the first
 *   time (inflow, when after the panel's first month) and, at the end, the clients seen
 *   for the last time before the panel's last month (disappearances).
 *
 * Rows of one client must come in period order (any interleaving of clients is fine):
 * sort the file by client and period otherwise. A row that breaks a rule stops the
 * reading with an InputError naming the line, or, with `skipInvalid`, is skipped and
 * counted per reason. Blank lines and repeated header lines are skipped and counted.
 */
import { InputError } from "../model/errors.js";
import type { StateKind } from "../model/schema.js";
import { detectDelimiter, normaliseHeader, splitCsvLine } from "./csv.js";
import { describePeriod, parsePeriod, type PeriodKind } from "./period.js";

export interface PanelState {
  name: string;
  kind: StateKind;
}

export interface PanelOptions {
  /** The panel's file name, for messages. */
  file: string;
  /** The states the panel may contain, in order (from --states or a template); absent: taken from the data. */
  states?: PanelState[];
  /** States whose kind is known although the state list is taken from the data (e.g. the exit state). */
  kinds?: PanelState[];
  /** Skip invalid rows (counted per reason) instead of stopping at the first. */
  skipInvalid?: boolean;
}

/** Rows left out, per reason, with the first line where it happened. */
export interface Skipped {
  reason: string;
  count: number;
  firstLine: number;
  example: string;
}

export interface PanelCounts {
  file: string;
  /** Lines read, data rows (not the header, not blank lines), rows used. */
  lines: number;
  rows: number;
  used: number;
  states: PanelState[];
  periodKind: PeriodKind;
  firstMonth: number;
  lastMonth: number;
  clients: number;
  /** Transitions between consecutive months, m x m row-major (from, to), over the whole panel. */
  transitions: Float64Array;
  /** Transitions by the month they end in. */
  transitionsByMonth: Map<number, Float64Array>;
  /** Rows per month and state. */
  occupancy: Map<number, Float64Array>;
  /** Clients first observed in a month after the panel's first month, by that month and their first state. */
  arrivals: Map<number, Float64Array>;
  /** Clients last observed before the panel's last month (in a state that is not an exit state), by the month after and their last state. */
  disappearances: Map<number, Float64Array>;
  /** Clients observed in one month only. */
  singleObservation: number;
  gaps: number;
  /** Months missing inside gaps, over all clients. */
  gapMonths: number;
  /** Clients with at least one gap. */
  clientsWithGaps: number;
  skipped: Skipped[];
}

/** Growable Int32Array columns of per-client data. */
class Column {
  data = new Int32Array(1024);
  ensure(n: number): void {
    if (n <= this.data.length) return;
    const next = new Int32Array(Math.max(n, this.data.length * 2));
    next.set(this.data);
    this.data = next;
  }
}

const HEADER = ["client_id", "period", "state"] as const;

export class PanelReader {
  private readonly file: string;
  private readonly fixed: boolean;
  private readonly skipInvalid: boolean;
  private readonly states: PanelState[] = [];
  private readonly stateIndex = new Map<string, number>();
  private readonly preKinds = new Map<string, StateKind>();
  private delimiter = ",";
  private columns: number[] | null = null;
  private headerLine = "";
  private periodKind: PeriodKind | null = null;
  private firstPeriodLine = 0;

  private readonly clientIndex = new Map<string, number>();
  private readonly first = new Column();
  private readonly last = new Column();
  private readonly firstState = new Column();
  private readonly lastState = new Column();
  private readonly observations = new Column();
  private readonly flags = new Column(); // bit 0: has a gap

  private lines = 0;
  private rows = 0;
  private used = 0;
  private gaps = 0;
  private gapMonths = 0;
  private readonly skipped = new Map<string, Skipped>();
  /** Counts keyed by month, then by (from * 65536 + to) or state: sized only by what occurs. */
  private readonly moves = new Map<number, Map<number, number>>();
  private readonly stock = new Map<number, Map<number, number>>();

  constructor(options: PanelOptions) {
    this.file = options.file;
    this.fixed = options.states !== undefined;
    this.skipInvalid = options.skipInvalid ?? false;
    for (const s of options.states ?? []) this.addState(s.name, s.kind);
    for (const s of options.kinds ?? []) this.preKinds.set(s.name, s.kind);
  }

  private addState(name: string, kind: StateKind): number {
    const i = this.states.length;
    this.states.push({ name, kind });
    this.stateIndex.set(name, i);
    return i;
  }

  /** Stops at the row, or counts it as skipped (with `skipInvalid`). */
  private reject(line: number, column: string | null, reason: string, message: string, fix: string): void {
    if (!this.skipInvalid) throw new InputError(this.file, column ? `line ${line}, column ${column}` : `line ${line}`, message, fix);
    this.skip(line, reason, message);
  }

  private skip(line: number, reason: string, example: string): void {
    const s = this.skipped.get(reason);
    if (s) s.count++;
    else this.skipped.set(reason, { reason, count: 1, firstLine: line, example });
  }

  private bump(table: Map<number, Map<number, number>>, month: number, key: number): void {
    let t = table.get(month);
    if (!t) table.set(month, (t = new Map()));
    t.set(key, (t.get(key) ?? 0) + 1);
  }

  /** One line of the file (without its line break); `lineNo` is 1-based. */
  feed(text: string, lineNo: number): void {
    this.lines = lineNo;
    const line = text.endsWith("\r") ? text.slice(0, -1) : text;
    if (line.trim() === "") {
      if (this.columns) this.skip(lineNo, "blank line", "blank line");
      return;
    }
    if (!this.columns) {
      this.readHeader(line, lineNo);
      return;
    }
    if (line === this.headerLine) {
      this.skip(lineNo, "repeated header line", "the header line again (files joined together?)");
      return;
    }
    this.rows++;
    const fields = splitCsvLine(line, this.delimiter);
    if (fields === null) {
      this.reject(lineNo, null, "unclosed quote", "has a quote that is not closed", "close the quoted field; a field cannot span lines");
      return;
    }
    const [ci, pi, si] = this.columns;
    if (fields.length <= Math.max(ci, pi, si)) {
      this.reject(lineNo, null, "too few columns", `has ${fields.length} column(s), the header has ${this.headerLine.split(this.delimiter).length}`,
        `give client_id, period and state on every row, separated by "${this.delimiter}"`);
      return;
    }
    const id = fields[ci].trim();
    if (id === "") {
      this.reject(lineNo, HEADER[0], "empty client_id", "client_id is empty", "give every row the client's id");
      return;
    }
    const period = parsePeriod(fields[pi]);
    if ("error" in period) {
      this.reject(lineNo, HEADER[1], "invalid period", `period "${fields[pi].trim()}" ${period.error}`, "write months as 2021-03 (or 202103, or a month number 1, 2, ...)");
      return;
    }
    if (this.periodKind === null) {
      this.periodKind = period.kind;
      this.firstPeriodLine = lineNo;
    } else if (period.kind !== this.periodKind) {
      this.reject(lineNo, HEADER[1], "mixed period formats",
        `period "${fields[pi].trim()}" is a ${period.kind === "index" ? "month number" : "calendar month"}, but line ${this.firstPeriodLine} has a ${this.periodKind === "index" ? "month number" : "calendar month"}`,
        "use one kind of period in the whole file");
      return;
    }
    const stateName = fields[si].trim();
    let s = this.stateIndex.get(stateName);
    if (s === undefined) {
      if (this.fixed || stateName === "") {
        const known = this.states.map((x) => `"${x.name}"`).join(", ");
        this.reject(lineNo, HEADER[2], stateName === "" ? "empty state" : "unknown state", stateName === "" ? "state is empty" : `unknown state "${stateName}"`,
          this.fixed ? `use one of the declared states: ${known} (or add it to --states / the template)` : "give every row a state");
        return;
      }
      s = this.addState(stateName, this.preKinds.get(stateName) ?? "on");
    }
    this.row(id, period.month, s, lineNo);
  }

  private readHeader(line: string, lineNo: number): void {
    this.delimiter = detectDelimiter(line);
    const names = normaliseHeader(splitCsvLine(line, this.delimiter) ?? line.split(this.delimiter));
    const cols = HEADER.map((h) => names.indexOf(h));
    const missing = HEADER.filter((_, k) => cols[k] < 0);
    if (missing.length > 0) {
      throw new InputError(this.file, `line ${lineNo}`, `the header has no column ${missing.map((c) => `"${c}"`).join(", ")} (it has: ${names.map((n) => `"${n}"`).join(", ")})`,
        "start the file with the header line client_id,period,state");
    }
    this.columns = cols;
    this.headerLine = line;
  }

  private row(id: string, month: number, s: number, lineNo: number): void {
    let c = this.clientIndex.get(id);
    if (c === undefined) {
      c = this.clientIndex.size;
      this.clientIndex.set(id, c);
      for (const col of [this.first, this.last, this.firstState, this.lastState, this.observations, this.flags]) col.ensure(c + 1);
      this.first.data[c] = month;
      this.last.data[c] = month;
      this.firstState.data[c] = s;
      this.lastState.data[c] = s;
      this.observations.data[c] = 1;
      this.used++;
      this.bump(this.stock, month, s);
      return;
    }
    const last = this.last.data[c];
    const kind = this.periodKind!;
    if (month === last) {
      this.reject(lineNo, HEADER[1], "duplicate (client, period)", `client "${id}" has a second row for ${describePeriod(month, kind)}`,
        "keep one row per client per month (the state at the end of the month)");
      return;
    }
    if (month < last) {
      this.reject(lineNo, HEADER[1], "period out of order", `client "${id}": ${describePeriod(month, kind)} comes after ${describePeriod(last, kind)}`,
        "sort the file by client_id and period (e.g. `sort -t, -k1,1 -k2,2`), or at least keep each client's rows in period order");
      return;
    }
    const from = this.lastState.data[c];
    if (this.states[from].kind === "exit") {
      if (from === s) {
        this.skip(lineNo, "row after the client's exit", `client "${id}" is still in exit state "${this.states[s].name}" (exit states are absorbing: only the first such row counts)`);
        return;
      }
      this.skip(lineNo, "return from an exit state", `client "${id}" moves out of exit state "${this.states[from].name}" to "${this.states[s].name}": the move is not counted (exit states are absorbing; declare the state kind "off" if people come back)`);
    } else if (month === last + 1) {
      this.bump(this.moves, month, from * 65536 + s);
    } else {
      this.gaps++;
      this.gapMonths += month - last - 1;
      this.flags.data[c] |= 1;
    }
    this.last.data[c] = month;
    this.lastState.data[c] = s;
    this.observations.data[c]++;
    this.used++;
    this.bump(this.stock, month, s);
  }

  /** The counts, after the last line. Throws InputError when the file holds no data. */
  finish(): PanelCounts {
    if (!this.columns) throw new InputError(this.file, "", "is empty", "give a CSV file with the header client_id,period,state and one row per client per month");
    if (this.used === 0) {
      const skippedNote = this.skipped.size > 0 ? ` (${[...this.skipped.values()].reduce((a, s) => a + s.count, 0)} row(s) skipped)` : "";
      throw new InputError(this.file, "", `has a header but no usable data rows${skippedNote}`, "add one row per client per month: client_id,period,state");
    }
    const m = this.states.length;
    const n = this.clientIndex.size;
    let firstMonth = Infinity;
    let lastMonth = -Infinity;
    for (let c = 0; c < n; c++) {
      firstMonth = Math.min(firstMonth, this.first.data[c]);
      lastMonth = Math.max(lastMonth, this.last.data[c]);
    }
    const perMonth = (table: Map<number, Map<number, number>>, size: number, split: (key: number) => number): Map<number, Float64Array> => {
      const out = new Map<number, Float64Array>();
      for (const month of [...table.keys()].sort((a, b) => a - b)) {
        const arr = new Float64Array(size);
        for (const [key, v] of table.get(month)!) arr[split(key)] += v;
        out.set(month, arr);
      }
      return out;
    };
    const transitionsByMonth = perMonth(this.moves, m * m, (key) => Math.floor(key / 65536) * m + (key % 65536));
    const transitions = new Float64Array(m * m);
    for (const arr of transitionsByMonth.values()) arr.forEach((v, k) => (transitions[k] += v));
    const arrivals = new Map<number, Float64Array>();
    const disappearances = new Map<number, Float64Array>();
    const add = (table: Map<number, Float64Array>, month: number, s: number) => {
      let arr = table.get(month);
      if (!arr) table.set(month, (arr = new Float64Array(m)));
      arr[s]++;
    };
    let singleObservation = 0;
    let clientsWithGaps = 0;
    for (let c = 0; c < n; c++) {
      if (this.observations.data[c] === 1) singleObservation++;
      if (this.flags.data[c] & 1) clientsWithGaps++;
      if (this.first.data[c] > firstMonth) add(arrivals, this.first.data[c], this.firstState.data[c]);
      const ls = this.lastState.data[c];
      if (this.last.data[c] < lastMonth && this.states[ls].kind !== "exit") add(disappearances, this.last.data[c] + 1, ls);
    }
    const sorted = (t: Map<number, Float64Array>) => new Map([...t.entries()].sort((a, b) => a[0] - b[0]));
    return {
      file: this.file,
      lines: this.lines,
      rows: this.rows,
      used: this.used,
      states: this.states.map((s) => ({ ...s })),
      periodKind: this.periodKind!,
      firstMonth,
      lastMonth,
      clients: n,
      transitions,
      transitionsByMonth,
      occupancy: perMonth(this.stock, m, (key) => key),
      arrivals: sorted(arrivals),
      disappearances: sorted(disappearances),
      singleObservation,
      gaps: this.gaps,
      gapMonths: this.gapMonths,
      clientsWithGaps,
      skipped: [...this.skipped.values()],
    };
  }
}

/** Feeds a whole text (tests, small files); the CLI streams lines instead. */
export function readPanelText(text: string, options: PanelOptions): PanelCounts {
  const reader = new PanelReader(options);
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  lines.forEach((line, i) => reader.feed(line, i + 1));
  return reader.finish();
}
