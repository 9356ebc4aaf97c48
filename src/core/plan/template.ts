/**
 * Tạo mẫu nhập liệu (docs/output.md): clean communes, villages and postal-points sheets with the canonical
 * headers, yes/no dropdowns, number formats and frozen header rows; what to enter in each column (the
 * guidance's own definitions) as a note on its header, an input message on its cells, and a guide
 * sheet that lists them all for whoever prints the template.
 */
import { fieldsOf, postalPointKeys, type FieldDef, type FieldType } from "../fields";
import type { RuleSet } from "../ruleset/types";
import { fitRowHeights } from "./layout";
import { EXAMPLE_MARK } from "../state/own";
import type { InputPrompt, NewSheet, SheetCell } from "./types";

export const TEMPLATE_ROWS = 200;
export const YES_NO = ["Có", "Không"];
export const GUIDE_SHEET = "Hướng dẫn nhập liệu";

export const TYPE_TEXT: Record<FieldType, string> = {
  text: "Chữ",
  area: "Khu vực",
  yesno: "Có / Không",
  count: "Số nguyên, không âm",
  number: "Số, không âm",
  rate: "Tỷ lệ (%)",
  website: "Địa chỉ trang, hoặc Có / Không",
};

/** What a column takes, as the guide sheet says it: an area column, the rule set's areas ("Miền núi / Đồng bằng"). */
export function typeText(f: FieldDef): string {
  return f.type === "area" && f.areas?.length ? f.areas.map((a) => a.label.vi).join(" / ") : TYPE_TEXT[f.type];
}

function formatOf(f: FieldDef): string | undefined {
  if (f.type === "count") return "#,##0";
  if (f.type === "number") return "0.##";
  if (f.type === "text" || f.type === "website") return "@";
  return undefined;
}

/** Excel shows at most 255 characters in an input message: whole sentences that fit. */
export function promptText(hint: string, max = 255): string {
  if (hint.length <= max) return hint;
  let out = "";
  for (const sentence of hint.match(/[^.!?]+[.!?]+(\s|$)|[^.!?]+$/g) ?? [hint]) {
    if ((out + sentence).trimEnd().length > max) break;
    out += sentence;
  }
  return out.trimEnd() || `${hint.slice(0, max - 1)}…`;
}

/** Excel's input message title: at most 32 characters. */
function promptTitle(header: string): string {
  return header.length <= 32 ? header : `${header.slice(0, 31)}…`;
}

/** What a column's header note and input message say: the choices where there are some, then the hint. */
export function noteOf(f: FieldDef): string | undefined {
  if (!f.hint) return undefined;
  return f.type === "yesno" ? `${TYPE_TEXT.yesno}. ${f.hint}` : f.hint;
}

/** The example commune of the template: its rows show how to fill in, and are not evaluated. */
export const EXAMPLE_COMMUNE = "Xã Mẫu (ví dụ)";

/** What the identity columns of the template hold in its example rows; the rule set's fields say their own (`example`). */
const EXAMPLES: Record<string, string | number> = {
  commune: EXAMPLE_COMMUNE,
  code: "06001",
  district: "Huyện Bình Gia",
  village: "Thôn Nà Pàn (ví dụ)",
  postal_point: "Điểm BĐVHX Mẫu (ví dụ)",
};

function exampleOf(f: FieldDef): string | number {
  if (f.key in EXAMPLES) return EXAMPLES[f.key];
  if (f.example !== undefined) return f.example;
  if (f.type === "area") return f.areas?.[0]?.label.vi ?? "";
  return f.type === "yesno" ? "Có" : "";
}

/** The unit a number column is counted in ("người", "hồ sơ"), or the percent sign of a rate. */
function unitOf(f: FieldDef): string {
  if (f.type === "rate") return "%";
  if (f.type === "count" || f.type === "number") return f.units?.[0] ?? "";
  return "";
}

function sheetFor(name: string, fields: readonly FieldDef[], examples: number): NewSheet {
  const cells: SheetCell[] = fields.map((f, col) => {
    const note = noteOf(f);
    return { row: 0, col, value: f.header, style: "header", ...(note ? { note } : {}) };
  });
  // Example rows, in grey italics: what a filled row looks like; the user deletes them.
  for (let i = 0; i < examples; i++)
    fields.forEach((f, col) => {
      let v = exampleOf(f);
      if (f.key === "village" && i > 0) v = `Thôn Khuổi Tát (ví dụ)`;
      if (v !== "") cells.push({ row: 1 + i, col, value: v, style: "example" });
    });
  const data = (col: number) => ({ r0: 1, c0: col, r1: TEMPLATE_ROWS, c1: col });
  const validations: NewSheet["validations"] = [];
  const numberFormats: NonNullable<NewSheet["numberFormats"]> = [];
  const prompts: InputPrompt[] = [];
  fields.forEach((f, col) => {
    if (f.type === "yesno") validations.push({ range: data(col), list: YES_NO });
    if (f.type === "area") validations.push({ range: data(col), list: (f.areas ?? []).map((a) => a.label.vi) });
    const fmt = formatOf(f);
    if (fmt) numberFormats.push({ range: data(col), format: fmt });
    const note = noteOf(f);
    // The message shows on the header and on every cell of the column.
    if (note) prompts.push({ range: { ...data(col), r0: 0 }, title: promptTitle(f.header), text: promptText(note) });
  });
  const sheet: NewSheet = {
    name,
    cells,
    validations,
    numberFormats,
    prompts,
    freezeRows: 1,
    columnWidths: fields.map((f) => Math.min(24, Math.max(12, Math.ceil(f.header.length * 0.6)))),
  };
  sheet.rowHeights = fitRowHeights(sheet);
  return sheet;
}

