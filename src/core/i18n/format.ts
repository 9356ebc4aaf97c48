/**
 * Messages are data (a key and parameters) until they are shown, so results stay language-neutral
 * and every text exists in Vietnamese and English (docs/rules.md).
 */
import { field } from "../fields";
import { memoized } from "../shared/memo";
import { percentTruncated, type Rational } from "../shared/ratio";
import type { Lang, Text } from "../ruleset/types";
import type { Verdict } from "../engine/tristate";

/** A message parameter; a `Text` is shown in the message's language. */
export type Param = string | number | boolean | null | undefined | Rational | Msg | Text | readonly Param[];

export interface Msg {
  key: string;
  params?: Readonly<Record<string, Param>>;
}

export const msg = (key: string, params?: Record<string, Param>): Msg => (params ? { key, params } : { key });

export type Template = (p: Readonly<Record<string, Param>>, f: Formatter) => string;

export const VERDICT_TEXT: Record<Lang, Record<Verdict, string>> = {
  vi: { pass: "Đạt", fail: "Không đạt", missing: "Thiếu dữ liệu" },
  en: { pass: "Pass", fail: "Fail", missing: "Missing data" },
};

const numberFormats: Record<Lang, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }),
};

/** Numbers already written, by language: a district's messages repeat the same counts and percentages. */
const formattedNumbers: Record<Lang, (x: number) => string> = {
  vi: memoized(10_000, (x: number) => numberFormats.vi.format(x)),
  en: memoized(10_000, (x: number) => numberFormats.en.format(x)),
};

function formatNumber(lang: Lang, x: number): string {
  // -0 is written "-0" and would share 0's entry.
  return Object.is(x, -0) ? numberFormats[lang].format(x) : formattedNumbers[lang](x);
}

export function isMsg(p: Param): p is Msg {
  return typeof p === "object" && p !== null && !Array.isArray(p) && typeof (p as Msg).key === "string";
}

export function isRational(p: Param): p is Rational {
  return (
    typeof p === "object" &&
    p !== null &&
    !Array.isArray(p) &&
    typeof (p as Rational).n === "number" &&
    typeof (p as Rational).d === "number"
  );
}

export function isText(p: Param): p is Text {
  return (
    typeof p === "object" &&
    p !== null &&
    !Array.isArray(p) &&
    typeof (p as Text).vi === "string" &&
    typeof (p as Text).en === "string"
  );
}

/** Splits 'Sheet'!B5 (Excel's way of writing a cell of a sheet). */
function splitCell(addr: string): { sheet: string; a1: string } | null {
  const m = /^'((?:[^']|'')*)'!([A-Z]+\d+)$/.exec(addr) ?? /^([^!']+)!([A-Z]+\d+)$/.exec(addr);
  return m ? { sheet: m[1].replace(/''/g, "'"), a1: m[2] } : null;
}

/** A threshold written as a fraction ("2/3"), not a percentage: its denominator is no divisor of a power of ten. */
export const isFraction = (t: Rational): boolean => {
  let d = t.d;
  while (d % 2 === 0) d /= 2;
  while (d % 5 === 0) d /= 5;
  return d !== 1;
};
const isThird = isFraction;
const isAll = (t: Rational) => t.n === t.d;

/** Helpers a template uses to show parameters the way its language writes them. */
export class Formatter {
  constructor(
    readonly lang: Lang,
    private readonly templates: Readonly<Record<string, Template>>,
  ) {}

  /** A number the local way: 1.234,5 in Vietnamese, 1,234.5 in English. */
  num(x: Param): string {
    return typeof x === "number" ? formatNumber(this.lang, x) : this.text(x);
  }

  /** a/b as a percentage, truncated to one decimal so it never appears to cross its threshold. */
  pct(a: Param, b: Param): string {
    if (typeof a !== "number" || typeof b !== "number" || b <= 0) return "?";
    return this.percentText(percentTruncated(a, b));
  }

  /** A rate (a fraction of 1) as a percentage. */
  rate(r: Param): string {
    return isRational(r) ? this.pct(r.n, r.d) : "?";
  }

  /** A threshold: thirds as a fraction (2/3), everything else as a percentage. */
  threshold(t: Param): string {
    if (!isRational(t)) return "?";
    if (isThird(t)) return `${t.n}/${t.d}`;
    return this.pct(t.n, t.d);
  }

  /**
   * A requirement as the guidance words it: "tối thiểu 50%", "100%", "ít nhất 2/3", and the area it
   * applies to where it depends on the area ("tối thiểu 50% đối với các xã còn lại").
   */
  requirement(t: Param, area?: Param): string {
    if (!isRational(t)) return "?";
    const vi = this.lang === "vi";
    const base = isThird(t)
      ? `${vi ? "ít nhất" : "at least"} ${this.threshold(t)}`
      : isAll(t)
        ? this.threshold(t)
        : `${vi ? "tối thiểu" : "at least"} ${this.threshold(t)}`;
    return area ? `${base} ${vi ? "đối với" : "for"} ${this.text(area)}` : base;
  }

