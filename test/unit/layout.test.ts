/** Row heights for wrapped text: enough lines for the text at the column's width, never fewer. */
import { cellHeight, LINE_HEIGHT_PT, MAX_ROW_HEIGHT_PT, textWidth, wrappedLines } from "../../src/core/plan/layout";

describe("wrapped text", () => {
  test("one short line fits one line", () => {
    expect(wrappedLines("Đạt", 12)).toBe(1);
    expect(cellHeight("Đạt", 12)).toBe(LINE_HEIGHT_PT);
    expect(cellHeight("Đạt\nKhông đạt", 12)).toBe(2 * LINE_HEIGHT_PT + 2);
  });

  test("line breaks count, and each long line wraps at spaces", () => {
    expect(wrappedLines("a\nb\nc", 20)).toBe(3);
    const sentence = "8.4 NTM, điểm a – Máy vi tính: 8/21 máy vi tính trên số cán bộ, công chức = 38% < 50%";
    const lines = wrappedLines(sentence, 30);
    // About 85 characters in a 30-unit column: three lines at least, never one.
    expect(lines).toBeGreaterThanOrEqual(3);
    expect(lines).toBeLessThanOrEqual(4);
    expect(wrappedLines(sentence, 200)).toBe(1);
  });

  test("a word longer than the column is broken over several lines", () => {
    expect(wrappedLines("https://vanphongdientu.langson.gov.vn/xa-tan-thanh", 10)).toBeGreaterThanOrEqual(5);
  });

  test("diacritics do not make a letter wider, capitals and wide letters are wider", () => {
    expect(textWidth("ệ")).toBe(textWidth("e"));
    expect(textWidth("M")).toBeGreaterThan(textWidth("n"));
    expect(textWidth("il")).toBeLessThan(textWidth("oo"));
  });

  test("the height grows with the font size and stops at Excel's highest row", () => {
    expect(cellHeight("x", 10, 14)).toBeGreaterThan(cellHeight("x", 10, 11));
    expect(cellHeight(Array(200).fill("dòng").join("\n"), 20)).toBe(MAX_ROW_HEIGHT_PT);
  });
});
