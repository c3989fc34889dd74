/**
 * Random streams for the microsimulation (spec: docs/microsim-v1.md).
 *
 * Every block of persons owns one xoshiro128** generator (32-bit, Blackman & Vigna),
 * seeded from a splitmix64 stream started at `seed + blockIndex`. A block's stream
 * depends only on the seed and the block's index, never on the worker that runs it,
 * so any split of blocks over threads gives the same result.
 *
 * Generator states live four u32 words per block in one Uint32Array ("slots"), so the
 * state of thousands of blocks is one transferable array.
 */

const U64 = (1n << 64n) - 1n;

/** Words per xoshiro128** state. */
export const STREAM_WORDS = 4;

/**
 * splitmix64 (Steele, Lea & Flood). 64-bit arithmetic needs BigInt here; it runs
 * only when streams are seeded (twice per block), never per draw.
 *
 * @example
 * const next = splitmix64(0n);
 * next(); // 0xE220A8397B1DCDAFn
 */
export function splitmix64(seed: bigint): () => bigint {
  let x = BigInt.asUintN(64, seed);
  return () => {
    x = (x + 0x9e3779b97f4a7c15n) & U64;
    let z = x;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & U64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & U64;
    return z ^ (z >> 31n);
  };
}

/**
 * Seeds the xoshiro128** state of block `blockIndex` into `streams[4 slot .. 4 slot + 3]`:
 * z1, z2 = the first two splitmix64 outputs from `seed + blockIndex`;
 * s0..s3 = low(z1), high(z1), low(z2), high(z2); all-zero is replaced by s0 = 1.
 */
export function seedBlockStream(
  streams: Uint32Array,
  slot: number,
  seed: number | bigint,
  blockIndex: number,
): void {
  const next = splitmix64(BigInt(seed) + BigInt(blockIndex));
  const z1 = next();
  const z2 = next();
  const at = slot * STREAM_WORDS;
  streams[at] = Number(z1 & 0xffffffffn);
  streams[at + 1] = Number(z1 >> 32n);
  streams[at + 2] = Number(z2 & 0xffffffffn);
  streams[at + 3] = Number(z2 >> 32n);
  if ((streams[at] | streams[at + 1] | streams[at + 2] | streams[at + 3]) === 0) streams[at] = 1;
}

/** The generator states of blocks `firstBlock .. firstBlock + count - 1`, one slot each. */
export function seedBlockStreams(seed: number | bigint, firstBlock: number, count: number): Uint32Array {
  const streams = new Uint32Array(count * STREAM_WORDS);
  for (let k = 0; k < count; k++) seedBlockStream(streams, k, seed, firstBlock + k);
  return streams;
}

/**
 * One xoshiro128** draw from the state in `slot`, which it advances; returns a u32.
 * The simulation kernel inlines the same recurrence on local variables; this
 * version is for tests and for occasional draws outside the hot loop.
 */
export function nextU32(streams: Uint32Array, slot: number): number {
  const at = slot * STREAM_WORDS;
  let s0 = streams[at] | 0;
  let s1 = streams[at + 1] | 0;
  let s2 = streams[at + 2] | 0;
  let s3 = streams[at + 3] | 0;
  const m = Math.imul(s1, 5);
  const r = Math.imul((m << 7) | (m >>> 25), 9);
  const t = s1 << 9;
  s2 ^= s0;
  s3 ^= s1;
  s1 ^= s2;
  s0 ^= s3;
  s2 ^= t;
  s3 = (s3 << 11) | (s3 >>> 21);
  streams[at] = s0;
  streams[at + 1] = s1;
  streams[at + 2] = s2;
  streams[at + 3] = s3;
  return r >>> 0;
}
