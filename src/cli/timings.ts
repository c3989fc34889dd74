/**
 * `run --timings`: where the time of a run goes (start-up, reading and compiling, the
 * simulation, the analyses, the files, the what-if page, the report, writing), printed
 * as one line on stderr, so a slow step shows without a profiler.
 */
import { performance } from "node:perf_hooks";
import { formatDecimal } from "../locale/format.js";
import { CLI } from "../locale/messages-cli.js";

export type Phase = keyof typeof CLI.phases;

export class Timings {
  private last: number;
  private readonly parts: [Phase, number][] = [];

  /** Starts with the time since the process began: Node's start-up and loading the modules. */
  constructor() {
    this.last = performance.now();
    this.parts.push(["startup", this.last]);
  }

  /** Ends a phase: the time since the previous lap goes to `phase` (added up when it recurs). */
  lap(phase: Phase): void {
    const now = performance.now();
    const at = this.parts.find(([p]) => p === phase);
    if (at) at[1] += now - this.last;
    else this.parts.push([phase, now - this.last]);
    this.last = now;
  }

  /** `Tijden: opstarten 0,31 s, ...; totaal 2,25 s` in the run's language. */
  text(): string {
    const s = (ms: number) => `${formatDecimal(ms / 1000, 2)} s`;
    const total = this.parts.reduce((a, [, ms]) => a + ms, 0);
    const order = Object.keys(CLI.phases);
    const parts = [...this.parts].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b));
    return CLI.timingsLine(parts.map(([p, ms]) => `${CLI.phases[p]} ${s(ms)}`).join(", "), s(total));
  }
}
