/** The summary sheet's own sentences, as a reader meets them. */
import { evaluate } from "../../src/core/engine/evaluate";
import { CHECKLIST_TITLE, checklistSheet } from "../../src/core/plan";
import { SUMMARY_TEXT, summarySheet } from "../../src/core/plan/summary";
import { GUIDE_SHEET, templateSheets } from "../../src/core/plan/template";
import { ROLLUP_TEXT } from "../../src/core/rollup";
import { checkRuleSet, getRuleSet } from "../../src/core/ruleset";

test("the totals line agrees in number in English", () => {
  expect(
    SUMMARY_TEXT.en.totals(
      1,
      [
        { passing: 1, name: "NTM" },
        { passing: 0, name: "Advanced NTM" },
      ],
      "8",
    ),
  ).toBe("Results: 1 commune evaluated; 1 meets criterion 8 (NTM); 0 meet criterion 8 (Advanced NTM)");
  expect(SUMMARY_TEXT.en.totals(12, [{ passing: 6, name: "NTM" }], "8")).toBe(
    "Results: 12 communes evaluated; 6 meet criterion 8 (NTM)",
  );
  expect(
    SUMMARY_TEXT.vi.totals(
      12,
      [
        { passing: 6, name: "NTM" },
        { passing: 3, name: "NTM nâng cao" },
      ],
      "8",
    ),
  ).toBe("Kết quả: 12 xã được đánh giá; 6 xã đạt Tiêu chí số 8 (NTM); 3 xã đạt Tiêu chí số 8 (NTM nâng cao)");
});

describe("every title names the rule set's criterion", () => {
  // A province's variant for a criterion numbered and named otherwise (from 2026 information and
  // communications sits under "Khoa học, công nghệ và chuyển đổi số").
  const variant = checkRuleSet(
    JSON.stringify({
      id: "tieu-chi-17-thu",
      extends: "langson-2022",
      criterion: {
        number: "17",
        name: { vi: "Khoa học, công nghệ và chuyển đổi số", en: "Science, technology and digital transformation" },
      },
    }),
  );
  if (!variant.ruleset) throw new Error(JSON.stringify(variant.problems));
  const rs = variant.ruleset;
  const ev = evaluate([], { ruleset: rs });

  it("in the summary, the checklist, the template's guide and the roll-up", () => {
    expect(summarySheet(ev, rs, "vi", new Date(0)).cells.find((c) => c.row === 0)?.value).toBe(
      "TỔNG HỢP ĐÁNH GIÁ TIÊU CHÍ SỐ 17 – KHOA HỌC, CÔNG NGHỆ VÀ CHUYỂN ĐỔI SỐ",
    );
    expect(checklistSheet(ev, rs, [], "vi", new Date(0)).print?.header?.center).toContain(
      "DANH MỤC TÀI LIỆU KIỂM CHỨNG TIÊU CHÍ SỐ 17 – KHOA HỌC, CÔNG NGHỆ VÀ CHUYỂN ĐỔI SỐ",
    );
    const guide = templateSheets(rs).find((s) => s.name === GUIDE_SHEET)!;
    expect(guide.cells.find((c) => c.row === 0)?.value).toBe(
      "HƯỚNG DẪN NHẬP LIỆU – TIÊU CHÍ SỐ 17 (KHOA HỌC, CÔNG NGHỆ VÀ CHUYỂN ĐỔI SỐ)",
    );
    expect(ROLLUP_TEXT.vi.title(rs)).toBe(
      "TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ TIÊU CHÍ SỐ 17 – KHOA HỌC, CÔNG NGHỆ VÀ CHUYỂN ĐỔI SỐ CỦA CÁC XÃ",
    );
    expect(SUMMARY_TEXT.en.title(rs)).toBe(
      "TỔNG HỢP ĐÁNH GIÁ TIÊU CHÍ SỐ 17 – Criterion 17, Science, technology and digital transformation: summary",
    );
  });

  it("and the shipped rule set's titles are criterion 8's", () => {
    const ls = getRuleSet("langson-2022");
    expect(SUMMARY_TEXT.vi.title(ls)).toBe("TỔNG HỢP ĐÁNH GIÁ TIÊU CHÍ SỐ 8 – THÔNG TIN VÀ TRUYỀN THÔNG");
    expect(CHECKLIST_TITLE.vi(ls)).toBe("DANH MỤC TÀI LIỆU KIỂM CHỨNG TIÊU CHÍ SỐ 8 – THÔNG TIN VÀ TRUYỀN THÔNG");
  });
});
