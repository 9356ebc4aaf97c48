/**
 * Just enough XML to edit a part in place: tags found with their offsets, so that TC8 splices its
 * elements in and everything else of the user's stays byte for byte. Values are read with saxes
 * (read.ts); this is for the parts TC8 edits, which are well-formed (saxes read them first).
 */

export interface Tag {
  start: number;
  /** Offset just past the tag's `>`. */
  end: number;
  /** The qualified name (`x:row`). */
  name: string;
  /** The local name (`row`). */
  local: string;
  kind: "open" | "close" | "empty";
}

/** The next element tag at or after `from` (comments, CDATA, processing instructions skipped). */
export function nextTag(xml: string, from: number): Tag | null {
  let i = xml.indexOf("<", from);
  while (i >= 0) {
    const c = xml.charCodeAt(i + 1);
    if (c === 33 /* ! */) {
      if (xml.startsWith("<!--", i)) i = xml.indexOf("-->", i + 4) + 3;
      else if (xml.startsWith("<![CDATA[", i)) i = xml.indexOf("]]>", i + 9) + 3;
      else i = xml.indexOf(">", i + 2) + 1;
      if (i <= 2) return null;
      i = xml.indexOf("<", i);
      continue;
    }
    if (c === 63 /* ? */) {
      const e = xml.indexOf("?>", i + 2);
      if (e < 0) return null;
      i = xml.indexOf("<", e + 2);
      continue;
    }
    const close = c === 47; /* / */
    // The name ends at white space, "/" or ">" (character codes, no regular expression: a district's
    // sheets are walked tag by tag).
    const n0 = i + (close ? 2 : 1);
    let n1 = n0;
    for (; n1 < xml.length; n1++) {
      const ch = xml.charCodeAt(n1);
      if (ch === 47 || ch === 62 || isAsciiSpace(ch)) break;
    }
    if (n1 >= xml.length) return null;
    const name = xml.slice(n0, n1);
    // The tag ends at the first '>' outside quotes.
    let j = n1;
    let quote = 0;
    for (; j < xml.length; j++) {
      const ch = xml.charCodeAt(j);
      if (quote) {
        if (ch === quote) quote = 0;
      } else if (ch === 34 || ch === 39) quote = ch;
      else if (ch === 62) break;
    }
    if (j >= xml.length) return null;
    const colon = name.indexOf(":");
    return {
      start: i,
      end: j + 1,
      name,
      local: colon >= 0 ? name.slice(colon + 1) : name,
      kind: close ? "close" : xml.charCodeAt(j - 1) === 47 ? "empty" : "open",
    };
  }
  return null;
}

/** Where the element opened by `open` ends (just past its closing tag). */
export function elementEnd(xml: string, open: Tag): number {
  if (open.kind === "empty") return open.end;
  // A sheet's data, which never nests itself, is passed over directly (it is most of the part),
  // unless a comment or CDATA could hide its closing tag.
  if (open.local === "sheetData") {
    const close = xml.indexOf(`</${open.name}>`, open.end);
    if (close >= 0) {
      // No comment or CDATA between: the first "<!" after the opening tag comes after the close
      // (a forward search; searching back from the close was ten times slower on a district's sheet).
      const bang = xml.indexOf("<!", open.end);
      if (bang < 0 || bang > close) return close + open.name.length + 3;
    }
  }
  let depth = 1;
  let t: Tag | null = open;
  while ((t = nextTag(xml, t.end))) {
    if (t.kind === "open") depth++;
    else if (t.kind === "close" && --depth === 0) return t.end;
  }
  throw new Error(`unclosed <${open.name}>`);
}

export interface Element {
  tag: Tag;
  /** Offset just past the element. */
  end: number;
}

/** The direct children of the element opened by `open`. */
export function childrenOf(xml: string, open: Tag): Element[] {
  const out: Element[] = [];
  if (open.kind === "empty") return out;
  let t = nextTag(xml, open.end);
  while (t && t.kind !== "close") {
    const end = elementEnd(xml, t);
    out.push({ tag: t, end });
    t = nextTag(xml, end);
  }
  return out;
}

