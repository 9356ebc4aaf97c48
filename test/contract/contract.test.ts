/**
 * One contract for both hosts (issue 9): the same scenarios, edits made between evaluations as a
 * user makes them, run against the .xlsx host (LibreOffice edits the file) and the Office.js host
 * (Excel's own client and the simulated Excel). What the user made is never lost or changed; TC8
 * finds what it wrote wherever the edits moved it; Clear results gives back the workbook the user
 * would have without TC8.
 */
import { COMMUNE_FIELDS } from "../helpers/fields";
import { colLetter, parseRange } from "../../src/core/shared/grid";
import { describeWith, SOFFICE } from "../helpers/tools";
import type { Edit } from "../helpers/edits";
import {
  at,
  type BookSpec,
  colOf,
  COMMUNE_NAMES,
  COMMUNES,
  district,
  FIRST_ROW,
  HEADER_FILL,
  HEADER_ROW,
  USER_COL,
  USER_HEADER,
  USER_NOTE,
} from "./book";
import { type BookView, cellsWith, type HostUnderTest, officeHost, sheetCells, xlsxHost } from "./hosts";

jest.setTimeout(180_000);

const USER_SHEETS = [COMMUNES, "Thôn bản", "Điểm BĐVHX"];
const FAIL_FILL = "FFC7CE";
const SUMMARY = "Tổng hợp TC8";
const CHECKLIST = "Minh chứng TC8";
const STATE = "TC8_STATE";
const SUMMARY_TITLE = "TỔNG HỢP ĐÁNH GIÁ TIÊU CHÍ SỐ 8 – THÔNG TIN VÀ TRUYỀN THÔNG";
/** Entries per commune in the checklist (both levels' documents). */
const DOCS = 23;

/** Sheets holding TC8's summary (by its title) and TC8's checklist (by its table). */
const summaries = (v: BookView) =>
  Object.entries(v.cells)
    .filter(([, cells]) => cells.A1?.v === SUMMARY_TITLE)
    .map(([s]) => s);
const checklists = (v: BookView) => v.tables.filter((t) => t.name === "TC8_MinhChung").map((t) => t.sheet);
/** The checklist row (1-based) of an entry. */
function entryRow(
  v: BookView,
  sheet: string,
  commune: string,
  level: string,
  indicator: string,
  no: number,
): number | undefined {
  const cells = sheetCells(v, sheet);
  for (const [addr, c] of Object.entries(cells)) {
    if (!addr.startsWith("A") || c.v !== commune) continue;
    const r = addr.slice(1);
    if (
      cells[`B${r}`]?.v === level &&
      String(cells[`C${r}`]?.v) === indicator &&
      String(cells[`D${r}`]?.v) === String(no)
    )
      return Number(r);
  }
  return undefined;
}
/** A commune row typed into the communes table, every value passing (the spec's values). */
function typedCommune(spec: BookSpec, i: number, name: string): Edit[] {
  const xa = spec.sheets[0];
  return COMMUNE_FIELDS.filter((f) => colOf(f.key) >= 0).flatMap((f) => {
    const v = f.key === "commune" ? name : xa.cells[at(0, f.key)];
    return typeof v === "string" || typeof v === "number"
      ? [{ op: "set" as const, sheet: COMMUNES, cell: at(i, f.key), value: v }]
      : [];
  });
}

/** An address moved by rows and columns inserted above and left of it. */
const moved = (addr: string, rows: number, cols: number) => {
  const r = parseRange(addr);
  return `${colLetter(r.c0 + cols)}${r.r0 + rows + 1}`;
};

/** The user's sheets of a view: what Clear results must give back. */
const userPart = (v: BookView, sheets = USER_SHEETS) => Object.fromEntries(sheets.map((s) => [s, sheetCells(v, s)]));

