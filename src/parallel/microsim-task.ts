/**
 * Worker-thread entry for the microsimulation (run by piscina, see pool.ts): one
 * contiguous range of blocks per task.
 *
 * The occupancy goes back as a structured-clone copy (steps x S doubles, kilobytes),
 * deliberately not with Piscina.move: transferring detaches an ArrayBuffer, and the
 * first detach in a V8 isolate switches every typed-array access in optimized code
 * to a slower, detach-checking form for the rest of the thread's life. Measured on
 * the microsim-v1 kernel: about 15% slower on every later task in that worker.
 */
import { runBlockRange, type BlockRangeTask } from "../engine/microsim/step.js";

export default function microsimTask(task: BlockRangeTask): Float64Array {
  return runBlockRange(task);
}
