/**
 * The .xlsx writer (src/report/spreadsheetml.ts, through workbook.ts): what it writes is
 * read back by an independent reader (exceljs) with the values, formats, fonts, rules,
 * frozen panes and filter it was given, and the same sheets give the same bytes.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { unzipSync, strFromU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { parseResults } from "../src/outcomes/results.js";
import { viewOf } from "../src/report/results.js";
import { columnLetters, xmlText } from "../src/report/spreadsheetml.js";
import { workbookBytes, type Sheet } from "../src/report/workbook.js";
import { resultsWorkbook } from "../src/report/xlsx.js";

const SHEETS: Sheet[] = [
  {
    name: "Tabel & <co>",
    headers: ["Naam", "Bedrag (euro)", "Aandeel"],
    rows: [
      ["a & b <c> \"d\" 'e'", 1234567.891, 0.125],
      ["  leading space\u0007bell", -0.000001, null],
      ["a & b <c> \"d\" 'e'", 1e21, 1],
    ],
    formats: [undefined, '"€" #,##0;"€" -#,##0', "0.0%"],
  },
  {
    kind: "grid",
    name: "Begroting",
    widths: [30, 12, 12],
    rows: [
      { cells: ["Titel"], style: "title" },
      { cells: ["Opmerking"], style: "note" },
      { cells: [null, 2020, 2021], style: "header" },
      { cells: ["Volume", 696.4, 780.2], format: "#,##0" },
      { cells: ["Totaal", 1, 2], format: "0.00", style: "strong" },
    ],
  },
];

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  return wb;
}

describe("the xlsx writer", () => {
  it("writes values that read back as the same strings and doubles", async () => {
    const wb = await readBack(workbookBytes(SHEETS, "bijstandsim test"));
    expect(wb.creator).toBe("bijstandsim test");
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tabel & <co>", "Begroting"]);
    const ws = wb.getWorksheet("Tabel & <co>")!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(["Naam", "Bedrag (euro)", "Aandeel"]);
    expect(ws.getCell("A2").value).toBe("a & b <c> \"d\" 'e'");
    expect(ws.getCell("B2").value).toBe(1234567.891);
    expect(ws.getCell("C2").value).toBe(0.125);
    // a control character XML cannot hold is dropped, spaces are kept
    expect(ws.getCell("A3").value).toBe("  leading spacebell");
    expect(ws.getCell("B3").value).toBe(-0.000001);
    expect(ws.getCell("C3").value).toBeNull();
    expect(ws.getCell("B4").value).toBe(1e21);
  });

  it("carries number formats, fonts, the header rule, panes and the filter", async () => {
    const wb = await readBack(workbookBytes(SHEETS, "t"));
    const table = wb.getWorksheet("Tabel & <co>")!;
    expect(table.getColumn(2).numFmt).toBe('"€" #,##0;"€" -#,##0');
    expect(table.getCell("B2").numFmt).toBe('"€" #,##0;"€" -#,##0');
    expect(table.getCell("C2").numFmt).toBe("0.0%");
    expect(table.getCell("A1").font?.bold).toBe(true);
    expect(table.getCell("A2").font?.bold).toBeFalsy();
    expect(table.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(table.autoFilter).toBe("A1:C1");
    expect(table.getColumn(1).width).toBeGreaterThanOrEqual("a & b <c> \"d\" 'e'".length);

    const grid = wb.getWorksheet("Begroting")!;
    expect(grid.getCell("A1").font).toMatchObject({ bold: true, size: 14 });
    expect(grid.getCell("A2").font).toMatchObject({ italic: true });
    expect(grid.getCell("B3").numFmt).toBe("0"); // years in a header row: no thousands separator
    expect(grid.getCell("B3").alignment).toMatchObject({ horizontal: "right" });
    // the header row is ruled across the sheet, the empty label cell too
    for (const ref of ["A3", "B3", "C3"]) expect(grid.getCell(ref).border?.bottom?.style).toBe("thin");
    expect(grid.getCell("B4").numFmt).toBe("#,##0");
    expect(grid.getCell("A4").numFmt).toBeUndefined();
    expect(grid.getCell("C5")).toMatchObject({ value: 2, numFmt: "0.00" });
    expect(grid.getCell("C5").font?.bold).toBe(true);
    expect(grid.views[0]).toMatchObject({ state: "frozen", xSplit: 1 });
    expect(grid.getColumn(1).width).toBe(30);
  });

  it("gives the same bytes for the same sheets (no time stamps)", () => {
    const file = "test/golden/steenwijkerland-psa/results.json";
    const doc = () => viewOf(parseResults(readFileSync(file, "utf8"), file));
    const a = resultsWorkbook(doc());
    expect(Buffer.from(resultsWorkbook(doc())).equals(Buffer.from(a))).toBe(true);
    // every zip entry carries the format's first date, 1980-01-01 00:00 (DOS date 0x0021, time 0), not the time of writing
    const view = Buffer.from(a);
    let entries = 0;
    for (let at = view.indexOf("PK\u0003\u0004", 0, "latin1"); at >= 0; at = view.indexOf("PK\u0003\u0004", at + 4, "latin1")) {
      expect([view.readUInt16LE(at + 10), view.readUInt16LE(at + 12)]).toEqual([0, 0x0021]);
      entries++;
    }
    const parts = unzipSync(a);
    expect(entries).toBe(Object.keys(parts).length);
    expect(Object.keys(parts)).toContain("xl/worksheets/sheet1.xml");
    expect(strFromU8(parts["docProps/core.xml"])).not.toMatch(/dcterms|\d{4}-\d\d-\d\dT/);
  });

  it("names columns as Excel does and escapes text for XML", () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(["A", "Z", "AA", "AB", "ZZ", "AAA"]);
    expect(xmlText('a<b>&"c"\u0000\u001f\ttab')).toBe("a&lt;b&gt;&amp;&quot;c&quot;\ttab");
  });
});
