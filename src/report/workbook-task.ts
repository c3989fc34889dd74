/**
 * Worker-thread entry of the workbook thread (workbook-thread.ts): results.xlsx from a
 * run's results as the report reads them. exceljs starts loading as soon as the thread
 * does, so by the time the run has its results the library is ready.
 */
import { asWorkerTask } from "../parallel/workers.js";
import type { RunView } from "./results.js";
import { resultsWorkbook } from "./xlsx.js";

const loading = import("exceljs");
loading.catch(() => undefined); // a failed load surfaces in the task, not as an unhandled rejection

export default function workbookTask(doc: RunView): Promise<Uint8Array> {
  return asWorkerTask(async () => {
    await loading;
    return resultsWorkbook(doc);
  });
}
