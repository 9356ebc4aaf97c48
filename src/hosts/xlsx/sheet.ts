/**
 * A worksheet part patched in place: TC8's cells spliced into the rows (new rows where there were
 * none), its previous cells taken out, marked cells given TC8's formats; every other row and cell
 * is copied as the text it was.
 */
import { a1, contains, type RangeRef } from "../../core/shared/grid";
import { parseRef } from "./read";
import {
  appendInto,
  attrOf,
  attrsOf,
  childOfRoot,
  Utf8Sink,
  childrenOf,
  elementEnd,
  escapeAttr,
  escapeText,
  insertInOrder,
  nextTag,
  prefixOf,
  rootOf,
  setAttr,
  type Tag,
  unescapeXml,
  WORKSHEET_ORDER,
} from "./xml";

export interface CellOp {
  /**
   * A cell TC8 marked last time: given its format now (null: none) and whether it is empty, the
   * format to give it back (null: none), "remove" for a cell TC8 made and nothing else holds, or
   * undefined to leave it (it no longer shows TC8's mark).
   */
  restore?: (s: number | null, empty: boolean) => number | null | "remove" | undefined;
  /** A value, in TC8's format `xf`, or keeping the cell's own format ("keep": its `s`, else its row's or column's). */
  write?: { value: string | number | null; xf: number | "keep" };
  /** Marks the cell: TC8's format derived from the cell's own (`base`). */
  mark?: (base: number, created: boolean, userXf: number | null) => number;
}

/** A row's own height as TC8 found it (its `ht` and `customHeight`), and the height TC8 gave it. */
export interface RowOriginal {
  ht: string | null;
  custom: string | null;
  tc8: number;
}

/** A row TC8's wrapped text needs taller, and a row it made taller last time. */
export interface RowHeightOp {
  /** Made taller last time: its own height back, if it still has TC8's. */
  restore?: RowOriginal;
  /** The height TC8's cells in it need (points); the row is made taller only if it is shorter. */
  need?: number;
  /** Told what the row was before TC8 made it taller, for the state. */
  saved?: (original: RowOriginal) => void;
}

export interface SheetPatch {
  ops: Map<number, Map<number, CellOp>>;
  clears: RangeRef[];
  /** Cells whose format alone goes (their value stays). */
  formatClears?: RangeRef[];
  widths: Map<number, number>;
  heights?: Map<number, RowHeightOp>;
  /** A `<legacyDrawing r:id>` to add (TC8's notes on a sheet that had none). */
  legacyDrawing?: string;
  /** Merged areas of TC8's to take away (each exactly as it is there) and to add. */
  merges?: { remove: RangeRef[]; add: RangeRef[] };
  /** Dropdown lists to add. */
  validations?: { range: RangeRef; list: string[] }[];
  /** The right part of the printed page header, changed only while it is `before`. */
  headerRight?: { before: string; after: string };
}

export function cellXml(
  p: string,
  row: number,
  col: number,
  xf: number,
  value: string | number | null | undefined,
): string {
  const s = xf ? ` s="${xf}"` : "";
  const r = a1(row, col);
  if (value === null || value === undefined || value === "") return `<${p}c r="${r}"${s}/>`;
  if (typeof value === "number")
    return `<${p}c r="${r}"${s}><${p}v>${Number.isFinite(value) ? value : 0}</${p}v></${p}c>`;
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : "";
  return `<${p}c r="${r}"${s} t="inlineStr"><${p}is><${p}t${space}>${escapeText(value)}</${p}t></${p}is></${p}c>`;
}

interface ColDef {
  min: number;
  max: number;
  text: string;
}

function readCols(xml: string): ColDef[] {
  const el = childOfRoot(xml, "cols");
  if (!el) return [];
  return childrenOf(xml, el.tag).map((c) => {
    const text = xml.slice(c.tag.start, c.end);
    return { min: Number(attrOf(text, "min")), max: Number(attrOf(text, "max")), text };
  });
}

/** The format a new cell takes where there was none: its row's, else its column's. */
function inheritedXf(rowTag: string | undefined, cols: ColDef[], col: number): number {
  if (rowTag) {
    const a = attrsOf(rowTag);
    if ((a.get("customFormat") === "1" || a.get("customFormat") === "true") && a.has("s")) return Number(a.get("s"));
  }
  const c = cols.find((x) => col + 1 >= x.min && col + 1 <= x.max);
  return c ? Number(attrOf(c.text, "style") ?? 0) : 0;
}

