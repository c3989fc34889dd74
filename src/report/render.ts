/**
 * Vega-Lite spec -> SVG, server-side: compiled with vega-lite, run by a headless vega
 * View (`renderer: "none"`), serialised with `view.toSVG()`. No browser, no canvas.
 * The run's locale travels inside each spec (`config.locale`). vega and vega-lite are
 * imported on first use, so commands that draw nothing do not pay for loading them.
 *
 * Text is measured with Arial's widths (the charts' font) instead of vega's canvas-less
 * guess, and SVG ids restart for every chart, so equal specs give byte-identical SVGs.
 */
import type { VlSpec } from "./charts.js";
import { vegaTextWidth } from "./text-width.js";

export interface Rendered {
  svg: string;
  /** Warnings from vega-lite and vega (a clean spec has none). */
  warnings: string[];
}

/** A vega logger that collects warnings and errors instead of printing them. */
function collector(warnings: string[]) {
  let level = 2;
  const self = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return self;
    },
    error(...args: unknown[]) {
      warnings.push(`error: ${args.map(String).join(" ")}`);
      return self;
    },
    warn(...args: unknown[]) {
      warnings.push(args.map(String).join(" "));
      return self;
    },
    info() {
      return self;
    },
    debug() {
      return self;
    },
  };
  return self;
}

/** Renders one Vega-Lite spec to an SVG document (a string starting with `<svg`). */
export async function renderSvg(spec: VlSpec): Promise<Rendered> {
  const [vl, vega] = await Promise.all([import("vega-lite"), import("vega")]);
  (vega as unknown as { textMetrics: { width: unknown } }).textMetrics.width = vegaTextWidth;
  vega.resetSVGDefIds();
  const warnings: string[] = [];
  const logger = collector(warnings);
  const compiled = vl.compile(spec as never, { logger: logger as never }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none", logger: logger as never, logLevel: vega.Warn });
  try {
    const svg = await view.toSVG();
    return { svg, warnings };
  } finally {
    view.finalize();
  }
}

const SVG_NS = /\s+xmlns(:xlink)?="http:\/\/www\.w3\.org\/(2000\/svg|1999\/xlink)"/g;

/**
 * An SVG document made ready to sit inline in HTML next to others: namespace
 * declarations dropped (the HTML parser supplies them), every `id` and its references
 * prefixed so that two charts never share an id, and an accessible name added.
 *
 * @example
 * inlineSvg('<svg xmlns="http://www.w3.org/2000/svg"><clipPath id="clip1"/><g clip-path="url(#clip1)"/></svg>', "volume", "Volume");
 * // '<svg role="img" aria-label="Volume"><clipPath id="volume-clip1"/><g clip-path="url(#volume-clip1)"/></svg>'
 */
export function inlineSvg(svg: string, prefix: string, label: string): string {
  const escaped = label.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  return svg
    .replace(/^<\?xml[^>]*\?>\s*/, "")
    .replace(SVG_NS, "")
    .replace(/\bid="([^"]+)"/g, `id="${prefix}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}-$1"`)
    .replace(/^<svg\b/, `<svg role="img" aria-label="${escaped}"`);
}
