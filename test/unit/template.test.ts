/** The input template's words: what to enter in each column, in the guidance's own definitions. */
import { LS } from "../helpers/fields";
import { runEvaluation } from "../../src/core/pipeline";
import { emptyGrid, setCell } from "../../src/core/shared/grid";
import { templateSheets, promptText, GUIDE_SHEET, EXAMPLE_COMMUNE } from "../../src/core/plan/template";

const sheets = templateSheets(LS);
const communes = sheets[0];
const noteOf = (header: string) => communes.cells.find((c) => c.row === 0 && c.value === header)?.note ?? "";

describe("the template says what to enter where the data is entered", () => {
  test("the guidance's definitions are the notes of their headers", () => {
    expect(noteOf("Số điểm cung cấp xuất bản phẩm")).toContain(
      "điểm đọc và điểm bán các xuất bản phẩm gồm: Thư viện, điểm bán sách, điểm bưu điện văn hóa xã",
    );
    expect(noteOf("Số điểm đã gắn biển địa chỉ số")).toContain("được thông báo, gắn biển địa chỉ số");
    expect(noteOf("Số tin, bài tự sản xuất/tuần")).toContain(
      "Nội dung tin, bài phong phú gồm cả chính trị, thời sự, tuyên truyền chủ trương, chính sách, các hoạt động của xã",
    );
    expect(noteOf("Trang thông tin điện tử xã (địa chỉ)")).toContain(
      "có chức năng cung cấp thông tin phục vụ công tác quản lý, điều hành và cung cấp dịch vụ công trực tuyến",
    );
    expect(noteOf("Số người trong độ tuổi LĐ có thuê bao ĐTTM")).toContain("không phải số thuê bao");
  });

  test("every column of the three input sheets has a note and an input message Excel can show", () => {
    for (const s of sheets.slice(0, 3)) {
      const headers = s.cells.filter((c) => c.row === 0);
      expect(headers.filter((c) => !c.note).map((c) => `${s.name}: ${c.value}`)).toEqual([]);
      expect(s.prompts).toHaveLength(headers.length);
      // On the header cell too, so the message shows where the user reads the column's name.
      expect(s.prompts!.every((p) => p.range.r0 === 0)).toBe(true);
      for (const p of s.prompts!) {
        expect(p.title.length).toBeLessThanOrEqual(32);
        expect(p.text.length).toBeLessThanOrEqual(255);
        expect(p.text.length).toBeGreaterThan(10);
      }
    }
  });

  test("an input message keeps whole sentences", () => {
    expect(promptText("Câu một. Câu hai dài hơn.", 12)).toBe("Câu một.");
    expect(promptText("Ngắn.", 255)).toBe("Ngắn.");
  });

  test("the guide names each sheet and how villages and postal points are tied to their commune", () => {
    const guide = sheets[3];
    const text = guide.cells.map((c) => String(c.value));
    for (const s of sheets.slice(0, 3)) expect(text).toContain(s.name);
    expect(text.some((t) => t.includes('Cột "Tên xã" ghi tên xã của thôn, bản đúng như ở sheet Danh sách xã'))).toBe(
      true,
    );
    expect(text.some((t) => t.includes('gắn với xã qua cột "Tên xã"'))).toBe(true);
  });

  test("the guide lists every column of the three sheets: meaning, unit, accepted values and an example", () => {
    const guide = sheets[3];
    expect(guide.name).toBe(GUIDE_SHEET);
    const rows = new Map<number, (string | number | null)[]>();
    for (const c of guide.cells) rows.set(c.row, Object.assign(rows.get(c.row) ?? [], { [c.col]: c.value }));
    const header = [...rows.values()].find((r) => r[2] === "Ý nghĩa (theo hướng dẫn)")!;
    expect(header).toEqual(["Sheet", "Cột", "Ý nghĩa (theo hướng dẫn)", "Đơn vị", "Giá trị được nhận", "Ví dụ"]);
    const rowOfHeader = [...rows.entries()].find(([, r]) => r === header)![0];
    const listed = [...rows.entries()].filter(([n, r]) => n > rowOfHeader && r[1]).map(([, r]) => r);
    const columns = sheets
      .slice(0, 3)
      .flatMap((s) => s.cells.filter((c) => c.row === 0).map((c) => `${s.name}|${c.value}`));
    expect(listed.map((r) => `${r[0]}|${r[1]}`)).toEqual(columns);
    const publication = listed.find((r) => r[1] === "Số điểm cung cấp xuất bản phẩm")!;
    expect(publication[2]).toBe(noteOf("Số điểm cung cấp xuất bản phẩm"));
    expect(publication.slice(3)).toEqual(["điểm", "Số nguyên, không âm", 1]);
    expect(listed.find((r) => r[1] === "Số giờ mở cửa/ngày")!.slice(3)).toEqual(["giờ", "Số, không âm", 8]);
    // Long meanings wrap in tall rows rather than overflow.
    const row = [...rows.entries()].find(([, r]) => r === publication)![0];
    expect(guide.rowHeights!.find((h) => h.row === row)!.height).toBeGreaterThan(30);
    // Subscriptions and computers are alternatives the template does not ask for.
    expect(listed.some((r) => r[1] === "Số thuê bao ĐTTM" || r[1] === "Số máy vi tính")).toBe(false);
  });

  test("example rows show a filled commune, village and postal point, and are not evaluated", () => {
    expect(communes.cells.find((c) => c.row === 1 && c.col === 0)).toMatchObject({
      value: EXAMPLE_COMMUNE,
      style: "example",
    });
    expect(sheets[1].cells.filter((c) => c.row > 0 && c.col === 0)).toHaveLength(2);
    const grids = sheets.slice(0, 3).map((s) => {
      const g = emptyGrid(s.name);
      for (const c of s.cells) setCell(g, c.row, c.col, c.value);
      return g;
    });
    const run = runEvaluation(grids);
    expect(run.evaluation.communes).toEqual([]);
    expect(run.read.fatal?.key).toBe("problem.noCommunes");
  });
});
