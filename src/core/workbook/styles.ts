/** The formats behind a plan's style names; Excel's own Good / Bad / Neutral colours (SPEC §5). */
import type { StyleName } from "./plan";

export interface StyleDef {
  fill?: string;
  font?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  wrap?: boolean;
}

export const MARK_COLORS = {
  fail: { fill: "FFC7CE", font: "9C0006" },
  missing: { fill: "FFEB9C", font: "9C5700" },
} as const;

export const STYLES: Record<StyleName, StyleDef> = {
  pass: { fill: "C6EFCE", font: "006100" },
  fail: { fill: "FFC7CE", font: "9C0006" },
  missing: { fill: "FFEB9C", font: "9C5700" },
  header: { bold: true, fill: "DDEBF7", wrap: true },
  title: { bold: true, size: 14 },
  subtitle: { italic: true },
  wrap: { wrap: true },
  text: {},
};

/** The font TC8 writes with (LibreOffice falls back to a serif font when none is named). */
export const FONT_NAME = "Calibri";
