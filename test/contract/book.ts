/**
 * The workbooks of the contract suite, said once and built for each host: an .xlsx file (exceljs)
 * or the simulated Excel of the Office.js host's wire tests. A district of a few communes on a
 * sheet with a title, headers with the user's fill, the user's own last column ("Ghi chú của xã"),
 * the user's notes (one on a cell TC8 marks), a failing commune and one lacking a value; a villages
 * sheet and a postal-points sheet.
 */
import ExcelJS from "exceljs";
import { COMMUNE_FIELDS, POSTAL_FIELDS, POSTAL_POINT_FIELDS, VILLAGE_FIELDS, type FieldDef } from "../helpers/fields";
import { colLetter, parseRange } from "../../src/core/shared/grid";
import { PASSING_ROW, PASSING_VILLAGE_ROW } from "../helpers/xlsx";
import { SimExcel } from "../helpers/wire/sim";

export type SpecValue = string | number | boolean | null | { formula: string; result?: string | number };

export interface SpecSheet {
  name: string;
  /** By A1 address. */
  cells: Record<string, SpecValue>;
  notes?: Record<string, string>;
  /** RRGGBB by address. */
  fills?: Record<string, string>;
}

export interface BookSpec {
  sheets: SpecSheet[];
}

const COMMUNE_COLUMNS = COMMUNE_FIELDS.filter(
  (f) => !f.key.startsWith("villages_") && !POSTAL_POINT_FIELDS.some((p) => p.key === f.key),
);
const VILLAGE_COLUMNS = VILLAGE_FIELDS.filter((f) => f.key !== "district");
const POSTAL_COLUMNS = POSTAL_FIELDS.filter((f) => f.key !== "district");

function passing(f: FieldDef): string | number {
  const v = PASSING_ROW[f.key] ?? PASSING_VILLAGE_ROW[f.key];
  if (typeof v === "string" || typeof v === "number") return v;
  return f.type === "yesno" ? "Có" : f.type === "count" || f.type === "number" ? 3 : f.type === "rate" ? 60 : "x";
}

/** The column of a commune field on the communes sheet (0-based). */
export const colOf = (key: string) => COMMUNE_COLUMNS.findIndex((f) => f.key === key);
/** The user's own last column. */
export const USER_COL = COMMUNE_COLUMNS.length;
export const USER_HEADER = "Ghi chú của xã";
/** The communes sheet: title on row 1, headers on row 3, communes from row 4. */
export const COMMUNES = "Xã";
export const HEADER_ROW = 2;
export const FIRST_ROW = 3;
export const HEADER_FILL = "FCE4D6";
export const USER_FILL = "FFFF00";
export const USER_NOTE = "Số liệu của phòng Văn hóa";
export const COMMUNE_NAMES = ["Xã Tân Thành", "Xã Hồng Phong", "Xã Mông Ân", "Xã Hoa Thám", "Xã Quý Hòa", "Xã Yên Lỗ"];

/** A1 of a commune field on row `i` of the communes (0-based). */
export const at = (i: number, key: string) =>
  `${colLetter(key === "user" ? USER_COL : colOf(key))}${FIRST_ROW + i + 1}`;

export interface DistrictOptions {
  communes?: number;
  /** Extra sheets (a user's sheet named like TC8's, say). */
  extra?: SpecSheet[];
}

/**
 * The district: commune 2 fails (4 computers for 20 officials, no official e-mail) and carries the
 * user's yellow fill and note on the computers cell TC8 marks; commune 3 lacks its online dossiers.
 */
