// microsim-v1 throughput (spec: docs/microsim-v1.md): N = 1e6 persons, T = 120
// steps, alias sampling, through the engine's own path (runMicrosimV1) on 1 and 2
// workers. One warm-up run per worker count, then RUNS timed runs interleaved across
// worker counts (so background load hits both alike); the median is reported.
// workers 1 runs on the main thread; 2 on a piscina pool created once and reused
// (pool start-up is shown separately as the cold run's time).
// Appends one JSON line per worker count to benchmarks/results.jsonl.
import { dist, median, printTable, record } from "./lib.mjs";

const N = 1_000_000;
const T = 120;
const METHOD = "alias";
const WORKERS = [1, 2];
const RUNS = 7;
const GOLDEN = 86455897135;

export default async function microsimV1() {
  const { runMicrosimV1, MicrosimPool } = await import(dist("engine/microsim/index.js"));

  const configs = WORKERS.map((workers) => ({ workers, times: [], checksums: [], cold: 0, pool: undefined }));
  const runOnce = async (c) => {
    const t0 = performance.now();
    const { checksum } = await runMicrosimV1({ n: N, t: T, method: METHOD, workers: c.workers, pool: c.pool });
    const seconds = (performance.now() - t0) / 1000;
    c.checksums.push(checksum);
    return seconds;
  };
  try {
    for (const c of configs) {
      const t0 = performance.now();
      if (c.workers > 1) c.pool = new MicrosimPool({ workers: c.workers });
      await runOnce(c); // warm-up (JIT; for a pool also thread start-up)
      c.cold = (performance.now() - t0) / 1000;
    }
    for (let r = 0; r < RUNS; r++) for (const c of configs) c.times.push(await runOnce(c));
  } finally {
    for (const c of configs) await c.pool?.destroy();
  }

  const rows = configs.map((c) => {
    const median_s = median(c.times);
    const checksum = c.checksums.every((x) => x === c.checksums[0]) ? c.checksums[0] : NaN;
    return {
      bench: "microsim-v1",
      workers: c.workers,
      median_s: Number(median_s.toFixed(4)),
      throughput: Math.round((N * T) / median_s),
      unit: "person-steps/s",
      checksum,
      golden_ok: checksum === GOLDEN,
      _min: Math.min(...c.times),
      _max: Math.max(...c.times),
      _cold: c.cold,
    };
  });

  console.log(`microsim-v1: N=${N} T=${T} S=12 ${METHOD}, median of ${RUNS} runs after 1 warm-up, node ${process.version}`);
  printTable([
    ["workers", "median_s", "min_s", "max_s", "cold_s", "person-steps/s", "checksum", "golden"],
    ...rows.map((r) => [
      r.workers,
      r.median_s.toFixed(4),
      r._min.toFixed(4),
      r._max.toFixed(4),
      r._cold.toFixed(4),
      r.throughput.toExponential(3),
      r.checksum,
      r.golden_ok ? "ok" : "WRONG",
    ]),
  ]);
  console.log("cold_s: the warm-up run, including JIT warm-up and, for a pool, starting its threads");
  record(rows.map(({ _min, _max, _cold, ...line }) => line));
  const bad = rows.filter((r) => !r.golden_ok);
  if (bad.length > 0) {
    throw new Error(`checksum differs from golden ${GOLDEN} for workers ${bad.map((r) => r.workers).join(", ")}`);
  }
}
