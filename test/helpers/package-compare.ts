/**
 * What "the user's workbook plus TC8's additions, nothing less" means, checked part by part: a part
 * TC8 does not own is byte-identical; in a part it edits, every element of the user's is still
 * there, unchanged (parsed and compared element by element), with TC8's own appended.
 */
import { SaxesParser } from "saxes";
import { parseRange } from "../../src/core/shared/grid";
import { CHECKLIST_SHEET, STATE_SHEET, SUMMARY_SHEET } from "../../src/core/state/own";
import { readAnchors } from "../../src/core/state/anchors";
import { ownSheets as ownSheetsIn } from "../../src/core/read/read";
import { Package, relsPathOf } from "../../src/hosts/xlsx/package";
import { readWorkbookPackage } from "../../src/hosts/xlsx/read";

export interface XNode {
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
  text: string;
}

export function parseXml(xml: string): XNode {
  const p = new SaxesParser();
  const stack: XNode[] = [];
  let root: XNode | undefined;
  p.on("opentag", (t) => {
    const n: XNode = {
      name: t.name.replace(/^.*:/, ""),
      attrs: { ...(t.attributes as Record<string, string>) },
      children: [],
      text: "",
    };
    if (stack.length) stack[stack.length - 1].children.push(n);
    else root = n;
    stack.push(n);
  });
  p.on("text", (s) => {
    if (stack.length) stack[stack.length - 1].text += s;
  });
  p.on("closetag", () => void stack.pop());
  p.write(xml.replace(/^\uFEFF/, "")).close();
  return root!;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const without = (attrs: Record<string, string>, ...names: string[]) =>
  Object.fromEntries(Object.entries(attrs).filter(([k]) => !names.includes(k)));
const dec = new TextDecoder();

/** Every child of `a` is in `b`, equal and in the same order (TC8 may add children between or after). */
function subsequence(a: XNode[], b: XNode[], where: string, out: string[]): void {
  let j = 0;
  for (const x of a) {
    while (j < b.length && !same(x, b[j])) j++;
    if (j >= b.length) {
      out.push(`${where}: <${x.name} ${JSON.stringify(x.attrs)}> is gone or changed`);
      return;
    }
    j++;
  }
}

/** `a`'s children are the first children of `b` (records appended, never renumbered). */
function prefix(a: XNode, b: XNode | undefined, where: string, out: string[]): void {
  if (!b) return void out.push(`${where}: missing`);
  if (!same(without(a.attrs, "count"), without(b.attrs, "count"))) out.push(`${where}: attributes changed`);
  a.children.forEach((x, i) => {
    if (!same(x, b.children[i])) out.push(`${where}[${i}]: <${x.name}> changed`);
  });
}

interface Owned {
  /** TC8's columns by sheet: [c0, c1] 0-based, and the header row. */
  columns: Map<string, { c0: number; c1: number; headerRow: number; r1: number }[]>;
  marks: Map<string, Set<string>>;
  xfCount: number;
}

function colsMap(n: XNode | undefined): Map<number, Record<string, string>> {
  const m = new Map<number, Record<string, string>>();
  for (const c of n?.children ?? [])
    for (let i = Number(c.attrs.min); i <= Number(c.attrs.max); i++) m.set(i, without(c.attrs, "min", "max"));
  return m;
}

function colOf(ref: string): number {
  return parseRange(ref).c0;
}

function compareSheet(a: XNode, b: XNode, sheet: string, owned: Owned, where: string, out: string[]): void {
  const cols = owned.columns.get(sheet) ?? [];
  const tc8Col = (c: number) => cols.some((x) => c >= x.c0 && c <= x.c1);
  const marked = owned.marks.get(sheet) ?? new Set();
  const bByName = new Map<string, XNode[]>();
  for (const c of b.children) bByName.set(c.name, [...(bByName.get(c.name) ?? []), c]);
  for (const child of a.children) {
    const other = bByName.get(child.name)?.shift();
    if (!other) {
      out.push(`${where}: <${child.name}> is gone`);
      continue;
    }
    if (child.name === "dimension") continue; // widened to TC8's cells
    if (child.name === "cols") {
      const ca = colsMap(child);
      const cb = colsMap(other);
      for (const [i, attrs] of ca)
        if (!tc8Col(i - 1) && !same(attrs, cb.get(i))) out.push(`${where}: column ${i} changed`);
      continue;
    }
    if (child.name === "sheetData") {
      const rowsB = new Map(other.children.map((r) => [r.attrs.r, r]));
      for (const row of child.children) {
        const rb = rowsB.get(row.attrs.r);
        if (!rb) {
          out.push(`${where}: row ${row.attrs.r} is gone`);
          continue;
        }
        // A row may only grow taller, where TC8's own wrapped text needs it (its height and the flag that keeps it).
        const taller =
          rb.attrs.ht !== undefined &&
          rb.attrs.customHeight === "1" &&
          Number(rb.attrs.ht) > Number(row.attrs.ht ?? 15);
        const rest = (a: Record<string, string>) =>
          taller ? without(without(without(a, "spans"), "ht"), "customHeight") : without(a, "spans");
        if (!same(rest(row.attrs), rest(rb.attrs))) out.push(`${where}: row ${row.attrs.r} attributes changed`);
        const cellsB = new Map(rb.children.map((c) => [c.attrs.r, c]));
        for (const cell of row.children) {
          const cb = cellsB.get(cell.attrs.r);
          if (cb && same(cell, cb)) continue;
          const blank = !cell.children.some((x) => x.name === "v" || x.name === "f" || x.name === "is");
          if (blank && tc8Col(colOf(cell.attrs.r))) continue; // an empty cell in TC8's columns, written
          if (
            cb &&
            marked.has(cell.attrs.r) &&
            same({ ...cell, attrs: without(cell.attrs, "s") }, { ...cb, attrs: without(cb.attrs, "s") }) &&
            Number(cb.attrs.s) >= owned.xfCount
          )
            continue;
          out.push(`${where}: cell ${cell.attrs.r} changed`);
        }
      }
      continue;
    }
    if (!same(child, other)) out.push(`${where}: <${child.name}> changed`);
  }
}

const ownSheetsOf = (r: ReturnType<typeof readWorkbookPackage>) => ownSheetsIn(r.grids, readAnchors(r.names));

/** The violations of "nothing less" between an input and TC8's output; empty when there are none. */
export function compareWorkbooks(input: Uint8Array, output: Uint8Array): string[] {
  const out: string[] = [];
  const pin = new Package(input);
  const pout = new Package(output);
  const readIn = readWorkbookPackage(input);
  const readOut = readWorkbookPackage(output);
  const state = ownSheetsOf(readOut).state;
  const owned: Owned = { columns: new Map(), marks: new Map(), xfCount: 0 };
  for (const c of [state?.verdictColumns, ...(state?.noteColumns ?? [])])
    if (c) owned.columns.set(c.sheet, [...(owned.columns.get(c.sheet) ?? []), c]);
  for (const m of state?.marks ?? []) {
    const [, sheet, ref] = /^'((?:[^']|'')*)'!(.+)$/.exec(m.cell)!;
    const s = sheet.replace(/''/g, "'");
    owned.marks.set(s, new Set([...(owned.marks.get(s) ?? []), ref]));
  }
  // TC8's own sheets: as its state names them (a user's sheet of TC8's name is compared like any other).
  const ownSheets = new Set(
    state?.own
      ? Object.values(state.own).filter((x): x is string => !!x)
      : [SUMMARY_SHEET, CHECKLIST_SHEET, STATE_SHEET],
  );
  const sheetParts = new Map(
    readIn.model.sheets.filter((s) => s.part && !ownSheets.has(s.name)).map((s) => [s.part!, s.name]),
  );
  const stylesPart = readIn.model.stylesPart;
  if (stylesPart)
    owned.xfCount = parseXml(pin.text(stylesPart)).children.find((c) => c.name === "cellXfs")?.children.length ?? 0;
  const editable = new Set<string>([
    "[Content_Types].xml",
    readIn.model.workbookPart,
    relsPathOf(readIn.model.workbookPart),
  ]);
  if (stylesPart) editable.add(stylesPart);
  for (const part of sheetParts.keys()) {
    editable.add(part);
    editable.add(relsPathOf(part));
    for (const r of pin.rels(part))
      if (/\/(comments|vmlDrawing|table)$/.test(r.type)) editable.add(resolve(part, r.target));
  }

  for (const name of pin.names()) {
    if (!pout.has(name)) {
      out.push(`${name}: missing from the output`);
      continue;
    }
    const a = pin.bytes(name);
    const b = pout.bytes(name);
    if (a.length === b.length && a.every((x, i) => x === b[i])) continue;
    if (!editable.has(name)) {
      out.push(`${name}: changed, but TC8 has no reason to touch it`);
      continue;
    }
    if (/\.vml$/i.test(name)) {
      const ta = dec.decode(a);
      if (!dec.decode(b).startsWith(ta.slice(0, ta.lastIndexOf("</xml>"))))
        out.push(`${name}: a shape of the user's changed`);
      continue;
    }
    const xa = parseXml(dec.decode(a));
    const xb = parseXml(dec.decode(b));
    if (sheetParts.has(name)) compareSheet(xa, xb, sheetParts.get(name)!, owned, name, out);
    else if (name === stylesPart) {
      for (const c of xa.children) {
        const other = xb.children.find((x) => x.name === c.name);
        if (["numFmts", "fonts", "fills", "borders", "cellXfs"].includes(c.name))
          prefix(c, other, `${name} ${c.name}`, out);
        else if (!same(c, other)) out.push(`${name}: <${c.name}> changed`);
      }
    } else if (name === readIn.model.workbookPart) {
      for (const c of xa.children) {
        const other = xb.children.find((x) => x.name === c.name);
        if (c.name === "sheets") prefix(c, other, `${name} sheets`, out);
        // TC8 adds print titles and areas scoped to its own sheets, and its anchors: hidden names of
        // the workbook beginning "_TC8_". Nothing else.
        else if (c.name === "definedNames") {
          subsequence(c.children, other?.children ?? [], `${name} definedNames`, out);
          const mine = new Set(c.children.map((x) => JSON.stringify(x)));
          const sheetsOut = readOut.model.sheets.map((x) => x.name);
          for (const n of other?.children ?? []) {
            if (mine.has(JSON.stringify(n))) continue;
            const anchor =
              n.attrs.localSheetId === undefined && n.attrs.hidden === "1" && /^_TC8_/.test(n.attrs.name ?? "");
            const print =
              n.attrs.localSheetId !== undefined &&
              /^_xlnm\.Print_(Titles|Area)$/.test(n.attrs.name ?? "") &&
              ownSheets.has(sheetsOut[Number(n.attrs.localSheetId)] ?? "");
            if (!anchor && !print) out.push(`${name}: a name TC8 may not add: ${n.attrs.name}`);
          }
        } else if (!same(c, other)) out.push(`${name}: <${c.name}> changed`);
      }
    } else if (/comments/.test(name) && xa.name === "comments") {
      for (const c of xa.children) {
        const other = xb.children.find((x) => x.name === c.name);
        if (c.name === "authors" || c.name === "commentList") prefix(c, other, `${name} ${c.name}`, out);
        else if (!same(c, other)) out.push(`${name}: <${c.name}> changed`);
      }
    } else if (xa.name === "table") {
      if (!same(without(xa.attrs, "ref"), without(xb.attrs, "ref"))) out.push(`${name}: table attributes changed`);
      for (const c of xa.children) {
        const other = xb.children.find((x) => x.name === c.name);
        if (c.name === "tableColumns") prefix(c, other, `${name} tableColumns`, out);
        else if (c.name === "autoFilter") {
          if (
            !same({ ...c, attrs: without(c.attrs, "ref") }, other && { ...other, attrs: without(other.attrs, "ref") })
          )
            out.push(`${name}: autoFilter changed`);
        } else if (!same(c, other)) out.push(`${name}: <${c.name}> changed`);
      }
    } else subsequence(xa.children, xb.children, name, out);
  }
  return out;
}

function resolve(source: string, target: string): string {
  const segs = target.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const s of target.replace(/^\//, "").split("/")) {
    if (s === "..") segs.pop();
    else if (s !== "." && s) segs.push(s);
  }
  return segs.join("/");
}
