#!/usr/bin/env node
// Bundles the what-if page's script (src/explore/browser.ts: the cohort engine, finance,
// break-even and the page, with vega, vega-lite and vega-embed) into one browser script,
// dist/explore/verkenner.bundle.js, which `bijstandsim explore` inlines into verkenner.html.
// Run by `npm run build` (and so by `npm ci` via prepare, and `npm test`) after tsc:
// esbuild is a devDependency, so the bundle is made when the package is built, never
// when a user runs `explore`.
//
// Node-only modules must not reach the page. The one the engine's import graph touches is
// node:module (src/model/convert.ts loads mathjs with createRequire, only to convert a full
// matrix, which compilation did before the model was embedded): it becomes a stub that
// throws if it is ever called. Any other node: import fails the build, naming the importer.
import { build } from "esbuild";
import { appendFileSync, existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
export const BUNDLE = "dist/explore/verkenner.bundle.js";

const STUBS = {
  "node:module": "export function createRequire() { return () => { throw new Error('niet beschikbaar in de browser: deze functie rekent alleen in Node'); }; }",
};

const browserOnly = {
  name: "browser-only",
  setup(b) {
    b.onResolve({ filter: /^node:|^(fs|path|crypto|module|os|url|worker_threads|child_process)$/ }, (args) => {
      if (args.path in STUBS) return { path: args.path, namespace: "stub" };
      return { errors: [{ text: `${args.path} (imported by ${args.importer.replace(root, "")}) is Node-only and cannot run in verkenner.html: keep it out of src/explore/browser.ts's imports, or add a stub in bin/bundle-explore.mjs` }] };
    });
    b.onLoad({ filter: /.*/, namespace: "stub" }, (args) => ({ contents: STUBS[args.path], loader: "js" }));
  },
};

/**
 * The licence texts of the npm packages in the bundle (vega, vega-lite, vega-embed, d3-*,
 * ...), once per distinct text, as one comment at the end: verkenner.html redistributes
 * their code, and their licences (BSD-3-Clause, ISC, MIT) ask for the notice to travel
 * with it.
 */
function licences(metafile) {
  const packages = new Map();
  const inOutput = Object.entries(Object.values(metafile.outputs)[0].inputs).filter(([, v]) => v.bytesInOutput > 0);
  for (const [input] of inOutput) {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
    if (!m || packages.has(m[1])) continue;
    const dir = join(root, m[1]);
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const file = readdirSync(dir).find((f) => /^licen[cs]e/i.test(f));
    const text = file ? readFileSync(join(dir, file), "utf8").trim() : `${pkg.license ?? "licence not stated"} (no licence file in the package)`;
    packages.set(m[1], { id: `${pkg.name} ${pkg.version} (${pkg.license ?? "?"})`, text });
  }
  const byText = new Map();
  for (const { id, text } of packages.values()) byText.set(text, [...(byText.get(text) ?? []), id]);
  const blocks = [...byText].map(([text, ids]) => `${ids.sort().join(", ")}:\n\n${text}`);
  return `\n/*! Bundled npm packages and their licences:\n\n${blocks.join("\n\n----\n\n").replace(/\*\//g, "* /")}\n*/\n`;
}

const started = performance.now();
const result = await build({
  absWorkingDir: root,
  entryPoints: ["src/explore/browser.ts"],
  outfile: BUNDLE,
  bundle: true,
  format: "iife",
  platform: "browser",
  // What Chromium, Firefox and Edge of the last years run; no syntax is lowered below it.
  target: ["es2022"],
  minify: true,
  legalComments: "eof",
  charset: "utf8",
  // convert.ts reads import.meta.url only inside the stubbed mathjs loader.
  define: { "import.meta.url": '"about:blank"' },
  plugins: [browserOnly],
  logLevel: "warning",
  metafile: true,
});
appendFileSync(join(root, BUNDLE), licences(result.metafile));
const kb = statSync(`${root}/${BUNDLE}`).size / 1024;
if (!process.argv.includes("--quiet")) console.log(`${BUNDLE}: ${kb.toFixed(0)} KB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
