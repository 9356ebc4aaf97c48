/** A new sheet's body given as rows of values (the checklist's) is written exactly as the same cells would be. */
import { type NewSheet, sheetCells } from "../../src/core/plan";
import { fitRowHeights } from "../../src/core/plan/layout";
import { newSheetXml, newTableXml } from "../../src/hosts/xlsx/newsheet";
import { StyleBook } from "../../src/hosts/xlsx/stylebook";

const text = (chunks: Uint8Array[]) => Buffer.concat(chunks).toString("utf8");

function spec(): NewSheet {
  return {
    name: "Minh chứng TC8",
    cells: [
      { row: 0, col: 0, value: "Xã", style: "header" },
      { row: 0, col: 1, value: "STT", style: "header" },
      { row: 0, col: 2, value: "Tài liệu", style: "header" },
      { row: 6, col: 0, value: "Người lập", style: "subtitle" },
      { row: 6, col: 2, value: "Thủ trưởng", style: "subtitle" },
    ],
    rows: {
      r0: 1,
      styles: ["text", undefined, "wrap"],
      values: [
        ["Xã A", 1, 'Quyết định <số> & "ngày" ban hành kèm theo một văn bản rất dài của Ủy ban nhân dân'],
        ["Xã A", 2, null],
        [],
        ["Xã B", 1.5, ""],
        ["Xã B", null],
      ],
    },
    merges: [{ r0: 6, c0: 0, r1: 6, c1: 1 }],
    table: { name: "TC8_MinhChung", range: { r0: 0, c0: 0, r1: 5, c1: 2 } },
    columnWidths: [22, 6, 30],
    freezeRows: 1,
  };
}

describe("a new sheet's rows", () => {
  test("are the cells they stand for, in their place", () => {
    const cells = sheetCells(spec());
    expect(cells.map((c) => [c.row, c.col])).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
      [1, 1],
      [1, 2],
      [2, 0],
      [2, 1],
      [2, 2],
      [4, 0],
      [4, 1],
      [4, 2],
      [5, 0],
      [5, 1],
      [6, 0],
      [6, 2],
    ]);
    expect(cells[4]).toEqual({ row: 1, col: 1, value: 1 });
    expect(cells[5]).toMatchObject({ row: 1, col: 2, style: "wrap" });
  });

  test("are written, measured and named as those cells would be", () => {
    const rows = spec();
    const flat: NewSheet = { ...spec(), cells: sheetCells(spec()), rows: undefined };
    expect(fitRowHeights(rows)).toEqual(fitRowHeights(flat));
    rows.rowHeights = fitRowHeights(rows);
    flat.rowHeights = fitRowHeights(flat);
    expect(rows.rowHeights.length).toBeGreaterThan(0);
    expect(text(newSheetXml(rows, new StyleBook(), "rId1"))).toBe(text(newSheetXml(flat, new StyleBook(), "rId1")));
    expect(newTableXml(rows, 1)).toBe(newTableXml(flat, 1));
    // A number format over the sheet makes them cells like any other: the same part still.
    const formatted = { ...spec(), numberFormats: [{ range: { r0: 1, c0: 1, r1: 8, c1: 1 }, format: "0.0" }] };
    const formattedFlat = { ...formatted, cells: sheetCells(formatted), rows: undefined };
    expect(text(newSheetXml(formatted, new StyleBook()))).toBe(text(newSheetXml(formattedFlat, new StyleBook())));
  });
});