interface ExistingCell {
  col: number;
  start: number;
  end: number;
  tag: Tag;
}

export function patchSheet(xml: string, patch: SheetPatch): string | Uint8Array {
  const root = rootOf(xml);
  const p = prefixOf(root);
  // The part is edited as three pieces: the elements before the cells (dimension, columns), the
  // cells, and the elements after them, so no edit walks over a district's rows again.
  const sd = childOfRoot(xml, "sheetData");
  if (!sd) return xml;
  const rootOpen = xml.slice(root.start, root.end);
  const rootClose = `</${root.name}>`;
  let head = xml.slice(0, sd.tag.start) + rootClose;
  let tail = rootOpen + xml.slice(sd.end);
  const cols = readCols(head);
  const rowsWithOps = [...new Set([...patch.ops.keys(), ...(patch.heights?.keys() ?? [])])].sort((a, b) => a - b);
  const touched = (r: number) =>
    patch.ops.has(r) ||
    !!patch.heights?.has(r) ||
    patch.clears.some((c) => r >= c.r0 && r <= c.r1) ||
    !!patch.formatClears?.some((c) => r >= c.r0 && r <= c.r1);
  const formatPr = childOfRoot(head, "sheetFormatPr");
  const defaultHeight =
    Number((formatPr && attrOf(head.slice(formatPr.tag.start, formatPr.tag.end), "defaultRowHeight")) ?? 15) || 15;
  /** A row's opening tag with TC8's height taken back and given again as its cells need. */
  const withHeight = (row: number, open: string): string => {
    const h = patch.heights?.get(row);
    if (!h) return open;
    let tag = open;
    const ht = attrOf(tag, "ht");
    if (h.restore && ht !== undefined && Number(ht) === h.restore.tc8)
      tag = setAttr(setAttr(tag, "ht", h.restore.ht), "customHeight", h.restore.custom);
    if (h.need !== undefined) {
      const now = attrOf(tag, "ht");
      const current = now !== undefined ? Number(now) : defaultHeight;
      if (current < h.need) {
        h.saved?.({ ht: now ?? null, custom: attrOf(tag, "customHeight") ?? null, tc8: h.need });
        tag = setAttr(setAttr(tag, "ht", String(h.need)), "customHeight", "1");
      }
    }
    return tag;
  };
  let minR = Infinity,
    maxR = -1,
    minC = Infinity,
    maxC = -1;
  const grow = (r: number, c: number) => {
    minR = Math.min(minR, r);
    maxR = Math.max(maxR, r);
    minC = Math.min(minC, c);
    maxC = Math.max(maxC, c);
  };

  const rowContent = (row: number, rowTag: string | undefined, cells: ExistingCell[], src: string): string => {
    const ops = patch.ops.get(row);
    const out: { col: number; text: string }[] = [];
    const seen = new Set<number>();
    // The clears over this row, looked for once per row rather than per cell.
    const clears = patch.clears.filter((r) => row >= r.r0 && row <= r.r1);
    const formatClears = patch.formatClears?.filter((r) => row >= r.r0 && row <= r.r1) ?? [];
    for (const c of cells) {
      let text = src.slice(c.start, c.end);
      seen.add(c.col);
      if (clears.length && clears.some((r) => contains(r, row, c.col))) text = "";
      else if (formatClears.length && formatClears.some((r) => contains(r, row, c.col)))
        text = setAttr(src.slice(c.tag.start, c.tag.end), "s", null) + src.slice(c.tag.end, c.end);
      const op = ops?.get(c.col);
      if (text && op?.restore) {
        const open = src.slice(c.tag.start, c.tag.end);
        const sAttr = attrOf(open, "s");
        const back = op.restore(sAttr === undefined ? null : Number(sAttr), c.tag.kind === "empty");
        if (back === "remove") text = "";
        else if (back !== undefined)
          text = setAttr(open, "s", back === null ? null : String(back)) + src.slice(c.tag.end, c.end);
      }
      if (op?.write) {
        const own = attrOf(src.slice(c.tag.start, c.tag.end), "s");
        const xf = op.write.xf === "keep" ? (own === undefined ? 0 : Number(own)) : op.write.xf;
        text = cellXml(p, row, c.col, xf, op.write.value);
      } else if (op?.mark) {
        if (text) {
          const open = text.slice(0, nextTag(text, 0)!.end);
          const sAttr = attrOf(open, "s");
          const xf = op.mark(
            sAttr === undefined ? 0 : Number(sAttr),
            false,
            sAttr === undefined ? null : Number(sAttr),
          );
          text = setAttr(open, "s", String(xf)) + text.slice(open.length);
        } else {
          const base = inheritedXf(rowTag, cols, c.col);
          text = cellXml(p, row, c.col, op.mark(base, true, null), null);
        }
      }
      if (text) {
        out.push({ col: c.col, text });
        if (op?.write || op?.mark) grow(row, c.col);
      }
    }
    for (const [col, op] of ops ?? []) {
      if (seen.has(col)) continue;
      let text = "";
      if (op.write)
        text = cellXml(
          p,
          row,
          col,
          op.write.xf === "keep" ? inheritedXf(rowTag, cols, col) : op.write.xf,
          op.write.value,
        );
      else if (op.mark) text = cellXml(p, row, col, op.mark(inheritedXf(rowTag, cols, col), true, null), null);
      if (!text) continue;
      grow(row, col);
      // Before the first cell to its right, so the user's cells keep their order.
      const at = out.findIndex((x) => x.col > col);
      if (at < 0) out.push({ col, text });
      else out.splice(at, 0, { col, text });
    }
    return out.map((x) => x.text).join("");
  };

  /** The new cells' text when a row only gets writes right of its last cell; null otherwise. */
  const appendOnly = (src: string, t: Tag, end: number, row: number, bang: { at: number }): string | null => {
    const ops = patch.ops.get(row);
    if (!ops) return null;
    if (
      patch.clears.some((c) => row >= c.r0 && row <= c.r1) ||
      patch.formatClears?.some((c) => row >= c.r0 && row <= c.r1)
    )
      return null;
    let min = Infinity;
    for (const [col, op] of ops) {
      if (!op.write || op.mark || op.restore) return null;
      if (col < min) min = col;
    }
    const last = src.lastIndexOf(`<${p}c `, end);
    if (last < t.end) return null;
    const lastTag = nextTag(src, last);
    const ref = lastTag && attrOf(src.slice(lastTag.start, lastTag.end), "r");
    const rc = ref ? parseRef(ref) : null;
    if (!lastTag || !rc || rc[1] >= min) return null;
    // Nothing but the row's end after that cell (no extLst to keep after the cells).
    const cellEnd =
      lastTag.kind === "empty" ? lastTag.end : src.indexOf(`</${lastTag.name}>`, lastTag.end) + lastTag.name.length + 3;
    // `bang` is the first "<!" at or after the row's start (rowEndOf keeps it): none may be inside the row.
    if (cellEnd !== end - t.name.length - 3 || (bang.at >= 0 && bang.at < end)) return null;
    let text = "";
    const rowOpen = src.slice(t.start, t.end);
    for (const col of [...ops.keys()].sort((a, b) => a - b)) {
      const w = ops.get(col)!.write!;
      text += cellXml(p, row, col, w.xf === "keep" ? inheritedXf(rowOpen, cols, col) : w.xf, w.value);
      grow(row, col);
    }
    return text;
  };

  // The rows of sheetData, each copied as it is unless TC8 changes one of its cells.
  // The bounds of TC8's cells, known from the plan, so the head is written before the rows.
  for (const [r, ops] of patch.ops) for (const [c, op] of ops) if (op.write || op.mark) grow(r, c);
  if (maxR >= 0) head = widenDimension(head, { r0: minR, c0: minC, r1: maxR, c1: maxC });
  if (patch.widths.size) head = setWidths(head, p, patch.widths);
  // Written as it goes: nothing of a district's rows is kept but the bytes.
  const out = new Utf8Sink(Math.ceil(xml.length * 1.25) + (1 << 16));
  out.push(head.slice(0, head.length - rootClose.length));
  const parts = { push: (...xs: string[]) => xs.forEach((x) => out.push(x)) };
  let pos = sd.tag.start;
  let ri = 0;
  const newRows = (before: number) => {
    let s = "";
    while (ri < rowsWithOps.length && rowsWithOps[ri] < before) {
      const r = rowsWithOps[ri++];
      const content = rowContent(r, undefined, [], "");
      if (content) s += `${withHeight(r, `<${p}row r="${r + 1}">`)}${content}</${p}row>`;
    }
    return s;
  };
  {
    if (sd.tag.kind === "empty") {
      const rows = newRows(Infinity);
      if (rows) {
        parts.push(`<${sd.tag.name}>${rows}</${sd.tag.name}>`);
        pos = sd.end;
      }
    } else {
      let prevRow = -1;
      const bang = { at: xml.indexOf("<!", sd.tag.end) };
      let t = nextTag(xml, sd.tag.end);
      while (t && !(t.kind === "close" && t.local === "sheetData")) {
        if (t.local !== "row" || t.kind === "close") {
          t = nextTag(xml, elementEnd(xml, t));
          continue;
        }
        const open = xml.slice(t.start, t.end);
        const rAttr = attrOf(open, "r");
        const row = rAttr ? Number(rAttr) - 1 : prevRow + 1;
        prevRow = row;
        const end = rowEndOf(xml, t, bang);
        const inserted = newRows(row);
        if (inserted) {
          parts.push(xml.slice(pos, t.start), inserted);
          pos = t.start;
        }
        const appended = t.kind === "open" ? appendOnly(xml, t, end, row, bang) : null;
        if (appended !== null) {
          // TC8's cells all right of the row's last cell (its columns beside the user's): added
          // before the row's end, the user's cells not even looked at.
          if (rowsWithOps[ri] === row) ri++;
          parts.push(
            xml.slice(pos, t.start),
            withHeight(row, widenSpans(open, [], patch.ops.get(row))),
            xml.slice(t.end, end - t.name.length - 3),
            appended,
            `</${t.name}>`,
          );
          pos = end;
        } else if (touched(row)) {
          if (rowsWithOps[ri] === row) ri++;
          const cells: ExistingCell[] = [];
          let trailing = "";
          if (t.kind === "open") {
            let col = -1;
            for (const c of cellsOfRow(xml, t, end)) {
              if (c.tag.local !== "c") {
                trailing += xml.slice(c.tag.start, c.end);
                continue;
              }
              const ref = attrOf(xml.slice(c.tag.start, c.tag.end), "r");
              const rc = ref ? parseRef(ref) : null;
              col = rc ? rc[1] : col + 1;
              cells.push({ col, start: c.tag.start, end: c.end, tag: c.tag });
            }
          }
          const content = rowContent(row, open, cells, xml);
          const heightOpen = withHeight(row, open);
          const unchanged =
            heightOpen === open &&
            (t.kind === "empty"
              ? !content
              : cells.length > 0 && content + trailing === xml.slice(t.end, end - t.name.length - 3));
          // A row whose cells and height TC8 leaves as they are is copied as it was, to the byte.
          if (!unchanged) {
            const newOpen = widenSpans(heightOpen.replace(/\s*\/>$/, ">"), cells, patch.ops.get(row));
            parts.push(
              xml.slice(pos, t.start),
              content || trailing || t.kind === "open" ? `${newOpen}${content}${trailing}</${t.name}>` : heightOpen,
            );
            pos = end;
          }
        }
        t = nextTag(xml, end);
      }
      const rest = newRows(Infinity);
      if (rest && t) {
        parts.push(xml.slice(pos, t.start), rest);
        pos = t.start;
      }
    }
  }
  parts.push(xml.slice(pos, sd.end));

  if (patch.legacyDrawing && !childOfRoot(tail, "legacyDrawing"))
    tail = insertInOrder(tail, WORKSHEET_ORDER, "legacyDrawing", `<${p}legacyDrawing r:id="${patch.legacyDrawing}"/>`);
  if (patch.merges) tail = patchMerges(tail, p, patch.merges);
  if (patch.headerRight) tail = patchHeaderRight(tail, patch.headerRight);
  if (patch.validations?.length) {
    const el = childOfRoot(tail, "dataValidations");
    const count = (el ? childrenOf(tail, el.tag).length : 0) + patch.validations.length;
    const items = patch.validations.map((v) => listValidationXml(p, v.range, v.list)).join("");
    tail = el
      ? appendInto(tail, el, items, count)
      : insertInOrder(
          tail,
          WORKSHEET_ORDER,
          "dataValidations",
          `<${p}dataValidations count="${count}">${items}</${p}dataValidations>`,
        );
  }
  out.push(tail.slice(rootOpen.length));
  return out.bytes();
}

