/**
 * The evidence checklist (Minh chứng TC8, docs/rules.md §7, docs/output.md): one row per commune × level × document.
 * What users type in its last four columns (and any column they add) is theirs and survives every
 * evaluation; their "Đã có" statuses feed the evidence counts.
 */
import type { EvidenceDoc, IndicatorDef, LevelDef, LevelId, RuleSet } from "../ruleset/types";
import {
  type CellValue,
  filledCols,
  filledRowsIn,
  type Grid,
  type GridTable,
  isBlank,
  valueAt,
  usedRange,
} from "../shared/grid";
import { cellText } from "./tables";
import { communeKey, fold, headerKey, withoutParentheses } from "../shared/normalize";

export const CHECKLIST_HEADERS = [
  "Xã",
  "Cấp",
  "Chỉ tiêu",
  "STT",
  "Tài liệu kiểm chứng",
  "Đơn vị cung cấp, xác nhận",
  "Tình trạng",
  "Số, ký hiệu, ngày văn bản",
  "Ghi chú",
] as const;

/** Columns the user fills in (and the provider, which they may correct). */
export const USER_COLUMNS = [
  "Đơn vị cung cấp, xác nhận",
  "Tình trạng",
  "Số, ký hiệu, ngày văn bản",
  "Ghi chú",
] as const;

/** A level as the checklist's "Cấp" column writes it: the level's Vietnamese name ("NTM", "NTM nâng cao"). */
export function levelLabel(rs: RuleSet, level: LevelId): string {
  return rs.levels.find((l) => l.id === level)?.name.vi ?? level;
}
export const STATUS_DONE = "Đã có";
export const STATUS_TODO = "Chưa có";

export interface ChecklistEntry {
  commune: string;
  level: LevelId;
  indicator: string;
  no: number;
  /** The user's cells by header: the four user columns and any column they added. */
  values: Record<string, CellValue>;
}

/**
 * The name a commune goes by in the checklist's "Xã" column: its name, and its district beside it
 * when another commune of the workbook has the same name (two districts may each have a Xã Hồng
 * Phong), so that their rows and statuses stay apart.
 */
export function checklistNames(
  communes: readonly { name: string; district?: string; excluded?: unknown }[],
): (c: { name: string; district?: string }) => string {
  const count = new Map<string, number>();
  for (const c of communes) if (!c.excluded) count.set(communeKey(c.name), (count.get(communeKey(c.name)) ?? 0) + 1);
  return (c) => ((count.get(communeKey(c.name)) ?? 0) > 1 && c.district ? `${c.name} (${c.district})` : c.name);
}

/**
 * The checklist's entries in its order: each evaluated commune (by its checklist name) × level ×
 * indicator × document, each key once. A callback rather than a generator: a province's checklist
 * has hundreds of thousands of entries, and a generator makes an object for each.
 */
export function checklistWalk(
  communes: readonly { name: string; district?: string; excluded?: unknown }[],
  rs: RuleSet,
  each: (name: string, level: LevelDef, ind: IndicatorDef, doc: EvidenceDoc, key: string) => void,
): void {
  const labelOf = checklistNames(communes);
  const seen = new Set<string>();
  for (const c of communes) {
    if (c.excluded) continue;
    const name = labelOf(c);
    // entryKey's key, the commune's part worked out once per commune.
    const ck = communeKey(name);
    for (const level of rs.levels)
      for (const ind of level.indicators)
        for (const doc of ind.evidence) {
          const key = `${ck}|${level.id}|${ind.id}|${doc.no}`;
          if (seen.has(key)) continue;
          seen.add(key);
          each(name, level, ind, doc, key);
        }
  }
}

export const entryKey = (commune: string, level: LevelId, indicator: string, no: number | string) =>
  `${communeKey(commune)}|${level}|${indicator}|${no}`;

/** The level a "Cấp" cell names: its name, short label or id, or the end of its name ("nâng cao" for "NTM nâng cao"). */
function levelOfLabel(rs: RuleSet, s: string): LevelId | null {
  const k = headerKey(s);
  if (!k) return null;
  const exact = rs.levels.find((l) => [l.name.vi, l.name.en, l.short, l.id].some((x) => headerKey(x) === k));
  if (exact) return exact.id;
  const tail = rs.levels.filter((l) => k.length >= 4 && headerKey(l.name.vi).endsWith(k));
  return tail.length === 1 ? tail[0].id : null;
}

