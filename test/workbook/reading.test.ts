/**
 * Reading what officials type, on real .xlsx files: the three verdicts the guidance's words decide
 * (computers per official, subscriptions that are not people, a village list without the columns),
 * subtotal rows, a commune name found in two districts, hours typed as times, "%" headers.
 */
import { COMMUNE_FIELDS, VILLAGE_FIELDS } from "../helpers/fields";
import { render } from "../../src/core/i18n";
import { colLetter } from "../../src/core/shared/grid";
import {
  communeNamed,
  communesSheet,
  cond,
  PASSING_ROW,
  PASSING_VILLAGE_ROW,
  problemsText,
  runBytes,
  villagesSheet,
  xlsx,
  type Cell,
} from "../helpers/xlsx";

const col = (key: string) => colLetter(COMMUNE_FIELDS.findIndex((f) => f.key === key));

describe("the three verdicts", () => {
  test('"Số máy vi tính": 25 computers for 20 officials pass 8.4 NTM a (computers per official may exceed 100 %)', async () => {
    const run = await runBytes(
      await xlsx([
        {
          name: "Xã",
          rows: [
            ["Tên xã", "Khu vực", "Số cán bộ, công chức xã", "Số máy vi tính"],
            ["Xã A", "Miền núi", 20, 25],
            ["Xã B", "Miền núi", 20, 10],
            ["Xã C", "Miền núi", 20, 9],
          ],
        },
      ]),
    );
    expect(run.read.communesTable!.columns.map((c) => c.key)).toEqual(["commune", "area", "officials", "computers"]);
    expect(
      ["Xã A", "Xã B", "Xã C"].map((n) => cond(communeNamed(run.evaluation.communes, n), "8.4.a.may_tinh").verdict),
    ).toEqual(["pass", "pass", "fail"]);
    expect(run.evaluation.problems).toEqual([]);
  });

  test('"Số CBCC có máy vi tính" above the officials is still a problem on its cell', async () => {
    const run = await runBytes(await xlsx([communesSheet([{ officials: 20, officials_with_computer: 25 }])]));
    expect(cond(run.evaluation.communes[0], "8.4.a.may_tinh").verdict).toBe("missing");
    expect(run.evaluation.problems.map((p) => p.cell)).toEqual([`'Xã'!${col("officials_with_computer")}2`]);
  });

  test('"Số thuê bao ĐTTM" is not people: 8.2 NC does not read it, and its header says why when it is the only one', async () => {
    const rows = (header: string) => [
      ["Tên xã", "Khu vực", "Dân số trong độ tuổi lao động", header],
      ["Xã A", "Miền núi", 2000, 1500],
    ];
    for (const header of ["Số thuê bao ĐTTM", "Số thuê bao điện thoại thông minh"]) {
      const run = await runBytes(await xlsx([{ name: "Xã", rows: rows(header) }]));
      const c = cond(run.evaluation.communes[0], "8.2.nc.dttm");
      expect([header, c.verdict]).toEqual([header, "missing"]);
      expect(render(c.msg, "vi")).toBe('sổ tính chưa có cột "Số người trong độ tuổi LĐ có thuê bao ĐTTM"');
      expect(run.evaluation.problems).toEqual([
        expect.objectContaining({
          severity: "warning",
          cell: "'Xã'!D1",
          msg: expect.objectContaining({ key: "problem.subscriptionsNotPeople" }),
        }),
      ]);
      expect(problemsText(run)[0]).toContain(`Cột "${header}" đếm số thuê bao, không phải số người`);
    }
    // Beside a people column, the subscriptions column is simply not read.
    const both = await runBytes(
      await xlsx([
        {
          name: "Xã",
          rows: [
            [...rows("Số thuê bao ĐTTM")[0], "Số người trong độ tuổi LĐ có thuê bao ĐTTM"],
            [...rows("Số thuê bao ĐTTM")[1], 1000],
          ],
        },
      ]),
    );
    expect(cond(both.evaluation.communes[0], "8.2.nc.dttm")).toMatchObject({
      verdict: "pass",
      observed: { part: 1000, whole: 2000 },
    });
    expect(both.evaluation.problems).toEqual([]);
  });

  test("a village list without the loudspeaker columns: the commune's counts decide (10 of 10 villages)", async () => {
    const names = Array.from({ length: 10 }, (_, i) => `Thôn ${i + 1}`);
    const run = await runBytes(
      await xlsx([
        communesSheet([
          { villages_total: 10, villages_loudspeaker: 10, villages_loudspeaker_regular: 10, villages_tv: 10 },
        ]),
        {
          name: "Thôn",
          rows: [
            ["Tên xã", "Tên thôn, bản", "Internet băng rộng di động", "Điện thoại di động"],
            ...names.map((n) => ["Xã Tân Thành", n, "Có", "Có"]),
          ],
        },
      ]),
    );
    const c = run.evaluation.communes[0];
    expect(cond(c, "8.3.b.loa")).toMatchObject({ verdict: "pass", observed: { count: 10, total: 10 } });
    expect(cond(c, "8.3.nc.a.loa").verdict).toBe("pass");
    expect(cond(c, "8.3.nc.b.truyen_hinh").verdict).toBe("pass");
    expect(c.levels.ntm?.verdict).toBe("pass");
    expect(run.evaluation.problems).toEqual([]);
  });
});

