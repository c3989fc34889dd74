// The WebAssembly microsim kernel (src/engine/microsim/kernel.wat, kernel-wasm.ts)
// against the JS kernel in step.ts, which stays the reference: same occupancy, same
// final states, same final streams, for random samplers, state counts, block sizes,
// matrix sequences and state array types, whole runs and one step per call. Then the
// golden checksums of docs/microsim-v1.md through the wasm path, on 1 and 2 workers.
//
// `npm test` builds dist/ (and kernel.wasm) first; the TypeScript sources load the
// built kernel.wasm, so these tests fail rather than skip when it is missing.
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { microsimKernel, useMicrosimKernel, wasmUnavailable, type MicrosimKernel } from "../src/engine/microsim/kernel-wasm.js";
import { advanceBlocks, kernelWorkspace, runBlockRange, type StateArray } from "../src/engine/microsim/step.js";
import { buildSampler, type Sampler, type SamplingMethod } from "../src/engine/microsim/tables.js";
import { fromDist } from "./cli-harness.js";
import { microsimChecksum, microsimV1Matrix, V1_BLOCK, V1_GOLDEN, V1_SIM_SEED, V1_STATES } from "../src/engine/microsim/v1.js";


afterEach(() => useMicrosimKernel("wasm"));

/** A small seeded generator for the test cases (not the kernel's streams). */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

/** A random S x S stochastic matrix with some zeros, absorbing rows and a heavy diagonal. */
function randomMatrix(S: number, rand: () => number): Float64Array {
  const P = new Float64Array(S * S);
  for (let i = 0; i < S; i++) {
    if (rand() < 0.1) {
      P[i * S + i] = 1;
      continue;
    }
    let sum = 0;
    for (let j = 0; j < S; j++) {
      const w = rand() < 0.3 ? 0 : rand() * (j === i ? 10 * S * rand() : 1);
      P[i * S + j] = w;
      sum += w;
    }
    if (sum === 0) {
      P[i * S + i] = 1;
      continue;
    }
    let rest = 1;
    for (let j = 0; j < S - 1; j++) {
      P[i * S + j] = Math.min(rest, P[i * S + j] / sum);
      rest -= P[i * S + j];
    }
    P[i * S + S - 1] = Math.max(0, rest);
  }
  return P;
}

/**
 * Generator states for `blocks` blocks: any non-zero words will do, since the kernels
 * only advance what they are given (rng.ts seeds them for real runs).
 */
function streamsFor(seed: number, blocks: number): Uint32Array {
  const rand = lcg(seed);
  return Uint32Array.from({ length: 4 * blocks }, () => 1 + Math.floor(rand() * 0xfffffffe));
}

interface Case {
  method: SamplingMethod;
  sampler: Sampler;
  persons: number;
  blockSize: number;
  steps: number;
  matrixOfStep: Int32Array;
  start: StateArray;
  seed: number;
}

function randomCase(k: number, method: SamplingMethod): Case {
  const rand = lcg(1000 + k);
  const S = [1, 2, 3, 5, 12, 17, 40, 300][k % 8];
  const matrices = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => randomMatrix(S, rand));
  const sampler = buildSampler(method, matrices, S);
  const blockSize = [1, 3, 64, 100, 1024][Math.floor(rand() * 5)];
  const persons = 1 + Math.floor(rand() * 3000);
  const steps = 1 + Math.floor(rand() * 9);
  const matrixOfStep = Int32Array.from({ length: steps }, () => Math.floor(rand() * matrices.length));
  const Type = S > 256 ? (rand() < 0.5 ? Uint16Array : Int32Array) : [Uint8Array, Uint16Array, Int32Array][Math.floor(rand() * 3)];
  const start: StateArray = new Type(persons);
  for (let p = 0; p < persons; p++) start[p] = Math.floor(rand() * S);
  return { method, sampler, persons, blockSize, steps, matrixOfStep, start, seed: Math.floor(rand() * 1e9) };
}

/** Runs a case whole (advanceBlocks over all steps) with a kernel; returns everything it changes. */
function runWhole(c: Case, kernel: MicrosimKernel) {
  useMicrosimKernel(kernel);
  const states = c.start.slice();
  const streams = streamsFor(c.seed, Math.ceil(c.persons / c.blockSize));
  const occupancy = new Float64Array(c.steps * c.sampler.stateCount);
  advanceBlocks({ sampler: c.sampler, states, streams, blockSize: c.blockSize, steps: c.steps, matrixOfStep: c.matrixOfStep, occupancy });
  return { occupancy: Array.from(occupancy), states: Array.from(states), streams: Array.from(streams) };
}

/** The same case one step per call with a reused workspace, as persons.ts drives it. */
function runStepwise(c: Case, kernel: MicrosimKernel) {
  useMicrosimKernel(kernel);
  const S = c.sampler.stateCount;
  const states = c.start.slice();
  const streams = streamsFor(c.seed, Math.ceil(c.persons / c.blockSize));
  const occupancy = new Float64Array(c.steps * S);
  const workspace = kernelWorkspace(c.sampler, c.blockSize);
  for (let t = 0; t < c.steps; t++) {
    advanceBlocks({
      sampler: c.sampler, states, streams, blockSize: c.blockSize, steps: 1, workspace,
      matrixOfStep: c.matrixOfStep.subarray(t, t + 1),
      occupancy: occupancy.subarray(t * S, (t + 1) * S),
    });
  }
  return { occupancy: Array.from(occupancy), states: Array.from(states), streams: Array.from(streams) };
}

