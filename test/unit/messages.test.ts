/** Golden explanation texts in both languages for a failing, a missing and a passing condition. */
import { explanationLines } from "../../src/core/engine";
import { render } from "../../src/core/i18n";
import { EN } from "../../src/core/i18n/messages.en";
import { VI } from "../../src/core/i18n/messages.vi";
import { commune, villagesWith } from "../helpers/facts";
import { condition, evalOne } from "../helpers/results";

describe("explanations", () => {
  const failing = evalOne(commune({ facts: { officials: 12, officials_with_computer: 4, officials_trained: 12 } }));
  const missing = evalOne(commune({ facts: { website_posts_year: null } }));
  const passing = evalOne(commune({ facts: { area: null, working_age: 2000, smartphone_users: 1000 } }));

  test("failing ratio", () => {
    const c = condition(failing, "8.4.a.may_tinh");
    expect(render(c.msg, "vi")).toBe("4/12 CBCC có máy vi tính = 33,3 % < 50 %");
    expect(render(c.msg, "en")).toBe("4/12 officials with a computer = 33.3% < 50%");
  });

  test("missing value names its cell", () => {
    const c = condition(missing, "8.4.b.trang_ttdt");
    expect(render(c.msg, "vi")).toBe(
      "Trang thông tin điện tử xã (địa chỉ): có (https://tanthanh.langson.gov.vn); Số tin, bài trên trang TTĐT trong năm: ô 'Xã'!P2 trống; Số tin, bài tháng ít nhất: 3 ≥ 3",
    );
    expect(render(c.msg, "en")).toBe(
      "Commune website: yes (https://tanthanh.langson.gov.vn); Website posts in the year: cell 'Xã'!P2 is blank; Website posts in the month with fewest: 3 ≥ 3",
    );
  });

  test("passing, with the area default said", () => {
    const c = condition(passing, "8.2.nc.dttm");
    expect(render(c.msg, "vi")).toBe(
      "1.000/2.000 người trong độ tuổi lao động có thuê bao ĐTTM = 50 % ≥ 50 % (khu vực miền núi, mặc định vì chưa ghi khu vực: yêu cầu 50 %)",
    );
    expect(render(c.msg, "en")).toBe(
      "1,000/2,000 working-age people with a smartphone subscription = 50% ≥ 50% (mountainous area, the default as no area is given: required 50%)",
    );
  });

  test("villages lacking a service are named", () => {
    const c = condition(evalOne(commune({ villages: villagesWith("internet_mobile", 2, 3) })), "8.2.a.internet");
    expect(render(c.msg, "vi")).toBe("2/3 thôn, bản có dịch vụ Internet = 66,6 % < 100 %; chưa có: Thôn 3");
    expect(render(c.msg, "en")).toBe("2/3 villages with broadband Internet = 66.6% < 100%; lacking: Thôn 3");
  });

  test("no OCOP product has its own message", () => {
    const c = condition(evalOne(commune({ facts: { ocop_products: 0, ocop_online: 0 } })), "8.4.nc.d.ocop");
    expect(c.verdict).toBe("pass");
    expect(render(c.msg, "vi")).toBe("Xã không có sản phẩm OCOP nào: không có sản phẩm phải đưa lên sàn TMĐT, điều kiện đạt");
  });

  test("the explanation column lists each failing or missing condition once, one per line", () => {
    expect(explanationLines(failing, "vi")).toEqual(["8.4.a.may_tinh: 4/12 CBCC có máy vi tính = 33,3 % < 50 %"]);
    expect(explanationLines(missing, "en")).toEqual([expect.stringMatching(/^8\.4\.b\.trang_ttdt: .*cell 'Xã'!P2 is blank/)]);
    expect(explanationLines(passing, "vi")).toEqual(["Khu vực để trống: dùng mặc định miền núi"]);
  });

  test("every message exists in both languages", () => {
    expect(Object.keys(EN).sort()).toEqual(Object.keys(VI).sort());
  });
});
