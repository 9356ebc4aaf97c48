/**
 * The sheet patcher on the shapes of XML other writers produce: a namespace prefix, an empty
 * sheetData, rows and cells without references, a column range of the user's over TC8's column,
 * row formats, and text that needs Excel's escapes.
 */
import { patchSheet, type SheetPatch } from "../../src/hosts/xlsx/sheet";
import { decodeOoxmlText, escapeText, setAttr } from "../../src/hosts/xlsx/xml";
import { parseXml } from "../helpers/package-compare";

const dec = new TextDecoder();
const text = (x: string | Uint8Array) => (typeof x === "string" ? x : dec.decode(x));
const patch = (
  ops: [number, number, SheetPatch["ops"] extends Map<number, Map<number, infer O>> ? O : never][],
  extra: Partial<SheetPatch> = {},
): SheetPatch => {
  const m: SheetPatch["ops"] = new Map();
  for (const [r, c, op] of ops) {
    if (!m.has(r)) m.set(r, new Map());
    m.get(r)!.set(c, op);
  }
  return { ops: m, clears: [], widths: new Map(), ...extra };
};

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

test("a prefixed worksheet gets prefixed cells, in column order, the user's cells unchanged", () => {
  const xml = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="D1"><x:v>4</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
  const out = text(patchSheet(xml, patch([[0, 2, { write: { value: "Đạt", xf: 3 } }]])));
  expect(out).toContain(
    `<x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="C1" s="3" t="inlineStr"><x:is><x:t>Đạt</x:t></x:is></x:c><x:c r="D1"><x:v>4</x:v></x:c>`,
  );
  expect(parseXml(out).name).toBe("worksheet");
});

test("an empty sheetData, and rows after the last one, are created in order", () => {
  const xml = `<worksheet ${MAIN}><dimension ref="A1"/><sheetData/><pageMargins left="1"/></worksheet>`;
  const out = text(
    patchSheet(
      xml,
      patch([
        [4, 1, { write: { value: 7, xf: 0 } }],
        [2, 0, { write: { value: "a", xf: 0 } }],
      ]),
    ),
  );
  expect(out).toContain(
    `<sheetData><row r="3"><c r="A3" t="inlineStr"><is><t>a</t></is></c></row><row r="5"><c r="B5"><v>7</v></c></row></sheetData><pageMargins left="1"/>`,
  );
  expect(out).toContain(`<dimension ref="A1:B5"/>`);
});

test("rows and cells without references are counted as Excel counts them", () => {
  const xml = `<worksheet ${MAIN}><sheetData><row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row></sheetData></worksheet>`;
  const out = text(patchSheet(xml, patch([[1, 2, { write: { value: "x", xf: 0 } }]])));
  expect(out).toContain(
    `<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c><c r="C2" t="inlineStr"><is><t>x</t></is></c></row>`,
  );
});

test("a column range of the user's over TC8's column is split, each piece keeping its attributes", () => {
  const xml = `<worksheet ${MAIN}><cols><col min="1" max="16384" width="9" style="3" customWidth="1"/></cols><sheetData/></worksheet>`;
  const out = text(patchSheet(xml, patch([], { widths: new Map([[9, 70]]) })));
  expect(out).toContain(
    `<cols><col min="1" max="9" width="9" style="3" customWidth="1"/><col min="10" max="10" width="70" style="3" customWidth="1"/><col min="11" max="16384" width="9" style="3" customWidth="1"/></cols>`,
  );
});

test("a mark where there is no cell takes the row's format, and its undoing removes the cell again", () => {
  const xml = `<worksheet ${MAIN}><sheetData><row r="2" s="7" customFormat="1"><c r="A2"><v>1</v></c></row></sheetData></worksheet>`;
  let seen: [number, boolean, number | null] | undefined;
  const marked = text(
    patchSheet(xml, patch([[1, 3, { mark: (base, created, user) => ((seen = [base, created, user]), 20) }]])),
  );
  expect(seen).toEqual([7, true, null]);
  expect(marked).toContain(`<c r="A2"><v>1</v></c><c r="D2" s="20"/>`);
  const restored = text(
    patchSheet(marked, patch([[1, 3, { restore: (s, empty) => (s === 20 ? (empty ? "remove" : null) : undefined) }]])),
  );
  expect(restored).toBe(xml);
});

test("a restore leaves a cell alone when its format is no longer TC8's", () => {
  const xml = `<worksheet ${MAIN}><sheetData><row r="1"><c r="A1" s="9"><v>1</v></c></row></sheetData></worksheet>`;
  expect(text(patchSheet(xml, patch([[0, 0, { restore: (s) => (s === 20 ? 4 : undefined) }]])))).toBe(xml);
  expect(
    text(patchSheet(xml.replace('s="9"', 's="20"'), patch([[0, 0, { restore: (s) => (s === 20 ? 4 : undefined) }]]))),
  ).toBe(xml.replace('s="9"', 's="4"'));
});

