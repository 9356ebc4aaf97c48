/**
 * The two hosts behind one interface, so the contract scenarios are written once: the .xlsx host
 * (command line and browser page: the package patched, edits made by LibreOffice as a user makes
 * them) and the Office.js host (Microsoft's own Excel client talking to the simulated Excel, edits
 * made in the simulated workbook as Excel makes them). Each gives the same view of a workbook:
 * sheets, cells (value, formula, fill, bold, note, link), row heights, column widths, tables,
 * merged areas and defined names.
 */
import ExcelJS from "exceljs";
import { render } from "../../src/core/i18n";
import type { RunOptions } from "../../src/core/pipeline";
import type { Problem } from "../../src/core/engine/types";
import { a1, colLetter } from "../../src/core/shared/grid";
import { clearXlsx, evaluateXlsx } from "../../src/hosts/xlsx";
import { readNotes } from "../../src/hosts/xlsx/notes";
import { readWorkbookPackage } from "../../src/hosts/xlsx/read";
import { clearInContext, evaluateInContext } from "../../src/hosts/office";
import type { Skipped } from "../../src/hosts/office/capabilities";
import type { Edit } from "../helpers/edits";
import { LibreOfficeEditor } from "../helpers/lo/editor";
import { API_118, wireContext } from "../helpers/wire/harness";
import { a1Of, type SimExcel } from "../helpers/wire/sim";
import { type BookSpec, buildSim, buildXlsx } from "./book";

export interface CellView {
  v?: string | number | boolean;
  /** A formula, as "=TODAY()". */
  f?: string;
  /** RRGGBB. */
  fill?: string;
  bold?: true;
  note?: string;
  link?: string;
}

export interface BookView {
  sheets: { name: string; visibility: "visible" | "hidden" | "veryHidden" }[];
  /** Cells that hold anything, by sheet and A1. */
  cells: Record<string, Record<string, CellView>>;
  /** Rows and columns the workbook gives a height or a width, by sheet. */
  heights: Record<string, Record<number, number>>;
  widths: Record<string, Record<number, number>>;
  tables: { name: string; sheet: string; range: string }[];
  merges: Record<string, string[]>;
  names: { name: string; formula: string; hidden: boolean }[];
  /** The right part of each sheet's printed page header. */
  headerRight: Record<string, string>;
}

export interface Outcome {
  /** Problems as text, with their cell ("'Xã'!E5: …"). */
  problems: string[];
  raw: Problem[];
  skipped: string[];
}

export interface Book {
  evaluate(opts?: RunOptions): Promise<Outcome>;
  clear(removeChecklist?: boolean): Promise<void>;
  edit(...edits: Edit[]): Promise<void>;
  view(): Promise<BookView>;
}

export interface HostUnderTest {
  name: "xlsx" | "office";
  open(spec: BookSpec): Promise<Book>;
  close(): Promise<void>;
}

