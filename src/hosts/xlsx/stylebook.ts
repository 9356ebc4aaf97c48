/**
 * The workbook's styles part, edited by appending: TC8's fonts, fills, number formats and cell
 * formats go after the user's, whose indices never change. A record TC8 needs that is already
 * there (the same text) is used again, so evaluating twice adds nothing twice.
 */
import { BORDER_COLOR, FONT_NAME, MARK_COLORS, STYLES } from "../../core/plan/styles";
import type { StyleName } from "../../core/plan";
import { BUILTIN_FORMATS } from "./read";
import {
  appendInto,
  attrOf,
  childOfRoot,
  childrenOf,
  escapeAttr,
  insertInOrder,
  prefixOf,
  rootOf,
  setAttr,
  STYLES_ORDER,
} from "./xml";

type ListName = "numFmts" | "fonts" | "fills" | "borders" | "cellXfs";

const MINIMAL = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="${FONT_NAME}"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

export class StyleBook {
  private readonly items: Record<ListName, string[]> = { numFmts: [], fonts: [], fills: [], borders: [], cellXfs: [] };
  private readonly added: Record<ListName, string[]> = { numFmts: [], fonts: [], fills: [], borders: [], cellXfs: [] };
  private readonly pfx: string;
  private readonly customFormats = new Map<string, number>();
  private nextFormatId = 164;
  private readonly cache = new Map<string, number>();

  constructor(private readonly xml: string = MINIMAL) {
    const root = rootOf(xml);
    this.pfx = prefixOf(root);
    for (const c of childrenOf(xml, root)) {
      const name = c.tag.local as ListName;
      if (!(name in this.items)) continue;
      for (const item of childrenOf(xml, c.tag)) this.items[name].push(xml.slice(item.tag.start, item.end));
    }
    for (const f of this.items.numFmts) {
      const id = Number(attrOf(f, "numFmtId"));
      const code = attrOf(f, "formatCode");
      if (code !== undefined && !this.customFormats.has(code)) this.customFormats.set(code, id);
      if (id >= this.nextFormatId) this.nextFormatId = id + 1;
    }
  }

  get changed(): boolean {
    return Object.values(this.added).some((a) => a.length > 0);
  }

  get xfCount(): number {
    return this.items.cellXfs.length + this.added.cellXfs.length;
  }

  private get(list: ListName, i: number): string | undefined {
    return i < this.items[list].length ? this.items[list][i] : this.added[list][i - this.items[list].length];
  }

  /** The index of `text` in a list, appending it unless an equal record is allowed to be used. */
  private put(list: ListName, text: string, reuse: (i: number) => boolean = () => true): number {
    const all = [...this.items[list], ...this.added[list]];
    for (let i = 0; i < all.length; i++) if (all[i] === text && reuse(i)) return i;
    this.added[list].push(text);
    return all.length;
  }

  private el(local: string, rest: string): string {
    return `<${this.pfx}${local}${rest}`;
  }

  numFmtId(code: string | undefined): number {
    if (!code || code === "General") return 0;
    const custom = this.customFormats.get(code);
    if (custom !== undefined) return custom;
    for (const [id, c] of Object.entries(BUILTIN_FORMATS))
      if (c === code && Number(id) !== 14 && Number(id) !== 22) return Number(id);
    const id = this.nextFormatId++;
    this.customFormats.set(code, id);
    this.added.numFmts.push(this.el("numFmt", ` numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`));
    return id;
  }

  private solidFill(rgb: string): number {
    const p = this.pfx;
    return this.put(
      "fills",
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
    );
  }

