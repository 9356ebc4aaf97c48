/**
 * How tall a row must be for the wrapped text TC8 writes in it, computed from the text and the
 * column's width, for hosts that cannot fit rows themselves (an .xlsx file opened in LibreOffice
 * keeps a row's stored height; Excel's `autofitRows` is not there before the file is opened).
 * Widths are in Excel's column units (the width of the digit 0 in the default font), heights in
 * points. The model is deliberately generous: a row a little too tall reads well, a row too short
 * hides text (docs/DECISIONS.md, "Row heights").
 */
import type { NewSheet, StyleName } from "./types";
import { STYLES } from "./styles";

/** The height of one line of 11-point Calibri in Excel and LibreOffice, in points. */
export const LINE_HEIGHT_PT = 15;
/** Excel's highest row. */
export const MAX_ROW_HEIGHT_PT = 409;
/** Padding Excel keeps inside a cell, in column units. */
const CELL_PADDING = 0.6;

const NARROW = new Set([..."iljtfrI!|.,:;'`()[]{}/\\-"]);
const WIDE = new Set([..."mwMWQOGDHNU@%&"]);

/** Widths already worked out, by character (a district's checklist measures millions of them). */
const widths = new Map<string, number>();

/** A character's width in column units (the width of "0" = 1) for an 11-point proportional font. */
export function charWidth(ch: string): number {
  let w = widths.get(ch);
  if (w === undefined) widths.set(ch, (w = measure(ch)));
  return w;
}

function measure(ch: string): number {
  if (ch === " ") return 0.5;
  const base = ch.normalize("NFD")[0] ?? ch;
  if (NARROW.has(base)) return 0.5;
  if (WIDE.has(base)) return 1.45;
  if (base >= "A" && base <= "Z") return 1.2;
  if (/\p{L}/u.test(base)) return 1.0;
  if (/\p{N}/u.test(base)) return 1.0;
  // Symbols (≥, →, …) and anything else: as wide as a capital, to err on the tall side.
  return 1.2;
}

export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch);
  return w;
}

/**
 * The number of lines a text takes in a cell `width` column units wide with wrapping on: each
 * line of the text (split at line breaks) wrapped at spaces, a word longer than the cell broken
 * where it overflows, as Excel and LibreOffice do.
 */
export function wrappedLines(text: string, width: number, scale = 1): number {
  const avail = Math.max(1, width - CELL_PADDING);
  let lines = 0;
  for (const para of text.split(/\r?\n/)) {
    let line = 0;
    let count = 1;
    for (const word of para.split(" ")) {
      let w = textWidth(word) * scale;
      const space = line > 0 ? charWidth(" ") * scale : 0;
      if (line > 0 && line + space + w > avail) {
        count++;
        line = 0;
      } else line += space;
      // A word wider than the cell is broken over as many lines as it needs.
      while (w > avail) {
        count++;
        w -= avail;
      }
      line += w;
    }
    lines += count;
  }
  return Math.max(1, lines);
}

/**
 * Heights already worked out, by width and font size, then by text: a district's checklist repeats
 * the same 23 documents per commune (looked up by the text itself, no key string made per cell).
 */
const heightCache = new Map<number, Map<number, Map<string, number>>>();
let cached = 0;

/** The height in points a cell of `width` column units needs for `text` at `fontSize` points. */
export function cellHeight(text: string, width: number, fontSize = 11): number {
  let bySize = heightCache.get(width);
  let byText = bySize?.get(fontSize);
  const hit = byText?.get(text);
  if (hit !== undefined) return hit;
  const scale = fontSize / 11;
  const lines = wrappedLines(text, width, scale);
  // One line is a row's own height; more take a little room for the cell's padding.
  const h = Math.min(MAX_ROW_HEIGHT_PT, Math.ceil(lines * LINE_HEIGHT_PT * scale + (lines > 1 ? 2 : 0)));
  if (cached > 50_000) {
    heightCache.clear();
    cached = 0;
    bySize = byText = undefined;
  }
  if (!bySize) heightCache.set(width, (bySize = new Map()));
  if (!byText) bySize.set(fontSize, (byText = new Map()));
  byText.set(text, h);
  cached++;
  return h;
}

/** Excel's default row height for 11-point Calibri, in points. */
export const DEFAULT_ROW_HEIGHT_PT = 15;

/**
 * The rows of a sheet TC8 writes whole that need more than the default height: every cell whose
 * style wraps, at the width of its column (or of its merged columns). A cell merged over several
 * rows shares their height; the last of them takes what is missing.
 */
export function fitRowHeights(
  sheet: Pick<NewSheet, "cells" | "rows" | "merges" | "columnWidths">,
  defaultWidth = 8.43,
): { row: number; height: number }[] {
  const widthOf = (c: number) => sheet.columnWidths?.[c] ?? defaultWidth;
  const need = new Map<number, number>();
  const merges = sheet.merges ?? [];
  const fit = (row: number, col: number, value: string | number | null, styleName: StyleName | undefined) => {
    const style = styleName ? STYLES[styleName] : undefined;
    if (!style || value === null || value === "") return;
    // A title in a larger font needs a taller line even on one line.
    if (!style.wrap && (style.size ?? 11) > 11) {
      const h = Math.ceil((LINE_HEIGHT_PT * (style.size ?? 11)) / 11) + 3;
      if (h > (need.get(row) ?? 0)) need.set(row, h);
      return;
    }
    if (!style.wrap) return;
    const m = merges.find((x) => x.r0 === row && x.c0 === col);
    let width = 0;
    for (let c = col; c <= (m?.c1 ?? col); c++) width += widthOf(c);
    const rows = m ? m.r1 - m.r0 + 1 : 1;
    const height = cellHeight(String(value), width, style.size ?? 11) - (rows - 1) * DEFAULT_ROW_HEIGHT_PT;
    const last = row + rows - 1;
    if (height > DEFAULT_ROW_HEIGHT_PT && height > (need.get(last) ?? 0)) need.set(last, height);
  };
  for (const cell of sheet.cells) fit(cell.row, cell.col, cell.value, cell.style);
  const body = sheet.rows;
  if (body)
    for (let i = 0; i < body.values.length; i++) {
      const values = body.values[i];
      for (let col = 0; col < values.length; col++) fit(body.r0 + i, col, values[col], body.styles[col]);
    }
  return [...need].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height }));
}
