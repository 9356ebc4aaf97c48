/**
 * Messages are data (a key and parameters) until they are shown, so results stay language-neutral
 * and every text exists in Vietnamese and English (SPEC §2, §3).
 */
import { field } from "../fields";
import { percentTruncated, type Rational } from "../engine/ratio";
import type { Area, Lang } from "../ruleset/types";
import type { Verdict } from "../engine/tristate";

export type Param = string | number | boolean | null | undefined | Rational | Msg | readonly Param[];

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

const AREA_TEXT: Record<Lang, Record<Area, string>> = {
  vi: { mien_nui: "miền núi", dong_bang: "đồng bằng" },
  en: { mien_nui: "mountainous", dong_bang: "lowland" },
};

const numberFormats: Record<Lang, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }),
};

export function isMsg(p: Param): p is Msg {
  return typeof p === "object" && p !== null && !Array.isArray(p) && typeof (p as Msg).key === "string";
}

export function isRational(p: Param): p is Rational {
  return typeof p === "object" && p !== null && !Array.isArray(p) && typeof (p as Rational).n === "number" && typeof (p as Rational).d === "number";
}

/** Helpers a template uses to show parameters the way its language writes them. */
export class Formatter {
  constructor(
    readonly lang: Lang,
    private readonly templates: Readonly<Record<string, Template>>,
  ) {}

  /** A number the local way: 1.234,5 in Vietnamese, 1,234.5 in English. */
  num(x: Param): string {
    return typeof x === "number" ? numberFormats[this.lang].format(x) : this.text(x);
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
    if (t.d === 3) return `${t.n}/${t.d}`;
    return this.pct(t.n, t.d);
  }

  private percentText(p: number): string {
    return this.lang === "vi" ? `${numberFormats.vi.format(p)} %` : `${numberFormats.en.format(p)}%`;
  }

  field(key: Param): string {
    return typeof key === "string" ? field(key).label[this.lang] : "?";
  }

  area(a: Param): string {
    return a === "mien_nui" || a === "dong_bang" ? AREA_TEXT[this.lang][a] : this.text(a);
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
    if (Array.isArray(p)) return this.list(p, Number.MAX_SAFE_INTEGER);
    return String(p);
  }
}
