/**
 * The file piscina loads in every worker thread: CommonJS on purpose.
 *
 * piscina loads its task file with require() first. For an ES module on Node 20.19+ that
 * is require(esm), and a worker terminated while require(esm) is instantiating the module
 * graph (a pool destroyed right after it started, when one task fails or on Ctrl-C)
 * aborts the whole process with a V8 assertion ("IsGraphAsync must be used on an
 * instantiated module"). This CommonJS file is required instead, and loads the real task
 * module with import(), which a termination only rejects.
 */
import { workerData } from "node:worker_threads";

type Handler = (task: unknown) => unknown;

const taskUrl = (workerData as { taskUrl?: unknown } | undefined)?.taskUrl;
if (typeof taskUrl !== "string") throw new Error("task-entry: workerData.taskUrl is not set");

// Started at once, as require() did, so the module loads while the pool starts.
const loading: Promise<Handler> = import(taskUrl).then((m: { default: Handler }) => m.default);
loading.catch(() => undefined); // a rejection surfaces on the first task, not as an unhandled one

export = (task: unknown): Promise<unknown> => loading.then((handle) => handle(task));
