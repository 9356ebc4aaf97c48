/** Each header layout of docs/input.md §2, on real .xlsx files. */
import { COMMUNE_FIELDS } from "../helpers/fields";
import { colLetter } from "../../src/core/shared/grid";
import {
  communeNamed,
  communesSheet,
  cond,
  HEADERS,
  PASSING_ROW,
  runBytes,
  villagesSheet,
  xlsx,
} from "../helpers/xlsx";

describe("finding tables and headers", () => {
  test("a plain header on row 1", async () => {
    const run = await runBytes(await xlsx([communesSheet([{}])]));
    expect(run.read.communesTable?.headerFirst).toBe(0);
    expect(run.evaluation.communes.map((c) => c.levels.ntm?.verdict)).toEqual(["pass"]);
    expect(run.read.communesTable!.columns.filter((c) => !c.key)).toEqual([]);
  });

  test("titles above the header, a column-number row and a total row below", async () => {
    const base = communesSheet([{}, { commune: "Xã Hồng Phong", officials_with_computer: 9 }]);
    const [headers, ...rows] = base.rows;
    const data = await xlsx([
      {
        name: "Biểu 01",
        rows: [
          ["UBND HUYỆN BÌNH GIA"],
          ["BIỂU THỐNG KÊ TIÊU CHÍ SỐ 8 NĂM 2025"],
          [],
          headers,
          headers.map((_, i) => `(${i + 1})`),
          ...rows,
          ["Tổng cộng", null, null, null, null, null, null, 6, 40, 19],
        ],
      },
    ]);
    const run = await runBytes(data);
    expect(run.read.communesTable?.headerFirst).toBe(3);
    expect(run.evaluation.communes.map((c) => c.name)).toEqual(["Xã Tân Thành", "Xã Hồng Phong"]);
    expect(run.evaluation.communes.map((c) => c.levels.ntm?.verdict)).toEqual(["pass", "fail"]);
    expect(run.evaluation.problems).toEqual([]);
  });

  test("a two-row header: a merged group over sub-headers (Dịch vụ Internet / Cố định, Di động)", async () => {
    const data = await xlsx([
      communesSheet([{ commune: "Xã Tân Thành" }], "Xã", ["commune", "area", "telecom_qcvn"]),
      {
        name: "Thôn",
        rows: [
          ["STT", "Xã", "Thôn, bản", "Dịch vụ điện thoại", null, "Dịch vụ Internet", null, "Loa"],
          [null, null, null, "Cố định", "Di động", "Cố định", "Di động", "Có hệ thống loa hoạt động"],
          [1, 2, 3, 4, 5, 6, 7, 8],
          [1, "Xã Tân Thành", "Thôn Nà Lầu", "Không", "Có", "Không", "Có", "Có"],
          [2, "Xã Tân Thành", "Thôn Khuổi Hẩu", "Không", "Có", "Không", "Không", "Có"],
          [null, "Cộng", null, 0, 2, 0, 1, 2],
        ],
        merges: ["A1:A2", "B1:B2", "C1:C2", "D1:E1", "F1:G1"],
      },
    ]);
    const run = await runBytes(data);
    const t = run.read.tables.find((x) => x.kind === "villages")!;
    expect([t.headerFirst, t.headerLast]).toEqual([0, 1]);
    expect(Object.fromEntries(t.columns.filter((c) => c.key).map((c) => [c.key, c.col]))).toEqual({
      commune: 1,
      village: 2,
      phone_fixed: 3,
      phone_mobile: 4,
      internet_fixed: 5,
      internet_mobile: 6,
      loudspeaker: 7,
    });
    const c = communeNamed(run.evaluation.communes, "Xã Tân Thành");
    expect(cond(c, "8.2.a.thoai").verdict).toBe("pass");
    expect(cond(c, "8.2.a.internet")).toMatchObject({
      verdict: "fail",
      observed: expect.objectContaining({ count: 1, total: 2, lacking: ["Thôn Khuổi Hẩu"] }),
    });
  });

  test("an Excel table (ListObject) is read by its headers, wherever it sits", async () => {
    const s = communesSheet([{}, { commune: "Xã Hồng Phong", sw_email: "Không" }]);
    const run = await runBytes(await xlsx([{ ...s, table: "DanhSachXa" }]));
    expect(run.read.communesTable?.excelTable).toBe("DanhSachXa");
    expect(run.evaluation.communes.map((c) => c.levels.ntm?.verdict)).toEqual(["pass", "fail"]);
  });

  test("headers match without case, diacritics, punctuation or spacing, and by alias", async () => {
    const data = await xlsx([
      {
        name: "Sheet1",
        rows: [
          [
            "TÊN XÃ",
            "khu vuc",
            "Số  CBCC",
            "Số CBCC có máy tính",
            "Tổng số hồ sơ",
            "Hồ sơ trực tuyến",
            "Ten thon ban",
          ].slice(0, 6),
          ["Xã Tân Thành", "Miền núi", 20, 9, 100, 40],
        ],
      },
    ]);
    const run = await runBytes(data);
    const t = run.read.communesTable!;
    expect(t.columns.map((c) => c.key)).toEqual([
      "commune",
      "area",
      "officials",
      "officials_with_computer",
      "dossiers_total",
      "dossiers_online",
    ]);
    const c = run.evaluation.communes[0];
    expect(cond(c, "8.4.a.may_tinh").verdict).toBe("fail");
    expect(cond(c, "8.4.c.ho_so_truc_tuyen").verdict).toBe("pass");
  });

  test("a column the matcher cannot place is left alone", async () => {
    const run = await runBytes(
      await xlsx([
        {
          name: "X",
          rows: [
            ["Tên xã", "Người lập biểu", "Số CBCC"],
            ["Xã A", "Nguyễn Văn B", 12],
          ],
        },
      ]),
    );
    expect(run.read.communesTable!.columns.map((c) => c.key)).toEqual(["commune", null, "officials"]);
  });

  test("villages as counts in the communes table", async () => {
    const run = await runBytes(
      await xlsx([communesSheet([{ villages_total: 9, villages_loudspeaker: 6, villages_loudspeaker_regular: 8 }])]),
    );
    const c = run.evaluation.communes[0];
    expect(cond(c, "8.3.b.loa").verdict).toBe("pass");
    expect(cond(c, "8.3.nc.a.loa").verdict).toBe("fail");
  });

  test("a village list wins over counts, and a disagreement is reported", async () => {
    const data = await xlsx([
      communesSheet([{ villages_total: 5 }]),
      villagesSheet(["Thôn 1", "Thôn 2", "Thôn 3"].map((village) => ({ commune: "Xã Tân Thành", village }))),
    ]);
    const run = await runBytes(data);
    expect(run.evaluation.communes[0].levels.ntm?.verdict).toBe("pass");
    expect(run.evaluation.problems).toEqual([
      expect.objectContaining({
        severity: "warning",
        cell: `'Xã'!${colLetter(COMMUNE_FIELDS.findIndex((f) => f.key === "villages_total"))}2`,
        msg: expect.objectContaining({ key: "problem.villageCountMismatch" }),
      }),
    ]);
  });

  test("one village sheet per commune, placed by the sheet's name", async () => {
    const vill = (name: string, internet: string) => ({
      name,
      rows: [
        ["Tên thôn", "Internet di động", "Điện thoại di động"],
        ["Thôn 1", "Có", "Có"],
        ["Thôn 2", internet, "Có"],
      ],
    });
    const data = await xlsx([
      communesSheet([{ commune: "Xã Tân Thành" }, { commune: "Xã Hồng Phong" }]),
      vill("Thôn - Tân Thành", "Có"),
      vill("Thôn - Hồng Phong", "Không"),
    ]);
    const run = await runBytes(data);
    expect(cond(communeNamed(run.evaluation.communes, "Xã Tân Thành"), "8.2.a.internet").verdict).toBe("pass");
    expect(cond(communeNamed(run.evaluation.communes, "Xã Hồng Phong"), "8.2.a.internet").verdict).toBe("fail");
  });

  test("with one commune, a villages table without a commune column belongs to it", async () => {
    const data = await xlsx([
      communesSheet([{}]),
      {
        name: "Thôn",
        rows: [
          ["Tên thôn, bản", "Internet băng rộng di động"],
          ["Bản Cạp", "Không"],
          ["Bản Pò", "Có"],
        ],
      },
    ]);
    const run = await runBytes(data);
    expect(cond(run.evaluation.communes[0], "8.2.a.internet")).toMatchObject({
      verdict: "fail",
      observed: expect.objectContaining({ lacking: ["Bản Cạp"] }),
    });
  });

  test("postal points as a table, several per commune: one passing point is enough", async () => {
    const keysWithoutPostal = Object.keys(PASSING_ROW).filter(
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
    const data = await xlsx([
      communesSheet(
        [{ commune: "Xã Tân Thành" }, { commune: "Xã Hồng Phong" }, { commune: "Xã Mai Pha" }],
        "Xã",
        keysWithoutPostal,
      ),
      {
        name: "Điểm BC",
        rows: [
          HEADERS.postal,
          ["Xã Tân Thành", null, "Điểm BĐVHX Tân Thành", "Có", "Có", "Có", "3 giờ", "Có", "Có", "Có"],
          ["Xã Tân Thành", null, "Bưu cục Bình Gia", "Có", "Có", "Có", "8 giờ", "Có", "Có", "Không"],
          ["Xã Hồng Phong", null, "Điểm BĐVHX Hồng Phong", "Có", "Không", "Có", 4, "Có", "Có", "Có"],
        ],
      },
    ]);
    const run = await runBytes(data);
    const tan = communeNamed(run.evaluation.communes, "Xã Tân Thành");
    expect(tan.levels.ntm?.indicators[0]).toMatchObject({ verdict: "pass", point: "Bưu cục Bình Gia" });
    expect(cond(tan, "8.1.nc.dvc").verdict).toBe("fail");
    expect(communeNamed(run.evaluation.communes, "Xã Hồng Phong").levels.ntm?.indicators[0]).toMatchObject({
      verdict: "fail",
      point: "Điểm BĐVHX Hồng Phong",
    });
    // In the postal-points table, Mai Pha has no point: 8.1 fails.
    expect(communeNamed(run.evaluation.communes, "Xã Mai Pha").levels.ntm?.indicators[0].verdict).toBe("fail");
  });

  test("one postal point per commune as columns of the communes table", async () => {
    const run = await runBytes(
      await xlsx([communesSheet([{ hours_per_day: null }, { commune: "Xã Hồng Phong", hours_per_day: "4,5 giờ" }])]),
    );
    expect(communeNamed(run.evaluation.communes, "Xã Tân Thành").levels.ntm?.indicators[0].verdict).toBe("missing");
    expect(cond(communeNamed(run.evaluation.communes, "Xã Hồng Phong"), "8.1.a.gio_mo_cua")).toMatchObject({
      verdict: "pass",
      observed: 4.5,
    });
  });

  test("communes are matched across tables without case, diacritics, spacing, a leading 'xã' or Unicode form", async () => {
    const nfd = "Hồng Phong".normalize("NFD");
    const data = await xlsx([
      // The list lacks loudspeaker and TV columns: the commune's counts (2 of its 2 villages) decide those.
      communesSheet([
        {
          commune: "Xã Hồng Phong",
          villages_total: null,
          villages_loudspeaker: 2,
          villages_loudspeaker_regular: 2,
          villages_tv: 2,
        },
      ]),
      {
        name: "Thôn",
        rows: [
          ["Tên xã", "Tên thôn", "Internet di động", "Điện thoại di động"],
          [`  ${nfd.toUpperCase()} `, "Thôn 1", "Có", "Có"],
          [`xã  hồng phong`, "Thôn 2", "Có", "Có"],
        ],
      },
    ]);
    const run = await runBytes(data);
    expect(cond(run.evaluation.communes[0], "8.2.a.internet").observed).toMatchObject({ count: 2, total: 2 });
    expect(run.evaluation.problems).toEqual([]);
  });

  test("districts tell apart communes of the same name", async () => {
    const data = await xlsx([
      communesSheet([
        { commune: "Xã Tân Thành", district: "Huyện Bình Gia", villages_total: null },
        { commune: "Xã Tân Thành", district: "Huyện Hữu Lũng", villages_total: null },
      ]),
      {
        name: "Thôn",
        rows: [
          ["Tên xã", "Huyện", "Tên thôn", "Internet di động", "Điện thoại di động"],
          ["Tân Thành", "Bình Gia", "Thôn 1", "Có", "Có"],
          ["Tân Thành", "Hữu Lũng", "Thôn 1", "Không", "Có"],
        ],
      },
    ]);
    const run = await runBytes(data);
    expect(run.evaluation.communes.map((c) => [c.district, cond(c, "8.2.a.internet").verdict])).toEqual([
      ["Huyện Bình Gia", "pass"],
      ["Huyện Hữu Lũng", "fail"],
    ]);
  });
});
