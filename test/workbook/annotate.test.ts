/** The annotated workbook (docs/output.md), written and read back as real .xlsx files. */
import ExcelJS from "exceljs";
import { COMMUNE_FIELDS } from "../helpers/fields";
import { colLetter } from "../../src/core/shared/grid";
import { CHECKLIST_SHEET, STATE_SHEET, SUMMARY_SHEET } from "../../src/core/state/own";
import { clearXlsx } from "../../src/hosts/xlsx";
import {
  allValues,
  communesSheet,
  editCell,
  evaluateBytes,
  findCells,
  loadWorkbook,
  noteText,
  under,
  villagesSheet,
  xlsx,
} from "../helpers/xlsx";

const col = (key: string) => colLetter(COMMUNE_FIELDS.findIndex((f) => f.key === key));
const VERDICTS = [
  "8.1 NTM",
  "8.2 NTM",
  "8.3 NTM",
  "8.4 NTM",
  "TC8 NTM",
  "8.1 NC",
  "8.2 NC",
  "8.3 NC",
  "8.4 NC",
  "8.5 NC",
  "TC8 NC",
  "Minh chứng TC8",
  "Giải thích TC8",
];

async function sample() {
  return xlsx([
    communesSheet([
      { commune: "Xã Tân Thành", villages_total: null },
      { commune: "Xã Hồng Phong", officials_with_computer: 9, villages_total: null },
      { commune: "Xã Mai Pha", website_posts_year: null, villages_total: null },
    ]),
    villagesSheet([
      { commune: "Xã Tân Thành", village: "Thôn Nà Lầu" },
      { commune: "Xã Tân Thành", village: "Bản Cạp", internet_mobile: "Không" },
      { commune: "Xã Hồng Phong", village: "Thôn 1" },
      { commune: "Xã Mai Pha", village: "Thôn 1" },
    ]),
  ]);
}

