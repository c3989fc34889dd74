/**
 * Reading an input file as text, bounded: at most `maxBytes` are read (so /dev/zero, a
 * pipe that never ends or a huge file is refused, not swallowed), and a file that is
 * not text is named as what it is (UTF-16, binary) instead of being echoed raw.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { INPUT, type InputFileKind } from "../locale/messages-cli.js";
import { InputError } from "../model/errors.js";

/** The kinds of file read whole, as the messages name them (locale/messages-cli.ts). */
export type FileKind = InputFileKind;
const T = INPUT;

/** Size limits of the files the tool reads whole (a client panel is streamed and has none). */
export const INPUT_LIMITS = {
  scenario: 32 * 1024 * 1024,
  series: 64 * 1024 * 1024,
} as const;

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** What the first bytes of a file say it is, when it is not UTF-8 text. */
export function sniff(bytes: Uint8Array): { what: string; fix: (kind: FileKind) => string } | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { what: T.utf16("little-endian"), fix: () => T.utf16Fix };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { what: T.utf16("big-endian"), fix: () => T.utf16Fix };
  const n = Math.min(bytes.length, 4096);
  let zeros = 0;
  let zerosOdd = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) {
      zeros++;
      if (i % 2 === 1) zerosOdd++;
    } else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  // ASCII text as UTF-16 without a byte-order mark: every other byte is zero.
  if (n >= 4 && zeros >= n / 3 && (zerosOdd >= zeros * 0.9 || zerosOdd <= zeros * 0.1)) return { what: T.utf16(zerosOdd >= zeros * 0.9 ? "little-endian" : "big-endian"), fix: () => T.utf16Fix };
  if (zeros > 0 || control > n / 20) return { what: T.binary, fix: T.binaryFix };
  return undefined;
}

/** Throws the InputError for a failed open or read of `file`. */
export function readError(err: unknown, file: string, kind: FileKind): never {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOENT") throw new InputError(file, "", T.notFound, T.notFoundFix(kind));
  if (code === "EISDIR") throw new InputError(file, "", T.isFolder, T.isFolderFix(kind));
  throw new InputError(file, "", T.unreadable(code ?? (err as Error).message), T.unreadableFix);
}

/**
 * Opens `file` and runs `read` on it: a file that cannot be opened or read, or a folder,
 * is an InputError naming `kind`; the file is closed whatever happens.
 */
function withFile<R>(file: string, kind: FileKind, read: (fd: number) => R): R {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (err) {
    readError(err, file, kind);
  }
  try {
    if (fstatSync(fd).isDirectory()) throw new InputError(file, "", T.isFolder, T.isFolderFix(kind));
    return read(fd);
  } catch (err) {
    if (err instanceof InputError) throw err;
    readError(err, file, kind);
  } finally {
    closeSync(fd);
  }
}

/** Checks that `file` can be read and begins as text (sniff), without reading it all. */
export function checkTextFile(file: string, kind: FileKind): void {
  withFile(file, kind, (fd) => {
    const head = Buffer.alloc(4096);
    const n = readSync(fd, head, 0, head.length, null);
    const bad = sniff(head.subarray(0, n));
    if (bad) throw new InputError(file, "", bad.what, bad.fix(kind));
  });
}

/**
 * A whole text file, read in chunks up to `maxBytes` (one byte more is an error), checked
 * to be text. `kind` names what belongs there (a scenario file, a series, ...).
 */
export function readInputText(file: string, kind: FileKind, maxBytes: number): string {
  return withFile(file, kind, (fd) => {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      if (total === 0) {
        const bad = sniff(buf.subarray(0, n));
        if (bad) throw new InputError(file, "", bad.what, bad.fix(kind));
      }
      chunks.push(buf.subarray(0, n));
      total += n;
      if (total > maxBytes) throw new InputError(file, "", T.tooBig(mb(maxBytes)), T.tooBigFix(kind));
    }
    return Buffer.concat(chunks, total).toString("utf8");
  });
}
