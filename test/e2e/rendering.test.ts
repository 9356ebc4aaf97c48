/**
 * What the appraisal team reads and prints: the annotated sample and the input template rendered
 * by LibreOffice to PDF, where no word of one cell is drawn over another's (pdftotext gives every
 * word's box); and the written workbook's print setup, row heights and column widths.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type ExcelJS from "exceljs";
import { clearXlsx, evaluateXlsx, templateXlsx } from "../../src/hosts/xlsx";
import { CHECKLIST_SHEET, SUMMARY_SHEET } from "../../src/core/state/own";
import { cellHeight, wrappedLines } from "../../src/core/plan/layout";
import { overlaps, pdfOf as convertToPdf, wordsOf as pdfWords, type Word } from "../helpers/pdf";
import { loadWorkbook } from "../helpers/xlsx";
import { ARTIFACTS, PDFTOPPM, SOFFICE, describeWith, which } from "../helpers/tools";

jest.setTimeout(300_000);

const SAMPLE = path.join(__dirname, "../../examples/huyen-binh-gia.xlsx");
const AT = new Date(2026, 10, 28, 9, 30);
const PDFTOTEXT = which("pdftotext");

describeWith(
  SOFFICE && PDFTOPPM && PDFTOTEXT,
  "apt-get install -y --no-install-recommends libreoffice-calc-nogui poppler-utils",
  "printed pages through LibreOffice",
  () => {
    let dir: string;
    const pdfOf = (bytes: Uint8Array, name: string) => {
      const file = path.join(dir, `${name}.xlsx`);
      fs.writeFileSync(file, bytes);
      return convertToPdf(SOFFICE!, file, dir);
    };

    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), "tc8-render-"));
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    test("the annotated sample: no word of one cell drawn over another's on any page", async () => {
      const r = await evaluateXlsx(fs.readFileSync(SAMPLE), { evaluatedAt: AT });
      const pdf = pdfOf(r.output!, "sample");
      const words = pdfWords(PDFTOTEXT!, pdf);
      // TC8's texts are on the pages: the explanations, the summary, the checklist, the signatures.
      const all = words.map((w) => w.text).join(" ");
      for (const s of ["Giải thích", "TỔNG HỢP ĐÁNH GIÁ", "NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG ĐƠN VỊ", "kiểm chứng"])
        expect(all).toContain(s.split(" ")[0]);
      // The officials' own pages may already have text over text (a long header in a short row of
      // their form): those are theirs, found in the input's own rendering; TC8 adds none.
      const pair = ([a, b]: [Word, Word]) => `"${a.text}" over "${b.text}"`;
      const theirs = new Set(overlaps(pdfWords(PDFTOTEXT!, pdfOf(fs.readFileSync(SAMPLE), "input"))).map(pair));
      const bad = overlaps(words)
        .filter((p) => !theirs.has(pair(p)))
        .map((p) => `page ${p[0].page}: ${pair(p)}`);
      expect(bad).toEqual([]);
      // A page of the summary for people to look at.
      const page = [...new Set(words.filter((w) => w.text === "TỔNG").map((w) => w.page))][0];
      spawnSync(PDFTOPPM!, [
        "-f",
        String(page),
        "-l",
        String(page),
        "-r",
        "70",
        "-png",
        "-singlefile",
        pdf,
        path.join(ARTIFACTS, "render-summary"),
      ]);
    });

    test("the input template and its guide: no word drawn over another's", async () => {
      const pdf = pdfOf((await templateXlsx()).bytes, "template");
      const words = pdfWords(PDFTOTEXT!, pdf);
      expect(words.map((w) => w.text)).toContain("HƯỚNG");
      expect(overlaps(words).map(([a, b]) => `page ${a.page}: "${a.text}" over "${b.text}"`)).toEqual([]);
    });

    test("the overlap check finds text drawn over text", () => {
      const w = (x0: number, text: string): Word => ({ page: 1, text, x0, y0: 10, x1: x0 + 30, y1: 20 });
      expect(overlaps([w(0, "một"), w(40, "hai")])).toEqual([]);
      expect(overlaps([w(0, "một"), w(10, "hai")])).toHaveLength(1);
    });
  },
);

describe("the written workbook's print setup and sizes", () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    const r = await evaluateXlsx(fs.readFileSync(SAMPLE), { evaluatedAt: AT });
    wb = await loadWorkbook(r.output!);
  });

  test.each([SUMMARY_SHEET, CHECKLIST_SHEET])(
    "%s: A4 landscape, one page wide, title rows, header with the rule set and time, numbered pages",
    (name) => {
      const ws = wb.getWorksheet(name)!;
      expect(ws.pageSetup).toMatchObject({
        orientation: "landscape",
        paperSize: 9,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      });
      expect(ws.pageSetup.printTitlesRow).toBe(name === SUMMARY_SHEET ? "7:8" : "1:1");
      expect(ws.headerFooter.oddFooter).toContain("Trang &P/&N");
      expect(ws.headerFooter.oddHeader).toContain("Lạng Sơn");
      expect(ws.headerFooter.oddHeader).toContain("28/11/2026 09:30");
      expect(ws.views[0]).toMatchObject({ state: "frozen" });
    },
  );

  test("the summary opens with where, what and when, and ends with the signature block", () => {
    const ws = wb.getWorksheet(SUMMARY_SHEET)!;
    expect(ws.getCell("A1").value).toBe("TỔNG HỢP ĐÁNH GIÁ TIÊU CHÍ SỐ 8 – THÔNG TIN VÀ TRUYỀN THÔNG");
    expect(String(ws.getCell("A2").value)).toMatch(/^Tỉnh Lạng Sơn/);
    expect(String(ws.getCell("A3").value)).toMatch(/^Bộ tiêu chí: /);
    expect(ws.getCell("A4").value).toBe("Thời điểm đánh giá: 28/11/2026 09:30");
    const texts: { row: number; text: string }[] = [];
    ws.eachRow((row, r) => row.eachCell((c) => typeof c.value === "string" && texts.push({ row: r, text: c.value })));
    const at = (t: string) => texts.find((x) => x.text === t)!.row;
    expect(at("NGƯỜI LẬP BIỂU")).toBe(at("THỦ TRƯỞNG ĐƠN VỊ"));
    expect(at("…, ngày … tháng … năm …")).toBe(at("NGƯỜI LẬP BIỂU") - 1);
    expect(at("(Ký, ghi rõ họ tên)")).toBe(at("NGƯỜI LẬP BIỂU") + 1);
    expect(at("NGƯỜI LẬP BIỂU")).toBeGreaterThan(at("Số xã theo chỉ tiêu") + 12);
    // Said once: the level's name is not repeated after the criterion's.
    expect(texts.map((t) => t.text).filter((t) => /TC8 NTM \(NTM\)/.test(t))).toEqual([]);
  });

  test("rows of wrapped text are tall enough for it at their column's width; TC8's columns are wide enough", () => {
    for (const name of [SUMMARY_SHEET, CHECKLIST_SHEET, "TH TC8 Bình Gia"]) {
      const ws = wb.getWorksheet(name)!;
      const merged = new Set<string>();
      ws.eachRow((row, r) =>
        row.eachCell((c) => {
          if (c.isMerged || typeof c.value !== "string" || !c.alignment?.wrapText) return;
          const width = ws.getColumn(c.col).width ?? 8.43;
          const lines = wrappedLines(c.value, width);
          if (lines < 2 || merged.has(c.address)) return;
          // exceljs reads a row's height in points.
          expect([name, c.address, row.height ?? 15]).toEqual([name, c.address, expect.any(Number)]);
          expect(row.height ?? 15).toBeGreaterThanOrEqual(cellHeight(c.value, width) - 1);
          void r;
        }),
      );
    }
    const summary = wb.getWorksheet(SUMMARY_SHEET)!;
    const colOf = (row: number, text: string) => (summary.getRow(row).values as ExcelJS.CellValue[]).indexOf(text);
    // The sample names no district: the summary has no empty district column.
    expect(colOf(7, "Huyện")).toBe(-1);
    // "Thiếu dữ liệu" on at most two lines, "Miền núi (mặc định)" on one, the commune names on one.
    expect(wrappedLines("Thiếu dữ liệu", summary.getColumn(colOf(8, "8.1")).width!)).toBeLessThanOrEqual(2);
    expect(wrappedLines("Miền núi (mặc định)", summary.getColumn(colOf(7, "Khu vực")).width!)).toBe(1);
    expect(wrappedLines("Xã Hoàng Văn Thụ", summary.getColumn(colOf(7, "Xã")).width!)).toBe(1);
  });
});

describe("row heights in the user's sheets", () => {
  test("rows TC8 made taller for its explanations get their own heights back with Clear results", async () => {
    const input = fs.readFileSync(SAMPLE);
    const r = await evaluateXlsx(input, { evaluatedAt: AT });
    const before = await loadWorkbook(input);
    const after = await loadWorkbook(r.output!);
    const cleared = await loadWorkbook(await clearXlsx(r.output!, { removeChecklist: true }));
    const heights = (wb: ExcelJS.Workbook) => {
      const ws = wb.getWorksheet("TH TC8 Bình Gia")!;
      const out: (number | undefined)[] = [];
      for (let i = 1; i <= ws.rowCount; i++) out.push(ws.getRow(i).height);
      return out;
    };
    // Some rows were made taller (the explanations run over several lines), none shorter.
    const h0 = heights(before);
    const h1 = heights(after);
    expect(h1.some((h, i) => (h ?? 15) > (h0[i] ?? 15))).toBe(true);
    expect(h1.every((h, i) => (h ?? 15) >= (h0[i] ?? 15))).toBe(true);
    expect(heights(cleared)).toEqual(h0);
  });
});
