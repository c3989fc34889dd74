/**
 * The one Ctrl-C path. While a command has something to undo (an output folder being
 * staged, worker threads running) a SIGINT handler is installed: it prints one line,
 * stops the registered workers and exits 130; the publisher's exit hook removes the
 * staging folder and the lock (src/report/publish.ts), so nothing is published. A
 * single-threaded loop yields between ranges (parallel/) and the run yields once more
 * just before its commit, so a signal always lands before the files appear. Outside
 * such a section Ctrl-C keeps Node's default: the process ends at once.
 */
import { CLI } from "../locale/messages-cli.js";

const stoppers = new Set<() => Promise<void>>();
let depth = 0;
let interrupted = false;

function handler(): void {
  if (interrupted) return;
  interrupted = true;
  process.stderr.write(`\n${CLI.interrupted}\n`);
  const stops = [...stoppers].map((stop) => stop().catch(() => undefined));
  // A thread that does not stop within two seconds is not waited for.
  const timer = setTimeout(() => process.exit(130), 2000);
  void Promise.all(stops).finally(() => {
    clearTimeout(timer);
    process.exit(130);
  });
}

/** True once Ctrl-C was handled: errors that follow (threads being stopped) are not reported. */
export const wasInterrupted = (): boolean => interrupted;

/** Runs `fn` with the handler installed (sections nest). */
export async function interruptible<R>(fn: () => Promise<R>): Promise<R> {
  if (depth++ === 0) process.on("SIGINT", handler);
  try {
    return await fn();
  } finally {
    if (--depth === 0) process.off("SIGINT", handler);
  }
}

/** Registers a function that stops running threads on Ctrl-C; returns its removal. */
export function onInterrupt(stop: () => Promise<void>): () => void {
  stoppers.add(stop);
  return () => void stoppers.delete(stop);
}

/**
 * Lets a pending SIGINT be handled (before a commit). A signal is read in the event
 * loop's poll phase, which promise chains (drawing the charts, a thread's answer already
 * in) never reach: two setImmediates in turn put a whole loop iteration, poll phase
 * included, between the call and its end. Once Ctrl-C was handled it never resolves: the
 * handler may still be stopping threads before it exits, and the work must not go on to
 * publish meanwhile.
 */
export function interruptPoint(): Promise<void> {
  // Tests: a Ctrl-C pending while the work goes on through promises alone.
  if (process.env.BIJSTANDSIM_TEST_SIGINT_BEFORE_COMMIT !== undefined && !interrupted) process.kill(process.pid, "SIGINT");
  return new Promise((resolve) => setImmediate(() => setImmediate(() => interrupted || resolve())));
}
