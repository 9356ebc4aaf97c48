/** Builders of commune facts for engine tests: a commune that passes everything, then changes. */
import { fromDecimal } from "../../src/core/engine/ratio";
import type { CommuneFacts, EntityFacts, Fact, FactValue, Facts } from "../../src/core/engine/types";
import { COMMUNE_FIELDS } from "./fields";

export type Value = FactValue | null | { problem: string };

const colName = (i: number): string =>
  i < 26 ? String.fromCharCode(65 + i) : colName(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26));

/** A fact from a test value: null is a blank cell, { problem } an unreadable one. */
export function toFact(v: Value, cell: string): Fact {
  if (v === null) return { cell };
  if (typeof v === "object" && "problem" in v)
    return { cell, problem: { key: "value.notNumber", params: { value: v.problem } } };
  return { value: v, cell };
}

/** A rate fact from percent points (45 → 45 %). */
export const ratePct = (p: number) => {
  const r = fromDecimal(p);
  return { n: r.n, d: r.d * 100 };
};

export const PASSING: Record<string, Value> = {
  area: "mien_nui",
  telecom_qcvn: true,
  radio_station: true,
  radio_relay: true,
  radio_news_per_week: 3,
  officials: 20,
  officials_with_computer: 10,
  sw_qlvb: true,
  sw_email: true,
  sw_mot_cua: true,
  website: "https://tanthanh.langson.gov.vn",
  website_posts_year: 36,
  website_posts_min_month: 3,
  dossiers_total: 1000,
  dossiers_online: 500,
  working_age: 2000,
  smartphone_users: 1000,
  officials_trained: 16,
  citizens_trained: 1000,
  publication_points: 1,
  ocop_products: 2,
  ocop_online: 2,
  address_points: 800,
  address_plates: 800,
  satisfaction_survey: true,
  wifi_ubnd: true,
  wifi_nha_van_hoa: true,
  wifi_tram_y_te: true,
  wifi_quality: true,
  wifi_other_places: 2,
};

export const PASSING_POINT: Record<string, Value> = {
  premises: true,
  sign: true,
  posted_info: true,
  hours_per_day: 8,
  letters_2kg: true,
  parcels_5kg: true,
  online_service_support: true,
};

export const PASSING_VILLAGE: Record<string, Value> = {
  phone_fixed: false,
  phone_mobile: true,
  internet_fixed: false,
  internet_mobile: true,
  loudspeaker: true,
  loudspeaker_regular: true,
  tv: true,
};

function factsOf(
  values: Record<string, Value | undefined>,
  sheet: string,
  row: number,
  order: readonly string[],
): Facts {
  const out: Record<string, Fact> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) continue;
    const i = order.indexOf(k);
    out[k] = toFact(v, `'${sheet}'!${colName(i >= 0 ? i : order.length + Object.keys(out).length)}${row}`);
  }
  return out;
}

const COMMUNE_ORDER = COMMUNE_FIELDS.map((f) => f.key);

export interface CommuneSpec {
  name?: string;
  /** Changes to the passing commune's facts; undefined removes the column. */
  facts?: Record<string, Value | undefined>;
  /** Villages: a number of passing villages, or a list of changes per village. */
  villages?: number | Record<string, Value | undefined>[] | "counts";
  /** Postal points: changes per point; null for no postal data at all. */
  points?: Record<string, Value | undefined>[] | null;
  evidence?: Record<string, boolean>;
}

export function commune(spec: CommuneSpec = {}): CommuneFacts {
  const name = spec.name ?? "Xã Tân Thành";
  const facts = factsOf({ ...PASSING, ...spec.facts }, "Xã", 2, COMMUNE_ORDER);
  const vSpec = spec.villages ?? 10;
  let villages: EntityFacts[] | undefined;
  if (vSpec !== "counts") {
    const list = typeof vSpec === "number" ? Array.from({ length: vSpec }, () => ({})) : vSpec;
    const order = ["commune", "village", ...Object.keys(PASSING_VILLAGE)];
    villages = list.map((changes, i) => ({
      name: `Thôn ${i + 1}`,
      cell: `'Thôn'!B${i + 2}`,
      facts: factsOf({ ...PASSING_VILLAGE, ...changes }, "Thôn", i + 2, order),
    }));
  }
  const pSpec = spec.points === undefined ? [{}] : spec.points;
  const order = ["commune", "postal_point", ...Object.keys(PASSING_POINT)];
  const postalPoints =
    pSpec === null
      ? undefined
      : pSpec.map((changes, i) => ({
          name: `Điểm BĐVHX ${i + 1}`,
          cell: `'Điểm BC'!B${i + 2}`,
          facts: factsOf({ ...PASSING_POINT, ...changes }, "Điểm BC", i + 2, order),
        }));
  return { name, cell: "'Xã'!A2", facts, villages, postalPoints, evidence: spec.evidence };
}

/** n villages of which the first `yes` have the flag and the rest do not. */
export function villagesWith(
  flag: string,
  yes: number,
  n: number,
  extra: Record<string, Value> = {},
): Record<string, Value>[] {
  return Array.from({ length: n }, (_, i) => ({ [flag]: i < yes, ...extra }));
}
