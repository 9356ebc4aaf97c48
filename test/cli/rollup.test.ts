/**
 * tc8 rollup (docs/cli.md §7): a folder of communes' workbooks of different layouts — a commune's
 * own workbook, a district form, an annotated output with a filled-in checklist, a damaged file, a
 * file with no commune — rolled up into one new workbook and a results JSON.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { evaluateXlsx, templateXlsx } from "../../src/hosts/xlsx";
import { Package } from "../../src/hosts/xlsx/package";
import type { RollupJson } from "../../src/core/rollup";
import { runCli } from "../helpers/cli";
import { communesSheet, editCell, loadWorkbook, xlsx } from "../helpers/xlsx";

const ACCEPTANCE = path.join(__dirname, "../fixtures/acceptance");
let dir: string;
let folder: string;

const hash = (f: string) => crypto.createHash("sha256").update(fs.readFileSync(f)).digest("hex");
const hashes = (d: string) =>
  Object.fromEntries(
    fs
      .readdirSync(d, { recursive: true, withFileTypes: false })
      .map(String)
      .filter((f) => fs.statSync(path.join(d, f)).isFile())
      .map((f) => [f, hash(path.join(d, f))]),
  );

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tc8-rollup-"));
  folder = path.join(dir, "huyen");
  fs.mkdirSync(path.join(folder, "xa"), { recursive: true });
  // A commune's own workbook: one commune, its district named.
  fs.writeFileSync(
    path.join(folder, "xa", "xa-yen-lo.xlsx"),
    await xlsx([communesSheet([{ commune: "Xã Yên Lỗ", district: "Huyện Bình Gia", sw_qlvb: "Không" }])]),
  );
  // A district's form, as a district sends it.
  fs.copyFileSync(path.join(ACCEPTANCE, "public-2-district-form.xlsx"), path.join(folder, "huyen-form.xlsx"));
  // An annotated output whose checklist the commune filled in: three NTM documents held.
  const annotated = (
    await evaluateXlsx(
      await xlsx([
        communesSheet([
          { commune: "Xã Thiện Hòa", district: "Huyện Bình Gia" },
          { commune: "Xã Yên Lỗ", district: "Huyện Bình Gia" },
        ]),
      ]),
    )
  ).output!;
  let filled = annotated;
  for (const row of [2, 3, 4]) filled = editCell(filled, "Minh chứng TC8", `G${row}`, "Đã có");
  fs.writeFileSync(path.join(folder, "da-danh-gia.tc8.xlsx"), filled);
  // A damaged file and a file with no commune (a fresh template).
  fs.writeFileSync(path.join(folder, "hong.xlsx"), annotated.slice(0, 2000));
  fs.writeFileSync(path.join(folder, "mau.xlsx"), (await templateXlsx()).bytes);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("tc8 rollup over a folder of different layouts", () => {
  let r: { code: number; out: string; err: string };
  let json: RollupJson;
  let before: Record<string, string>;
  const out = () => path.join(dir, "tong-hop.xlsx");

  beforeAll(async () => {
    before = hashes(folder);
    r = await runCli(["rollup", folder, "-o", out(), "--json", path.join(dir, "tong-hop.json")]);
    json = JSON.parse(fs.readFileSync(path.join(dir, "tong-hop.json"), "utf8")) as RollupJson;
  });

  test("exits 0, with a progress line per file on standard error and the totals on standard output", () => {
    expect(r.code).toBe(0);
    const lines = r.err.split("\n");
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe("[1/5] da-danh-gia.tc8.xlsx: 2 xã");
    expect(lines.find((l) => l.includes("hong.xlsx"))).toMatch(
      /^\[\d\/5\] hong\.xlsx: Không đọc được: tệp bị hỏng, không giải nén được/,
    );
    expect(lines.find((l) => l.includes("mau.xlsx"))).toMatch(/Không có xã để tổng hợp: .*chưa có xã nào để đánh giá/);
    expect(lines).toContain("[5/5] xa/xa-yen-lo.xlsx: 1 xã");
    expect(r.out).toContain("Đã tổng hợp 8 xã từ 3 tệp; 2 tệp không tổng hợp được (xem sheet Tệp)");
    expect(r.out).toContain("2 dòng là cùng một xã có trong nhiều tệp");
  });

  test("each commune's verdicts equal those of tc8 evaluate on its file", async () => {
    for (const file of ["da-danh-gia.tc8.xlsx", "huyen-form.xlsx", "xa/xa-yen-lo.xlsx"]) {
      const j = path.join(dir, `${path.basename(file)}.json`);
      const e = await runCli([
        "evaluate",
        path.join(folder, file),
        "-o",
        path.join(dir, `e-${path.basename(file)}`),
        "--json",
        j,
      ]);
      expect(e.code).toBe(0);
      const single = JSON.parse(fs.readFileSync(j, "utf8")) as RollupJson;
      const mine = json.communes.filter((c) => c.source === file);
      expect(mine.map((c) => c.name)).toEqual(single.communes.map((c) => c.name));
      // Verdicts, conditions and evidence: the same evaluation (the source and twins aside).
      expect(mine.map(({ source: _s, sameAs: _t, ...c }) => c)).toEqual(single.communes);
    }
  });

  test("evidence held is counted from the checklist the commune filled in", async () => {
    const c = json.communes.find((x) => x.source === "da-danh-gia.tc8.xlsx" && x.name === "Xã Thiện Hòa")!;
    expect((c.levels.ntm as { evidence: { done: number; total: number } }).evidence).toEqual({ done: 3, total: 12 });
    const wb = await loadWorkbook(fs.readFileSync(out()));
    const ws = wb.getWorksheet("Tổng hợp")!;
    const rows: string[] = [];
    ws.eachRow((row) =>
      rows.push((row.values as unknown[]).map((v) => (v === undefined || v === null ? "" : String(v))).join("|")),
    );
    expect(rows.find((x) => x.includes("Xã Thiện Hòa"))).toContain(
      "Đã có 3/12 tài liệu NTM; 0/11 tài liệu NTM nâng cao",
    );
  });

  test("the same commune in two files: both rows kept, each marked with the other", () => {
    const twins = json.communes.filter((c) => c.name === "Xã Yên Lỗ");
    expect(twins.map((c) => c.source)).toEqual(["da-danh-gia.tc8.xlsx", "xa/xa-yen-lo.xlsx"]);
    expect(twins[0].sameAs).toEqual([expect.objectContaining({ source: "xa/xa-yen-lo.xlsx", name: "Xã Yên Lỗ" })]);
    expect(twins[1].sameAs).toEqual([expect.objectContaining({ source: "da-danh-gia.tc8.xlsx" })]);
    // Their verdicts differ (one has no document management software): each row says its own.
    expect(twins.map((c) => (c.levels.ntm as { verdict: string }).verdict)).toEqual(["pass", "fail"]);
  });

  test("the files: every one listed with its outcome, the damaged and empty ones with their reasons", async () => {
    expect(json.files.map((f) => [f.name, f.outcome])).toEqual([
      ["da-danh-gia.tc8.xlsx", "evaluated"],
      ["hong.xlsx", "unreadable"],
      ["huyen-form.xlsx", "evaluated"],
      ["mau.xlsx", "noCommunes"],
      ["xa/xa-yen-lo.xlsx", "evaluated"],
    ]);
    expect(json.files[1].reason).toMatch(/^tệp bị hỏng/);
    expect(json.files[0]).toEqual(
      expect.objectContaining({
        ruleset: "langson-2022",
        communes: 2,
        size: fs.statSync(path.join(folder, "da-danh-gia.tc8.xlsx")).size,
      }),
    );
    const wb = await loadWorkbook(fs.readFileSync(out()));
    const files = wb.getWorksheet("Tệp")!;
    const text: string[] = [];
    files.eachRow((row) =>
      text.push(
        (row.values as unknown[])
          .filter((v) => v !== undefined && v !== null)
          .map(String)
          .join("|"),
      ),
    );
    expect(text.find((x) => x.includes("hong.xlsx"))).toContain("Không đọc được: tệp bị hỏng, không giải nén được");
    expect(text.find((x) => x.includes("mau.xlsx"))).toContain("Không có xã để tổng hợp: Bảng danh sách xã");
    expect(text.find((x) => x.includes("xa/xa-yen-lo.xlsx"))).toContain("Đã tổng hợp: 1 xã");
  });

  test("the workbook: four sheets, grouped by district with count rows, the problems with file and cell", async () => {
    const wb = await loadWorkbook(fs.readFileSync(out()));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Tổng hợp", "Theo chỉ tiêu", "Vấn đề dữ liệu", "Tệp"]);
    const ws = wb.getWorksheet("Tổng hợp")!;
    const col = (c: number) => {
      const v: string[] = [];
      ws.getColumn(c).eachCell((cell) => v.push(String(cell.value ?? "")));
      return v;
    };
    const labels = col(1).filter((v) => v.startsWith("Số xã đạt"));
    expect(labels[labels.length - 1]).toMatch(/^Số xã đạt – Toàn bộ \(8 xã, \d huyện\)$/);
    expect(labels).toContain("Số xã đạt – Huyện Bình Gia (3 xã)");
    const problems = wb.getWorksheet("Vấn đề dữ liệu")!;
    const rows: string[] = [];
    problems.eachRow((row) =>
      rows.push(
        (row.values as unknown[])
          .filter((v) => v !== undefined && v !== null)
          .map(String)
          .join("|"),
      ),
    );
    expect(rows.some((x) => x.includes("Xã Yên Lỗ có trong nhiều tệp"))).toBe(true);
    const indicators = wb.getWorksheet("Theo chỉ tiêu")!;
    expect(String(indicators.getCell("A8").value)).toBe("Chỉ tiêu");
  });

  test("a chart part and the print setup of the annotated workbooks on every sheet", () => {
    const pkg = new Package(fs.readFileSync(out()));
    expect(pkg.names().filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(1);
    const sheets = pkg.names().filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets).toHaveLength(4);
    for (const s of sheets) {
      const xml = pkg.text(s);
      expect(xml).toMatch(/<pageSetup[^>]*paperSize="9"/);
      expect(xml).toMatch(/<pageSetup[^>]*orientation="landscape"/);
      expect(xml).toMatch(/fitToPage="1"/);
      expect(xml).toContain("Trang &amp;P/&amp;N");
    }
    expect(pkg.text("xl/workbook.xml")).toContain("_xlnm.Print_Titles");
  });

  test("inputs are byte-identical afterwards", () => {
    expect(hashes(folder)).toEqual(before);
  });
});

describe("tc8 rollup: outcomes and file safety", () => {
  test("exit 3 and nothing written when no file could be rolled up", async () => {
    const out = path.join(dir, "none.xlsx");
    const r = await runCli(["rollup", path.join(folder, "hong.xlsx"), path.join(folder, "mau.xlsx"), "-o", out]);
    expect(r.code).toBe(3);
    expect(r.err).toContain("Không tổng hợp được tệp nào trong 2 tệp: không ghi gì.");
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("a file that is not there is listed with its reason, the others rolled up", async () => {
    const out = path.join(dir, "missing.json");
    const r = await runCli([
      "rollup",
      path.join(folder, "khong-co.xlsx"),
      path.join(folder, "xa"),
      "-o",
      path.join(dir, "missing.xlsx"),
      "--json",
      out,
      "--lang",
      "en",
    ]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("[1/2] khong-co.xlsx: Cannot read: no such file or folder");
    expect(r.out).toContain("Rolled up 1 commune from 1 file; 1 file not rolled up (see sheet Tệp)");
  });

  test("usage and output errors exit 2 before anything is read", async () => {
    expect((await runCli(["rollup", folder])).err).toContain("tc8 rollup: cần -o <tệp tổng hợp.xlsx>");
    expect((await runCli(["rollup", "-o", path.join(dir, "a.xlsx")])).code).toBe(2);
    expect((await runCli(["rollup", folder, "-o", path.join(dir, "a.xlsm")])).code).toBe(2);
    // --ruleset is resolved as for evaluate: a shipped id or a rule-set file.
    const unknown = await runCli(["rollup", folder, "-o", path.join(dir, "a.xlsx"), "--ruleset", "hanoi-2030"]);
    expect([unknown.code, unknown.err]).toEqual([2, expect.stringContaining('Không có bộ tiêu chí "hanoi-2030"')]);
    const input = path.join(folder, "xa", "xa-yen-lo.xlsx");
    const same = await runCli(["rollup", input, "-o", input, "--force"]);
    expect([same.code, same.err]).toEqual([
      2,
      `${input} là tệp đầu vào (hoặc một liên kết tới nó): TC8 không bao giờ ghi đè tệp gốc. Hãy chọn tên khác.`,
    ]);
    const exists = path.join(dir, "exists.xlsx");
    fs.writeFileSync(exists, "x");
    const r = await runCli(["rollup", folder, "-o", exists]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("TC8 không ghi đè");
    expect(fs.readFileSync(exists, "utf8")).toBe("x");
  });

  test("--ruleset a province's variant file: every file evaluated with it, as evaluate --ruleset does", async () => {
    const variant = path.join(__dirname, "../fixtures/rulesets/tinh-mau-2024.json");
    const input = path.join(folder, "huyen-form.xlsx");
    const j = path.join(dir, "variant-rollup.json");
    const r = await runCli([
      "rollup",
      input,
      "-o",
      path.join(dir, "variant-rollup.xlsx"),
      "--json",
      j,
      "--ruleset",
      variant,
    ]);
    expect(r.code).toBe(0);
    const e = await runCli([
      "evaluate",
      input,
      "-o",
      path.join(dir, "variant-e.xlsx"),
      "--json",
      path.join(dir, "variant-e.json"),
      "--ruleset",
      variant,
    ]);
    expect(e.code).toBe(0);
    const rolled = JSON.parse(fs.readFileSync(j, "utf8")) as RollupJson;
    const single = JSON.parse(fs.readFileSync(path.join(dir, "variant-e.json"), "utf8")) as RollupJson;
    expect(rolled.ruleset).toBe("tinh-mau-2024");
    expect(rolled.communes.map(({ source: _s, sameAs: _t, ...c }) => c)).toEqual(single.communes);
  });

  test("a roll-up written into the folder it rolls up is not read back as communes", async () => {
    const sub = path.join(dir, "lai");
    fs.mkdirSync(sub);
    fs.copyFileSync(path.join(folder, "xa", "xa-yen-lo.xlsx"), path.join(sub, "xa.xlsx"));
    expect((await runCli(["rollup", sub, "-o", path.join(sub, "tong-hop.xlsx")])).code).toBe(0);
    // Again, under another name: the first roll-up is listed, not counted.
    const again = await runCli(["rollup", sub, "-o", path.join(sub, "tong-hop-2.xlsx")]);
    expect(again.err).toContain("tong-hop.xlsx: Không có xã để tổng hợp: đây là tệp tổng hợp của TC8");
    expect(again.out).toContain("Đã tổng hợp 1 xã từ 1 tệp");
    // With --force over itself, the output is skipped rather than read.
    const force = await runCli(["rollup", sub, "-o", path.join(sub, "tong-hop.xlsx"), "--force"]);
    expect(force.code).toBe(0);
    expect(force.err).not.toContain("[1/3] tong-hop.xlsx:");
    // A commune's workbook in the folder is never the output, even with --force: it is an input.
    const before = fs.readFileSync(path.join(sub, "xa.xlsx"));
    const over = await runCli(["rollup", sub, "-o", path.join(sub, "xa.xlsx"), "--force"]);
    expect([over.code, over.err]).toEqual([2, expect.stringContaining("là tệp đầu vào")]);
    expect(fs.readFileSync(path.join(sub, "xa.xlsx")).equals(before)).toBe(true);
  });
});
