#!/usr/bin/env node
// Builds the WebAssembly microsim kernel: src/engine/microsim/kernel.wat ->
// dist/engine/microsim/kernel.wasm, with wabt's wat2wasm (the `wabt` devDependency,
// a WebAssembly build of the WebAssembly Binary Toolkit: no native toolchain needed).
// Run by `npm run build` / `npm ci` (prepare) after tsc. The .wasm is never committed.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import initWabt from "wabt";

const source = fileURLToPath(new URL("../src/engine/microsim/kernel.wat", import.meta.url));
const target = fileURLToPath(new URL("../dist/engine/microsim/kernel.wasm", import.meta.url));

const wabt = await initWabt();
const module = wabt.parseWat(source, readFileSync(source, "utf8"));
try {
  module.validate();
  const { buffer } = module.toBinary({ log: false, write_debug_names: false });
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, buffer);
  console.log(`kernel.wasm: ${buffer.length} bytes from ${source.replace(/.*\/src\//, "src/")}`);
} finally {
  module.destroy();
}
