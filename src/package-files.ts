/**
 * Files of this package (package.json, scenarios/, the build in dist/), found from
 * wherever the code runs: the compiled modules in dist/, the TypeScript sources (the
 * tests) or the command line's bundle (bin/bundle-cli.mjs). The package's root is the
 * nearest folder above this module that holds the package's package.json.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "bijstandsim") return dir;
    if (dirname(dir) === dir) throw new Error(`the bijstandsim package was not found above ${from}`);
  }
}

const ROOT = packageRoot(dirname(fileURLToPath(import.meta.url)));

/** A file of the package by its path from the package's root, e.g. `dist/bundle/psa-task.js`. */
export const packageFile = (path: string): URL => pathToFileURL(join(ROOT, path));

/** The package's package.json. */
export const packageManifest = (): { version: string } => JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