const AT = new Date(2026, 10, 28, 9, 30);
const problemsOf = (raw: readonly Problem[]) => raw.map((p) => `${p.cell ? `${p.cell}: ` : ""}${render(p.msg, "vi")}`);
const hex = (c: string | undefined) => (c ? c.replace(/^#|^FF(?=[0-9A-F]{6}$)/i, "").toUpperCase() : undefined);

// ---- .xlsx ----

function plain(v: ExcelJS.CellValue): string | number | boolean | undefined {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("hyperlink" in v) return plain((v as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
    if ("formula" in v || "sharedFormula" in v)
      return plain((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("error" in v) return String(v.error);
    return undefined;
  }
  return v === "" ? undefined : v;
}

export async function xlsxView(bytes: Uint8Array): Promise<BookView> {
  const read = readWorkbookPackage(bytes);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const view: BookView = {
    sheets: read.model.sheets.map((s) => ({ name: s.name, visibility: s.state })),
    cells: {},
    heights: {},
    widths: {},
    tables: [],
    merges: {},
    names: read.names.map((n) => ({ name: n.name, formula: n.formula, hidden: !!n.hidden })),
    headerRight: {},
  };
  for (const g of read.grids) {
    view.tables.push(...g.tables.map((t) => ({ name: t.name, sheet: g.sheet, range: a1Of(t.range) })));
    view.merges[g.sheet] = g.merges.map(a1Of).sort();
  }
  wb.eachSheet((ws) => {
    const cells: Record<string, CellView> = {};
    const heights: Record<number, number> = {};
    // Rows holding cells (LibreOffice writes a sheet's last row, 1,048,576, after a deletion).
    ws.eachRow((row, r) => {
      if (row.height) heights[r - 1] = row.height;
      row.eachCell({ includeEmpty: true }, (cell) => {
        const c: CellView = {};
        // exceljs gives every cell of a merged area its first cell's value: only the first holds it.
        const v = cell.isMerged && cell.master.address !== cell.address ? undefined : plain(cell.value);
        if (v !== undefined) c.v = v;
        const f = cell.formula;
        if (f) c.f = `=${f}`;
        const fill =
          cell.fill?.type === "pattern" && cell.fill.pattern !== "none" ? hex(cell.fill.fgColor?.argb) : undefined;
        if (fill) c.fill = fill;
        if (cell.font?.bold) c.bold = true;
        const note = cell.note;
        if (note) c.note = typeof note === "string" ? note : (note.texts?.map((t) => t.text).join("") ?? "");
        if (cell.hyperlink) c.link = cell.hyperlink;
        if (Object.keys(c).length) cells[cell.address] = c;
      });
    });
    const widths: Record<number, number> = {};
    for (let c = 1; c <= ws.columnCount + 5; c++) {
      const w = ws.getColumn(c).width;
      if (w) widths[c - 1] = w;
    }
    const odd = ws.headerFooter?.oddHeader ?? "";
    view.headerRight[ws.name] = odd.includes("&R") ? odd.slice(odd.lastIndexOf("&R") + 2) : "";
    view.cells[ws.name] = cells;
    view.heights[ws.name] = heights;
    view.widths[ws.name] = widths;
  });
  // Notes on cells that hold nothing: exceljs reports only cells in the sheet's data, so they are
  // read from the comments parts.
  for (const s of read.model.sheets) {
    if (!s.part || !view.cells[s.name]) continue;
    const { notes } = readNotes(read.model.pkg, s.part, read.model.pkg.text(s.part));
    for (const [k, n] of notes) {
      const [r, c] = k.split("|").map(Number);
      const address = `${colLetter(c)}${r + 1}`;
      const cell = (view.cells[s.name][address] ??= {});
      cell.note ??= n.text;
    }
  }
  return view;
}

export function xlsxHost(): HostUnderTest {
  const editor = new LibreOfficeEditor();
  return {
    name: "xlsx",
    async open(spec) {
      let bytes = await buildXlsx(spec);
      return {
        async evaluate(opts = {}) {
          const r = await evaluateXlsx(bytes, { evaluatedAt: AT, ...opts });
          if (r.refused) throw new Error(`refused: ${JSON.stringify(r.refused)}`);
          if (r.output) bytes = r.output;
          const raw = r.run.evaluation.problems;
          return { problems: problemsOf(raw), raw, skipped: r.skipped };
        },
        async clear(removeChecklist = true) {
          bytes = await clearXlsx(bytes, { removeChecklist });
        },
        async edit(...edits) {
          bytes = await editor.edit(bytes, edits);
        },
        view: () => xlsxView(bytes),
      };
    },
    close: () => editor.close(),
  };
}

// ---- Office.js ----

export function simView(x: SimExcel): BookView {
  const view: BookView = {
    sheets: x.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility === "Visible" ? "visible" : s.visibility === "Hidden" ? "hidden" : "veryHidden",
    })),
    cells: {},
    heights: {},
    widths: {},
    tables: x.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, range: a1Of(t.range) })),
    merges: {},
    names: x.names.map((n) => ({ name: n.name, formula: x.formulaOf(n), hidden: !n.visible })),
    headerRight: Object.fromEntries(x.sheets.map((s) => [s.name, s.print.headers.RightHeader ?? ""])),
  };
  for (const s of x.sheets) {
    const cells: Record<string, CellView> = {};
    for (const [r, row] of s.rows)
      for (const [c, cell] of row) {
        const v: CellView = {};
        const value = cell.err ?? cell.v;
        if (value !== null && value !== undefined && value !== "") v.v = value;
        if (cell.f) v.f = cell.f;
        if (cell.fill) v.fill = hex(cell.fill);
        if (cell.bold) v.bold = true;
        if (cell.link) v.link = cell.link;
        const note = x.notes.get(x.noteKey(s, r, c));
        if (note !== undefined) v.note = note;
        if (Object.keys(v).length) cells[a1(r, c)] = v;
      }
    for (const [k, note] of x.notes) {
      const [id, r, c] = k.split("|");
      if (id === s.id && !cells[a1(Number(r), Number(c))]) cells[a1(Number(r), Number(c))] = { note };
    }
    view.cells[s.name] = cells;
    view.heights[s.name] = Object.fromEntries(s.rowHeights);
    view.widths[s.name] = Object.fromEntries([...s.colWidths].map(([c, w]) => [c, w / 7]));
    view.merges[s.name] = s.merges.map(a1Of).sort();
  }
  return view;
}

export function officeHost(caps = API_118): HostUnderTest {
  return {
    name: "office",
    async open(spec) {
      const x = buildSim(spec);
      return {
        async evaluate(opts = {}) {
          const out = await evaluateInContext(wireContext(x), { evaluatedAt: AT, ...opts }, caps);
          if (out.refused) throw new Error(`refused: ${JSON.stringify(out.refused)}`);
          const raw = out.run?.evaluation.problems ?? [];
          return { problems: problemsOf(raw), raw, skipped: out.skipped as Skipped[] };
        },
        async clear(removeChecklist = true) {
          await clearInContext(wireContext(x), { removeChecklist }, caps);
        },
        async edit(...edits) {
          for (const e of edits) x.userEdit(e);
        },
        view: async () => simView(x),
      };
    },
    close: async () => undefined,
  };
}

// ---- looking at a view ----

/** Every cell holding exactly this value, as "Sheet!A1". */
export function cellsWith(view: BookView, value: string | number): string[] {
  const out: string[] = [];
  for (const [sheet, cells] of Object.entries(view.cells))
    for (const [addr, c] of Object.entries(cells)) if (c.v === value) out.push(`${sheet}!${addr}`);
  return out.sort();
}

/** A sheet's cells as they are, for before/after comparisons: values, formulas, fills, bold, notes and links. */
export function sheetCells(view: BookView, sheet: string): Record<string, CellView> {
  return view.cells[sheet] ?? {};
}

export const col = colLetter;
