/**
 * The Begroting sheet of results.xlsx: per macro scenario a block with the years as
 * columns and the quantities of a municipal budget as rows (volume, flows, expenditure,
 * budget, BUIG result before and after the vangnet, and per intervention its cost, BUIG
 * effect and net effect), in whole euros and labels in the run's language, ready to paste into a
 * begroting. Pure: a RunView in, a grid sheet out (workbook.ts writes it).
 */
import { formatNumber, shownNet, shownNetSeries, shownValue, STORED_DECIMALS } from "../locale/format.js";
import { REPORT } from "../locale/messages-report.js";
import { baselineBlocks, compensated, metricOf } from "./charts.js";
import type { RunView, ScenarioBlock, YearRow } from "./results.js";
import { EURO_FORMAT, PERSONS_1_FORMAT, PERSONS_FORMAT, SHARE_1_FORMAT, type Cell, type GridRow, type GridSheet } from "./workbook.js";

export const BEGROTING_SHEET = "Begroting";

/** A row of a block: its label, its value in a year, its format, and whether a total over the years means something. */
interface Line {
  label: string;
  value: (y: YearRow, i: number, years: YearRow[]) => number | undefined;
  format: string;
  /** Flows add up over the years; stocks, averages, shares and cumulative amounts do not. */
  sum: boolean;
  /** An amount in euros. */
  euro?: boolean;
  /** Left out where no year has a value (a percentile the run did not keep). */
  optional?: boolean;
}

const get = (key: string) => (y: YearRow) => metricOf(y.metrics, key);

/** Volume at the start of a year: the end of the year before, and in the first year the end minus what came in plus what went out (persons are conserved). */
function volumeStart(y: YearRow, i: number, years: YearRow[]): number | undefined {
  if (i > 0) return metricOf(years[i - 1].metrics, "volume_end");
  const [end, inflow, work, other] = ["volume_end", "inflow", "outflow_work", "outflow_other"].map((k) => metricOf(y.metrics, k));
  return end === undefined || inflow === undefined || work === undefined || other === undefined ? undefined : end - inflow + work + other;
}

/** The vangnet compensation as the sheet shows it: the result after the vangnet as shown minus the result as shown, so that the three lines add up. */
function compensation(y: YearRow): number | undefined {
  const [result, after] = [metricOf(y.metrics, "buig_result"), metricOf(y.metrics, "buig_result_after_vangnet")];
  if (result === undefined || after === undefined) return metricOf(y.metrics, "vangnet_compensation");
  return shownValue(after, 0, STORED_DECIMALS.euro) - shownValue(result, 0, STORED_DECIMALS.euro);
}

function share(y: YearRow): number | undefined {
  const result = metricOf(y.metrics, "buig_result");
  const budget = y.metrics.budget;
  return result === undefined || budget === undefined || budget === 0 ? undefined : result / budget;
}

const persons = (label: string, key: string, sum: boolean, format: string = PERSONS_FORMAT): Line => ({ label, value: get(key), format, sum });
const euros = (label: string, key: string, sum = true): Line => ({ label, value: get(key), format: EURO_FORMAT, sum, euro: true });

/**
 * After a line of a run with draws (PSA, microsimulation replications): its 5th and 95th
 * percentile per year, the 90% interval a begroting gives as its range. No total: the
 * percentiles of single years do not add up to those of the horizon.
 */
function withRange(line: Line, key: string, banded: boolean, T = REPORT.begroting): Line[] {
  if (!banded) return [line];
  const at = (stat: "p05" | "p95", label: string): Line => ({ ...line, label, value: (y) => y.metrics[`${key}_${stat}`], sum: false, optional: true });
  return [line, at("p05", T.low), at("p95", T.high)];
}

/** The baseline's lines (labels in the run's language, read when the sheet is built), with the 90% interval under the key ones when the run has one. */
const baselineLines = (banded: boolean, T = REPORT.begroting): Line[] => [
  { label: T.volumeStart, value: volumeStart, format: PERSONS_FORMAT, sum: false },
  ...withRange(persons(T.volumeEnd, "volume_end", false), "volume_end", banded),
  persons(T.volumeAvg, "volume_avg", false, PERSONS_1_FORMAT),
  persons(T.inflow, "inflow", true),
  persons(T.outflowWork, "outflow_work", true),
  persons(T.outflowOther, "outflow_other", true),
  ...withRange(euros(T.expenditure, "expenditure"), "expenditure", banded),
  euros(T.budget, "budget"),
  ...withRange(euros(T.result, "buig_result"), "buig_result", banded),
  { ...euros(T.vangnet, "vangnet_compensation"), value: compensation },
  ...withRange(euros(T.resultAfterVangnet, "buig_result_after_vangnet"), "buig_result_after_vangnet", banded),
  { label: T.resultShare, value: share, format: SHARE_1_FORMAT, sum: false },
];

/**
 * A year's net effect as the sheet shows it: an effect (the BUIG effect, or what is kept
 * after the vangnet) as shown minus the cost as shown (format.ts shownNet), so that the
 * net line is the two lines above it subtracted; the stored net where a part is missing.
 */
const netOf = (effectKey: string, netKey: string) => (y: YearRow): number | undefined => {
  const [effect, cost] = [metricOf(y.metrics, effectKey), metricOf(y.metrics, "intervention_cost")];
  return effect === undefined || cost === undefined ? metricOf(y.metrics, netKey) : shownNet(effect, cost);
};

