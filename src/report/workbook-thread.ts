/**
 * results.xlsx built in a second thread. Loading exceljs and building the workbook take
 * about 0.6 s, as long as drawing the charts after loading vega, so `run --report`
 * starts the thread with the run: exceljs loads while the run simulates, and the
 * workbook is built while this thread draws the charts. The bytes are the same as when
 * built here. The workbook is built in this thread when exceljs is loaded here already
 * (a process that makes several reports: the thread would load it again for each) and
 * where the compiled task module is missing (the sources run directly, in unit tests).
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { WorkerPool } from "../parallel/workers.js";
import type { RunView } from "./results.js";
import { workbookLibraryLoaded } from "./workbook.js";
import { resultsWorkbook } from "./xlsx.js";

export interface WorkbookBuilder {
  /** results.xlsx of a run. */
  build(doc: RunView): Promise<Uint8Array>;
  /** Ends the thread, at once, whether or not it is building. */
  stop(): Promise<void>;
}

/** Builds the workbook in this thread. */
export const inThisThread: WorkbookBuilder = {
  build: (doc) => resultsWorkbook(doc),
  stop: async () => undefined,
};

/** A thread that starts loading exceljs now and builds the workbooks it is given. */
export function startWorkbookThread(): WorkbookBuilder {
  const task = new URL("./workbook-task.js", import.meta.url);
  if (workbookLibraryLoaded() || !existsSync(fileURLToPath(task))) return inThisThread;
  const pool = new WorkerPool<RunView, Uint8Array>(task, 1);
  return {
    build: async (doc) => (await pool.runAll([doc], () => "results.xlsx"))[0],
    stop: () => pool.destroy(),
  };
}
