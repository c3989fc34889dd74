/**
 * Streaming a panel file into a PanelReader as bytes: large chunks, lines found with
 * Buffer.indexOf, each line handed to PanelReader.feedBytes (no string per line).
 *
 * Lines end where node's readline (crlfDelay: Infinity) ends them, the reader the
 * command used before, so that line numbers stay what they were: at "\r\n", "\n", or
 * a "\r" alone; a last line without a line break counts when it is not empty.
 * A line may be longer than a chunk (the buffer grows), and a "\r\n" may straddle two
 * chunks. Memory: one chunk buffer, plus the reader's per-client state.
 */
import { CAL } from "../locale/messages-calibrate.js";
import { InputError } from "../model/errors.js";
import type { PanelReader } from "./panel.js";

const LF = 0x0a;
const CR = 0x0d;

/** Bytes read at a time. */
export const CHUNK_BYTES = 1 << 20;

/** The longest line a panel may have (a row is a client, a month and a state: a few dozen bytes). */
export const MAX_LINE_BYTES = 1 << 20;

/** Where splitLines sends each line. */
export interface LineSink {
  line(start: number, end: number): void;
}

/**
 * Calls sink.line(start, end) for every line that ends in buf[from, to) and returns where
 * the unfinished rest begins (to when there is none). With `eof` the rest is the last
 * line. A "\r" as the last byte before `to` is left in the rest unless `eof`: a "\n" may
 * follow.
 */
export function splitLines(buf: Buffer, from: number, to: number, eof: boolean, sink: LineSink): number {
  const view = buf.subarray(0, to); // indexOf must not look past `to`
  let pos = from;
  // The next "\n" and "\r" at or after pos (searched again only once pos has passed them,
  // so that a file of "\r" line breaks is not searched to its end for every line);
  // `to` and -1 when there is none.
  let lf = -1;
  let cr = -2;
  while (pos < to) {
    if (lf < pos) {
      lf = view.indexOf(LF, pos);
      if (lf < 0) lf = to;
    }
    if (cr !== -1 && cr < pos) cr = view.indexOf(CR, pos);
    if (cr !== -1 && cr < lf) {
      if (cr + 1 === to && !eof) return pos;
      sink.line(pos, cr);
      pos = cr + 1 < to && buf[cr + 1] === LF ? cr + 2 : cr + 1;
    } else if (lf < to) {
      sink.line(pos, lf);
      pos = lf + 1;
    } else {
      if (!eof) return pos;
      sink.line(pos, to);
      return to;
    }
  }
  return to;
}

/** Numbers the lines and hands them to the reader (a class, not a closure, so that the per-line call is cheap). */
class ReaderSink implements LineSink {
  lineNo = 0;
  constructor(private readonly reader: PanelReader, public buf: Buffer) {}
  line(start: number, end: number): void {
    this.reader.feedBytes(this.buf, start, end, ++this.lineNo);
  }
}

export interface StreamOptions {
  /** Bytes per read (tests use tiny chunks to cross every boundary). */
  chunkBytes?: number;
  /** Called after every chunk with the bytes read so far. */
  onProgress?: (bytes: number) => void;
}

/**
 * Reads a whole panel through `read` (fill buf[offset, offset + length), resolve with the
 * bytes read, 0 at the end: a file handle's read) into `reader`. The caller calls
 * reader.finish() afterwards.
 *
 * The next chunk is read (into a spare buffer) while the current one is counted, as a
 * stream reads ahead: waiting for each read in turn costs a thread hand-over per chunk,
 * which on a busy machine added seconds to the 448 chunks of a 10-million-row panel.
 * Each chunk is then copied behind the unfinished line left from the one before.
 */
export async function streamPanel(read: (buf: Buffer, offset: number, length: number) => Promise<number>, reader: PanelReader, options: StreamOptions = {}): Promise<void> {
  const size = options.chunkBytes ?? CHUNK_BYTES;
  const spare = Buffer.allocUnsafe(size);
  let next = read(spare, 0, size);
  const sink = new ReaderSink(reader, Buffer.allocUnsafe(2 * size));
  let kept = 0; // bytes of an unfinished line at the start of sink.buf
  let total = 0;
  try {
    for (;;) {
      const n = await next;
      if (kept > MAX_LINE_BYTES) {
        throw new InputError(reader.file, CAL.line(sink.lineNo + 1), ...CAL.panelLineTooLong(MAX_LINE_BYTES / (1 << 20)));
      }
      if (kept + n > sink.buf.length) {
        // a line longer than a chunk: make room for more of it
        const bigger = Buffer.allocUnsafe(Math.max(2 * sink.buf.length, kept + n));
        sink.buf.copy(bigger, 0, 0, kept);
        sink.buf = bigger;
      }
      const buf = sink.buf;
      spare.copy(buf, kept, 0, n);
      if (n > 0) next = read(spare, 0, size);
      total += n;
      const to = kept + n;
      const rest = splitLines(buf, 0, to, n === 0, sink);
      if (n === 0) return;
      buf.copy(buf, 0, rest, to);
      kept = to - rest;
      options.onProgress?.(total);
    }
  } finally {
    // When the reader stops at an error, a read is still under way: let it finish (its
    // outcome no longer matters) before the caller closes the file.
    await next.catch(() => 0);
  }
}
