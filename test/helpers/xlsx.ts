/** Real .xlsx files for tests: written with exceljs, evaluated through the .xlsx host, read back. */
import ExcelJS from "exceljs";
import { evaluateXlsx } from "../../src/hosts/xlsx";
import { readModel, readWorkbookPackage } from "../../src/hosts/xlsx/read";
import { Package } from "../../src/hosts/xlsx/package";
import { patchSheet } from "../../src/hosts/xlsx/sheet";
import { parseRange } from "../../src/core/shared/grid";
import type { RunOptions } from "../../src/core/pipeline";
import { COMMUNE_FIELDS, POSTAL_FIELDS, VILLAGE_FIELDS } from "./fields";

export type Cell = ExcelJS.CellValue;

export interface SheetSpec {
  name: string;
  rows: Cell[][];
  /** Rows start here (1-based); default 1. */
  startRow?: number;
  merges?: string[];
  /** An Excel table over the rows (first row is its header). */
  table?: string;
  numFmts?: Record<string, string>;
  fills?: Record<string, string>;
}

export async function xlsx(sheets: SheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    const start = s.startRow ?? 1;
    if (s.table) {
      const [header, ...rows] = s.rows;
      ws.addTable({
        name: s.table,
        ref: `A${start}`,
        headerRow: true,
        columns: header.map((h) => ({ name: String(h), filterButton: true })),
        rows: rows.length ? rows : [header.map(() => null)],
      });
    } else
      s.rows.forEach((r, i) =>
        r.forEach((v, j) => v !== undefined && v !== null && (ws.getCell(start + i, j + 1).value = v)),
      );
    for (const m of s.merges ?? []) ws.mergeCells(m);
    for (const [addr, fmt] of Object.entries(s.numFmts ?? {})) ws.getCell(addr).numFmt = fmt;
    for (const [addr, color] of Object.entries(s.fills ?? {}))
      ws.getCell(addr).fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${color}` } };
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const HEADERS = {
  communes: COMMUNE_FIELDS.map((f) => f.header),
  villages: VILLAGE_FIELDS.map((f) => f.header),
  postal: POSTAL_FIELDS.map((f) => f.header),
};

/** A commune row by canonical header that passes everything; `changes` by field key. */
export const PASSING_ROW: Record<string, Cell> = {
  commune: "Xã Tân Thành",
  district: "Huyện Bình Gia",
  area: "Miền núi",
  telecom_qcvn: "Có",
  radio_station: "Có",
  radio_relay: "Có",
  radio_news_per_week: 3,
  officials: 20,
  officials_with_computer: 10,
  sw_qlvb: "Có",
  sw_email: "Có",
  sw_mot_cua: "Có",
  website: "https://tanthanh.langson.gov.vn",
  website_posts_year: 40,
  website_posts_min_month: 3,
  dossiers_total: 1000,
  dossiers_online: 500,
  working_age: 2000,
  smartphone_users: 1200,
  officials_trained: 18,
  citizens_trained: 1100,
  publication_points: 1,
  ocop_products: 2,
  ocop_online: 2,
  address_points: 800,
  address_plates: 800,
  satisfaction_survey: "Có",
  wifi_ubnd: "Có",
  wifi_nha_van_hoa: "Có",
  wifi_tram_y_te: "Có",
  wifi_quality: "Có",
  wifi_other_places: 2,
  villages_total: 3,
  villages_phone: 3,
  villages_internet: 3,
  villages_loudspeaker: 3,
  villages_loudspeaker_regular: 3,
  villages_tv: 3,
  premises: "Có",
  sign: "Có",
  posted_info: "Có",
  hours_per_day: 8,
  letters_2kg: "Có",
  parcels_5kg: "Có",
  online_service_support: "Có",
};

const COMMUNE_KEYS = COMMUNE_FIELDS.map((f) => f.key);

const VILLAGE_KEYS = [
  "commune",
  "village",
  "phone_fixed",
  "phone_mobile",
  "internet_fixed",
  "internet_mobile",
  "loudspeaker",
  "loudspeaker_regular",
  "tv",
  "providers",
];
export const PASSING_VILLAGE_ROW: Record<string, Cell> = {
  phone_fixed: "Không",
  phone_mobile: "Có",
  internet_fixed: "Không",
  internet_mobile: "Có",
  loudspeaker: "Có",
  loudspeaker_regular: "Có",
  tv: "Có",
  providers: "VNPT, Viettel",
};

/** A villages sheet with the canonical columns; each row a passing village with changes. */
export function villagesSheet(rows: Record<string, Cell>[], name = "Thôn"): SheetSpec {
  const headers = VILLAGE_KEYS.map((k) => VILLAGE_FIELDS.find((f) => f.key === k)!.header);
  return {
    name,
    rows: [headers, ...rows.map((r) => VILLAGE_KEYS.map((k) => (k in r ? r[k] : PASSING_VILLAGE_ROW[k])))],
  };
}

/** A communes sheet with every column, one row per commune, each a passing row with changes. */
export function communesSheet(rows: Record<string, Cell>[], name = "Xã", keys: string[] = COMMUNE_KEYS): SheetSpec {
  const headers = keys.map((k) => COMMUNE_FIELDS.find((f) => f.key === k)!.header);
  return { name, rows: [headers, ...rows.map((r) => keys.map((k) => (k in r ? r[k] : PASSING_ROW[k])))] };
}

/** A workbook read with exceljs, an independent reader, to look at what TC8 wrote. */
export async function loadWorkbook(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  return wb;
}

/** A cell's note as text (exceljs reads a rich-text note as runs). */
export function noteText(cell: ExcelJS.Cell): string {
  const n = cell.note as unknown;
  if (n === undefined || n === null) return "";
  if (typeof n === "string") return n;
  return ((n as { texts?: { text: string }[] }).texts ?? []).map((t) => t.text).join("");
}

/**
 * A value typed into one cell of a package, everything else left as it is (as Excel keeps a file
 * it saves: an exceljs round trip would drop the notes' authors).
 */
export function editCell(data: Uint8Array, sheet: string, address: string, value: string | number): Uint8Array {
  const model = readModel(new Package(data));
  const part = model.sheets.find((s) => s.name === sheet)!.part!;
  const { r0, c0 } = parseRange(address);
  const xml = model.pkg.text(part);
  // The cell keeps its format: the one it has now.
  const m = new RegExp(`<c r="${address}"[^>]*?\\ss="(\\d+)"`).exec(xml);
  model.pkg.set(
    part,
    patchSheet(xml, {
      ops: new Map([[r0, new Map([[c0, { write: { value, xf: m ? Number(m[1]) : 0 } }]])]]),
      clears: [],
      widths: new Map(),
    }),
  );
  return model.pkg.toBytes();
}

export async function evaluateBytes(data: Uint8Array, opts: RunOptions = {}) {
  const r = await evaluateXlsx(data, { evaluatedAt: new Date(2026, 10, 28, 9, 30), ...opts });
  const wb = r.output ? await loadWorkbook(r.output) : undefined;
  return { ...r, wb };
}

/** Every cell value of every sheet, as text, by 'Sheet'!A1. */
export function allValues(wb: ExcelJS.Workbook, only?: (sheet: string) => boolean): Map<string, string> {
  const out = new Map<string, string>();
  wb.eachSheet((ws) => {
    if (only && !only(ws.name)) return;
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        out.set(`${ws.name}!${r}:${c}`, JSON.stringify(cell.value));
      }),
    );
  });
  return out;
}

export function findCells(wb: ExcelJS.Workbook, text: string): { sheet: string; address: string }[] {
  const hits: { sheet: string; address: string }[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell(
        (cell) =>
          typeof cell.value === "string" &&
          cell.value.trim() === text &&
          hits.push({ sheet: ws.name, address: cell.address }),
      ),
    ),
  );
  return hits;
}

/** The value in a commune's row under a header of the same sheet. */
export function under(wb: ExcelJS.Workbook, sheet: string, header: string, commune: string): Cell {
  const ws = wb.getWorksheet(sheet)!;
  let hr = 0;
  let hc = 0;
  ws.eachRow((row, r) => row.eachCell((cell, c) => cell.value === header && !hr && ((hr = r), (hc = c))));
  if (!hr) throw new Error(`no header ${header} in ${sheet}`);
  let value: Cell = undefined;
  ws.eachRow((row, r) => {
    if (r <= hr) return;
    row.eachCell((cell) => {
      if (cell.value === commune) value = ws.getCell(r, hc).value;
    });
  });
  return value;
}

import { runEvaluation } from "../../src/core/pipeline";
import type { CommuneResult, ConditionResult, LevelResult } from "../../src/core/engine/types";
import { render } from "../../src/core/i18n";

/** Reads and evaluates an .xlsx without writing it back. */
export async function runBytes(data: Uint8Array, opts: RunOptions = {}) {
  return runEvaluation(readWorkbookPackage(data).grids, opts);
}

export function communeNamed(results: CommuneResult[], name: string): CommuneResult {
  const c = results.find((x) => x.name === name);
  if (!c) throw new Error(`no commune ${name}; have ${results.map((x) => x.name).join(", ")}`);
  return c;
}

export function cond(c: CommuneResult, id: string): ConditionResult {
  for (const lv of Object.values(c.levels) as LevelResult[])
    for (const i of lv.indicators) for (const x of i.conditions) if (x.id === id) return x;
  throw new Error(`no condition ${id}`);
}

export function problemsText(run: {
  evaluation: { problems: { cell?: string; msg: import("../../src/core/i18n/format").Msg }[] };
}): string[] {
  return run.evaluation.problems.map((p) => `${p.cell ?? ""} ${render(p.msg, "vi")}`);
}
