/**
 * Reading what marked cells look like now (fill, font colour, note) before TC8 marks or restores
 * them: the originals it saves, and the proof that a cell still shows what TC8 wrote before it is
 * restored. With ExcelApi 1.9 a block of cells is one `getCellProperties` call (and its pattern
 * tells no fill from a white fill); before it, one load per cell.
 */
import { a1, parseCellAddress } from "../../core/shared/grid";
import type { Capabilities } from "./capabilities";
import type { Look } from "./state";
import { jsonBytes, opBytes, REQUEST_BUDGET, RESPONSE_BUDGET, type Wire } from "./wire";

export interface Seen {
  look?: Look;
  /** The note's text, null when the cell has none; absent when notes were not read. */
  note?: string | null;
}

/** A run of cells of one column, read in one call: gaps of a few rows cost less than another call. */
const RUN_GAP = 4;
/** A response per cell: `{"format":{"fill":{"color":"#FFFFFF","pattern":"None"},"font":{"color":"#000000"}}}`. */
const LOOK_BYTES = 100;
const NOTE_BYTES = 700;

export function columnRuns(rows: number[], gap = RUN_GAP): [number, number][] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const r of sorted) {
    const last = runs[runs.length - 1];
    if (last && r - last[1] <= gap) last[1] = r;
    else runs.push([r, r]);
  }
  return runs;
}

/** Cells ('Sheet'!B5) grouped by sheet, then column, with their rows. */
export function bySheetAndColumn(cells: Iterable<string>): Map<string, Map<number, number[]>> {
  const out = new Map<string, Map<number, number[]>>();
  for (const cell of cells) {
    const { sheet, row, col } = parseCellAddress(cell);
    let s = out.get(sheet);
    if (!s) out.set(sheet, (s = new Map()));
    let c = s.get(col);
    if (!c) s.set(col, (c = []));
    c.push(row);
  }
  return out;
}

const key = (sheet: string, row: number, col: number) => `${sheet}|${row}|${col}`;

/** The look (and, with `notes`, the note) of each cell, in as few requests as their sizes allow. */
export async function lookAt(
  wire: Wire,
  caps: Capabilities,
  cells: readonly string[],
  notes: boolean,
): Promise<Map<string, Seen>> {
  const out = new Map<string, Seen>();
  if (!cells.length) return out;
  const pending: (() => void)[] = [];
  let request = 0;
  let response = 0;
  const send = async () => {
    if (!pending.length) return;
    await wire.sync();
    for (const f of pending.splice(0)) f();
    request = 0;
    response = 0;
  };
  const queue = async (req: number, res: number, make: () => () => void) => {
    if (pending.length && (request + req > REQUEST_BUDGET || response + res > RESPONSE_BUDGET)) await send();
    pending.push(make());
    request += req;
    response += res;
  };
  const byCell = new Map<string, string>();
  for (const c of cells) {
    const { sheet, row, col } = parseCellAddress(c);
    byCell.set(key(sheet, row, col), c);
  }
  const seen = (sheet: string, row: number, col: number): Seen => {
    const cell = byCell.get(key(sheet, row, col))!;
    let s = out.get(cell);
    if (!s) out.set(cell, (s = {}));
    return s;
  };

  for (const [sheet, cols] of bySheetAndColumn(cells))
    for (const [col, rows] of cols) {
      if (caps.rangeAreas) {
        for (const [r0, r1] of columnRuns(rows)) {
          const wanted = new Set(rows.filter((r) => r >= r0 && r <= r1));
          await queue(opBytes(1, 1, 200), (r1 - r0 + 1) * LOOK_BYTES, () => {
            const props = wire
              .sheet(sheet)
              .getRange(`${a1(r0, col)}:${a1(r1, col)}`)
              .getCellProperties({ format: { fill: { color: true, pattern: true }, font: { color: true } } });
            return () =>
              props.value.forEach((row, i) => {
                if (!wanted.has(r0 + i)) return;
                const f = row[0].format;
                seen(sheet, r0 + i, col).look = {
                  fill: f?.fill?.pattern === "None" ? null : (f?.fill?.color ?? null),
                  font: f?.font?.color ?? "#000000",
                };
              });
          });
        }
      } else {
        for (const r of new Set(rows)) {
          await queue(opBytes(1, 1, 60), LOOK_BYTES, () => {
            const range = wire.sheet(sheet).getRange(a1(r, col));
            range.load("format/fill/color,format/font/color");
            return () => {
              // Before ExcelApi 1.9 no fill and a white fill both read #FFFFFF: taken as no fill.
              const fill = range.format.fill.color;
              seen(sheet, r, col).look = {
                fill: !fill || fill.toUpperCase() === "#FFFFFF" ? null : fill,
                font: range.format.font.color ?? "#000000",
              };
            };
          });
        }
      }
    }

  if (notes)
    for (const cell of cells)
      await queue(opBytes(1, 1, jsonBytes(cell)), NOTE_BYTES, () => {
        const note = wire.context.workbook.notes.getItemOrNullObject(cell);
        note.load("content");
        return () => {
          const s = out.get(cell) ?? {};
          s.note = note.isNullObject ? null : note.content;
          out.set(cell, s);
        };
      });
  await send();
  return out;
}
