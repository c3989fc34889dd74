/**
 * Files of this package (package.json, scenarios/, the build in dist/), found from
 * wherever the code runs: the compiled modules in dist/, the TypeScript sources (the
 * tests) or the command line's bundle (bin/bundle-cli.mjs). The package's root is the
 * nearest folder above this module that holds the package's package.json.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

interface Manifest {
  name?: string;
  version: string;
}

/** The package's folder and its package.json. */
function packageRoot(from: string): { dir: string; manifest: Manifest } {
  for (let dir = from; ; dir = dirname(dir)) {
    const path = join(dir, "package.json");
    const manifest = existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as Manifest) : undefined;
    if (manifest?.name === "bijstandsim") return { dir, manifest };
    if (dirname(dir) === dir) throw new Error(`the bijstandsim package was not found above ${from}`);
  }
}

const { dir: ROOT, manifest: MANIFEST } = packageRoot(dirname(fileURLToPath(import.meta.url)));

/** A file of the package by its path from the package's root, e.g. `dist/bundle/psa-task.js`. */
export const packageFile = (path: string): URL => pathToFileURL(join(ROOT, path));

/** The package's package.json. */
export const packageManifest = (): Manifest => MANIFEST;
