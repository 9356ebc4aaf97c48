/**
 * The formats behind a plan's style names: Excel's own Good / Bad / Neutral colours for verdicts
 * (docs/output.md), a bordered grid for TC8's printed tables, centred figures, and the lines of a
 * report's signature block.
 */
import type { StyleName } from "./types";

export interface StyleDef {
  fill?: string;
  font?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  wrap?: boolean;
  /** Horizontal alignment; left (the general alignment of text) when absent. */
  align?: "left" | "center" | "right";
  /** Vertical alignment; top when absent, so a tall row reads from its first line. */
  valign?: "top" | "center";
  /** A thin border on every side: the cell belongs to a printed table. */
  border?: boolean;
}

export const MARK_COLORS = {
  fail: { fill: "FFC7CE", font: "9C0006" },
  missing: { fill: "FFEB9C", font: "9C5700" },
} as const;

export const STYLES: Record<StyleName, StyleDef> = {
  pass: { fill: "C6EFCE", font: "006100", align: "center", border: true },
  fail: { fill: "FFC7CE", font: "9C0006", align: "center", border: true },
  missing: { fill: "FFEB9C", font: "9C5700", align: "center", border: true, wrap: true },
  header: { bold: true, fill: "DDEBF7", wrap: true, align: "center", valign: "center", border: true },
  title: { bold: true, size: 14, align: "center" },
  subtitle: { italic: true },
  wrap: { wrap: true },
  text: {},
  cell: { wrap: true, border: true },
  number: { align: "center", border: true },
  strong: { bold: true },
  center: { align: "center" },
  sign: { bold: true, align: "center" },
  signNote: { italic: true, align: "center" },
  example: { italic: true, font: "7F7F7F" },
};

/** A thin border's colour. */
export const BORDER_COLOR = "808080";

/** The font TC8 writes with (LibreOffice falls back to a serif font when none is named). */
export const FONT_NAME = "Calibri";