describe("subtotal rows", () => {
  const headers = ["STT", "Tên xã", "Số cán bộ, công chức xã", "Số CBCC có máy vi tính", "Có đài truyền thanh xã"];
  const form = (rows: Cell[][]) =>
    xlsx([{ name: "Biểu", rows: [["BIỂU TỔNG HỢP TIÊU CHÍ SỐ 8"], [], headers, [1, 2, 3, 4, 5], ...rows] }]);

  test("subtotals inside the table are skipped and the rows after them read; the footer after the last total is not", async () => {
    const run = await runBytes(
      await form([
        [null, "Huyện Bình Gia"],
        [1, "Xã Tân Thành", 20, 10, "Có"],
        [2, "Xã Hồng Phong", 20, 9, "Có"],
        [null, "Cộng huyện Bình Gia", 40, 19],
        [null, "Huyện Văn Quan"],
        [3, "Xã Tú Xuyên", 18, 12, "Có"],
        [null, "Tổng cộng (Huyện Văn Quan)", 18, 12],
        [4, "Xã Yên Phúc", 22, 11, "Không"],
        [null, "Tổng số", 80, 42],
        [],
        [null, "Người lập biểu", null, null, "Thủ trưởng đơn vị"],
        [],
        [null, "Nguyễn Văn An", null, null, "Trần Thị Bình"],
        [null, "Ghi chú: số liệu đến 30/9"],
      ]),
    );
    expect(run.evaluation.communes.map((c) => c.name)).toEqual([
      "Xã Tân Thành",
      "Xã Hồng Phong",
      "Xã Tú Xuyên",
      "Xã Yên Phúc",
    ]);
    expect(cond(communeNamed(run.evaluation.communes, "Xã Yên Phúc"), "8.3.a.dai").verdict).toBe("fail");
    expect(run.evaluation.problems).toEqual([]);
  });

  test("a line of text under the table after a blank row is a note, not a commune", async () => {
    const run = await runBytes(
      await form([
        [1, "Xã Tân Thành", 20, 10, "Có"],
        [2, "Xã Hồng Phong", 20, 9, "Có"],
        [],
        [null, "Cập nhật: 20/11/2024"],
        [null, "Số liệu do xã báo cáo"],
      ]),
    );
    expect(run.evaluation.communes.map((c) => c.name)).toEqual(["Xã Tân Thành", "Xã Hồng Phong"]);
    expect(run.evaluation.problems).toEqual([]);
  });

  test("a commune row with blanks in it is still a commune, even after a blank row", async () => {
    const run = await runBytes(
      await form([[1, "Xã Tân Thành", 20, 10, "Có"], [], [2, "Xã Hồng Phong", 20, null, "Có"]]),
    );
    expect(run.evaluation.communes.map((c) => c.name)).toEqual(["Xã Tân Thành", "Xã Hồng Phong"]);
  });

  test('"Cộng Hòa" is a commune, not a total', async () => {
    const run = await runBytes(
      await form([
        [1, "Cộng Hòa", 20, 10, "Có"],
        [2, "Xã Tân Thành", 20, 10, "Có"],
        [null, "Cộng", 40, 20],
      ]),
    );
    expect(run.evaluation.communes.map((c) => c.name)).toEqual(["Cộng Hòa", "Xã Tân Thành"]);
    expect(run.evaluation.problems).toEqual([]);
  });

  test("a total right under the header, then the communes", async () => {
    const run = await runBytes(
      await form([
        [null, "Tổng cộng", 40, 20],
        [1, "Xã A", 20, 10, "Có"],
        [2, "Xã B", 20, 10, "Có"],
      ]),
    );
    expect(run.evaluation.communes.map((c) => c.name)).toEqual(["Xã A", "Xã B"]);
  });
});

