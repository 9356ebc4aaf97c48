/** The Office.js host against an in-memory Excel built on office-addin-mock. */
import { COMMUNE_FIELDS, VILLAGE_FIELDS } from "../helpers/fields";
import { CHECKLIST_SHEET, STATE_SHEET, SUMMARY_SHEET } from "../../src/core/state/own";
import { clearInContext, evaluateInContext, templateInContext } from "../../src/hosts/office";
import { applyPlan, MAX_REQUEST_BYTES } from "../../src/hosts/office/apply";
import { detectCapabilities, type Capabilities } from "../../src/hosts/office/capabilities";
import { readSnapshot } from "../../src/hosts/office/read";
import { runEvaluation } from "../../src/core/pipeline";
import { colLetter, filledRows } from "../../src/core/shared/grid";
import { diffSnapshots, FakeBook, fakeContext } from "../helpers/fake-excel";
import { PASSING_ROW, PASSING_VILLAGE_ROW } from "../helpers/xlsx";

const ALL: Capabilities = detectCapabilities(() => true);
const MIN: Capabilities = detectCapabilities((_, v) => Number(v.split(".")[1]) <= 7);

const KEYS = COMMUNE_FIELDS.map((f) => f.key).filter((k) => !k.startsWith("villages_"));
const VKEYS = ["commune", "village", "phone_mobile", "internet_mobile", "loudspeaker", "loudspeaker_regular", "tv"];

function book(n: number, change: (i: number) => Record<string, unknown> = () => ({})): FakeBook {
  const b = new FakeBook();
  const xa = b.add("Xã");
  xa.set("A1", [["BIỂU TỔNG HỢP TIÊU CHÍ SỐ 8"]]);
  xa.set("A3", [KEYS.map((k) => COMMUNE_FIELDS.find((f) => f.key === k)!.header)]);
  const thon = b.add("Thôn");
  thon.set("A1", [VKEYS.map((k) => VILLAGE_FIELDS.find((f) => f.key === k)!.header)]);
  for (let i = 0; i < n; i++) {
    const row = { ...PASSING_ROW, commune: `Xã Số ${i + 1}`, ...change(i) } as Record<string, unknown>;
    xa.set(`A${4 + i}`, [KEYS.map((k) => row[k] as never)]);
    for (let v = 0; v < 3; v++)
      thon.set(`A${2 + i * 3 + v}`, [
        VKEYS.map(
          (k) => (k === "commune" ? row.commune : k === "village" ? `Thôn ${v + 1}` : PASSING_VILLAGE_ROW[k]) as never,
        ),
      ]);
  }
  return b;
}

const col = (key: string) => KEYS.indexOf(key);

describe("reading", () => {
  test("three requests for a district (sheets, sizes, cells); a large workbook in row blocks, every row read", async () => {
    for (const [n, requests] of [
      [10, 3],
      [2000, 5],
    ]) {
      const b = book(n);
      const ctx = fakeContext(b);
      const sync = jest.spyOn(ctx, "sync");
      const snap = await readSnapshot(ctx, ALL);
      expect([n, sync.mock.calls.length]).toEqual([n, requests]);
      expect(snap.requests).toBe(requests);
      // The title, the header and one row per commune (the blank row between is not held).
      expect(filledRows(snap.grids.find((g) => g.sheet === "Xã")!)).toHaveLength(n + 2);
      expect(filledRows(snap.grids.find((g) => g.sheet === "Thôn")!)).toHaveLength(3 * n + 1);
    }
  });

  test("a whole evaluation takes the same number of requests for 10 and for 100 communes (plans under 4 MB)", async () => {
    const counts: number[] = [];
    for (const n of [10, 100]) {
      const b = book(n, (i) => (i % 7 === 0 ? { officials_with_computer: 5 } : {}));
      const ctx = fakeContext(b);
      const sync = jest.spyOn(ctx, "sync");
      const out = await evaluateInContext(ctx, {}, ALL);
      expect(out.run?.evaluation.communes).toHaveLength(n);
      counts.push(sync.mock.calls.length);
    }
    expect(counts[0]).toBe(counts[1]);
    expect(counts[0]).toBeLessThanOrEqual(5);
  });

  test("merged two-row headers are read with ExcelApi 1.13, and from the cells alone before it", async () => {
    for (const caps of [ALL, MIN]) {
      const b = new FakeBook();
      const s = b.add("Xã");
      s.set("A1", [
        ["Tên xã", "Ứng dụng CNTT", null],
        [null, "Số CBCC", "Số CBCC có máy vi tính"],
        ["Xã A", 20, 9],
      ]);
      s.merges.push({ r0: 0, c0: 0, r1: 1, c1: 0 }, { r0: 0, c0: 1, r1: 0, c1: 2 });
      const out = await evaluateInContext(fakeContext(b), {}, caps);
      const c = out.run!.evaluation.communes[0];
      expect(c.levels.ntm?.indicators.find((i) => i.id === "8.4")?.conditions[0]).toMatchObject({
        id: "8.4.a.may_tinh",
        verdict: "fail",
      });
    }
  });
});

