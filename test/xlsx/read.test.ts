/**
 * Reading a package: sparse (a stray far-away cell costs one cell), values as Excel shows them,
 * clear reasons for files that are no workbook, and protections that stop TC8 before it writes.
 */
import { deflateSync } from "fflate";
import { evaluateXlsx, XlsxError } from "../../src/hosts/xlsx";
import { Package } from "../../src/hosts/xlsx/package";
import { readModel, readWorkbookPackage } from "../../src/hosts/xlsx/read";
import { patchSheet } from "../../src/hosts/xlsx/sheet";
import { writeZip } from "../../src/hosts/xlsx/zip";
import { compareWorkbooks } from "../helpers/package-compare";
import { ownFixtures, protectedFixtures } from "../helpers/fixtures";
import { communesSheet, xlsx } from "../helpers/xlsx";

const problemOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof XlsxError) return [e.problem, e.detail.part];
    throw e;
  }
  return null;
};

/** A cell typed into a package (the way a user would, far away). */
function withCell(bytes: Uint8Array, row: number, col: number, value: string | number): Uint8Array {
  const pkg = new Package(bytes);
  const model = readModel(pkg);
  const part = model.sheets[0].part!;
  pkg.set(
    part,
    patchSheet(pkg.text(part), {
      ops: new Map([[row, new Map([[col, { write: { value, xf: 0 } }]])]]),
      clears: [],
      widths: new Map(),
    }),
  );
  return pkg.toBytes();
}

describe("sparse reading", () => {
  test("one value in XFD1048576 is one cell: read and evaluated at once, TC8's columns placed with a warning", async () => {
    const data = withCell(await xlsx([communesSheet([{ commune: "Xã A" }])]), 1_048_575, 16_383, "xa");
    const read = readWorkbookPackage(data);
    const g = read.grids[0];
    expect(g.rows.get(1_048_575)?.get(16_383)).toBe("xa");
    expect(g.rows.size).toBe(3);
    const r = await evaluateXlsx(data);
    expect(r.output).toBeDefined();
    expect(compareWorkbooks(data, r.output!)).toEqual([]);
  });

  test("formulas are the user's whatever their value; one without a cached value is no value", async () => {
    const data = await xlsx([{ name: "S", rows: [["a", { formula: "1+1", result: 2 }, { formula: 'A1&"x"' }]] }]);
    const g = readWorkbookPackage(data).grids[0];
    expect(g.rows.get(0)?.get(1)).toBe(2);
    expect(g.rows.get(0)?.has(2)).toBe(false);
    expect([...(g.formulas?.get(0) ?? [])].sort()).toEqual([1, 2]);
  });

  test("number formats from the styles: built-in percent and dates, and custom ones", async () => {
    const data = await xlsx([
      { name: "S", rows: [[0.5, 45000, 3]], numFmts: { A1: "0%", B1: "dd/mm/yyyy", C1: '#,##0 "người"' } },
    ]);
    const g = readWorkbookPackage(data).grids[0];
    expect(g.numberFormats?.get(0)?.get(0)).toBe("0%");
    expect(g.numberFormats?.get(0)?.get(1)).toBe("dd/mm/yyyy");
    expect(g.numberFormats?.get(0)?.get(2)).toBe('#,##0 "người"');
  });
});

describe("files that are no workbook say so", () => {
  const zip = (parts: Record<string, string>) =>
    writeZip(Object.entries(parts).map(([name, t]) => ({ name, data: new TextEncoder().encode(t) })));

  test("a password-protected workbook (an encrypted compound file)", () => {
    const cfb = new Uint8Array(4096);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    cfb.set(
      [..."EncryptedPackage"].flatMap((c) => [c.charCodeAt(0), 0]),
      1024,
    );
    expect(problemOf(() => readWorkbookPackage(cfb))).toEqual(["encrypted", undefined]);
    const xls = new Uint8Array(4096);
    xls.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(problemOf(() => readWorkbookPackage(xls))).toEqual(["xls", undefined]);
  });

  test(".ods, .csv, a Word document, plain text", () => {
    expect(
      problemOf(() =>
        readWorkbookPackage(zip({ mimetype: "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>" })),
      ),
    ).toEqual(["ods", undefined]);
    expect(problemOf(() => readWorkbookPackage(new TextEncoder().encode("Tên xã,Huyện\nXã A,Bình Gia\n")))).toEqual([
      "csv",
      undefined,
    ]);
    expect(
      problemOf(() => readWorkbookPackage(zip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>" }))),
    ).toEqual(["notWorkbook", undefined]);
    expect(problemOf(() => readWorkbookPackage(new Uint8Array([1, 2, 3, 0, 5])))).toEqual(["notXlsx", undefined]);
  });

  test("a damaged zip: truncated, or a part whose bytes do not match its checksum", async () => {
    const good = await xlsx([communesSheet([{ commune: "Xã A" }])]);
    expect(problemOf(() => readWorkbookPackage(good.subarray(0, good.length - 100)))).toEqual(["damaged", undefined]);
    // Flip a byte inside the first sheet's compressed data.
    const pkg = new Package(good);
    const e = pkg.entries.find((x) => x.name === "xl/worksheets/sheet1.xml")!;
    const bad = new Uint8Array(good);
    bad[e.raw.byteOffset - good.byteOffset + Math.floor(e.raw.length / 2)] ^= 0xff;
    const p = problemOf(() => readWorkbookPackage(bad));
    expect(p?.[0]).toBe("damaged");
  });

  test("a malformed part is named", async () => {
    const good = await xlsx([communesSheet([{ commune: "Xã A" }])]);
    const pkg = new Package(good);
    pkg.set("xl/worksheets/sheet1.xml", pkg.text("xl/worksheets/sheet1.xml").replace("</sheetData>", "</sheetDat>"));
    expect(problemOf(() => readWorkbookPackage(pkg.toBytes()))).toEqual(["malformed", "xl/worksheets/sheet1.xml"]);
    const raw = writeZip([...new Package(good).entries.map((x) => ({ name: x.name, copy: x }))]);
    expect(problemOf(() => readWorkbookPackage(raw))).toBeNull();
    expect(deflateSync).toBeDefined();
  });
});

describe("protection: nothing is written", () => {
  test("a protected workbook structure (TC8 would add sheets)", async () => {
    const { structure } = await protectedFixtures();
    const r = await evaluateXlsx(structure);
    expect(r.refused).toEqual({ reason: "workbookProtected" });
    expect(r.output).toBeUndefined();
  });

  test("a protected communes sheet", async () => {
    const { sheet } = await protectedFixtures();
    const r = await evaluateXlsx(sheet);
    expect(r.refused).toEqual({ reason: "sheetProtected", sheet: "Xã" });
    expect(r.output).toBeUndefined();
  });
});

test("the comparison itself catches a changed part and a changed cell of the user's", async () => {
  const f = (await ownFixtures()).find((x) => x.name === "theme-numfmts.xlsx")!;
  const out = new Package((await evaluateXlsx(f.bytes)).output!);
  const theme = out.find("xl/theme/theme1.xml")!;
  out.set(theme, out.text(theme).replace("7A2E8C", "000000"));
  out.set(
    "xl/worksheets/sheet1.xml",
    out.text("xl/worksheets/sheet1.xml").replace('<c r="J2"><v>10</v></c>', '<c r="J2"><v>11</v></c>'),
  );
  const found = compareWorkbooks(f.bytes, out.toBytes());
  expect(found).toContain("xl/theme/theme1.xml: changed, but TC8 has no reason to touch it");
  expect(found).toContain("xl/worksheets/sheet1.xml: cell J2 changed");
});
