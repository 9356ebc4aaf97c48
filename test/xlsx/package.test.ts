/**
 * The .xlsx host patches the package (issue 8): over every workbook of the corpus and of our own
 * families, a part TC8 does not own is byte-identical after `evaluate`, and in the parts it edits
 * every element of the user's is unchanged. Evaluating the output again adds nothing twice.
 */
import { evaluateXlsx } from "../../src/hosts/xlsx";
import { STATE_SHEET } from "../../src/core/state/own";
import { parseState } from "../../src/core/state/state";
import { Package } from "../../src/hosts/xlsx/package";
import { readWorkbookPackage } from "../../src/hosts/xlsx/read";
import { corpusFixtures, type Fixture, ownFixtures } from "../helpers/fixtures";
import { compareWorkbooks, parseXml } from "../helpers/package-compare";

jest.setTimeout(120_000);

const AT = new Date(2026, 10, 28, 9, 30);
let all: Fixture[];
/** The workbooks TC8 evaluates (the corpus's protected ones are refused: see below). */
let fixtures: Fixture[];
beforeAll(async () => {
  all = [...(await ownFixtures()), ...corpusFixtures()];
  fixtures = all.filter((f) => (f.manifest?.expect.exit ?? 0) === 0);
});

const counts = (bytes: Uint8Array) => {
  const pkg = new Package(bytes);
  const model = readWorkbookPackage(bytes).model;
  const styles = parseXml(pkg.text(model.stylesPart!));
  const n = (name: string) => styles.children.find((c) => c.name === name)?.children.length ?? 0;
  const comments = pkg
    .names()
    .filter((x) => /comments[^/]*\.xml$/.test(x))
    .reduce((k, x) => k + (pkg.text(x).match(/<comment /g)?.length ?? 0), 0);
  return {
    parts: pkg.names().sort(),
    sheets: model.sheets.map((s) => s.name),
    xfs: n("cellXfs"),
    fonts: n("fonts"),
    fills: n("fills"),
    numFmts: n("numFmts"),
    comments,
  };
};

test("the fixtures are there: our families, plus the corpus when it has landed", () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(8);
});

describe("every workbook of the corpus", () => {
  test("after evaluate: parts TC8 does not own are byte-identical, the user's elements in the parts it edits unchanged", async () => {
    for (const f of fixtures) {
      const r = await evaluateXlsx(f.bytes, { evaluatedAt: AT });
      expect([f.name, r.refused, !!r.output]).toEqual([f.name, undefined, true]);
      expect([f.name, compareWorkbooks(f.bytes, r.output!)]).toEqual([f.name, []]);
    }
  });

  test("evaluating the output again gives the same results and adds nothing twice", async () => {
    for (const f of fixtures) {
      const first = await evaluateXlsx(f.bytes, { evaluatedAt: AT });
      const second = await evaluateXlsx(first.output!, { evaluatedAt: AT });
      expect([f.name, second.run.evaluation.communes]).toEqual([f.name, first.run.evaluation.communes]);
      expect([f.name, counts(second.output!)]).toEqual([f.name, counts(first.output!)]);
      expect([f.name, compareWorkbooks(first.output!, second.output!)]).toEqual([f.name, []]);
      // Byte for byte, but for the state's time stamp.
      const a = new Package(first.output!);
      const b = new Package(second.output!);
      const state = readWorkbookPackage(first.output!).model.sheets.find((s) => s.name === STATE_SHEET)!.part!;
      for (const name of a.names())
        if (name !== state)
          expect([f.name, name, Buffer.from(b.bytes(name)).equals(Buffer.from(a.bytes(name)))]).toEqual([
            f.name,
            name,
            true,
          ]);
    }
  });
});

