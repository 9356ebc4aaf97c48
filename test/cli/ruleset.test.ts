/** Rule sets on the command line (docs/cli.md, "Rule sets"): list, show, check, and --ruleset on evaluate and template. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { resolveRuleSetArg } from "../../src/cli/ruleset";
import { runCli as run } from "../helpers/cli";
import { communesSheet, findCells, PASSING_ROW, xlsx } from "../helpers/xlsx";

const ROOT = path.join(__dirname, "../..");
const SHIPPED = path.join(ROOT, "rulesets/langson-2022.json");
const VARIANT = path.join(ROOT, "test/fixtures/rulesets/tinh-mau-2024.json");
let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "tc8-ruleset-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A commune that counts its computers (10) for its 20 officials, and passes everything else. */
async function tenComputers(): Promise<string> {
  const f = path.join(dir, "may-tinh.xlsx");
  const keys = [...Object.keys(PASSING_ROW).filter((k) => k !== "officials_with_computer"), "computers"];
  fs.writeFileSync(f, await xlsx([communesSheet([{ commune: "Xã Tân Thành", computers: 10 }], "Xã", keys)]));
  return f;
}

/** A line of the communes' output: the commune's verdicts. */
const line = (out: string, name: string) => out.split("\n").find((l) => l.startsWith(`${name}:`)) ?? "";