/** The right part (`&R…`) of the odd pages' header, put to `after` while it is `before`. */
function patchHeaderRight(tail: string, h: { before: string; after: string }): string {
  const hf = childOfRoot(tail, "headerFooter");
  const odd = hf && childrenOf(tail, hf.tag).find((c) => c.tag.local === "oddHeader" && c.tag.kind === "open");
  if (!odd) return tail;
  const close = tail.lastIndexOf("</", odd.end - 1);
  const text = unescapeXml(tail.slice(odd.tag.end, close));
  const at = text.lastIndexOf("&R");
  if (at < 0 || text.slice(at + 2) !== h.before) return tail;
  return tail.slice(0, odd.tag.end) + escapeAttr(text.slice(0, at + 2) + h.after) + tail.slice(close);
}

/** A dropdown list over a range, as TC8 writes it (the list's values are its error message too). */
export function listValidationXml(p: string, range: RangeRef, list: readonly string[]): string {
  return `<${p}dataValidation type="list" allowBlank="1" showErrorMessage="1" errorTitle="TC8" error="${escapeAttr(list.join(" / "))}" sqref="${rangeRef(range)}"><${p}formula1>${escapeAttr(`"${list.join(",")}"`)}</${p}formula1></${p}dataValidation>`;
}

/** `<mergeCells>` without TC8's merged areas that go, with its new ones; the user's stay as they are. */
function patchMerges(tail: string, p: string, m: { remove: RangeRef[]; add: RangeRef[] }): string {
  const el = childOfRoot(tail, "mergeCells");
  const gone = new Set(m.remove.map(rangeRef));
  let kept: string[] = [];
  if (el)
    kept = childrenOf(tail, el.tag)
      .map((c) => tail.slice(c.tag.start, c.end))
      .filter((c) => !gone.has((attrOf(c, "ref") ?? "").replace(/\$/g, "")));
  const items = [...kept, ...m.add.map((r) => `<${p}mergeCell ref="${rangeRef(r)}"/>`)];
  if (el) {
    if (!items.length) return tail.slice(0, el.tag.start) + tail.slice(el.end);
    if (kept.length === childrenOf(tail, el.tag).length && !m.add.length) return tail;
    const open = setAttr(tail.slice(el.tag.start, el.tag.end).replace(/\s*\/>$/, ">"), "count", String(items.length));
    return tail.slice(0, el.tag.start) + open + items.join("") + `</${el.tag.name}>` + tail.slice(el.end);
  }
  if (!items.length) return tail;
  return insertInOrder(
    tail,
    WORKSHEET_ORDER,
    "mergeCells",
    `<${p}mergeCells count="${items.length}">${items.join("")}</${p}mergeCells>`,
  );
}

