/**
 * The WebAssembly microsim kernel (kernel.wat, built to kernel.wasm next to the
 * compiled step.js): the same block loop as step.ts, with the same tables, streams
 * and draw order, so the occupancy, states and streams it leaves are identical to
 * the JS kernel's, which stays the reference.
 *
 * advanceBlocks (step.ts) hands its block loop here first; runWasmBlocks returns
 * false when the JS loop should run instead: the wasm file is missing (e.g. running
 * TypeScript sources without a build), WebAssembly is unavailable, or the JS kernel
 * was chosen (BIJSTANDSIM_KERNEL=js in the environment, or useMicrosimKernel("js")).
 *
 * The module is compiled synchronously when this file is first imported, on every
 * thread that imports it (piscina workers included); each thread keeps one instance
 * and its memory.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { scanRowWords, type SamplingMethod } from "./tables.js";
import { packageFile } from "../../package-files.js";

export type MicrosimKernel = "wasm" | "js";

/** What the block loop of advanceBlocks works on (see step.ts). */
export interface BlockLoop {
  method: SamplingMethod;
  /** States S. */
  S: number;
  /** The JS kernel's workspace: the sampler's tables from `tablesAt` on. */
  ws: Int32Array;
  tablesAt: number;
  /** Per step, the index in `ws` of that step's matrix tables. */
  matrixAt: Int32Array;
  steps: number;
  /** step.ts's StateArray, spelled out: this file imports nothing from step.ts (no cycle). */
  states: Uint8Array | Uint16Array | Int32Array;
  streams: Uint32Array;
  blockSize: number;
  occupancy: Float64Array;
}

interface KernelExports {
  alias: KernelFn;
  scan: KernelFn;
}
type KernelFn = (n: number, S: number, steps: number, matrixAt: number, matrixBytes: number, occ: number) => void;

/** The compiled module, or why there is none. */
function compile(): WebAssembly.Module | string {
  // the build's copy, also for the TypeScript sources (vitest)
  const file = fileURLToPath(packageFile("dist/engine/microsim/kernel.wasm"));
  if (!existsSync(file)) return "kernel.wasm not found (run `npm run build`)";
  try {
    return new WebAssembly.Module(readFileSync(file));
  } catch (err) {
    return `kernel.wasm did not compile: ${err instanceof Error ? err.message : String(err)}`;
  }
}

const compiled = typeof WebAssembly === "object" ? compile() : "WebAssembly is not available";
let selected: MicrosimKernel =
  typeof compiled !== "string" && process.env.BIJSTANDSIM_KERNEL !== "js" ? "wasm" : "js";

/** The kernel this thread uses now. */
export function microsimKernel(): MicrosimKernel {
  return selected;
}

/** Why the wasm kernel cannot run on this thread, or undefined when it can. */
export function wasmUnavailable(): string | undefined {
  return typeof compiled === "string" ? compiled : undefined;
}

/**
 * Chooses the kernel for this thread (tests and benchmarks; worker threads read
 * BIJSTANDSIM_KERNEL instead). Throws when "wasm" is asked for but unavailable.
 */
export function useMicrosimKernel(kind: MicrosimKernel): void {
  if (kind === "wasm" && typeof compiled === "string") throw new Error(compiled);
  selected = kind;
}

// Memory layout (byte addresses), fixed in kernel.wat: the step's counts at 0, the
// block's stream at STREAM, the address of the matrix held in TABLE at CURRENT, the
// block's states (i32) just below STATES_END, the current matrix's tables at TABLE;
// then, placed here, the sampler's tables, matrixAt and occ.
const STREAM = 65536;
const CURRENT = 65552;
const STATES_END = 131072;
const TABLE = 131136;
/** Persons per block the states region holds. */
const MAX_BLOCK = (STATES_END - CURRENT - 64) / 4;
const PAGE = 65536;

interface Instance {
  memory: WebAssembly.Memory;
  kernel: KernelExports;
  i32: Int32Array;
  u32: Uint32Array;
  f64: Float64Array;
  /** The workspace whose tables are in memory now (kept only to compare identity), and where. */
  tablesOf: Int32Array | null;
  tablesAddr: number;
}

let instance: Instance | null = null;

