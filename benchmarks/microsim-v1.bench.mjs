// microsim-v1 throughput (spec: docs/microsim-v1.md): N = 1e6 persons, T = 120 steps,
// alias sampling, through the engine's own path (runMicrosimV1) on 1 and 2 workers,
// next to the project's C yardstick (benchmarks/yardstick/microsim.c) measured in the
// same run with the same N, T and thread counts.
//
// The engine runs with the kernel it selects (WebAssembly when built, see
// src/engine/microsim/kernel-wasm.ts; BIJSTANDSIM_KERNEL=js forces the JS kernel).
// workers 1 runs on the main thread; 2 on a piscina pool created once and reused (its
// start-up shows in the cold run). One warm-up per configuration, then RUNS rounds;
// each round runs every configuration once, the engine and C back to back per thread
// count, so background load hits both alike. Reported: medians; the ratios are the
// medians of the per-round ratios. CPU time is the process's (all its threads): for
// the engine process.cpuUsage(), for C clock_gettime(CLOCK_PROCESS_CPUTIME_ID).
// The JS kernel on the main thread is measured in the same rounds, for reference.
import { dist, median, printTable, record } from "./lib.mjs";
import { buildYardstick, runYardstick } from "./yardstick.mjs";

const N = 1_000_000;
const T = 120;
const METHOD = "alias";
const WORKERS = [1, 2];
const RUNS = 7;
const GOLDEN = 86455897135;

const fmt = (x, digits = 3) => (Number.isFinite(x) ? x.toFixed(digits) : "-");

