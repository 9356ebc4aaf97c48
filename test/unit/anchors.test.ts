/** Anchors and sheet names (issue 9): references as Excel and LibreOffice write them, names as Excel compares them. */
import {
  anchorNames,
  cellAnchorRef,
  namedState,
  parseAnchor,
  readAnchors,
  whereNow,
} from "../../src/core/state/anchors";
import { freeSheetName, sameSheet } from "../../src/core/shared/grid";
import { emptyState } from "../../src/core/state/state";

test("a name's reference, in every form Excel and LibreOffice write, with or without '=' and '$'", () => {
  expect(parseAnchor("'Xã'!$E$5")).toEqual({ sheet: "Xã", range: { r0: 4, c0: 4, r1: 4, c1: 4 } });
  expect(parseAnchor("=Xã!$F$5")).toEqual({ sheet: "Xã", range: { r0: 4, c0: 5, r1: 4, c1: 5 } });
  expect(parseAnchor("'Tổng hợp TC8'!$1:$1048576")?.range).toEqual({ r0: 0, c0: 0, r1: 1048575, c1: 16383 });
  expect(parseAnchor("TC8_STATE!$A:$A")?.range).toEqual({ r0: 0, c0: 0, r1: 1048575, c1: 0 });
  expect(parseAnchor("'Xã ''cũ'''!B2:C3")).toEqual({ sheet: "Xã 'cũ'", range: { r0: 1, c0: 1, r1: 2, c1: 2 } });
  // Broken by a deletion, or no reference at all.
  for (const f of ["#REF!", "'Xã'!#REF!", "=#REF!$A$1", "42", "'Xã'!$A$1,'Xã'!$B$2", "SUM(A1:A3)"])
    expect([f, parseAnchor(f)]).toEqual([f, null]);
});

test("the names of a state: its sheets, each mark, row and column header, named in order; the same state gives the same names", () => {
  const s = namedState({
    ...emptyState("langson-2022"),
    own: { state: "TC8_STATE", summary: "Tổng hợp TC8", checklist: "Minh chứng TC8 (2)" },
    marks: [
      { cell: "'Xã'!E5", kind: "fail" },
      { cell: "'Thôn bản'!C3", kind: "missing" },
    ],
    rows: [{ sheet: "Xã", row: 6 }],
    columns: [{ cell: "'Xã'!AS3", header: "8.1 NTM" }],
  });
  expect(anchorNames(s)).toEqual([
    { name: "_TC8_State", formula: "'TC8_STATE'!$1:$1048576", hidden: true },
    { name: "_TC8_Summary", formula: "'Tổng hợp TC8'!$1:$1048576", hidden: true },
    { name: "_TC8_Checklist", formula: "'Minh chứng TC8 (2)'!$1:$1048576", hidden: true },
    { name: "_TC8_M1", formula: "'Xã'!$E$5", hidden: true },
    { name: "_TC8_M2", formula: "'Thôn bản'!$C$3", hidden: true },
    { name: "_TC8_R1", formula: "'Xã'!$7:$7", hidden: true },
    { name: "_TC8_C1", formula: "'Xã'!$AS$3", hidden: true },
  ]);
  expect(s.marks.map((m) => m.name)).toEqual(["_TC8_M1", "_TC8_M2"]);
  expect(anchorNames(namedState(s))).toEqual(anchorNames(s));
});

test("where a state's entry is now: its name's reference; null where the user's edits broke it; its saved address where there is no such name", () => {
  const anchors = readAnchors([
    { name: "_tc8_m1", formula: "Xã!$F$7", hidden: false },
    { name: "_TC8_M2", formula: "#REF!" },
    { name: "_TC8_M3", formula: "'Xã'!$A$1", scope: "Xã" },
    { name: "Vùng_in", formula: "'Xã'!$A$1:$B$2" },
  ]);
  expect(whereNow(anchors, "_TC8_M1")).toEqual({ sheet: "Xã", range: { r0: 6, c0: 5, r1: 6, c1: 5 } });
  expect(whereNow(anchors, "_TC8_M2")).toBeNull();
  // A name scoped to a sheet is no anchor of TC8's; nor is a user's.
  expect(whereNow(anchors, "_TC8_M3")).toBeUndefined();
  expect(whereNow(anchors, undefined)).toBeUndefined();
  expect(anchors.size).toBe(2);
});

test("sheet names as Excel compares them: letter case and Unicode normalisation; a free name beside a taken one", () => {
  expect(sameSheet("Minh chứng TC8", "minh chứng tc8")).toBe(true);
  expect(sameSheet("Minh chứng TC8", "MINH CHỨNG TC8")).toBe(true);
  // The same letters decomposed (NFD), as some programs write them.
  expect(sameSheet("Tổng hợp TC8", "Tổng hợp TC8".normalize("NFD"))).toBe(true);
  expect(sameSheet("Tổng hợp TC8", "Tong hop TC8")).toBe(false);
  const taken = ["tc8_state", "TC8_STATE (2)"];
  expect(freeSheetName("TC8_STATE", (n) => taken.some((t) => sameSheet(t, n)))).toBe("TC8_STATE (3)");
  expect(freeSheetName("Minh chứng TC8", () => false)).toBe("Minh chứng TC8");
  // Never over Excel's 31 characters.
  expect(freeSheetName("x".repeat(31), (n) => n.length === 31 && n.endsWith("x"))).toBe(`${"x".repeat(27)} (2)`);
});

test("a mark's anchor is the reference its cell reads as, whatever form the cell was written in", () => {
  const cells = [
    "'Xã'!E5",
    "'Thôn'!XFD1048576",
    "'it''s'!Z9",
    "'a''!b'!C5",
    "'x'!A01",
    "'x'!a1",
    "'x'!$B$2",
    "Xã!E5",
    " 'x'!A1",
    "'x'!A",
    "'x'!A0",
    "'x'!ABCD1",
    "'#REF!'!A1",
    "'x'!A1:B2",
  ];
  for (const cell of cells) {
    const a = parseAnchor(cell);
    const expected = a && cellAnchorRef(a.sheet, a.range.r0, a.range.c0);
    const names = anchorNames({ ...emptyState("langson-2022"), marks: [{ cell, kind: "fail" }] });
    expect([cell, names.map((n) => n.formula)]).toEqual([cell, expected ? [expected] : []]);
  }
});
