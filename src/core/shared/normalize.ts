/**
 * Text as officials type it, made comparable: case, Vietnamese diacritics (đ = d), punctuation,
 * spacing and Unicode composition (NFC and NFD spellings) do not matter (docs/input.md §2).
 */
import { memoized } from "./memo";

/** Lower case, no diacritics, đ → d, NFC/NFD-insensitive; punctuation and spacing kept. */
export const fold = memoized(50_000, (s: string): string =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase(),
);

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

/** Folded words, punctuation as spaces, single-spaced. */
export const words = memoized(50_000, (s: string): string =>
  fold(s)
    .replace(/[^a-z0-9]+/g, " ")
    .trim(),
);

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
