/**
 * The report's view of a results document (outcomes/results.ts): per scenario block
 * the label of its variant, and per year every number by its key in `metrics`, so a
 * chart asks `metrics[name]` and draws nothing when the run does not carry it (bands
 * exist only after probabilistic runs).
 */
import { metricIn, type ResultsDoc } from "../outcomes/results.js";

export interface YearRow {
  year: number;
  /** Every metric of the year (and `<metric>_<band>`), by its key in results.json. */
  metrics: Record<string, number>;
  states: Record<string, { volume_end: number; volume_avg: number }>;
}

export interface ScenarioBlock {
  name: string;
  label: string;
  variant: string;
  variantLabel: string;
  years: YearRow[];
  transitions: { year: number; from: string; to: string; count: number }[];
}

export interface RunView extends Omit<ResultsDoc, "scenarios"> {
  scenarios: ScenarioBlock[];
}

export function viewOf(doc: ResultsDoc): RunView {
  return {
    ...doc,
    scenarios: doc.scenarios.map((s) => ({
      name: s.name,
      label: s.label,
      variant: s.variant,
      variantLabel: s.variant_label,
      years: s.years.map((y) => {
        const metrics: Record<string, number> = {};
        for (const k of Object.keys(y)) {
          const v = metricIn(y, k);
          if (v !== undefined) metrics[k] = v;
        }
        return { year: y.year, metrics, states: y.states };
      }),
      transitions: s.transitions,
    })),
  };
}
