/**
 * One row per condition of docs/rules.md: at the threshold, just below and just above it, in both areas
 * where the threshold depends on the area.
 */
import { commune, villagesWith, ratePct, type CommuneSpec } from "../helpers/facts";
import { condition, evalOne } from "../helpers/results";
import type { Verdict } from "../../src/core/engine/tristate";
import { evaluate } from "../../src/core/engine";
import { render } from "../../src/core/i18n";

type Row = [id: string, what: string, spec: CommuneSpec, expected: Verdict];

const area = (a: "mien_nui" | "dong_bang", facts: CommuneSpec["facts"] = {}) => ({ area: a, ...facts });
const point = (changes: Record<string, unknown>) => ({ points: [changes as Record<string, never>] });

const ROWS: Row[] = [
  // 8.1 NTM, per postal point.
  ["8.1.a.mat_bang", "premises yes", point({}), "pass"],
  ["8.1.a.mat_bang", "premises no", point({ premises: false }), "fail"],
  ["8.1.a.mat_bang", "premises blank", point({ premises: null }), "missing"],
  ["8.1.a.bien_ten", "sign no", point({ sign: false }), "fail"],
  ["8.1.a.niem_yet", "posted info no", point({ posted_info: false }), "fail"],
  ["8.1.a.gio_mo_cua", "4 hours (at threshold)", point({ hours_per_day: 4 }), "pass"],
  ["8.1.a.gio_mo_cua", "3.5 hours (below)", point({ hours_per_day: 3.5 }), "fail"],
  ["8.1.a.gio_mo_cua", "4.5 hours (above)", point({ hours_per_day: 4.5 }), "pass"],
  ["8.1.a.gio_mo_cua", "hours blank", point({ hours_per_day: null }), "missing"],
  ["8.1.b.thu_2kg", "letters no", point({ letters_2kg: false }), "fail"],
  ["8.1.b.goi_5kg", "parcels no", point({ parcels_5kg: false }), "fail"],
  // 8.2 NTM.
  ["8.2.a.thoai", "every village has mobile phone", { villages: villagesWith("phone_mobile", 10, 10) }, "pass"],
  ["8.2.a.thoai", "fixed phone only counts too", { villages: villagesWith("phone_mobile", 0, 3, { phone_fixed: true }) }, "pass"],
  ["8.2.a.thoai", "9 of 10 villages", { villages: villagesWith("phone_mobile", 9, 10) }, "fail"],
  ["8.2.a.internet", "every village has mobile broadband", { villages: villagesWith("internet_mobile", 3, 3) }, "pass"],
  ["8.2.a.internet", "2 of 3 villages", { villages: villagesWith("internet_mobile", 2, 3) }, "fail"],
  ["8.2.a.internet", "counts 10/10", { villages: "counts", facts: { villages_total: 10, villages_internet: 10 } }, "pass"],
  ["8.2.a.internet", "counts 9/10", { villages: "counts", facts: { villages_total: 10, villages_internet: 9 } }, "fail"],
  ["8.2.b.qcvn", "QCVN no", { facts: { telecom_qcvn: false } }, "fail"],
  ["8.2.b.qcvn", "QCVN blank", { facts: { telecom_qcvn: null } }, "missing"],
  // 8.3 NTM: at least 2/3 of villages have loudspeakers.
  ["8.3.a.dai", "no radio station", { facts: { radio_station: false } }, "fail"],
  ["8.3.b.loa", "6/9 (exactly 2/3)", { villages: villagesWith("loudspeaker", 6, 9) }, "pass"],
  ["8.3.b.loa", "2/3", { villages: villagesWith("loudspeaker", 2, 3) }, "pass"],
  ["8.3.b.loa", "5/8 (below 2/3)", { villages: villagesWith("loudspeaker", 5, 8) }, "fail"],
  ["8.3.b.loa", "7/10 (above)", { villages: villagesWith("loudspeaker", 7, 10) }, "pass"],
  ["8.3.b.loa", "counts 6/9", { villages: "counts", facts: { villages_total: 9, villages_loudspeaker: 6 } }, "pass"],
  ["8.3.b.loa", "counts 5/8", { villages: "counts", facts: { villages_total: 8, villages_loudspeaker: 5 } }, "fail"],
  ["8.3.c.tiep_song", "no relay", { facts: { radio_relay: false } }, "fail"],
  ["8.3.d.tin_bai", "3 news a week", { facts: { radio_news_per_week: 3 } }, "pass"],
  ["8.3.d.tin_bai", "2 news a week", { facts: { radio_news_per_week: 2 } }, "fail"],
  ["8.3.d.tin_bai", "4 news a week", { facts: { radio_news_per_week: 4 } }, "pass"],
  // 8.4 NTM.
  ["8.4.a.may_tinh", "10/20 computers (50 %)", { facts: { officials: 20, officials_with_computer: 10 } }, "pass"],
  ["8.4.a.may_tinh", "9/20 computers", { facts: { officials: 20, officials_with_computer: 9 } }, "fail"],
  ["8.4.a.may_tinh", "11/20 computers", { facts: { officials: 20, officials_with_computer: 11 } }, "pass"],
  ["8.4.a.may_tinh", "rate column 50 % when counts are absent", { facts: { officials: undefined, officials_with_computer: undefined, computer_rate: ratePct(50) } }, "pass"],
  ["8.4.a.may_tinh", "rate column 49.9 %", { facts: { officials: undefined, officials_with_computer: undefined, computer_rate: ratePct(49.9) } }, "fail"],
  ["8.4.a.may_tinh", "counts win over a rate", { facts: { officials: 20, officials_with_computer: 9, computer_rate: ratePct(80) } }, "fail"],
  ["8.4.b.qlvb", "no QLVB", { facts: { sw_qlvb: false } }, "fail"],
  ["8.4.b.thu_cong_vu", "no e-mail", { facts: { sw_email: false } }, "fail"],
  ["8.4.b.mot_cua", "no one-stop", { facts: { sw_mot_cua: false } }, "fail"],
  ["8.4.b.trang_ttdt", "36 a year, 3 in the weakest month", { facts: { website_posts_year: 36, website_posts_min_month: 3 } }, "pass"],
  ["8.4.b.trang_ttdt", "35 a year", { facts: { website_posts_year: 35 } }, "fail"],
  ["8.4.b.trang_ttdt", "2 in the weakest month", { facts: { website_posts_min_month: 2 } }, "fail"],
  ["8.4.b.trang_ttdt", "no website", { facts: { website: false } }, "fail"],
  ["8.4.b.trang_ttdt", "posts blank", { facts: { website_posts_year: null } }, "missing"],
  ["8.4.b.trang_ttdt", "posts blank but too few per month", { facts: { website_posts_year: null, website_posts_min_month: 1 } }, "fail"],
  ["8.4.c.ho_so_truc_tuyen", "30/100", { facts: { dossiers_total: 100, dossiers_online: 30 } }, "pass"],
  ["8.4.c.ho_so_truc_tuyen", "29/100", { facts: { dossiers_total: 100, dossiers_online: 29 } }, "fail"],
  ["8.4.c.ho_so_truc_tuyen", "31/100", { facts: { dossiers_total: 100, dossiers_online: 31 } }, "pass"],
  // 8.1 NC.
  ["8.1.nc.dvc", "point supports online services", point({}), "pass"],
  ["8.1.nc.dvc", "point does not support online services", point({ online_service_support: false }), "fail"],
  ["8.1.nc.dvc", "point fails an NTM condition", point({ hours_per_day: 3 }), "fail"],
  // 8.2 NC: smartphones 50 % (miền núi), 80 % (đồng bằng).
  ["8.2.nc.dttm", "50 % mien_nui", { facts: area("mien_nui", { working_age: 100, smartphone_users: 50 }) }, "pass"],
  ["8.2.nc.dttm", "49 % mien_nui", { facts: area("mien_nui", { working_age: 100, smartphone_users: 49 }) }, "fail"],
  ["8.2.nc.dttm", "51 % mien_nui", { facts: area("mien_nui", { working_age: 100, smartphone_users: 51 }) }, "pass"],
  ["8.2.nc.dttm", "80 % dong_bang", { facts: area("dong_bang", { working_age: 100, smartphone_users: 80 }) }, "pass"],
  ["8.2.nc.dttm", "79 % dong_bang", { facts: area("dong_bang", { working_age: 100, smartphone_users: 79 }) }, "fail"],
  ["8.2.nc.dttm", "81 % dong_bang", { facts: area("dong_bang", { working_age: 100, smartphone_users: 81 }) }, "pass"],
  // 8.3 NC: regular loudspeakers 90 % (miền núi), 100 % (đồng bằng).
  ["8.3.nc.a.loa", "9/10 mien_nui", { facts: area("mien_nui"), villages: villagesWith("loudspeaker_regular", 9, 10) }, "pass"],
  ["8.3.nc.a.loa", "8/10 mien_nui", { facts: area("mien_nui"), villages: villagesWith("loudspeaker_regular", 8, 10) }, "fail"],
  ["8.3.nc.a.loa", "10/10 mien_nui", { facts: area("mien_nui"), villages: villagesWith("loudspeaker_regular", 10, 10) }, "pass"],
  ["8.3.nc.a.loa", "9/10 dong_bang", { facts: area("dong_bang"), villages: villagesWith("loudspeaker_regular", 9, 10) }, "fail"],
  ["8.3.nc.a.loa", "10/10 dong_bang", { facts: area("dong_bang"), villages: villagesWith("loudspeaker_regular", 10, 10) }, "pass"],
  ["8.3.nc.a.tiep_song", "no relay", { facts: { radio_relay: false } }, "fail"],
  ["8.3.nc.a.tin_bai", "2 news", { facts: { radio_news_per_week: 2 } }, "fail"],
  ["8.3.nc.a.tin_bai", "3 news", { facts: { radio_news_per_week: 3 } }, "pass"],
  ["8.3.nc.b.truyen_hinh", "every village has TV", { villages: villagesWith("tv", 5, 5) }, "pass"],
  ["8.3.nc.b.truyen_hinh", "4 of 5", { villages: villagesWith("tv", 4, 5) }, "fail"],
  ["8.3.nc.c.xuat_ban_pham", "1 point", { facts: { publication_points: 1 } }, "pass"],
  ["8.3.nc.c.xuat_ban_pham", "0 points", { facts: { publication_points: 0 } }, "fail"],
  ["8.3.nc.c.xuat_ban_pham", "2 points", { facts: { publication_points: 2 } }, "pass"],
  // 8.4 NC.
  ["8.4.nc.a.ho_so_truc_tuyen", "50/100", { facts: { dossiers_total: 100, dossiers_online: 50 } }, "pass"],
  ["8.4.nc.a.ho_so_truc_tuyen", "49/100", { facts: { dossiers_total: 100, dossiers_online: 49 } }, "fail"],
  ["8.4.nc.a.ho_so_truc_tuyen", "51/100", { facts: { dossiers_total: 100, dossiers_online: 51 } }, "pass"],
  ["8.4.nc.b.can_bo_ky_nang_so", "16/20 mien_nui (80 %)", { facts: area("mien_nui", { officials: 20, officials_trained: 16 }) }, "pass"],
  ["8.4.nc.b.can_bo_ky_nang_so", "15/20 mien_nui", { facts: area("mien_nui", { officials: 20, officials_trained: 15 }) }, "fail"],
  ["8.4.nc.b.can_bo_ky_nang_so", "17/20 mien_nui", { facts: area("mien_nui", { officials: 20, officials_trained: 17 }) }, "pass"],
  ["8.4.nc.b.can_bo_ky_nang_so", "19/20 dong_bang", { facts: area("dong_bang", { officials: 20, officials_trained: 19 }) }, "fail"],
  ["8.4.nc.b.can_bo_ky_nang_so", "20/20 dong_bang", { facts: area("dong_bang", { officials: 20, officials_trained: 20 }) }, "pass"],
  ["8.4.nc.c.nguoi_dan_ky_nang_so", "50 % mien_nui", { facts: area("mien_nui", { working_age: 1000, citizens_trained: 500 }) }, "pass"],
  ["8.4.nc.c.nguoi_dan_ky_nang_so", "49.9 % mien_nui", { facts: area("mien_nui", { working_age: 1000, citizens_trained: 499 }) }, "fail"],
  ["8.4.nc.c.nguoi_dan_ky_nang_so", "70 % dong_bang", { facts: area("dong_bang", { working_age: 1000, citizens_trained: 700 }) }, "pass"],
  ["8.4.nc.c.nguoi_dan_ky_nang_so", "69.9 % dong_bang", { facts: area("dong_bang", { working_age: 1000, citizens_trained: 699 }) }, "fail"],
  ["8.4.nc.c.nguoi_dan_ky_nang_so", "70.1 % dong_bang", { facts: area("dong_bang", { working_age: 1000, citizens_trained: 701 }) }, "pass"],
  ["8.4.nc.d.ocop", "3/3 OCOP online", { facts: { ocop_products: 3, ocop_online: 3 } }, "pass"],
  ["8.4.nc.d.ocop", "2/3 OCOP online", { facts: { ocop_products: 3, ocop_online: 2 } }, "fail"],
  ["8.4.nc.d.ocop", "no OCOP product", { facts: { ocop_products: 0, ocop_online: 0 } }, "pass"],
  ["8.4.nc.d.ocop", "no OCOP product, online blank", { facts: { ocop_products: 0, ocop_online: null } }, "pass"],
  ["8.4.nc.dd.dia_chi_so", "800/800", { facts: { address_points: 800, address_plates: 800 } }, "pass"],
  ["8.4.nc.dd.dia_chi_so", "799/800", { facts: { address_points: 800, address_plates: 799 } }, "fail"],
  // 8.5 NC.
  ["8.5.nc.a.ubnd", "no Wi-Fi at the People's Committee", { facts: { wifi_ubnd: false } }, "fail"],
  ["8.5.nc.a.nha_van_hoa", "no Wi-Fi at the cultural house", { facts: { wifi_nha_van_hoa: false } }, "fail"],
  ["8.5.nc.a.tram_y_te", "no Wi-Fi at the health station", { facts: { wifi_tram_y_te: false } }, "fail"],
  ["8.5.nc.a.tram_y_te", "blank", { facts: { wifi_tram_y_te: null } }, "missing"],
  ["8.5.nc.b.chat_luong", "Wi-Fi quality no", { facts: { wifi_quality: false } }, "fail"],
];

