/** The command line of docs/cli.md: arguments, exit codes, outputs, warnings. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { defaultOutput, LARGE_FILE } from "../../src/cli/tc8";
import { runCli } from "../helpers/cli";
import { communesSheet, findCells, xlsx } from "../helpers/xlsx";

const ROOT = path.join(__dirname, "../..");
let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "tc8-cli-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = runCli;

async function input(
  name = "so-lieu.xlsx",
  rows: Record<string, string | number | null>[] = [
    { commune: "Xã Tân Thành" },
    { commune: "Xã Hồng Phong", sw_qlvb: "Không" },
  ],
) {
  const f = path.join(dir, name);
  fs.writeFileSync(f, await xlsx([communesSheet(rows)]));
  return f;
}

describe("tc8 evaluate", () => {
  test("writes <input>.tc8.xlsx next to the input, prints a line per commune, exits 0 whatever the verdicts", async () => {
    const f = await input();
    const before = fs.readFileSync(f);
    const r = await run(["evaluate", f]);
    expect(r.code).toBe(0);
    // Each level by its name ("NC" spelled out), and why a level is not met.
    expect(r.out).toContain("Xã Tân Thành: TC8 NTM Đạt · TC8 NTM nâng cao Đạt");
    expect(r.out).toContain(
      "Xã Hồng Phong: TC8 NTM Không đạt (chỉ tiêu 8.4) · TC8 NTM nâng cao Không đạt (chưa đạt TC8 NTM)",
    );
    expect(fs.existsSync(path.join(dir, "so-lieu.tc8.xlsx"))).toBe(true);
    expect(fs.readFileSync(f).equals(before)).toBe(true);
  });

  test("two communes of one name in two districts print apart; a level waiting on NTM's missing data says so, not 'not met'", async () => {
    const f = await input("trung-ten.xlsx", [
      { commune: "Xã An Lạc", district: "Huyện Bình Gia" },
      { commune: "Xã An Lạc", district: "Huyện Văn Quan", website_posts_year: null },
    ]);
    const r = await run(["evaluate", f, "-o", path.join(dir, "trung-ten.out.xlsx")]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Xã An Lạc (Huyện Bình Gia): TC8 NTM Đạt · TC8 NTM nâng cao Đạt");
    expect(r.out).toContain(
      "Xã An Lạc (Huyện Văn Quan): TC8 NTM Thiếu dữ liệu (chỉ tiêu 8.4) · TC8 NTM nâng cao Thiếu dữ liệu (TC8 NTM còn thiếu dữ liệu",
    );
  });

  test("option values in capitals (NTM, NC, EN), as the sheets write them, are taken", async () => {
    const f = await input("hoa.xlsx");
    const r = await run(["evaluate", f, "-o", path.join(dir, "hoa.out.xlsx"), "--level", "NC", "--lang", "EN"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Xã Tân Thành: TC8 Advanced NTM Pass");
  });

  test("-o, --json, --level and --lang", async () => {
    const f = await input();
    const out = path.join(dir, "ket-qua.xlsx");
    const json = path.join(dir, "ket-qua.json");
    const r = await run(["evaluate", f, "-o", out, "--json", json, "--level", "nc", "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Xã Hồng Phong: TC8 Advanced NTM Fail (TC8 NTM not met)");
    const res = JSON.parse(fs.readFileSync(json, "utf8"));
    expect(res.ruleset).toBe("langson-2022");
    expect(Object.keys(res.communes[0].levels)).toEqual(["nc"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(findCells(wb, "TC8 NC")).toHaveLength(1);
    expect(findCells(wb, "TC8 NTM")).toHaveLength(0);
  });

  test("never writes over its input", async () => {
    const f = await input();
    const before = fs.readFileSync(f);
    const r = await run(["evaluate", f, "-o", f]);
    expect(r.code).toBe(2);
    expect(fs.readFileSync(f).equals(before)).toBe(true);
  });

  test.each([
    [["evaluate"], /thiếu tệp đầu vào/],
    [["evaluate", "a.xlsx", "--level", "xyz"], /--level xyz/],
    [["evaluate", "a.xlsx", "--lang", "fr"], /--lang fr/],
    [["evaluate", "a.xlsx", "--bogus"], /--bogus/],
    [["frobnicate"], /unknown command/],
    [[], /missing command/],
  ])("usage error %p exits 2", async (args, re) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(re);
  });

  test("a missing file, a file that is no .xlsx, a workbook without a communes table: exit 3 with one line", async () => {
    const missing = await run(["evaluate", path.join(dir, "khong-co.xlsx")]);
    expect(missing).toMatchObject({
      code: 3,
      err: expect.stringMatching(/^Không đọc được tệp .*khong-co\.xlsx: không có tệp này$/),
    });
    const txt = path.join(dir, "ghi-chu.xlsx");
    fs.writeFileSync(txt, "đây không phải sổ tính");
    expect(await run(["evaluate", txt])).toMatchObject({
      code: 3,
      err: expect.stringMatching(/không phải tệp Excel \.xlsx$/),
    });
    const empty = path.join(dir, "rong.xlsx");
    fs.writeFileSync(empty, "");
    expect(await run(["evaluate", empty])).toMatchObject({
      code: 3,
      err: expect.stringMatching(/rong\.xlsx: tệp rỗng \(0 byte\)/),
    });
    const other = path.join(dir, "khac.xlsx");
    fs.writeFileSync(other, await xlsx([{ name: "S", rows: [["Họ tên"], ["A"]] }]));
    const r = await run(["evaluate", other]);
    expect(r.code).toBe(3);
    expect(r.err.split("\n")).toHaveLength(1);
    expect(r.err).toMatch(/Không tìm thấy bảng danh sách xã/);
  });

  test("a communes table with no commune (a fresh template): says so, exit 3, nothing written", async () => {
    const tpl = path.join(dir, "mau.xlsx");
    expect((await run(["template", tpl])).code).toBe(0);
    const r = await run(["evaluate", tpl, "--json", path.join(dir, "mau.json")]);
    expect(r.code).toBe(3);
    expect(r.out).toBe("");
    expect(r.err.split("\n")).toEqual([
      `Không đánh giá được tệp ${tpl}: Bảng danh sách xã (sheet "Danh sách xã") chưa có xã nào để đánh giá: hãy nhập tên và số liệu của ít nhất một xã rồi đánh giá lại`,
    ]);
    expect(fs.readdirSync(dir).sort()).toEqual(["mau.xlsx"]);
    const en = await run(["evaluate", tpl, "--lang", "en"]);
    expect(en).toMatchObject({
      code: 3,
      err: expect.stringMatching(
        /^Cannot evaluate .*: The communes table \(sheet "Danh sách xã"\) has no commune to evaluate/,
      ),
    });
  });

  test("an image in the input is carried over byte for byte, with no warning", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Xã");
    communesSheet([{}]).rows.forEach((r, i) =>
      r.forEach((v, j) => (ws.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue)),
    );
    // A 1×1 PNG.
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
      "base64",
    );
    ws.addImage(wb.addImage({ buffer: png, extension: "png" } as unknown as ExcelJS.Image), "A10:B12");
    const f = path.join(dir, "anh.xlsx");
    await wb.xlsx.writeFile(f);
    const r = await run(["evaluate", f]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    const { Package } = await import("../../src/hosts/xlsx/package");
    const a = new Package(fs.readFileSync(f));
    const b = new Package(fs.readFileSync(path.join(dir, "anh.tc8.xlsx")));
    for (const name of a.names().filter((n) => /media|drawing/.test(n) && !/\.rels$/.test(n)))
      expect([name, Buffer.from(b.bytes(name)).equals(Buffer.from(a.bytes(name)))]).toEqual([name, true]);
  });

  test("a large file gets progress lines on stderr; a small one does not", async () => {
    const small = await run(["evaluate", await input()]);
    expect(small.err).toBe("");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Xã");
    communesSheet([{}]).rows.forEach((r, i) =>
      r.forEach((v, j) => (ws.getCell(i + 1, j + 1).value = v as ExcelJS.CellValue)),
    );
    // A notebook sheet of random-looking text makes the file large without making it slow.
    const notes = wb.addWorksheet("Ghi chép");
    for (let i = 1; i <= 12000; i++)
      notes.getCell(i, 1).value = `Ghi chép ${i}: ${(i * 2654435761).toString(36)} ${Math.sin(i).toString(36)}`;
    const f = path.join(dir, "lon.xlsx");
    await wb.xlsx.writeFile(f);
    expect(fs.statSync(f).size).toBeGreaterThan(LARGE_FILE);
    const big = await run(["evaluate", f]);
    expect(big.code).toBe(0);
    expect(big.err.split("\n")).toEqual(["Đang đọc…", "Đang đánh giá…", "Đang ghi…"]);
  });

  test("the default output name keeps the extension", () => {
    expect(defaultOutput("/a/so-lieu.xlsx")).toBe("/a/so-lieu.tc8.xlsx");
    expect(defaultOutput("/a/so-lieu.xlsm")).toBe("/a/so-lieu.tc8.xlsm");
  });

  test("the installed bin runs, with its exit codes", async () => {
    const f = await input();
    const bin = path.join(ROOT, "bin/tc8.js");
    const ok = spawnSync(process.execPath, [bin, "evaluate", f, "-o", path.join(dir, "o.xlsx")], { encoding: "utf8" });
    expect(ok.status).toBe(0);
    expect(spawnSync(process.execPath, [bin, "evaluate"], { encoding: "utf8" }).status).toBe(2);
    expect(
      spawnSync(process.execPath, [bin, "evaluate", path.join(dir, "none.xlsx")], { encoding: "utf8" }).status,
    ).toBe(3);
  });
});

describe("tc8 template", () => {
  test("writes the input template: canonical headers, dropdowns, number formats, frozen headers", async () => {
    const out = path.join(dir, "mau.xlsx");
    expect((await run(["template", out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Danh sách xã",
      "Thôn, bản",
      "Điểm phục vụ bưu chính",
      "Hướng dẫn nhập liệu",
    ]);
    const xa = wb.getWorksheet("Danh sách xã")!;
    expect(xa.getCell("A1").value).toBe("Tên xã");
    expect(xa.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const header = (xa.getRow(1).values as string[]).slice(1);
    const radio = header.indexOf("Có đài truyền thanh xã") + 1;
    expect(xa.getCell(2, radio).dataValidation).toMatchObject({ type: "list", formulae: ['"Có,Không"'] });
    // The guide sheet, for whoever prints the template: what each column means, in the guidance's words.
    const guide = wb.getWorksheet("Hướng dẫn nhập liệu")!;
    const rowOf = (header: string) => guide.getRows(1, guide.rowCount)!.find((r) => r.getCell(2).value === header)!;
    expect(rowOf("Số điểm cung cấp xuất bản phẩm").getCell(1).value).toBe("Danh sách xã");
    expect(String(rowOf("Số điểm cung cấp xuất bản phẩm").getCell(3).value)).toMatch(
      /^Điểm cung cấp xuất bản phẩm được hiểu là điểm đọc và điểm bán/,
    );
    const officials = header.indexOf("Số cán bộ, công chức xã") + 1;
    expect(xa.getCell(5, officials).numFmt).toBe("#,##0");
    // The template is read back as a workbook TC8 understands once filled.
    xa.getCell("A2").value = "Xã Mẫu";
    const filled = path.join(dir, "mau-da-dien.xlsx");
    await wb.xlsx.writeFile(filled);
    const r = await run(["evaluate", filled]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Xã Mẫu: TC8 NTM Thiếu dữ liệu");
  });

  test("usage", async () => {
    expect((await run(["template"])).code).toBe(2);
  });
});