/** The net effects as shown up to year i, added (format.ts shownNetSeries): the cumulative line ends on the net line's total. */
function netCumulative(_: YearRow, i: number, years: YearRow[]): number | undefined {
  const part = (key: string) => years.map((y) => metricOf(y.metrics, key) ?? null);
  return shownNetSeries(part("buig_effect"), part("intervention_cost")).cumulative[i] ?? undefined;
}


const interventionLines = (vangnet: boolean, banded: boolean, T = REPORT.begroting): Line[] => [
  euros(T.cost, "intervention_cost"),
  euros(T.effect, "buig_effect"),
  { ...euros(T.net, "net_effect"), value: netOf("buig_effect", "net_effect") },
  // after draws, the range a raadsvoorstel asks for: the cumulative net effect's 90% interval per year
  ...withRange({ ...euros(T.netCumulative, "net_effect_cumulative", false), value: netCumulative }, "net_effect_cumulative", banded),
  ...(vangnet ? [euros(T.effectAfterVangnet, "buig_effect_after_vangnet"), { ...euros(T.netAfterVangnet, "net_effect_after_vangnet"), value: netOf("buig_effect_after_vangnet", "net_effect_after_vangnet") }] : []),
];

/**
 * A cell's number as the sheet shows it (whole euros, whole persons, an average to one
 * decimal), rounded as the terminal and the report round (format.ts shownValue): pasted
 * into a begroting, the years add up to the total beside them, as they do in the terminal.
 */
function asShown(v: number, line: Line): number {
  if (line.euro) return shownValue(v, 0, STORED_DECIMALS.euro);
  if (line.format === PERSONS_FORMAT) return shownValue(v, 0, STORED_DECIMALS.persons);
  if (line.format === PERSONS_1_FORMAT) return shownValue(v, 1, STORED_DECIMALS.persons);
  return v;
}

/** The rows of one block: a label, a value per year and a total when the line adds up. */
function lines(block: ScenarioBlock, years: number[], spec: Line[], indent = ""): GridRow[] {
  const byYear = years.map((year) => block.years.findIndex((y) => y.year === year));
  return spec.flatMap((line) => {
    const values = byYear.map((i) => {
      if (i < 0) return null;
      const v = line.value(block.years[i], i, block.years);
      return v === undefined || !Number.isFinite(v) ? null : asShown(v, line);
    });
    const known = values.filter((v): v is number => v !== null);
    if (line.optional && known.length === 0) return [];
    const total: Cell = line.sum && known.length === values.length && known.length > 0 ? known.reduce((a, b) => a + b, 0) : null;
    return [{ cells: [indent + line.label, ...values, total], format: line.format }];
  });
}

/** What the numbers are, in one line under the title. */
function provenance(doc: RunView): string {
  const T = REPORT.begroting;
  const mode = doc.meta.options.mode;
  const what = mode === "psa" ? T.whatPsa : mode === "microsim" ? T.whatMicrosim : T.whatCohort;
  const date = doc.meta.date ? `, ${doc.meta.date}` : "";
  return T.provenance(what, `${doc.meta.file}${date}, ${doc.meta.tool} ${doc.meta.version}`);
}

/**
 * The Begroting sheet: a title, then per macro scenario (its label) a block with a
 * header row of years and a total column, the baseline's lines and, per intervention or
 * combination the run compared, its cost, BUIG effect, net effect and cumulative net effect.
 */
export function begrotingSheet(doc: RunView): GridSheet {
  const years = [...new Set(doc.scenarios.flatMap((s) => s.years.map((y) => y.year)))].sort((a, b) => a - b);
  const period = `${years[0]}–${years[years.length - 1]}`;
  const rows: GridRow[] = [
    { cells: [REPORT.begroting.title(doc.model.label, period)], style: "title" },
    { cells: [provenance(doc)], style: "note" },
  ];
  for (const base of baselineBlocks(doc)) {
    rows.push({ cells: [] }, { cells: [base.label], style: "block" }, { cells: ["", ...years, REPORT.begroting.total(period)], style: "header" });
    const banded = base.years.some((y) => y.metrics.buig_result_p05 !== undefined);
    if (base.variant === "baseline") rows.push(...lines(base, years, baselineLines(banded)));
    let explained = false;
    for (const v of doc.scenarios.filter((s) => s.name === base.name && s.variant !== "baseline")) {
      const vangnet = compensated([base, v]);
      rows.push({ cells: [v.variantLabel], style: "subheader" }, ...lines(v, years, interventionLines(vangnet, banded), "  "));
      // The lines after the vangnet say what they are once per scenario, as the report and the terminal do.
      if (vangnet && !explained) {
        const { own_risk, partial_until, partial_share } = doc.model.vangnet;
        const pct = (v: number) => formatNumber(v * 100, 2);
        rows.push({ cells: [REPORT.begroting.vangnetNote(pct(own_risk), pct(partial_until), pct(partial_share))], style: "note" });
        explained = true;
      }
    }
  }
  const labelWidth = Math.max(44, ...rows.filter((r) => r.style !== "title" && r.style !== "note").map((r) => String(r.cells[0] ?? "").length + 2));
  return { kind: "grid", name: BEGROTING_SHEET, rows, widths: [Math.min(60, labelWidth), ...years.map(() => 14), 18], freeze: { rows: 0, columns: 1 } };
}
