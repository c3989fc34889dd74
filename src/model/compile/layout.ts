/**
 * Compiled states: each declared state expanded into its duration bands (banded
 * on-states) or its re-inflow tunnel ("month 1..K since leaving", then durably off).
 */
import type { CompiledState, DurationBands, Reinflow } from "../model.js";
import type { Declared } from "./states.js";

export interface Layout {
  states: CompiledState[];
  /** Per declared state: the compiled state a newcomer enters (band 0, or tunnel cycle 1). */
  entryOf: Int32Array;
}

export function layoutStates(decl: Declared, bands: DurationBands | undefined, reinflow: readonly (Reinflow | null)[], cycleMonths: number): Layout {
  const states: CompiledState[] = [];
  const entryOf = new Int32Array(decl.states.length);
  const add = (name: string, declared: number, band: number, tunnel: number) => states.push({ name, declared, band, tunnel, base: states.length, layer: 0 });
  decl.states.forEach((d, i) => {
    entryOf[i] = states.length;
    const profile = reinflow[i];
    if (d.kind === "on" && bands) bands.labels.forEach((l, b) => add(`${d.name} (${l})`, i, b, 0));
    else if (profile) {
      const unit = cycleMonths === 12 ? "jaar" : "maand";
      profile.hazard.forEach((_, k) => add(`${d.name} (${unit} ${k + 1})`, i, -1, k + 1));
      add(d.name, i, -1, 0);
    } else add(d.name, i, -1, 0);
  });
  return { states, entryOf };
}
