/**
 * Cells to an .xlsx file (Office Open XML SpreadsheetML, ECMA-376 Part 1): the XML parts
 * of a workbook, zipped by fflate's Zip around Node's own deflate. Only what our sheets
 * use: text and numbers, a number format, a few fonts, a rule under a header row, right
 * alignment, column widths, frozen panes and a filter on the header row.
 *
 * Written here rather than with a general workbook library: exceljs took some 0.4 s to
 * load and 0.4 s to build results.xlsx, this takes tens of milliseconds, and the same
 * cells give the same bytes (no time stamps: the zip entries carry a fixed date and the
 * document properties no dates).
 */
import { crc32, deflateRawSync } from "node:zlib";
import { Zip, type ZipInputFile } from "fflate";

/** The fonts a cell can have (Calibri 11 unless named). */
export type FontName = "bold" | "title" | "note" | "block" | "boldItalic";

export interface CellStyle {
  /** Excel number format, e.g. `#,##0`. */
  numFmt?: string;
  font?: FontName;
  /** A thin grey rule under the cell (a column header row). */
  rule?: boolean;
  /** Right-aligned. */
  right?: boolean;
}

export interface XCell {
  /** null: no cell (a styled null is an empty cell with that style). */
  value: string | number | null;
  style?: CellStyle;
}

export interface XSheet {
  name: string;
  /** Width in characters and the default style of each column (from the first). */
  columns: { width: number; style?: CellStyle }[];
  rows: XCell[][];
  /** Rows and columns kept in view while scrolling. */
  freeze: { rows: number; columns: number };
  /** A filter on the first row's first `filter` columns (0: none). */
  filter: number;
}

const FONTS: Record<FontName | "plain", string> = {
  plain: "<sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/>",
  bold: "<b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/>",
  title: "<b/><sz val=\"14\"/><name val=\"Calibri\"/><family val=\"2\"/>",
  note: "<i/><sz val=\"11\"/><color rgb=\"FF555555\"/><name val=\"Calibri\"/><family val=\"2\"/>",
  block: "<b/><sz val=\"12\"/><name val=\"Calibri\"/><family val=\"2\"/>",
  boldItalic: "<b/><i/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/>",
};
const FONT_ORDER = Object.keys(FONTS) as (FontName | "plain")[];

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Text as XML character data or attribute value; characters XML 1.0 cannot hold are dropped. */
export function xmlText(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/**
 * A column's letters from its index (0 -> A, 25 -> Z, 26 -> AA).
 *
 * @example
 * columnLetters(27); // "AB"
 */
export function columnLetters(index: number): string {
  let out = "";
  for (let c = index + 1; c > 0; c = Math.floor((c - 1) / 26)) out = String.fromCharCode(65 + ((c - 1) % 26)) + out;
  return out;
}

/** The workbook's cell formats: each distinct style gets an index into styles.xml's cellXfs (0 is the default). */
class Styles {
  private readonly formats: string[] = [];
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly index = new Map<string, number>();

  of(style: CellStyle | undefined): number {
    if (!style || !(style.numFmt || style.font || style.rule || style.right)) return 0;
    const key = `${style.numFmt ?? ""}|${style.font ?? ""}|${style.rule ? 1 : 0}|${style.right ? 1 : 0}`;
    let at = this.index.get(key);
    if (at === undefined) {
      at = this.xfs.length;
      this.index.set(key, at);
      this.xfs.push(this.xf(style));
    }
    return at;
  }

  private xf(style: CellStyle): string {
    let numFmtId = 0;
    if (style.numFmt) {
      let f = this.formats.indexOf(style.numFmt);
      if (f < 0) f = this.formats.push(style.numFmt) - 1;
      numFmtId = 164 + f; // the first id for a workbook's own formats
    }
    const fontId = FONT_ORDER.indexOf(style.font ?? "plain");
    const borderId = style.rule ? 1 : 0;
    const applied = `${numFmtId ? ' applyNumberFormat="1"' : ""}${fontId ? ' applyFont="1"' : ""}${borderId ? ' applyBorder="1"' : ""}`;
    const open = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="${borderId}" xfId="0"${applied}`;
    return style.right ? `${open} applyAlignment="1"><alignment horizontal="right"/></xf>` : `${open}/>`;
  }

  xml(): string {
    const numFmts = this.formats.map((code, f) => `<numFmt numFmtId="${164 + f}" formatCode="${xmlText(code)}"/>`).join("");
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
      (this.formats.length ? `<numFmts count="${this.formats.length}">${numFmts}</numFmts>` : "") +
      `<fonts count="${FONT_ORDER.length}">${FONT_ORDER.map((f) => `<font>${FONTS[f]}</font>`).join("")}</fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
      '<border><left/><right/><top/><bottom style="thin"><color rgb="FF888888"/></bottom><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      "</styleSheet>"
    );
  }
}

/** The workbook's text cells, each distinct text once (sharedStrings.xml). */
class SharedStrings {
  private readonly texts: string[] = [];
  private readonly index = new Map<string, number>();
  count = 0;

  of(text: string): number {
    this.count++;
    let at = this.index.get(text);
    if (at === undefined) this.index.set(text, (at = this.texts.push(text) - 1));
    return at;
  }

  xml(): string {
    const items = this.texts.map((t) => `<si><t xml:space="preserve">${xmlText(t)}</t></si>`).join("");
    return `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.texts.length}">${items}</sst>`;
  }
}

