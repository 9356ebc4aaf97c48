/**
 * What Excel receives for printing and reading TC8's own sheets, through Excel's own client: the
 * summary and the checklist on A4 landscape, one page wide, their header rows on every page, a
 * page header and numbered pages; bordered, centred report cells; the chart over the cells left
 * for it; the template's input messages and header notes.
 */
import { evaluateInContext, templateInContext } from "../../src/hosts/office";
import { CHECKLIST_SHEET, SUMMARY_SHEET } from "../../src/core/state/own";
import { district } from "../helpers/wire/district";
import { API_118, API_17, wireContext } from "../helpers/wire/harness";

const at = new Date(2026, 10, 28, 9, 30);

test("the summary and the checklist are set up to print on A4 landscape, one page wide, titles on every page", async () => {
  const x = district(20);
  const out = await evaluateInContext(wireContext(x), { evaluatedAt: at }, API_118);
  expect(out.skipped).toEqual([]);
  const summary = x.sheet(SUMMARY_SHEET);
  expect(summary.orientation).toBe("Landscape");
  expect(summary.print).toMatchObject({
    paperSize: "A4",
    zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    titleRows: "$7:$8",
  });
  expect(summary.print.headers.CenterFooter).toBe("Trang &P/&N");
  expect(summary.print.headers.RightHeader).toContain("Thời điểm đánh giá: 28/11/2026 09:30");
  expect(summary.print.printArea).toMatch(/^A1:/);
  const checklist = x.sheet(CHECKLIST_SHEET);
  expect(checklist.print).toMatchObject({ paperSize: "A4", titleRows: "$1:$1" });
  expect(checklist.print.headers.CenterHeader).toContain("DANH MỤC TÀI LIỆU KIỂM CHỨNG");
  // The report's table: bordered header and figures, centred verdicts; the signature block.
  const header = summary.peek(6, 0)!;
  expect(header).toMatchObject({ v: "STT", halign: "Center", bold: true });
  expect(header.borders).toEqual(expect.arrayContaining(["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"]));
  expect(summary.peek(8, 0)).toMatchObject({ v: 1, halign: "Center" });
  const cells = [...summary.rows.values()].flatMap((r) => [...r.values()].map((c) => c.v));
  expect(cells).toEqual(expect.arrayContaining(["NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ", "…, ngày … tháng … năm …"]));
  expect(summary.charts).toHaveLength(1);
});

test("on ExcelApi 1.7 the page setup is skipped and said so; everything else is written", async () => {
  const x = district(20);
  const out = await evaluateInContext(wireContext(x), { evaluatedAt: at }, API_17);
  expect(out.skipped).toEqual(expect.arrayContaining(["pageLayout"]));
  expect(x.sheet(SUMMARY_SHEET).print.paperSize).toBeUndefined();
  expect(x.sheet(SUMMARY_SHEET).peek(6, 0)?.v).toBe("STT");
});

test("the template's columns carry an input message from the header down, and a note on the header", async () => {
  const x = district(5);
  const out = await templateInContext(wireContext(x), API_118);
  const communes = x.sheet(out.sheets[0]);
  expect(communes.prompts.length).toBeGreaterThan(20);
  expect(communes.prompts.every((p) => p.range.r0 === 0)).toBe(true);
  expect(communes.prompts[0].prompt).toMatchObject({ showPrompt: true, title: "Tên xã" });
  expect(x.noteAt(out.sheets[0], "A1")).toMatch(/Tên xã/);
  // The example commune, in the template's grey italics.
  expect(communes.peek(1, 0)).toMatchObject({ v: "Xã Mẫu (ví dụ)", italic: true });
});
