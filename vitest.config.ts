import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    // results.json records the run's date (meta.created): a fixed one makes runs comparable byte for byte.
    env: { SOURCE_DATE_EPOCH: "1704067200" },
    // Vitest leaves one core free by default; on two cores that runs the files one by one.
    // Most test time is single-threaded JavaScript, so use every core.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