const rangeRef = (r: RangeRef) =>
  r.r0 === r.r1 && r.c0 === r.c1 ? a1(r.r0, r.c0) : `${a1(r.r0, r.c0)}:${a1(r.r1, r.c1)}`;

/**
 * The children of a row, its cells found directly: a cell holds no `</c>` but its own (text in XML
 * cannot hold `<`), unless a comment or CDATA is there, when the general walk is taken.
 */
function cellsOfRow(xml: string, row: Tag, rowEnd: number): { tag: Tag; end: number }[] {
  const inner = xml.slice(row.end, rowEnd);
  if (inner.includes("<!")) return childrenOf(xml, row);
  const out: { tag: Tag; end: number }[] = [];
  let t = nextTag(xml, row.end);
  while (t && t.kind !== "close" && t.start < rowEnd) {
    let end: number;
    if (t.kind === "empty") end = t.end;
    else if (t.local === "c") {
      const close = `</${t.name}>`;
      const i = xml.indexOf(close, t.end);
      end = i < 0 ? elementEnd(xml, t) : i + close.length;
    } else end = elementEnd(xml, t);
    out.push({ tag: t, end });
    t = nextTag(xml, end);
  }
  return out;
}

/**
 * Where a row element ends: its `</row>`, found directly unless a comment or CDATA could hide one.
 * `bang` remembers the next `<!` so that finding it costs one pass over the sheet, not one per row.
 */
