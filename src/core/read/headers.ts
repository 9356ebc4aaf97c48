/** Header matching: canonical headers and aliases, normalised (docs/input.md §2, docs/input.md §6). */
import { FIELDS_BY_KIND, type FieldDef, type TableKind } from "../fields";
import { headerKey, withoutParentheses } from "../shared/normalize";

type Index = Map<string, FieldDef>;

function buildIndex(fields: readonly FieldDef[]): Index {
  const idx: Index = new Map();
  for (const f of fields)
    for (const text of [f.header, ...f.aliases])
      for (const k of [headerKey(text), headerKey(withoutParentheses(text))]) if (k && !idx.has(k)) idx.set(k, f);
  return idx;
}

const INDEXES: Record<TableKind, Index> = {
  communes: buildIndex(FIELDS_BY_KIND.communes),
  villages: buildIndex(FIELDS_BY_KIND.villages),
  postal: buildIndex(FIELDS_BY_KIND.postal),
};

/** Every header key and the field it names, per kind of table (for tests and the mapping editor). */
export function aliasIndex(kind: TableKind): ReadonlyMap<string, FieldDef> {
  return INDEXES[kind];
}

function lookup(kind: TableKind, text: string): FieldDef | null {
  const idx = INDEXES[kind];
  return idx.get(headerKey(text)) ?? idx.get(headerKey(withoutParentheses(text))) ?? null;
}

/**
 * The field a column's header names, for a table of `kind`. With a two-row header, the group and
 * sub-header together are tried first, then the sub-header alone, then the group alone (a header
 * merged over both rows).
 */
export function matchHeader(kind: TableKind, sub: string, group?: string): FieldDef | null {
  const s = sub.trim();
  const g = group?.trim() ?? "";
  if (g && s && g !== s) {
    const both = lookup(kind, `${g} ${s}`);
    if (both) return both;
  }
  if (s) {
    const alone = lookup(kind, s);
    if (alone) return alone;
  }
  if (g && (!s || s === g)) return lookup(kind, g);
  return null;
}

/** Headers of columns TC8 writes itself; never read as input. */
export const OUTPUT_HEADERS = {
  verdicts: ["8.1 NTM", "8.2 NTM", "8.3 NTM", "8.4 NTM", "TC8 NTM", "8.1 NC", "8.2 NC", "8.3 NC", "8.4 NC", "8.5 NC", "TC8 NC"],
  evidence: "Minh chứng TC8",
  explanation: "Giải thích TC8",
  note: "Ghi chú TC8",
} as const;

const OUTPUT_KEYS = new Set([...OUTPUT_HEADERS.verdicts, OUTPUT_HEADERS.evidence, OUTPUT_HEADERS.explanation, OUTPUT_HEADERS.note].map(headerKey));

export function isOutputHeader(text: string): boolean {
  return OUTPUT_KEYS.has(headerKey(text));
}

/** STT (số thứ tự): a row number column, never data. */
export function isRowNumberHeader(text: string): boolean {
  return ["stt", "sott", "tt", "sothutu"].includes(headerKey(text));
}
