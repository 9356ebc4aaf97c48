/**
 * File safety on the command line (issue 8): no output ever resolves to the input or to the other
 * output, an existing file is replaced only with --force, every path is checked before anything is
 * written, and a path that cannot be written is one line, exit 2, nothing written. The input and
 * any existing file are checked byte for byte afterwards.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ownFixtures, protectedFixtures } from "../helpers/fixtures";
import { runCli } from "../helpers/cli";
import { communesSheet, xlsx } from "../helpers/xlsx";

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "tc8-files-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const run = runCli;

async function input(
  name = "so-lieu.xlsx",
  rows: Record<string, unknown>[] = [{ commune: "Xã Tân Thành" }, { commune: "Xã Hồng Phong", sw_qlvb: "Không" }],
) {
  const f = path.join(dir, name);
  fs.writeFileSync(f, await xlsx([communesSheet(rows as Record<string, string>[])]));
  return f;
}

/** Every file under `dir` with its bytes, to compare before and after. */
function snapshot(): Map<string, Buffer> {
  const m = new Map<string, Buffer>();
  for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, f);
    if (fs.lstatSync(p).isFile()) m.set(f, fs.readFileSync(p));
  }
  return m;
}

function expectUnchanged(before: Map<string, Buffer>) {
  const after = snapshot();
  expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
  for (const [k, v] of before) expect([k, after.get(k)!.equals(v)]).toEqual([k, true]);
}

function refused(r: { code: number; err: string }, re: RegExp) {
  expect(r.code).toBe(2);
  expect(r.err.split("\n")).toHaveLength(1);
  expect(r.err).toMatch(re);
}

describe("never the input, never each other", () => {
  test("--json equal to the input path", async () => {
    const f = await input();
    const before = snapshot();
    refused(await run(["evaluate", f, "--json", f]), /tệp đầu vào/);
    expectUnchanged(before);
  });

  test("-o a symbolic link to the input, even with --force", async () => {
    const f = await input();
    const link = path.join(dir, "lien-ket.xlsx");
    fs.symlinkSync(f, link);
    const before = snapshot();
    refused(await run(["evaluate", f, "-o", link, "--force"]), /tệp đầu vào/);
    expectUnchanged(before);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  });

  test("-o a hard link to the input, even with --force", async () => {
    const f = await input();
    const hard = path.join(dir, "ban-sao.xlsx");
    fs.linkSync(f, hard);
    const before = snapshot();
    refused(await run(["evaluate", f, "-o", hard, "--force"]), /tệp đầu vào/);
    expectUnchanged(before);
  });

  test("-o through another spelling of the input's path", async () => {
    const f = await input();
    const before = snapshot();
    refused(
      await run(["evaluate", f, "-o", path.join(dir, ".", "..", path.basename(dir), "so-lieu.xlsx")]),
      /tệp đầu vào/,
    );
    expectUnchanged(before);
  });

  test("-o and --json the same file", async () => {
    const f = await input();
    const before = snapshot();
    refused(
      await run(["evaluate", f, "-o", path.join(dir, "kq.xlsx"), "--json", path.join(dir, "kq.xlsx")]),
      /cả tệp kết quả và tệp JSON/,
    );
    expectUnchanged(before);
  });
});

