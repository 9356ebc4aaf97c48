/**
 * District workbooks for the wire harness, in a simulated Excel: a communes sheet under a title,
 * a villages sheet and a postal-points sheet. A fifth of the communes have failing values and a
 * few have blanks, so an evaluation marks cells red and amber; some input cells carry the
 * user's own formatting (a yellow fill, a white fill, a blue font) and notes, and one column is
 * a formula, so Clear results has something to give back.
 */
import { COMMUNE_FIELDS, POSTAL_FIELDS, POSTAL_POINT_FIELDS, VILLAGE_FIELDS, type FieldDef } from "../fields";
import { colLetter } from "../../../src/core/shared/grid";
import { SimExcel, type Scalar } from "./sim";

const VILLAGES_PER_COMMUNE = 6;

const PASSING: Record<string, Scalar> = {
  area: "Miền núi",
  radio_news_per_week: 3,
  officials: 20,
  officials_with_computer: 12,
  website: "https://xa.langson.gov.vn",
  website_posts_year: 40,
  website_posts_min_month: 3,
  dossiers_total: 1000,
  dossiers_online: 500,
  working_age: 2000,
  smartphone_users: 1200,
  officials_trained: 18,
  citizens_trained: 1100,
  publication_points: 1,
  ocop_products: 2,
  ocop_online: 2,
  address_points: 800,
  address_plates: 800,
  wifi_other_places: 2,
  hours_per_day: 8,
};

function passing(f: FieldDef): Scalar {
  if (f.key in PASSING) return PASSING[f.key];
  if (f.type === "yesno") return "Có";
  if (f.type === "count" || f.type === "number") return 3;
  if (f.type === "rate") return 0.6;
  return "x";
}

export const COMMUNE_COLUMNS = COMMUNE_FIELDS.filter(
  (f) => !f.key.startsWith("villages_") && !POSTAL_POINT_FIELDS.some((p) => p.key === f.key),
);
const VILLAGE_COLUMNS = VILLAGE_FIELDS.filter((f) => f.key !== "district");
const POSTAL_COLUMNS = POSTAL_FIELDS.filter((f) => f.key !== "district");

export const colOfKey = (key: string) => COMMUNE_COLUMNS.findIndex((f) => f.key === key);
/** The first commune's row (0-based) on the communes sheet: a title, a blank row, the header. */
export const FIRST_ROW = 3;

export function district(n: number): SimExcel {
  const x = new SimExcel();
  const xa = x.addSheet("Xã");
  const thon = x.addSheet("Thôn bản");
  const bc = x.addSheet("Điểm BĐVHX");
  xa.set("A1", [["BIỂU TỔNG HỢP TIÊU CHÍ SỐ 8 – THÔNG TIN VÀ TRUYỀN THÔNG"]]);
  xa.set("A3", [COMMUNE_COLUMNS.map((f) => f.header)]);
  thon.set("A1", [VILLAGE_COLUMNS.map((f) => f.header)]);
  bc.set("A1", [POSTAL_COLUMNS.map((f) => f.header)]);
  const computers = colOfKey("officials_with_computer");
  const officials = colOfKey("officials");
  for (let i = 0; i < n; i++) {
    const name = `Xã Số ${i + 1}`;
    const row = COMMUNE_COLUMNS.map((f) =>
      f.key === "commune" ? name : f.key === "district" ? `Huyện ${1 + (i % 11)}` : passing(f),
    );
    // A fifth fail: too few computers, no e-mail; every 13th lacks its online dossiers.
    if (i % 5 === 1) {
      row[computers] = 4;
      row[colOfKey("sw_email")] = "Không";
    }
    if (i % 13 === 2) row[colOfKey("dossiers_online")] = null;
    if (i % 17 === 3) row[colOfKey("smartphone_users")] = "nhiều";
    const r = FIRST_ROW + i;
    xa.set(`A${r + 1}`, [row]);
    // The officials count is a formula with its value (the user's: never written over).
    if (i % 4 === 0) xa.cell(r, officials).f = `=${colLetter(officials)}${r + 1}+0`;
    // The user's own formatting, on cells TC8 marks and on others.
    if (i % 10 === 1) Object.assign(xa.cell(r, computers), { fill: "#FFFF00", font: "#0000FF" });
    if (i % 10 === 6) xa.cell(r, computers).fill = "#FFFFFF";
    if (i % 20 === 11) x.notes.set(x.noteKey(xa, r, computers), "Số liệu của phòng Văn hóa");
    if (i % 20 === 3) x.notes.set(x.noteKey(xa, r, colOfKey("commune")), "Xã mới sáp nhập");
    for (let v = 0; v < VILLAGES_PER_COMMUNE; v++) {
      const vr = 1 + i * VILLAGES_PER_COMMUNE + v;
      const noInternet = i % 5 === 1 && v === 0;
      thon.set(`A${vr + 1}`, [
        VILLAGE_COLUMNS.map((f) =>
          f.key === "commune"
            ? name
            : f.key === "village"
              ? `Thôn ${v + 1}`
              : f.key === "providers"
                ? "VNPT, Viettel"
                : f.type === "yesno"
                  ? noInternet && f.key.startsWith("internet")
                    ? "Không"
                    : "Có"
                  : passing(f),
        ),
      ]);
    }
    bc.set(`A${i + 2}`, [
      POSTAL_COLUMNS.map((f) =>
        f.key === "commune" ? name : f.key === "postal_point" ? `Điểm BĐVHX ${name}` : passing(f),
      ),
    ]);
  }
  return x;
}