/** The document element. */
export function rootOf(xml: string): Tag {
  const t = nextTag(xml, 0);
  if (!t || t.kind === "close") throw new Error("no root element");
  return t;
}

/** The closing tag of an open element (its last `</…>`). */
export function closeTagOf(xml: string, open: Tag): Tag {
  const end = elementEnd(xml, open);
  return { start: xml.lastIndexOf("</", end - 1), end, name: open.name, local: open.local, kind: "close" };
}

/** The prefix (`x:` or empty) elements of the document element's namespace take. */
export function prefixOf(tag: Tag): string {
  return tag.name.length > tag.local.length ? tag.name.slice(0, tag.name.length - tag.local.length) : "";
}

const ATTR = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** A tag's attributes, values unescaped. */
export function attrsOf(tagText: string): Map<string, string> {
  const out = new Map<string, string>();
  const sp = tagText.search(/\s/);
  if (sp < 0) return out;
  ATTR.lastIndex = sp;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(tagText))) out.set(m[1], unescapeXml(m[3] ?? m[4] ?? ""));
  return out;
}

/** One attribute of a tag, found without parsing the others (the hot path of patching rows). */
export function attrOf(tagText: string, name: string): string | undefined {
  let i = tagText.indexOf(name);
  while (i >= 0) {
    const before = tagText.charCodeAt(i - 1);
    if (before === 32 || before === 9 || before === 10 || before === 13) {
      let j = i + name.length;
      while (tagText.charCodeAt(j) === 32) j++;
      if (tagText.charCodeAt(j) === 61 /* = */) {
        j++;
        while (tagText.charCodeAt(j) === 32) j++;
        const q = tagText[j];
        if (q === '"' || q === "'") {
          const end = tagText.indexOf(q, j + 1);
          return end < 0 ? undefined : unescapeXml(tagText.slice(j + 1, end));
        }
      }
    }
    i = tagText.indexOf(name, i + 1);
  }
  return undefined;
}

/** The tag with an attribute set (added before the tag's end) or removed (`null`). */
export function setAttr(tagText: string, name: string, value: string | null): string {
  const at = attrSpan(tagText, name);
  if (at === undefined) return setAttrByPattern(tagText, name, value);
  if (at) {
    const after = tagText.slice(at[1]);
    return value === null
      ? tagText.slice(0, at[0]).trimEnd() + after
      : `${tagText.slice(0, at[0])}${name}="${escapeAttr(value)}"${after}`;
  }
  if (value === null) return tagText;
  const close = tagText.endsWith("/>") ? tagText.length - 2 : tagText.length - 1;
  return `${tagText.slice(0, close).trimEnd()} ${name}="${escapeAttr(value)}"${tagText.slice(close)}`;
}

/** The ASCII characters a pattern's `\s` matches (the patterns these walks stand in for). */
function isAsciiSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 11 || ch === 12;
}

/**
 * Where `name="…"` is in a tag (start, end), null when the tag has no such attribute; undefined for
 * a tag this walk does not read plainly (then the pattern below decides). A walk over the tag's
 * attributes without regular expressions: rows of a district's sheets come here one by one.
 */
function attrSpan(tag: string, name: string): [number, number] | null | undefined {
  let i = 1;
  for (; i < tag.length; i++) {
    const ch = tag.charCodeAt(i);
    if (ch > 127) return undefined;
    if (isAsciiSpace(ch)) break;
  }
  for (;;) {
    while (i < tag.length && isAsciiSpace(tag.charCodeAt(i))) i++;
    const n0 = i;
    for (; i < tag.length; i++) {
      const ch = tag.charCodeAt(i);
      if (ch > 127) return undefined;
      if (ch === 61 /* = */ || ch === 47 || ch === 62 || isAsciiSpace(ch)) break;
    }
    // The tag's end ("/>" or ">") and nothing else: no such attribute.
    if (i === n0) return i === tag.length - 1 || (i === tag.length - 2 && tag.endsWith("/>")) ? null : undefined;
    const n1 = i;
    while (i < tag.length && isAsciiSpace(tag.charCodeAt(i))) i++;
    if (tag.charCodeAt(i) !== 61) return undefined;
    i++;
    while (i < tag.length && isAsciiSpace(tag.charCodeAt(i))) i++;
    const q = tag.charCodeAt(i);
    if (q !== 34 && q !== 39) return undefined;
    const close = tag.indexOf(q === 34 ? '"' : "'", i + 1);
    if (close < 0) return undefined;
    if (n1 - n0 === name.length && tag.startsWith(name, n0)) return [n0, close + 1];
    i = close + 1;
  }
}

