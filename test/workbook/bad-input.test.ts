/** Bad input gets a problem naming its cell, in Vietnamese and English; the rest is still evaluated (docs/input.md §7). */
import { COMMUNE_FIELDS } from "../helpers/fields";
import { render } from "../../src/core/i18n";
import { colLetter } from "../../src/core/shared/grid";
import { communeNamed, communesSheet, cond, runBytes, villagesSheet, xlsx } from "../helpers/xlsx";

const col = (key: string) => colLetter(COMMUNE_FIELDS.findIndex((f) => f.key === key));

async function problemsOf(rows: Record<string, unknown>[], extra: Parameters<typeof xlsx>[0] = []) {
  const run = await runBytes(await xlsx([communesSheet(rows as never), ...extra]));
  return { run, problems: run.evaluation.problems };
}

describe("each bad input is a problem at its cell, and the rest is evaluated", () => {
  test("an error value", async () => {
    const { run, problems } = await problemsOf([
      { commune: "Xã A", officials: { formula: "1/0", result: { error: "#DIV/0!" } } },
      { commune: "Xã B" },
    ]);
    expect(problems).toEqual([expect.objectContaining({ cell: `'Xã'!${col("officials")}2` })]);
    expect(render(problems[0].msg, "vi")).toBe("Số cán bộ, công chức xã có lỗi #DIV/0!");
    expect(render(problems[0].msg, "en")).toBe("Commune officials: the cell holds the error #DIV/0!");
    const a = communeNamed(run.evaluation.communes, "Xã A");
    expect(cond(a, "8.4.a.may_tinh").verdict).toBe("missing");
    expect(cond(a, "8.4.c.ho_so_truc_tuyen").verdict).toBe("pass");
    expect(communeNamed(run.evaluation.communes, "Xã B").levels.ntm?.verdict).toBe("pass");
  });

  test("a negative count", async () => {
    const { run, problems } = await problemsOf([{ commune: "Xã A", dossiers_online: -5 }]);
    expect(problems.map((p) => [p.cell, p.msg.params?.reason])).toEqual([
      [`'Xã'!${col("dossiers_online")}2`, { key: "value.negative", params: { value: -5 } }],
    ]);
    expect(cond(run.evaluation.communes[0], "8.4.c.ho_so_truc_tuyen").verdict).toBe("missing");
  });

  test("a part above its whole", async () => {
    const { run, problems } = await problemsOf([
      { commune: "Xã A", officials: 10, officials_with_computer: 4, officials_trained: 12 },
      { commune: "Xã B" },
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        cell: `'Xã'!${col("officials_trained")}2`,
        msg: expect.objectContaining({ key: "ratio.partAboveWhole" }),
      }),
    ]);
    expect(render(problems[0].msg, "vi")).toBe(
      `Số CBCC được bồi dưỡng kỹ năng số, ATTT (12, ô ${col("officials_trained")}2 của sheet Xã) lớn hơn Số cán bộ, công chức xã (10, ô ${col("officials")}2 của sheet Xã): hãy kiểm tra lại số liệu`,
    );
    expect(cond(run.evaluation.communes[0], "8.4.nc.b.can_bo_ky_nang_so").verdict).toBe("missing");
    expect(cond(run.evaluation.communes[0], "8.4.a.may_tinh").verdict).toBe("fail");
  });

  test("an unreadable yes/no", async () => {
    const { run, problems } = await problemsOf([{ commune: "Xã A", sw_email: "đang triển khai" }]);
    expect(problems).toEqual([expect.objectContaining({ cell: `'Xã'!${col("sw_email")}2` })]);
    expect(render(problems[0].msg, "vi")).toBe(
      'Sử dụng thư điện tử công vụ ghi "đang triển khai", không phải Có hoặc Không',
    );
    expect(render(problems[0].msg, "en")).toBe(
      'Uses official e-mail: the cell says "đang triển khai", which is not yes or no',
    );
    expect(cond(run.evaluation.communes[0], "8.4.b.thu_cong_vu").verdict).toBe("missing");
  });

  test("duplicate communes: both reported at their rows and neither evaluated", async () => {
    const { run, problems } = await problemsOf([{ commune: "Xã A" }, { commune: "Xã B" }, { commune: "xã  a" }]);
    expect(problems.map((p) => p.cell)).toEqual(["'Xã'!A2", "'Xã'!A4"]);
    expect(render(problems[0].msg, "vi")).toBe(
      `Tên xã "Xã A" xuất hiện ở 2 dòng (ô A2, A4 của sheet Xã): không đánh giá xã này; hãy xóa hoặc sửa dòng trùng`,
    );
    expect(run.evaluation.communes.map((c) => [c.name, Object.keys(c.levels).length])).toEqual([
      ["Xã A", 0],
      ["Xã B", 2],
      ["xã a", 0],
    ]);
  });

  test("a village of an unknown commune", async () => {
    const { run, problems } = await problemsOf(
      [{ commune: "Xã A", villages_total: null }],
      [
        villagesSheet([
          { commune: "Xã A", village: "Thôn 1" },
          { commune: "Xã Z", village: "Thôn 9" },
        ]),
      ],
    );
    expect(problems.map((p) => p.cell)).toEqual(["'Thôn'!A3"]);
    expect(render(problems[0].msg, "vi")).toBe('Thôn "Thôn 9" thuộc xã "Xã Z" không có trong bảng danh sách xã');
    expect(cond(run.evaluation.communes[0], "8.2.a.internet").observed).toMatchObject({ total: 1 });
  });

  test("a village whose commune cell is empty, in a workbook of several communes", async () => {
    const { problems } = await problemsOf(
      [{ commune: "Xã A" }, { commune: "Xã B" }],
      [
        villagesSheet([
          { commune: "Xã A", village: "Thôn 1" },
          { commune: null, village: "Thôn 2" },
        ]),
      ],
    );
    expect(problems.map((p) => p.cell)).toContain("'Thôn'!A3");
    const p = problems.find((x) => x.cell === "'Thôn'!A3")!;
    expect(render(p.msg, "vi")).toBe('Thôn "Thôn 2": ô Tên xã để trống, chưa biết thôn thuộc xã nào; hãy ghi tên xã');
    expect(render(p.msg, "en")).not.toContain('""');
  });

  test("an empty workbook", async () => {
    const run = await runBytes(await xlsx([{ name: "Sheet1", rows: [] }]));
    expect(run.read.fatal?.key).toBe("problem.emptyWorkbook");
    expect(run.plan).toBeUndefined();
  });

  test("a workbook with no communes table", async () => {
    const run = await runBytes(
      await xlsx([
        {
          name: "Ghi chép",
          rows: [
            ["Họ tên", "Điện thoại"],
            ["Nguyễn Văn A", "0912"],
          ],
        },
      ]),
    );
    expect(run.read.fatal?.key).toBe("problem.noCommunesTable");
    expect(render(run.read.fatal!, "vi")).toMatch(/Không tìm thấy bảng danh sách xã/);
  });

  test("a communes table with no commune: nothing to evaluate, nothing planned", async () => {
    const run = await runBytes(
      await xlsx([
        {
          name: "Danh sách xã",
          rows: [
            ["Tên xã", "Khu vực", "Số CBCC"],
            [null, null, null],
          ],
        },
      ]),
    );
    expect(run.read.fatal).toEqual({ key: "problem.noCommunes", params: { sheet: "Danh sách xã" } });
    expect(run.plan).toBeUndefined();
  });

  test("several problems are all listed, not just the first", async () => {
    const { problems } = await problemsOf([{ commune: "Xã A", officials: "??", wifi_ubnd: "maybe", area: "Trung du" }]);
    expect(problems.map((p) => p.cell).sort()).toEqual(
      [`'Xã'!${col("area")}2`, `'Xã'!${col("officials")}2`, `'Xã'!${col("wifi_ubnd")}2`].sort(),
    );
  });
});
