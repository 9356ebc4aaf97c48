/**
 * Tạo mẫu nhập liệu (SPEC §5): clean communes, villages and postal-points sheets with the canonical
 * headers, yes/no dropdowns, number formats and frozen header rows.
 */
import { COMMUNE_FIELDS, POSTAL_FIELDS, VILLAGE_FIELDS, type FieldDef } from "../fields";
import type { NewSheet, SheetCell } from "./plan";

export const TEMPLATE_ROWS = 200;
export const YES_NO = ["Có", "Không"];
export const AREA_CHOICES = ["Miền núi", "Đồng bằng"];

/** Alternatives of the communes table that the template leaves out: rates (counts are asked for), village counts and one postal point (their own sheets are given). */
const NOT_IN_TEMPLATE = new Set([
  "computer_rate",
  "dossiers_online_rate",
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
]);

function formatOf(f: FieldDef): string | undefined {
  if (f.type === "count") return "#,##0";
  if (f.type === "number") return "0.##";
  if (f.type === "text" || f.type === "website") return "@";
  return undefined;
}

function sheetFor(name: string, fields: readonly FieldDef[]): NewSheet {
  const cells: SheetCell[] = fields.map((f, col) => ({ row: 0, col, value: f.header, style: "header" }));
  const data = (col: number) => ({ r0: 1, c0: col, r1: TEMPLATE_ROWS, c1: col });
  const validations: NewSheet["validations"] = [];
  const numberFormats: NonNullable<NewSheet["numberFormats"]> = [];
  fields.forEach((f, col) => {
    if (f.type === "yesno") validations.push({ range: data(col), list: YES_NO });
    if (f.type === "area") validations.push({ range: data(col), list: AREA_CHOICES });
    const fmt = formatOf(f);
    if (fmt) numberFormats.push({ range: data(col), format: fmt });
  });
  return { name, cells, validations, numberFormats, freezeRows: 1, columnWidths: fields.map((f) => Math.min(40, Math.max(12, Math.ceil(f.header.length * 0.8)))) };
}

/** The three input sheets; names already in the workbook get a number. */
export function templateSheets(existing: readonly string[] = []): NewSheet[] {
  const free = (base: string) => {
    let name = base;
    for (let i = 2; existing.includes(name); i++) name = `${base} (${i})`;
    return name;
  };
  return [
    sheetFor(free("Danh sách xã"), COMMUNE_FIELDS.filter((f) => !NOT_IN_TEMPLATE.has(f.key))),
    sheetFor(free("Thôn, bản"), VILLAGE_FIELDS),
    sheetFor(free("Điểm phục vụ bưu chính"), POSTAL_FIELDS),
  ];
}
