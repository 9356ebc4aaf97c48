/**
 * Reading an .xlsx package into grids (src/core/shared/grid.ts): each sheet streamed through
 * saxes straight out of the zip, keeping only the cells that hold something, so the cost follows
 * what the sheet holds, not its declared size or a million formatted empty rows.
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import {
  type CellValue,
  type DefinedName,
  emptyGrid,
  type Grid,
  type GridTable,
  MAX_COLS,
  MAX_ROWS,
  parseRange,
  type RangeRef,
  setCell,
} from "../../core/shared/grid";
import { XlsxError } from "./errors";
import { Package, REL } from "./package";
import { attrOf, decodeOoxmlText, unescapeXml } from "./xml";
import { streamEntry } from "./zip";

export interface SheetInfo {
  name: string;
  sheetId: number;
  rid: string;
  /** The worksheet part (xl/worksheets/sheet1.xml); undefined for a chart sheet or a missing part. */
  part?: string;
  state: "visible" | "hidden" | "veryHidden";
}

export interface WorkbookModel {
  pkg: Package;
  workbookPart: string;
  sheets: SheetInfo[];
  sharedStringsPart?: string;
  stylesPart?: string;
  /** Protect Workbook › structure: no sheet may be added or removed. */
  structureLocked: boolean;
  /** The workbook's defined names (TC8 finds its anchors among them). */
  names: DefinedName[];
}

/** Excel's built-in number formats (ECMA-376 §18.8.30) that a reader may need to tell apart. */
export const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "m/d/yyyy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yyyy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** What the bytes are, when they are no .xlsx: a clear reason instead of a zip error. */
function sniff(data: Uint8Array): void {
  if (!data.length) throw new XlsxError("empty");
  if (CFB.every((b, i) => data[i] === b)) {
    // An encrypted Office file is a compound file holding an "EncryptedPackage" stream.
    const name = new Uint8Array([..."EncryptedPackage"].flatMap((c) => [c.charCodeAt(0), 0]));
    outer: for (let i = 0; i + name.length <= Math.min(data.length, 1 << 22); i++) {
      for (let j = 0; j < name.length; j++) if (data[i + j] !== name[j]) continue outer;
      throw new XlsxError("encrypted");
    }
    throw new XlsxError("xls");
  }
  if (data[0] === 0x50 && data[1] === 0x4b) return;
  const head = data.subarray(0, 4096);
  if (head.length && !head.includes(0)) {
    const text = new TextDecoder("utf-8").decode(head).trimStart();
    if (!text.startsWith("<") && /[,;\t\n]/.test(text)) throw new XlsxError("csv");
  }
  throw new XlsxError("notXlsx");
}

/** Opens the package, or says in words why it is not a workbook. */
export function openPackage(data: Uint8Array): Package {
  sniff(data);
  const pkg = new Package(data);
  if (pkg.has("mimetype") && /opendocument/.test(new TextDecoder().decode(pkg.bytes("mimetype"))))
    throw new XlsxError("ods");
  if (!pkg.has("[Content_Types].xml")) throw new XlsxError("notWorkbook");
  return pkg;
}

type Handlers = {
  open?: (tag: SaxesTagPlain) => void;
  text?: (t: string) => void;
  close?: (name: string) => void;
};

const local = (name: string) => {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
};

/** Streams one part through saxes; malformed XML is an error naming the part. */
export function parsePart(pkg: Package, part: string, h: Handlers): void {
  const p = new SaxesParser();
  if (h.open) p.on("opentag", h.open);
  if (h.text) p.on("text", h.text);
  if (h.close) {
    const close = h.close;
    p.on("closetag", (t) => close(local(t.name)));
  }
  const dec = new TextDecoder("utf-8");
  const feed = (chunk: Uint8Array) => p.write(dec.decode(chunk, { stream: true }));
  try {
    const e = pkg.entry(part);
    if (e) streamEntry(e, feed);
    else feed(pkg.bytes(part));
    p.write(dec.decode());
    p.close();
  } catch (err) {
    if (err instanceof XlsxError) throw err;
    throw new XlsxError("malformed", { part });
  }
}

interface ScanHandlers {
  open(local: string, attr: (name: string) => string | undefined): void;
  text(t: string): void;
  close(local: string): void;
}

/**
 * A worksheet's XML scanned as it is inflated: the same events as saxes for the few elements a
 * sheet's values are in, without an object per tag and its attributes (a district's sheets hold
 * millions of tags; docs/performance.md). Well-formedness is checked as far as reading needs:
 * every tag closed, in order, and no text outside the root.
 */