/** setAttr by the attribute pattern, for a tag the walk above leaves to it. */
function setAttrByPattern(tagText: string, name: string, value: string | null): string {
  const sp = tagText.search(/\s/);
  if (sp >= 0) {
    ATTR.lastIndex = sp;
    let m: RegExpExecArray | null;
    while ((m = ATTR.exec(tagText)))
      if (m[1] === name) {
        const before = tagText.slice(0, m.index).replace(/\s+$/, "");
        const after = tagText.slice(m.index + m[0].length);
        return value === null ? before + after : `${tagText.slice(0, m.index)}${name}="${escapeAttr(value)}"${after}`;
      }
  }
  if (value === null) return tagText;
  const close = tagText.endsWith("/>") ? tagText.length - 2 : tagText.length - 1;
  return `${tagText.slice(0, close).replace(/\s+$/, "")} ${name}="${escapeAttr(value)}"${tagText.slice(close)}`;
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  if (s.indexOf("&") < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) =>
    e[0] === "#"
      ? String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
      : (ENTITIES[e] ?? m),
  );
}

// eslint-disable-next-line no-control-regex -- the characters XML cannot hold are what this finds
const NEEDS_ESCAPE = /[&<>_\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

/**
 * Text as Excel stores it: XML-escaped, characters XML cannot hold as `_xHHHH_`, and a literal
 * `_xHHHH_` guarded as `_x005F_xHHHH_` so it reads back as typed.
 */
export function escapeText(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  // One pass (a province writes tens of thousands of notes and names): a literal `_xHHHH_` is guarded
  // whole, as a pass of its own before the others would; no other character can be inside one.
  return s.replace(ESCAPE_ALL, escapeOne);
}

// eslint-disable-next-line no-control-regex -- control characters are what this finds
const ESCAPE_ALL = /_x[0-9A-Fa-f]{4}_|[&<>\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;

function escapeOne(c: string): string {
  if (c.length > 1) return "_x005F" + c;
  if (c === "&") return "&amp;";
  if (c === "<") return "&lt;";
  if (c === ">") return "&gt;";
  return `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");
}

/** Excel's `_xHHHH_` escapes decoded: what the cell shows. */
export function decodeOoxmlText(s: string): string {
  if (s.indexOf("_x") < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Inserts `text` as a child of the root, before the first child that comes later in `order`. */
export function insertInOrder(xml: string, order: readonly string[], local: string, text: string): string {
  const root = rootOf(xml);
  const rank = order.indexOf(local);
  for (const c of childrenOf(xml, root)) {
    const r = order.indexOf(c.tag.local);
    if (r > rank) return xml.slice(0, c.tag.start) + text + xml.slice(c.tag.start);
  }
  const close = closeTagOf(xml, root);
  return xml.slice(0, close.start) + text + xml.slice(close.start);
}

/** The first direct child of the root with this local name. */
export function childOfRoot(xml: string, local: string): Element | undefined {
  return childrenOf(xml, rootOf(xml)).find((c) => c.tag.local === local);
}

/** Appends `text` inside `el` (expanding a self-closing tag), and sets `count` if given. */
export function appendInto(xml: string, el: Element, text: string, count?: number): string {
  let open = xml.slice(el.tag.start, el.tag.end);
  if (count !== undefined) open = setAttr(open, "count", String(count));
  if (el.tag.kind === "empty")
    return xml.slice(0, el.tag.start) + open.replace(/\s*\/>$/, ">") + text + `</${el.tag.name}>` + xml.slice(el.end);
  const closeStart = xml.lastIndexOf("</", el.end - 1);
  return xml.slice(0, el.tag.start) + open + xml.slice(el.tag.end, closeStart) + text + xml.slice(closeStart);
}

/** Worksheet children in the order the schema requires (CT_Worksheet). */
export const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
] as const;

/** Workbook children in schema order (CT_Workbook). */
export const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
] as const;

/** Styles children in schema order (CT_Stylesheet). */
export const STYLES_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
] as const;

const enc = new TextEncoder();
const dec = new TextDecoder("utf-8", { ignoreBOM: true });
export const toBytes = (s: string): Uint8Array => enc.encode(s);
/** UTF-8 text, a byte-order mark kept (it is written back as it was). */
export const toText = (b: Uint8Array): string => dec.decode(b);

/**
 * Text written out as UTF-8 piece by piece into buffers filled one after the other: a district's
 * sheet is never one giant string, no large string is made to be encoded (large strings are what
 * makes the collector work hardest), and no buffer is copied into a larger one as the text grows:
 * every byte allocated outside V8's heap counts towards a full collection (docs/performance.md).
 */
export class Utf8Sink {
  private buf: Uint8Array;
  private size = 0;
  /** Buffers filled already, and their bytes. */
  private readonly full: Uint8Array[] = [];
  private total = 0;

  /** `expected`: the bytes foreseen, to allocate once. */
  constructor(expected = 1 << 16) {
    this.buf = new Uint8Array(expected);
  }

  push(s: string): void {
    let read = 0;
    for (;;) {
      // A UTF-16 unit takes at most 3 bytes.
      if (this.buf.length - this.size < Math.min((s.length - read) * 3, 1 << 20) + 4)
        this.grow(Math.min((s.length - read) * 3, 1 << 20) + 4);
      const r = enc.encodeInto(read ? s.slice(read) : s, this.buf.subarray(this.size));
      this.size += r.written;
      read += r.read;
      if (read >= s.length) return;
    }
  }

  /** Text known to be ASCII (tags, cell references, numbers), copied a character a byte: no encoder call for a few bytes. */
  ascii(s: string): void {
    if (this.buf.length - this.size < s.length) this.grow(s.length);
    const b = this.buf;
    let n = this.size;
    for (let i = 0; i < s.length; i++) b[n++] = s.charCodeAt(i);
    this.size = n;
  }

  /** Bytes encoded once and written many times (a text the sheet repeats). */
  raw(bytes: Uint8Array): void {
    if (this.buf.length - this.size < bytes.length) this.grow(bytes.length);
    if (bytes.length < 32) {
      const b = this.buf;
      let n = this.size;
      for (let i = 0; i < bytes.length; i++) b[n++] = bytes[i];
      this.size = n;
    } else {
      this.buf.set(bytes, this.size);
      this.size += bytes.length;
    }
  }

  /** A new buffer after the full one: as large as what is written so far, up to 8 MB. */
  private grow(need: number): void {
    if (this.size) {
      this.full.push(this.buf.subarray(0, this.size));
      this.total += this.size;
    }
    this.buf = new Uint8Array(Math.max(need, Math.min(Math.max(this.total, 1 << 16), 8 << 20)));
    this.size = 0;
  }

  /** The bytes written, in pieces (no copy). */
  chunks(): Uint8Array[] {
    return this.size ? [...this.full, this.buf.subarray(0, this.size)] : [...this.full];
  }

  /** The bytes written, in one piece (copied when they fill several buffers). */
  bytes(): Uint8Array {
    return concatBytes(this.chunks());
  }
}

/** Pieces of bytes as one. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  n = 0;
  for (const c of chunks) {
    out.set(c, n);
    n += c.length;
  }
  return out;
}
