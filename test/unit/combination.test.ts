/** How verdicts combine: three-valued AND and OR, the NC prerequisite, the postal-point OR. */
import { LS } from "../helpers/fields";
import { and3, or3, type Verdict } from "../../src/core/engine/tristate";
import { commune } from "../helpers/facts";
import { condition, evalOne, indicator } from "../helpers/results";

describe("three-valued logic", () => {
  const V: Verdict[] = ["pass", "fail", "missing"];
  test.each(V.flatMap((a) => V.map((b) => [a, b] as const)))("and3(%s, %s)", (a, b) => {
    const expected = a === "fail" || b === "fail" ? "fail" : a === "missing" || b === "missing" ? "missing" : "pass";
    expect(and3([a, b])).toBe(expected);
  });
  test.each(V.flatMap((a) => V.map((b) => [a, b] as const)))("or3(%s, %s)", (a, b) => {
    const expected = a === "pass" || b === "pass" ? "pass" : a === "missing" || b === "missing" ? "missing" : "fail";
    expect(or3([a, b])).toBe(expected);
  });
  test("an empty AND passes; an empty OR fails", () => {
    expect(and3([])).toBe("pass");
    expect(or3([])).toBe("fail");
  });
});

describe("fail dominates missing", () => {
  test("at indicator level: one failing and one missing condition give fail", () => {
    const r = evalOne(commune({ facts: { radio_station: false, radio_news_per_week: null } }));
    expect(condition(r, "8.3.a.dai").verdict).toBe("fail");
    expect(condition(r, "8.3.d.tin_bai").verdict).toBe("missing");
    expect(indicator(r, "ntm", "8.3").verdict).toBe("fail");
  });
  test("at criterion level: a failing indicator and a missing one give fail", () => {
    const r = evalOne(commune({ facts: { telecom_qcvn: null, sw_qlvb: false } }));
    expect(indicator(r, "ntm", "8.2").verdict).toBe("missing");
    expect(indicator(r, "ntm", "8.4").verdict).toBe("fail");
    expect(r.levels.ntm?.verdict).toBe("fail");
  });
  test("missing without any fail gives missing", () => {
    const r = evalOne(commune({ facts: { telecom_qcvn: null } }));
    expect(r.levels.ntm?.verdict).toBe("missing");
  });
});

describe("TC8 NC needs TC8 NTM", () => {
  test("NC indicators all pass but NTM fails: NC fails, with the prerequisite line tc8.ntm", () => {
    // 9/20 computers fails 8.4.a (NTM only); every NC indicator still passes.
    const r = evalOne(commune({ facts: { officials_with_computer: 9 } }));
    expect(r.levels.ntm?.verdict).toBe("fail");
    expect(r.levels.nc?.indicators.every((i) => i.verdict === "pass")).toBe(true);
    expect(r.levels.nc?.prerequisites).toEqual([expect.objectContaining({ id: "tc8.ntm", verdict: "fail" })]);
    expect(r.levels.nc?.verdict).toBe("fail");
  });
  test("NTM missing makes NC at best missing", () => {
    const r = evalOne(commune({ facts: { website_posts_year: null } }));
    expect(r.levels.ntm?.verdict).toBe("missing");
    expect(r.levels.nc?.verdict).toBe("missing");
  });
  test("evaluating NC alone still applies the prerequisite", () => {
    const { evaluate } = jest.requireActual<typeof import("../../src/core/engine")>("../../src/core/engine");
    const ev = evaluate([commune({ facts: { sw_email: false } })], { levels: ["nc"], ruleset: LS });
    expect(Object.keys(ev.communes[0].levels)).toEqual(["nc"]);
    expect(ev.communes[0].levels.nc?.verdict).toBe("fail");
  });
});

