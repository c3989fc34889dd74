#!/usr/bin/env node
// Bundles the command line (dist/cli/main.js and everything it imports, vega and zod
// included) into dist/bundle/: `npm start` then loads 33 files instead of 506 modules,
// whose loading took a fifth of its time. What loads only on demand
// (the report, the calibration, init's questions, vega) stays in chunks of its own.
// The worker threads' task modules (PSA runs, microsimulation blocks) are bundled with
// it: a pool's threads then start computing some 0.1 s sooner.
// Run by `npm run build` (and so by `npm ci` via prepare, and `npm test`) after tsc.
//
// Left out: piscina (its threads load its own files by path) and mathjs (loaded with
// require, only to convert a full matrix). Every file of the package is found from the
// package's root (src/package-files.ts), so the bundle may sit anywhere under it.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
export const OUT = "dist/bundle";

const started = performance.now();
rmSync(`${root}/${OUT}`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { bijstandsim: "dist/cli/main.js", "psa-task": "dist/parallel/psa-task.js", "microsim-task": "dist/parallel/microsim-task.js" },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: ["node20"],
  external: ["piscina", "mathjs"],
  // CommonJS packages in an ES module bundle still call require() for Node's own modules.
  banner: { js: 'import { createRequire as __bijstandsimRequire } from "node:module"; const require = __bijstandsimRequire(import.meta.url);' },
  charset: "utf8",
  legalComments: "none",
  logLevel: "warning",
});
if (!process.argv.includes("--quiet")) console.log(`${OUT}/bijstandsim.js in ${((performance.now() - started) / 1000).toFixed(1)} s`);