export function district(opts: DistrictOptions = {}): BookSpec {
  const n = opts.communes ?? 4;
  const xa: SpecSheet = {
    name: COMMUNES,
    cells: { A1: "BIỂU TỔNG HỢP TIÊU CHÍ SỐ 8 – THÔNG TIN VÀ TRUYỀN THÔNG" },
    notes: {},
    fills: {},
  };
  COMMUNE_COLUMNS.forEach((f, c) => {
    xa.cells[`${colLetter(c)}${HEADER_ROW + 1}`] = f.header;
    xa.fills![`${colLetter(c)}${HEADER_ROW + 1}`] = HEADER_FILL;
  });
  xa.cells[`${colLetter(USER_COL)}${HEADER_ROW + 1}`] = USER_HEADER;
  xa.notes![`${colLetter(USER_COL)}${HEADER_ROW + 1}`] = "Cột của xã, không phải của TC8";
  for (let i = 0; i < n; i++) {
    const name = COMMUNE_NAMES[i];
    COMMUNE_COLUMNS.forEach((f) => {
      const v = f.key === "commune" ? name : f.key === "district" ? "Huyện Bình Gia" : passing(f);
      xa.cells[at(i, f.key)] = v;
    });
    xa.cells[at(i, "user")] = `Ghi chú ${name}`;
  }
  xa.cells[at(1, "officials_with_computer")] = 4;
  xa.cells[at(1, "sw_email")] = "Không";
  xa.fills![at(1, "officials_with_computer")] = USER_FILL;
  xa.notes![at(1, "officials_with_computer")] = USER_NOTE;
  xa.notes![at(0, "commune")] = "Xã mới sáp nhập";
  if (n > 2) xa.cells[at(2, "dossiers_online")] = null;

  const thon: SpecSheet = { name: "Thôn bản", cells: {} };
  VILLAGE_COLUMNS.forEach((f, c) => (thon.cells[`${colLetter(c)}1`] = f.header));
  let r = 2;
  for (let i = 0; i < n; i++)
    for (let v = 0; v < 3; v++, r++)
      VILLAGE_COLUMNS.forEach((f, c) => {
        thon.cells[`${colLetter(c)}${r}`] =
          f.key === "commune"
            ? COMMUNE_NAMES[i]
            : f.key === "village"
              ? `Thôn ${v + 1}`
              : i === 1 && v === 0 && f.key.startsWith("internet")
                ? "Không"
                : passing(f);
      });
  const bc: SpecSheet = { name: "Điểm BĐVHX", cells: {} };
  POSTAL_COLUMNS.forEach((f, c) => (bc.cells[`${colLetter(c)}1`] = f.header));
  for (let i = 0; i < n; i++)
    POSTAL_COLUMNS.forEach(
      (f, c) =>
        (bc.cells[`${colLetter(c)}${i + 2}`] =
          f.key === "commune"
            ? COMMUNE_NAMES[i]
            : f.key === "postal_point"
              ? `Điểm BĐVHX ${COMMUNE_NAMES[i]}`
              : passing(f)),
    );
  return { sheets: [xa, thon, bc, ...(opts.extra ?? [])] };
}

/** The spec as an .xlsx file, written by exceljs. */
export async function buildXlsx(spec: BookSpec): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of spec.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const [a, v] of Object.entries(s.cells)) {
      if (v === null) continue;
      ws.getCell(a).value =
        typeof v === "object"
          ? ({
              formula: v.formula.replace(/^=/, ""),
              ...(v.result !== undefined ? { result: v.result } : {}),
            } as ExcelJS.CellFormulaValue)
          : v;
    }
    for (const [a, text] of Object.entries(s.notes ?? {})) ws.getCell(a).note = text;
    for (const [a, color] of Object.entries(s.fills ?? {}))
      ws.getCell(a).fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${color}` } };
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The spec as the simulated Excel's workbook. */
export function buildSim(spec: BookSpec): SimExcel {
  const x = new SimExcel();
  for (const s of spec.sheets) {
    const ws = x.addSheet(s.name);
    for (const [a, v] of Object.entries(s.cells)) {
      if (v === null) continue;
      const r = parseRange(a);
      const cell = ws.cell(r.r0, r.c0);
      if (typeof v === "object") {
        cell.f = v.formula.startsWith("=") ? v.formula : `=${v.formula}`;
        cell.v = v.result ?? null;
      } else cell.v = v;
    }
    for (const [a, text] of Object.entries(s.notes ?? {})) {
      const r = parseRange(a);
      x.notes.set(x.noteKey(ws, r.r0, r.c0), text);
    }
    for (const [a, color] of Object.entries(s.fills ?? {})) {
      const r = parseRange(a);
      ws.cell(r.r0, r.c0).fill = `#${color}`;
    }
  }
  return x;
}