function rowEndOf(xml: string, t: Tag, bang: { at: number }): number {
  if (t.kind === "empty") return t.end;
  const close = `</${t.name}>`;
  const i = xml.indexOf(close, t.end);
  if (bang.at >= 0 && bang.at < t.end) bang.at = xml.indexOf("<!", t.end);
  if (i >= 0 && (bang.at < 0 || bang.at > i)) return i + close.length;
  return elementEnd(xml, t);
}

const SPANS = /^(\d+):(\d+)$/;

/** A row's `spans` hint widened to TC8's cells (Excel reads it as a hint only). */
function widenSpans(open: string, cells: ExistingCell[], ops: Map<number, CellOp> | undefined): string {
  const spans = attrOf(open, "spans");
  if (!spans || !ops) return open;
  const m = SPANS.exec(spans);
  if (!m) return open;
  let lo = Number(m[1]);
  let hi = Number(m[2]);
  // Plain loops: every row of a district's sheet that gets TC8's cells comes here.
  for (const col of ops.keys()) {
    if (col + 1 < lo) lo = col + 1;
    if (col + 1 > hi) hi = col + 1;
  }
  for (const c of cells) {
    if (c.col + 1 < lo) lo = c.col + 1;
    if (c.col + 1 > hi) hi = c.col + 1;
  }
  return `${lo}:${hi}` === spans ? open : setAttr(open, "spans", `${lo}:${hi}`);
}