test("text Excel must escape reads back as written", () => {
  for (const s of ["a\u000Bb", "_x0041_", "<&>", "tab\tand\nnewline", "x_x005F_y"])
    expect(decodeOoxmlText(escapeText(s).replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"))).toBe(s);
});

test("an attribute is set, added and removed in a tag as the user's program wrote it", () => {
  // Attributes on their own lines, in single quotes, with spaces around "=", in a prefixed tag.
  const tag = `<x:row r="5"\n  spans = '1:3' ht="20"/>`;
  expect(setAttr(tag, "spans", "1:4")).toBe(`<x:row r="5"\n  spans="1:4" ht="20"/>`);
  expect(setAttr(tag, "ht", null)).toBe(`<x:row r="5"\n  spans = '1:3'/>`);
  expect(setAttr(tag, "customHeight", "1")).toBe(`<x:row r="5"\n  spans = '1:3' ht="20" customHeight="1"/>`);
  expect(setAttr(`<c r="A1" >`, "s", "7")).toBe(`<c r="A1" s="7">`);
  expect(setAttr(`<c r="A1" s="3">`, "s", 'a"b')).toBe(`<c r="A1" s="a&quot;b">`);
  // "r" inside another attribute's value is not the attribute r.
  expect(setAttr(`<c t="x r='B2'" r="A1"/>`, "r", "C3")).toBe(`<c t="x r='B2'" r="C3"/>`);
  // A tag no program writes still gets the attribute where a reader would find it.
  expect(setAttr(`<c =\nspans =''>`, "spans", "6")).toBe(`<c =\nspans="6">`);
});

describe("row heights for TC8's wrapped text", () => {
  const xml = `<worksheet ${MAIN}><sheetFormatPr defaultRowHeight="15"/><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2" ht="60" customHeight="1"><c r="A2"><v>2</v></c></row><row r="3" ht="12.75" customHeight="1" s="4" customFormat="1"><c r="A3"><v>3</v></c></row></sheetData></worksheet>`;
  const heights = (
    need: Record<number, number>,
    restore: Record<number, { ht: string | null; custom: string | null; tc8: number }> = {},
    saved: Record<number, unknown> = {},
  ) =>
    new Map(
      [...new Set([...Object.keys(need), ...Object.keys(restore)].map(Number))].map((r) => [
        r,
        {
          ...(r in need ? { need: need[r] } : {}),
          ...(r in restore ? { restore: restore[r] } : {}),
          saved: (o: unknown) => (saved[r] = o),
        },
      ]),
    );

  test("a row is made taller only where it is shorter than TC8's text needs; a taller row of the user's is left as it is", () => {
    const saved: Record<number, unknown> = {};
    const out = text(
      patchSheet(
        xml,
        patch(
          [
            [0, 1, { write: { value: "a\nb\nc", xf: 2 } }],
            [1, 1, { write: { value: "a\nb", xf: 2 } }],
            [2, 1, { write: { value: "a\nb", xf: 2 } }],
          ],
          { heights: heights({ 0: 47, 1: 32, 2: 32 }, {}, saved) },
        ),
      ),
    );
    expect(out).toContain(`<row r="1" ht="47" customHeight="1">`);
    expect(out).toContain(`<row r="2" ht="60" customHeight="1">`);
    expect(out).toContain(`<row r="3" ht="32" customHeight="1" s="4" customFormat="1">`);
    expect(saved).toEqual({ 0: { ht: null, custom: null, tc8: 47 }, 2: { ht: "12.75", custom: "1", tc8: 32 } });
  });

  test("the row's own height comes back, and only where it still has TC8's", () => {
    const saved: Record<number, unknown> = {};
    const taller = text(patchSheet(xml, patch([], { heights: heights({ 0: 47, 2: 32 }, {}, saved) })));
    // The user then sets row 3 to 40 points by hand: TC8 leaves it.
    const edited = taller.replace(`<row r="3" ht="32"`, `<row r="3" ht="40"`);
    const back = text(
      patchSheet(
        edited,
        patch([], {
          heights: heights({}, saved as Record<number, { ht: string | null; custom: string | null; tc8: number }>),
        }),
      ),
    );
    expect(back).toContain(`<row r="1">`);
    expect(back).toContain(`<row r="3" ht="40" customHeight="1" s="4" customFormat="1">`);
    expect(
      text(
        patchSheet(
          taller,
          patch([], {
            heights: heights({}, saved as Record<number, { ht: string | null; custom: string | null; tc8: number }>),
          }),
        ),
      ),
    ).toBe(xml);
  });
});
