/**
 * The roll-up in Excel (docs/output.md §12): its four sheets added to the open workbook through
 * the Office.js host (a simulated Excel), beside the user's sheets under free names, with the
 * chart and print titles, and TC8's state left alone; a protected structure stops it.
 */
import { rollupSheets } from "../../src/core/rollup";
import { getRuleSet } from "../../src/core/ruleset";
import { STATE_SHEET } from "../../src/core/state/own";
import { rollupInContext } from "../../src/hosts/office";
import { detectCapabilities } from "../../src/hosts/office/capabilities";
import { gatherXlsx } from "../../src/hosts/xlsx/rollup";
import { FakeBook, fakeContext } from "../helpers/fake-excel";
import { communesSheet, xlsx } from "../helpers/xlsx";

const ALL = detectCapabilities(() => true);
const rs = getRuleSet();
const AT = new Date(2026, 10, 28, 9, 30);

async function rollup() {
  const a = await xlsx([
    communesSheet([
      { commune: "Xã Tân Thành", district: "Huyện Bình Gia" },
      { commune: "Xã Hồng Phong", district: "Huyện Bình Gia", sw_qlvb: "Không" },
    ]),
  ]);
  const b = await xlsx([communesSheet([{ commune: "Xã Mai Pha", district: "Thành phố Lạng Sơn" }])]);
  return gatherXlsx(
    [
      { name: "a.xlsx", bytes: () => a },
      { name: "b.xlsx", bytes: () => b },
    ],
    { levels: rs.levels.map((l) => l.id), lang: "vi", ruleset: rs },
  );
}

test("the four sheets go beside the user's, under free names; the user's sheet and TC8's state are left alone", async () => {
  const book = new FakeBook();
  const mine = book.add("Tổng hợp");
  mine.set("A1", [["số liệu của tôi"]]);
  const r = await rollup();
  const out = await rollupInContext(fakeContext(book), (taken) => rollupSheets(r, rs, "vi", AT, taken), ALL);
  expect(out.refused).toBeUndefined();
  expect(out.sheets).toEqual(["Tổng hợp (2)", "Theo chỉ tiêu", "Vấn đề dữ liệu", "Tệp"]);
  expect(book.sheets.map((s) => s.name)).toEqual([
    "Tổng hợp",
    "Tổng hợp (2)",
    "Theo chỉ tiêu",
    "Vấn đề dữ liệu",
    "Tệp",
  ]);
  expect(mine.get("A1")).toBe("số liệu của tôi");
  expect(book.sheets.some((s) => s.name === STATE_SHEET)).toBe(false);
  const summary = book.sheet("Tổng hợp (2)");
  const values = [...summary.cells.values()].map((c) => String(c.value ?? ""));
  expect(values).toContain("Xã Hồng Phong");
  expect(values).toContain("Số xã đạt – Huyện Bình Gia (2 xã)");
  expect(values).toContain("Số xã đạt – Toàn bộ (3 xã, 2 huyện)");
  expect(summary.printTitles).toBeDefined();
  expect(book.sheet("Theo chỉ tiêu").charts).toHaveLength(1);
  expect(book.sheet("Tệp").charts).toHaveLength(0);
});

test("a protected workbook structure stops it before any change", async () => {
  const book = new FakeBook();
  book.add("Xã");
  book.protected = true;
  const r = await rollup();
  const out = await rollupInContext(fakeContext(book), (taken) => rollupSheets(r, rs, "vi", AT, taken), ALL);
  expect(out.refused).toEqual({ reason: "workbookProtected" });
  expect(book.sheets.map((s) => s.name)).toEqual(["Xã"]);
});
