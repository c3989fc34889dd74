import { describe, expect, it } from "vitest";
import { nextU32, seedBlockStreams, splitmix64 } from "../src/random/stream.js";
import { advanceBlocks, runBlockRange } from "../src/engine/microsim/step.js";
import { aliasTables, buildSampler, cumulativeRows, type SamplingMethod } from "../src/engine/microsim/tables.js";
import { microsimChecksum, microsimV1Matrix, V1_BLOCK, V1_GOLDEN, V1_STATES } from "../src/engine/microsim/v1.js";
import { runMicrosimV1 } from "../src/parallel/microsim-v1.js";
import { fromDist } from "./cli-harness.js";

const S = V1_STATES;

/** FNV-1a 64 over bytes: the table check value of docs/microsim-v1.md, section 5.3. */
function fnv1a(parts: Uint8Array[]): bigint {
  let h = 0xcbf29ce484222325n;
  for (const bytes of parts) {
    for (const b of bytes) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  }
  return h;
}

describe("microsim-v1 tables", () => {
  const P = microsimV1Matrix();

  it("has the spec's check values", () => {
    expect(P[1]).toBe(0.014612878088175588);
    expect(P[2]).toBe(0.004644676575911122);
    for (let i = 0; i < S; i++) expect(P[i * S + i]).toBe(0.9);
  });

  it("builds P, CUM and the alias tables bit for bit (the spec's FNV-1a check value)", () => {
    const cum = cumulativeRows(P, S);
    const { prob, alias } = aliasTables(P, S);
    const bytes = (a: Float64Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    expect(fnv1a([bytes(P), bytes(cum), bytes(prob), Uint8Array.from(alias)])).toBe(0x3ce32bf80387264an);
  });
});

describe("random streams", () => {
  it("splitmix64 from 0", () => {
    const next = splitmix64(0n);
    expect(next()).toBe(0xe220a8397b1dcdafn);
    expect(next()).toBe(0x6e789e6aa1b965f4n);
  });

  it("seeds block 0 and draws the spec's first outputs", () => {
    const streams = seedBlockStreams(12345, 0, 1);
    expect(Array.from(streams)).toEqual([2849051040, 571572824, 4145281261, 879680741]);
    const draws = Array.from({ length: 8 }, () => nextU32(streams, 0));
    expect(draws).toEqual([
      2314518269, 2498321016, 2055377852, 4042509560, 1267802836, 503974162, 1443322985, 3447162595,
    ]);
  });
});

/** The spec's double-precision rules, one person-step at a time (slow, obvious). */
function referenceStep(method: SamplingMethod, P: Float64Array, n: number, i: number, r: number): number {
  if (method === "scan") {
    const cum = cumulativeRows(P, n);
    const u = r * 2 ** -32;
    let j = 0;
    while (!(u < cum[i * n + j])) j++;
    return j;
  }
  const { prob, alias } = aliasTables(P, n);
  const v = r * 2 ** -32 * n;
  const col = Math.floor(v);
  return v - col < prob[i * n + col] ? col : alias[i * n + col];
}

describe("kernel", () => {
  // 5 states, odd S, with zero probabilities, an absorbing state and time-varying P
  const n = 5;
  const P0 = Float64Array.from([
    0.7, 0.1, 0.0, 0.15, 0.05,
    0.0, 0.5, 0.5, 0.0, 0.0,
    0.2, 0.2, 0.2, 0.2, 0.2,
    0.0, 0.0, 0.0, 1.0, 0.0,
    0.3, 0.0, 0.1, 0.0, 0.6,
  ]);
  const P1 = Float64Array.from([
    0.2, 0.3, 0.1, 0.3, 0.1,
    0.05, 0.9, 0.05, 0.0, 0.0,
    0.0, 0.0, 0.0, 0.0, 1.0,
    0.0, 0.0, 0.0, 1.0, 0.0,
    0.25, 0.25, 0.25, 0.25, 0.0,
  ]);
  const persons = 2500;
  const blockSize = 256;
  const steps = 6;
  const matrixOfStep = Int32Array.from([0, 1, 1, 0, 1, 0]);

  for (const method of ["alias", "scan"] as const) {
    it(`${method}: integer tables give the spec's double-precision result, any split of blocks and steps`, () => {
      const sampler = buildSampler(method, [P0, P1], n);
      const start = Uint8Array.from({ length: persons }, (_, p) => (p * 7) % n);

      // reference: person by person with the double rules and the same streams
      const expected = new Float64Array(steps * n);
      const refStates = start.slice();
      const refStreams = seedBlockStreams(99, 0, Math.ceil(persons / blockSize));
      for (let b = 0; b * blockSize < persons; b++) {
        for (let t = 0; t < steps; t++) {
          for (let p = b * blockSize; p < Math.min(persons, (b + 1) * blockSize); p++) {
            const P = matrixOfStep[t] === 0 ? P0 : P1;
            refStates[p] = referenceStep(method, P, n, refStates[p], nextU32(refStreams, b));
            expected[t * n + refStates[p]]++;
          }
        }
      }

      // kernel: all at once
      const whole = runBlockRange({
        sampler, persons, blockSize, firstBlock: 0, blockCount: 10, seed: 99, steps, matrixOfStep, initialStates: start,
      });
      expect(Array.from(whole)).toEqual(Array.from(expected));

      // kernel: blocks in two ranges, each advanced one step per call
      const split = new Float64Array(steps * n);
      for (const [firstBlock, blockCount] of [[0, 3], [3, 7]]) {
        const states = start.slice(firstBlock * blockSize, Math.min(persons, (firstBlock + blockCount) * blockSize));
        const streams = seedBlockStreams(99, firstBlock, blockCount);
        for (let t = 0; t < steps; t++) {
          advanceBlocks({
            sampler, states, streams, blockSize, steps: 1,
            matrixOfStep: matrixOfStep.subarray(t, t + 1),
            occupancy: split.subarray(t * n, (t + 1) * n),
          });
        }
      }
      expect(Array.from(split)).toEqual(Array.from(expected));
    });
  }

  it("rejects states outside 0..S-1 and bad matrices with a clear error", () => {
    const sampler = buildSampler("alias", P0, n);
    expect(() =>
      runBlockRange({
        sampler, persons: 3, blockSize: 4, firstBlock: 0, blockCount: 1, seed: 1, steps: 1,
        initialStates: Uint8Array.from([0, 7, 1]),
      }),
    ).toThrow(/person 1 is in state 7/);
    const bad = P0.slice();
    bad[0] = 0.8;
    expect(() => buildSampler("scan", bad, n)).toThrow(/row 0 sums to/);
  });
});

/** Exact mean and variance of occ[t][s] for persons starting in p mod S. */
function exactMoments(P: Float64Array, persons: number, steps: number) {
  const mean = new Float64Array(steps * S);
  const variance = new Float64Array(steps * S);
  for (let i = 0; i < S; i++) {
    const start = Math.floor(persons / S) + (i < persons % S ? 1 : 0);
    let v = new Float64Array(S);
    v[i] = 1;
    for (let t = 0; t < steps; t++) {
      const w = new Float64Array(S);
      for (let a = 0; a < S; a++) for (let b = 0; b < S; b++) w[b] += v[a] * P[a * S + b];
      v = w;
      for (let s = 0; s < S; s++) {
        mean[t * S + s] += start * v[s];
        variance[t * S + s] += start * v[s] * (1 - v[s]);
      }
    }
  }
  return { mean, variance };
}

describe("runMicrosimV1", () => {
  const n = 20_000;
  const t = 24;

  for (const method of ["alias", "scan"] as const) {
    it(`${method}: golden checksum on the calling thread, occupancy within 5 sigma`, async () => {
      const { occupancy, checksum } = await runMicrosimV1({ n, t, method, workers: 1 });
      expect(checksum).toBe(V1_GOLDEN["20000x24"][method]);
      expect(microsimChecksum(occupancy)).toBe(checksum);
      const { mean, variance } = exactMoments(microsimV1Matrix(), n, t);
      let maxZ = 0;
      for (let k = 0; k < t * S; k++) {
        maxZ = Math.max(maxZ, Math.abs(occupancy[k] - mean[k]) / Math.sqrt(variance[k]));
      }
      expect(maxZ).toBeLessThan(5);
      for (let step = 0; step < t; step++) {
        expect(occupancy.subarray(step * S, (step + 1) * S).reduce((a, b) => a + b, 0)).toBe(n);
      }
    });
  }

  // Worker threads run compiled JavaScript: `npm test` compiles src/ to dist/ first.
  it("golden checksums with 2 workers (piscina), byte-identical occupancy", async () => {
    const dist = await fromDist<typeof import("../src/parallel/microsim-v1.js")>("parallel/microsim-v1.js");
    for (const method of ["alias", "scan"] as const) {
      const one = await dist.runMicrosimV1({ n, t, method, workers: 1 });
      const two = await dist.runMicrosimV1({ n, t, method, workers: 2 });
      expect(two.checksum).toBe(V1_GOLDEN["20000x24"][method]);
      expect(Buffer.from(two.occupancy.buffer).equals(Buffer.from(one.occupancy.buffer))).toBe(true);
    }
  });

  it("a failing worker rejects with a clear error and the pool still shuts down", async () => {
    const { runInPool } = await fromDist<typeof import("../src/parallel/microsim-pool.js")>("parallel/microsim-pool.js");
    const sampler = buildSampler("alias", microsimV1Matrix(), S);
    const initialStates = new Uint8Array(3 * V1_BLOCK);
    initialStates[2 * V1_BLOCK + 5] = 200;
    const job = { sampler, persons: initialStates.length, blockSize: V1_BLOCK, seed: 1, steps: 2, initialStates };
    await expect(runInPool(job, { workers: 2 })).rejects.toThrow(/een worker faalde bij microsim-blokken 1\.\.2: person 2053 is in state 200/);
  });
});
