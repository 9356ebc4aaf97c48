/**
 * An .xlsx package held as its zip entries: a part TC8 edits is replaced by its new text, a part it
 * adds is appended, every other entry is written back exactly as it was read.
 */
import { XlsxError } from "./errors";
import { attrsOf, childOfRoot, childrenOf, concatBytes, escapeAttr, nextTag, rootOf, toBytes, toText } from "./xml";
import {
  compressesInBackground,
  deflateInBackground,
  inflateEntry,
  type OutEntry,
  readZip,
  writeZip,
  type ZipEntry,
} from "./zip";

export interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export const REL = {
  officeDocument: "/officeDocument",
  worksheet: "/worksheet",
  sharedStrings: "/sharedStrings",
  styles: "/styles",
  table: "/table",
  comments: "/comments",
  vmlDrawing: "/vmlDrawing",
  drawing: "/drawing",
  chart: "/chart",
} as const;

const REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const CONTENT_TYPES = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

export function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** A relationship's target as a part name (no leading slash). */
export function resolveTarget(source: string, target: string): string {
  const t = target.replace(/\\/g, "/");
  const segs = t.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const s of t.replace(/^\//, "").split("/")) {
    if (s === "..") segs.pop();
    else if (s !== "." && s !== "") segs.push(s);
  }
  return segs.map((s) => decodeURIComponentSafe(s)).join("/");
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `target` as a path relative to `source`'s folder. */
export function relativeTarget(source: string, target: string): string {
  const from = source.split("/").slice(0, -1);
  const to = target.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

const byteLength = (data: Uint8Array | readonly Uint8Array[]) =>
  data instanceof Uint8Array ? data.length : data.reduce((n, c) => n + c.length, 0);

/** Parts from this size on are compressed in the background, where the codec can. */
const BACKGROUND_SIZE = 1 << 20;

export class Package {
  readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  /** Parts lowercased → their name as stored (part names are case-insensitive). */
  private readonly folded = new Map<string, string>();
  /** Parts written: text, bytes, or bytes in pieces (a large sheet of TC8's, never copied into one buffer). */
  private readonly edited = new Map<string, string | Uint8Array | readonly Uint8Array[]>();
  private readonly added: string[] = [];
  private readonly removed = new Set<string>();
  /** Large parts being compressed in the background (with the bytes they compress), and those done. */
  private readonly compressing = new Map<
    string,
    { data: Uint8Array | readonly Uint8Array[]; done: Promise<Uint8Array> }
  >();
  private readonly compressed = new Map<string, { data: Uint8Array | readonly Uint8Array[]; deflated: Uint8Array }>();

  constructor(data: Uint8Array) {
    this.entries = readZip(data);
    for (const e of this.entries) {
      this.byName.set(e.name, e);
      this.folded.set(e.name.toLowerCase(), e.name);
    }
  }

  /** The part's name as stored, found case-insensitively. */
  find(name: string): string | undefined {
    if (this.removed.has(name)) return undefined;
    if (this.byName.has(name) || this.edited.has(name)) return name;
    const f = this.folded.get(name.toLowerCase());
    return f && !this.removed.has(f) ? f : undefined;
  }

  has(name: string): boolean {
    return this.find(name) !== undefined;
  }

  entry(name: string): ZipEntry | undefined {
    const n = this.find(name);
    return n && !this.edited.has(n) ? this.byName.get(n) : undefined;
  }

  bytes(name: string): Uint8Array {
    const n = this.find(name);
    if (!n) throw new XlsxError("notWorkbook");
    const e = this.edited.get(n);
    if (e !== undefined) return typeof e === "string" ? toBytes(e) : e instanceof Uint8Array ? e : concatBytes(e);
    return inflateEntry(this.byName.get(n)!);
  }

  text(name: string): string {
    const n = this.find(name);
    const e = n ? this.edited.get(n) : undefined;
    return typeof e === "string" ? e : toText(this.bytes(name));
  }

  set(name: string, content: string | Uint8Array | readonly Uint8Array[]): void {
    const n = this.find(name) ?? name;
    // A large part edited as text (a district's notes and their drawings, the workbook's names) is
    // encoded now, so that it is compressed in the background while the rest is written.
    const data =
      typeof content === "string" && content.length >= BACKGROUND_SIZE / 3 && compressesInBackground()
        ? toBytes(content)
        : content;
    if (!this.byName.has(n) && !this.edited.has(n)) {
      this.added.push(n);
      this.folded.set(n.toLowerCase(), n);
    }
    this.removed.delete(n);
    this.edited.set(n, data);
    this.compressing.delete(n);
    this.compressed.delete(n);
    // A large sheet of TC8's is compressed while the rest is written (where the codec can).
    if (typeof data !== "string" && byteLength(data) >= BACKGROUND_SIZE) {
      const done = deflateInBackground(data);
      if (done) {
        done.catch(() => undefined); // toBytes compresses it itself then
        this.compressing.set(n, { data, done });
      }
    }
  }

  /** Waits for the parts compressed in the background; toBytes then takes their bytes as they are. */
  async settle(): Promise<void> {
    for (const [n, c] of [...this.compressing]) {
      let deflated: Uint8Array | undefined;
      try {
        deflated = await c.done;
      } catch {
        deflated = undefined;
      }
      if (this.compressing.get(n) !== c) continue;
      this.compressing.delete(n);
      if (deflated && this.edited.get(n) === c.data) this.compressed.set(n, { data: c.data, deflated });
    }
  }

  remove(name: string): void {
    const n = this.find(name);
    if (!n) return;
    this.edited.delete(n);
    this.compressing.delete(n);
    this.compressed.delete(n);
    this.removed.add(n);
  }

  /** Every part name present. */
  names(): string[] {
    return [...this.entries.map((e) => e.name), ...this.added].filter((n) => !this.removed.has(n));
  }

  /** A part name not yet taken: `xl/worksheets/sheet` + n + `.xml`. */
  freeName(prefix: string, suffix: string): string {
    for (let i = 1; ; i++) if (!this.has(`${prefix}${i}${suffix}`)) return `${prefix}${i}${suffix}`;
  }

  toBytes(): Uint8Array {
    const ref = this.entries.find((e) => /workbook\.xml$/.test(e.name)) ?? this.entries[0];
    const stamp = ref ? { time: ref.time, date: ref.date } : {};
    const out: OutEntry[] = [];
    for (const name of this.names()) {
      const e = this.edited.get(name);
      if (e === undefined) out.push({ name, copy: this.byName.get(name)! });
      else {
        const done = this.compressed.get(name);
        out.push({
          name,
          data: typeof e === "string" ? toBytes(e) : e,
          ...(done && done.data === e ? { deflated: done.deflated } : {}),
          ...(this.byName.get(name) ? { time: this.byName.get(name)!.time, date: this.byName.get(name)!.date } : stamp),
        });
      }
    }
    return writeZip(out);
  }

  // Relationships.

  rels(source: string): Rel[] {
    const p = relsPathOf(source);
    if (!this.has(p)) return [];
    const xml = this.text(p);
    const out: Rel[] = [];
    for (let t = nextTag(xml, 0); t; t = nextTag(xml, t.end)) {
      if (t.local !== "Relationship" || t.kind === "close") continue;
      const a = attrsOf(xml.slice(t.start, t.end));
      out.push({
        id: a.get("Id") ?? "",
        type: a.get("Type") ?? "",
        target: a.get("Target") ?? "",
        external: a.get("TargetMode") === "External",
      });
    }
    return out;
  }

  /** The parts `source` points to with a relationship of this type (by the type's last segment). */
  related(source: string, type: string): { rel: Rel; part: string }[] {
    return this.rels(source)
      .filter((r) => !r.external && r.type.endsWith(type))
      .map((rel) => ({ rel, part: resolveTarget(source, rel.target) }));
  }

  /** Adds a relationship from `source` to `target`; its new id. */
  addRel(source: string, type: string, target: string): string {
    const p = relsPathOf(source);
    const xml = this.has(p)
      ? this.text(p)
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    const taken = new Set(this.rels(source).map((r) => r.id));
    let n = taken.size + 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const root = rootOf(xml);
    const rel = `<Relationship Id="${id}" Type="${REL_BASE}${type}" Target="${escapeAttr(relativeTarget(source, target))}"/>`;
    this.set(p, insertBeforeClose(xml, root, rel));
    return id;
  }

  removeRel(source: string, id: string): void {
    const p = relsPathOf(source);
    if (!this.has(p)) return;
    const xml = this.text(p);
    for (const c of childrenOf(xml, rootOf(xml)))
      if (attrsOf(xml.slice(c.tag.start, c.tag.end)).get("Id") === id) {
        this.set(p, xml.slice(0, c.tag.start) + xml.slice(c.end));
        return;
      }
  }

  // Content types.

  addOverride(part: string, contentType: string): void {
    const xml = this.text("[Content_Types].xml");
    const name = `/${part}`;
    for (const c of childrenOf(xml, rootOf(xml)))
      if (
        c.tag.local === "Override" &&
        attrsOf(xml.slice(c.tag.start, c.tag.end)).get("PartName")?.toLowerCase() === name.toLowerCase()
      )
        return;
    this.set(
      "[Content_Types].xml",
      insertBeforeClose(xml, rootOf(xml), `<Override PartName="${escapeAttr(name)}" ContentType="${contentType}"/>`),
    );
  }

  addDefault(ext: string, contentType: string): void {
    const xml = this.text("[Content_Types].xml");
    for (const c of childrenOf(xml, rootOf(xml)))
      if (
        c.tag.local === "Default" &&
        attrsOf(xml.slice(c.tag.start, c.tag.end)).get("Extension")?.toLowerCase() === ext
      )
        return;
    // Defaults come first, as Excel writes them.
    const first = childOfRoot(xml, "Override");
    const text = `<Default Extension="${ext}" ContentType="${contentType}"/>`;
    this.set(
      "[Content_Types].xml",
      first
        ? xml.slice(0, first.tag.start) + text + xml.slice(first.tag.start)
        : insertBeforeClose(xml, rootOf(xml), text),
    );
  }

  removeOverride(part: string): void {
    const xml = this.text("[Content_Types].xml");
    for (const c of childrenOf(xml, rootOf(xml)))
      if (
        c.tag.local === "Override" &&
        attrsOf(xml.slice(c.tag.start, c.tag.end)).get("PartName")?.toLowerCase() === `/${part}`.toLowerCase()
      ) {
        this.set("[Content_Types].xml", xml.slice(0, c.tag.start) + xml.slice(c.end));
        return;
      }
  }

  /** The content type of a part, from its override or its extension's default. */
  contentType(part: string): string | undefined {
    const xml = this.text("[Content_Types].xml");
    let byExt: string | undefined;
    const ext = part.slice(part.lastIndexOf(".") + 1).toLowerCase();
    for (const c of childrenOf(xml, rootOf(xml))) {
      const a = attrsOf(xml.slice(c.tag.start, c.tag.end));
      if (c.tag.local === "Override" && a.get("PartName")?.toLowerCase() === `/${part}`.toLowerCase())
        return a.get("ContentType");
      if (c.tag.local === "Default" && a.get("Extension")?.toLowerCase() === ext) byExt = a.get("ContentType");
    }
    return byExt;
  }
}

/** Inserts `text` just before the closing tag of `open` (expanding a self-closing element). */
export function insertBeforeClose(xml: string, open: ReturnType<typeof rootOf>, text: string): string {
  if (open.kind === "empty")
    return (
      xml.slice(0, open.start) +
      xml.slice(open.start, open.end).replace(/\s*\/>$/, ">") +
      text +
      `</${open.name}>` +
      xml.slice(open.end)
    );
  const end = xml.lastIndexOf(`</${open.name}`);
  return xml.slice(0, end) + text + xml.slice(end);
}
