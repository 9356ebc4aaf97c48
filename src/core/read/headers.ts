/** Header matching: canonical headers and aliases, normalised (docs/input.md §2, docs/input.md §6). */
import { fieldsOf, type FieldDef, type TableKind } from "../fields";
import { loadedRuleSets } from "../ruleset/load";
import type { LevelDef, RuleSet } from "../ruleset/types";
import { headerKey, withoutParentheses } from "../shared/normalize";

type Index = Map<string, FieldDef>;

function buildIndex(fields: readonly FieldDef[]): Index {
  const idx: Index = new Map();
  for (const f of fields)
    for (const text of [f.header, ...f.aliases])
      for (const k of [headerKey(text), headerKey(withoutParentheses(text))]) if (k && !idx.has(k)) idx.set(k, f);
  return idx;
}

const INDEXES = new WeakMap<RuleSet, Record<TableKind, Index>>();

function indexesOf(rs: RuleSet): Record<TableKind, Index> {
  let m = INDEXES.get(rs);
  if (!m) {
    const f = fieldsOf(rs);
    m = { communes: buildIndex(f.communes), villages: buildIndex(f.villages), postal: buildIndex(f.postal) };
    INDEXES.set(rs, m);
  }
  return m;
}

/** Every header key and the field it names, per kind of table, under a rule set (for tests and the mapping editor). */
export function aliasIndex(rs: RuleSet, kind: TableKind): ReadonlyMap<string, FieldDef> {
  return indexesOf(rs)[kind];
}

function lookup(rs: RuleSet, kind: TableKind, text: string): FieldDef | null {
  const idx = indexesOf(rs)[kind];
  return idx.get(headerKey(text)) ?? idx.get(headerKey(withoutParentheses(text))) ?? null;
}

/**
 * The field a column's header names, for a table of `kind`. With a two-row header, the group and
 * sub-header together are tried first, then the sub-header alone, then the group alone (a header
 * merged over both rows).
 */
export function matchHeader(rs: RuleSet, kind: TableKind, sub: string, group?: string): FieldDef | null {
  const s = sub.trim();
  const g = group?.trim() ?? "";
  if (g && s && g !== s) {
    const both = lookup(rs, kind, `${g} ${s}`);
    if (both) return both;
  }
  if (s) {
    const alone = lookup(rs, kind, s);
    if (alone) return alone;
  }
  if (g && (!s || s === g)) return lookup(rs, kind, g);
  return null;
}

/** A level's verdict columns: each indicator's with the level's short label ("8.4 NTM"), then the criterion's ("TC8 NTM"). */
export function verdictHeadersOf(level: LevelDef): string[] {
  return [...level.indicators.map((ind) => `${ind.id} ${level.short}`), level.criterion];
}

let verdictCache: { count: number; headers: string[]; keys: Set<string> } = { count: -1, headers: [], keys: new Set() };

/** The verdict columns' headers of every rule set loaded so far: TC8's own, whichever rule set wrote them. */
export function outputVerdictHeaders(): string[] {
  const all = loadedRuleSets();
  if (verdictCache.count !== all.length) {
    const headers = [...new Set(all.flatMap((rs) => rs.levels.flatMap(verdictHeadersOf)))];
    verdictCache = { count: all.length, headers, keys: new Set(headers.map(headerKey)) };
  }
  return verdictCache.headers;
}

/** Headers of columns TC8 writes itself; never read as input (the verdicts' are the rule sets', `outputVerdictHeaders`). */
export const OUTPUT_HEADERS = {
  evidence: "Minh chứng TC8",
  explanation: "Giải thích TC8",
  note: "Ghi chú TC8",
} as const;

const OUTPUT_KEYS = new Set([OUTPUT_HEADERS.evidence, OUTPUT_HEADERS.explanation, OUTPUT_HEADERS.note].map(headerKey));

export function isOutputHeader(text: string): boolean {
  const k = headerKey(text);
  if (OUTPUT_KEYS.has(k)) return true;
  outputVerdictHeaders();
  return verdictCache.keys.has(k);
}

/** STT (số thứ tự): a row number column, never data. */
export function isRowNumberHeader(text: string): boolean {
  return ["stt", "sott", "tt", "sothutu"].includes(headerKey(text));
}
