/** Golden explanation texts in both languages for a failing, a missing and a passing condition. */
import { explanationLines } from "../../src/core/engine";
import { render } from "../../src/core/i18n";
import { EN } from "../../src/core/i18n/messages.en";
import { VI } from "../../src/core/i18n/messages.vi";
import { commune, villagesWith } from "../helpers/facts";
import { condition, evalOne } from "../helpers/results";
import { LS } from "../helpers/fields";

describe("explanations", () => {
  const failing = evalOne(commune({ facts: { officials: 12, officials_with_computer: 4, officials_trained: 12 } }));
  const missing = evalOne(commune({ facts: { website_posts_year: null } }));
  const passing = evalOne(commune({ facts: { area: null, working_age: 2000, smartphone_users: 1000 } }));

  test("failing ratio", () => {
    const c = condition(failing, "8.4.a.may_tinh");
    expect(render(c.msg, "vi")).toBe("4/12 CBCC có máy vi tính = 33,3%, chưa đạt yêu cầu tối thiểu 50%");
    expect(render(c.msg, "en")).toBe("4/12 officials with a computer = 33.3%, short of the requirement (at least 50%)");
  });

  test("missing value names its cell", () => {
    const c = condition(missing, "8.4.b.trang_ttdt");
    expect(render(c.msg, "vi")).toBe(
      "xã có trang thông tin điện tử (https://tanthanh.langson.gov.vn); Số tin, bài trên trang TTĐT trong năm ở ô Q2 của sheet Xã còn trống; Số tin, bài tháng ít nhất là 3, đạt yêu cầu tối thiểu 3",
    );
    expect(render(c.msg, "en")).toBe(
      "the commune has a website (https://tanthanh.langson.gov.vn); Website posts in the year: cell Q2 of sheet Xã is blank; Website posts in the month with fewest is 3, meets the requirement (at least 3)",
    );
  });

  test("passing, with the area default said", () => {
    const c = condition(passing, "8.2.nc.dttm");
    expect(render(c.msg, "vi")).toBe(
      "1.000/2.000 người trong độ tuổi lao động có thuê bao ĐTTM = 50%, đạt yêu cầu tối thiểu 50% đối với các xã vùng đồng bào dân tộc thiểu số và miền núi, hải đảo (xã chưa ghi khu vực nên tính theo mặc định: miền núi)",
    );
    expect(render(c.msg, "en")).toBe(
      "1,000/2,000 working-age people with a smartphone subscription = 50%, meets the requirement (at least 50% for communes of ethnic minority, mountainous and island areas); no area is given for the commune, so the default (mountainous) is used",
    );
  });

  test("villages lacking a service are named", () => {
    const c = condition(evalOne(commune({ villages: villagesWith("internet_mobile", 2, 3) })), "8.2.a.internet");
    expect(render(c.msg, "vi")).toBe(
      "2/3 thôn, bản có dịch vụ Internet = 66,6%, chưa đạt yêu cầu 100%; chưa có: Thôn 3",
    );
    expect(render(c.msg, "en")).toBe(
      "2/3 villages with broadband Internet = 66.6%, short of the requirement (100%); lacking: Thôn 3",
    );
  });

  test("no OCOP product has its own message", () => {
    const c = condition(evalOne(commune({ facts: { ocop_products: 0, ocop_online: 0 } })), "8.4.nc.d.ocop");
    expect(c.verdict).toBe("pass");
    expect(render(c.msg, "vi")).toBe(
      "xã không có sản phẩm OCOP nào nên không có sản phẩm phải đưa lên sàn thương mại điện tử: đạt",
    );
  });

  test("the explanation column lists each failing or missing condition once, one per line", () => {
    expect(explanationLines(failing, "vi", LS)).toEqual([
      "8.4 NTM, điểm a – Máy vi tính/cán bộ, công chức: 4/12 CBCC có máy vi tính = 33,3%, chưa đạt yêu cầu tối thiểu 50%",
    ]);
    expect(explanationLines(missing, "en", LS)).toEqual([
      expect.stringMatching(/^8\.4 NTM, point b – Commune website: .*cell Q2 of sheet Xã is blank/),
    ]);
    expect(explanationLines(passing, "vi", LS)).toEqual([
      "Chưa ghi khu vực của xã: tính theo miền núi, mặc định của bộ tiêu chí",
    ]);
  });

  test("with the area defaulted, each line says its reason and the default is said once, at the end", () => {
    const lines = explanationLines(
      evalOne(commune({ facts: { area: null, working_age: 2000, smartphone_users: 500 } })),
      "vi",
      LS,
    );
    expect(lines.filter((l) => l.includes("mặc định"))).toEqual([
      "Chưa ghi khu vực của xã: tính theo miền núi, mặc định của bộ tiêu chí",
    ]);
    expect(lines[0]).toMatch(/^8\.2 NTM nâng cao.*= 25%, chưa đạt yêu cầu tối thiểu 50%/);
  });

  test("conditions of one indicator that say the same thing are one line, named by the indicator", () => {
    const noPostalData = evalOne(commune({ points: null }));
    expect(explanationLines(noPostalData, "vi", LS)).toEqual([
      "8.1 NTM: chưa có số liệu điểm phục vụ bưu chính",
      "8.1 NTM nâng cao – Điểm phục vụ bưu chính cung cấp dịch vụ công trực tuyến: chưa có số liệu điểm phục vụ bưu chính",
    ]);
  });

  test("every message exists in both languages", () => {
    expect(Object.keys(EN).sort()).toEqual(Object.keys(VI).sort());
  });
});
