/**
 * The files of a comparison, built in memory: vergelijking.html (charts rendered to
 * inline SVG), vergelijking.xlsx and vergelijking.csv. The CLI writes them atomically.
 */
import type { CsvDialect } from "../locale/csv.js";
import { renderSvg } from "../report/render.js";
import { csv } from "../report/tables.js";
import { workbookBytes } from "../report/workbook.js";
import type { FileContent } from "../report/write.js";
import { compareCharts } from "./charts.js";
import type { Comparison } from "./compare.js";
import { compareHtml } from "./html.js";
import { compareTable } from "./tables.js";
import { compareSheets } from "./xlsx.js";

export const COMPARE_FILES = { html: "vergelijking.html", xlsx: "vergelijking.xlsx", csv: "vergelijking.csv" } as const;

/** Every file of a comparison; `command` is printed on the page as the way to make it again. */
export async function compareFiles(c: Comparison, opts: { command: string; csv?: CsvDialect }): Promise<Record<string, FileContent>> {
  const charts = [];
  for (const chart of compareCharts(c)) charts.push({ chart, svg: (await renderSvg(chart.spec)).svg });
  const table = compareTable(c);
  return {
    [COMPARE_FILES.html]: compareHtml({ comparison: c, charts, command: opts.command }),
    [COMPARE_FILES.xlsx]: workbookBytes(compareSheets(c, table), "bijstandsim compare"),
    [COMPARE_FILES.csv]: csv(table, opts.csv ?? "tidy"),
  };
}
