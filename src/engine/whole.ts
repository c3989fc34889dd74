/** Rounding expected counts to whole persons (population noise, the microsimulation's stock). */

/** Rounds shares to whole numbers that add up to `total` (largest remainder; ties to the first). */
export function largestRemainder(shares: ArrayLike<number>, total: number): number[] {
  const floors = Array.from(shares, Math.floor);
  let rest = total - floors.reduce((a, b) => a + b, 0);
  const order = Array.from(shares, (v, k) => k).sort((a, b) => shares[b] - floors[b] - (shares[a] - floors[a]) || a - b);
  for (const k of order) {
    if (rest <= 0) break;
    floors[k]++;
    rest--;
  }
  return floors;
}

/** An occupancy in whole persons, state totals kept as close as rounding allows. */
export function wholePersons(occupancy: Float64Array): Float64Array {
  const total = Math.round(occupancy.reduce((a, b) => a + b, 0));
  return Float64Array.from(largestRemainder(occupancy, total));
}
