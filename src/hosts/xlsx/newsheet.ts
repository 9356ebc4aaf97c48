/** The parts of a sheet TC8 writes whole (Tổng hợp TC8, Minh chứng TC8, the input template, its state). */
import { a1, contains, rangeA1 } from "../../core/workbook/grid";
import type { NewSheet, SheetCell } from "../../core/workbook/plan";
import { cellXml } from "./sheet";
import type { StyleBook } from "./stylebook";
import { escapeAttr } from "./xml";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The worksheet part; `tableRid` names the table's relationship when the sheet has one. */
export function newSheetXml(spec: NewSheet, styles: StyleBook, tableRid?: string): string {
  const rows = new Map<number, Map<number, string>>();
  const put = (row: number, col: number, text: string) => {
    let r = rows.get(row);
    if (!r) rows.set(row, (r = new Map()));
    r.set(col, text);
  };
  const formatAt = (row: number, col: number) => spec.numberFormats?.find((f) => contains(f.range, row, col))?.format;
  const cellAt = new Set<string>();
  for (const c of spec.cells as SheetCell[]) {
    cellAt.add(`${c.row}|${c.col}`);
    put(c.row, c.col, cellXml("", c.row, c.col, styles.styleXf(c.style, c.numFmt ?? formatAt(c.row, c.col)), c.value));
  }
  // Empty cells formatted in advance (the template's number formats), so typed values take them.
  for (const f of spec.numberFormats ?? [])
    for (let r = f.range.r0; r <= f.range.r1; r++)
      for (let c = f.range.c0; c <= f.range.c1; c++) if (!cellAt.has(`${r}|${c}`)) put(r, c, cellXml("", r, c, styles.styleXf(undefined, f.format), null));

  let maxR = 0;
  let maxC = 0;
  const body: string[] = [];
  for (const r of [...rows.keys()].sort((a, b) => a - b)) {
    const cells = rows.get(r)!;
    const cols = [...cells.keys()].sort((a, b) => a - b);
    maxR = Math.max(maxR, r);
    maxC = Math.max(maxC, cols[cols.length - 1]);
    body.push(`<row r="${r + 1}">${cols.map((c) => cells.get(c)).join("")}</row>`);
  }
  const x: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${RELS}">`];
  if (spec.landscape) x.push(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`);
  x.push(`<dimension ref="${maxR || maxC ? `A1:${a1(maxR, maxC)}` : "A1"}"/>`);
  x.push(
    spec.freezeRows
      ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${spec.freezeRows}" topLeftCell="A${spec.freezeRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${spec.freezeRows + 1}" sqref="A${spec.freezeRows + 1}"/></sheetView></sheetViews>`
      : `<sheetViews><sheetView workbookViewId="0"/></sheetViews>`,
  );
  x.push(`<sheetFormatPr defaultRowHeight="15"/>`);
  if (spec.columnWidths?.length) x.push(`<cols>${spec.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`);
  x.push(body.length ? `<sheetData>${body.join("")}</sheetData>` : "<sheetData/>");
  if (spec.merges?.length) x.push(`<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${rangeA1(m)}"/>`).join("")}</mergeCells>`);
  if (spec.validations?.length)
    x.push(
      `<dataValidations count="${spec.validations.length}">${spec.validations
        .map(
          (v) =>
            `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="TC8" error="${escapeAttr(v.list.join(" / "))}" sqref="${rangeA1(v.range)}"><formula1>${escapeAttr(`"${v.list.join(",")}"`)}</formula1></dataValidation>`,
        )
        .join("")}</dataValidations>`,
    );
  x.push(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`);
  if (spec.landscape) x.push(`<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>`);
  if (tableRid) x.push(`<tableParts count="1"><tablePart r:id="${tableRid}"/></tableParts>`);
  x.push(`</worksheet>`);
  return x.join("");
}

/** The table part of a new sheet's table; column names are its header cells' text, unique. */
export function newTableXml(spec: NewSheet, id: number): string {
  const t = spec.table!;
  const names: string[] = [];
  const header = new Map(spec.cells.filter((x) => x.row === t.range.r0).map((x) => [x.col, x]));
  for (let c = t.range.c0; c <= t.range.c1; c++) {
    const cell = header.get(c);
    const base = cell && cell.value !== null && String(cell.value) !== "" ? String(cell.value) : `Column${c - t.range.c0 + 1}`;
    let name = base;
    for (let i = 2; names.includes(name); i++) name = `${base}${i}`;
    names.push(name);
  }
  const ref = rangeA1(t.range);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN}" id="${id}" name="${escapeAttr(t.name)}" displayName="${escapeAttr(t.name)}" ref="${ref}"><autoFilter ref="${ref}"/>` +
    `<tableColumns count="${names.length}">${names.map((n, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(n)}"/>`).join("")}</tableColumns>` +
    `<tableStyleInfo name="${escapeAttr(t.style ?? "TableStyleLight9")}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}
