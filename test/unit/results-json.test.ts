/** The results JSON (docs/output.md §11). */
import { evaluate, toResultsJson } from "../../src/core/engine";
import { commune } from "../helpers/facts";
import { LS } from "../helpers/fields";

describe("results JSON", () => {
  const ev = evaluate(
    [
      commune({ name: "Xã Tân Thành", facts: { area: null, officials_with_computer: 9 } }),
      commune({ name: "Xã Hồng Phong" }),
    ],
    { ruleset: LS },
  );
  const json = toResultsJson(ev, { lang: "vi" });

  test("has the fixed keys, communes in workbook order, only the levels evaluated", () => {
    expect(json.ruleset).toBe("langson-2022");
    expect(json.communes.map((c) => c.name)).toEqual(["Xã Tân Thành", "Xã Hồng Phong"]);
    const c = json.communes[0];
    expect(c).toMatchObject({ area: "mien_nui", areaDefaulted: true, cell: "'Xã'!A2" });
    expect(Object.keys(c.levels)).toEqual(["ntm", "nc"]);
    const ntm = c.levels.ntm as {
      verdict: string;
      indicators: Record<string, { verdict: string; conditions: Record<string, unknown>[] }>;
      evidence: unknown;
    };
    expect(ntm.verdict).toBe("fail");
    expect(Object.keys(ntm.indicators)).toEqual(["8.1", "8.2", "8.3", "8.4"]);
    expect(ntm.evidence).toEqual({ done: 0, total: 12 });
    const cond = ntm.indicators["8.4"].conditions.find((x) => x.id === "8.4.a.may_tinh");
    expect(cond).toEqual({
      id: "8.4.a.may_tinh",
      verdict: "fail",
      observed: { part: 9, whole: 20, percent: 45 },
      required: ">= 50%",
      message: "9/20 CBCC có máy vi tính = 45%, chưa đạt yêu cầu tối thiểu 50%",
      messageKey: "ratio.fail",
      cells: ["'Xã'!J2", "'Xã'!I2"],
    });
    const gio = ntm.indicators["8.1"].conditions.find((x) => x.id === "8.1.a.gio_mo_cua");
    expect(gio).toMatchObject({ verdict: "pass", observed: 8, required: ">= 4", cells: ["'Điểm BC'!F2"] });
  });

  test("levels holds only the levels asked for", () => {
    const only = toResultsJson(evaluate([commune()], { levels: ["ntm"], ruleset: LS }));
    expect(Object.keys(only.communes[0].levels)).toEqual(["ntm"]);
  });

  test("messages follow the language asked for", () => {
    const en = toResultsJson(ev, { lang: "en" });
    const ntm = en.communes[0].levels.ntm as {
      indicators: Record<string, { conditions: { id: string; message: string }[] }>;
    };
    expect(ntm.indicators["8.4"].conditions.find((x) => x.id === "8.4.a.may_tinh")?.message).toBe(
      "9/20 officials with a computer = 45%, short of the requirement (at least 50%)",
    );
  });

  test("is plain JSON", () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