export class SheetScanner {
  private buf = "";
  private readonly stack: string[] = [];

  constructor(private readonly h: ScanHandlers) {}

  write(chunk: string): void {
    this.buf = this.buf ? this.buf + chunk : chunk;
    this.run(false);
  }

  close(): void {
    this.run(true);
    if (this.stack.length || this.buf.trim()) throw new Error("unclosed");
  }

  private text(t: string): void {
    if (!this.stack.length) {
      if (t.replace(/^\uFEFF/, "").trim()) throw new Error("text outside the root");
      return;
    }
    this.h.text(t.indexOf("&") >= 0 ? unescapeXml(t) : t);
  }

  private run(final: boolean): void {
    const b = this.buf;
    let i = 0;
    for (;;) {
      const lt = b.indexOf("<", i);
      if (lt < 0) {
        if (final && i < b.length) {
          this.text(b.slice(i));
          i = b.length;
        }
        break;
      }
      if (lt > i) this.text(b.slice(i, lt));
      i = lt;
      const c = b.charCodeAt(lt + 1);
      if (Number.isNaN(c)) break;
      if (c === 33 /* ! */) {
        if (b.startsWith("<!--", lt)) {
          const e = b.indexOf("-->", lt + 4);
          if (e < 0) break;
          i = e + 3;
        } else if (b.startsWith("<![CDATA[", lt)) {
          const e = b.indexOf("]]>", lt + 9);
          if (e < 0) break;
          if (this.stack.length) this.h.text(b.slice(lt + 9, e));
          i = e + 3;
        } else if (b.length - lt < 9) break;
        else {
          const e = b.indexOf(">", lt);
          if (e < 0) break;
          i = e + 1;
        }
        continue;
      }
      if (c === 63 /* ? */) {
        const e = b.indexOf("?>", lt + 2);
        if (e < 0) break;
        i = e + 2;
        continue;
      }
      let j = lt + 1;
      let quote = 0;
      for (; j < b.length; j++) {
        const ch = b.charCodeAt(j);
        if (quote) {
          if (ch === quote) quote = 0;
        } else if (ch === 34 || ch === 39) quote = ch;
        else if (ch === 62) break;
      }
      if (j >= b.length) break;
      const tag = b.slice(lt, j + 1);
      i = j + 1;
      if (c === 47 /* / */) {
        const name = tag.slice(2, -1).trim();
        if (this.stack.pop() !== name) throw new Error(`mismatched </${name}>`);
        this.h.close(local(name));
        continue;
      }
      let k = 1;
      // The name ends at white space, "/" or ">" (character codes: a district's sheets hold millions of tags).
      while (k < tag.length) {
        const ch = tag.charCodeAt(k);
        if (ch === 47 || ch === 62 || ch === 32 || ch === 9 || ch === 10 || ch === 13) break;
        k++;
      }
      const name = tag.slice(1, k);
      if (!name) throw new Error("empty tag");
      const ln = local(name);
      this.h.open(ln, (n) => attrOf(tag, n));
      if (tag.charCodeAt(tag.length - 2) === 47) this.h.close(ln);
      else this.stack.push(name);
    }
    this.buf = i ? b.slice(i) : b;
  }
}

/** Streams a worksheet part through the scanner; malformed XML is an error naming the part. */
function scanPart(pkg: Package, part: string, h: ScanHandlers): void {
  const sc = new SheetScanner(h);
  const dec = new TextDecoder("utf-8");
  const feed = (chunk: Uint8Array) => sc.write(dec.decode(chunk, { stream: true }));
  try {
    const e = pkg.entry(part);
    if (e) streamEntry(e, feed);
    else feed(pkg.bytes(part));
    sc.write(dec.decode());
    sc.close();
  } catch (err) {
    if (err instanceof XlsxError) throw err;
    throw new XlsxError("malformed", { part });
  }
}

const truthy = (v: string | undefined) => v === "1" || v === "true";

