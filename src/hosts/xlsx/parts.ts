/**
 * What an .xlsx holds that exceljs cannot carry into the annotated copy (PLATFORM-NOTES.md):
 * charts, pivot tables, images, macros, add-in parts… named in a warning; the input itself is
 * never changed.
 */
import JSZip from "jszip";

export type DroppedPart = "charts" | "pivotTables" | "images" | "macros" | "slicers" | "addins" | "customProperties" | "threadedComments" | "externalLinks";

const PATTERNS: [RegExp, DroppedPart][] = [
  [/^xl\/charts\//, "charts"],
  [/^xl\/pivotTables\//, "pivotTables"],
  [/^xl\/pivotCache\//, "pivotTables"],
  [/^xl\/media\//, "images"],
  [/^xl\/vbaProject\.bin$/, "macros"],
  [/^xl\/slicers\//, "slicers"],
  [/^xl\/webextensions\//, "addins"],
  [/^docProps\/custom\.xml$/, "customProperties"],
  [/^xl\/threadedComments\//, "threadedComments"],
  [/^xl\/externalLinks\//, "externalLinks"],
];

export const PART_NAMES: Record<DroppedPart, { vi: string; en: string }> = {
  charts: { vi: "biểu đồ", en: "charts" },
  pivotTables: { vi: "bảng tổng hợp (PivotTable)", en: "pivot tables" },
  images: { vi: "hình ảnh", en: "images" },
  macros: { vi: "macro (VBA)", en: "macros (VBA)" },
  slicers: { vi: "slicer", en: "slicers" },
  addins: { vi: "phần bổ trợ (add-in)", en: "add-in parts" },
  customProperties: { vi: "thuộc tính tùy chỉnh của tệp", en: "custom document properties" },
  threadedComments: { vi: "bình luận dạng hội thoại", en: "threaded comments" },
  externalLinks: { vi: "liên kết tới sổ tính khác", en: "links to other workbooks" },
};

export async function droppedParts(data: ArrayBuffer | Uint8Array | Buffer): Promise<DroppedPart[]> {
  const zip = await JSZip.loadAsync(data);
  const found = new Set<DroppedPart>();
  for (const name of Object.keys(zip.files)) for (const [re, part] of PATTERNS) if (re.test(name)) found.add(part);
  // exceljs itself writes an empty custom-properties part: only one with a property is worth a warning.
  if (found.has("customProperties") && !/<property\b/.test((await zip.file("docProps/custom.xml")?.async("string")) ?? "")) found.delete("customProperties");
  return [...found];
}