describe("writing", () => {
  test("verdict columns, marks with notes, summary, checklist and state; calculation suspended", async () => {
    const b = book(3, (i) => (i === 1 ? { officials_with_computer: 9, commune: "=1+1" } : {}));
    const out = await evaluateInContext(fakeContext(b), {}, ALL);
    expect(out.refused).toBeUndefined();
    const xa = b.sheet("Xã");
    const first = KEYS.length;
    expect(xa.get(`${colLetter(first + 4)}3`)).toBe("TC8 NTM");
    expect(xa.get(`${colLetter(first + 4)}4`)).toBe("Đạt");
    expect(xa.get(`${colLetter(first + 4)}5`)).toBe("Không đạt");
    expect(xa.peek(4, first + 4)?.fill).toBe("#FFC7CE");
    expect(xa.get(`${colLetter(first + 12)}5`)).toBe(
      "8.4 NTM, điểm a – Máy vi tính/cán bộ, công chức: 9/20 CBCC có máy vi tính = 45%, chưa đạt yêu cầu tối thiểu 50%",
    );
    // The marked input cell: red, with the reason as a note.
    expect(xa.peek(4, col("officials_with_computer"))?.fill).toBe("#FFC7CE");
    expect([...b.notes.entries()].find(([k]) => k === `Xã|4|${col("officials_with_computer")}`)?.[1]).toMatch(
      /^8\.4 NTM, điểm a – Máy vi tính/,
    );
    // A name that looks like a formula stays text (the fake refuses it otherwise).
    expect(xa.get("A5")).toBe("=1+1");
    expect(b.sheet(SUMMARY_SHEET).charts).toHaveLength(1);
    expect(b.tables.map((t) => t.name)).toContain("TC8_MinhChung");
    expect(b.sheet(STATE_SHEET).visibility).toBe("VeryHidden");
    expect(b.suspended).toBeGreaterThan(0);
    expect(out.skipped).toEqual([]);
  });

  test("evaluating again updates in place", async () => {
    const b = book(3, (i) => (i === 1 ? { sw_email: "Không" } : {}));
    await evaluateInContext(fakeContext(b), {}, ALL);
    const before = b.sheet("Xã").snapshot();
    const notes = [...b.notes.entries()];
    await evaluateInContext(fakeContext(b), {}, ALL);
    expect(diffSnapshots(before, b.sheet("Xã").snapshot())).toEqual([]);
    expect([...b.notes.entries()]).toEqual(notes);
    expect(b.sheets.map((s) => s.name)).toEqual(["Xã", "Thôn", STATE_SHEET, SUMMARY_SHEET, CHECKLIST_SHEET]);
  });

  test("evaluating again a minute later: the checklist's printed header says the new time", async () => {
    const b = book(2);
    await evaluateInContext(fakeContext(b), { evaluatedAt: new Date(2026, 10, 28, 9, 0) }, ALL);
    expect(b.sheet(CHECKLIST_SHEET).rightHeader).toContain("28/11/2026 09:00");
    await evaluateInContext(fakeContext(b), { evaluatedAt: new Date(2026, 10, 28, 9, 1) }, ALL);
    expect(b.sheet(CHECKLIST_SHEET).rightHeader).toContain("28/11/2026 09:01");
    expect(b.sheet(CHECKLIST_SHEET).rightHeader).not.toContain("09:00");
  });

  test("without notes (before ExcelApi 1.18) the explanation column carries the text and the skip is said", async () => {
    const b = book(2, (i) => (i === 0 ? { sw_qlvb: "Không" } : {}));
    const out = await evaluateInContext(fakeContext(b), {}, MIN);
    expect(b.notes.size).toBe(0);
    expect(out.skipped).toEqual(expect.arrayContaining(["notes", "dataValidation", "pageLayout"]));
    expect(b.sheet("Xã").get(`${colLetter(KEYS.length + 12)}4`)).toMatch(
      /^8\.4 NTM, điểm b – Hệ thống quản lý văn bản và điều hành: xã chưa sử dụng/,
    );
    expect(b.sheet("Xã").peek(3, col("sw_qlvb"))?.fill).toBe("#FFC7CE");
  });

  test("a user's own note is never replaced", async () => {
    const b = book(1, () => ({ sw_qlvb: "Không" }));
    b.notes.set(`Xã|3|${col("sw_qlvb")}`, "ghi chú của xã");
    await evaluateInContext(fakeContext(b), {}, ALL);
    expect(b.notes.get(`Xã|3|${col("sw_qlvb")}`)).toBe("ghi chú của xã");
    await clearInContext(fakeContext(b), { removeChecklist: true }, ALL);
    expect(b.notes.get(`Xã|3|${col("sw_qlvb")}`)).toBe("ghi chú của xã");
  });

  test("a protected sheet stops the evaluation before any write", async () => {
    const b = book(3, () => ({ sw_email: "Không" }));
    b.sheet("Thôn").protected = true;
    const before = b.sheets.map((s) => JSON.stringify(s.snapshot()));
    const out = await evaluateInContext(fakeContext(b), {}, ALL);
    expect(out.refused).toEqual({ reason: "sheetProtected", sheet: "Thôn" });
    expect(b.sheets.map((s) => JSON.stringify(s.snapshot()))).toEqual(before);
    expect(b.sheets.map((s) => s.name)).toEqual(["Xã", "Thôn"]);
    expect(b.notes.size).toBe(0);
  });

  test("a protected workbook structure stops it too", async () => {
    const b = book(1);
    b.protected = true;
    const out = await evaluateInContext(fakeContext(b), {}, ALL);
    expect(out.refused).toEqual({ reason: "workbookProtected" });
    expect(b.sheets).toHaveLength(2);
  });

  test("a plan larger than 4 MB is split into requests under 4 MB", async () => {
    const b = book(400, () => ({ sw_qlvb: "Không", sw_email: "Không", sw_mot_cua: "Không", wifi_ubnd: "Không" }));
    const ctx = fakeContext(b);
    const snap = await readSnapshot(ctx, ALL);
    const run = runEvaluation(snap.grids, {});
    // Long explanations make the plan heavy: every write carries 12 KB.
    const long = "x".repeat(12_000);
    run.plan!.writes = run.plan!.writes.map((w) =>
      typeof w.value === "string" && w.value.startsWith("8.") ? { ...w, value: `${w.value} ${long}` } : w,
    );
    const size = run.plan!.writes.reduce((n, w) => n + String(w.value ?? "").length, 0);
    expect(size).toBeGreaterThan(MAX_REQUEST_BYTES);
    b.requests = [];
    const res = await applyPlan(ctx, run.plan!, snap, ALL);
    expect(res.requests).toBeGreaterThan(2);
    expect(Math.max(...b.requests)).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
    expect(b.sheet("Xã").get(`${colLetter(KEYS.length + 12)}4`)).toMatch(/x{12000}$/);
  });
});

