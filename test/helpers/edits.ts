/**
 * What a user does to a workbook between two evaluations, said once for both hosts: LibreOffice
 * makes these edits in an .xlsx file (lo/edit.py), the simulated Excel in its workbook
 * (wire/sim.ts, `userEdit`). Rows and columns are 0-based, cells A1.
 */
export type Edit =
  | { op: "insertRows" | "deleteRows"; sheet: string; at: number; count?: number }
  | { op: "insertCols" | "deleteCols"; sheet: string; at: number; count?: number }
  | { op: "renameSheet"; sheet: string; to: string }
  | { op: "moveSheet"; sheet: string; to: number }
  | { op: "addSheet"; sheet: string }
  | { op: "set"; sheet: string; cell: string; value: string | number }
  | { op: "formula"; sheet: string; cell: string; formula: string }
  | { op: "note"; sheet: string; cell: string; text: string }
  | { op: "fill"; sheet: string; cell: string; color: string }
  | { op: "bold"; sheet: string; cell: string }
  /** Points. */
  | { op: "rowHeight"; sheet: string; row: number; height: number }
  /** Characters of the default font. */
  | { op: "colWidth"; sheet: string; col: number; width: number }
  | { op: "hyperlink"; sheet: string; cell: string; url: string; text?: string };