describe("an existing file is replaced only with --force", () => {
  test("-o an existing workbook", async () => {
    const f = await input();
    const other = await input("khac.xlsx", [{ commune: "Xã Khác" }]);
    const before = snapshot();
    refused(await run(["evaluate", f, "-o", other]), /Đã có tệp .*khac\.xlsx.*--force/);
    expectUnchanged(before);
    const forced = await run(["evaluate", f, "-o", other, "--force"]);
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(other).equals(before.get("khac.xlsx")!)).toBe(false);
    expect(fs.readFileSync(f).equals(before.get("so-lieu.xlsx")!)).toBe(true);
  });

  test("evaluate twice without -o: the first output, with what the user typed in it, stays", async () => {
    const f = await input();
    expect((await run(["evaluate", f])).code).toBe(0);
    const before = snapshot();
    refused(await run(["evaluate", f]), /so-lieu\.tc8\.xlsx/);
    expectUnchanged(before);
  });

  test("--json over an existing file: neither file is written", async () => {
    const f = await input();
    fs.writeFileSync(path.join(dir, "kq.json"), "{}");
    const before = snapshot();
    refused(
      await run(["evaluate", f, "-o", path.join(dir, "kq.xlsx"), "--json", path.join(dir, "kq.json")]),
      /kq\.json/,
    );
    expectUnchanged(before);
  });

  test("template over an existing workbook; with --force it is written", async () => {
    const f = await input();
    const before = snapshot();
    refused(await run(["template", f]), /Đã có tệp/);
    expectUnchanged(before);
    expect((await run(["template", f, "--force"])).code).toBe(0);
    expect(fs.readFileSync(f).equals(before.get("so-lieu.xlsx")!)).toBe(false);
  });

  test("template under another extension than .xlsx: refused, nothing written", async () => {
    const r = await run(["template", path.join(dir, "mau.csv")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/tệp mẫu phải có đuôi \.xlsx/);
    expect(fs.existsSync(path.join(dir, "mau.csv"))).toBe(false);
  });
});

describe("paths that cannot be written: exit 2, one line, nothing written", () => {
  // Linux's /proc is a folder that takes no new file (as a read-only share would).
  (fs.existsSync("/proc/self") ? test : test.skip)(
    "-o in a folder that is there but takes no file: says so (not 'no such folder')",
    async () => {
      const f = await input();
      const r = await run(["evaluate", f, "-o", "/proc/kq.xlsx"]);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^Không ghi được tệp vào thư mục \/proc|^Không có quyền ghi vào thư mục \/proc/);
    },
  );

  test("-o in a folder that does not exist", async () => {
    const f = await input();
    const before = snapshot();
    refused(await run(["evaluate", f, "-o", path.join(dir, "khong-co", "kq.xlsx")]), /Không có thư mục/);
    expectUnchanged(before);
  });

  test("--json in a folder that does not exist: the workbook is not written either", async () => {
    const f = await input();
    const before = snapshot();
    refused(
      await run(["evaluate", f, "-o", path.join(dir, "kq.xlsx"), "--json", path.join(dir, "khong-co", "kq.json")]),
      /Không có thư mục/,
    );
    expectUnchanged(before);
  });

  test("a folder given as the output file", async () => {
    const f = await input();
    fs.mkdirSync(path.join(dir, "thu-muc.xlsx"));
    const before = snapshot();
    refused(await run(["evaluate", f, "-o", path.join(dir, "thu-muc.xlsx"), "--force"]), /là một thư mục/);
    refused(await run(["template", path.join(dir, "thu-muc.xlsx")]), /là một thư mục/);
    expectUnchanged(before);
  });

  test("a file given as the output's folder", async () => {
    const f = await input();
    const before = snapshot();
    refused(await run(["evaluate", f, "-o", path.join(f, "kq.xlsx")]), /không phải thư mục/);
    expectUnchanged(before);
  });

  test("a folder without permission to write", async () => {
    const f = await input();
    const before = snapshot();
    let target: string;
    if (process.getuid?.() === 0)
      target = "/sys/tc8-kq.xlsx"; // root writes anywhere but in /sys
    else {
      fs.mkdirSync(path.join(dir, "khoa"), { mode: 0o500 });
      target = path.join(dir, "khoa", "kq.xlsx");
    }
    refused(await run(["evaluate", f, "-o", target]), /Không có quyền ghi/);
    expect(fs.existsSync(target)).toBe(false);
    expectUnchanged(before);
  });

  test("no temporary file is left behind, after success or refusal", async () => {
    const f = await input();
    expect((await run(["evaluate", f, "--json", path.join(dir, "kq.json")])).code).toBe(0);
    expect((await run(["evaluate", f, "-o", path.join(dir, "khong-co", "x.xlsx")])).code).toBe(2);
    expect(fs.readdirSync(dir).sort()).toEqual(["kq.json", "so-lieu.tc8.xlsx", "so-lieu.xlsx"]);
  });
});