/** How the three input sheets hang together, for the top of the guide. */
const SHEET_ROLES = (communes: string, villages: string, postal: string): [string, string][] => [
  [
    communes,
    `Mỗi xã một dòng: tên xã, huyện, khu vực và số liệu của xã. Đây là bảng TC8 ghi kết quả đánh giá vào (các cột 8.1 NTM … Giải thích TC8 ở bên phải).`,
  ],
  [
    villages,
    `Mỗi thôn, bản một dòng. Cột "Tên xã" ghi tên xã của thôn, bản đúng như ở sheet ${communes} (không phân biệt chữ hoa, dấu; có thể bỏ chữ "Xã"). Khi hai xã trùng tên ở hai huyện, ghi thêm cột "Huyện".`,
  ],
  [
    postal,
    `Mỗi điểm phục vụ bưu chính một dòng, gắn với xã qua cột "Tên xã" như sheet ${villages}. Xã chỉ cần một điểm đáp ứng đủ các điều kiện.`,
  ],
  [
    GUIDE_SHEET,
    `Sheet này: ý nghĩa, đơn vị, giá trị được nhận và ví dụ của từng cột. Các dòng ví dụ (chữ nghiêng màu xám, tên có "${EXAMPLE_MARK}") chỉ để tham khảo, TC8 không đánh giá: hãy xóa hoặc ghi đè lên.`,
  ],
];

/** The guide: the sheets, then every column of the three sheets: meaning, unit, accepted values, an example. */
function guideSheet(
  name: string,
  sheets: readonly { name: string; fields: readonly FieldDef[] }[],
  rs: RuleSet,
): NewSheet {
  const cells: SheetCell[] = [];
  const merges: NonNullable<NewSheet["merges"]> = [];
  const put = (row: number, col: number, value: string | number, style?: SheetCell["style"]) =>
    cells.push({ row, col, value, ...(style ? { style } : {}) });
  const widths = [22, 34, 60, 10, 22, 24];
  const last = widths.length - 1;
  const line = (row: number, text: string, style: SheetCell["style"]) => {
    put(row, 0, text, style);
    merges.push({ r0: row, c0: 0, r1: row, c1: last });
  };
  line(
    0,
    `HƯỚNG DẪN NHẬP LIỆU – TIÊU CHÍ SỐ ${rs.criterion.number} (${rs.criterion.name.vi.toLocaleUpperCase("vi")})`,
    "title",
  );
  // The rule set's guidance and, for each level, the annex it comes from.
  line(
    1,
    `Bộ tiêu chí: ${rs.name} (${rs.levels.map((l) => `${l.annex}: xã ${l.name.vi}`).join("; ")}). Mỗi tiêu đề cột cũng có ghi chú và lời nhắc này.`,
    "wrap",
  );
  let row = 3;
  ["Sheet", "Nội dung, cách liên kết với xã"].forEach((h, col) => put(row, col, h, "header"));
  merges.push({ r0: row, c0: 1, r1: row, c1: last });
  row++;
  const [communes, villages, postal] = sheets.map((s) => s.name);
  for (const [sheet, text] of SHEET_ROLES(communes, villages, postal)) {
    put(row, 0, sheet, "cell");
    put(row, 1, text, "cell");
    merges.push({ r0: row, c0: 1, r1: row, c1: last });
    row++;
  }
  row++;
  const header = row;
  ["Sheet", "Cột", "Ý nghĩa (theo hướng dẫn)", "Đơn vị", "Giá trị được nhận", "Ví dụ"].forEach((h, col) =>
    put(header, col, h, "header"),
  );
  row++;
  for (const s of sheets)
    for (const f of s.fields) {
      put(row, 0, s.name, "cell");
      put(row, 1, f.header, "cell");
      put(row, 2, f.hint ?? "", "cell");
      put(row, 3, unitOf(f), "cell");
      put(row, 4, typeText(f), "cell");
      put(row, 5, exampleOf(f), "cell");
      row++;
    }
  const sheet: NewSheet = {
    name,
    cells,
    merges,
    freezeRows: 0,
    columnWidths: widths,
    landscape: true,
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      titleRows: { first: header, last: header },
      footer: { center: "Trang &P/&N" },
    },
  };
  sheet.rowHeights = fitRowHeights(sheet);
  return sheet;
}

/** The three input sheets and the guide for a rule set's fields; names already in the workbook get a number. */
export function templateSheets(rs: RuleSet, existing: readonly string[] = []): NewSheet[] {
  const fields = fieldsOf(rs);
  const inTemplate = (f: FieldDef) => f.template !== false;
  const free = (base: string) => {
    let name = base;
    for (let i = 2; existing.includes(name); i++) name = `${base} (${i})`;
    return name;
  };
  const inputs = [
    // A postal point's columns go in its own sheet, not the communes'.
    {
      name: free("Danh sách xã"),
      fields: fields.communes.filter((f) => inTemplate(f) && !postalPointKeys(rs).has(f.key)),
    },
    { name: free("Thôn, bản"), fields: fields.villages.filter(inTemplate) },
    { name: free("Điểm phục vụ bưu chính"), fields: fields.postal },
  ];
  // Two example villages and one example postal point for the example commune.
  const examples = [1, 2, 1];
  return [...inputs.map((s, i) => sheetFor(s.name, s.fields, examples[i])), guideSheet(free(GUIDE_SHEET), inputs, rs)];
}