describe("each condition at, below and above its threshold", () => {
  test.each(ROWS.map(([id, what, spec, expected]) => ({ id, what, spec, expected })))("$id: $what → $expected", ({ id, spec, expected }) => {
    expect(condition(evalOne(commune(spec)), id).verdict).toBe(expected);
  });

  test("the passing commune passes every condition of both levels", () => {
    const r = evalOne(commune());
    expect(r.levels.ntm?.verdict).toBe("pass");
    expect(r.levels.nc?.verdict).toBe("pass");
  });
});

describe("impossible figures are errors, not passes", () => {
  test("a part above its whole makes the condition missing and is reported on the part's cell", () => {
    const c = commune({ facts: { dossiers_total: 100, dossiers_online: 120 } });
    const ev = evaluate([c]);
    expect(condition(ev.communes[0], "8.4.c.ho_so_truc_tuyen").verdict).toBe("missing");
    expect(condition(ev.communes[0], "8.4.nc.a.ho_so_truc_tuyen").verdict).toBe("missing");
    const cell = c.facts.dossiers_online?.cell;
    // Reported once, though two conditions read the cell.
    expect(ev.problems.filter((p) => p.cell === cell)).toHaveLength(1);
    expect(ev.problems[0].msg.key).toBe("ratio.partAboveWhole");
  });

  test("trained officials above all officials is an error on 8.4.nc.b", () => {
    expect(condition(evalOne(commune({ facts: { officials: 20, officials_trained: 21 } })), "8.4.nc.b.can_bo_ky_nang_so").verdict).toBe("missing");
  });

  test("village counts above the number of villages is an error", () => {
    expect(condition(evalOne(commune({ villages: "counts", facts: { villages_total: 8, villages_loudspeaker: 9 } })), "8.3.b.loa").verdict).toBe("missing");
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
    const r = evalOne(commune({ villages: "counts", facts: { villages_total: 3_000_000_001, villages_loudspeaker: 2_000_000_001 } }));
    expect(condition(r, "8.3.b.loa").verdict).toBe("pass");
    const r2 = evalOne(commune({ villages: "counts", facts: { villages_total: 3_000_000_002, villages_loudspeaker: 2_000_000_001 } }));
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
  const computers = (n: number, officials = 20) => commune({ facts: { officials, officials_with_computer: undefined, computers: n } });

  test.each([
    [25, "pass"],
    [20, "pass"],
    [10, "pass"],
    [9, "fail"],
  ] as const)("%p computers for 20 officials: %p", (n, verdict) => {
    expect(condition(evalOne(computers(n)), "8.4.a.may_tinh").verdict).toBe(verdict);
  });

  test("25 computers for 20 officials is 125 %, said as computers per official, and no problem", () => {
    const ev = evaluate([computers(25)]);
    const c = condition(ev.communes[0], "8.4.a.may_tinh");
    expect(c.observed).toEqual({ part: 25, whole: 20, percent: 125 });
    expect(render(c.msg, "vi")).toBe("25 máy vi tính/20 CBCC = 125%, đạt yêu cầu tối thiểu 50%");
    expect(render(c.msg, "en")).toBe("25 computers/20 officials = 125%, meets the requirement (at least 50%)");
    expect(ev.problems).toEqual([]);
  });

  test("officials with a computer above the officials is still impossible", () => {
    const ev = evaluate([commune({ facts: { officials: 20, officials_with_computer: 25 } })]);
    expect(condition(ev.communes[0], "8.4.a.may_tinh").verdict).toBe("missing");
    expect(ev.problems.map((p) => p.msg.key)).toEqual(["ratio.partAboveWhole"]);
  });

  test("where both are given, officials with a computer decide", () => {
    expect(condition(evalOne(commune({ facts: { officials: 20, officials_with_computer: 9, computers: 25 } })), "8.4.a.may_tinh").verdict).toBe("fail");
  });

  test("a rate of computers per official above 100 % passes", () => {
    expect(condition(evalOne(commune({ facts: { officials: undefined, officials_with_computer: undefined, computer_rate: ratePct(125) } })), "8.4.a.may_tinh").verdict).toBe("pass");
  });
});

describe("a village list without the condition's columns: the commune's counts decide", () => {
  // Villages listed for Internet and telephone only; loudspeakers and TV counted in the communes table.
  const listOnly = (n: number) => Array.from({ length: n }, () => ({ loudspeaker: undefined, loudspeaker_regular: undefined, tv: undefined }));
  const counted = (n: number, facts: Record<string, number | null | undefined>) => commune({ villages: listOnly(n), facts: { villages_total: undefined, ...facts } });

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
    const ev = evaluate([c]);
    expect(condition(ev.communes[0], "8.3.b.loa").verdict).toBe("missing");
    expect(ev.problems).toEqual([expect.objectContaining({ cell: c.facts.villages_loudspeaker?.cell, msg: expect.objectContaining({ key: "villages.countAboveList" }) })]);
  });

  test("with neither the list's columns nor the count column, it is missing and says what is lacking", () => {
    const c = condition(evalOne(counted(3, { villages_loudspeaker: undefined })), "8.3.b.loa");
    expect(c.verdict).toBe("missing");
    expect(render(c.msg, "vi")).toBe('danh sách thôn, bản không có cột "Có hệ thống loa hoạt động", bảng danh sách xã cũng chưa có cột "Số thôn có loa hoạt động"');
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
  const msgOf = (id: string, a: "mien_nui" | "dong_bang", facts: CommuneSpec["facts"] = {}, villages?: CommuneSpec["villages"]) =>
    render(condition(evalOne(commune({ facts: { area: a, ...facts }, ...(villages ? { villages } : {}) })), id).msg, "vi");

  test("8.2 NC: các xã vùng đồng bào dân tộc thiểu số và miền núi, hải đảo / các xã còn lại", () => {
    expect(msgOf("8.2.nc.dttm", "mien_nui")).toMatch(/đạt yêu cầu tối thiểu 50% đối với các xã vùng đồng bào dân tộc thiểu số và miền núi, hải đảo$/);
    expect(msgOf("8.2.nc.dttm", "dong_bang", { smartphone_users: 1600 })).toMatch(/đạt yêu cầu tối thiểu 80% đối với các xã còn lại$/);
  });

  test("8.3 NC: xã khu vực miền núi / đồng bằng", () => {
    expect(msgOf("8.3.nc.a.loa", "mien_nui", {}, villagesWith("loudspeaker_regular", 8, 10))).toMatch(/chưa đạt yêu cầu tối thiểu 90% đối với xã khu vực miền núi; chưa có: Thôn 9, Thôn 10$/);
    expect(msgOf("8.3.nc.a.loa", "dong_bang", {}, villagesWith("loudspeaker_regular", 9, 10))).toMatch(/chưa đạt yêu cầu 100% đối với xã khu vực đồng bằng; chưa có: Thôn 10$/);
  });

  test("8.4 NC b and c: các xã vùng đồng bào dân tộc thiểu số và miền núi (no hải đảo) / các xã còn lại", () => {
    expect(msgOf("8.4.nc.b.can_bo_ky_nang_so", "mien_nui")).toMatch(/tối thiểu 80% đối với các xã vùng đồng bào dân tộc thiểu số và miền núi$/);
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
    expect(all[1]).toBe("5/8 thôn, bản có hệ thống loa hoạt động, chưa đạt yêu cầu ít nhất 2/3; chưa có: Thôn 6, Thôn 7, Thôn 8");
  });

  test("no header is repeated inside a sentence", () => {
    const m = render(condition(evalOne(commune({ villages: villagesWith("loudspeaker", 1, 3) })), "8.3.b.loa").entities!.find((e) => e.verdict === "fail")!.msg, "vi");
    expect(m).toBe("chưa có hệ thống loa hoạt động");
    expect(render(condition(evalOne(commune({ facts: { radio_station: false } })), "8.3.a.dai").msg, "vi")).toBe("xã chưa có đài truyền thanh");
  });
});