  /** " = 45%" after a count over a whole; nothing where the requirement is in thirds (no percentage beside 2/3). */
  share(a: Param, b: Param, t: Param): string {
    return isRational(t) && isThird(t) ? "" : ` = ${this.pct(a, b)}`;
  }

  /** Percentages as the guidance writes them: "50%", "33,3%". */
  private percentText(p: number): string {
    return `${formatNumber(this.lang, p)}%`;
  }

  private ofSheet(sheet: string): string {
    return this.lang === "vi" ? ` của sheet ${sheet}` : ` of sheet ${sheet}`;
  }

  /** A cell for a reader: "P2 của sheet Xã" / "P2 of sheet Xã" from 'Xã'!P2. */
  cell(addr: Param): string {
    if (typeof addr !== "string") return this.text(addr);
    const c = splitCell(addr);
    return c ? `${c.a1}${this.ofSheet(c.sheet)}` : addr;
  }

  /** Several cells, grouped by sheet: "A2, A4 của sheet Xã". */
  cells(list: Param): string {
    const arr = Array.isArray(list) ? list.filter((x): x is string => typeof x === "string") : [];
    const bySheet = new Map<string, string[]>();
    for (const a of arr) {
      const c = splitCell(a);
      const key = c ? c.sheet : "";
      bySheet.set(key, [...(bySheet.get(key) ?? []), c ? c.a1 : a]);
    }
    return [...bySheet].map(([sheet, a1s]) => `${a1s.join(", ")}${sheet ? this.ofSheet(sheet) : ""}`).join("; ");
  }

  /** A yes/no field's value as a sentence ("xã chưa có đài truyền thanh"), or "label: có/không" for a field without one. */
  says(key: Param, yes: boolean): string {
    if (typeof key !== "string") return "?";
    const d = field(key);
    if (d.says) return (yes ? d.says.yes : d.says.no)[this.lang];
    return `${d.label[this.lang]}: ${this.yesNo(yes)}`;
  }

  /** What a village has, inside a sentence ("Internet băng rộng di động"). */
  thing(key: Param): string {
    if (typeof key !== "string") return "?";
    const d = field(key);
    return (d.thing ?? d.label)[this.lang];
  }

  /** "a, b và c" / "a, b and c". */
  and(items: readonly string[]): string {
    if (items.length < 2) return items.join("");
    return `${items.slice(0, -1).join(", ")} ${this.lang === "vi" ? "và" : "and"} ${items[items.length - 1]}`;
  }

  field(key: Param): string {
    return typeof key === "string" ? field(key).label[this.lang] : "?";
  }

  /** The column header the template writes (Vietnamese in both languages: it is what the workbook shows). */
  header(key: Param): string {
    return typeof key === "string" ? field(key).header : "?";
  }

  /** An area, given as the rule set's name of it (`areaName`; its id where a message has no name). */
  area(a: Param): string {
    return this.text(a);
  }

  verdict(v: Param): string {
    return v === "pass" || v === "fail" || v === "missing" ? VERDICT_TEXT[this.lang][v] : this.text(v);
  }

  yesNo(v: Param): string {
    if (v === true) return this.lang === "vi" ? "có" : "yes";
    if (v === false) return this.lang === "vi" ? "không" : "no";
    return this.text(v);
  }

  list(items: Param, max = 8): string {
    const arr = Array.isArray(items) ? items.map((x) => this.text(x)) : [];
    const more = arr.length - max;
    const shown = more > 0 ? arr.slice(0, max) : arr;
    const tail = more > 0 ? (this.lang === "vi" ? ` và ${more} nơi khác` : ` and ${more} more`) : "";
    return shown.join(", ") + tail;
  }

  msg(m: Param): string {
    if (!isMsg(m)) return this.text(m);
    const t = this.templates[m.key];
    if (!t) return m.key;
    return t(m.params ?? {}, this);
  }

  text(p: Param): string {
    if (p === null || p === undefined) return "";
    if (typeof p === "number") return this.num(p);
    if (typeof p === "boolean") return this.yesNo(p);
    if (typeof p === "string") return p;
    if (isMsg(p)) return this.msg(p);
    if (isRational(p)) return this.rate(p);
    if (isText(p)) return p[this.lang];
    if (Array.isArray(p)) return this.list(p, Number.MAX_SAFE_INTEGER);
    return String(p);
  }
}