describe("a commune's name in two districts", () => {
  test("a villages table without a district column: a problem naming both, not a silent drop", async () => {
    const run = await runBytes(
      await xlsx([
        communesSheet([
          { commune: "Xã Tân Thành", district: "Huyện Bình Gia", villages_total: null },
          { commune: "Xã Tân Thành", district: "Huyện Hữu Lũng", villages_total: null },
          { commune: "Xã Hồng Phong", district: "Huyện Bình Gia", villages_total: null },
        ]),
        villagesSheet([
          { commune: "Tân Thành", village: "Thôn 1" },
          { commune: "Xã Hồng Phong", village: "Thôn 2" },
        ]),
      ]),
    );
    expect(problemsText(run)).toEqual([
      `'Thôn'!A2 Thôn "Thôn 1" thuộc xã "Tân Thành": bảng danh sách xã có 2 xã tên này (Huyện Bình Gia và Huyện Hữu Lũng); hãy thêm cột Huyện vào bảng thôn, bản để biết thôn thuộc xã nào`,
    ]);
    // The village goes to neither; the other commune's village is read.
    expect(cond(run.evaluation.communes[0], "8.2.a.internet").verdict).toBe("missing");
    expect(cond(communeNamed(run.evaluation.communes, "Xã Hồng Phong"), "8.2.a.internet").observed).toMatchObject({
      count: 1,
      total: 1,
    });
  });

  test("a villages table with a district column whose cell is empty: the problem is on that cell and says to fill it", async () => {
    const keys = ["commune", "district", "village", ...Object.keys(PASSING_VILLAGE_ROW)];
    const header = keys.map((k) => VILLAGE_FIELDS.find((f) => f.key === k)!.header);
    const row = (commune: string, district: string | null, village: string) =>
      keys.map((k) =>
        k === "commune" ? commune : k === "district" ? district : k === "village" ? village : PASSING_VILLAGE_ROW[k],
      );
    const run = await runBytes(
      await xlsx([
        communesSheet([
          { commune: "Xã An Lạc", district: "Huyện Bình Gia", villages_total: null },
          { commune: "Xã An Lạc", district: "Huyện Văn Quan", villages_total: null },
        ]),
        {
          name: "Thôn",
          rows: [header, row("Xã An Lạc", "Huyện Bình Gia", "Thôn 1"), row("Xã An Lạc", null, "Thôn 2")],
        },
      ]),
    );
    expect(problemsText(run)).toEqual([
      `'Thôn'!B3 Thôn "Thôn 2" thuộc xã "Xã An Lạc": bảng danh sách xã có 2 xã tên này (Huyện Bình Gia và Huyện Văn Quan); hãy ghi tên huyện vào ô Huyện này`,
    ]);
  });

  test("a postal-points table without a district column names both too (in English as well)", async () => {
    const run = await runBytes(
      await xlsx([
        communesSheet([
          { commune: "Xã Tân Thành", district: "Huyện Bình Gia" },
          { commune: "Xã Tân Thành", district: "Huyện Hữu Lũng" },
        ]),
        {
          name: "Điểm BC",
          rows: [
            ["Tên xã", "Tên điểm phục vụ bưu chính", "Số giờ mở cửa/ngày"],
            ["Tân Thành", "Điểm BĐVHX Tân Thành", 8],
          ],
        },
      ]),
    );
    expect(run.evaluation.problems.map((p) => [p.cell, render(p.msg, "en")])).toEqual([
      [
        "'Điểm BC'!A2",
        'Postal point "Điểm BĐVHX Tân Thành" of commune "Tân Thành": the communes table has 2 communes of this name (Huyện Bình Gia and Huyện Hữu Lũng); add a district column (Huyện) to the postal points table to tell them apart',
      ],
    ]);
  });

  test("a sheet named after the commune, in two districts, says so; the district in its name decides", async () => {
    const counts = { villages_total: null, villages_loudspeaker: 1, villages_loudspeaker_regular: 1, villages_tv: 1 };
    const communes = communesSheet([
      { commune: "Xã Tân Thành", district: "Huyện Bình Gia", ...counts },
      { commune: "Xã Tân Thành", district: "Huyện Hữu Lũng", ...counts },
    ]);
    const vill = (name: string) => ({
      name,
      rows: [
        ["Tên thôn", "Internet di động", "Điện thoại di động"],
        ["Thôn 1", "Có", "Có"],
      ],
    });
    const ambiguous = await runBytes(await xlsx([communes, vill("Thôn - Tân Thành")]));
    expect(ambiguous.evaluation.problems.map((p) => p.msg.key)).toEqual(["problem.ambiguousSheet"]);
    expect(problemsText(ambiguous)[0]).toContain("(Huyện Bình Gia và Huyện Hữu Lũng)");
    const placed = await runBytes(await xlsx([communes, vill("Tân Thành - Hữu Lũng")]));
    expect(placed.evaluation.problems).toEqual([]);
    expect(placed.evaluation.communes.map((c) => cond(c, "8.2.a.internet").verdict)).toEqual(["missing", "pass"]);
  });
});