describe("8.1: an OR over postal points", () => {
  test("one point passes among failing ones: pass, and that point is shown", () => {
    const r = evalOne(commune({ points: [{ sign: false }, {}, { hours_per_day: 2 }] }));
    const ind = indicator(r, "ntm", "8.1");
    expect(ind.verdict).toBe("pass");
    expect(ind.point).toBe("Điểm BĐVHX 2");
  });
  test("all points fail: fail, naming the point closest to passing", () => {
    const r = evalOne(
      commune({
        points: [
          { sign: false, premises: false },
          { hours_per_day: 3 },
          { letters_2kg: false, parcels_5kg: false, posted_info: false },
        ],
      }),
    );
    const ind = indicator(r, "ntm", "8.1");
    expect(ind.verdict).toBe("fail");
    expect(ind.point).toBe("Điểm BĐVHX 2");
    expect(condition(r, "8.1.a.gio_mo_cua")).toMatchObject({ verdict: "fail", observed: 3 });
    expect(condition(r, "8.1.a.gio_mo_cua").msg).toMatchObject({ key: "postal.at", params: { point: "Điểm BĐVHX 2" } });
  });
  test("one point missing and none passing: missing", () => {
    const r = evalOne(commune({ points: [{ sign: false }, { hours_per_day: null }] }));
    expect(indicator(r, "ntm", "8.1").verdict).toBe("missing");
    expect(indicator(r, "ntm", "8.1").point).toBe("Điểm BĐVHX 2");
  });
  test("postal data exists but the commune has no point: fail", () => {
    const r = evalOne(commune({ points: [] }));
    expect(indicator(r, "ntm", "8.1").verdict).toBe("fail");
    expect(condition(r, "8.1.nc.dvc").verdict).toBe("fail");
  });
  test("no postal data at all: missing", () => {
    const r = evalOne(commune({ points: null }));
    expect(indicator(r, "ntm", "8.1").verdict).toBe("missing");
    expect(condition(r, "8.1.nc.dvc").verdict).toBe("missing");
  });
  test("8.1 NC: the point must meet every NTM condition and support online services at once", () => {
    // Point 1 supports online services but closes early; point 2 meets 8.1 NTM but does not support them.
    const r = evalOne(commune({ points: [{ hours_per_day: 2 }, { online_service_support: false }] }));
    expect(indicator(r, "ntm", "8.1").verdict).toBe("pass");
    expect(condition(r, "8.1.nc.dvc").verdict).toBe("fail");
  });
});

describe("informational conditions", () => {
  test("the satisfaction survey is reported but does not decide 8.4 NC", () => {
    const r = evalOne(commune({ facts: { satisfaction_survey: false } }));
    const c = condition(r, "8.4.nc.khao_sat");
    expect(c.informational).toBe(true);
    expect(c.observed).toBe(false);
    expect(indicator(r, "nc", "8.4").verdict).toBe("pass");
  });
  test("encouraged Wi-Fi places are counted, not required", () => {
    const r = evalOne(commune({ facts: { wifi_other_places: null } }));
    expect(indicator(r, "nc", "8.5").verdict).toBe("pass");
    expect(condition(evalOne(commune({ facts: { wifi_other_places: 4 } })), "8.5.nc.a.khuyen_khich").observed).toBe(4);
  });
});

describe("evidence completeness", () => {
  test("done / total per level from checklist statuses", () => {
    const r = evalOne(
      commune({ evidence: { "ntm|8.1|1": true, "ntm|8.4|4": true, "nc|8.5|2": true, "nc|8.5|9": true } }),
    );
    expect(r.levels.ntm?.evidence).toEqual({ done: 2, total: 12 });
    expect(r.levels.nc?.evidence).toEqual({ done: 1, total: 11 });
  });
});

describe("a commune excluded by the reader", () => {
  test("is listed without levels", () => {
    const c = {
      ...commune(),
      excluded: { key: "problem.duplicateCommune", params: { name: "Xã Tân Thành", count: 2, cells: [] } },
    };
    const r = evalOne(c);
    expect(r.levels).toEqual({});
    expect(r.excluded).toBeDefined();
  });
});
