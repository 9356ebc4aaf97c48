/** The ribbon command's report, and the browser page's download name. */
import { commandReport } from "../../src/commands/summary";
import { runEvaluation } from "../../src/core/pipeline";
import { annotatedName } from "../../src/web/web-host";
import { gridFrom } from "../helpers/grids";

const run = runEvaluation([gridFrom("Xã", [["Tên xã", "Số CBCC", "Số CBCC có máy vi tính", "Có đài truyền thanh xã"], ["Xã A", 20, 10, "Có"], ["Xã B", 20, 4, "có lẽ"]])]);

describe("the ribbon's Đánh giá reports", () => {
  test("counts and where to look, in Vietnamese and English", () => {
    expect(commandReport({ run, skipped: [], requests: 3 }, "vi")).toBe(
      "TC8 đã đánh giá 2 xã; đạt TC8 NTM: 0; đạt TC8 NC: 0; thiếu dữ liệu: 1; vấn đề về dữ liệu: 1. Xem sheet Tổng hợp TC8 và cột Giải thích TC8.",
    );
    expect(commandReport({ run, skipped: [], requests: 3 }, "en")).toMatch(/^TC8 evaluated 2 communes; meeting TC8 NTM: 0; .*data problems: 1\. See the Tổng hợp TC8 sheet/);
  });
  test("a refusal and a workbook without communes", () => {
    expect(commandReport({ refused: { reason: "sheetProtected", sheet: "Xã" }, skipped: [], requests: 2 }, "vi")).toBe('Sheet "Xã" đang được bảo vệ: TC8 không thay đổi gì.');
    const none = runEvaluation([gridFrom("S", [["Họ tên"], ["A"]])]);
    expect(commandReport({ run: none, skipped: [], requests: 2 }, "vi")).toMatch(/Không tìm thấy bảng danh sách xã/);
  });
});

describe("the browser page's download", () => {
  test("is named <name>.tc8.xlsx, once", () => {
    expect(annotatedName("so-lieu.xlsx")).toBe("so-lieu.tc8.xlsx");
    expect(annotatedName("so-lieu.tc8.xlsx")).toBe("so-lieu.tc8.xlsx");
  });
});