/** The frozen pane of a sheet view (none when nothing is frozen). */
function pane(freeze: XSheet["freeze"]): string {
  const { rows, columns } = freeze;
  if (rows <= 0 && columns <= 0) return "";
  const topLeft = `${columnLetters(Math.max(0, columns))}${Math.max(0, rows) + 1}`;
  const active = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight";
  const split = `${columns > 0 ? ` xSplit="${columns}"` : ""}${rows > 0 ? ` ySplit="${rows}"` : ""}`;
  return `<pane${split} topLeftCell="${topLeft}" activePane="${active}" state="frozen"/><selection pane="${active}" activeCell="${topLeft}" sqref="${topLeft}"/>`;
}

function sheetXml(sheet: XSheet, first: boolean, styles: Styles, strings: SharedStrings): string {
  const cols = sheet.columns
    .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"${c.style ? ` style="${styles.of(c.style)}"` : ""}/>`)
    .join("");
  const rows: string[] = [];
  sheet.rows.forEach((cells, r) => {
    const out: string[] = [];
    cells.forEach((cell, c) => {
      const { value } = cell;
      if (value === null && !cell.style) return;
      const ref = `${columnLetters(c)}${r + 1}`;
      const s = styles.of(cell.style);
      const sAttr = s ? ` s="${s}"` : "";
      // A number as the shortest text that reads back as the same double; a non-finite
      // one has no place in a cell and leaves it empty (results are checked finite before).
      if (typeof value === "number" && Number.isFinite(value)) out.push(`<c r="${ref}"${sAttr}><v>${String(value)}</v></c>`);
      else if (typeof value === "string") out.push(`<c r="${ref}"${sAttr} t="s"><v>${strings.of(value)}</v></c>`);
      else if (s) out.push(`<c r="${ref}"${sAttr}/>`);
    });
    if (out.length) rows.push(`<row r="${r + 1}">${out.join("")}</row>`);
  });
  const filter = sheet.filter > 0 ? `<autoFilter ref="A1:${columnLetters(sheet.filter - 1)}1"/>` : "";
  return (
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<sheetViews><sheetView${first ? ' tabSelected="1"' : ""} workbookViewId="0">${pane(sheet.freeze)}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rows.join("")}</sheetData>` +
    filter +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    "</worksheet>"
  );
}

/** A sheet's name as a formula refers to it: quoted, with its quotes doubled. */
const quotedName = (name: string): string => `'${name.replace(/'/g, "''")}'`;

function workbookXml(sheets: readonly XSheet[]): string {
  const list = sheets.map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  // Excel names each sheet's filter range; other readers find the filter in the sheet itself.
  const names = sheets
    .map((s, i) => (s.filter > 0 ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(`${quotedName(s.name)}!$A$1:$${columnLetters(s.filter - 1)}$1`)}</definedName>` : ""))
    .join("");
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<bookViews><workbookView activeTab="0"/></bookViews>' +
    `<sheets>${list}</sheets>` +
    (names ? `<definedNames>${names}</definedNames>` : "") +
    "</workbook>"
  );
}

const relationships = (rels: [string, string][]): string =>
  `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${rels.map(([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`).join("")}</Relationships>`;

const OFFICE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The .xlsx file of `sheets` (at least one), with `creator` as its author. */
export function spreadsheetBytes(sheets: readonly XSheet[], creator: string): Uint8Array {
  if (sheets.length === 0) throw new Error("a workbook needs at least one sheet");
  const styles = new Styles();
  const strings = new SharedStrings();
  const sheetFiles = sheets.map((sheet, i) => sheetXml(sheet, i === 0, styles, strings));
  const files: Record<string, string> = {
    "[Content_Types].xml":
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      "</Types>",
    "_rels/.rels": relationships([
      [`${OFFICE_REL}/officeDocument`, "xl/workbook.xml"],
      ["http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"],
    ]),
    "docProps/core.xml":
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` +
      `<dc:creator>${xmlText(creator)}</dc:creator></cp:coreProperties>`,
    "xl/workbook.xml": workbookXml(sheets),
    "xl/_rels/workbook.xml.rels": relationships([
      ...sheets.map((_, i): [string, string] => [`${OFFICE_REL}/worksheet`, `worksheets/sheet${i + 1}.xml`]),
      [`${OFFICE_REL}/styles`, "styles.xml"],
      [`${OFFICE_REL}/sharedStrings`, "sharedStrings.xml"],
    ]),
    ...Object.fromEntries(sheetFiles.map((xml, i) => [`xl/worksheets/sheet${i + 1}.xml`, xml])),
    "xl/styles.xml": styles.xml(),
    "xl/sharedStrings.xml": strings.xml(),
  };
  // A fixed date (the zip format's first) for every entry: the same cells, the same bytes.
  const mtime = new Date(1980, 0, 1, 0, 0, 0);
  return zipped(files, mtime);
}

/**
 * The parts as a zip: fflate writes the container, Node's zlib (native) deflates each
 * part, some 10 ms against fflate's own deflate's 100 ms for results.xlsx.
 */
function zipped(files: Record<string, string>, mtime: Date): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  for (const [filename, xml] of Object.entries(files)) {
    const raw = Buffer.from(xml, "utf8");
    const entry: ZipInputFile = { filename, size: raw.length, crc: crc32(raw), compression: 8, mtime };
    zip.add(entry); // sets entry.ondata
    entry.ondata!(null, deflateRawSync(raw, { level: 6 }), true);
  }
  zip.end(); // fflate calls back synchronously: every chunk is in
  return Buffer.concat(chunks);
}