  /** The cell format of one of TC8's styles (its columns and sheets), with a number format. */
  styleXf(name: StyleName | undefined, numFmt?: string): number {
    const key = `${name ?? ""}|${numFmt ?? ""}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const s = name ? STYLES[name] : {};
    const p = this.pfx;
    const font = this.put(
      "fonts",
      `<${p}font>${s.bold ? `<${p}b/>` : ""}${s.italic ? `<${p}i/>` : ""}<${p}sz val="${s.size ?? 11}"/>${s.font ? `<${p}color rgb="FF${s.font}"/>` : ""}<${p}name val="${FONT_NAME}"/><${p}family val="2"/></${p}font>`,
    );
    const fill = s.fill ? this.solidFill(s.fill) : 0;
    const fmt = this.numFmtId(numFmt);
    // A thin grey line on each side: a printed table's cell. Border 0 stays the user's first one.
    const line = (side: string) => `<${p}${side} style="thin"><${p}color rgb="FF${BORDER_COLOR}"/></${p}${side}>`;
    const border = s.border
      ? this.put(
          "borders",
          `<${p}border>${line("left")}${line("right")}${line("top")}${line("bottom")}<${p}diagonal/></${p}border>`,
        )
      : 0;
    const horizontal = s.align && s.align !== "left" ? ` horizontal="${s.align}"` : "";
    const vertical = s.valign === "center" ? "center" : "top";
    const xf = this.put(
      "cellXfs",
      `<${p}xf numFmtId="${fmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${fmt ? ' applyNumberFormat="1"' : ""} applyFont="1"${fill ? ' applyFill="1"' : ""}${border ? ' applyBorder="1"' : ""} applyAlignment="1"><${p}alignment${horizontal} vertical="${vertical}"${s.wrap ? ' wrapText="1"' : ""}/></${p}xf>`,
    );
    this.cache.set(key, xf);
    return xf;
  }

  /**
   * The cell format of a marked cell: the user's format `base` with TC8's fill and font colour.
   * `own` are the formats TC8 made for marks before: only those are used again, so a format of the
   * user's that happens to look the same is never taken for TC8's.
   */
  markXf(base: number, kind: "fail" | "missing", own: ReadonlySet<number>): number {
    const key = `mark|${base}|${kind}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const p = this.pfx;
    const colors = MARK_COLORS[kind];
    const userXf =
      this.get("cellXfs", base) ??
      this.get("cellXfs", 0) ??
      `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const fontId = Number(attrOf(userXf, "fontId") ?? 0);
    const userFont = this.get("fonts", fontId) ?? `<${p}font/>`;
    const font = this.put("fonts", withColor(userFont, `<${p}color rgb="FF${colors.font}"/>`, p));
    const fill = this.solidFill(colors.fill);
    let xf = setAttr(setAttr(openTagOf(userXf), "fontId", String(font)), "fillId", String(fill));
    xf = setAttr(setAttr(xf, "applyFont", "1"), "applyFill", "1");
    const text = xf + userXf.slice(openTagOf(userXf).length);
    const first = this.items.cellXfs.length;
    const id = this.put("cellXfs", text, (i) => own.has(i) || i >= first);
    this.cache.set(key, id);
    return id;
  }

  /** A cell format's whole look (its record, font and fill), to know later that an index still means the same format. */
  describe(xf: number): string {
    const x = this.get("cellXfs", xf) ?? "";
    return `${x}|${this.get("fonts", Number(attrOf(x, "fontId") ?? 0)) ?? ""}|${this.get("fills", Number(attrOf(x, "fillId") ?? 0)) ?? ""}`;
  }

  /** The fill record of a cell format. */
  fillOf(xf: number): string {
    const x = this.get("cellXfs", xf) ?? "";
    return this.get("fills", Number(attrOf(x, "fillId") ?? 0)) ?? "";
  }

  /** The colour element of a cell format's font, or null for the automatic colour. */
  fontColorOf(xf: number): string | null {
    const x = this.get("cellXfs", xf) ?? "";
    const font = this.get("fonts", Number(attrOf(x, "fontId") ?? 0)) ?? "";
    return /<(?:[\w.-]+:)?color\b[^>]*?(?:\/>|>[\s\S]*?<\/(?:[\w.-]+:)?color>)/.exec(font)?.[0] ?? null;
  }

  /**
   * What of a cell format still shows TC8's mark of `kind`: its fill (solid, TC8's colour) and its
   * font colour, each on its own (a colour the user chose since is theirs). Formats are compared by
   * what they look like, not by index: LibreOffice and Excel renumber formats when they save.
   */
  markShown(xf: number, kind: "fail" | "missing"): { fill: boolean; font: boolean } {
    const c = MARK_COLORS[kind];
    const fill = this.fillOf(xf);
    const color = this.fontColorOf(xf) ?? "";
    const rgb = (text: string, tag: string, hex: string) =>
      new RegExp(`<(?:[\\w.-]+:)?${tag}\\b[^>]*\\brgb="(?:FF)?${hex}"`, "i").test(text);
    return {
      fill: /patternType="solid"/.test(fill) && rgb(fill, "fgColor", c.fill),
      font: rgb(color, "color", c.font),
    };
  }

  /** A cell format `xf` with its fill and/or font colour put back (a record equal to one there is used again). */
  restoreLook(xf: number, fill: string | undefined, color: string | null | undefined): number {
    const p = this.pfx;
    const x =
      this.get("cellXfs", xf) ??
      this.get("cellXfs", 0) ??
      `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    let open = openTagOf(x);
    if (fill !== undefined) open = setAttr(open, "fillId", String(this.put("fills", fill)));
    if (color !== undefined) {
      const font = this.get("fonts", Number(attrOf(x, "fontId") ?? 0)) ?? `<${p}font/>`;
      open = setAttr(open, "fontId", String(this.put("fonts", withColor(font, color ?? "", p))));
    }
    return this.put("cellXfs", open + x.slice(openTagOf(x).length));
  }

  toXml(): string {
    if (!this.changed) return this.xml;
    let xml = this.xml;
    for (const list of ["numFmts", "fonts", "fills", "borders", "cellXfs"] as const) {
      if (!this.added[list].length) continue;
      const count = this.items[list].length + this.added[list].length;
      const el = childOfRoot(xml, list);
      if (el) xml = appendInto(xml, el, this.added[list].join(""), count);
      else
        xml = insertInOrder(
          xml,
          STYLES_ORDER,
          list,
          `<${this.pfx}${list} count="${count}">${this.added[list].join("")}</${this.pfx}${list}>`,
        );
    }
    return xml;
  }
}

function openTagOf(el: string): string {
  let quote = 0;
  for (let i = 0; i < el.length; i++) {
    const c = el.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return el.slice(0, i + 1);
  }
  return el;
}

/** A font element with its colour replaced. */
function withColor(font: string, color: string, p: string): string {
  const open = openTagOf(font);
  if (open.endsWith("/>")) return `${open.slice(0, -2).replace(/\s+$/, "")}>${color}</${p}font>`;
  const inner = font
    .slice(open.length, font.lastIndexOf("</"))
    .replace(new RegExp(`<${p}color\\b[^>]*?(/>|>[\\s\\S]*?</${p}color>)`, "g"), "");
  return `${open}${inner}${color}</${p}font>`;
}
