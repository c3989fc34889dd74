/** The golden PSA cases (test/golden-check.ts), in a file of their own so that they run beside the others on the second core. */
import { goldenCases, isPsa } from "./golden-check.js";

goldenCases("golden outputs: PSA", isPsa);
