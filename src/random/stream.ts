/**
 * Seeded random streams: xoshiro128** (32-bit, Blackman & Vigna) seeded by splitmix64.
 * Nothing else in the project imports below this folder.
 *
 * - Block streams (the microsimulation, spec: docs/microsim-v1.md): every block of
 *   persons owns one generator seeded from a splitmix64 stream started at
 *   `seed + blockIndex`, so a block's draws depend only on the seed and the block's
 *   index, never on the worker that runs it. Generator states live four u32 words per
 *   block in one Uint32Array ("slots").
 * - `Stream` (the probabilistic runs and population draws): one generator keyed by
 *   (seed, key), key = run index x 1024 + purpose, so a run's draws depend only on the
 *   seed and the run, whatever the number of workers.
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

const TWO_32 = 4294967296;

export class Stream {
  // xoshiro128** state in four fields of the object: no array loads in the hot path.
  // Public for the samplers' hot loop (samplers.ts multinomialGroups), which keeps the
  // state in locals while it draws and writes it back; nothing else touches them.
  s0: number;
  s1: number;
  s2: number;
  s3: number;

  /** `key` distinguishes streams of one seed (e.g. run index x 1024 + purpose). */
  constructor(seed: number, key: number) {
    const state = new Uint32Array(4);
    seedBlockStream(state, 0, (BigInt(seed) << 32n) ^ BigInt(key), 0);
    [this.s0, this.s1, this.s2, this.s3] = [state[0] | 0, state[1] | 0, state[2] | 0, state[3] | 0];
  }

  /** The next u32 (xoshiro128**, as in the microsimulation kernel). */
  nextU32(): number {
    const m = Math.imul(this.s1, 5);
    const r = Math.imul((m << 7) | (m >>> 25), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return r;
  }

  /** Uniform in [0, 1) with 53 random bits (parameter draws). */
  uniform(): number {
    const hi = this.nextU32() >>> 5; // 27 bits
    const lo = this.nextU32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** Uniform in [0, 1) on a 2^-32 grid: enough for the population's binomial draws, twice as cheap. */
  uniform32(): number {
    return this.nextU32() / TWO_32;
  }

  /** Uniform in (0, 1): never 0, for logarithms. */
  open(): number {
    return (this.nextU32() + 0.5) / TWO_32;
  }
}

/** murmur3's 32-bit finaliser: a bijection of u32 whose output bits each depend on every input bit. */
const fmix32 = (h: number): number => {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
};

/**
 * Streams addressed by where they are used: `at(t, site, purpose)` restarts the
 * generator at a state derived from the stream's key and those three numbers. The
 * draws made at (cycle t, state i, purpose) then do not depend on how many draws were
 * made anywhere else, so two simulations that differ somewhere (a variant and its
 * baseline) use the same random numbers wherever they do the same thing: common random
 * numbers, and a sampler may use as many uniforms as it needs.
 */
export class KeyedStream extends Stream {
  private readonly k0: number;
  private readonly k1: number;
  /** The cycle of the last `at` and its part of the hash (a cycle asks for many sites in turn). */
  private lastT = -1;
  private cycleHash = 0;

  constructor(seed: number, key: number) {
    super(seed, key);
    this.k0 = this.nextU32() | 0;
    this.k1 = this.nextU32() | 0;
  }

  /** Restarts the generator for `purpose` at site `site` (a state, a person) in cycle `t`; returns this stream. */
  at(t: number, site: number, purpose = 0): this {
    if (t !== this.lastT) {
      this.lastT = t;
      this.cycleHash = fmix32(this.k0 ^ Math.imul(t + 1, 0x9e3779b1));
    }
    const h = fmix32(fmix32(this.cycleHash ^ Math.imul(site + 1, 0x85ebca77) ^ this.k1) + Math.imul(purpose + 1, 0xc2b2ae3d));
    this.s0 = fmix32(h + 0x9e3779b9);
    this.s1 = fmix32(h + 0x3c6ef372);
    this.s2 = fmix32(h + 0xdaa66d2b);
    this.s3 = fmix32(h + 0x78dde6e4);
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
    return this;
  }
}
