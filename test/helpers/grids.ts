/** Grids made directly (no file), for tests of hosts and components. */
import type { CellValue, Grid } from "../../src/core/workbook/grid";

export function gridFrom(sheet: string, rows: CellValue[][]): Grid {
  return { sheet, origin: { row: 0, col: 0 }, values: rows, merges: [], tables: [] };
}
