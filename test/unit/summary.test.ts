/** The summary sheet's own sentences, as a reader meets them. */
import { SUMMARY_TEXT } from "../../src/core/plan/summary";

test("the totals line agrees in number in English", () => {
  expect(SUMMARY_TEXT.en.totals(1, [{ passing: 1, name: "NTM" }, { passing: 0, name: "Advanced NTM" }])).toBe("Results: 1 commune evaluated; 1 meets criterion 8 (NTM); 0 meet criterion 8 (Advanced NTM)");
  expect(SUMMARY_TEXT.en.totals(12, [{ passing: 6, name: "NTM" }])).toBe("Results: 12 communes evaluated; 6 meet criterion 8 (NTM)");
  expect(SUMMARY_TEXT.vi.totals(12, [{ passing: 6, name: "NTM" }, { passing: 3, name: "NTM nâng cao" }])).toBe("Kết quả: 12 xã được đánh giá; 6 xã đạt Tiêu chí số 8 (NTM); 3 xã đạt Tiêu chí số 8 (NTM nâng cao)");
});
