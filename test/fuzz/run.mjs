#!/usr/bin/env node
// The fuzz harness (docs/fuzz.md): `npm run fuzz -- --n 5000` mutates every shipped
// scenario (test/fuzz/mutate.mjs), runs each mutant with the compiled CLI in worker
// threads (test/fuzz/check.mjs) and prints the counts, the time and every defect
// with a reproducer. Deterministic for --seed. Exit 0 when there is no defect, 1 otherwise.
//
//   --n N          mutants (default 500)         --seed S     seed (default 1)
//   --jobs J       worker threads (default: cores)
//   --timeout S    seconds one mutant may take before it counts as a hang (default 120)
//   --only NAME    mutate only scenarios/NAME.json (repeatable)
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";

const root = fileURLToPath(new URL("../..", import.meta.url));

if (!isMainThread) {
  const { runMutant } = await import("./check.mjs");
  parentPort.on("message", async (m) => {
    const result = await runMutant({ ...m, bytes: Buffer.from(m.bytes) }, join(workerData.tmp, `m${m.id}`));
    parentPort.postMessage({ id: m.id, ...result });
  });
} else {
  await fuzzMain(process.argv.slice(2));
}

function option(args, name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
}

async function fuzzMain(args) {
  const n = Number(option(args, "--n", 500));
  const seed = Number(option(args, "--seed", 1));
  const jobs = Number(option(args, "--jobs", availableParallelism()));
  const timeout = Number(option(args, "--timeout", 120)) * 1000;
  const only = args.flatMap((a, i) => (args[i - 1] === "--only" ? [a] : []));
  const { mutants } = await import("./mutate.mjs");
  const files = readdirSync(join(root, "scenarios"))
    .filter((f) => f.endsWith(".json") && (only.length === 0 || only.includes(f.replace(/\.json$/, ""))))
    .sort()
    .map((f) => ({ name: f, text: readFileSync(join(root, "scenarios", f), "utf8") }));
  process.chdir(root);
  const queue = [...mutants(files, { seed, n })];
  const tmp = join(tmpdir(), `bijstandsim-fuzz-${process.pid}`);
  const started = Date.now();
  const counts = { ok: 0, refused: 0, defect: 0 };
  const byMode = {};
  const defects = [];
  let done = 0;

  const saved = (m) => {
    const dir = join(root, "output", "fuzz");
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `defect-${seed}-${m.id}-${m.name}`);
    writeFileSync(file, m.bytes);
    return `bin/bijstandsim run ${file} ${m.args.map((a) => JSON.stringify(a)).join(" ")} --out /tmp/fuzz-out`;
  };
  const record = (m, r) => {
    counts[r.verdict]++;
    const mode = m.args.includes("psa") ? "psa" : m.args.includes("microsim") ? "microsim" : m.args.includes("--report") ? "report" : "cohort";
    byMode[mode] ??= { ok: 0, refused: 0, defect: 0 };
    byMode[mode][r.verdict]++;
    if (r.verdict === "defect") {
      defects.push({ m, reason: r.reason, reproduce: saved(m) });
      process.stderr.write(`fuzz: defect #${m.id} (${m.what}): ${r.reason}\n`);
    }
    if (++done % 250 === 0) process.stderr.write(`fuzz: ${done}/${n} (${((Date.now() - started) / 1000).toFixed(0)} s, ${counts.defect} defect(s))\n`);
  };

  await Promise.all(Array.from({ length: Math.max(1, Math.min(jobs, queue.length)) }, () => drive(queue, { tmp, timeout, record })));
  rmSync(tmp, { recursive: true, force: true });

  const seconds = (Date.now() - started) / 1000;
  console.log(`fuzz: seed ${seed}, ${n} mutants of ${files.map((f) => f.name).join(", ")} in ${seconds.toFixed(1)} s (${jobs} thread(s))`);
  console.log(`  exit 0, complete and finite: ${counts.ok}; exit 2, one line, nothing written: ${counts.refused}; defects: ${counts.defect}`);
  for (const [mode, c] of Object.entries(byMode)) console.log(`  ${mode.padEnd(8)} ok ${c.ok}, refused ${c.refused}, defects ${c.defect}`);
  for (const { m, reason, reproduce } of defects) console.log(`\nDEFECT #${m.id} (${m.what}): ${reason}\n  reproduce: ${reproduce}`);
  process.exitCode = defects.length ? 1 : 0;
}

/** One worker thread taking mutants from the queue; a hang or a crash is recorded and the thread replaced. */
async function drive(queue, { tmp, timeout, record }) {
  const start = () => new Worker(fileURLToPath(import.meta.url), { workerData: { tmp }, resourceLimits: { maxOldGenerationSizeMb: 3072 } });
  let worker = start();
  while (queue.length) {
    const m = queue.shift();
    const result = await new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ verdict: "defect", reason: `no result after ${timeout / 1000} s (hang)`, restart: true }), timeout);
      const done = (r) => {
        clearTimeout(timer);
        worker.off("message", done);
        worker.off("error", failed);
        worker.off("exit", exited);
        resolve(r);
      };
      const failed = (e) => done({ verdict: "defect", reason: `worker died: ${e?.code ?? ""} ${String(e?.message ?? e).slice(0, 300)}`, restart: true });
      const exited = (code) => done({ verdict: "defect", reason: `worker exited (${code})`, restart: true });
      worker.on("message", done);
      worker.on("error", failed);
      worker.on("exit", exited);
      worker.postMessage({ id: m.id, name: m.name, bytes: m.bytes, args: m.args });
    });
    record(m, result);
    if (result.restart) {
      await worker.terminate();
      worker = start();
    }
  }
  await worker.terminate();
}