export function contract(makeHost: () => HostUnderTest): void {
  let host: HostUnderTest;
  beforeAll(() => {
    host = makeHost();
  });
  afterAll(() => host.close());

  /**
   * The workbook evaluated, edited, evaluated again; beside it the same edits of the user's sheets
   * on the workbook never evaluated (what Clear results must give back).
   */
  async function editedBetween(edits: Edit[], spec = district(), userEdits = edits) {
    const book = await host.open(spec);
    const reference = await host.open(spec);
    await book.evaluate();
    await book.edit(...edits);
    if (userEdits.length) await reference.edit(...userEdits);
    const outcome = await book.evaluate();
    return { book, reference, outcome, view: await book.view() };
  }

  /** TC8's columns, summary and checklist appear once. */
  function once(v: BookView, communesSheet = COMMUNES) {
    expect(cellsWith(v, "TC8 NTM").map((a) => a.split("!")[0])).toEqual([communesSheet]);
    expect(cellsWith(v, "Giải thích TC8")).toHaveLength(1);
    expect(summaries(v)).toHaveLength(1);
    expect(checklists(v)).toHaveLength(1);
    expect(v.sheets.filter((s) => s.visibility === "veryHidden")).toHaveLength(1);
  }

  test("a column inserted at A and two rows at the top: TC8's columns, marks and notes are found where they moved; the user's last column and fills stay; Clear results gives the workbook back", async () => {
    const { book, reference, outcome, view } = await editedBetween([
      { op: "insertCols", sheet: COMMUNES, at: 0, count: 1 },
      { op: "insertRows", sheet: COMMUNES, at: 0, count: 2 },
    ]);
    const m = (a: string) => moved(a, 2, 1);
    const xa = sheetCells(view, COMMUNES);
    const header = `${colLetter(USER_COL)}${HEADER_ROW + 1}`;
    expect(xa[m(header)]).toMatchObject({ v: USER_HEADER, note: "Cột của xã, không phải của TC8" });
    expect(xa[m(at(0, "user"))]).toMatchObject({ v: "Ghi chú Xã Tân Thành" });
    expect(xa[m(at(3, "user"))]).toMatchObject({ v: "Ghi chú Xã Hoa Thám" });
    // TC8's columns once, right of the user's last column.
    expect(cellsWith(view, "TC8 NTM")).toEqual([`${COMMUNES}!${colLetter(USER_COL + 1 + 1 + 4)}${HEADER_ROW + 3}`]);
    // The headers keep the user's fill; the marked cell shows TC8's red and keeps the user's note.
    expect(xa[m(at(0, "commune").replace(/\d+$/, String(HEADER_ROW + 1)))]).toMatchObject({ fill: HEADER_FILL });
    expect(xa[m(at(1, "officials_with_computer"))]).toMatchObject({ v: 4, fill: FAIL_FILL, note: USER_NOTE });
    expect(xa[m(at(0, "commune"))]).toMatchObject({ note: "Xã mới sáp nhập" });
    expect(outcome.problems.filter((p) => /không ghi đè/.test(p))).toEqual([]);
    await book.clear();
    expect(userPart(await book.view())).toEqual(userPart(await reference.view()));
  });

  test("rows and columns deleted (a commune's row, a column left of TC8's), an empty row inserted in the table: TC8's columns and marks follow; Clear results gives the workbook back", async () => {
    const code = colOf("code");
    const { book, reference, outcome, view } = await editedBetween([
      { op: "deleteRows", sheet: COMMUNES, at: FIRST_ROW + 3, count: 1 },
      { op: "deleteCols", sheet: COMMUNES, at: code, count: 1 },
      { op: "insertRows", sheet: COMMUNES, at: FIRST_ROW + 1, count: 1 },
    ]);
    once(view);
    const xa = sheetCells(view, COMMUNES);
    // Commune 2 is a row lower and a column left: still marked, still failing.
    expect(xa[moved(at(1, "officials_with_computer"), 1, -1)]).toMatchObject({
      v: 4,
      fill: FAIL_FILL,
      note: USER_NOTE,
    });
    const ntm = cellsWith(view, "TC8 NTM")[0].split("!")[1].replace(/\d+$/, "");
    expect(xa[`${ntm}${FIRST_ROW + 2 + 1}`]).toMatchObject({ v: "Không đạt" });
    // The empty row has nothing of TC8's; the deleted commune's row took its cells with it.
    expect(
      Object.keys(xa).filter(
        (a) => a.endsWith(`${FIRST_ROW + 2}`) && /^[A-Z]+\d+$/.test(a) && parseRange(a).r0 === FIRST_ROW + 1,
      ),
    ).toEqual([]);
    expect(cellsWith(view, "Xã Hoa Thám").filter((a) => a.startsWith(COMMUNES))).toEqual([]);
    expect(outcome.problems.filter((p) => /không ghi đè/.test(p))).toEqual([]);
    await book.clear();
    expect(userPart(await book.view())).toEqual(userPart(await reference.view()));
  });

  test("sheets renamed and moved, TC8's own included, and a user's sheet named like TC8's added: TC8 finds its sheets by their anchors and writes no second one", async () => {
    const userEdits: Edit[] = [
      { op: "renameSheet", sheet: COMMUNES, to: "Danh sách xã" },
      { op: "moveSheet", sheet: "Thôn bản", to: 0 },
    ];
    const { book, reference, view } = await editedBetween(
      [
        ...userEdits,
        { op: "renameSheet", sheet: CHECKLIST, to: "Minh chứng 2025" },
        { op: "renameSheet", sheet: SUMMARY, to: "Báo cáo TC8" },
        { op: "moveSheet", sheet: "Báo cáo TC8", to: 1 },
        { op: "set", sheet: "Minh chứng 2025", cell: "G2", value: "Đã có" },
        { op: "addSheet", sheet: "MINH CHỨNG TC8" },
        { op: "set", sheet: "MINH CHỨNG TC8", cell: "A1", value: "Danh mục của xã" },
      ],
      district(),
      userEdits,
    );
    once(view, "Danh sách xã");
    expect(checklists(view)).toEqual(["Minh chứng 2025"]);
    expect(summaries(view)).toEqual(["Báo cáo TC8"]);
    expect(view.sheets.map((s) => s.name)).not.toContain(CHECKLIST);
    expect(view.sheets.map((s) => s.name)).not.toContain(SUMMARY);
    expect(sheetCells(view, "MINH CHỨNG TC8")).toEqual({ A1: { v: "Danh mục của xã" } });
    // The status typed in the renamed checklist counts.
    expect(sheetCells(view, "Minh chứng 2025").G2).toMatchObject({ v: "Đã có" });
    expect(
      cellsWith(view, "Đã có 1/12 tài liệu NTM; 0/11 tài liệu NTM nâng cao").filter((a) =>
        a.startsWith("Danh sách xã!"),
      ),
    ).toHaveLength(1);
    expect(sheetCells(view, "Danh sách xã")[at(1, "officials_with_computer")]).toMatchObject({
      fill: FAIL_FILL,
      note: USER_NOTE,
    });
    await book.clear(false);
    const after = await book.view();
    expect(checklists(after)).toEqual(["Minh chứng 2025"]);
    expect(sheetCells(after, "Minh chứng 2025").G2).toMatchObject({ v: "Đã có" });
    expect(summaries(after)).toEqual([]);
    expect(userPart(after, ["Danh sách xã", "Thôn bản", "Điểm BĐVHX"])).toEqual(
      userPart(await reference.view(), ["Danh sách xã", "Thôn bản", "Điểm BĐVHX"]),
    );
  });

  test("notes: the user's note on a cell TC8 marks stays and TC8 adds none; a note of TC8's the user edited is theirs; Clear results removes only TC8's", async () => {
    const email = at(1, "sw_email");
    const qlvb = at(0, "sw_qlvb");
    const book = await host.open(district());
    await book.evaluate();
    expect(sheetCells(await book.view(), COMMUNES)[email].note).toMatch(/^8\.4 NTM, điểm b/);
    await book.edit(
      { op: "note", sheet: COMMUNES, cell: email, text: "Xã đã đăng ký thư công vụ ngày 2/12" },
      { op: "set", sheet: COMMUNES, cell: qlvb, value: "Không" },
      { op: "note", sheet: COMMUNES, cell: qlvb, text: "Đang chờ cấp tài khoản" },
    );
    await book.evaluate();
    const xa = sheetCells(await book.view(), COMMUNES);
    expect(xa[email]).toMatchObject({ note: "Xã đã đăng ký thư công vụ ngày 2/12", fill: FAIL_FILL });
    expect(xa[qlvb]).toMatchObject({ v: "Không", note: "Đang chờ cấp tài khoản", fill: FAIL_FILL });
    expect(xa[at(1, "officials_with_computer")]).toMatchObject({ note: USER_NOTE });
    await book.clear();
    const back = sheetCells(await book.view(), COMMUNES);
    expect(back[email]).toEqual({ v: "Không", note: "Xã đã đăng ký thư công vụ ngày 2/12" });
    expect(back[qlvb]).toEqual({ v: "Không", note: "Đang chờ cấp tài khoản" });
    expect(back[at(1, "officials_with_computer")]).toEqual({ v: 4, fill: "FFFF00", note: USER_NOTE });
    expect(Object.values(back).filter((c) => /^8\.\d/.test(c.note ?? ""))).toEqual([]);
  });

  test("notes the user put on cells of TC8's columns — a verdict, an empty explanation — stay through evaluating again and Clear results", async () => {
    const book = await host.open(district());
    await book.evaluate();
    let v = await book.view();
    const letters = (h: string) => cellsWith(v, h)[0].split("!")[1].replace(/\d+$/, "");
    const verdict = `${letters("TC8 NTM")}${FIRST_ROW + 1}`;
    const explanation = Object.entries(sheetCells(v, COMMUNES)).find(
      ([a, c]) => a.replace(/\d+$/, "") === letters("Giải thích TC8") && !/\D1?$/.test(a) && c.v === undefined,
    );
    const empty = explanation ? explanation[0] : `${letters("Giải thích TC8")}${FIRST_ROW + 1}`;
    await book.edit(
      { op: "note", sheet: COMMUNES, cell: verdict, text: "Đoàn thẩm định đã xem" },
      { op: "note", sheet: COMMUNES, cell: empty, text: "Hỏi lại phòng VH-TT" },
    );
    await book.evaluate();
    v = await book.view();
    expect(sheetCells(v, COMMUNES)[verdict]?.note).toBe("Đoàn thẩm định đã xem");
    expect(sheetCells(v, COMMUNES)[empty]?.note).toBe("Hỏi lại phòng VH-TT");
    await book.clear();
    v = await book.view();
    expect(sheetCells(v, COMMUNES)[verdict]?.note).toBe("Đoàn thẩm định đã xem");
    expect(sheetCells(v, COMMUNES)[empty]?.note).toBe("Hỏi lại phòng VH-TT");
  });

  test("row heights the user gave — the header row, a commune's row where TC8 writes no long text — stay through evaluating again and Clear results", async () => {
    const book = await host.open(district());
    await book.evaluate();
    let v = await book.view();
    // A commune's row whose explanation is empty: TC8 needs no height there.
    const letters = cellsWith(v, "Giải thích TC8")[0].split("!")[1].replace(/\d+$/, "");
    const cells = sheetCells(v, COMMUNES);
    const row = [1, 2, 3, 4, 5].map((i) => FIRST_ROW + i).find((r) => cells[`${letters}${r + 1}`]?.v === undefined)!;
    expect(row).toBeDefined();
    await book.edit(
      { op: "rowHeight", sheet: COMMUNES, row: HEADER_ROW, height: 42 },
      { op: "rowHeight", sheet: COMMUNES, row, height: 33 },
    );
    const mine = (x: typeof v) => [x.heights[COMMUNES][HEADER_ROW], x.heights[COMMUNES][row]];
    expect(mine(await book.view())).toEqual([42, 33]);
    await book.evaluate();
    v = await book.view();
    expect(mine(v)).toEqual([42, 33]);
    await book.clear();
    expect(mine(await book.view())).toEqual([42, 33]);
  });

  test("formulas: one right of the table whose value is empty is never written over; an input formula with no value says it was not calculated; a formula typed in TC8's column stays", async () => {
    const spec = district();
    const right = `${colLetter(USER_COL + 1)}${FIRST_ROW + 1}`;
    spec.sheets[0].cells[right] = { formula: '=IF(1>2,"x","")', result: "" };
    spec.sheets[0].cells[at(3, "officials")] = { formula: "=10+10" };
    const book = await host.open(spec);
    const first = await book.evaluate();
    let v = await book.view();
    expect(sheetCells(v, COMMUNES)[right]).toMatchObject({ f: '=IF(1>2,"x","")' });
    expect(cellsWith(v, "TC8 NTM")[0]).not.toContain(`!${colLetter(USER_COL + 1)}`);
    expect(first.problems.filter((p) => p.includes(at(3, "officials")) && /chưa được tính/.test(p))).not.toEqual([]);
    const explanation = cellsWith(v, "Giải thích TC8")[0].split("!")[1].replace(/\d+$/, "");
    const mine = `${explanation}${FIRST_ROW + 1}`;
    await book.edit({ op: "formula", sheet: COMMUNES, cell: mine, formula: "=TODAY()" });
    const second = await book.evaluate();
    v = await book.view();
    expect(sheetCells(v, COMMUNES)[mine]).toMatchObject({ f: "=TODAY()" });
    expect(
      second.problems.filter((p) => p.startsWith(`'${COMMUNES}'!${mine}:`) && /không ghi đè/.test(p)),
    ).toHaveLength(1);
    await book.clear();
    v = await book.view();
    expect(sheetCells(v, COMMUNES)[mine]).toMatchObject({ f: "=TODAY()" });
    expect(sheetCells(v, COMMUNES)[right]).toMatchObject({ f: '=IF(1>2,"x","")' });
  });

  test("a verdict the user corrected by hand, to a word TC8 writes for other communes, is theirs: evaluating again says so and leaves it, Clear results leaves it", async () => {
    const book = await host.open(district());
    await book.evaluate();
    let v = await book.view();
    const [sheet, header] = cellsWith(v, "TC8 NTM")[0].split("!");
    const colLetters = header.replace(/\d+$/, "");
    const column = Object.entries(sheetCells(v, COMMUNES)).filter(
      ([a]) => a.replace(/\d+$/, "") === colLetters && a !== header,
    );
    expect(column.some(([, c]) => c.v === "Đạt")).toBe(true);
    const failing = column.find(([, c]) => c.v === "Không đạt")![0];
    expect(sheet).toBe(COMMUNES);
    await book.edit({ op: "set", sheet: COMMUNES, cell: failing, value: "Đạt" });
    const second = await book.evaluate();
    v = await book.view();
    expect(sheetCells(v, COMMUNES)[failing].v).toBe("Đạt");
    expect(
      second.problems.filter((p) => p.startsWith(`'${COMMUNES}'!${failing}:`) && /không ghi đè/.test(p)),
    ).toHaveLength(1);
    await book.clear();
    v = await book.view();
    expect(sheetCells(v, COMMUNES)[failing].v).toBe("Đạt");
  });

  test("a word TC8 writes, typed by the user under the communes table in one of TC8's columns, is theirs: evaluating again and Clear results leave it", async () => {
    const book = await host.open(district());
    await book.evaluate();
    let v = await book.view();
    const [, header] = cellsWith(v, "8.4 NTM")
      .find((a) => a.startsWith(`${COMMUNES}!`))!
      .split("!");
    const letters = header.replace(/\d+$/, "");
    const rows = Object.keys(sheetCells(v, COMMUNES))
      .filter((a) => a.replace(/\d+$/, "") === "A")
      .map((a) => Number(a.slice(1)));
    // Two rows under the last commune: a row of the sheet, not of the table.
    const below = `${letters}${Math.max(...rows) + 2}`;
    await book.edit({ op: "set", sheet: COMMUNES, cell: below, value: "Không đạt" });
    await book.evaluate();
    v = await book.view();
    expect(sheetCells(v, COMMUNES)[below]?.v).toBe("Không đạt");
    await book.clear();
    expect(sheetCells(await book.view(), COMMUNES)[below]?.v).toBe("Không đạt");
  });

  test("sheet names compared as Excel compares them: the user's `minh chứng tc8`, `TỔNG HỢP TC8` and `TC8_STATE` are never replaced, hidden or written into; TC8 writes under free names, says so once, and finds its sheets again", async () => {
    const theirs: { name: string; cells: Record<string, string> }[] = [
      { name: "minh chứng tc8", cells: { A1: "Tài liệu kiểm chứng", A2: "Quyết định 12/QĐ-UBND" } },
      { name: "TỔNG HỢP TC8", cells: { A1: "Bảng của phòng Văn hóa" } },
      { name: STATE, cells: { A1: "của tôi" } },
    ];
    const book = await host.open(district({ extra: theirs }));
    const first = await book.evaluate();
    const v = await book.view();
    for (const t of theirs) {
      expect(sheetCells(v, t.name)).toEqual(Object.fromEntries(Object.entries(t.cells).map(([a, x]) => [a, { v: x }])));
      expect(v.sheets.find((s) => s.name === t.name)?.visibility).toBe("visible");
    }
    expect(summaries(v)).toEqual([`${SUMMARY} (2)`]);
    expect(checklists(v)).toEqual([`${CHECKLIST} (2)`]);
    expect(v.sheets.filter((s) => s.visibility === "veryHidden").map((s) => s.name)).toEqual([`${STATE} (2)`]);
    expect(first.problems.filter((p) => /không do TC8 tạo/.test(p))).toHaveLength(3);
    const second = await book.evaluate();
    const again = await book.view();
    expect(again.sheets.map((s) => s.name)).toEqual(v.sheets.map((s) => s.name));
    expect(second.problems.filter((p) => /không do TC8 tạo/.test(p))).toEqual([]);
    await book.clear();
    const cleared = await book.view();
    expect(summaries(cleared)).toEqual([]);
    expect(checklists(cleared)).toEqual([]);
    for (const t of theirs)
      expect(sheetCells(cleared, t.name)).toEqual(
        Object.fromEntries(Object.entries(t.cells).map(([a, x]) => [a, { v: x }])),
      );
  });

  test("the checklist is the user's document: statuses, numbers, a note, fill and bold, a row height, a column width, a link, a =TODAY() formula in an added column, a document's text they reworded and text below the table all survive evaluating again and Clear results", async () => {
    const book = await host.open(district());
    await book.evaluate();
    const last = 1 + 4 * DOCS;
    const edits: Edit[] = [
      { op: "set", sheet: CHECKLIST, cell: "G2", value: "Đã có" },
      { op: "set", sheet: CHECKLIST, cell: "H2", value: "Số 12/QĐ-UBND ngày 5/3/2025" },
      { op: "note", sheet: CHECKLIST, cell: "I3", text: "Đã nộp bản gốc" },
      { op: "fill", sheet: CHECKLIST, cell: "E4", color: "FFFF00" },
      { op: "bold", sheet: CHECKLIST, cell: "E4" },
      { op: "rowHeight", sheet: CHECKLIST, row: 4, height: 40 },
      { op: "colWidth", sheet: CHECKLIST, col: 8, width: 40 },
      { op: "hyperlink", sheet: CHECKLIST, cell: "I6", url: "https://vanban.langson.gov.vn/12", text: "Văn bản 12" },
      { op: "set", sheet: CHECKLIST, cell: "K1", value: "Ngày kiểm tra" },
      { op: "formula", sheet: CHECKLIST, cell: "K2", formula: "=TODAY()" },
      { op: "set", sheet: CHECKLIST, cell: `A${last + 12}`, value: "Hồ sơ lưu tại UBND xã" },
      // The document's wording made precise, and a commune's name retyped: theirs now.
      {
        op: "set",
        sheet: CHECKLIST,
        cell: "E5",
        value: "Quyết định thành lập ban biên tập Đài truyền thanh xã (bản sao có chứng thực)",
      },
    ];
    await book.edit(...edits);
    const before = await book.view();
    await book.evaluate();
    const after = await book.view();
    once(after);
    expect(sheetCells(after, CHECKLIST)).toEqual(sheetCells(before, CHECKLIST));
    expect(after.heights[CHECKLIST]).toEqual(before.heights[CHECKLIST]);
    expect(after.widths[CHECKLIST]).toEqual(before.widths[CHECKLIST]);
    expect(after.merges[CHECKLIST]).toEqual(before.merges[CHECKLIST]);
    expect(sheetCells(after, CHECKLIST).K2).toMatchObject({ f: "=TODAY()" });
    expect(sheetCells(after, CHECKLIST).I6).toMatchObject({ link: "https://vanban.langson.gov.vn/12" });
    expect(
      cellsWith(after, "Đã có 1/12 tài liệu NTM; 0/11 tài liệu NTM nâng cao").filter((a) =>
        a.startsWith(`${COMMUNES}!`),
      ),
    ).toHaveLength(1);
    await book.clear(false);
    const kept = await book.view();
    expect(sheetCells(kept, CHECKLIST)).toEqual(sheetCells(before, CHECKLIST));
  });

  test("the checklist's printed page header gives the time of the last evaluation", async () => {
    const book = await host.open(district());
    await book.evaluate();
    expect((await book.view()).headerRight[CHECKLIST]).toContain("28/11/2026 09:30");
    await book.evaluate({ evaluatedAt: new Date(2026, 11, 5, 14, 0) });
    expect((await book.view()).headerRight[CHECKLIST]).toContain("05/12/2026 14:00");
  });

  test("a new commune: its rows go under the checklist's table, which grows over them; TC8's signature block moves under it; the user's entries and the text beside the table stay", async () => {
    const spec = district();
    const book = await host.open(spec);
    await book.evaluate();
    const last = 1 + 4 * DOCS;
    await book.edit(
      { op: "set", sheet: CHECKLIST, cell: "G2", value: "Đã có" },
      { op: "set", sheet: CHECKLIST, cell: "M5", value: "Ghi chú bên cạnh bảng" },
      ...typedCommune(spec, 4, COMMUNE_NAMES[4]),
    );
    const before = await book.view();
    const outcome = await book.evaluate();
    const v = await book.view();
    once(v);
    const mc = sheetCells(v, CHECKLIST);
    expect(entryRow(v, CHECKLIST, COMMUNE_NAMES[4], "NTM", "8.1", 1)).toBe(last + 1);
    expect(entryRow(v, CHECKLIST, COMMUNE_NAMES[4], "NTM nâng cao", "8.5", 2)).toBe(last + DOCS);
    expect(mc[`G${last + 1}`]).toMatchObject({ v: "Chưa có" });
    expect(v.tables.find((t) => t.name === "TC8_MinhChung")?.range).toBe(`A1:I${last + DOCS}`);
    expect(mc.G2).toMatchObject({ v: "Đã có" });
    expect(mc.M5).toEqual({ v: "Ghi chú bên cạnh bảng" });
    // The signature block under the grown table, and nothing of it left where it was.
    expect(
      Object.entries(mc)
        .filter(([, c]) => c.v === "NGƯỜI LẬP BIỂU")
        .map(([a]) => a),
    ).toEqual([`A${last + DOCS + 3}`]);
    for (let r = last + 1; r <= last + DOCS; r++) expect(mc[`F${r}`]?.v).not.toBe("THỦ TRƯỞNG ĐƠN VỊ");
    // Rows the user had are as they were.
    for (let r = 1; r <= last; r++)
      for (const c of "ABCDEFGHI")
        expect([c, r, mc[`${c}${r}`]]).toEqual([c, r, sheetCells(before, CHECKLIST)[`${c}${r}`]]);
    expect(outcome.problems.filter((p) => /Minh chứng TC8/.test(p))).toEqual([]);
  });

  test("a new commune when the user's text lies right under the checklist: no row is added, the text stays, a warning says how to make room", async () => {
    const spec = district();
    const book = await host.open(spec);
    await book.evaluate();
    const last = 1 + 4 * DOCS;
    await book.edit(
      { op: "set", sheet: CHECKLIST, cell: `B${last + 8}`, value: "Hồ sơ lưu tại UBND xã" },
      ...typedCommune(spec, 4, COMMUNE_NAMES[4]),
    );
    const before = await book.view();
    const outcome = await book.evaluate();
    const v = await book.view();
    expect(sheetCells(v, CHECKLIST)).toEqual(sheetCells(before, CHECKLIST));
    expect(
      outcome.problems.filter((p) => p.startsWith(`'${CHECKLIST}'!B${last + 8}:`) && /chèn 23 dòng trống/.test(p)),
    ).toHaveLength(1);
  });

  test("a commune removed from the data: its checklist rows stay, and a warning says so", async () => {
    const book = await host.open(district());
    await book.evaluate();
    await book.edit({ op: "deleteRows", sheet: COMMUNES, at: FIRST_ROW + 3, count: 1 });
    const before = await book.view();
    const outcome = await book.evaluate();
    const v = await book.view();
    expect(sheetCells(v, CHECKLIST)).toEqual(sheetCells(before, CHECKLIST));
    expect(entryRow(v, CHECKLIST, "Xã Hoa Thám", "NTM", "8.1", 1)).toBeDefined();
    expect(outcome.problems.filter((p) => /Xã Hoa Thám/.test(p) && /giữ nguyên/.test(p))).toHaveLength(1);
  });

  test("a sheet of the user's with TC8's headers (results copied for the record) is theirs: evaluating again and Clear results leave it as it is", async () => {
    const book = await host.open(district());
    await book.evaluate();
    const S = "Tự đánh giá của huyện";
    await book.edit(
      { op: "addSheet", sheet: S },
      { op: "set", sheet: S, cell: "A1", value: "Xã" },
      { op: "set", sheet: S, cell: "B1", value: "TC8 NTM" },
      { op: "set", sheet: S, cell: "A2", value: "Xã Tân Thành" },
      { op: "set", sheet: S, cell: "B2", value: "Đạt" },
      { op: "set", sheet: S, cell: "A3", value: "Xã Hồng Phong" },
      { op: "set", sheet: S, cell: "B3", value: "Không đạt" },
    );
    const before = await book.view();
    await book.evaluate();
    expect(sheetCells(await book.view(), S)).toEqual(sheetCells(before, S));
    await book.clear(false);
    expect(sheetCells(await book.view(), S)).toEqual(sheetCells(before, S));
  });
}

describe("Office.js host (Excel's own client, simulated Excel)", () => contract(() => officeHost()));
describeWith(
  SOFFICE,
  "apt-get install -y --no-install-recommends libreoffice-calc-nogui python3-uno",
  ".xlsx host (edits made by LibreOffice)",
  () => contract(() => xlsxHost()),
);
