import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    // results.json records the day of the run (meta.date): a fixed day keeps the golden
    // fixtures and the run-twice comparisons byte-identical (test/golden/generate.mjs sets the same).
    env: { SOURCE_DATE_EPOCH: "1767225600" },
    // Every scratch folder of the run lives in one temporary directory, removed at the end.
    globalSetup: ["test/temp-root.ts"],
    // Vitest leaves one core free by default; on two cores that runs the files one by one.
    // Most test time is single-threaded JavaScript, so use every core.
    maxWorkers: Math.max(2, availableParallelism()),
    // Test files share their worker's module cache instead of loading src/ and dist/ afresh
    // each (some 20 s of a 90 s suite on two cores). A file leaves the process as it found
    // it: the working directory and environment are restored in finally blocks, main()
    // restores the language, and the order of files does not matter (checked with
    // --sequence.shuffle.files).
    isolate: false,
  },
});
