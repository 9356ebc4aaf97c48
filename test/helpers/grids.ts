/** Grids made directly (no file), for tests of hosts and components. */
import { type CellValue, type Grid, gridFromBlock } from "../../src/core/shared/grid";

export function gridFrom(sheet: string, rows: CellValue[][]): Grid {
  return gridFromBlock(sheet, rows);
}