describe("hours typed as times or ranges", () => {
  const postal = (hours: Cell[], numFmt?: string) => ({
    name: "Điểm BC",
    rows: [
      ["Tên xã", "Tên điểm phục vụ bưu chính", "Số giờ mở cửa/ngày"],
      ...hours.map((h, i) => ["Xã Tân Thành", `Điểm ${i + 1}`, h]),
    ],
    ...(numFmt ? { numFmts: Object.fromEntries(hours.map((_, i) => [`C${i + 2}`, numFmt])) } : {}),
  });
  const keys = Object.keys(PASSING_ROW).filter(
    (k) =>
      ![
        "premises",
        "sign",
        "posted_info",
        "hours_per_day",
        "letters_2kg",
        "parcels_5kg",
        "online_service_support",
      ].includes(k),
  );
  const hoursOf = async (hours: Cell[], numFmt?: string) => {
    const run = await runBytes(await xlsx([communesSheet([{}], "Xã", keys), postal(hours, numFmt)]));
    return { run, hours: run.read.postalRows.map((r) => r.entity.facts.hours_per_day) };
  };

  test("a cell formatted h:mm holds a fraction of a day: 8:00 is 8 hours, 3:30 is 3.5", async () => {
    const { hours } = await hoursOf([8 / 24, 3.5 / 24], "h:mm");
    expect(hours.map((f) => f?.value)).toEqual([8, 3.5]);
  });

  test('text: "8:00", "7:30–11:30, 13:30–17:00", "sáng 7h-11h, chiều 13h30-17h", "4 giờ"', async () => {
    const { hours } = await hoursOf([
      "8:00",
      "7:30–11:30, 13:30–17:00",
      "sáng 7h-11h, chiều 13h30-17h",
      "4 giờ",
      "7h30 đến 11h",
    ]);
    expect(hours.map((f) => f?.value)).toEqual([8, 7.5, 7.5, 4, 3.5]);
  });

  test("more than 24 hours a day is a problem on its cell", async () => {
    const { run, hours } = await hoursOf([30, "0:00-23:00, 1:00-3:00", 26 / 24], "General");
    expect(hours.map((f) => f?.problem?.key)).toEqual(["value.hoursAboveDay", "value.hoursAboveDay", undefined]);
    expect(problemsText(run)).toEqual([
      `'Điểm BC'!C2 Số giờ mở cửa/ngày ghi 30 giờ, nhiều hơn 24 giờ của một ngày`,
      `'Điểm BC'!C3 Số giờ mở cửa/ngày ghi 25 giờ, nhiều hơn 24 giờ của một ngày`,
    ]);
    const over = await hoursOf([26 / 24], "[h]:mm");
    expect(over.hours[0]?.problem?.key).toBe("value.hoursAboveDay");
  });
});

describe("a count that cannot be", () => {
  test("the weakest month's posts × 12 above the year's posts is a problem on its cell", async () => {
    const run = await runBytes(await xlsx([communesSheet([{ website_posts_year: 36, website_posts_min_month: 5 }])]));
    expect(cond(run.evaluation.communes[0], "8.4.b.trang_ttdt").verdict).toBe("missing");
    expect(problemsText(run)).toEqual([
      `'Xã'!${col("website_posts_min_month")}2 Số tin, bài tháng ít nhất là 5, nên cả năm có ít nhất 60 tin, bài, nhiều hơn Số tin, bài trên trang TTĐT trong năm (36, ô ${col("website_posts_year")}2 của sheet Xã): hãy kiểm tra lại số liệu`,
    ]);
  });
});

describe('in a column whose header says "%", a number is a percentage', () => {
  const rates = (header: string, values: Cell[], numFmts?: Record<string, string>) =>
    xlsx([
      {
        name: "Xã",
        rows: [["Tên xã", header], ...values.map((v, i) => [`Xã ${i + 1}`, v])],
        ...(numFmts ? { numFmts } : {}),
      },
    ]);

  test("1 means 1 %, 45 means 45 %, 0.5 means 0.5 %, unless the cell is formatted as a percentage", async () => {
    const run = await runBytes(await rates("Tỷ lệ hồ sơ trực tuyến (%)", [1, 45, 0.5, 0.45], { B5: "0%" }));
    const c = (i: number) => cond(run.evaluation.communes[i], "8.4.c.ho_so_truc_tuyen");
    expect([0, 1, 2, 3].map((i) => [c(i).verdict, c(i).observed])).toEqual([
      ["fail", { rate: 1 }],
      ["pass", { rate: 45 }],
      ["fail", { rate: 0.5 }],
      ["pass", { rate: 45 }],
    ]);
  });

  test("without % in the header, 0.45 is still a fraction (45 %)", async () => {
    const run = await runBytes(await rates("Tỷ lệ hồ sơ trực tuyến", [0.45, 1]));
    expect(run.evaluation.communes.map((c) => cond(c, "8.4.c.ho_so_truc_tuyen").observed)).toEqual([
      { rate: 45 },
      { rate: 100 },
    ]);
  });
});
