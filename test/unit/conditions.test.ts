/**
 * What the engine does beyond one condition's verdict: impossible figures, rates above 100 %, messages.
 * Each condition at, below and above its threshold is a case of rulesets/langson-2022.cases.json.
 */
import { commune, villagesWith, ratePct, type CommuneSpec } from "../helpers/facts";
import { condition, evalOne } from "../helpers/results";
import { evaluate } from "../../src/core/engine";
import { LS } from "../helpers/fields";
import { render } from "../../src/core/i18n";
import { checkRuleSet, getRuleSet } from "../../src/core/ruleset";

// Each condition at, below and above its threshold: the cases of rulesets/langson-2022.cases.json (test/rulesets/cases.test.ts).

describe("impossible figures are errors, not passes", () => {
  test("a part above its whole makes the condition missing and is reported on the part's cell", () => {
    const c = commune({ facts: { dossiers_total: 100, dossiers_online: 120 } });
    const ev = evaluate([c], { ruleset: LS });
    expect(condition(ev.communes[0], "8.4.c.ho_so_truc_tuyen").verdict).toBe("missing");
    expect(condition(ev.communes[0], "8.4.nc.a.ho_so_truc_tuyen").verdict).toBe("missing");
    const cell = c.facts.dossiers_online?.cell;
    // Reported once, though two conditions read the cell.
    expect(ev.problems.filter((p) => p.cell === cell)).toHaveLength(1);
    expect(ev.problems[0].msg.key).toBe("ratio.partAboveWhole");
  });

  test("trained officials above all officials is an error on 8.4.nc.b", () => {
    expect(
      condition(evalOne(commune({ facts: { officials: 20, officials_trained: 21 } })), "8.4.nc.b.can_bo_ky_nang_so")
        .verdict,
    ).toBe("missing");
  });

  test("village counts above the number of villages is an error", () => {
    expect(
      condition(
        evalOne(commune({ villages: "counts", facts: { villages_total: 8, villages_loudspeaker: 9 } })),
        "8.3.b.loa",
      ).verdict,
    ).toBe("missing");
  });

  test("a zero whole where the ratio needs one is an error", () => {
    const r = evalOne(commune({ facts: { officials: 0, officials_with_computer: 0 } }));
    expect(condition(r, "8.4.a.may_tinh").verdict).toBe("missing");
    expect(condition(r, "8.4.a.may_tinh").msg.key).toBe("ratio.zeroWhole");
  });

  test("an unreadable cell makes its conditions missing", () => {
    const r = evalOne(commune({ facts: { officials: { problem: "#DIV/0!" } } }));
    expect(condition(r, "8.4.a.may_tinh").verdict).toBe("missing");
    expect(condition(r, "8.4.nc.b.can_bo_ky_nang_so").verdict).toBe("missing");
    expect(condition(r, "8.4.a.may_tinh").marks[0]).toMatchObject({ kind: "missing", cell: "'Xã'!I2" });
  });
});

describe("area", () => {
  test("a blank area takes the rule set's default, mien_nui, and says so", () => {
    const r = evalOne(commune({ facts: { area: null, working_age: 100, smartphone_users: 50 } }));
    expect(r.area).toBe("mien_nui");
    expect(r.areaDefaulted).toBe(true);
    const c = condition(r, "8.2.nc.dttm");
    expect(c.verdict).toBe("pass");
    expect(c.msg).toMatchObject({ key: "withArea", params: { area: "mien_nui" } });
  });

  test("an unreadable area makes area-dependent conditions missing, the others still evaluated", () => {
    const r = evalOne(commune({ facts: { area: { problem: "núi cao" } } }));
    expect(r.area).toBeNull();
    expect(condition(r, "8.2.nc.dttm").verdict).toBe("missing");
    expect(condition(r, "8.3.nc.a.loa").verdict).toBe("missing");
    expect(condition(r, "8.4.nc.a.ho_so_truc_tuyen").verdict).toBe("pass");
    expect(r.levels.ntm?.verdict).toBe("pass");
  });

  test("thresholds are exact: 2/3 of 3,000,000,001 villages' worth of integers", () => {
    const r = evalOne(
      commune({ villages: "counts", facts: { villages_total: 3_000_000_001, villages_loudspeaker: 2_000_000_001 } }),
    );
    expect(condition(r, "8.3.b.loa").verdict).toBe("pass");
    const r2 = evalOne(
      commune({ villages: "counts", facts: { villages_total: 3_000_000_002, villages_loudspeaker: 2_000_000_001 } }),
    );
    expect(condition(r2, "8.3.b.loa").verdict).toBe("fail");
  });
});