export function readModel(pkg: Package, opts: { allowEmpty?: boolean } = {}): WorkbookModel {
  const doc =
    pkg.related("", REL.officeDocument)[0] ?? (pkg.has("_rels/.rels") ? undefined : { part: "xl/workbook.xml" });
  const workbookPart = doc && pkg.find(doc.part);
  if (!workbookPart) throw new XlsxError("notWorkbook");
  const rels = new Map(pkg.rels(workbookPart).map((r) => [r.id, r]));
  const sheets: SheetInfo[] = [];
  let structureLocked = false;
  const names: (DefinedName & { local?: number })[] = [];
  let inName: (DefinedName & { local?: number }) | undefined;
  parsePart(pkg, workbookPart, {
    text: (t) => {
      if (inName) inName.formula += t;
    },
    close: (n) => {
      if (n === "definedName") inName = undefined;
    },
    open: (t) => {
      const name = local(t.name);
      if (name === "definedName") {
        const a = t.attributes;
        const local_ = a.localSheetId !== undefined ? Number(a.localSheetId) : undefined;
        inName = {
          name: a.name ?? "",
          formula: "",
          hidden: truthy(a.hidden),
          ...(local_ !== undefined ? { local: local_ } : {}),
        };
        names.push(inName);
      } else if (name === "sheet") {
        const a = t.attributes;
        const ridKey = Object.keys(a).find((k) => k === "r:id" || (k.endsWith(":id") && k !== "xml:id")) ?? "id";
        const rid = a[ridKey] ?? "";
        const rel = rels.get(rid);
        const part = rel && rel.type.endsWith(REL.worksheet) ? pkg.find(resolve(workbookPart, rel.target)) : undefined;
        const state: SheetInfo["state"] =
          a.state === "hidden" ? "hidden" : a.state === "veryHidden" ? "veryHidden" : "visible";
        sheets.push({ name: a.name ?? "", sheetId: Number(a.sheetId), rid, ...(part ? { part } : {}), state });
      } else if (name === "workbookProtection") structureLocked = truthy(t.attributes.lockStructure);
    },
  });
  if (!sheets.length && !opts.allowEmpty) throw new XlsxError("notWorkbook");
  const one = (type: string) =>
    pkg
      .related(workbookPart, type)
      .map((r) => pkg.find(r.part))
      .find((x) => x);
  const defined = names.map(({ local: l, ...n }) =>
    l !== undefined && sheets[l] ? { ...n, scope: sheets[l].name } : n,
  );
  return {
    pkg,
    workbookPart,
    sheets,
    sharedStringsPart: one(REL.sharedStrings),
    stylesPart: one(REL.styles),
    structureLocked,
    names: defined,
  };
}

function resolve(source: string, target: string): string {
  const segs = target.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const s of target.replace(/^\//, "").split("/")) {
    if (s === "..") segs.pop();
    else if (s !== "." && s) segs.push(s);
  }
  return segs.join("/");
}

export function readSharedStrings(model: WorkbookModel): string[] {
  const out: string[] = [];
  if (!model.sharedStringsPart) return out;
  let text = "";
  let inT = false;
  let phonetic = 0;
  parsePart(model.pkg, model.sharedStringsPart, {
    open: (t) => {
      const n = local(t.name);
      if (n === "si") text = "";
      else if (n === "t") inT = true;
      else if (n === "rPh") phonetic++;
    },
    text: (s) => {
      if (inT && !phonetic) text += s;
    },
    close: (n) => {
      if (n === "t") inT = false;
      else if (n === "rPh") phonetic--;
      else if (n === "si") out.push(decodeOoxmlText(text));
    },
  });
  return out;
}

/** Each cell format's number format code (cellXfs → numFmtId → code), by xf index. */
export function readCellFormats(model: WorkbookModel): string[] {
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  if (!model.stylesPart) return [];
  let inXfs = false;
  parsePart(model.pkg, model.stylesPart, {
    open: (t) => {
      const n = local(t.name);
      if (n === "numFmt") custom.set(Number(t.attributes.numFmtId), t.attributes.formatCode ?? "");
      else if (n === "cellXfs") inXfs = true;
      else if (n === "xf" && inXfs) xfIds.push(Number(t.attributes.numFmtId ?? 0));
    },
    close: (n) => {
      if (n === "cellXfs") inXfs = false;
    },
  });
  return xfIds.map((id) => custom.get(id) ?? BUILTIN_FORMATS[id] ?? "General");
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** "XFD1048576" → [row, col], 0-based; null when it is no cell reference. */
export function parseRef(ref: string): [number, number] | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + c - 64;
    else if (c >= 97 && c <= 122) col = col * 26 + c - 96;
    else break;
  }
  const row = Number(ref.slice(i));
  if (!i || !Number.isInteger(row) || row < 1) return null;
  return [row - 1, col - 1];
}

export interface SheetRead {
  grid: Grid;
  protected: boolean;
}