/** A status as officials type it, compared: no accents, case, spacing, brackets or final stop. */
function statusWords(v: CellValue): string {
  return fold(withoutParentheses(cellText(v)))
    .replace(/[.!,;:]+\s*$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

const DONE_WORDS = new Set([
  "da co",
  "co",
  "x",
  "✓",
  "✔",
  "roi",
  "dat",
  "yes",
  "done",
  "1",
  "true",
  "da nop",
  "da du",
  "co roi",
  "da co roi",
]);
const NOT_YET_WORDS = new Set([
  "",
  "chua co",
  "chua",
  "khong",
  "khong co",
  "0",
  "false",
  "no",
  "-",
  "—",
  "chua du",
  "chua nop",
  "dang bo sung",
  "dang hoan thien",
  "dang lam",
]);

/** Whether a status cell says the document is there: "Đã có" (or a yes word, or a check mark). */
export function isDone(v: CellValue): boolean {
  if (v === true || v === 1) return true;
  const s = statusWords(v);
  return DONE_WORDS.has(s) || s.startsWith("da co ");
}

/** A status TC8 cannot read as held or not yet held ("Đã nộp bản photo?"): counted as not held, and said. */
export function isUnclearStatus(v: CellValue): boolean {
  if (isDone(v) || v === null || v === false || v === 0) return false;
  const s = statusWords(v);
  return !NOT_YET_WORDS.has(s) && !s.startsWith("chua ");
}

/** Where an entry is in the checklist sheet. */
export interface ChecklistRow extends ChecklistEntry {
  row: number;
}

/** An existing checklist sheet as it is now: its header row, columns by header, entries with their rows, its table. */
export interface ChecklistSheet {
  sheet: string;
  headerRow: number;
  /** Each header's column (the first, where a header repeats). */
  cols: Map<string, number>;
  entries: ChecklistRow[];
  /** The Excel table holding the checklist, if it still is one. */
  table?: GridTable;
  /** The last row of the checklist: its table's, or its last entry's below it. */
  lastRow: number;
  /** The columns TC8 needs to tell entries apart that the user deleted. */
  missingKeys: string[];
}

/** The columns that identify an entry: without one of them, TC8 cannot tell its rows apart. */
export const KEY_COLUMNS = ["Xã", "Cấp", "Chỉ tiêu", "STT"] as const;

/** Reads a checklist sheet; the header row is found by its "Tài liệu kiểm chứng" column among the first rows. */
export function readChecklistSheet(g: Grid | undefined, rs: RuleSet): ChecklistSheet | undefined {
  if (!g) return undefined;
  const used = usedRange(g);
  if (!used) return undefined;
  let headerRow = -1;
  for (const r of filledRowsIn(g, used.r0, used.r0 + 15)) {
    if (filledCols(g, r).some((c) => cellText(valueAt(g, r, c)) === "Tài liệu kiểm chứng")) {
      headerRow = r;
      break;
    }
  }
  if (headerRow < 0) return undefined;
  const cols = new Map<string, number>();
  for (const c of filledCols(g, headerRow)) {
    const h = cellText(valueAt(g, headerRow, c));
    if (h && !cols.has(h)) cols.set(h, c);
  }
  const docCol = cols.get("Tài liệu kiểm chứng")!;
  const table = g.tables.find((t) => t.range.r0 === headerRow && docCol >= t.range.c0 && docCol <= t.range.c1);
  const at = (r: number, h: string) => (cols.has(h) ? valueAt(g, r, cols.get(h)!) : null);
  const fixed = new Set<string>(CHECKLIST_HEADERS.filter((h) => !(USER_COLUMNS as readonly string[]).includes(h)));
  const entries: ChecklistRow[] = [];
  const missingKeys = KEY_COLUMNS.filter((h) => !cols.has(h));
  if (!missingKeys.length)
    for (const r of filledRowsIn(g, headerRow + 1, used.r1)) {
      const commune = cellText(at(r, "Xã"));
      const level = levelOfLabel(rs, cellText(at(r, "Cấp")));
      const indicator = cellText(at(r, "Chỉ tiêu"));
      const no = Number(cellText(at(r, "STT")));
      if (!commune || !level || !indicator || !Number.isInteger(no)) continue;
      const values: Record<string, CellValue> = {};
      for (const [h, c] of cols) if (!fixed.has(h)) values[h] = valueAt(g, r, c);
      entries.push({ commune, level, indicator, no, values, row: r });
    }
  // The table's last row holding anything: empty rows at its end (an interrupted evaluation grew it) are free.
  let tableLast = headerRow;
  if (table)
    for (const r of filledRowsIn(g, headerRow + 1, table.range.r1))
      if (filledCols(g, r).some((c) => c >= table.range.c0 && c <= table.range.c1)) tableLast = r;
  // A loop, not Math.max(...rows): a province's checklist has more rows than the stack takes arguments.
  let lastRow = tableLast;
  for (const e of entries) if (e.row > lastRow) lastRow = e.row;
  return { sheet: g.sheet, headerRow, cols, entries, ...(table ? { table } : {}), lastRow, missingKeys };
}

/** The entries of an existing checklist sheet. */
export function readChecklist(g: Grid | undefined, rs: RuleSet): ChecklistEntry[] {
  return (readChecklistSheet(g, rs)?.entries ?? []).map(({ row: _row, ...e }) => e);
}

/** The statuses the engine counts: per commune key, `${level}|${indicator}|${no}` → done. */
export function evidenceByCommune(entries: readonly ChecklistEntry[]): Map<string, Record<string, boolean>> {
  const out = new Map<string, Record<string, boolean>>();
  for (const e of entries) {
    if (!isDone(e.values["Tình trạng"] ?? null)) continue;
    const k = communeKey(e.commune);
    const rec = out.get(k) ?? {};
    rec[`${e.level}|${e.indicator}|${e.no}`] = true;
    out.set(k, rec);
  }
  return out;
}

/** Whether the user put anything of their own into an entry (a status other than the default, a number, a note…). */
export function hasUserInput(e: ChecklistEntry, rs: RuleSet): boolean {
  const doc = rs.levels
    .find((l) => l.id === e.level)
    ?.indicators.find((i) => i.id === e.indicator)
    ?.evidence.find((d) => d.no === e.no);
  return Object.entries(e.values).some(([h, v]) => {
    if (isBlank(v)) return false;
    if (h === "Tình trạng") return cellText(v) !== STATUS_TODO;
    if (h === "Đơn vị cung cấp, xác nhận") return cellText(v) !== (doc?.provider ?? "");
    return true;
  });
}
