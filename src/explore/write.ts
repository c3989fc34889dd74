/**
 * Building verkenner.html in Node: the compiled model and the parsed file become the
 * page's data, and the browser bundle made by `npm run build`
 * (bin/bundle-explore.mjs -> dist/explore/verkenner.bundle.js) is inlined. The
 * caller (the CLI) writes the page with the other outputs, atomically.
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { REPORT } from "../locale/messages-report.js";
import { EXPLORE } from "../locale/messages-explore.js";
import { InputError } from "../model/errors.js";
import type { Model } from "../model/model.js";
import type { ScenarioFile } from "../model/schema.js";
import { pageData } from "./data.js";
import { explorerHtml } from "./html.js";

import { EXPLORER_FILE } from "../report/html.js";
import { packageFile } from "../package-files.js";

export { EXPLORER_FILE };

/** The browser bundle the build made, for the sources (tests) and the CLI alike. */
const BUNDLE = packageFile("dist/explore/verkenner.bundle.js");

/** The browser bundle is not there: the package was compiled with tsc alone, not built. One line for the CLI, exit 2. */
export class MissingBundleError extends InputError {}

/** The bundled page script; a missing bundle is a build problem, named as such. */
export function readBundle(): string {
  const path = fileURLToPath(BUNDLE);
  if (!existsSync(path)) throw new MissingBundleError(path, "", ...EXPLORE.bundleMissing);
  return readFileSync(path, "utf8");
}

export interface ExplorerSource {
  model: Model;
  spec: ScenarioFile;
  /** The scenario file as named on the command line, its text and SHA-256. */
  file: string;
  text: string;
  hash: string;
  version: string;
}

/** The complete verkenner.html for a compiled scenario file. */
export function explorerPage(src: ExplorerSource): string {
  const data = pageData(src.model, src.spec, { file: src.file, hash: src.hash, text: src.text, version: src.version });
  return explorerHtml(data, src.model.label, readBundle());
}

/**
 * verkenner.html as a file of a run's outputs (`run --report`); without the bundle (the
 * package compiled with tsc alone) none, and `note` says why: the report still comes.
 */
export function explorerFiles(src: ExplorerSource, note: (message: string) => void): Record<string, string> {
  try {
    return { [EXPLORER_FILE]: explorerPage(src) };
  } catch (err) {
    if (!(err instanceof MissingBundleError)) throw err;
    note(REPORT.explorerNotWritten(err.describe()));
    return {};
  }
}
