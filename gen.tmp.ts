import ExcelJS from "exceljs";
import { COMMUNE_FIELDS, POSTAL_FIELDS, POSTAL_POINT_FIELDS, VILLAGE_FIELDS } from "./src/core/fields";


function value(type: string, i: number): ExcelJS.CellValue {
  if (type === "yesno") return i % 17 === 0 ? "Không" : "Có";
  if (type === "count" || type === "number") return 10 + (i % 7);
  if (type === "area") return i % 5 ? "Miền núi" : "Đồng bằng";
  if (type === "rate") return null;
  return "https://xa.langson.gov.vn";
}

/** A district workbook written by exceljs, streamed to disk (the 10,000-commune one is large). */
async function make(n: number, file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const xa = wb.addWorksheet("Xã");
  const fields = COMMUNE_FIELDS.filter((f) => !f.key.startsWith("villages_") && !POSTAL_POINT_FIELDS.some((p) => p.key === f.key));
  xa.addRow(fields.map((f) => f.header)).commit();
  const name = (i: number) => `Xã Số ${i + 1}`;
  for (let i = 0; i < n; i++) xa.addRow(fields.map((f) => (f.key === "commune" ? name(i) : f.key === "district" ? `Huyện ${1 + (i % 11)}` : value(f.type, i)))).commit();
  xa.commit();
  const thon = wb.addWorksheet("Thôn");
  const vf = VILLAGE_FIELDS.filter((f) => f.key !== "district");
  thon.addRow(vf.map((f) => f.header)).commit();
  for (let i = 0; i < n; i++)
    for (let v = 0; v < 10; v++) thon.addRow(vf.map((f) => (f.key === "commune" ? name(i) : f.key === "village" ? `Thôn ${v + 1}` : f.key === "providers" ? "VNPT" : value(f.type, i + v)))).commit();
  thon.commit();
  const bc = wb.addWorksheet("Điểm BC");
  const pf = POSTAL_FIELDS.filter((f) => f.key !== "district");
  bc.addRow(pf.map((f) => f.header)).commit();
  for (let i = 0; i < n; i++) bc.addRow(pf.map((f) => (f.key === "commune" ? name(i) : f.key === "postal_point" ? `Điểm BĐVHX ${i + 1}` : value(f.type, i)))).commit();
  bc.commit();
  await wb.commit();
}


make(Number(process.argv[2]), process.argv[3]);