async function bytesOf(wb: ExcelJS.Workbook) {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("verdict columns", () => {
  test("appended to the communes table with the exact headers, values and Excel's own fills", async () => {
    const { wb } = await evaluateBytes(await sample());
    const ws = wb!.getWorksheet("Xã")!;
    const first = COMMUNE_FIELDS.length + 1;
    expect(VERDICTS.map((_, i) => ws.getCell(1, first + i).value)).toEqual(VERDICTS);
    expect(under(wb!, "Xã", "TC8 NTM", "Xã Tân Thành")).toBe("Không đạt");
    expect(under(wb!, "Xã", "8.2 NTM", "Xã Tân Thành")).toBe("Không đạt");
    expect(under(wb!, "Xã", "TC8 NTM", "Xã Mai Pha")).toBe("Thiếu dữ liệu");
    expect(under(wb!, "Xã", "8.1 NTM", "Xã Hồng Phong")).toBe("Đạt");
    expect(under(wb!, "Xã", "Minh chứng TC8", "Xã Hồng Phong")).toBe(
      "Đã có 0/12 tài liệu NTM; 0/11 tài liệu NTM nâng cao",
    );
    expect(under(wb!, "Xã", "Giải thích TC8", "Xã Hồng Phong")).toBe(
      "8.4 NTM, điểm a – Máy vi tính/cán bộ, công chức: 9/20 CBCC có máy vi tính = 45%, chưa đạt yêu cầu tối thiểu 50%",
    );
    const fill = (header: string, row: number) =>
      (ws.getCell(row, first + VERDICTS.indexOf(header)).fill as ExcelJS.FillPattern).fgColor?.argb;
    expect(fill("8.1 NTM", 3)).toBe("FFC6EFCE");
    expect(fill("TC8 NTM", 3)).toBe("FFFFC7CE");
    expect(fill("TC8 NTM", 4)).toBe("FFFFEB9C");
  });

  test("English UI writes English verdicts under the same headers", async () => {
    const { wb } = await evaluateBytes(await sample(), { lang: "en" });
    expect(under(wb!, "Xã", "TC8 NTM", "Xã Tân Thành")).toBe("Fail");
    expect(under(wb!, "Xã", "TC8 NTM", "Xã Mai Pha")).toBe("Missing data");
    expect(under(wb!, "Xã", "Giải thích TC8", "Xã Hồng Phong")).toBe(
      "8.4 NTM, point a – Computers per official: 9/20 officials with a computer = 45%, short of the requirement (at least 50%)",
    );
    expect(under(wb!, "Xã", "Minh chứng TC8", "Xã Hồng Phong")).toBe(
      "Has 0/12 NTM documents; 0/11 Advanced NTM documents",
    );
  });

  test("one level evaluated: only its columns", async () => {
    const { wb } = await evaluateBytes(await sample(), { levels: ["ntm"] });
    expect(findCells(wb!, "TC8 NTM")).toHaveLength(1);
    expect(findCells(wb!, "TC8 NC")).toHaveLength(0);
    expect(findCells(wb!, "8.5 NC")).toHaveLength(0);
  });

  test("inside an Excel table, so its filters work, and the file opens again", async () => {
    const s = communesSheet([{ commune: "Xã A" }, { commune: "Xã B", sw_qlvb: "Không" }]);
    const { output } = await evaluateBytes(await xlsx([{ ...s, table: "BangXa" }]));
    const wb = await loadWorkbook(output!);
    const t = (
      wb.getWorksheet("Xã")! as unknown as {
        tables: Record<string, { table: { tableRef: string; columns: { name: string }[] } }>;
      }
    ).tables.BangXa.table;
    const last = colLetter(COMMUNE_FIELDS.length + VERDICTS.length - 1);
    expect(t.tableRef).toBe(`A1:${last}3`);
    expect(t.columns.map((c) => c.name).slice(-VERDICTS.length)).toEqual(VERDICTS);
    // Evaluated again: the same table, the same columns.
    const again = await evaluateBytes(output!);
    const t2 = (again.wb!.getWorksheet("Xã")! as unknown as { tables: Record<string, { table: { tableRef: string } }> })
      .tables.BangXa.table;
    expect(t2.tableRef).toBe(`A1:${last}3`);
    expect(findCells(again.wb!, "TC8 NTM")).toHaveLength(1);
  });
});

describe("never over the user's cells", () => {
  test("data right of an Excel table: TC8's columns go beyond it, with a warning, and the data stays", async () => {
    const s = communesSheet([{ commune: "Xã A" }, { commune: "Xã B", sw_qlvb: "Không" }]);
    const wbIn = await loadWorkbook(await xlsx([{ ...s, table: "BangXa" }]));
    const right = colLetter(COMMUNE_FIELDS.length + 1);
    wbIn.getWorksheet("Xã")!.getCell(`${right}1`).value = "Ghi chú riêng của xã";
    wbIn.getWorksheet("Xã")!.getCell(`${right}3`).value = "đã báo cáo huyện";
    const { wb, run } = await evaluateBytes(await bytesOf(wbIn));
    const ws = wb!.getWorksheet("Xã")!;
    expect(ws.getCell(`${right}1`).value).toBe("Ghi chú riêng của xã");
    expect(ws.getCell(`${right}3`).value).toBe("đã báo cáo huyện");
    // One empty column apart from the user's last column.
    expect(findCells(wb!, "TC8 NTM")).toEqual([
      { sheet: "Xã", address: `${colLetter(COMMUNE_FIELDS.length + 3 + 4)}1` },
    ]);
    expect(run.evaluation.problems.map((p) => p.msg.key)).toContain("problem.columnsOutsideTable");
  });
});

test("a user's own sheet named Tổng hợp TC8 is not replaced", async () => {
  const data = await xlsx([
    communesSheet([{ commune: "Xã A" }]),
    { name: SUMMARY_SHEET, rows: [["Báo cáo của huyện"], ["số liệu riêng", 42]] },
  ]);
  const { wb, run } = await evaluateBytes(data);
  expect(wb!.getWorksheet(SUMMARY_SHEET)!.getCell("B2").value).toBe(42);
  expect(run.evaluation.problems.map((p) => p.msg.key)).toContain("problem.sheetTaken");
  expect(wb!.getWorksheet(CHECKLIST_SHEET)).toBeDefined();
  // Nor deleted by Clear results.
  const cleared = await loadWorkbook(await clearXlsx(await bytesOf(wb!), { removeChecklist: true }));
  expect(cleared.getWorksheet(SUMMARY_SHEET)!.getCell("B2").value).toBe(42);
  expect(cleared.getWorksheet(CHECKLIST_SHEET)).toBeUndefined();
});

describe("marks, notes and the user's formatting", () => {
  test("input cells behind a failing condition are red with the reason as a note; blank needed cells amber", async () => {
    const { wb } = await evaluateBytes(await sample());
    const ws = wb!.getWorksheet("Xã")!;
    const computers = ws.getCell(`${col("officials_with_computer")}3`);
    expect((computers.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    expect(noteText(computers)).toContain(
      "8.4 NTM, điểm a – Máy vi tính/cán bộ, công chức: 9/20 CBCC có máy vi tính = 45%, chưa đạt yêu cầu tối thiểu 50%",
    );
    const posts = ws.getCell(`${col("website_posts_year")}4`);
    expect((posts.fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFEB9C");
    expect(noteText(posts)).toContain("trống");
    // Bản Cạp lacks Internet: its cells are red, and its row says so.
    const thon = wb!.getWorksheet("Thôn")!;
    expect((thon.getCell("F3").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    // Only the services the form tracks are named (it tracks both Internet columns, not "Có dịch vụ Internet").
    expect(under(wb!, "Thôn", "Ghi chú TC8", "Bản Cạp")).toBe(
      "8.2 NTM, điểm a – Dịch vụ truy nhập Internet ở các thôn, bản: chưa có Internet băng rộng cố định, chưa có Internet băng rộng di động",
    );
    expect(under(wb!, "Thôn", "Ghi chú TC8", "Thôn Nà Lầu")).toBe("Không thiếu điều kiện nào");
  });

  test("the user's own fill and note come back on re-evaluation and on Clear results; cells sharing a style are untouched", async () => {
    const s = communesSheet([{ commune: "Xã A", officials_with_computer: 9 }, { commune: "Xã B" }]);
    s.fills = { [`${col("officials_with_computer")}2`]: "FFFF00", [`${col("officials_with_computer")}3`]: "FFFF00" };
    const input = await xlsx([s]);
    const wbIn = await loadWorkbook(input);
    wbIn.getWorksheet("Xã")!.getCell(`${col("officials_with_computer")}2`).note = "ghi chú của người dùng";
    const { output } = await evaluateBytes(await bytesOf(wbIn));
    const marked = (await loadWorkbook(output!)).getWorksheet("Xã")!;
    expect((marked.getCell(`${col("officials_with_computer")}2`).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(
      "FFFFC7CE",
    );
    expect((marked.getCell(`${col("officials_with_computer")}3`).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(
      "FFFFFF00",
    );

    const cleared = await loadWorkbook(await clearXlsx(output!, { removeChecklist: false }));
    const ws = cleared.getWorksheet("Xã")!;
    expect((ws.getCell(`${col("officials_with_computer")}2`).fill as ExcelJS.FillPattern).fgColor?.argb).toBe(
      "FFFFFF00",
    );
    expect(ws.getCell(`${col("officials_with_computer")}2`).note).toBe("ghi chú của người dùng");
    expect(findCells(cleared, "TC8 NTM")).toHaveLength(0);
    expect(cleared.getWorksheet(SUMMARY_SHEET)).toBeUndefined();
    expect(cleared.getWorksheet(CHECKLIST_SHEET)).toBeDefined();
    expect(allValues(cleared, (n) => n === "Xã")).toEqual(allValues(await loadWorkbook(input), (n) => n === "Xã"));
    const styleOf = (w: ExcelJS.Workbook) =>
      JSON.stringify(w.getWorksheet("Xã")!.getCell(`${col("officials_with_computer")}2`).style);
    expect(styleOf(cleared)).toBe(styleOf(await loadWorkbook(await bytesOf(wbIn))));

    const all = await loadWorkbook(await clearXlsx(output!, { removeChecklist: true }));
    expect(all.getWorksheet(CHECKLIST_SHEET)).toBeUndefined();
  });
});

describe("the user's data is sacred", () => {
  test("after evaluation every input cell holds the value it held", async () => {
    const input = await sample();
    const { wb } = await evaluateBytes(input);
    const before = allValues(await loadWorkbook(input));
    const after = allValues(wb!);
    for (const [k, v] of before) expect([k, after.get(k)]).toEqual([k, v]);
  });

  test("a second evaluation of the output changes nothing; a data change changes only what follows from it", async () => {
    const first = await evaluateBytes(await sample());
    const second = await evaluateBytes(first.output!);
    expect(allValues(second.wb!)).toEqual(allValues(first.wb!));
    expect(second.wb!.worksheets.map((w) => w.name)).toEqual(first.wb!.worksheets.map((w) => w.name));

    // Hồng Phong gets its tenth computer (typed into the annotated file, which keeps TC8's notes as TC8's).
    const third = await evaluateBytes(editCell(first.output!, "Xã", `${col("officials_with_computer")}3`, 10));
    const a = allValues(first.wb!);
    const b = allValues(third.wb!);
    const changed = [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k));
    // TC8_STATE records the marks, which changed with the data.
    expect(changed.filter((k) => !k.startsWith("Xã!3:") && !k.startsWith(`${SUMMARY_SHEET}!`))).toEqual([
      `${STATE_SHEET}!1:1`,
    ]);
    expect(under(third.wb!, "Xã", "8.4 NTM", "Xã Hồng Phong")).toBe("Đạt");
    expect(under(third.wb!, "Xã", "Giải thích TC8", "Xã Hồng Phong")).toBe(null);
    // The cell is no longer marked.
    expect(third.wb!.getWorksheet("Xã")!.getCell(`${col("officials_with_computer")}3`).note).toBeUndefined();
  });

  test("three checklist rows marked Đã có with a note survive re-evaluation and raise the evidence count", async () => {
    const first = await evaluateBytes(await sample());
    const ws = first.wb!.getWorksheet(CHECKLIST_SHEET)!;
    const header = (ws.getRow(1).values as ExcelJS.CellValue[]).map(String);
    const at = (h: string) => header.indexOf(h);
    expect(header.slice(1, 10)).toEqual([
      "Xã",
      "Cấp",
      "Chỉ tiêu",
      "STT",
      "Tài liệu kiểm chứng",
      "Đơn vị cung cấp, xác nhận",
      "Tình trạng",
      "Số, ký hiệu, ngày văn bản",
      "Ghi chú",
    ]);
    // One row per commune × level × document, then the signature block (the document column stays empty there).
    const entries = (w: ExcelJS.Worksheet) =>
      (w.getColumn(at("Tài liệu kiểm chứng")).values as ExcelJS.CellValue[]).filter(
        (v) => v !== null && v !== undefined,
      ).length - 1;
    expect(entries(ws)).toBe(3 * 23);
    expect(ws.getCell(1 + 3 * 23 + 3, 1).value).toBe("NGƯỜI LẬP BIỂU");
    for (const r of [2, 3, 15]) {
      ws.getCell(r, at("Tình trạng")).value = "Đã có";
      ws.getCell(r, at("Số, ký hiệu, ngày văn bản")).value = `QĐ ${r}/QĐ-UBND`;
      ws.getCell(r, at("Ghi chú")).value = `đã kiểm tra ${r}`;
    }
    const second = await evaluateBytes(await bytesOf(first.wb!));
    const ws2 = second.wb!.getWorksheet(CHECKLIST_SHEET)!;
    for (const r of [2, 3, 15]) {
      expect(ws2.getCell(r, at("Tình trạng")).value).toBe("Đã có");
      expect(ws2.getCell(r, at("Ghi chú")).value).toBe(`đã kiểm tra ${r}`);
      expect(ws2.getCell(r, at("Số, ký hiệu, ngày văn bản")).value).toBe(`QĐ ${r}/QĐ-UBND`);
    }
    expect(entries(ws2)).toBe(entries(ws));
    expect(ws2.rowCount).toBe(ws.rowCount);
    const tan = second.run.evaluation.communes.find((c) => c.name === "Xã Tân Thành")!;
    // Rows 2 and 3 are NTM documents, row 15 an NC one.
    expect(tan.levels.ntm?.evidence).toEqual({ done: 2, total: 12 });
    expect(tan.levels.nc?.evidence).toEqual({ done: 1, total: 11 });
    expect(under(second.wb!, "Xã", "Minh chứng TC8", "Xã Tân Thành")).toBe(
      "Đã có 2/12 tài liệu NTM; 1/11 tài liệu NTM nâng cao",
    );
    // The status column offers the two choices.
    expect(ws2.getCell(2, at("Tình trạng")).dataValidation).toMatchObject({
      type: "list",
      formulae: ['"Đã có,Chưa có"'],
    });
  });

  test("a checklist status TC8 cannot read is counted as not held, with a warning on its cell; 'Có (bản sao).' counts", async () => {
    const first = await evaluateBytes(await sample());
    const ws = first.wb!.getWorksheet(CHECKLIST_SHEET)!;
    const header = (ws.getRow(1).values as ExcelJS.CellValue[]).map(String);
    const status = header.indexOf("Tình trạng");
    ws.getCell(2, status).value = "Có (bản sao).";
    ws.getCell(3, status).value = "Đã nộp bản photo";
    const second = await evaluateBytes(await bytesOf(first.wb!));
    const tan = second.run.evaluation.communes.find((c) => c.name === "Xã Tân Thành")!;
    expect(tan.levels.ntm?.evidence.done).toBe(1);
    const letter = String.fromCharCode(64 + status);
    const p = second.run.read.problems.filter((x) => x.msg.key === "problem.unclearStatus");
    expect(p.map((x) => x.cell)).toEqual([`'${CHECKLIST_SHEET}'!${letter}3`]);
    // Its cell is marked; Clear results taking the checklist away takes the mark with it.
    expect(second.wb!.getWorksheet(CHECKLIST_SHEET)!.getCell(`${letter}3`).note).toBeDefined();
    const cleared = await loadWorkbook(await clearXlsx(second.output!, { removeChecklist: true }));
    expect(cleared.getWorksheet(CHECKLIST_SHEET)).toBeUndefined();
  });

  test("two communes of one name in two districts: their checklist rows and statuses stay apart", async () => {
    const input = await xlsx([
      communesSheet([
        { commune: "Xã Hồng Phong", district: "Huyện Bình Gia" },
        { commune: "Xã Hồng Phong", district: "Huyện Cao Lộc" },
        { commune: "Xã Tân Văn", district: "Huyện Bình Gia" },
      ]),
    ]);
    const first = await evaluateBytes(input);
    const ws = first.wb!.getWorksheet(CHECKLIST_SHEET)!;
    const header = (ws.getRow(1).values as ExcelJS.CellValue[]).map(String);
    const at = (h: string) => header.indexOf(h);
    const names = new Set<string>();
    ws.eachRow(
      (r, n) => n > 1 && r.getCell(at("Tài liệu kiểm chứng")).value && names.add(String(r.getCell(at("Xã")).value)),
    );
    expect([...names]).toEqual(["Xã Hồng Phong (Huyện Bình Gia)", "Xã Hồng Phong (Huyện Cao Lộc)", "Xã Tân Văn"]);
    // Cao Lộc's first NTM document is there; Bình Gia's is not.
    let row = 0;
    ws.eachRow((r, n) => (row ||= r.getCell(at("Xã")).value === "Xã Hồng Phong (Huyện Cao Lộc)" ? n : 0));
    ws.getCell(row, at("Tình trạng")).value = "Đã có";
    const second = await evaluateBytes(await bytesOf(first.wb!));
    const [binhGia, caoLoc] = second.run.evaluation.communes;
    expect(binhGia.levels.ntm?.evidence.done).toBe(0);
    expect(caoLoc.levels.ntm?.evidence.done).toBe(1);
    expect(second.wb!.getWorksheet(CHECKLIST_SHEET)!.getCell(row, at("Tình trạng")).value).toBe("Đã có");
  });

  test("a commune named =1+1 stays text in every sheet written", async () => {
    const { wb } = await evaluateBytes(
      await xlsx([communesSheet([{ commune: "=1+1" }, { commune: "+84 Xã", district: "-Huyện" }])]),
    );
    const hits = findCells(wb!, "=1+1");
    expect(hits.map((h) => h.sheet).sort()).toEqual(
      [CHECKLIST_SHEET, ...Array(22).fill(CHECKLIST_SHEET), SUMMARY_SHEET, "Xã"].sort(),
    );
    wb!.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeFalsy())));
    expect(findCells(wb!, "+84 Xã").length).toBeGreaterThan(2);
  });

  test("TC8's state is in a very hidden sheet", async () => {
    const { wb } = await evaluateBytes(await sample());
    const st = wb!.getWorksheet(STATE_SHEET)!;
    expect(st.state).toBe("veryHidden");
    const state = JSON.parse(String(st.getCell("A1").value));
    expect(state).toMatchObject({
      version: 1,
      ruleset: "langson-2022",
      levels: ["ntm", "nc"],
      sheets: [SUMMARY_SHEET, CHECKLIST_SHEET],
    });
    expect(state.marks.length).toBeGreaterThan(0);
    expect(state.marks[0].original).toBeDefined();
  });
});

describe("summary sheet", () => {
  test("one row per commune with every verdict, counts per indicator and level, the rule set and the time", async () => {
    const { wb } = await evaluateBytes(await sample());
    const ws = wb!.getWorksheet(SUMMARY_SHEET)!;
    const text = allValues(wb!, (n) => n === SUMMARY_SHEET);
    const values = [...text.values()].map((v) => JSON.parse(v));
    expect(values).toContain("TỔNG HỢP ĐÁNH GIÁ TIÊU CHÍ SỐ 8 – THÔNG TIN VÀ TRUYỀN THÔNG");
    // The rule set by its name and source, not its id.
    expect(values).toContain(
      "Bộ tiêu chí: Tiêu chí số 8 – Thông tin và Truyền thông, xã NTM và xã NTM nâng cao, tỉnh Lạng Sơn, giai đoạn 2021–2025 (Hướng dẫn của Sở Thông tin và Truyền thông Lạng Sơn (tháng 9/2022), Phụ lục I và Phụ lục II)",
    );
    expect(values.some((v) => typeof v === "string" && v.includes("langson-2022"))).toBe(false);
    expect(values).toContain(
      "Kết quả: 3 xã được đánh giá; 0 xã đạt Tiêu chí số 8 (NTM); 0 xã đạt Tiêu chí số 8 (NTM nâng cao)",
    );
    expect(values).toContain("Thời điểm đánh giá: 28/11/2026 09:30");
    expect(values).toContain("Tỉnh Lạng Sơn – Huyện Bình Gia");
    expect(ws.getCell("B9").value).toBe("Xã Tân Thành");
    const countsRow = [...text.entries()].find(([, v]) => JSON.parse(v) === "Tiêu chí số 8 (NTM)")![0];
    expect(values).toContain("Tiêu chí số 8 (NTM nâng cao)");
    expect(values).toContain("8.5 NTM nâng cao");
    expect(values).not.toContain("TC8 NTM (NTM)");
    const r = Number(countsRow.split("!")[1].split(":")[0]);
    expect([3, 4, 5].map((c) => ws.getCell(r, c).value)).toEqual([0, 2, 1]);
  });

  test("an area TC8 cannot read is said in the summary, not left blank; a blank one is the default, said so", async () => {
    const { wb } = await evaluateBytes(
      await xlsx([
        communesSheet([
          { commune: "Xã A", area: "trung du" },
          { commune: "Xã B", area: null },
          { commune: "Xã C", area: "Đồng bằng" },
        ]),
      ]),
    );
    const ws = wb!.getWorksheet(SUMMARY_SHEET)!;
    let header = 0;
    ws.eachRow((row, n) => (header ||= row.getCell(2).value === "Xã" ? n : 0));
    const areaCol = (ws.getRow(header).values as ExcelJS.CellValue[]).indexOf("Khu vực");
    let first = 0;
    ws.eachRow((row, n) => (first ||= row.getCell(2).value === "Xã A" ? n : 0));
    expect([0, 1, 2].map((i) => ws.getCell(first + i, areaCol).value)).toEqual([
      "Không đọc được",
      "Miền núi (mặc định)",
      "Đồng bằng",
    ]);
  });
});
