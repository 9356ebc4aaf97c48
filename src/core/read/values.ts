/**
 * Reading cell values the way officials type them (docs/input.md §7): yes/no words and check marks,
 * numbers as text the Vietnamese way, units after numbers, rates as percent or fraction.
 * Each reader gives a value or a problem, never a silent guess.
 */
import type { Fact, FactValue } from "../engine/types";
import { fromDecimal, reduced, type Rational } from "../engine/ratio";
import type { FieldDef } from "../fields";
import { msg, type Msg } from "../i18n/format";
import type { Area, AreaDef } from "../ruleset/types";
import { type CellValue, isBlank, isError } from "../shared/grid";
import { memoized } from "../shared/memo";
import { fold } from "../shared/normalize";

export type Parsed = { value?: FactValue; problem?: Msg };

const YES = new Set(["co", "x", "✓", "✔", "✅", "1", "true", "yes", "y", "dat", "da co", "roi", "co roi", "da"]);
const NO = new Set([
  "khong",
  "k",
  "ko",
  "0",
  "false",
  "no",
  "n",
  "chua",
  "chua co",
  "khong co",
  "khong dat",
  "chua dat",
  "-",
  "–",
]);
const CHECK_MARKS = new Set(["x", "✓", "✔", "✅"]);

// A district's yes/no columns repeat a few words tens of thousands of times.
const yesNoWord = memoized(10_000, (s: string) => fold(s).replace(/\s+/g, " ").replace(/[.!]$/, "").trim());

export function isCheckMark(v: CellValue): boolean {
  return typeof v === "string" && CHECK_MARKS.has(yesNoWord(v));
}

/** Yes/no. In a check-mark column (every filled cell x, ✓ or ✔) a blank means no. */
export function parseYesNo(v: CellValue, checkMarkColumn = false): Parsed {
  if (isError(v)) return { problem: msg("value.error", { value: v.error }) };
  if (isBlank(v)) return checkMarkColumn ? { value: false } : {};
  if (typeof v === "boolean") return { value: v };
  if (typeof v === "number") {
    if (v === 1) return { value: true };
    if (v === 0) return { value: false };
    return { problem: msg("value.notYesNo", { value: String(v) }) };
  }
  const w = yesNoWord(String(v));
  if (YES.has(w)) return { value: true };
  if (NO.has(w)) return { value: false };
  return { problem: msg("value.notYesNo", { value: String(v).trim() }) };
}

/** A website: an address or yes means the site exists; no means it does not. */
export function parseWebsite(v: CellValue): Parsed {
  if (isError(v)) return { problem: msg("value.error", { value: v.error }) };
  if (isBlank(v)) return {};
  const yn = parseYesNo(v);
  if (yn.value !== undefined) return yn;
  return { value: String(v).trim() };
}

const AREA_WORDS = new WeakMap<readonly AreaDef[], [RegExp, Area][]>();

/** Each area's words as one pattern of whole words, in the classification's order (the first that matches wins). */
function areaWords(areas: readonly AreaDef[]): [RegExp, Area][] {
  let w = AREA_WORDS.get(areas);
  if (!w) {
    w = areas.map((a) => [new RegExp(`\\b(${a.words.map((x) => x.replace(/[^a-z0-9 ]/g, "")).join("|")})\\b`), a.id]);
    AREA_WORDS.set(areas, w);
  }
  return w;
}

/** A commune's area, as one of the rule set's classification states it (docs/rules.md, "Classification"). */
export function parseArea(v: CellValue, areas: readonly AreaDef[]): Parsed {
  if (isError(v)) return { problem: msg("value.error", { value: v.error }) };
  if (isBlank(v)) return {};
  const w = fold(String(v))
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  for (const [re, area] of areaWords(areas)) if (re.test(w)) return { value: area };
  return {
    problem: msg("value.notArea", {
      value: String(v).trim(),
      labels: areas.map((a) => a.label.vi),
      names: areas.map((a) => a.name),
    }),
  };
}

/** A date number format (d, m, y without digits placeholders), so a date is not read as a count. */
function isDateFormat(fmt: string | null | undefined): boolean {
  if (!fmt) return false;
  const f = fmt.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "");
  return /[dy]/i.test(f) && !/[0#]/.test(f);
}

/** A time format (h:mm, [h]:mm, h:mm AM/PM): the cell holds a fraction of a day. */
export function isTimeFormat(fmt: string | null | undefined): boolean {
  if (!fmt) return false;
  const f = fmt
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[\$[^\]]*\]/g, "")
    .toLowerCase();
  return /h/.test(f) && /[ms]/.test(f.replace(/am\/pm|a\/p/g, "")) && !/[dy0#]/.test(f.replace(/\[h+\]/g, "h"));
}

