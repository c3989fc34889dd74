/**
 * Golden outputs: every shipped scenario in cohort, PSA and microsimulation mode, the
 * break-even command and the report, run with the compiled CLI in this process; every
 * file written (results.xlsx aside: a zip, read back cell by cell in report.test.ts)
 * must equal the fixture under test/golden/<case>/ byte for byte. The fixtures were made with
 * `node test/golden/generate.mjs`; an intended change of an output regenerates them in
 * the same commit, so the diff shows what changed.
 */
import { goldenCases, isPsa } from "./golden-check.js";

goldenCases("golden outputs: cohort, break-even, microsimulation", (name) => !isPsa(name));
