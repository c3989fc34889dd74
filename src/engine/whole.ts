/** Rounding expected counts to whole persons (population noise, the microsimulation's stock). */

/** Rounds shares to whole numbers that add up to `total` (largest remainder; ties to the first). */
export function largestRemainder(shares: ArrayLike<number>, total: number): number[] {
  const floors = Array.from(shares, Math.floor);
  let rest = total - floors.reduce((a, b) => a + b, 0);
  if (rest <= 0) return floors;
  if (rest <= 4) {
    // The few largest remainders by selection (a traject's intake or a prevention's reach
    // every cycle): the same units as the sort below gives, without it.
    const given = new Uint8Array(floors.length);
    for (; rest > 0; rest--) {
      let best = -1;
      for (let k = 0; k < floors.length; k++) if (!given[k] && (best < 0 || shares[k] - floors[k] > shares[best] - floors[best])) best = k;
      if (best < 0) break;
      given[best] = 1;
      floors[best]++;
    }
    return floors;
  }
  const order = Array.from(shares, (v, k) => k).sort((a, b) => shares[b] - floors[b] - (shares[a] - floors[a]) || a - b);
  for (const k of order) {
    if (rest <= 0) break;
    floors[k]++;
    rest--;
  }
  return floors;
}

const wholeOf = new WeakMap<Float64Array, Float64Array>();

/** An occupancy in whole persons, state totals kept as close as rounding allows (kept per array: every noisy run starts from it). */
export function wholePersons(occupancy: Float64Array): Float64Array {
  let whole = wholeOf.get(occupancy);
  if (!whole) {
    const total = Math.round(occupancy.reduce((a, b) => a + b, 0));
    wholeOf.set(occupancy, (whole = Float64Array.from(largestRemainder(occupancy, total))));
  }
  return whole;
}
