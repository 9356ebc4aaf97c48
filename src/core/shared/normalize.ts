/**
 * Text as officials type it, made comparable: case, Vietnamese diacritics (đ = d), punctuation,
 * spacing and Unicode composition (NFC and NFD spellings) do not matter (docs/input.md §2).
 */

// Officials' workbooks repeat the same few words ("Có", "Không", commune names) thousands of times.
const folded = new Map<string, string>();

/** Lower case, no diacritics, đ → d, NFC/NFD-insensitive; punctuation and spacing kept. */
export function fold(s: string): string {
  let f = folded.get(s);
  if (f === undefined) {
    f = s
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d")
      .toLowerCase();
    if (folded.size > 50_000) folded.clear();
    folded.set(s, f);
  }
  return f;
}

/** A header's key: folded, with everything but letters and digits removed. */
export function headerKey(s: string): string {
  return fold(s).replace(/[^a-z0-9]/g, "");
}

/** A header without trailing or inner parentheticals: "Khu vực (Miền núi / Đồng bằng)" → "Khu vực". */
export function withoutParentheses(s: string): string {
  return s
    .replace(/\([^)]*\)/g, " ")
    .replace(/\[[^\]]*\]/g, " ")
    .trim();
}

const worded = new Map<string, string>();

/** Folded words, punctuation as spaces, single-spaced. */
export function words(s: string): string {
  let w = worded.get(s);
  if (w === undefined) {
    w = fold(s)
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
    if (worded.size > 50_000) worded.clear();
    worded.set(s, w);
  }
  return w;
}

/** A commune's key for matching across tables: a leading "xã" does not count (docs/input.md §2). */
export function communeKey(name: string): string {
  return words(name).replace(/^xa\s+/, "");
}

/** A district's key: "Huyện", "Thành phố", "TP", "Thị xã" in front do not count. */
export function districtKey(name: string): string {
  return words(name).replace(/^(huyen|thanh pho|tp|thi xa|tx)\s+/, "");
}

/** A display name: trimmed, single-spaced, in NFC. */
export function cleanName(s: string): string {
  return s.normalize("NFC").replace(/\s+/g, " ").trim();
}
