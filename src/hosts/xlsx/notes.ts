/**
 * Notes (comments) on a sheet: TC8's are appended to the sheet's own comments part and VML drawing,
 * or put in new ones when the sheet has none. A note of the user's is never replaced or removed:
 * TC8 removes only a note it wrote whose text is still what it wrote (its fingerprint is in TC8's
 * state; LibreOffice keeps no author), with its shape in the VML drawing, found by its cell.
 */
import { a1 } from "../../core/shared/grid";
import { CONTENT_TYPES, type Package, REL } from "./package";
import { parseRef } from "./read";
import {
  appendInto,
  attrOf,
  childOfRoot,
  decodeOoxmlText,
  childrenOf,
  escapeText,
  insertInOrder,
  prefixOf,
  rootOf,
  unescapeXml,
} from "./xml";

export const TC8_AUTHOR = "TC8";

const key = (row: number, col: number) => `${row}|${col}`;

export interface NoteOnCell {
  text: string;
  /** The note names TC8 as its author (a note TC8 wrote before its fingerprints were kept). */
  tc8Author: boolean;
}

export interface SheetNotes {
  commentsPart?: string;
  vmlPart?: string;
  /** The notes on the sheet, by "row|col". */
  notes: Map<string, NoteOnCell>;
}

/** A comment's text as Excel shows it: its runs' text, phonetic runs left out. */
function commentText(xml: string): string {
  let out = "";
  const re = /<(\/?)(?:[\w.-]+:)?(t|rPh)(\s[^>]*)?(\/?)>/g;
  let phonetic = 0;
  let open = -1;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const [, close, name, , empty] = m;
    if (name === "rPh") phonetic += close ? -1 : empty ? 0 : 1;
    else if (!close && !empty) open = re.lastIndex;
    else if (close && open >= 0) {
      if (!phonetic) out += unescapeXml(xml.slice(open, m.index));
      open = -1;
    }
  }
  return decodeOoxmlText(out);
}

/** The sheet's notes part, its VML drawing (the one `<legacyDrawing>` names) and who wrote each note. */
export function readNotes(pkg: Package, sheetPart: string, sheetXml: string): SheetNotes {
  const notes = new Map<string, NoteOnCell>();
  const comments = pkg.related(sheetPart, REL.comments).find((r) => pkg.has(r.part));
  const ld = childOfRoot(sheetXml, "legacyDrawing");
  const rid = ld
    ? [...attrsOfTag(sheetXml.slice(ld.tag.start, ld.tag.end))].find(([k]) => k.endsWith(":id"))?.[1]
    : undefined;
  const vml = rid ? pkg.related(sheetPart, REL.vmlDrawing).find((r) => r.rel.id === rid && pkg.has(r.part)) : undefined;
  if (comments) {
    const xml = pkg.text(comments.part);
    const authors = authorsOf(xml);
    const list = childOfRoot(xml, "commentList");
    for (const c of list ? childrenOf(xml, list.tag) : []) {
      const open = xml.slice(c.tag.start, c.tag.end);
      const rc = parseRef(attrOf(open, "ref")?.split(":")[0] ?? "");
      if (rc)
        notes.set(key(rc[0], rc[1]), {
          text: commentText(xml.slice(c.tag.end, c.end)),
          tc8Author: authors[Number(attrOf(open, "authorId") ?? -1)] === TC8_AUTHOR,
        });
    }
  }
  return {
    ...(comments ? { commentsPart: pkg.find(comments.part) } : {}),
    ...(vml ? { vmlPart: pkg.find(vml.part) } : {}),
    notes,
  };
}

function attrsOfTag(open: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of open.matchAll(/([^\s=/>]+)\s*=\s*"([^"]*)"/g)) out.set(m[1], m[2]);
  return out;
}

function authorsOf(xml: string): string[] {
  const el = childOfRoot(xml, "authors");
  return el
    ? childrenOf(xml, el.tag).map((a) => unescapeXml(xml.slice(a.tag.end, xml.lastIndexOf("</", a.end - 1))))
    : [];
}

const VML_NS =
  'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"';
const SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function shapeXml(row: number, col: number): string {
  return (
    `<v:shape id="tc8_note_${row}_${col}" type="#_x0000_t202" style="position:absolute;margin-left:60pt;margin-top:2pt;width:260pt;height:90pt;z-index:1;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    `<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${Math.max(0, row - 1)}, 2, ${col + 5}, 15, ${row + 5}, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}

export interface NotesChange {
  /** TC8's own notes to take away (the caller checked they are TC8's). */
  remove: { row: number; col: number }[];
  add: { row: number; col: number; text: string }[];
}

/**
 * Applies the change to the sheet's notes; returns the relationship id of a new VML drawing, which
 * the sheet must name in `<legacyDrawing>`.
 */
export function applyNotes(
  pkg: Package,
  sheetPart: string,
  current: SheetNotes,
  change: NotesChange,
): string | undefined {
  let newDrawing: string | undefined;
  const removeKeys = new Set(
    change.remove.filter((r) => current.notes.has(key(r.row, r.col))).map((r) => key(r.row, r.col)),
  );

  if (current.commentsPart && (removeKeys.size || change.add.length)) {
    let xml = pkg.text(current.commentsPart);
    const p = prefixOf(rootOf(xml));
    let authors = authorsOf(xml);
    if (removeKeys.size) {
      const list = childOfRoot(xml, "commentList");
      const cut = (list ? childrenOf(xml, list.tag) : []).filter((c) => {
        const open = xml.slice(c.tag.start, c.tag.end);
        const rc = parseRef(attrOf(open, "ref")?.split(":")[0] ?? "");
        return rc && removeKeys.has(key(rc[0], rc[1]));
      });
      for (const c of cut.reverse()) xml = xml.slice(0, c.tag.start) + xml.slice(c.end);
    }
    if (change.add.length) {
      let authorId = authors.indexOf(TC8_AUTHOR);
      if (authorId < 0) {
        const el = childOfRoot(xml, "authors");
        authorId = authors.length;
        authors = [...authors, TC8_AUTHOR];
        xml = el
          ? appendInto(xml, el, `<${p}author>${TC8_AUTHOR}</${p}author>`)
          : insertInOrder(
              xml,
              ["authors", "commentList", "extLst"],
              "authors",
              `<${p}authors><${p}author>${TC8_AUTHOR}</${p}author></${p}authors>`,
            );
      }
      const items = change.add.map((n) => commentXml(p, n.row, n.col, authorId, n.text)).join("");
      const list = childOfRoot(xml, "commentList");
      xml = list
        ? appendInto(xml, list, items)
        : insertInOrder(
            xml,
            ["authors", "commentList", "extLst"],
            "commentList",
            `<${p}commentList>${items}</${p}commentList>`,
          );
    }
    pkg.set(current.commentsPart, xml);
  } else if (change.add.length) {
    const part = pkg.freeName("xl/comments", ".xml");
    const items = change.add.map((n) => commentXml("", n.row, n.col, 0, n.text)).join("");
    pkg.set(
      part,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>${TC8_AUTHOR}</author></authors><commentList>${items}</commentList></comments>`,
    );
    pkg.addOverride(part, CONTENT_TYPES.comments);
    pkg.addRel(sheetPart, REL.comments, part);
  }

  if (current.vmlPart && (removeKeys.size || change.add.length)) {
    let vml = pkg.text(current.vmlPart);
    // A note's shape is found by the cell it belongs to (its x:Row and x:Column), which Excel and
    // LibreOffice keep current as rows and columns move; its id may be anything.
    if (removeKeys.size)
      vml = vml.replace(/<v:shape\b[\s\S]*?<\/v:shape>/g, (shape) => {
        const r = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape);
        const c = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape);
        return r && c && removeKeys.has(key(Number(r[1]), Number(c[1]))) && /ObjectType="Note"/.test(shape)
          ? ""
          : shape;
      });
    if (change.add.length) {
      const shapes = change.add.map((n) => shapeXml(n.row, n.col)).join("");
      const type = /_x0000_t202/.test(vml) ? "" : SHAPETYPE;
      const end = vml.lastIndexOf("</xml>");
      if (end >= 0) vml = vml.slice(0, end) + type + shapes + vml.slice(end);
    }
    pkg.set(current.vmlPart, vml);
  } else if (change.add.length) {
    const part = pkg.freeName("xl/drawings/vmlDrawing", ".vml");
    pkg.set(
      part,
      `<xml ${VML_NS}><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>${SHAPETYPE}${change.add.map((n) => shapeXml(n.row, n.col)).join("")}</xml>`,
    );
    pkg.addDefault("vml", CONTENT_TYPES.vml);
    newDrawing = pkg.addRel(sheetPart, REL.vmlDrawing, part);
  }
  return newDrawing;
}

function commentXml(p: string, row: number, col: number, authorId: number, text: string): string {
  return `<${p}comment ref="${a1(row, col)}" authorId="${authorId}"><${p}text><${p}r><${p}rPr><${p}sz val="9"/><${p}rFont val="Tahoma"/></${p}rPr><${p}t xml:space="preserve">${escapeText(text)}</${p}t></${p}r></${p}text></${p}comment>`;
}
