/**
 * Worker-thread entry for the microsimulation (run by piscina, see pool.ts): one
 * contiguous range of blocks per task, either of the microsim-v1 workload
 * (BlockRangeTask) or of a scenario's persons (PersonsTask, `kind: "persons"`).
 *
 * The counts go back as a structured-clone copy (kilobytes), deliberately not with
 * Piscina.move: transferring detaches an ArrayBuffer, and the first detach in a V8
 * isolate switches every typed-array access in optimized code to a slower,
 * detach-checking form for the rest of the thread's life. Measured on the
 * microsim-v1 kernel: about 15% slower on every later task in that worker.
 */
import { runBlockRange, type BlockRangeTask } from "../engine/microsim/step.js";
import { runPersonsTask, type PersonsTask } from "../engine/microsim/job.js";

export type MicrosimTask = BlockRangeTask | PersonsTask;

export default function microsimTask(task: MicrosimTask): Float64Array {
  if ("kind" in task && task.kind === "persons") return runPersonsTask(task);
  return runBlockRange(task as BlockRangeTask);
}
