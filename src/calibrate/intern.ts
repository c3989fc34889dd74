/**
 * Byte strings interned to numbers without making a JavaScript string per lookup: the
 * byte parser of the client panel looks up every row's client id and state name here.
 *
 * An open-addressing hash table (linear probing, FNV-1a hashes, at most half full) over
 * one growable byte arena holding each key once: its memory grows with the number of
 * distinct keys (clients, states), never with the number of lookups (rows).
 */

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** FNV-1a hash of buf[start, end). */
export function hashBytes(buf: Uint8Array, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i], FNV_PRIME);
  return h;
}

/** The same hash of a string's UTF-16 code units; equals hashBytes of its bytes when it is ASCII. */
export function hashAscii(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** True when every UTF-16 code unit is below 128 (so its UTF-8 bytes are its code units). */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/** Growable Int32Array (doubling). */
function grown(a: Int32Array, n: number): Int32Array {
  if (n <= a.length) return a;
  const next = new Int32Array(Math.max(n, a.length * 2));
  next.set(a);
  return next;
}

/** A map from byte strings to non-negative int32 values. */
export class ByteTable {
  private arena = new Uint8Array(1 << 12);
  private used = 0;
  /** Per entry: where its bytes start in the arena (entry i ends where entry i + 1 starts). */
  private starts: Int32Array = new Int32Array(1 << 8);
  private hashes: Int32Array = new Int32Array(1 << 8);
  private values: Int32Array = new Int32Array(1 << 8);
  /** entry + 1 per slot; 0 is empty. */
  private slots = new Int32Array(1 << 9);
  private mask = (1 << 9) - 1;
  size = 0;

  private equalBytes(entry: number, buf: Uint8Array, start: number, end: number): boolean {
    const from = this.starts[entry];
    const to = entry + 1 < this.size ? this.starts[entry + 1] : this.used;
    if (to - from !== end - start) return false;
    const arena = this.arena;
    for (let i = 0; i < to - from; i++) if (arena[from + i] !== buf[start + i]) return false;
    return true;
  }

  private equalAscii(entry: number, text: string): boolean {
    const from = this.starts[entry];
    const to = entry + 1 < this.size ? this.starts[entry + 1] : this.used;
    if (to - from !== text.length) return false;
    const arena = this.arena;
    for (let i = 0; i < text.length; i++) if (arena[from + i] !== text.charCodeAt(i)) return false;
    return true;
  }

  /** The value of buf[start, end) (hash `h` = hashBytes of it), or -1. */
  get(buf: Uint8Array, start: number, end: number, h: number): number {
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const slot = this.slots[i];
      if (slot === 0) return -1;
      if (this.hashes[slot - 1] === h && this.equalBytes(slot - 1, buf, start, end)) return this.values[slot - 1];
    }
  }

  /** The value of an ASCII string (hash `h` = hashAscii of it), or -1. */
  getAscii(text: string, h: number): number {
    for (let i = h & this.mask; ; i = (i + 1) & this.mask) {
      const slot = this.slots[i];
      if (slot === 0) return -1;
      if (this.hashes[slot - 1] === h && this.equalAscii(slot - 1, text)) return this.values[slot - 1];
    }
  }

  /** Adds a key that is not in the table yet. */
  set(buf: Uint8Array, start: number, end: number, h: number, value: number): void {
    const n = end - start;
    this.reserveArena(n);
    this.arena.set(buf.subarray(start, end), this.used);
    this.addEntry(n, h, value);
  }

  /** Adds an ASCII string that is not in the table yet. */
  setAscii(text: string, h: number, value: number): void {
    this.reserveArena(text.length);
    for (let i = 0; i < text.length; i++) this.arena[this.used + i] = text.charCodeAt(i);
    this.addEntry(text.length, h, value);
  }

  private reserveArena(n: number): void {
    if (this.used + n <= this.arena.length) return;
    const next = new Uint8Array(Math.max(this.used + n, this.arena.length * 2));
    next.set(this.arena.subarray(0, this.used));
    this.arena = next;
  }

  private addEntry(n: number, h: number, value: number): void {
    const e = this.size++;
    this.starts = grown(this.starts, this.size);
    this.hashes = grown(this.hashes, this.size);
    this.values = grown(this.values, this.size);
    this.starts[e] = this.used;
    this.hashes[e] = h;
    this.values[e] = value;
    this.used += n;
    if (this.size * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(e);
  }

  private place(e: number): void {
    let i = this.hashes[e] & this.mask;
    while (this.slots[i] !== 0) i = (i + 1) & this.mask;
    this.slots[i] = e + 1;
  }

  private rehash(capacity: number): void {
    this.slots = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let e = 0; e < this.size; e++) this.place(e);
  }
}

/**
 * The last key looked up and its value: a panel sorted by client repeats the previous
 * row's client id (and mostly its state), and comparing a few bytes is cheaper than
 * hashing and probing a table that does not fit in the processor's cache.
 */
export class RecentKey {
  private readonly bytes = new Uint8Array(64);
  private readonly words = new DataView(this.bytes.buffer);
  private length = -1;
  value = -1;

  /** True when buf[start, end) is the remembered key (then `value` is its value). */
  matches(buf: Uint8Array, start: number, end: number): boolean {
    if (end - start !== this.length) return false;
    const bytes = this.bytes;
    for (let i = 0; i < this.length; i++) if (bytes[i] !== buf[start + i]) return false;
    return true;
  }

  /**
   * Where a field starting at `start` ends when it is exactly the remembered key (the key
   * followed by the delimiter or the end of the line), else -1: the field is then known
   * without scanning it for the delimiter. `view` is a DataView of buf's bytes: the key is
   * compared four bytes at a time (two to four times faster than byte by byte).
   */
  fieldEnd(buf: Uint8Array, view: DataView, start: number, end: number, delimiter: number): number {
    const n = this.length;
    const to = start + n;
    if (n < 0 || to > end || (to < end && buf[to] !== delimiter)) return -1;
    const words = this.words;
    let i = 0;
    for (; i + 4 <= n; i += 4) if (words.getInt32(i) !== view.getInt32(start + i)) return -1;
    for (; i < n; i++) if (this.bytes[i] !== buf[start + i]) return -1;
    return to;
  }

  /** Remembers buf[start, end) -> value (keys longer than 64 bytes are not remembered). */
  remember(buf: Uint8Array, start: number, end: number, value: number): void {
    const n = end - start;
    if (n > this.bytes.length) {
      this.length = -1;
      return;
    }
    for (let i = 0; i < n; i++) this.bytes[i] = buf[start + i];
    this.length = n;
    this.value = value;
  }
}

/** True when the n bytes at a and at b in `view` are the same (compared four at a time). */
export function sameBytes(view: DataView, a: number, b: number, n: number): boolean {
  let i = 0;
  for (; i + 4 <= n; i += 4) if (view.getInt32(a + i) !== view.getInt32(b + i)) return false;
  for (; i < n; i++) if (view.getUint8(a + i) !== view.getUint8(b + i)) return false;
  return true;
}