describe("observed values and cells", () => {
  test("a ratio reports part, whole and its cells", () => {
    const c = condition(evalOne(commune({ facts: { officials: 12, officials_with_computer: 4 } })), "8.4.a.may_tinh");
    expect(c.observed).toEqual({ part: 4, whole: 12, percent: 33.3 });
    expect(c.required).toBe(">= 50%");
    expect(c.cells).toEqual(["'Xã'!J2", "'Xã'!I2"]);
    expect(c.marks.map((m) => m.kind)).toEqual(["fail", "fail"]);
  });

  test("failing villages are named and their cells marked", () => {
    const c = condition(evalOne(commune({ villages: villagesWith("internet_mobile", 2, 3) })), "8.2.a.internet");
    expect(c.observed).toMatchObject({ count: 2, total: 3, lacking: ["Thôn 3"] });
    expect(c.marks.length).toBeGreaterThan(0);
    expect(c.marks.every((m) => m.cell.includes("'Thôn'!") && m.cell.endsWith("4"))).toBe(true);
  });

  test("every condition has an observed value even when another already fails (no short-circuit)", () => {
    const r = evalOne(commune({ facts: { radio_station: false, radio_news_per_week: 5 } }));
    expect(condition(r, "8.3.a.dai").verdict).toBe("fail");
    expect(condition(r, "8.3.d.tin_bai").observed).toBe(5);
  });
});

describe("computers per official (8.4 NTM, điểm a): a count of computers may exceed the officials", () => {
  const computers = (n: number, officials = 20) =>
    commune({ facts: { officials, officials_with_computer: undefined, computers: n } });

  test.each([
    [25, "pass"],
    [20, "pass"],
    [10, "pass"],
    [9, "fail"],
  ] as const)("%p computers for 20 officials: %p", (n, verdict) => {
    expect(condition(evalOne(computers(n)), "8.4.a.may_tinh").verdict).toBe(verdict);
  });

  test("25 computers for 20 officials is 125 %, said as computers per official, and no problem", () => {
    const ev = evaluate([computers(25)], { ruleset: LS });
    const c = condition(ev.communes[0], "8.4.a.may_tinh");
    expect(c.observed).toEqual({ part: 25, whole: 20, percent: 125 });
    expect(render(c.msg, "vi")).toBe("25 máy vi tính/20 CBCC = 125%, đạt yêu cầu tối thiểu 50%");
    expect(render(c.msg, "en")).toBe("25 computers/20 officials = 125%, meets the requirement (at least 50%)");
    expect(ev.problems).toEqual([]);
  });

  test("officials with a computer above the officials is still impossible", () => {
    const ev = evaluate([commune({ facts: { officials: 20, officials_with_computer: 25 } })], { ruleset: LS });
    expect(condition(ev.communes[0], "8.4.a.may_tinh").verdict).toBe("missing");
    expect(ev.problems.map((p) => p.msg.key)).toEqual(["ratio.partAboveWhole"]);
  });

  test("where both are given, officials with a computer decide", () => {
    expect(
      condition(
        evalOne(commune({ facts: { officials: 20, officials_with_computer: 9, computers: 25 } })),
        "8.4.a.may_tinh",
      ).verdict,
    ).toBe("fail");
  });

  test("a rate of computers per official above 100 % passes", () => {
    expect(
      condition(
        evalOne(
          commune({ facts: { officials: undefined, officials_with_computer: undefined, computer_rate: ratePct(125) } }),
        ),
        "8.4.a.may_tinh",
      ).verdict,
    ).toBe("pass");
  });
});