describe("wasm kernel", () => {
  it("is built and selected by default", () => {
    expect(wasmUnavailable()).toBeUndefined();
    expect(microsimKernel()).toBe("wasm");
  });

  for (const method of ["alias", "scan"] as const) {
    it(`${method}: the same occupancy, states and streams as the JS kernel on 24 random cases`, () => {
      for (let k = 0; k < 24; k++) {
        const c = randomCase(k, method);
        const js = runWhole(c, "js");
        expect(runWhole(c, "wasm"), `case ${k}`).toEqual(js);
        expect(runStepwise(c, "wasm"), `case ${k}, one step per call`).toEqual(js);
      }
    });
  }

  it("keeps two samplers apart when calls alternate between them (table cache)", () => {
    const a = randomCase(4, "alias");
    const b = { ...randomCase(12, "alias"), blockSize: a.blockSize };
    const expected = [runWhole(a, "js"), runWhole(b, "js")];
    useMicrosimKernel("wasm");
    const wsA = kernelWorkspace(a.sampler, a.blockSize);
    const wsB = kernelWorkspace(b.sampler, b.blockSize);
    const run = (c: Case, workspace: Int32Array) => {
      const S = c.sampler.stateCount;
      const states = c.start.slice();
      const streams = streamsFor(c.seed, Math.ceil(c.persons / c.blockSize));
      const occupancy = new Float64Array(c.steps * S);
      return { c, workspace, states, streams, occupancy };
    };
    const runs = [run(a, wsA), run(b, wsB)];
    for (let t = 0; t < Math.max(a.steps, b.steps); t++) {
      for (const r of runs) {
        if (t >= r.c.steps) continue;
        const S = r.c.sampler.stateCount;
        advanceBlocks({
          sampler: r.c.sampler, states: r.states, streams: r.streams, blockSize: r.c.blockSize, steps: 1, workspace: r.workspace,
          matrixOfStep: r.c.matrixOfStep.subarray(t, t + 1), occupancy: r.occupancy.subarray(t * S, (t + 1) * S),
        });
      }
    }
    runs.forEach((r, k) => {
      expect({ occupancy: Array.from(r.occupancy), states: Array.from(r.states), streams: Array.from(r.streams) }).toEqual(expected[k]);
    });
  });

  it("falls back to the JS loop for blocks larger than its memory layout holds, with the same result", () => {
    const c = { ...randomCase(5, "alias"), blockSize: 40_000, persons: 50_000 };
    c.start = Uint8Array.from({ length: c.persons }, (_, p) => p % c.sampler.stateCount);
    expect(runWhole(c, "wasm")).toEqual(runWhole(c, "js"));
  });

  it("refuses states outside 0..S-1 before running, as the JS kernel does", () => {
    const sampler = buildSampler("alias", randomMatrix(5, lcg(3)), 5);
    expect(() =>
      runBlockRange({ sampler, persons: 3, blockSize: 4, firstBlock: 0, blockCount: 1, seed: 1, steps: 1, initialStates: Uint8Array.from([0, 7, 1]) }),
    ).toThrow(/person 1 is in state 7/);
  });
});

describe("golden checksums through the wasm kernel", () => {
  for (const method of ["alias", "scan"] as const) {
    it(`${method}, N = 20,000, T = 24, on the calling thread`, () => {
      expect(microsimKernel()).toBe("wasm");
      const n = 20_000;
      const occupancy = runBlockRange({
        sampler: buildSampler(method, microsimV1Matrix(), V1_STATES),
        persons: n, blockSize: V1_BLOCK, firstBlock: 0, blockCount: Math.ceil(n / V1_BLOCK), seed: V1_SIM_SEED, steps: 24,
      });
      expect(microsimChecksum(occupancy)).toBe(V1_GOLDEN["20000x24"][method]);
    });
  }

  // Worker threads run the compiled engine in dist/, which `npm test` builds first.
  it("loads in a worker thread", async () => {
    const url = new URL("../dist/engine/microsim/kernel-wasm.js", import.meta.url).href;
    const worker = new Worker(`import(${JSON.stringify(url)}).then((m) => require("node:worker_threads").parentPort.postMessage(m.microsimKernel()))`, { eval: true });
    const kernel = await new Promise((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    await worker.terminate();
    expect(kernel).toBe("wasm");
  });

  it("alias and scan, N = 1,000,000, T = 120, on 1 and 2 workers", async () => {
    const dist = await fromDist<typeof import("../src/parallel/microsim-v1.js")>("parallel/microsim-v1.js");
    const wasm = await fromDist<typeof import("../src/engine/microsim/kernel-wasm.js")>("engine/microsim/kernel-wasm.js");
    expect(wasm.microsimKernel()).toBe("wasm");
    for (const method of ["alias", "scan"] as const) {
      for (const workers of [1, 2]) {
        const { checksum } = await dist.runMicrosimV1({ n: 1_000_000, t: 120, method, workers });
        expect(checksum, `${method}, ${workers} worker(s)`).toBe(V1_GOLDEN["1000000x120"][method]);
      }
    }
  });
});
