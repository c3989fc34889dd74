/**
 * The panel's count tables per month: rows per state (the stock) and transitions per
 * (from, to) pair, as dense arrays per month so that counting a row is two array
 * increments, not hash-map updates. The size is months x states² (what the result needs
 * anyway), independent of the number of rows.
 *
 * Months are the non-negative numbers of period.ts (calendar months year * 12 + m, or
 * month indices), used directly as an index into `slotOf`.
 */
export class MonthCounts {
  /** States per table row: a power of two at least the number of states known. */
  private width = 8;
  /** month -> slot + 1 (0: the month has no rows yet). */
  private slotOf = new Int32Array(0);
  private readonly months: number[] = [];
  private readonly stock: Float64Array[] = [];
  /** Per slot width x width (from, to) counts; null until the month has a transition. */
  private readonly moves: (Float64Array | null)[] = [];

  /** Makes room for `states` states (widens every table when needed). */
  reserve(states: number): void {
    if (states <= this.width) return;
    let width = this.width;
    while (width < states) width *= 2;
    const old = this.width;
    for (let k = 0; k < this.months.length; k++) {
      const stock = new Float64Array(width);
      stock.set(this.stock[k]);
      this.stock[k] = stock;
      const moves = this.moves[k];
      if (moves) this.moves[k] = relayout(moves, old, width);
    }
    this.width = width;
  }

  private slot(month: number): number {
    if (month >= this.slotOf.length) {
      const next = new Int32Array(Math.max(month + 1, this.slotOf.length * 2));
      next.set(this.slotOf);
      this.slotOf = next;
    }
    const k = this.slotOf[month] - 1;
    if (k >= 0) return k;
    this.months.push(month);
    this.stock.push(new Float64Array(this.width));
    this.moves.push(null);
    this.slotOf[month] = this.months.length;
    return this.months.length - 1;
  }

  /** A row in state `s` in `month`; with `from` >= 0 also the transition from -> s ending in that month. */
  count(month: number, s: number, from: number): void {
    const k = this.slot(month);
    this.stock[k][s]++;
    if (from < 0) return;
    let moves = this.moves[k];
    if (moves === null) this.moves[k] = moves = new Float64Array(this.width * this.width);
    moves[from * this.width + s]++;
  }

  /** Rows per state, m wide, per month with rows, in month order. */
  occupancy(m: number): Map<number, Float64Array> {
    return this.collect((k) => this.stock[k].slice(0, m));
  }

  /** Transitions m x m (row-major), per month with at least one, in month order. */
  transitions(m: number): Map<number, Float64Array> {
    return this.collect((k) => {
      const moves = this.moves[k];
      return moves ? relayout(moves, this.width, m) : null;
    });
  }

  private collect(table: (slot: number) => Float64Array | null): Map<number, Float64Array> {
    const out = new Map<number, Float64Array>();
    for (const month of [...this.months].sort((a, b) => a - b)) {
      const arr = table(this.slotOf[month] - 1);
      if (arr) out.set(month, arr);
    }
    return out;
  }
}

/** A square row-major table of width `from` copied into one of width `to` (cut or padded with zeros). */
function relayout(table: Float64Array, from: number, to: number): Float64Array {
  const out = new Float64Array(to * to);
  const n = Math.min(from, to);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i * to + j] = table[i * from + j];
  return out;
}