export function readSheet(
  model: WorkbookModel,
  sheet: SheetInfo,
  sst: readonly string[],
  formats: readonly string[],
): SheetRead {
  const merges: RangeRef[] = [];
  const tables: GridTable[] = [];
  const g = emptyGrid(sheet.name, { visibility: sheet.state, merges, tables });
  let isProtected = false;
  if (!sheet.part) return { grid: g, protected: false };
  let row = -1;
  let col = -1;
  let type: string | undefined;
  let style = 0;
  let v: string | null = null;
  let inV = false;
  let formula = false;
  let inIs = false;
  let inT = false;
  let phonetic = 0;
  let isText = "";
  let depth = 0;
  let dataDepth = -1;
  scanPart(model.pkg, sheet.part, {
    open: (n, attr) => {
      depth++;
      if (n === "c") {
        const r = attr("r");
        const ref = r ? parseRef(r) : null;
        if (ref) [row, col] = ref;
        else col++;
        type = attr("t");
        const st = attr("s");
        style = st ? Number(st) : 0;
        v = null;
        formula = false;
        isText = "";
      } else if (n === "v") {
        inV = true;
        v = "";
      } else if (n === "f") formula = true;
      else if (n === "is") inIs = true;
      else if (n === "t") inT = inIs;
      else if (n === "rPh") phonetic++;
      else if (n === "row") {
        const r = Number(attr("r"));
        row = r >= 1 ? r - 1 : row + 1;
        col = -1;
      } else if (n === "sheetData") dataDepth = depth;
      else if (n === "mergeCell") {
        const ref = attr("ref");
        if (ref)
          try {
            merges.push(parseRange(ref));
          } catch {
            /* a damaged merge is ignored, as Excel repairs it */
          }
      } else if (n === "sheetProtection") isProtected = truthy(attr("sheet"));
    },
    text: (s) => {
      if (inV) v += s;
      else if (inT && !phonetic) isText += s;
    },
    close: (n) => {
      depth--;
      if (n === "v") inV = false;
      else if (n === "t") inT = false;
      else if (n === "is") inIs = false;
      else if (n === "rPh") phonetic--;
      else if (n === "sheetData") dataDepth = -1;
      else if (n === "c" && depth === dataDepth + 1 && row >= 0 && row < MAX_ROWS && col >= 0 && col < MAX_COLS) {
        const value = cellValue(type, v, isText, sst);
        if (value !== null || formula) setCell(g, row, col, value, formats[style] ?? null, formula);
      }
    },
  });
  for (const { part } of model.pkg.related(sheet.part, REL.table)) {
    if (!model.pkg.has(part)) continue;
    parsePart(model.pkg, part, {
      open: (t) => {
        if (local(t.name) !== "table") return;
        const a = t.attributes;
        if (!a.ref || !a.ref.includes(":")) return;
        try {
          tables.push({
            name: a.displayName ?? a.name ?? "",
            range: parseRange(a.ref),
            showHeaders: a.headerRowCount !== "0",
          });
        } catch {
          /* a table without a readable range is no table to read */
        }
      },
    });
  }
  return { grid: g, protected: isProtected };
}

function cellValue(type: string | undefined, v: string | null, isText: string, sst: readonly string[]): CellValue {
  switch (type) {
    case "s":
      return v === null || v === "" ? null : (sst[Number(v)] ?? null);
    case "inlineStr":
      return isText === "" ? (v === null ? null : decodeOoxmlText(v)) : decodeOoxmlText(isText);
    case "str":
      return v === null ? null : decodeOoxmlText(v);
    case "b":
      return v === null || v === "" ? null : v.trim() === "1" || v.trim() === "true";
    case "e":
      return v === null ? null : { error: v };
    case "d": {
      if (!v) return null;
      const ms = Date.parse(/Z|[+-]\d\d:?\d\d$/.test(v) || !/T/.test(v) ? v : `${v}Z`);
      return Number.isNaN(ms) ? v : (ms - EXCEL_EPOCH) / 86400000;
    }
    default: {
      if (v === null || v.trim() === "") return null;
      const n = Number(v);
      return Number.isNaN(n) ? v : n;
    }
  }
}

export interface WorkbookRead {
  model: WorkbookModel;
  grids: Grid[];
  /** The workbook's defined names. */
  names: DefinedName[];
  protectedSheets: string[];
}

export function readWorkbookPackage(data: Uint8Array): WorkbookRead {
  const model = readModel(openPackage(data));
  const sst = readSharedStrings(model);
  const formats = readCellFormats(model);
  const grids: Grid[] = [];
  const protectedSheets: string[] = [];
  for (const s of model.sheets) {
    const r = readSheet(model, s, sst, formats);
    grids.push(r.grid);
    if (r.protected) protectedSheets.push(s.name);
  }
  return { model, grids, names: model.names, protectedSheets };
}
