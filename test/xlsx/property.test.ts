/**
 * Properties over generated workbooks (fast-check): whatever the officials typed, no exception
 * escapes; every input cell reads back with the same value after evaluate; evaluating the output
 * again gives the same results and adds nothing twice.
 */
import fc from "fast-check";
import { COMMUNE_FIELDS } from "../helpers/fields";
import { evaluateXlsx } from "../../src/hosts/xlsx";
import { Package } from "../../src/hosts/xlsx/package";
import { readWorkbookPackage } from "../../src/hosts/xlsx/read";
import { compareWorkbooks } from "../helpers/package-compare";
import { type Cell, communesSheet, PASSING_ROW, villagesSheet, xlsx } from "../helpers/xlsx";

jest.setTimeout(300_000);

const AT = new Date(2026, 10, 28, 9, 30);

/* eslint-disable no-control-regex -- generated text is cleaned of what exceljs cannot write */
const text = fc.oneof(
  fc.constantFrom(
    "Có",
    "Không",
    "có",
    "x",
    "",
    " ",
    "=1+1",
    "+84",
    "-",
    "@a",
    "Đạt",
    "_x000B_",
    "a_x0041_b",
    "Tên\nhai dòng",
    "<b>&amp;</b>",
    "'trích'",
    "🙂 xã",
    "Xã\tTab",
  ),
  fc
    .string({ maxLength: 12 })
    .map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/g, "")),
);
const value: fc.Arbitrary<Cell> = fc.oneof(
  text,
  fc.integer({ min: -5, max: 5000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.constant(null),
  fc.boolean(),
);

const keys = COMMUNE_FIELDS.map((f) => f.key).filter((k) => k in PASSING_ROW);

const commune = fc.record({
  name: fc.oneof(
    fc.constantFrom("Xã Tân Thành", "Xã Hồng Phong", "Xã A", "Xã =B", "Xã _x000D_"),
    fc
      .string({ minLength: 1, maxLength: 10 })
      .map((s) => `Xã ${s.replace(/[\u0000-\u001f\ud800-\udfff\ufffe\uffff]/g, "")}`),
  ),
  changes: fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 5 }),
});

/* eslint-enable no-control-regex */

const workbook = fc.record({
  communes: fc.array(commune, { minLength: 1, maxLength: 5 }),
  villages: fc.boolean(),
  table: fc.boolean(),
  far: fc.option(
    fc.record({ row: fc.integer({ min: 10, max: 5000 }), col: fc.integer({ min: 0, max: 300 }), v: value }),
    { nil: undefined },
  ),
});

interface Generated {
  communes: { name: string; changes: Record<string, Cell> }[];
  villages: boolean;
  table: boolean;
  far?: { row: number; col: number; v: Cell };
}

async function build(w: Generated): Promise<Uint8Array> {
  const rows = w.communes.map((c) => ({ ...c.changes, commune: c.name }));
  const xa = communesSheet(rows);
  if (w.far) xa.rows[w.far.row] = Object.assign([], { [w.far.col]: w.far.v });
  const sheets = [w.table && !w.far ? { ...xa, table: "BangXa" } : xa];
  if (w.villages)
    sheets.push(villagesSheet(w.communes.slice(0, 2).map((c, i) => ({ commune: c.name, village: `Thôn ${i + 1}` }))));
  return xlsx(sheets);
}

/** Every cell's value, by sheet, row and column, as the reader gives it. */
function cells(bytes: Uint8Array): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (const g of readWorkbookPackage(bytes).grids)
    for (const [r, row] of g.rows) for (const [c, v] of row) m.set(`${g.sheet}|${r}|${c}`, v);
  return m;
}

test("no exception escapes; the input's cells read back unchanged; a second evaluation adds nothing", async () => {
  await fc.assert(
    fc.asyncProperty(workbook, async (w) => {
      const input = await build(w);
      const r = await evaluateXlsx(input, { evaluatedAt: AT });
      if (!r.output) return;
      const before = cells(input);
      const after = cells(r.output);
      for (const [k, v] of before) expect([k, after.get(k)]).toEqual([k, v]);
      expect(compareWorkbooks(input, r.output)).toEqual([]);
      const again = await evaluateXlsx(r.output, { evaluatedAt: AT });
      expect(again.run.evaluation.communes).toEqual(r.run.evaluation.communes);
      const a = new Package(r.output);
      const b = new Package(again.output!);
      expect(b.names()).toEqual(a.names());
      const styles = readWorkbookPackage(r.output).model.stylesPart!;
      expect(b.text(styles)).toBe(a.text(styles));
    }),
    { numRuns: 40, seed: 8 },
  );
});