describe("Clear results", () => {
  test("after Evaluate, every cell's value and format is as before", async () => {
    const b = book(4, (i) => (i === 2 ? { officials_with_computer: 3, website_posts_year: null } : {}));
    const xa = b.sheet("Xã");
    xa.cell(5, col("officials_with_computer")).fill = "#FFFF00";
    xa.cell(5, col("officials_with_computer")).font = "#0000FF";
    const before = b.sheets.map((s) => s.snapshot());
    const ev = await evaluateInContext(fakeContext(b), {}, ALL);
    expect(ev.run?.plan?.marks.length).toBeGreaterThan(0);
    expect(xa.peek(5, col("officials_with_computer"))?.fill).toBe("#FFC7CE");
    await clearInContext(fakeContext(b), { removeChecklist: false }, ALL);
    expect(diffSnapshots(before[0], b.sheet("Xã").snapshot())).toEqual([]);
    expect(diffSnapshots(before[1], b.sheet("Thôn").snapshot())).toEqual([]);
    expect(b.notes.size).toBe(0);
    expect(b.sheets.map((s) => s.name)).toEqual(["Xã", "Thôn", STATE_SHEET, CHECKLIST_SHEET]);
    await clearInContext(fakeContext(b), { removeChecklist: true }, ALL);
    expect(b.sheets.map((s) => s.name)).toEqual(["Xã", "Thôn", STATE_SHEET]);
  });
});

describe("template", () => {
  test("adds the three input sheets beside the user's, without touching TC8's state", async () => {
    const b = book(1);
    const out = await templateInContext(fakeContext(b), ALL);
    expect(out.sheets).toEqual(["Danh sách xã", "Thôn, bản", "Điểm phục vụ bưu chính", "Hướng dẫn nhập liệu"]);
    expect(b.sheet("Danh sách xã").get("A1")).toBe("Tên xã");
    expect(b.sheet("Danh sách xã").frozenRows).toBe(1);
    expect(b.sheets.some((s) => s.name === STATE_SHEET)).toBe(false);
    const again = await templateInContext(fakeContext(b), ALL);
    expect(again.sheets[0]).toBe("Danh sách xã (2)");
  });
});