describe("tc8 ruleset", () => {
  test("list names the shipped rule sets", async () => {
    const r = await run(["ruleset", "list"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^langson-2022\t2022\.09\tTiêu chí số 8/);
  });

  test("show --json prints exactly the data file, by id and by file", async () => {
    const bytes = fs.readFileSync(SHIPPED, "utf8");
    for (const arg of ["langson-2022", SHIPPED]) {
      const r = await run(["ruleset", "show", arg, "--json"]);
      expect(r.code).toBe(0);
      expect(`${r.out}\n`).toBe(bytes);
    }
  });

  test("show without --json reads as the guidance does: levels, indicators, conditions and thresholds", async () => {
    const r = await run(["ruleset", "show", VARIANT]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("tinh-mau-2024 (kế thừa langson-2022)");
    expect(r.out).toContain("8.4.a.may_tinh (ratio) [60%]");
    expect(r.out).toContain("8.2.nc.dttm (ratio) [mien_nui 60%, dong_bang 90%]");
    expect(r.out).toContain("8.3.b.loa (villages) [2/3]");
  });

  test("check: a valid file exits 0; an unknown id or file exits 2", async () => {
    expect((await run(["ruleset", "check", VARIANT])).code).toBe(0);
    const r = await run(["ruleset", "check", path.join(dir, "khong-co.json")]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("khong-co.json");
  });

  test("resolveRuleSetArg: a shipped id, or a file", () => {
    expect(resolveRuleSetArg("langson-2022").ruleset.id).toBe("langson-2022");
    expect(resolveRuleSetArg(VARIANT).ruleset.id).toBe("tinh-mau-2024");
    expect(resolveRuleSetArg(VARIANT).file).toBe(VARIANT);
  });
});

describe("tc8 ruleset check names the place of each problem", () => {
  const shipped = () => fs.readFileSync(SHIPPED, "utf8");
  /** The line (1-based) where `needle` first appears after `after`. */
  const lineOf = (text: string, needle: string, after = "") =>
    text.slice(0, text.indexOf(needle, text.indexOf(after))).split("\n").length;

  async function check(text: string) {
    const f = path.join(dir, "sai.json");
    fs.writeFileSync(f, text);
    return run(["ruleset", "check", f]);
  }

  test("an unknown check kind", async () => {
    const text = shipped().replace('"kind": "flag"', '"kind": "flagg"');
    const r = await check(text);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`/levels/0/indicators/0/conditions/0/check/kind (dòng ${lineOf(text, '"flagg"')}, cột`);
    expect(r.err).toContain('loại kiểm tra "flagg" không có');
    expect(r.err).toContain('check kind "flagg" does not exist');
  });

  test("a threshold above 100 %", async () => {
    const text = shipped().replace('"threshold": "30%"', '"threshold": "130%"');
    const r = await check(text);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      new RegExp(
        `/levels/0/indicators/3/conditions/5/check/threshold \\(dòng ${lineOf(text, '"130%"')}, cột \\d+\\): ngưỡng 130% trên 100%`,
      ),
    );
  });

  test("a threshold above 100 % where the rate allows it (computers per official) is valid", async () => {
    const text = shipped().replace(/("rate": "computer_rate",\s+"threshold": )"50%"/, '$1"120%"');
    expect(text).not.toBe(shipped());
    expect((await check(text)).code).toBe(0);
  });

  test("a duplicate condition id", async () => {
    const text = shipped().replace('"id": "8.1.a.bien_ten"', '"id": "8.1.a.mat_bang"');
    const r = await check(text);
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      `/levels/0/indicators/0/conditions/1/id (dòng ${lineOf(text, '"8.1.a.mat_bang"', '"8.1.a.mat_bang"') + 0}`.replace(
        /\(dòng \d+/,
        "(dòng",
      ),
    );
    expect(r.err).toContain('mã điều kiện "8.1.a.mat_bang" trùng');
  });

  test("a check naming an undeclared field, an unknown area in a threshold table, and a schema error, each at its place", async () => {
    let text = shipped().replace('"fact": "sw_qlvb"', '"fact": "sw_qlvbb"');
    text = text.replace('"dong_bang": "80%"', '"trung_du": "80%"');
    text = text.replace('"scope": "commune"', '"scope": "xa"');
    const r = await check(text);
    expect(r.code).toBe(2);
    expect(r.err).toContain("/levels/0/indicators/1/scope");
    // The schema is checked first: with the scope fixed, the semantic problems are said.
    const r2 = await check(text.replace('"scope": "xa"', '"scope": "commune"'));
    expect(r2.err).toContain("/check/fact (dòng");
    expect(r2.err).toContain('trường "sw_qlvbb" chưa được khai báo');
    expect(r2.err).toContain("/check/threshold/trung_du (dòng");
  });

  test("not JSON at all: the line and column of the error", async () => {
    const r = await check('{\n  "id": "x",\n  "title": oops\n}');
    expect(r.code).toBe(2);
    expect(r.err).toContain("(dòng 3, cột 12)");
  });

  test("a variant's problems point into the variant", async () => {
    const f = path.join(dir, "bien-the.json");
    fs.writeFileSync(
      f,
      JSON.stringify(
        {
          id: "bien-the",
          extends: "langson-2022",
          conditions: {
            "8.4.a.may_tinh": { threshold: "60%" },
            "8.4.c.ho_so_truc_tuyen": { threshold: "130%" },
            "9.9": { threshold: "1%" },
          },
        },
        null,
        2,
      ),
    );
    const r = await run(["ruleset", "check", f]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("/conditions/9.9 (dòng");
    fs.writeFileSync(
      f,
      JSON.stringify(
        { id: "bien-the", extends: "langson-2022", conditions: { "8.4.c.ho_so_truc_tuyen": { threshold: "130%" } } },
        null,
        2,
      ),
    );
    const r2 = await run(["ruleset", "check", f]);
    expect(r2.code).toBe(2);
    expect(r2.err).toContain("/conditions/8.4.c.ho_so_truc_tuyen/threshold (dòng 6, cột 20): ngưỡng 130% trên 100%");
  });
});

describe("tc8 evaluate --ruleset", () => {
  test("the issue's demo: the shipped rule set shown as JSON, 8.4.a.may_tinh's threshold changed to 60%: 8.4 NTM fails where it passed", async () => {
    const f = await tenComputers();
    const shown = await run(["ruleset", "show", "langson-2022", "--json"]);
    const data = JSON.parse(shown.out);
    const cond = data.levels[0].indicators[3].conditions[0];
    expect(cond.id).toBe("8.4.a.may_tinh");
    cond.check.threshold = "60%";
    const x = path.join(dir, "x.json");
    fs.writeFileSync(x, JSON.stringify(data, null, 2));

    const before = await run(["evaluate", f, "-o", path.join(dir, "a.xlsx"), "--level", "ntm"]);
    expect(before.code).toBe(0);
    expect(line(before.out, "Xã Tân Thành")).toBe("Xã Tân Thành: TC8 NTM Đạt");
    const after = await run([
      "evaluate",
      f,
      "-o",
      path.join(dir, "b.xlsx"),
      "--level",
      "ntm",
      "--ruleset",
      x,
      "--json",
      path.join(dir, "b.json"),
    ]);
    expect(after.code).toBe(0);
    expect(line(after.out, "Xã Tân Thành")).toBe("Xã Tân Thành: TC8 NTM Không đạt (chỉ tiêu 8.4)");
    const json = JSON.parse(fs.readFileSync(path.join(dir, "b.json"), "utf8"));
    expect(json.communes[0].levels.ntm.indicators["8.4"].verdict).toBe("fail");
    expect(json.communes[0].levels.ntm.indicators["8.4"].conditions[0].message).toBe(
      "10 máy vi tính/20 CBCC = 50%, chưa đạt yêu cầu tối thiểu 60%",
    );
    // An edited copy that kept the shipped id is a rule set of its own, named after its file: never
    // recorded as langson-2022, so evaluating again without the file stops rather than using 50 %.
    expect(json.ruleset).toBe("langson-2022+x");
    const again = await run(["evaluate", path.join(dir, "b.xlsx"), "-o", path.join(dir, "c.xlsx")]);
    expect(again.code).toBe(3);
    expect(again.err).toContain("langson-2022+x");
    // The shipped file itself, given as a file, is the shipped rule set.
    expect(resolveRuleSetArg(path.join(__dirname, "../../rulesets/langson-2022.json")).ruleset.id).toBe("langson-2022");
  });

  test("the test variant end to end: its thresholds decide, its id is kept in the workbook's state and used again", async () => {
    const f = await tenComputers();
    const out = path.join(dir, "out.xlsx");
    const r = await run(["evaluate", f, "-o", out, "--ruleset", VARIANT, "--json", path.join(dir, "r.json")]);
    expect(r.code).toBe(0);
    expect(line(r.out, "Xã Tân Thành")).toBe(
      "Xã Tân Thành: TC8 NTM Không đạt (chỉ tiêu 8.4) · TC8 NTM nâng cao Không đạt (chưa đạt TC8 NTM)",
    );
    expect(JSON.parse(fs.readFileSync(path.join(dir, "r.json"), "utf8")).ruleset).toBe("tinh-mau-2024");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(findCells(wb, "8.4 NTM").length).toBeGreaterThan(0);
    // Re-evaluating the output without --ruleset: its state names a rule set that is not shipped, and says so.
    const again = await run(["evaluate", out, "-o", path.join(dir, "again.xlsx")]);
    expect(again.code).toBe(3);
    expect(again.err).toContain('bộ tiêu chí "tinh-mau-2024"');
    // With it given again, it evaluates.
    expect((await run(["evaluate", out, "-o", path.join(dir, "again2.xlsx"), "--ruleset", VARIANT])).code).toBe(0);
  });

  test("an invalid --ruleset file: exit 2, nothing written", async () => {
    const f = await tenComputers();
    const bad = path.join(dir, "bad.json");
    fs.writeFileSync(bad, fs.readFileSync(SHIPPED, "utf8").replace('"kind": "flag"', '"kind": "flagg"'));
    const r = await run(["evaluate", f, "-o", path.join(dir, "o.xlsx"), "--ruleset", bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("/check/kind");
    expect(fs.existsSync(path.join(dir, "o.xlsx"))).toBe(false);
  });
});

describe("tc8 template --ruleset", () => {
  test("the template has the rule set's fields (a variant that adds one)", async () => {
    const variant = path.join(dir, "them-truong.json");
    fs.writeFileSync(
      variant,
      JSON.stringify(
        {
          id: "them-truong",
          extends: "langson-2022",
          fields: [
            {
              table: "communes",
              key: "tablets",
              type: "count",
              header: "Số máy tính bảng",
              aliases: [],
              label: { en: "Tablets" },
              example: 4,
            },
          ],
        },
        null,
        2,
      ),
    );
    const out = path.join(dir, "mau.xlsx");
    expect((await run(["template", out, "--ruleset", variant])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(findCells(wb, "Số máy tính bảng").length).toBeGreaterThan(0);
    const plain = path.join(dir, "mau2.xlsx");
    expect((await run(["template", plain])).code).toBe(0);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(plain);
    expect(findCells(wb2, "Số máy tính bảng")).toHaveLength(0);
  });
});