describe("a village list without the condition's columns: the commune's counts decide", () => {
  // Villages listed for Internet and telephone only; loudspeakers and TV counted in the communes table.
  const listOnly = (n: number) =>
    Array.from({ length: n }, () => ({ loudspeaker: undefined, loudspeaker_regular: undefined, tv: undefined }));
  const counted = (n: number, facts: Record<string, number | null | undefined>) =>
    commune({ villages: listOnly(n), facts: { villages_total: undefined, ...facts } });

  test("10 of 10 villages with loudspeakers passes 8.3 NTM and 8.3 NC, and says where the figure comes from", () => {
    const r = evalOne(counted(10, { villages_loudspeaker: 10, villages_loudspeaker_regular: 10, villages_tv: 10 }));
    const loa = condition(r, "8.3.b.loa");
    expect(loa.verdict).toBe("pass");
    expect(loa.observed).toEqual({ count: 10, total: 10, percent: 100 });
    expect(render(loa.msg, "vi")).toBe(
      '10/10 thôn, bản có hệ thống loa hoạt động, đạt yêu cầu ít nhất 2/3 (theo cột "Số thôn có loa hoạt động" của bảng danh sách xã, vì danh sách thôn, bản không có cột này)',
    );
    expect(condition(r, "8.3.nc.a.loa").verdict).toBe("pass");
    expect(condition(r, "8.3.nc.b.truyen_hinh").verdict).toBe("pass");
    // The columns the list has still decide their conditions.
    expect(condition(r, "8.2.a.internet").observed).toMatchObject({ count: 10, total: 10, lacking: [] });
  });

  test.each([
    [6, 9, "pass"],
    [5, 9, "fail"],
  ] as const)("%p of %p listed villages at 2/3", (k, n, verdict) => {
    expect(condition(evalOne(counted(n, { villages_loudspeaker: k })), "8.3.b.loa").verdict).toBe(verdict);
  });

  test("the list is the number of villages: a count above it is a problem on its cell", () => {
    const c = counted(3, { villages_loudspeaker: 4 });
    const ev = evaluate([c], { ruleset: LS });
    expect(condition(ev.communes[0], "8.3.b.loa").verdict).toBe("missing");
    expect(ev.problems).toEqual([
      expect.objectContaining({
        cell: c.facts.villages_loudspeaker?.cell,
        msg: expect.objectContaining({ key: "villages.countAboveList" }),
      }),
    ]);
  });

  test("with neither the list's columns nor the count column, it is missing and says what is lacking", () => {
    const c = condition(evalOne(counted(3, { villages_loudspeaker: undefined })), "8.3.b.loa");
    expect(c.verdict).toBe("missing");
    expect(render(c.msg, "vi")).toBe(
      'danh sách thôn, bản không có cột "Có hệ thống loa hoạt động", bảng danh sách xã cũng chưa có cột "Số thôn có loa hoạt động"',
    );
  });

  test("a list that has the column for some villages keeps deciding by the list", () => {
    const villages = [{ loudspeaker: true }, { loudspeaker: undefined }, { loudspeaker: true }];
    const c = condition(evalOne(commune({ villages, facts: { villages_loudspeaker: 3 } })), "8.3.b.loa");
    expect(c.observed).toMatchObject({ count: 2, total: 3 });
  });
});

describe("a village's note names only the services the form tracks", () => {
  test("a form with mobile broadband only", () => {
    const villages = [{ internet_fixed: undefined, internet_mobile: false }, {}];
    const c = condition(evalOne(commune({ villages })), "8.2.a.internet");
    const lacking = c.entities!.find((e) => e.verdict === "fail")!;
    expect(render(lacking.msg, "vi")).toBe("chưa có Internet băng rộng di động");
    expect(render(lacking.msg, "en")).toBe("has no mobile broadband");
  });

  test("a form with both telephone columns names both", () => {
    const c = condition(evalOne(commune({ villages: [{ phone_fixed: false, phone_mobile: false }] })), "8.2.a.thoai");
    expect(render(c.entities![0].msg, "vi")).toBe("chưa có điện thoại cố định, chưa có điện thoại di động");
    expect(render(c.entities![0].msg, "en")).toBe("has neither fixed telephone nor mobile telephone");
  });
});

