/**
 * The sparse grid: a sheet costs what it holds. A stray value in the sheet's last cell, a formula
 * whose value is blank, and TC8's placement of its columns beside them.
 */
import { runEvaluation } from "../../src/core/pipeline";
import {
  colLetter,
  emptyGrid,
  filledRowsIn,
  gridFromBlock,
  MAX_COLS,
  MAX_ROWS,
  setCell,
  usedRange,
  type CellValue,
} from "../../src/core/shared/grid";
import { communesSheet, villagesSheet } from "../helpers/xlsx";

function communes(n: number): CellValue[][] {
  const rows = Array.from({ length: n }, (_, i) => ({ commune: `Xã Số ${i + 1}` }));
  return communesSheet(rows).rows as CellValue[][];
}

describe("sparse grid", () => {
  test("a value in XFD1048576 is one entry, and the communes are read and annotated beside their headers", () => {
    const g = gridFromBlock("Xã", communes(3));
    setCell(g, MAX_ROWS - 1, MAX_COLS - 1, "ghi chú lạc");
    expect(usedRange(g)).toEqual({ r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 });
    expect(filledRowsIn(g, 0, MAX_ROWS)).toHaveLength(5);
    const run = runEvaluation([g]);
    expect(run.evaluation.communes.map((c) => c.name)).toEqual(["Xã Số 1", "Xã Số 2", "Xã Số 3"]);
    const headers = communes(0)[0].length;
    // The verdict columns start right after the last header, not after column XFD.
    expect(run.plan!.state.verdictColumns!.c0).toBe(headers);
    expect(Math.max(...run.plan!.writes.map((w) => w.col))).toBeLessThan(MAX_COLS);
    expect(Math.max(...run.plan!.writes.map((w) => w.row))).toBeLessThan(10);
  });

  test("a formula whose value is blank is the user's: TC8's columns go elsewhere and never over it", () => {
    const rows = communes(2);
    const g = gridFromBlock("Xã", rows);
    const right = rows[0].length;
    // A user's formula just right of the table, showing "" (or not calculated yet).
    setCell(g, 1, right, null, null, true);
    const run = runEvaluation([g]);
    const cols = run.plan!.state.verdictColumns!;
    expect(cols.c0).toBeGreaterThan(right);
    expect(run.plan!.writes.some((w) => w.row === 1 && w.col === right)).toBe(false);
  });

  test("no room right of a table used to its last column: a warning, the rest still evaluated", () => {
    const rows = communes(1);
    const g = emptyGrid("Xã");
    // Headers end 3 columns before XFD, and each of the last columns holds a value in a commune row.
    const c0 = MAX_COLS - rows[0].length - 3;
    rows.forEach((r, i) => r.forEach((v, j) => setCell(g, i, c0 + j, v)));
    for (let c = c0 + rows[0].length; c < MAX_COLS; c++) setCell(g, 1, c, "x");
    const run = runEvaluation([g]);
    expect(run.evaluation.communes).toHaveLength(1);
    expect(run.plan!.state.verdictColumns).toBeUndefined();
    expect(run.plan!.writes.filter((w) => w.sheet === "Xã")).toHaveLength(0);
    expect(run.evaluation.problems.some((p) => p.msg.key === "problem.noRoom")).toBe(true);
    expect(colLetter(MAX_COLS - 1)).toBe("XFD");
  });

  test("an input cell whose formula has no value says so, not that the cell is empty", () => {
    const rows = communes(1);
    const g = gridFromBlock("Xã", rows);
    const col = rows[0].indexOf("Số cán bộ, công chức xã");
    expect(col).toBeGreaterThan(0);
    g.rows.get(1)!.delete(col);
    setCell(g, 1, col, null, null, true);
    const run = runEvaluation([g]);
    const p = run.evaluation.problems.find((x) => x.cell === `'Xã'!${colLetter(col)}2`);
    expect(p?.msg.params?.reason).toMatchObject({ key: "value.uncalculated" });
  });

  test("two Excel tables over the same villages: each cell a condition read is listed once", () => {
    const villages = villagesSheet(
      Array.from({ length: 6 }, (_, i) => ({ commune: "Xã Số 1", village: `Thôn ${i + 1}` })),
    ).rows as CellValue[][];
    const range = { r0: 0, c0: 0, r1: villages.length - 1, c1: villages[0].length - 1 };
    const tables = [
      { name: "Thon", range, showHeaders: true },
      { name: "Thon2", range, showHeaders: true },
    ];
    const run = runEvaluation([
      gridFromBlock("Xã", communes(1)),
      gridFromBlock("Thôn", villages, { extra: { tables } }),
    ]);
    const loa = run.evaluation.communes[0].levels
      .ntm!.indicators.flatMap((i) => i.conditions)
      .find((c) => c.id === "8.3.b.loa")!;
    expect(loa.cells.length).toBeGreaterThanOrEqual(6);
    expect(new Set(loa.cells).size).toBe(loa.cells.length);
    for (const c of run.evaluation.communes[0].levels.ntm!.indicators.flatMap((i) => i.conditions))
      expect([c.id, new Set(c.cells).size]).toEqual([c.id, c.cells.length]);
  });
});
