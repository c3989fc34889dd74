/**
 * verkenner.html: one self-contained page (Dutch, or English with --lang en), the page's
 * data (compiled model and what it needs of the file) in a JSON script element, and the
 * bundled script inline. No request to anything outside the file: it opens from disk,
 * offline. Pure: data and the bundle's text in, the page out.
 */
import { esc, pageHead } from "../report/html.js";
import { EXPLORE } from "../locale/messages-explore.js";
import type { PageData } from "./data.js";

/** The meta tag that tells which scenario file (by SHA-256) a verkenner.html belongs to; the report links only a matching one. */
export const HASH_META = "bijstandsim-file-hash";

/** Text placed inside <script>: nothing in it may end the element early. */
function scriptSafe(text: string, what: string): string {
  if (/<\/script|<!--/i.test(text)) throw new Error(`${what} contains "</script" or "<!--" and cannot be inlined`);
  return text;
}

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f5f7; color: #1d1d1f; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
header, .layout, footer { max-width: 1320px; margin: 0 auto; padding: 0 18px; }
header { padding-top: 18px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 18px; margin: 22px 0 8px; }
p.lead { margin: 4px 0 12px; color: #333; max-width: 900px; }
.layout { display: grid; grid-template-columns: 320px minmax(0, 1fr); gap: 18px; align-items: start; }
aside { position: sticky; top: 8px; max-height: calc(100vh - 16px); overflow-y: auto; background: #fff; padding: 10px 12px; border-radius: 6px; }
main { background: #fff; padding: 6px 16px 20px; border-radius: 6px; min-width: 0; }
fieldset { border: 1px solid #dde1e6; border-radius: 5px; margin: 0 0 10px; padding: 6px 10px 8px; }
legend { font-weight: 600; padding: 0 4px; }
fieldset.uit > :not(legend) { opacity: 0.45; }
label.keuze { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
label.getal { display: grid; grid-template-columns: 1fr 92px; gap: 6px; align-items: center; margin: 4px 0; }
label.getal .fout { grid-column: 1 / -1; }
input[type=number], label.getal input { width: 92px; font: inherit; padding: 2px 4px; text-align: right; }
input[type=range] { width: 100%; margin: 4px 0 0; }
input[aria-invalid=true] { outline: 2px solid #a11d1d; }
body.verouderd #totalen, body.verouderd #grafieken, body.verouderd #breakeven { opacity: 0.4; }
.fout { color: #a11d1d; font-size: 13px; }
.kleur { display: inline-block; width: 11px; height: 11px; border-radius: 2px; flex: none; margin-right: 5px; vertical-align: -1px; }
.capaciteit output { display: block; text-align: right; color: #444; font-size: 13px; }
.effect { margin: 8px 0 4px; }
.effect .kop { display: block; }
.schaal { position: relative; height: 12px; margin: 0 8px; border-bottom: 1px solid #ccc; }
.streep { position: absolute; top: 0; width: 3px; height: 12px; margin-left: -1px; background: #111; }
.streep.aanname { background: #111; }
.effect .hint { display: block; font-size: 12px; color: #555; margin: 2px 0; }
#geen-interventies { font-size: 13px; color: #444; margin: 4px 2px 10px; }
.uitleg { display: block; font-size: 12.5px; color: #555; margin: 2px 0; }
.rij { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; margin: 4px 0; }
.rij label.getal { grid-template-columns: auto 80px; margin: 0 6px 0 0; }
.rij input[type=number] { width: 80px; }
button { font: inherit; font-size: 13px; padding: 2px 8px; cursor: pointer; }
ul.effecten { margin: 4px 0 0; padding-left: 18px; font-size: 13px; color: #333; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 4px 0 12px; }
th, td { padding: 4px 6px; border-bottom: 1px solid #e6e8eb; text-align: left; vertical-align: top; }
thead th { background: #f0f2f5; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
tbody th { font-weight: 400; min-width: 180px; }
.eenheid { color: #666; font-size: 12px; }
.neg { color: #a11d1d; }
.wacht { color: #666; font-style: italic; }
.scroll { overflow-x: auto; }
figure.grafiek { margin: 10px 0 18px; }
figure.grafiek svg { max-width: 100%; height: auto; }
pre, code, .code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12.5px; }
pre { background: #f4f5f7; padding: 8px 10px; border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
#link-tekst { width: 100%; font-size: 12px; }
#wijzigingen code { white-space: pre-wrap; overflow-wrap: anywhere; }
#melding:not(:empty) { background: #fff4e0; border-left: 4px solid #e08a1e; padding: 6px 10px; }
#status { color: #555; font-size: 13px; margin: 6px 0 0; }
footer { color: #666; font-size: 12.5px; padding-top: 14px; padding-bottom: 28px; }
@media (max-width: 900px) { .layout { grid-template-columns: 1fr; } aside { position: static; max-height: none; } }
`;

/** The complete page, in the language of the run (lang.ts), which `data.lang` carries to the script. */
export function explorerHtml(data: PageData, label: string, bundle: string): string {
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  const meta = `<meta name="${HASH_META}" content="${esc(data.hash)}">\n`;
  const T = EXPLORE;
  return `${pageHead({ lang: data.lang, generator: `bijstandsim ${data.version}`, meta, title: T.title(label), style: STYLE })}
<body>
<header>
<h1>${esc(T.title(label))}</h1>
<p class="lead">${T.lead(`<span class="code">bijstandsim run</span>`, `<span class="code">${esc(data.file)}</span>`)}</p>
<noscript><p class="fout">${T.noScript}</p></noscript>
</header>
<div class="layout">
<aside aria-label="${T.settings}">
<div id="bediening"></div>
<p><button type="button" id="herstel">${T.reset}</button></p>
</aside>
<main>
<p id="melding" role="alert"></p>
<p id="verouderd" class="fout" role="status"></p>
<p id="status" role="status" aria-live="polite"></p>
<section>
<h2>${T.totalsTitle}</h2>
<div id="totalen"></div>
</section>
<section>
<h2>${T.chartsTitle}</h2>
<p class="hint">${T.chartsHint}</p>
<div id="grafieken"></div>
</section>
<section>
<h2>${T.breakEvenTitle}</h2>
<p>${T.breakEvenIntro}</p>
<div id="breakeven"></div>
</section>
<section>
<h2>${T.reproduceTitle}</h2>
<div id="opdracht"></div>
<p><a id="link" href="#">${T.link}</a> <button type="button" id="kopieer">${T.copyLink}</button> <span id="kopieer-status" role="status"></span></p>
<input id="link-tekst" readonly aria-label="${T.link}">
</section>
</main>
</div>
<footer>${esc(T.footer(data.version, data.file, data.hash.slice(0, 12)))}</footer>
<script type="application/json" id="verkenner-gegevens">${json}</script>
<script>${scriptSafe(bundle, "the page's script")}</script>
</body>
</html>
`;
}