describe("each indicator's words for the area", () => {
  const msgOf = (
    id: string,
    a: "mien_nui" | "dong_bang",
    facts: CommuneSpec["facts"] = {},
    villages?: CommuneSpec["villages"],
  ) =>
    render(
      condition(evalOne(commune({ facts: { area: a, ...facts }, ...(villages ? { villages } : {}) })), id).msg,
      "vi",
    );

  test("8.2 NC: các xã vùng đồng bào dân tộc thiểu số và miền núi, hải đảo / các xã còn lại", () => {
    expect(msgOf("8.2.nc.dttm", "mien_nui")).toMatch(
      /đạt yêu cầu tối thiểu 50% đối với các xã vùng đồng bào dân tộc thiểu số và miền núi, hải đảo$/,
    );
    expect(msgOf("8.2.nc.dttm", "dong_bang", { smartphone_users: 1600 })).toMatch(
      /đạt yêu cầu tối thiểu 80% đối với các xã còn lại$/,
    );
  });

  test("8.3 NC: xã khu vực miền núi / đồng bằng", () => {
    expect(msgOf("8.3.nc.a.loa", "mien_nui", {}, villagesWith("loudspeaker_regular", 8, 10))).toMatch(
      /chưa đạt yêu cầu tối thiểu 90% đối với xã khu vực miền núi; chưa có: Thôn 9, Thôn 10$/,
    );
    expect(msgOf("8.3.nc.a.loa", "dong_bang", {}, villagesWith("loudspeaker_regular", 9, 10))).toMatch(
      /chưa đạt yêu cầu 100% đối với xã khu vực đồng bằng; chưa có: Thôn 10$/,
    );
  });

  test("8.4 NC b and c: các xã vùng đồng bào dân tộc thiểu số và miền núi (no hải đảo) / các xã còn lại", () => {
    expect(msgOf("8.4.nc.b.can_bo_ky_nang_so", "mien_nui")).toMatch(
      /tối thiểu 80% đối với các xã vùng đồng bào dân tộc thiểu số và miền núi$/,
    );
    expect(msgOf("8.4.nc.c.nguoi_dan_ky_nang_so", "dong_bang")).toMatch(/tối thiểu 70% đối với các xã còn lại$/);
  });

  test("the requirement is said once; thirds carry no percentage beside them; percentages as the guidance writes them", () => {
    const all = [
      msgOf("8.3.nc.a.loa", "mien_nui", {}, villagesWith("loudspeaker_regular", 8, 10)),
      msgOf("8.3.b.loa", "mien_nui", {}, villagesWith("loudspeaker", 5, 8)),
      msgOf("8.2.nc.dttm", "dong_bang"),
    ];
    for (const m of all) {
      expect(m.match(/yêu cầu/g)).toHaveLength(1);
      expect(m).not.toMatch(/\d %/);
    }
    expect(all[1]).toBe(
      "5/8 thôn, bản có hệ thống loa hoạt động, chưa đạt yêu cầu ít nhất 2/3; chưa có: Thôn 6, Thôn 7, Thôn 8",
    );
  });

  test("no header is repeated inside a sentence", () => {
    const m = render(
      condition(evalOne(commune({ villages: villagesWith("loudspeaker", 1, 3) })), "8.3.b.loa").entities!.find(
        (e) => e.verdict === "fail",
      )!.msg,
      "vi",
    );
    expect(m).toBe("chưa có hệ thống loa hoạt động");
    expect(render(condition(evalOne(commune({ facts: { radio_station: false } })), "8.3.a.dai").msg, "vi")).toBe(
      "xã chưa có đài truyền thanh",
    );
  });
});

describe("nothing to count: the rule set's words", () => {
  const none = commune({ facts: { ocop_products: 0, ocop_online: 0 } });

  test("langson-2022 says it of OCOP products, as the guidance does", () => {
    const c = condition(evalOne(none), "8.4.nc.d.ocop");
    expect(c.verdict).toBe("pass");
    expect(render(c.msg, "vi")).toBe(
      "xã không có sản phẩm OCOP nào nên không có sản phẩm phải đưa lên sàn thương mại điện tử: đạt",
    );
  });

  test("a rule set without its own sentence gets a generic one naming the check's noun", () => {
    const ocop = getRuleSet("langson-2022").levels[1].indicators[3].conditions.find((x) => x.id === "8.4.nc.d.ocop")!;
    const check = { ...ocop.check, zeroWholeSays: undefined };
    const variant = checkRuleSet(
      JSON.stringify({
        id: "khong-loi",
        extends: "langson-2022",
        conditions: { "8.4.nc.d.ocop": { check: { ...check, threshold: "100%" } } },
      }),
    );
    expect(variant.problems).toEqual([]);
    const c = condition(evaluate([none], { ruleset: variant.ruleset! }).communes[0], "8.4.nc.d.ocop");
    expect(c.verdict).toBe("pass");
    expect(render(c.msg, "vi")).toBe("không có sản phẩm OCOP trên sàn TMĐT nào phải tính: đạt");
    expect(render(c.msg, "en")).toBe("no OCOP products on e-commerce platforms to count: met");
  });
});