// "8:00", "8h", "8h30", "8 giờ 30": a time or a duration in hours and minutes.
const TIME = String.raw`(\d{1,2})\s*(?:[:h]\s*(\d{1,2})?\s*(?:p|m)?)?`;
const TIME_ALONE = new RegExp(`^${TIME}$`);
const TIME_RANGE = new RegExp(`^${TIME}\\s*-\\s*${TIME}$`);

/**
 * Opening hours typed as a time or as ranges: "8:00" or "8h30" (a duration), "7:30–11:30, 13:30–17:00"
 * or "sáng 7h-11h, chiều 13h30-17h" (ranges, added up). Null when the text is neither.
 */
export function parseHoursText(raw: string): number | null {
  const s = fold(raw)
    .replace(/\/\s*ngay( lam viec)?\b/g, " ")
    .replace(/\b(sang|chieu|trua|buoi|ca|tu|moi ngay|ngay lam viec)\b/g, " ")
    .replace(/\b(den|toi)\b/g, "-")
    .replace(/\s*(gio|tieng)\s*/g, "h")
    .replace(/\s*phut\b/g, "")
    .replace(/[–—~]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
  if (!/\d/.test(s)) return null;
  let total = 0;
  for (const part of s.split(/[,;+/]|\bva\b|\n/)) {
    const seg = part
      .trim()
      .replace(/^-+|-+$/g, "")
      .trim();
    if (!seg) continue;
    const at = (h: string, m: string | undefined) => Number(h) * 60 + Number(m ?? 0);
    const range = TIME_RANGE.exec(seg);
    if (range) {
      const from = at(range[1], range[2]);
      let to = at(range[3], range[4]);
      // "7:30-5:00" is half past seven to five in the afternoon.
      if (to <= from && to + 12 * 60 > from) to += 12 * 60;
      if (to <= from || Number(range[2] ?? 0) > 59 || Number(range[4] ?? 0) > 59) return null;
      total += to - from;
      continue;
    }
    const one = TIME_ALONE.exec(seg);
    if (one && Number(one[2] ?? 0) <= 59 && /[:h]/.test(seg)) {
      total += at(one[1], one[2]);
      continue;
    }
    return null;
  }
  return total / 60;
}

function stripUnits(s: string, units: readonly string[]): string {
  let t = s
    .trim()
    .replace(/\/\s*(tuan|tuần|ngay|ngày|nam|năm|thang|tháng)$/i, "")
    .trim();
  const folded = fold(t);
  for (const u of [...units].sort((a, b) => b.length - a.length)) {
    const fu = fold(u);
    if (folded.endsWith(fu) && folded.length > fu.length) {
      t = t.slice(0, t.length - u.length).trim();
      break;
    }
  }
  return t.replace(/\/\s*(tuan|tuần|ngay|ngày|nam|năm|thang|tháng)$/i, "").trim();
}

/**
 * A number typed as text, the Vietnamese way or the English way: "1.234" (a thousand, in a count),
 * "4,5" and "4.5" (four and a half), "1.234,5", "1 234".
 */
export function parseNumberText(raw: string, whole: boolean): number | null {
  let s = raw.replace(/[\s\u00a0]/g, "");
  if (!/^[+-]?[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const sign = s.startsWith("-") ? -1 : 1;
  s = s.replace(/^[+-]/, "");
  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  let normal: string;
  if (dots && commas) {
    // The later separator is the decimal one.
    const decimal = s.lastIndexOf(",") > s.lastIndexOf(".") ? "," : ".";
    const thousands = decimal === "," ? "." : ",";
    if (s.split(decimal).length > 2) return null;
    normal = s.split(thousands).join("").replace(decimal, ".");
  } else if (dots || commas) {
    const sep = dots ? "." : ",";
    const groups = /^\d{1,3}([.,]\d{3})+$/.test(s);
    if (dots + commas > 1) {
      if (!groups) return null;
      normal = s.split(sep).join("");
    } else if (groups && whole) normal = s.replace(sep, "");
    else normal = s.replace(sep, ".");
  } else normal = s;
  const n = Number(normal);
  return Number.isFinite(n) ? sign * n : null;
}

/** A count (whole, ≥ 0) or a number (≥ 0); hours of a day may be typed as times (see `parseHoursText`). */
export function parseNumber(
  v: CellValue,
  def: Pick<FieldDef, "type" | "units" | "hours">,
  numberFormat?: string | null,
): Parsed {
  if (isError(v)) return { problem: msg("value.error", { value: v.error }) };
  if (isBlank(v)) return {};
  const whole = def.type === "count";
  let n: number | null;
  if (typeof v === "number") {
    if (isDateFormat(numberFormat)) return { problem: msg("value.date") };
    // 8:00 formatted h:mm is a third of a day.
    n = def.hours && isTimeFormat(numberFormat) ? Math.round(v * 24 * 60 * 1000) / (60 * 1000) : v;
  } else if (typeof v === "boolean") n = null;
  else {
    n = parseNumberText(stripUnits(String(v), def.units ?? []), whole);
    if (n === null && def.hours) n = parseHoursText(String(v));
  }
  if (n === null) return { problem: msg("value.notNumber", { value: String(v).trim() }) };
  if (n < 0) return { problem: msg("value.negative", { value: n }) };
  if (whole && !Number.isInteger(n)) return { problem: msg("value.notWhole", { value: n }) };
  if (def.hours && n > 24) return { problem: msg("value.hoursAboveDay", { value: n }) };
  return { value: n };
}

export interface RateOptions {
  /** The column's header says "%": a number is in percent points (1 means 1 %), unless the cell is formatted as a percentage. */
  percentHeader?: boolean;
  /** The rate may exceed 100 % (computers per official). */
  above100?: boolean;
}

/**
 * A rate: a percent-formatted cell holds a fraction; text with "%", and any number in a column whose
 * header says "%", is in percent points; otherwise above 1 is percent points (45 = 45 %) and 0–1 a
 * fraction (0.45 = 45 %). Kept exact.
 */
export function parseRate(v: CellValue, numberFormat?: string | null, opts: RateOptions = {}): Parsed {
  if (isError(v)) return { problem: msg("value.error", { value: v.error }) };
  if (isBlank(v)) return {};
  let r: Rational;
  if (typeof v === "number") {
    const f = fromDecimal(v);
    const fraction = numberFormat?.includes("%") || (!opts.percentHeader && v <= 1);
    r = fraction ? f : reduced(f.n, f.d * 100);
  } else if (typeof v === "string") {
    const s = v.trim();
    const percent = s.endsWith("%");
    const n = parseNumberText(s.replace(/%$/, "").trim(), false);
    if (n === null) return { problem: msg("value.notNumber", { value: s }) };
    const f = fromDecimal(n);
    r = percent || opts.percentHeader || n > 1 ? reduced(f.n, f.d * 100) : f;
  } else return { problem: msg("value.notNumber", { value: String(v) }) };
  if (r.n < 0 || (r.n > r.d && !opts.above100))
    return {
      problem: msg("value.rateRange", {
        value:
          typeof v === "number" && numberFormat?.includes("%") ? `${Number((v * 100).toPrecision(12))}%` : String(v),
      }),
    };
  return { value: r };
}

export function parseText(v: CellValue): Parsed {
  if (isError(v)) return { problem: msg("value.error", { value: v.error }) };
  if (isBlank(v)) return {};
  return { value: String(v).normalize("NFC").replace(/\s+/g, " ").trim() };
}

/** A cell read as the field's type, with where it came from; `header` is its column's header as shown. */
/**
 * Control characters a cell can carry invisibly (an `_x001F_` escape in the file, a paste from
 * another program): no official typed them, so they do not make "Có" unreadable.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function withoutControls(v: CellValue): CellValue {
  return typeof v === "string" ? v.replace(CONTROL, "") : v;
}

export function readFact(
  def: FieldDef,
  raw: CellValue,
  cell: string,
  numberFormat: string | null,
  checkMarkColumn: boolean,
  header = "",
): Fact {
  const v = withoutControls(raw);
  let p: Parsed;
  switch (def.type) {
    case "yesno":
      p = parseYesNo(v, checkMarkColumn);
      break;
    case "website":
      p = parseWebsite(v);
      break;
    case "area":
      p = parseArea(v, def.areas ?? []);
      break;
    case "count":
    case "number":
      p = parseNumber(v, def, numberFormat);
      break;
    case "rate":
      p = parseRate(v, numberFormat, { percentHeader: header.includes("%"), above100: def.above100 });
      break;
    case "text":
      p = parseText(v);
      break;
  }
  // Without spreads, and each fact made whole at once (a property added later costs a second
  // object per fact): a district reads hundreds of thousands of cells.
  if (p.problem)
    return p.value !== undefined ? { cell, value: p.value, problem: p.problem } : { cell, problem: p.problem };
  return p.value !== undefined ? { cell, value: p.value } : { cell };
}