/**
 * An instance with at least `bytes` of memory. A bigger memory is a new instance, not
 * memory.grow: growing detaches the old ArrayBuffer, and the first detach in a thread
 * makes V8's optimized typed-array code slower for the rest of its life (see
 * parallel/microsim-task.ts).
 */
function instanceFor(bytes: number): Instance {
  if (instance && instance.memory.buffer.byteLength >= bytes) return instance;
  const pages = Math.max(3, Math.ceil((bytes * 1.25) / PAGE) + 1);
  const memory = new WebAssembly.Memory({ initial: pages });
  const wasm = new WebAssembly.Instance(compiled as WebAssembly.Module, { env: { memory } });
  const { buffer } = memory;
  instance = {
    memory,
    kernel: wasm.exports as unknown as KernelExports,
    i32: new Int32Array(buffer),
    u32: new Uint32Array(buffer),
    f64: new Float64Array(buffer),
    tablesOf: null,
    tablesAddr: -1,
  };
  return instance;
}

const align = (bytes: number, to: number): number => Math.ceil(bytes / to) * to;

/**
 * Runs advanceBlocks' block loop in WebAssembly: every block, all steps, adding the
 * counts to `loop.occupancy` and advancing `loop.states` and `loop.streams` in place.
 * Returns false (having done nothing) when the JS loop should run instead.
 */
export function runWasmBlocks(loop: BlockLoop): boolean {
  const { S, ws, tablesAt, matrixAt, steps, states, streams, blockSize, occupancy } = loop;
  if (selected !== "wasm" || steps < 1 || states.length === 0 || blockSize > MAX_BLOCK) return false;
  const matrixBytes = 4 * (loop.method === "alias" ? 4 * S * S : S * scanRowWords(S));
  const sampler = align(TABLE + matrixBytes, 64);
  const matrixAddr = align(sampler + 4 * (ws.length - tablesAt), 64);
  const occ = align(matrixAddr + 4 * steps, 64);
  const end = occ + 8 * steps * S;
  if (end > 2 ** 31) return false; // beyond what one wasm memory is worth here: the JS loop

  let m: Instance;
  try {
    m = instanceFor(end);
  } catch {
    return false; // the memory could not be had: the JS loop needs none
  }
  if (m.tablesOf !== ws || m.tablesAddr !== sampler) {
    m.i32.set(ws.subarray(tablesAt), sampler / 4);
    // The alias cells as kernel.wat reads them: [2t, alias | column << 16] for tables.ts's [t, alias | (column - alias) << 16].
    if (loop.method === "alias") {
      for (let w = sampler / 4, end = w + ws.length - tablesAt; w < end; w += 2) {
        const alias = m.i32[w + 1] & 0xffff;
        m.u32[w] = m.u32[w] * 2;
        m.i32[w + 1] = alias | ((alias + (m.i32[w + 1] >> 16)) << 16);
      }
    }
    m.tablesOf = ws;
    m.tablesAddr = sampler;
    m.i32[CURRENT / 4] = -1; // TABLE holds no matrix of these tables yet
  }
  for (let t = 0; t < steps; t++) m.i32[matrixAddr / 4 + t] = sampler + 4 * (matrixAt[t] - tablesAt);
  m.f64.fill(0, occ / 8, occ / 8 + steps * S);

  const kernel = loop.method === "alias" ? m.kernel.alias : m.kernel.scan;
  const blocks = streams.length / 4;
  for (let b = 0; b < blocks; b++) {
    const first = b * blockSize;
    const n = Math.min(blockSize, states.length - first);
    const at = (STATES_END - 4 * n) / 4; // the states end at STATES_END
    m.i32.set(states.subarray(first, first + n), at);
    m.u32.set(streams.subarray(4 * b, 4 * b + 4), STREAM / 4);
    kernel(n, S, steps, matrixAddr, matrixBytes, occ);
    states.set(m.i32.subarray(at, at + n), first);
    streams.set(m.u32.subarray(STREAM / 4, STREAM / 4 + 4), 4 * b);
  }
  const at = occ / 8;
  for (let k = 0; k < steps * S; k++) occupancy[k] += m.f64[at + k];
  return true;
}