function widenDimension(xml: string, add: RangeRef): string {
  const el = childOfRoot(xml, "dimension");
  if (!el) return xml;
  const open = xml.slice(el.tag.start, el.tag.end);
  const ref = attrOf(open, "ref");
  if (!ref) return xml;
  const [a, b] = ref.split(":");
  const s = parseRef(a);
  const e = b ? parseRef(b) : s;
  if (!s || !e) return xml;
  const r = {
    r0: Math.min(s[0], add.r0),
    c0: Math.min(s[1], add.c0),
    r1: Math.max(e[0], add.r1),
    c1: Math.max(e[1], add.c1),
  };
  const next = r.r0 === r.r1 && r.c0 === r.c1 ? a1(r.r0, r.c0) : `${a1(r.r0, r.c0)}:${a1(r.r1, r.c1)}`;
  if (next === ref) return xml;
  return xml.slice(0, el.tag.start) + setAttr(open, "ref", next) + xml.slice(el.tag.end);
}

/**
 * Column widths for TC8's columns. A `<col>` range of the user's that covers one is split around
 * it, each piece keeping the user's attributes.
 */
export function setWidths(xml: string, p: string, widths: Map<number, number>): string {
  const defs = readCols(xml);
  for (const [col, width] of [...widths].sort((a, b) => a[0] - b[0])) {
    const n = col + 1;
    const i = defs.findIndex((d) => n >= d.min && n <= d.max);
    const mine = (base: string) =>
      setAttr(
        setAttr(setAttr(setAttr(base, "min", String(n)), "max", String(n)), "width", String(width)),
        "customWidth",
        "1",
      );
    if (i < 0) {
      defs.push({ min: n, max: n, text: mine(`<${p}col min="${n}" max="${n}"/>`) });
      continue;
    }
    const d = defs[i];
    const pieces: ColDef[] = [];
    if (d.min < n) pieces.push({ min: d.min, max: n - 1, text: setAttr(d.text, "max", String(n - 1)) });
    pieces.push({ min: n, max: n, text: mine(d.text) });
    if (d.max > n) pieces.push({ min: n + 1, max: d.max, text: setAttr(d.text, "min", String(n + 1)) });
    defs.splice(i, 1, ...pieces);
  }
  defs.sort((a, b) => a.min - b.min);
  const body = defs.map((d) => d.text).join("");
  const el = childOfRoot(xml, "cols");
  if (el) return xml.slice(0, el.tag.start) + `<${el.tag.name}>${body}</${el.tag.name}>` + xml.slice(el.end);
  return insertInOrder(xml, WORKSHEET_ORDER, "cols", `<${p}cols>${body}</${p}cols>`);
}
