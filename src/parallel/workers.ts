/**
 * A small piscina wrapper shared by the parallel engines: a fixed number of threads
 * running one compiled task module, errors that say which task failed, and a
 * destroy() so a live pool never keeps the process running.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Piscina } from "piscina";
import { lang } from "../locale/lang.js";
import { CLI } from "../locale/messages-cli.js";
import { InputError } from "../model/errors.js";
import { packageFile } from "../package-files.js";

const TASK_ENTRY = packageFile("dist/parallel/task-entry.cjs");

export const defaultWorkers = (): number => Math.min(64, availableParallelism());

export class WorkerPool<Task, Result> {
  readonly workers: number;
  private readonly piscina: Piscina<Task, Result>;

  constructor(taskUrl: URL, workers = defaultWorkers()) {
    if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be a whole number of at least 1, got ${workers}`);
    const file = fileURLToPath(taskUrl);
    if (!existsSync(file)) throw new Error(`worker module ${file} not found: the pool runs compiled JavaScript, run \`npm run build\` first`);
    this.workers = workers;
    // Every thread requires the CommonJS task-entry, which imports the task module: see
    // task-entry.cts for the Node abort that loading the ES module directly can cause.
    // The threads speak the run's language (--lang may differ from the environment's BIJSTANDSIM_LANG).
    this.piscina = new Piscina({
      filename: TASK_ENTRY.href,
      workerData: { taskUrl: taskUrl.href },
      minThreads: workers,
      maxThreads: workers,
      env: { ...process.env, BIJSTANDSIM_LANG: lang() },
    });
    // Errors not tied to a task: when one task fails we destroy the pool while others may
    // still answer, and piscina reports those answers ("Unexpected message from Worker") as
    // an 'error' event, which would crash the process without a listener. While running,
    // such an error fails the batch; after destroy() it is expected and dropped.
    this.piscina.on("error", (err: unknown) => {
      if (!this.destroyed) this.poolError ??= err instanceof Error ? err : new Error(String(err));
    });
  }

  private destroyed = false;
  private poolError: Error | undefined;

  /** Runs every task; the results come back in task order whatever thread ran them. */
  async runAll(tasks: Task[], describe: (task: Task) => string, onDone?: (task: Task) => void): Promise<Result[]> {
    const results = await Promise.all(
      tasks.map((task) =>
        this.piscina.run(task).then(
          (result) => {
            onDone?.(task);
            return result;
          },
          (err: unknown) => {
            const input = fromWire(err);
            if (input) throw input; // a mistake in the input, found in a worker: same message and exit 2 as in this thread
            throw new WorkerError(CLI.workerFailedOn(describe(task), err instanceof Error ? err.message : String(err)), { cause: err });
          },
        ),
      ),
    );
    if (this.poolError) throw new WorkerError(CLI.workerThreadFailed(this.poolError.message), { cause: this.poolError });
    return results;
  }

  async destroy(): Promise<void> {
    this.destroyed = true;
    await this.piscina.destroy();
  }
}

/** A task failed inside a worker thread (the CLI exits 1 and writes nothing). */
export class WorkerError extends Error {}

/** Splits `total` items into at most `parts` contiguous [first, count] ranges of near-equal size. */
export function splitRange(total: number, parts: number): Array<[number, number]> {
  const n = Math.max(1, Math.min(parts, total));
  const out: Array<[number, number]> = [];
  for (let k = 0; k < n; k++) {
    const first = Math.floor((total * k) / n);
    const end = Math.floor((total * (k + 1)) / n);
    if (end > first) out.push([first, end - first]);
  }
  return out;
}

/**
 * Errors cross the thread boundary as plain Errors (their class is lost), so a worker
 * sends an InputError as a marked message and the pool turns it back into one.
 */
const INPUT_ERROR = "bijstandsim-input-error:";

/** Runs a worker task, marking InputErrors for the trip back to the main thread. */
export async function asWorkerTask<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof InputError) throw new Error(INPUT_ERROR + JSON.stringify({ file: err.file, path: err.path, message: err.message, fix: err.fix }));
    throw err;
  }
}

function fromWire(err: unknown): InputError | undefined {
  const message = err instanceof Error ? err.message : "";
  if (!message.startsWith(INPUT_ERROR)) return undefined;
  const e = JSON.parse(message.slice(INPUT_ERROR.length)) as { file: string; path: string; message: string; fix: string };
  return new InputError(e.file, e.path, e.message, e.fix);
}
