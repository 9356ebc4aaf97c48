/** The input template's words: what to enter in each column, in the guidance's own definitions. */
import { templateSheets, promptText, GUIDE_SHEET, linesOf } from "../../src/core/workbook/template";

const sheets = templateSheets();
const communes = sheets[0];
const noteOf = (header: string) => communes.cells.find((c) => c.row === 0 && c.value === header)?.note ?? "";

describe("the template says what to enter where the data is entered", () => {
  test("the guidance's definitions are the notes of their headers", () => {
    expect(noteOf("Số điểm cung cấp xuất bản phẩm")).toContain("điểm đọc và điểm bán các xuất bản phẩm gồm: Thư viện, điểm bán sách, điểm bưu điện văn hóa xã");
    expect(noteOf("Số điểm đã gắn biển địa chỉ số")).toContain("được thông báo, gắn biển địa chỉ số");
    expect(noteOf("Số tin, bài tự sản xuất/tuần")).toContain("Nội dung tin, bài phong phú gồm cả chính trị, thời sự, tuyên truyền chủ trương, chính sách, các hoạt động của xã");
    expect(noteOf("Trang thông tin điện tử xã (địa chỉ)")).toContain("có chức năng cung cấp thông tin phục vụ công tác quản lý, điều hành và cung cấp dịch vụ công trực tuyến");
    expect(noteOf("Số người trong độ tuổi LĐ có thuê bao ĐTTM")).toContain("không phải số thuê bao");
  });

  test("every column of the three input sheets has a note and an input message Excel can show", () => {
    for (const s of sheets.slice(0, 3)) {
      const headers = s.cells.filter((c) => c.row === 0);
      expect(headers.filter((c) => !c.note).map((c) => `${s.name}: ${c.value}`)).toEqual([]);
      expect(s.prompts).toHaveLength(headers.length);
      for (const p of s.prompts!) {
        expect(p.title.length).toBeLessThanOrEqual(32);
        expect(p.text.length).toBeLessThanOrEqual(255);
        expect(p.text.length).toBeGreaterThan(10);
      }
    }
  });

  test("lines break between words", () => {
    expect(linesOf("một hai ba bốn", 7)).toEqual(["một hai", "ba bốn"]);
  });

  test("an input message keeps whole sentences", () => {
    expect(promptText("Câu một. Câu hai dài hơn.", 12)).toBe("Câu một.");
    expect(promptText("Ngắn.", 255)).toBe("Ngắn.");
  });

  test("the guide sheet lists every column with its note, a line per row", () => {
    const guide = sheets[3];
    expect(guide.name).toBe(GUIDE_SHEET);
    const rows = new Map<number, (string | number | null)[]>();
    for (const c of guide.cells) rows.set(c.row, Object.assign(rows.get(c.row) ?? [], { [c.col]: c.value }));
    const ordered = [...rows.entries()].sort(([a], [b]) => a - b).map(([, r]) => r);
    const listed = ordered.filter((r) => r[0] && r[0] !== "Sheet" && r[1]);
    expect(listed).toHaveLength(sheets.slice(0, 3).reduce((n, s) => n + s.cells.filter((c) => c.row === 0).length, 0));
    // A long note goes on in the rows below its column's row, each line short enough for the column.
    const at = ordered.findIndex((r) => r[1] === "Số điểm cung cấp xuất bản phẩm");
    const lines = [ordered[at][3]];
    for (let i = at + 1; i < ordered.length && !ordered[i][0]; i++) lines.push(ordered[i][3]);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toBe(noteOf("Số điểm cung cấp xuất bản phẩm"));
    expect(guide.cells.filter((c) => c.col === 3).every((c) => String(c.value).length <= 105)).toBe(true);
    // Subscriptions and computers are alternatives the template does not ask for.
    expect(listed.some((r) => r[1] === "Số thuê bao ĐTTM" || r[1] === "Số máy vi tính")).toBe(false);
  });
});