export default async function microsimV1() {
  const { runMicrosimV1, MicrosimPool } = await import(dist("parallel/microsim-v1.js"));
  const kernels = await import(dist("engine/microsim/kernel-wasm.js"));
  const kernel = kernels.microsimKernel();
  const yardstick = buildYardstick();
  if (yardstick.missing) console.log(`C yardstick: not measured (${yardstick.missing}); the engine's figures only`);
  else console.log(`C yardstick: ${yardstick.compiler}, ${yardstick.flags}`);

  const engine = WORKERS.map((workers) => ({ workers, kernel, wall: [], cpu: [], checksums: [], cold: 0, pool: undefined }));
  const jsRef = kernel === "js" ? null : { workers: 1, kernel: "js", wall: [], cpu: [], checksums: [], cold: 0 };
  const c = WORKERS.map((threads) => ({ threads, wall: [], cpu: [], checksums: [] }));

  const runEngine = async (cfg) => {
    if (cfg.kernel !== kernel) kernels.useMicrosimKernel(cfg.kernel);
    try {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const { checksum } = await runMicrosimV1({ n: N, t: T, method: METHOD, workers: cfg.workers, pool: cfg.pool });
      const wall = (performance.now() - t0) / 1000;
      const used = process.cpuUsage(cpu0);
      cfg.checksums.push(checksum);
      return { wall, cpu: (used.user + used.system) / 1e6 };
    } finally {
      if (cfg.kernel !== kernel) kernels.useMicrosimKernel(kernel);
    }
  };
  const runC = (cfg) => {
    const r = runYardstick(yardstick.binary, { n: N, t: T, method: METHOD, threads: cfg.threads });
    cfg.checksums.push(r.checksum);
    return { wall: r.wall_s, cpu: r.cpu_s };
  };

  try {
    for (const cfg of [...engine, ...(jsRef ? [jsRef] : [])]) {
      const t0 = performance.now();
      if (cfg.workers > 1) cfg.pool = new MicrosimPool({ workers: cfg.workers });
      await runEngine(cfg); // warm-up (JIT and wasm tier-up; for a pool also thread start-up)
      cfg.cold = (performance.now() - t0) / 1000;
    }
    if (!yardstick.missing) for (const cfg of c) runC(cfg); // warm-up (page cache, CPU frequency)
    for (let r = 0; r < RUNS; r++) {
      for (let k = 0; k < WORKERS.length; k++) {
        const ours = await runEngine(engine[k]);
        engine[k].wall.push(ours.wall);
        engine[k].cpu.push(ours.cpu);
        if (!yardstick.missing) {
          const theirs = runC(c[k]);
          c[k].wall.push(theirs.wall);
          c[k].cpu.push(theirs.cpu);
        }
      }
      if (jsRef) {
        const js = await runEngine(jsRef);
        jsRef.wall.push(js.wall);
        jsRef.cpu.push(js.cpu);
      }
    }
  } finally {
    for (const cfg of engine) await cfg.pool?.destroy();
  }

  const sameChecksum = (xs) => (xs.every((x) => x === xs[0]) ? xs[0] : NaN);
  const pairRatio = (num, den) => median(num.map((x, k) => x / den[k]));
  const rows = engine.map((cfg, k) => {
    const wall = median(cfg.wall);
    const checksum = sameChecksum(cfg.checksums);
    const row = {
      bench: "microsim-v1",
      kernel: cfg.kernel,
      workers: cfg.workers,
      n: N,
      t: T,
      method: METHOD,
      median_s: Number(wall.toFixed(4)),
      cpu_s: Number(median(cfg.cpu).toFixed(4)),
      throughput: Math.round((N * T) / wall),
      unit: "person-steps/s",
      checksum,
      golden_ok: checksum === GOLDEN,
      cold_s: Number(cfg.cold.toFixed(4)),
      // the fastest round: on a busy machine the least disturbed one
      min_s: Number(Math.min(...cfg.wall).toFixed(4)),
      min_cpu_s: Number(Math.min(...cfg.cpu).toFixed(4)),
    };
    if (!yardstick.missing) {
      const cw = median(c[k].wall);
      Object.assign(row, {
        c_median_s: Number(cw.toFixed(4)),
        c_cpu_s: Number(median(c[k].cpu).toFixed(4)),
        c_throughput: Math.round((N * T) / cw),
        c_checksum: sameChecksum(c[k].checksums),
        c_min_s: Number(Math.min(...c[k].wall).toFixed(4)),
        c_min_cpu_s: Number(Math.min(...c[k].cpu).toFixed(4)),
        // ours / C in person-steps/s (= C wall / our wall), and in CPU time (C CPU / our CPU)
        ratio_c: Number(pairRatio(c[k].wall, cfg.wall).toFixed(3)),
        ratio_c_cpu: Number(pairRatio(c[k].cpu, cfg.cpu).toFixed(3)),
      });
    }
    return row;
  });
  if (rows.length > 1) rows[1].speedup = Number((rows[1].throughput / rows[0].throughput).toFixed(3));
  if (jsRef) {
    const wall = median(jsRef.wall);
    const checksum = sameChecksum(jsRef.checksums);
    rows.push({
      bench: "microsim-v1", kernel: "js", workers: 1, n: N, t: T, method: METHOD,
      median_s: Number(wall.toFixed(4)), cpu_s: Number(median(jsRef.cpu).toFixed(4)),
      throughput: Math.round((N * T) / wall), unit: "person-steps/s", checksum, golden_ok: checksum === GOLDEN,
      cold_s: Number(jsRef.cold.toFixed(4)),
    });
  }

  console.log(`microsim-v1: N=${N} T=${T} S=12 ${METHOD}, median of ${RUNS} interleaved rounds after 1 warm-up, node ${process.version}`);
  printTable([
    ["kernel", "workers", "wall_s", "cpu_s", "person-steps/s", "C wall_s", "C cpu_s", "C person-steps/s", "ours/C steps/s", "ours/C cpu", "checksum"],
    ...rows.map((r) => [
      r.kernel, r.workers, fmt(r.median_s, 4), fmt(r.cpu_s, 4), r.throughput.toExponential(3),
      fmt(r.c_median_s, 4), fmt(r.c_cpu_s, 4), r.c_throughput ? r.c_throughput.toExponential(3) : "-",
      fmt(r.ratio_c), fmt(r.ratio_c_cpu),
      r.golden_ok && (r.c_checksum === undefined || r.c_checksum === GOLDEN) ? "golden" : "WRONG",
    ]),
  ]);
  const [one, two] = rows;
  console.log(
    `2 workers vs 1: x${fmt(two.speedup, 2)}` +
      (two.c_throughput ? `; C 2 threads vs 1: x${fmt(two.c_throughput / one.c_throughput, 2)}` : "") +
      (jsRef ? `; ${kernel} vs the JS kernel on 1 worker: x${fmt(rows[rows.length - 1].median_s / one.median_s, 2)}` : ""),
  );
  if (!yardstick.missing) {
    console.log("ours/C: median over rounds of (C time / our time), so above 1 means faster than C; cpu: CPU time of all threads");
    console.log(
      `fastest rounds (the least disturbed on a busy machine): ` +
        rows
          .filter((r) => r.c_min_s !== undefined)
          .map((r) => `${r.workers} worker(s) ours ${fmt(r.min_s, 4)} s / ${fmt(r.min_cpu_s, 4)} s CPU, C ${fmt(r.c_min_s, 4)} s / ${fmt(r.c_min_cpu_s, 4)} s CPU (ours/C ${fmt(r.c_min_s / r.min_s)} / ${fmt(r.c_min_cpu_s / r.min_cpu_s)})`)
          .join("; "),
    );
  }
  record(rows);
  const bad = rows.filter((r) => !r.golden_ok || (r.c_checksum !== undefined && r.c_checksum !== GOLDEN));
  if (bad.length > 0) {
    throw new Error(`checksum differs from golden ${GOLDEN} for ${bad.map((r) => `${r.kernel}/${r.workers}`).join(", ")}`);
  }
}