describe("workbooks that stop TC8: exit 3, a message naming why, nothing written", () => {
  test("a protected workbook structure and a protected sheet", async () => {
    const { structure, sheet } = await protectedFixtures();
    fs.writeFileSync(path.join(dir, "cau-truc.xlsx"), structure);
    fs.writeFileSync(path.join(dir, "sheet.xlsx"), sheet);
    const before = snapshot();
    const a = await run(["evaluate", path.join(dir, "cau-truc.xlsx")]);
    expect(a.code).toBe(3);
    expect(a.err).toMatch(/cau-truc\.xlsx: cấu trúc sổ tính đang được bảo vệ \(Protect Workbook\)/);
    const b = await run(["evaluate", path.join(dir, "sheet.xlsx"), "--lang", "en"]);
    expect(b.code).toBe(3);
    expect(b.err).toMatch(/sheet\.xlsx: sheet "Xã" is protected \(Protect Sheet\)/);
    expectUnchanged(before);
  });

  test.each([
    ["so-lieu.ods", "ods", /\.ods.*lưu thành Sổ làm việc Excel \(\.xlsx\)/],
    ["so-lieu.csv", "csv", /\.csv.*lưu thành Sổ làm việc Excel \(\.xlsx\)/],
    ["so-lieu.xlsx", "encrypted", /đặt mật khẩu/],
    ["so-lieu.xlsx", "truncated", /bị hỏng/],
  ])("%s (%s) is named with what to do", async (name, kind, re) => {
    const f = path.join(dir, name);
    if (kind === "csv") fs.writeFileSync(f, "Tên xã,Huyện\nXã A,Bình Gia\n");
    else if (kind === "ods") fs.copyFileSync(await odsLike(), f);
    else if (kind === "encrypted") {
      const b = Buffer.alloc(4096);
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
      Buffer.from("EncryptedPackage", "utf16le").copy(b, 2048);
      fs.writeFileSync(f, b);
    } else fs.writeFileSync(f, (await xlsx([communesSheet([{}])])).subarray(0, 900));
    const before = snapshot();
    const r = await run(["evaluate", f, "-o", path.join(dir, "kq.xlsx")]);
    expect(r.code).toBe(3);
    expect(r.err.split("\n")).toHaveLength(1);
    expect(r.err).toContain(name);
    expect(r.err).toMatch(re);
    expect(r.err).not.toMatch(/undefined|mismatch|Error/);
    expectUnchanged(before);
  });
});

async function odsLike(): Promise<string> {
  const { writeZip } = await import("../../src/hosts/xlsx/zip");
  const f = path.join(dir, "mau.bin");
  fs.writeFileSync(
    f,
    writeZip([
      { name: "mimetype", data: new TextEncoder().encode("application/vnd.oasis.opendocument.spreadsheet") },
      { name: "content.xml", data: new TextEncoder().encode("<x/>") },
    ]),
  );
  return f;
}

describe("macros and the terminal", () => {
  test(".xlsm stays .xlsm: the default output keeps the extension and the macros; -o with .xlsx is refused", async () => {
    const m = (await ownFixtures()).find((x) => x.name === "macros.xlsm")!;
    const f = path.join(dir, "so-lieu.xlsm");
    fs.writeFileSync(f, m.bytes);
    const r = await run(["evaluate", f]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("so-lieu.tc8.xlsm");
    expect(fs.existsSync(path.join(dir, "so-lieu.tc8.xlsm"))).toBe(true);
    const before = snapshot();
    const bad = await run(["evaluate", f, "-o", path.join(dir, "kq.xlsx")]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/\.xlsm/);
    expectUnchanged(before);
  });

  test("control characters in the workbook's text never reach the terminal", async () => {
    const f = await input("so-lieu.xlsx", [
      { commune: "Xã \u001b[31mĐỏ\u001b[0m\u0007 A" },
      { commune: "Xã B\u202e", sw_qlvb: "Không" },
    ]);
    const r = await run(["evaluate", f]);
    expect(r.code).toBe(0);
    // eslint-disable-next-line no-control-regex -- control characters are what this finds
    expect(r.out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(r.out).toContain("Xã [31mĐỏ[0m A");
  });
});
