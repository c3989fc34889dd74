/**
 * vergelijking.html: the comparison as one self-contained page in the run's language
 * (Dutch, or English with --lang en), like report.html
 * (same styles, charts as inline SVG rendered in advance, no script, nothing outside
 * the file). Pure: the comparison and its rendered charts in, text out.
 */
import { COMPARE } from "../locale/messages-compare.js";
import { REPORT } from "../locale/messages-report.js";
import type { Chart } from "../report/charts.js";
import { esc, pageHead, STYLE } from "../report/html.js";
import { inlineSvg } from "../report/render.js";
import type { Comparison } from "./compare.js";
import { blockHeader, blockRows, blockTitle, formatCell, periodOf, type DisplayRow } from "./tables.js";

export interface ComparePage {
  comparison: Comparison;
  charts: { chart: Chart; svg: string }[];
  /** The command that makes this page again. */
  command: string;
}

const EXTRA_STYLE = `
tr.diff td { font-weight: 600; background: #f3f6fa; }
tr.first td { border-top: 1px solid #c9ced6; }
table.runs td:nth-child(1) { font-weight: 600; }
ul.notes li { margin: 3px 0; }
`;

function runsTable(c: Comparison): string {
  const rows = c.runs.map((r) =>
    [r.letter, `<span class="code">${esc(r.source)}</span>`, esc(r.file), esc(r.mode), esc(r.date), esc(r.version), `<span class="code">${esc(r.hash.slice(0, 12))}…</span>`, `${r.years[0]}–${r.years[1]}`].map((c) => `<td>${c}</td>`).join(""),
  );
  const head = COMPARE.runsHead.map((h) => `<th scope="col">${esc(h)}</th>`).join("");
  return `<div class="scroll"><table class="runs"><thead><tr>${head}</tr></thead><tbody>${rows.map((r) => `<tr>${r}</tr>`).join("\n")}</tbody></table></div>`;
}

/** Metrics where more is worse for the municipality's budget (1) or better (-1); outflow for other reasons is neither. */
const MORE_IS: Record<string, 1 | -1> = {
  volume_end: 1, volume_avg: 1, inflow: 1, expenditure: 1, intervention_cost: 1, outflow_work: -1,
  budget: -1, buig_result: -1, buig_result_after_vangnet: -1, vangnet_compensation: -1, buig_effect: -1, net_effect: -1, net_effect_cumulative: -1,
  buig_effect_after_vangnet: -1, net_effect_after_vangnet: -1,
};

/** Whether a shown difference ("+13", "€ -250.000", "0") goes the unfavourable way for its metric. */
function unfavourable(metric: string, text: string): boolean {
  const more = MORE_IS[metric];
  return more === 1 ? text.includes("+") : more === -1 ? text.includes("-") : false;
}

function blockTable(c: Comparison, rows: DisplayRow[], caption: string): string {
  const head = blockHeader(c);
  const body = rows.map((r, i) => {
    const first = i === 0 || rows[i - 1].metric !== r.metric;
    const cell = (v: number | null) => {
      const text = esc(formatCell(r, v));
      // red where the shown difference is unfavourable (lower spending is not red; a value that rounds to zero has no sign)
      return `<td class="num">${r.difference && unfavourable(r.metric, text) ? `<span class="neg">${text}</span>` : text}</td>`;
    };
    const cls = [r.difference ? "diff" : "", first ? "first" : ""].filter(Boolean).join(" ");
    return `<tr${cls ? ` class="${cls}"` : ""}><td>${first ? esc(r.label) : ""}</td><td>${esc(r.run)}</td>${r.values.map(cell).join("")}${r.total === null ? "<td></td>" : cell(r.total)}</tr>`;
  });
  const ths = head.map((h, i) => `<th scope="col"${i > 1 ? ' class="num"' : ""}>${esc(h)}</th>`).join("");
  return `<div class="scroll"><table><caption>${esc(caption)}</caption><thead><tr>${ths}</tr></thead><tbody>${body.join("\n")}</tbody></table></div>`;
}

function chartSection(page: ComparePage): string {
  return page.charts
    .map(({ chart, svg }) => [`<figure id="grafiek-${esc(chart.name)}" class="chart">`, inlineSvg(svg, chart.name, chart.title), `<figcaption>${esc(chart.caption)}</figcaption>`, "</figure>"].join("\n"))
    .join("\n");
}

/** The complete comparison page. */
export function compareHtml(page: ComparePage): string {
  const c = page.comparison;
  const pairs = c.runs.slice(1).map((r) => COMPARE.versusA(r.letter)).join(", ");
  const scenarios = [...new Set(c.blocks.map((b) => b.scenarioLabel))];
  const tables = c.blocks.map((b) => blockTable(c, blockRows(c, b), blockTitle(b))).join("\n");
  const stat = c.stat === "mean" ? COMPARE.statMean : COMPARE.statValue;
  return `${pageHead({ lang: REPORT.htmlLang, generator: "bijstandsim compare", title: `${COMPARE.heading}: ${pairs}`, style: STYLE + EXTRA_STYLE })}
<body>
<main>
<header>
<h1>${esc(COMPARE.heading)}</h1>
<p class="lead">${COMPARE.lead(esc(pairs), esc(periodOf(c)), scenarios.length, esc(scenarios.join(", ")), esc(stat))}</p>
${runsTable(c)}
<h2>${esc(COMPARE.whatCompared)}</h2>
<ul class="notes">${c.notes.map((n) => `<li>${esc(n)}</li>`).join("\n")}</ul>
<nav aria-label="${esc(REPORT.contents)}"><strong>${esc(REPORT.contents)}</strong><ol><li><a href="#grafieken">${esc(REPORT.sectionCharts)}</a></li><li><a href="#tabellen">${esc(COMPARE.perScenario)}</a></li><li><a href="#opnieuw">${esc(COMPARE.again)}</a></li></ol></nav>
</header>
<section id="grafieken">
<h2>${esc(REPORT.sectionCharts)}</h2>
${chartSection(page)}
</section>
<section id="tabellen">
<h2>${esc(COMPARE.perScenario)}</h2>
<p>${esc(COMPARE.tablesIntro)}</p>
${tables}
</section>
<section id="opnieuw">
<h2>${esc(COMPARE.again)}</h2>
<pre><code>${esc(page.command)}</code></pre>
<p class="hint">${esc(COMPARE.alsoIn)}</p>
</section>
<footer>${esc(COMPARE.footer)}</footer>
</main>
</body>
</html>
`;
}
