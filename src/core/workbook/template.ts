/**
 * Tạo mẫu nhập liệu (SPEC §5): clean communes, villages and postal-points sheets with the canonical
 * headers, yes/no dropdowns, number formats and frozen header rows; what to enter in each column (the
 * guidance's own definitions) as a note on its header, an input message on its cells, and a guide
 * sheet that lists them all for whoever prints the template.
 */
import { COMMUNE_FIELDS, POSTAL_FIELDS, VILLAGE_FIELDS, type FieldDef, type FieldType } from "../fields";
import type { InputPrompt, NewSheet, SheetCell } from "./plan";

export const TEMPLATE_ROWS = 200;
export const YES_NO = ["Có", "Không"];
export const AREA_CHOICES = ["Miền núi", "Đồng bằng"];
export const GUIDE_SHEET = "Hướng dẫn nhập liệu";

/** Alternatives the template leaves out: rates (counts are asked for), village counts and one postal point in the communes table (their own sheets are given), one-column village services. */
const NOT_IN_TEMPLATE = new Set([
  "computers",
  "computer_rate",
  "dossiers_online_rate",
  "smartphone_subscriptions",
  "smartphone_rate",
  "officials_trained_rate",
  "citizens_trained_rate",
  "ocop_online_rate",
  "address_plates_rate",
  "villages_total",
  "villages_phone",
  "villages_internet",
  "villages_loudspeaker",
  "villages_loudspeaker_regular",
  "villages_tv",
  "premises",
  "sign",
  "posted_info",
  "hours_per_day",
  "letters_2kg",
  "parcels_5kg",
  "online_service_support",
  // A single "has telephone / Internet" column is accepted from forms; the template asks for each kind.
  "phone_any",
  "internet_any",
]);

export const TYPE_TEXT: Record<FieldType, string> = {
  text: "Chữ",
  area: "Miền núi / Đồng bằng",
  yesno: "Có / Không",
  count: "Số nguyên, không âm",
  number: "Số, không âm",
  rate: "Tỷ lệ (%)",
  website: "Địa chỉ trang, hoặc Có / Không",
};

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

function sheetFor(name: string, fields: readonly FieldDef[]): NewSheet {
  const cells: SheetCell[] = fields.map((f, col) => {
    const note = noteOf(f);
    return { row: 0, col, value: f.header, style: "header", ...(note ? { note } : {}) };
  });
  const data = (col: number) => ({ r0: 1, c0: col, r1: TEMPLATE_ROWS, c1: col });
  const validations: NewSheet["validations"] = [];
  const numberFormats: NonNullable<NewSheet["numberFormats"]> = [];
  const prompts: InputPrompt[] = [];
  fields.forEach((f, col) => {
    if (f.type === "yesno") validations.push({ range: data(col), list: YES_NO });
    if (f.type === "area") validations.push({ range: data(col), list: AREA_CHOICES });
    const fmt = formatOf(f);
    if (fmt) numberFormats.push({ range: data(col), format: fmt });
    const note = noteOf(f);
    if (note) prompts.push({ range: data(col), title: promptTitle(f.header), text: promptText(note) });
  });
  return { name, cells, validations, numberFormats, prompts, freezeRows: 1, columnWidths: fields.map((f) => Math.min(40, Math.max(12, Math.ceil(f.header.length * 0.8)))) };
}

/** The guide: every column of the three sheets, what to type and what the guidance means by it. */
function guideSheet(name: string, sheets: readonly { name: string; fields: readonly FieldDef[] }[]): NewSheet {
  const cells: SheetCell[] = [];
  const put = (row: number, col: number, value: string, style?: SheetCell["style"]) => cells.push({ row, col, value, ...(style ? { style } : {}) });
  put(0, 0, "HƯỚNG DẪN NHẬP LIỆU – TIÊU CHÍ SỐ 8 (THÔNG TIN VÀ TRUYỀN THÔNG)", "title");
  put(1, 0, "Theo hướng dẫn của Sở Thông tin và Truyền thông Lạng Sơn (tháng 9/2022), Phụ lục I (xã NTM) và Phụ lục II (xã NTM nâng cao). Mỗi tiêu đề cột cũng có ghi chú này.", "subtitle");
  const header = 3;
  ["Sheet", "Cột", "Nhập", "Nội dung"].forEach((h, col) => put(header, col, h, "header"));
  let row = header + 1;
  for (const s of sheets)
    for (const f of s.fields) {
      put(row, 0, s.name, "text");
      put(row, 1, f.header);
      put(row, 2, TYPE_TEXT[f.type]);
      // One line per row: hosts do not fit a row's height to wrapped text, so a long note goes on in the rows below.
      const lines = linesOf(f.hint ?? "", GUIDE_LINE);
      lines.forEach((l, i) => put(row + i, 3, l));
      row += Math.max(1, lines.length);
    }
  return { name, cells, freezeRows: header + 1, columnWidths: [24, 46, 28, 100], landscape: true };
}

/** Characters of the guide's last column on one line (its width is 100). */
const GUIDE_LINE = 105;

/** Text broken between words into lines of at most `width` characters. */
export function linesOf(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** The three input sheets and the guide; names already in the workbook get a number. */
export function templateSheets(existing: readonly string[] = []): NewSheet[] {
  const free = (base: string) => {
    let name = base;
    for (let i = 2; existing.includes(name); i++) name = `${base} (${i})`;
    return name;
  };
  const inputs = [
    { name: free("Danh sách xã"), fields: COMMUNE_FIELDS.filter((f) => !NOT_IN_TEMPLATE.has(f.key)) },
    { name: free("Thôn, bản"), fields: VILLAGE_FIELDS.filter((f) => !NOT_IN_TEMPLATE.has(f.key)) },
    { name: free("Điểm phục vụ bưu chính"), fields: POSTAL_FIELDS },
  ];
  return [...inputs.map((s) => sheetFor(s.name, s.fields)), guideSheet(free(GUIDE_SHEET), inputs)];
}
