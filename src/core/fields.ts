/**
 * The input schema (docs/input.md §6): the identity columns every workbook has (commune, district,
 * village, postal point, the commune's area), here; the criterion's own fields, in the rule set's
 * file (docs/rules.md, "Fields"). `fieldsOf` puts them together per kind of table, in the order the
 * template writes them and the header matcher tries them.
 */
import type { AreaDef, RuleSet, Text } from "./ruleset/types";

export type FieldType =
  | "text" // names, codes
  | "area" // Miền núi / Đồng bằng
  | "yesno" // có / không, check marks
  | "count" // whole number >= 0
  | "number" // any number >= 0 (hours, news per week)
  | "rate" // percentage 0–100 %
  | "website"; // an address, or yes / no

export type TableKind = "communes" | "villages" | "postal";

export interface FieldDef {
  key: string;
  type: FieldType;
  /** Canonical Vietnamese header, as the template writes it. */
  header: string;
  /** Other headers seen on real forms; matched after normalisation (case, diacritics, punctuation, spacing). */
  aliases: readonly string[];
  /** Short label for explanations. */
  label: { vi: string; en: string };
  /** Trailing units accepted after a number in a text cell ("4 giờ", "12 người"). */
  units?: readonly string[];
  /** Required to recognise the table (the name column of its kind). */
  identifies?: TableKind;
  /** A yes/no value said as a sentence ("xã chưa có đài truyền thanh"), so no header is repeated inside a sentence. */
  says?: { yes: Text; no: Text };
  /** What a village has, inside a sentence ("Internet băng rộng di động"). */
  thing?: Text;
  /** Hours of a day: "8:00", a cell formatted h:mm and ranges such as "7:30–11:30, 13:30–17:00" are read as hours. */
  hours?: boolean;
  /** The largest value that can be (24 hours a day). */
  max?: number;
  /** A rate that may exceed 100 % (computers per official). */
  above100?: boolean;
  /**
   * What to enter, for the person filling in the template (its header note and the guide sheet):
   * the guidance's own definitions where it gives one.
   */
  hint?: string;
  /** False for an alternative the template leaves out (a rate where counts are asked for). */
  template?: boolean;
  /** A column that is recognised and never read: where it is there and none of `unless`, its header says why (use `use`). */
  unused?: { use: string; unless: readonly string[]; why: Text };
  /** A month's minimum of the count `monthOf` counts in a year: twelve of it above the year's is impossible. */
  monthOf?: string;
  /** What the template's example rows hold in this column. */
  example?: string | number;
  /** The areas an area column can state (the rule set's classification). */
  areas?: readonly AreaDef[];
}

function f(
  key: string,
  type: FieldType,
  header: string,
  en: string,
  aliases: readonly string[],
  extra: Partial<FieldDef> = {},
): FieldDef {
  return { key, type, header, aliases, label: { vi: header, en }, ...extra };
}

// Identity columns shared by the three kinds of table.
const COMMUNE = f(
  "commune",
  "text",
  "Tên xã",
  "Commune",
  [
    "Xã",
    "Tên xã, thị trấn",
    "Xã, thị trấn",
    "Xã/thị trấn",
    "Tên đơn vị hành chính cấp xã",
    "Tên xã/thị trấn",
    "Commune",
  ],
  { identifies: "communes", hint: "Tên xã, như trong danh sách xã (mỗi xã một dòng)." },
);
const DISTRICT = f(
  "district",
  "text",
  "Huyện",
  "District",
  ["Tên huyện", "Huyện, thành phố", "Huyện/thành phố", "Huyện, TP", "District"],
  { hint: "Tên huyện, thành phố: cần khi có hai xã trùng tên ở hai huyện." },
);
const CODE = f("code", "text", "Mã xã", "Commune code", ["Mã ĐVHC", "Mã đơn vị hành chính", "Mã"], {
  hint: "Mã đơn vị hành chính của xã (không bắt buộc).",
});
const VILLAGE = f(
  "village",
  "text",
  "Tên thôn, bản",
  "Village",
  ["Thôn, bản", "Tên thôn", "Thôn", "Tên thôn/bản", "Thôn/bản", "Tên thôn, bản, khối phố", "Village"],
  { identifies: "villages", hint: "Tên thôn, bản; mỗi thôn, bản một dòng." },
);
const POSTAL_POINT = f(
  "postal_point",
  "text",
  "Tên điểm phục vụ bưu chính",
  "Postal service point",
  [
    "Điểm phục vụ bưu chính",
    "Tên điểm phục vụ",
    "Tên điểm BĐVHX",
    "Điểm BĐVHX",
    "Tên bưu cục",
    "Tên điểm bưu điện văn hóa xã",
  ],
  {
    identifies: "postal",
    hint: "Tên điểm phục vụ bưu chính (điểm bưu điện văn hóa xã, bưu cục…); mỗi điểm một dòng, xã có nhiều điểm thì ghi đủ.",
  },
);
/** The key of the communes table's area column; its header and words are the rule set's. */
export const AREA_KEY = "area";

/** The area column as the rule set words it. */
function areaField(rs: RuleSet): FieldDef {
  return f(AREA_KEY, "area", rs.areaColumn.header, "Area", rs.areaColumn.aliases, {
    hint: rs.areaColumn.hint,
    areas: rs.areas,
  });
}

const STRUCTURAL = [COMMUNE, DISTRICT, CODE, VILLAGE, POSTAL_POINT];

const BY_RULESET = new WeakMap<RuleSet, Record<TableKind, readonly FieldDef[]>>();

/** Every field of each kind of table under a rule set, in the template's order. */
export function fieldsOf(rs: RuleSet): Record<TableKind, readonly FieldDef[]> {
  let m = BY_RULESET.get(rs);
  if (!m) {
    m = {
      communes: [COMMUNE, CODE, DISTRICT, areaField(rs), ...rs.fields.communes, ...rs.fields.postalPoints],
      villages: [COMMUNE, DISTRICT, VILLAGE, ...rs.fields.villages],
      postal: [COMMUNE, DISTRICT, POSTAL_POINT, ...rs.fields.postalPoints],
    };
    BY_RULESET.set(rs, m);
    for (const list of Object.values(m)) for (const d of list) if (!ALL.has(d.key)) ALL.set(d.key, d);
  }
  return m;
}

/** The keys of a postal point's fields under a rule set. */
export function postalPointKeys(rs: RuleSet): ReadonlySet<string> {
  return new Set(rs.fields.postalPoints.map((d) => d.key));
}

/** A field of a rule set, by key, or undefined. */
export function fieldIn(rs: RuleSet, key: string): FieldDef | undefined {
  return Object.values(fieldsOf(rs))
    .flat()
    .find((d) => d.key === key);
}

/**
 * Field definitions by key, for showing a message's field (its label, its sentence): the identity
 * columns and the fields of every rule set loaded so far (the first to name a key wins).
 */
const ALL = new Map<string, FieldDef>(STRUCTURAL.map((d) => [d.key, d]));

/** The definition of a field key; throws on an unknown key, which is a programming error. */
export function field(key: string): FieldDef {
  const d = ALL.get(key);
  if (!d) throw new Error(`unknown field ${key}`);
  return d;
}
