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
 *
 * Two ways in, one result: `feed` takes a line as a string (the reference path), and
 * `feedBytes` the bytes of a line. feedBytes counts the common rows itself (plain or
 * simply quoted fields, known state, valid period, a client's next month or a gap) and
 * hands every other line, decoded, to `feed`: errors, skips, headers, blank lines, new
 * states and the first period all go through the one string path, so messages and
 * counts cannot differ. Both paths share the client table and the count tables.
 */
import { CAL } from "../locale/messages-calibrate.js";
import type { Err } from "../locale/lang.js";
import { InputError } from "../model/errors.js";
import type { StateKind } from "../model/schema.js";
import { delimiterByte, detectDelimiter, normaliseHeader, splitCsvBytes, splitCsvLine, trimSpan } from "./csv.js";
import { LIMITS } from "../model/limits.js";
import { ByteTable, hashAscii, hashBytes, isAscii, RecentKey, sameBytes } from "./intern.js";
import { MonthCounts } from "./month-counts.js";
import { describePeriod, parsePeriod, parsePeriodBytes, parseYearMonth, type PeriodKind } from "./period.js";

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
  /**
   * Called once, when the first period is read (its kind is then the file's kind): a
   * check that may throw, so that what the period kind decides is refused at the first
   * rows instead of after the whole file.
   */
  onPeriodKind?: (kind: PeriodKind, line: number) => void;
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
const QUOTE = 0x22;

/**
 * Client ids -> 0, 1, 2, ... in order of first appearance. ASCII ids are kept as bytes
 * (looked up from bytes without making a string); other ids by their decoded string, so
 * that ids whose bytes decode to the same text (invalid UTF-8 becomes U+FFFD) are one
 * client, as they are for the string path. An id is ASCII in both forms or in neither.
 */
class ClientIds {
  private readonly ascii = new ByteTable();
  private readonly other = new Map<string, number>();
  /** The id of the previous row looked up from bytes. */
  readonly recent = new RecentKey();
  size = 0;

  /** The index of the id buf[start, end) (trimmed), or ~index (negative) when it is new and was added now. */
  ofBytes(buf: Buffer, start: number, end: number): number {
    if (this.recent.matches(buf, start, end)) return this.recent.value;
    const c = this.lookupBytes(buf, start, end);
    this.recent.remember(buf, start, end, c < 0 ? ~c : c);
    return c;
  }

  private lookupBytes(buf: Buffer, start: number, end: number): number {
    let high = 0;
    for (let i = start; i < end; i++) high |= buf[i];
    if (high > 0x7f) return this.ofString(buf.toString("utf8", start, end));
    const h = hashBytes(buf, start, end);
    const c = this.ascii.get(buf, start, end, h);
    if (c >= 0) return c;
    this.ascii.set(buf, start, end, h, this.size);
    return ~this.size++;
  }

  /** As ofBytes, for an id as text. */
  ofString(id: string): number {
    if (isAscii(id)) {
      const h = hashAscii(id);
      const c = this.ascii.getAscii(id, h);
      if (c >= 0) return c;
      this.ascii.setAscii(id, h, this.size);
      return ~this.size++;
    }
    const c = this.other.get(id);
    if (c !== undefined) return c;
    this.other.set(id, this.size);
    return ~this.size++;
  }
}

export class PanelReader {
  readonly file: string;
  private readonly fixed: boolean;
  private readonly skipInvalid: boolean;
  private readonly states: PanelState[] = [];
  private readonly stateIndex = new Map<string, number>();
  /** Per state: is it an exit state (read per row, so not looked up through states[s].kind). */
  private readonly exit: boolean[] = [];
  private readonly preKinds = new Map<string, StateKind>();
  private readonly onPeriodKind: PanelOptions["onPeriodKind"];
  private delimiter = ",";
  private columns: number[] | null = null;
  private headerLine = "";
  private periodKind: PeriodKind | null = null;
  private firstPeriodLine = 0;

  // The byte path: the delimiter as a byte, the fields it needs, the spans of those fields
  // (reused for every line), and state names as bytes -> state index (a cache of stateIndex).
  private delimiterCode = 0;
  private want = 0;
  private fields = new Int32Array(0);
  private idColumn = -1;
  private periodColumn = -1;
  private stateColumn = -1;
  /** Set by splitPlain: the client id / state is the previous row's (and its span is exact). */
  private idHit = false;
  private stateHit = false;
  /** A DataView of the buffer the last line came in (made again when the buffer changes). */
  private view: DataView = new DataView(new ArrayBuffer(0));
  private viewOf: Buffer | null = null;
  // The previous line, when the byte path counted it: where it is in the buffer, where its
  // period field is (relative to the line), its client and state. See repeatRow.
  private prevLine = -1;
  private prevStart = 0;
  private prevEnd = 0;
  private periodFrom = 0;
  private periodTo = 0;
  private prevClient = 0;
  private prevState = 0;
  private readonly stateBytes = new ByteTable();
  private readonly recentState = new RecentKey();
  /** 1 when the file's periods are month indices, 0 for calendar months (parsePeriodBytes' low bit). */
  private kindBit = -1;

  private readonly clients = new ClientIds();
  private readonly first = new Column();
  private readonly last = new Column();
  private readonly firstState = new Column();
  private readonly lastState = new Column();
  private readonly observations = new Column();
  private readonly flags = new Column(); // bit 0: has a gap

  private lines = 0;
  private rows = 0;
  /** Rows counted by feedBytes itself (the rest went through feed). */
  private bytesCounted = 0;
  private used = 0;
  private gaps = 0;
  private gapMonths = 0;
  private readonly skipped = new Map<string, Skipped>();
  private readonly counts = new MonthCounts();

  constructor(options: PanelOptions) {
    this.file = options.file;
    this.fixed = options.states !== undefined;
    this.skipInvalid = options.skipInvalid ?? false;
    for (const s of options.states ?? []) this.addState(s.name, s.kind);
    for (const s of options.kinds ?? []) this.preKinds.set(s.name, s.kind);
    this.onPeriodKind = options.onPeriodKind;
  }

  private addState(name: string, kind: StateKind): number {
    if (this.states.length >= LIMITS.states) throw new InputError(this.file, "", ...CAL.panelStates(LIMITS.states, JSON.stringify(name)));
    const i = this.states.length;
    this.states.push({ name, kind });
    this.exit.push(kind === "exit");
    this.stateIndex.set(name, i);
    this.counts.reserve(this.states.length);
    return i;
  }

  /** Stops at the row, or counts it as skipped (with `skipInvalid`). */
  private reject(line: number, column: string | null, reason: string, [message, fix]: Err): void {
    if (!this.skipInvalid) throw new InputError(this.file, column ? CAL.lineColumn(line, column) : CAL.line(line), message, fix);
    this.skip(line, reason, message);
  }

  private skip(line: number, reason: string, example: string): void {
    const s = this.skipped.get(reason);
    if (s) s.count++;
    else this.skipped.set(reason, { reason, count: 1, firstLine: line, example });
  }

  /** One line of the file (without its line break); `lineNo` is 1-based. */
  feed(text: string, lineNo: number): void {
    this.lines = lineNo;
    const line = text.endsWith("\r") ? text.slice(0, -1) : text;
    if (line.trim() === "") {
      if (this.columns) this.skip(lineNo, CAL.reasonBlank, CAL.reasonBlank);
      return;
    }
    if (!this.columns) {
      this.readHeader(line, lineNo);
      return;
    }
    if (line === this.headerLine) {
      this.skip(lineNo, CAL.reasonHeaderAgain, CAL.exampleHeaderAgain);
      return;
    }
    this.rows++;
    const fields = splitCsvLine(line, this.delimiter);
    if (fields === null) {
      this.reject(lineNo, null, CAL.reasonQuote, CAL.quote);
      return;
    }
    const [ci, pi, si] = this.columns;
    if (fields.length <= Math.max(ci, pi, si)) {
      this.reject(lineNo, null, CAL.reasonFewColumns, CAL.fewColumns(fields.length, this.headerLine.split(this.delimiter).length, this.delimiter));
      return;
    }
    const id = fields[ci].trim();
    if (id === "") {
      this.reject(lineNo, HEADER[0], CAL.reasonEmptyId, CAL.emptyId);
      return;
    }
    const period = parsePeriod(fields[pi]);
    if ("error" in period) {
      this.reject(lineNo, HEADER[1], CAL.reasonPeriod, CAL.badPeriod(fields[pi].trim(), period.error));
      return;
    }
    if (this.periodKind === null) {
      this.periodKind = period.kind;
      this.firstPeriodLine = lineNo;
      this.kindBit = period.kind === "index" ? 1 : 0;
      this.onPeriodKind?.(period.kind, lineNo);
    } else if (period.kind !== this.periodKind) {
      this.reject(lineNo, HEADER[1], CAL.reasonMixed, CAL.mixedPeriods(fields[pi].trim(), period.kind === "index", this.firstPeriodLine, this.periodKind === "index"));
      return;
    }
    const stateName = fields[si].trim();
    let s = this.stateIndex.get(stateName);
    if (s === undefined) {
      // Bytes that are no UTF-8 (Excel's plain "CSV" is Windows-1252: "Reïntegratie" arrives as "Re\uFFFDntegratie").
      // Checked for a name not seen before only: such a name never enters the index, so a known one needs no check.
      if (stateName.includes("\uFFFD")) {
        this.reject(lineNo, HEADER[2], CAL.reasonEncoding, [CAL.notUtf8(stateName), CAL.notUtf8Fix]);
        return;
      }
      if (this.fixed || stateName === "") {
        const known = this.states.map((x) => `"${x.name}"`).join(", ");
        this.reject(lineNo, HEADER[2], stateName === "" ? CAL.reasonEmptyState : CAL.reasonUnknownState,
          [stateName === "" ? CAL.emptyState : CAL.unknownState(stateName), this.fixed ? CAL.unknownStateFix(known) : CAL.stateFix]);
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
      throw new InputError(this.file, CAL.line(lineNo), ...CAL.panelHeader(missing, names));
    }
    this.columns = cols;
    this.headerLine = line;
    this.delimiterCode = delimiterByte(this.delimiter);
    this.want = Math.max(...cols) + 1;
    this.fields = new Int32Array(2 * this.want);
    this.idColumn = cols[0];
    this.periodColumn = cols[1];
    this.stateColumn = cols[2];
  }

  /**
   * One line of the file as bytes buf[start, end) (without its line break). Counts the
   * line here when it is a plain valid row; otherwise decodes it and calls feed, which
   * decides (see the file comment). Nothing is changed before that decision.
   * Lines come in file order, numbered from 1; a line that directly follows the previous
   * one in the same buffer (one or two line-break bytes between them) must find the
   * previous line's bytes still there, as streamPanel does (repeatRow compares them).
   */
  feedBytes(buf: Buffer, start: number, end: number, lineNo: number): void {
    if (buf !== this.viewOf) {
      this.viewOf = buf;
      this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
      this.prevLine = -1;
    }
    if (this.repeatRow(buf, start, end, lineNo) || this.fastRow(buf, start, end, lineNo)) return;
    this.feed(buf.toString("utf8", start, end), lineNo);
  }

  /**
   * The most common line of a file sorted by client: the previous line again with the next
   * period (same client, same state: ~90% of the rows of a synthetic panel). When this
   * line directly follows the previous line in the buffer (so the previous line's bytes
   * are still there), has its length, and has its bytes everywhere but in the period
   * field, only the period is read: the rest is a line the byte path already checked,
   * and a valid period has only digits and dashes, so the fields split, unquote and trim
   * as before. False (having changed nothing) otherwise, or when the row is not a plain
   * next row.
   */
  private repeatRow(buf: Buffer, start: number, end: number, lineNo: number): boolean {
    const prevStart = this.prevStart;
    // directly after the previous line: one line break ("\n", "\r") or two ("\r\n") between
    // them. The first line after streamPanel moves the unread rest to the buffer's start
    // begins at 0, before the previous line's end: never taken for a repeat.
    const gap = start - this.prevEnd;
    if (lineNo !== this.prevLine + 1 || gap < 1 || gap > 2 || end - start !== this.prevEnd - prevStart) return false;
    const from = this.periodFrom;
    const to = this.periodTo;
    const view = this.view;
    if (!sameBytes(view, start, prevStart, from) || !sameBytes(view, start + to, prevStart + to, end - start - to)) return false;
    const period = to - from === 7 && buf[start + from + 4] === 0x2d ? parseYearMonth(buf, start + from) : parsePeriodBytes(buf, start + from, start + to);
    if (period < 0 || (period & 1) !== this.kindBit) return false;
    const month = (period - this.kindBit) / 2;
    const c = this.prevClient;
    if (month <= this.last.data[c] || this.exit[this.lastState.data[c]]) return false;
    this.nextRow(c, month, this.prevState);
    this.prevLine = lineNo;
    this.prevStart = start;
    this.prevEnd = end;
    this.lines = lineNo;
    this.rows++;
    this.bytesCounted++;
    return true;
  }

  /** Counts buf[start, end) when it is a row the string path would count without a word; else false, having changed nothing. */
  private fastRow(buf: Buffer, start: number, end: number, lineNo: number): boolean {
    // (A repeated header line never passes: its period field reads "period", not a period.)
    if (this.columns === null || this.kindBit < 0) return false;
    const fields = this.fields;
    if (!this.splitPlain(buf, start, end)) {
      this.idHit = this.stateHit = false;
      if (splitCsvBytes(buf, start, end, this.delimiterCode, fields, this.want) < this.want) return false;
    }
    const id = this.idColumn;
    const pc = this.periodColumn;
    const sc = this.stateColumn;
    if (!(this.idHit || trimSpan(buf, fields, id)) || !trimSpan(buf, fields, pc) || !(this.stateHit || trimSpan(buf, fields, sc))) return false;
    const period = parsePeriodBytes(buf, fields[2 * pc], fields[2 * pc + 1]);
    if (period < 0 || (period & 1) !== this.kindBit) return false;
    const s = this.stateHit ? this.recentState.value : this.stateOfBytes(buf, fields[2 * sc], fields[2 * sc + 1]);
    if (s < 0) return false;
    const month = (period - this.kindBit) / 2;
    let c = this.idHit ? this.clients.recent.value : this.clients.ofBytes(buf, fields[2 * id], fields[2 * id + 1]);
    if (c < 0) {
      c = ~c;
      this.newClient(c, month, s);
    } else {
      // a second row for the month, rows out of order, rows after an exit: the string path says so
      if (month <= this.last.data[c] || this.exit[this.lastState.data[c]]) return false;
      this.nextRow(c, month, s);
    }
    this.prevLine = lineNo;
    this.prevStart = start;
    this.prevEnd = end;
    this.periodFrom = fields[2 * pc] - start;
    this.periodTo = fields[2 * pc + 1] - start;
    this.prevClient = c;
    this.prevState = s;
    this.lines = lineNo;
    this.rows++;
    this.bytesCounted++;
    return true;
  }

  /** Rows that feedBytes counted without the string path (for tests and the benchmark). */
  get rowsFromBytes(): number {
    return this.bytesCounted;
  }

  /**
   * Splits a line without quotes into this.fields (the fields up to the last one needed),
   * recognising the previous row's client id and state at the start of their fields so
   * that those bytes are compared once instead of scanned for the delimiter and then
   * looked up (a file sorted by client repeats both on most rows). False when a field
   * starts with a quote, a later field has one, or a needed field is missing: the caller
   * then uses splitCsvBytes.
   */
  private splitPlain(buf: Buffer, start: number, end: number): boolean {
    const d = this.delimiterCode;
    const fields = this.fields;
    const view = this.view;
    this.idHit = this.stateHit = false;
    let p = start;
    for (let f = 0; f < this.want; f++) {
      if (p > end || (p < end && buf[p] === QUOTE)) return false;
      let q = -1;
      if (f === this.idColumn) this.idHit = (q = this.clients.recent.fieldEnd(buf, view, p, end, d)) >= 0;
      else if (f === this.stateColumn) this.stateHit = (q = this.recentState.fieldEnd(buf, view, p, end, d)) >= 0;
      if (q < 0) {
        q = p;
        while (q < end && buf[q] !== d) q++;
      }
      fields[2 * f] = p;
      fields[2 * f + 1] = q;
      p = q + 1;
    }
    for (let i = p; i < end; i++) if (buf[i] === QUOTE) return false;
    return true;
  }

  /** The declared or seen state named by buf[start, end), or -1 (unknown: the string path adds or refuses it). */
  private stateOfBytes(buf: Buffer, start: number, end: number): number {
    if (this.recentState.matches(buf, start, end)) return this.recentState.value;
    const s = this.lookupState(buf, start, end);
    if (s >= 0) this.recentState.remember(buf, start, end, s);
    return s;
  }

  private lookupState(buf: Buffer, start: number, end: number): number {
    const h = hashBytes(buf, start, end);
    const cached = this.stateBytes.get(buf, start, end, h);
    if (cached >= 0) return cached;
    const s = this.stateIndex.get(buf.toString("utf8", start, end));
    if (s === undefined) return -1;
    this.stateBytes.set(buf, start, end, h, s);
    return s;
  }

  private row(id: string, month: number, s: number, lineNo: number): void {
    const found = this.clients.ofString(id);
    if (found < 0) {
      this.newClient(~found, month, s);
      return;
    }
    const c = found;
    const last = this.last.data[c];
    const kind = this.periodKind!;
    if (month === last) {
      this.reject(lineNo, HEADER[1], CAL.reasonDuplicate, CAL.duplicate(id, describePeriod(month, kind)));
      return;
    }
    if (month < last) {
      this.reject(lineNo, HEADER[1], CAL.reasonOrder, CAL.order(id, describePeriod(month, kind), describePeriod(last, kind), this.delimiter));
      return;
    }
    const from = this.lastState.data[c];
    if (this.exit[from]) {
      if (from === s) {
        this.skip(lineNo, CAL.reasonAfterExit, CAL.afterExit(id, this.states[s].name));
        return;
      }
      this.skip(lineNo, CAL.reasonReturn, CAL.returnFromExit(id, this.states[from].name, this.states[s].name));
      this.observe(c, month, s, -1);
      return;
    }
    this.nextRow(c, month, s);
  }

  /** The first row of client c. */
  private newClient(c: number, month: number, s: number): void {
    if (c >= LIMITS.panelClients) throw new InputError(this.file, "", ...CAL.panelClients(LIMITS.panelClients));
    for (const col of [this.first, this.last, this.firstState, this.lastState, this.observations, this.flags]) col.ensure(c + 1);
    this.first.data[c] = month;
    this.last.data[c] = month;
    this.firstState.data[c] = s;
    this.lastState.data[c] = s;
    this.observations.data[c] = 1;
    this.used++;
    this.counts.count(month, s, -1);
  }

  /** A later row of client c, not in an exit state: a transition from the last row's state, or a gap. */
  private nextRow(c: number, month: number, s: number): void {
    const last = this.last.data[c];
    if (month === last + 1) {
      this.observe(c, month, s, this.lastState.data[c]);
      return;
    }
    this.gaps++;
    this.gapMonths += month - last - 1;
    this.flags.data[c] |= 1;
    this.observe(c, month, s, -1);
  }

  /** Client c seen in `month` in state s; with from >= 0 the transition from -> s is counted. */
  private observe(c: number, month: number, s: number, from: number): void {
    this.last.data[c] = month;
    this.lastState.data[c] = s;
    this.observations.data[c]++;
    this.used++;
    this.counts.count(month, s, from);
  }

  /** The counts, after the last line. Throws InputError when the file holds no data. */
  finish(): PanelCounts {
    if (!this.columns) throw new InputError(this.file, "", ...CAL.panelEmpty);
    if (this.used === 0) {
      throw new InputError(this.file, "", ...CAL.panelNoRows([...this.skipped.values()].reduce((a, s) => a + s.count, 0)));
    }
    const m = this.states.length;
    const n = this.clients.size;
    let firstMonth = Infinity;
    let lastMonth = -Infinity;
    for (let c = 0; c < n; c++) {
      firstMonth = Math.min(firstMonth, this.first.data[c]);
      lastMonth = Math.max(lastMonth, this.last.data[c]);
    }
    const transitionsByMonth = this.counts.transitions(m);
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
      occupancy: this.counts.occupancy(m),
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