describe("the corpus's own expectations (test/fixtures/corpus/manifest.json)", () => {
  // The communes' verdicts are the rule set's business (the corpus's verify_corpus.py checks them
  // against the command line); here: what the package writer promises.
  test("refusals as expected, the features still there, and every part outside may_edit byte-identical", async () => {
    const corpus = all.filter((f) => f.manifest);
    for (const f of corpus) {
      const m = f.manifest!;
      const r = await evaluateXlsx(f.bytes, { evaluatedAt: AT });
      if (m.expect.exit !== 0) {
        expect([f.name, !!r.refused, r.output]).toEqual([f.name, true, undefined]);
        continue;
      }
      expect([f.name, r.run.evaluation.communes.map((c) => c.name)]).toEqual([
        f.name,
        m.expect.communes.map((c) => c.name),
      ]);
      const a = new Package(f.bytes);
      const b = new Package(r.output!);
      for (const name of a.names())
        if (!m.may_edit.includes(name))
          expect([f.name, name, Buffer.from(b.bytes(name)).equals(Buffer.from(a.bytes(name)))]).toEqual([
            f.name,
            name,
            true,
          ]);
      for (const feat of m.features)
        if (feat.marker && b.has(feat.part))
          expect([f.name, feat.part, b.text(feat.part).includes(feat.marker)]).toEqual([f.name, feat.part, true]);
    }
  });
});

describe("families", () => {
  const get = (name: string) => fixtures.find((f) => f.name === name)!;

  test(".xlsm keeps its macros, its content type and the sheets' code names", async () => {
    const f = get("macros.xlsm");
    const out = new Package((await evaluateXlsx(f.bytes)).output!);
    const input = new Package(f.bytes);
    expect(Buffer.from(out.bytes("xl/vbaProject.bin")).equals(Buffer.from(input.bytes("xl/vbaProject.bin")))).toBe(
      true,
    );
    expect(out.contentType("xl/workbook.xml")).toBe("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    expect(out.text("xl/worksheets/sheet1.xml")).toContain('codeName="Sheet1"');
  });

  test("a user's note is never replaced: the marked cell keeps it and gets no note of TC8's; the reason is in Giải thích TC8", async () => {
    const f = get("notes.xlsx");
    const r = await evaluateXlsx(f.bytes, { evaluatedAt: AT });
    const out = new Package(r.output!);
    const comments = out.names().find((n) => /comments\d*\.xml$/.test(n))!;
    const xml = out.text(comments);
    const refs = [...xml.matchAll(/<comment ref="([A-Z]+\d+)"/g)].map((m) => m[1]);
    expect(new Set(refs).size).toBe(refs.length);
    expect(xml).toContain("Số liệu của phòng Nội vụ, tháng 6");
    expect(xml).toContain("Ghi chú của người dùng");
    const state = parseState(readWorkbookPackage(r.output!).grids.find((g) => g.sheet === STATE_SHEET))!;
    const marked = state.marks.find(
      (m) => /!H3$|!I3$|!J3$/.test(m.cell) && (m.original as { noted: boolean }).noted === false,
    );
    expect(marked).toBeDefined();
    // The reason still reaches the user.
    const explanation = [
      ...r.run.evaluation.communes.find((c) => c.name === "Xã Hồng Phong")!.levels.ntm!.indicators,
    ].some((i) => i.verdict === "fail");
    expect(explanation).toBe(true);
  });

  test("shared strings with _x000B_ escapes read as Excel shows them, and the part is not rewritten", async () => {
    const f = get("shared-strings-escapes.xlsx");
    const grids = readWorkbookPackage(f.bytes).grids;
    const values = [...grids.find((g) => g.sheet === "Thôn")!.rows.values()].flatMap((r) => [...r.values()]);
    expect(values).toContain("Thôn Nà\u000BLầu");
    expect(values).toContain("Bản _x0041_ Cạp");
    const out = new Package((await evaluateXlsx(f.bytes)).output!);
    expect(out.text("xl/sharedStrings.xml")).toBe(new Package(f.bytes).text("xl/sharedStrings.xml"));
  });

  test("an Excel table is widened to TC8's columns, its own columns unchanged", async () => {
    const f = get("table.xlsx");
    const out = new Package((await evaluateXlsx(f.bytes)).output!);
    const table = out.names().find((n) => /^xl\/tables\//.test(n) && /BangXa/.test(out.text(n)))!;
    const t = parseXml(out.text(table));
    const cols = t.children.find((c) => c.name === "tableColumns")!.children.map((c) => c.attrs.name);
    expect(cols).toContain("TC8 NTM");
    expect(cols).toContain("Giải thích TC8");
    expect(t.attrs.ref.split(":")[1]).toMatch(/^[A-Z]+4$/);
  });
});
