/** The evidence checklist `Minh chứng TC8` (docs/output.md §6): written new, or updated in place. */
import type { Evaluation, Problem } from "../engine/types";
import { msg } from "../i18n/format";
import { criterionCaps } from "../ruleset";
import type { Lang, LevelId, RuleSet } from "../ruleset/types";
import {
  CHECKLIST_HEADERS,
  type ChecklistEntry,
  type ChecklistRow,
  type ChecklistSheet,
  checklistWalk,
  entryKey,
  hasUserInput,
  levelLabel,
  STATUS_DONE,
  STATUS_TODO,
  USER_COLUMNS,
} from "../read/checklist";
import {
  type CellValue,
  type Grid,
  type RangeRef,
  cellAddress,
  contains,
  filledCols,
  filledRowsIn,
  isBlank,
  isFormulaAt,
  isTaken,
  MAX_ROWS,
  valueAt,
} from "../shared/grid";
import { CHECKLIST_SHEET, CHECKLIST_TABLE } from "../state/own";
import { fitRowHeights } from "./layout";
import { headerFooterText, signatureBlock, SUMMARY_TEXT } from "./summary";
import { cellText } from "../read/tables";
import { formatTime } from "./texts";
import type { StyleName, SheetCell, NewSheet, SheetUpdate } from "./types";

/** Minh chứng TC8: an Excel table, one row per commune × level × document; the user's entries kept. */
/** The right part of the checklist's printed page header: the time of the evaluation. */
export function checklistTime(lang: Lang, at: Date): string {
  return `&8${headerFooterText(`${SUMMARY_TEXT[lang].time}: ${formatTime(at)}`)}`;
}

export function checklistSheet(
  ev: Evaluation,
  rs: RuleSet,
  existing: readonly ChecklistEntry[],
  lang: Lang = "vi",
  at: Date = new Date(),
): NewSheet {
  const byKey = new Map(existing.map((e) => [entryKey(e.commune, e.level, e.indicator, e.no), e]));
  const extraHeaders = [...new Set(existing.flatMap((e) => Object.keys(e.values)))].filter(
    (h) => !(CHECKLIST_HEADERS as readonly string[]).includes(h),
  );
  const headers = [...CHECKLIST_HEADERS, ...extraHeaders];
  const cells: SheetCell[] = headers.map((h, col) => ({ row: 0, col, value: h, style: "header" as StyleName }));
  const used = new Set<string>();
  let row = 1;
  // The number beside the document's text centred, so the two never touch.
  const styleOf: (StyleName | undefined)[] = headers.map((_, col) =>
    col === 0 || col === 2 ? "text" : col === 3 ? "center" : col === 4 || col === 5 ? "wrap" : undefined,
  );
  // The body as rows of plain values, one style per column: a province's checklist has millions of cells.
  const body: (string | number | null)[][] = [];
  const putRow = (values: (CellValue | undefined)[]) => {
    const out = new Array<string | number | null>(values.length);
    for (let col = 0; col < values.length; col++) {
      const v = values[col];
      out[col] =
        v === null || v === undefined
          ? null
          : typeof v === "object"
            ? "error" in v
              ? v.error
              : null
            : typeof v === "boolean"
              ? v
                ? "TRUE"
                : "FALSE"
              : v;
    }
    body.push(out);
    row++;
  };
  checklistWalk(ev.communes, rs, (name, level, ind, doc, key) => {
    if (existing.length) used.add(key);
    const e = byKey.get(key);
    const user = (h: string, dflt: CellValue) => (e && h in e.values && !isBlank(e.values[h]) ? e.values[h] : dflt);
    putRow([
      name,
      levelLabel(rs, level.id),
      ind.id,
      doc.no,
      doc.text,
      user(USER_COLUMNS[0], doc.provider),
      user(USER_COLUMNS[1], STATUS_TODO),
      user(USER_COLUMNS[2], null),
      user(USER_COLUMNS[3], null),
      ...extraHeaders.map((h) => user(h, null)),
    ]);
  });
  // Entries of communes no longer in the data are kept when the user wrote anything in them.
  for (const e of existing) {
    const key = entryKey(e.commune, e.level, e.indicator, e.no);
    if (used.has(key) || !hasUserInput(e, rs)) continue;
    used.add(key);
    const doc = rs.levels
      .find((l) => l.id === e.level)
      ?.indicators.find((i) => i.id === e.indicator)
      ?.evidence.find((d) => d.no === e.no);
    putRow([
      e.commune,
      levelLabel(rs, e.level),
      e.indicator,
      e.no,
      doc?.text ?? "",
      ...USER_COLUMNS.map((h) => e.values[h] ?? null),
      ...extraHeaders.map((h) => e.values[h] ?? null),
    ]);
  }
  const last = Math.max(1, row - 1);
  const statusCol = headers.indexOf("Tình trạng");
  const lastCol = headers.length - 1;
  const merges: RangeRef[] = [];
  // The right half starts after "Tài liệu kiểm chứng": that column holds the checklist's entries only.
  signatureBlock(cells, merges, last + 2, lastCol, lang, 5);
  const sheet: NewSheet = {
    name: CHECKLIST_SHEET,
    cells,
    rows: { r0: 1, styles: styleOf, values: body },
    merges,
    table: { name: CHECKLIST_TABLE, range: { r0: 0, c0: 0, r1: last, c1: lastCol }, style: "TableStyleLight9" },
    validations: [
      { range: { r0: 1, c0: statusCol, r1: Math.max(last, 1), c1: statusCol }, list: [STATUS_DONE, STATUS_TODO] },
    ],
    freezeRows: 1,
    columnWidths: [...CHECKLIST_WIDTHS, ...extraHeaders.map(() => 20)],
    landscape: true,
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      titleRows: { first: 0, last: 0 },
      header: {
        center: `&B${headerFooterText(CHECKLIST_TITLE[lang](rs))}`,
        left: `&8${headerFooterText(rs.name)}`,
        right: checklistTime(lang, at),
      },
      footer: { center: SUMMARY_TEXT[lang].page },
    },
  };
  sheet.rowHeights = fitRowHeights(sheet);
  return sheet;
}

/** The width of each of the checklist's columns, by header (TC8's widths; a column the user added, 20). */
export function checklistWidths(cols: ReadonlyMap<string, number>): number[] {
  const out: number[] = [];
  for (const [h, c] of cols) {
    const i = (CHECKLIST_HEADERS as readonly string[]).indexOf(h);
    out[c] = i >= 0 ? CHECKLIST_WIDTHS[i] : 20;
  }
  return Array.from({ length: out.length }, (_, i) => out[i] ?? 8.43);
}

/** The texts of TC8's signature block, in either language. */
export const SIGNATURE_TEXTS: ReadonlySet<string> = new Set(
  (["vi", "en"] as const).flatMap((l) => [
    SUMMARY_TEXT[l].place,
    SUMMARY_TEXT[l].maker,
    SUMMARY_TEXT[l].head,
    SUMMARY_TEXT[l].makerNote,
    SUMMARY_TEXT[l].headNote,
  ]),
);

/**
 * TC8's signature block under a table: the first cells from `fromRow` down holding exactly one of
 * its texts (a line the user rewrote is theirs), and the merged areas they head. Where the host
 * could not read merged areas, the block's own geometry stands in for them.
 */
export function signatureAt(
  g: Grid,
  fromRow: number,
  lastCol: number,
): { cells: { row: number; col: number }[]; merges: RangeRef[] } {
  const cells: { row: number; col: number }[] = [];
  let first = -1;
  for (const r of filledRowsIn(g, fromRow, MAX_ROWS)) {
    if (first >= 0 && r > first + 2) break;
    for (const c of filledCols(g, r)) {
      const v = valueAt(g, r, c);
      if (typeof v === "string" && SIGNATURE_TEXTS.has(v) && !isFormulaAt(g, r, c)) {
        if (first < 0) first = r;
        cells.push({ row: r, col: c });
      }
    }
  }
  // Its merged areas: those its cells head, and empty ones of its shape under the table (left by an
  // evaluation interrupted after it cleared the block's text).
  const shaped = (m: RangeRef) =>
    m.r0 === m.r1 &&
    m.r0 >= fromRow &&
    ((m.c0 === 0 && m.c1 === 2) || (m.c0 === 5 && m.c1 >= lastCol)) &&
    isBlank(valueAt(g, m.r0, m.c0)) &&
    !isFormulaAt(g, m.r0, m.c0);
  const merges = g.mergesUnknown
    ? cells.map((x) => ({ r0: x.row, c0: x.col, r1: x.row, c1: x.col === 0 ? 2 : lastCol }))
    : g.merges.filter(
        (m) =>
          cells.some((x) => x.row === m.r0 && x.col === m.c0) ||
          (shaped(m) && (!cells.length || m.r0 <= Math.max(...cells.map((x) => x.row)))),
      );
  return { cells, merges };
}

export const overlaps = (a: RangeRef, b: RangeRef) => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;

/**
 * Minh chứng TC8 updated in place (the user's document once created): rows for entries it lacks
 * (new communes) go under the table, which grows over them; an entry's own values (commune, level,
 * indicator, number, document) are written again where they changed; nothing else of the sheet
 * changes. TC8's signature block moves under the grown table. Rows of communes no longer evaluated
 * stay, and a warning says so. When the rows under the table hold the user's cells, no row is added
 * and a warning says how to make room.
 */
export function checklistUpdate(
  ev: Evaluation,
  rs: RuleSet,
  cs: ChecklistSheet,
  g: Grid,
  lang: Lang,
  times?: { before?: { lang: Lang; at: Date }; at: Date },
): { update?: SheetUpdate; warnings: Problem[] } {
  const warnings: Problem[] = [];
  if (cs.missingKeys.length) {
    warnings.push({
      severity: "warning",
      msg: msg("problem.checklistUnreadable", { sheet: cs.sheet, columns: cs.missingKeys }),
    });
    return { warnings };
  }
  const byKey = new Map<string, ChecklistRow>();
  for (const e of cs.entries) {
    const k = entryKey(e.commune, e.level, e.indicator, e.no);
    if (!byKey.has(k)) byKey.set(k, e);
  }
  const update: SheetUpdate = {
    name: cs.sheet,
    cells: [],
    clears: [],
    unmerges: [],
    merges: [],
    validations: [],
    rowHeights: [],
  };
  // A value of TC8's written again only where the cell went blank: a text the user changed there
  // (a document's wording made precise, a name retyped) is theirs, and the row is still found by
  // its key (a formula there is the user's too).
  const own = (row: number, header: string, value: string | number) => {
    const col = cs.cols.get(header);
    if (col === undefined || isFormulaAt(g, row, col) || !isBlank(valueAt(g, row, col))) return;
    update.cells.push({ row, col, value, keep: true });
  };
  const used = new Set<string>();
  const fresh: { commune: string; level: LevelId; indicator: string; no: number; text: string; provider: string }[] =
    [];
  checklistWalk(ev.communes, rs, (name, level, ind, doc, key) => {
    used.add(key);
    const e = byKey.get(key);
    if (!e) {
      fresh.push({
        commune: name,
        level: level.id,
        indicator: ind.id,
        no: doc.no,
        text: doc.text,
        provider: doc.provider,
      });
      return;
    }
    own(e.row, "Xã", name);
    own(e.row, "Cấp", levelLabel(rs, level.id));
    own(e.row, "Chỉ tiêu", ind.id);
    own(e.row, "STT", doc.no);
    own(e.row, "Tài liệu kiểm chứng", doc.text);
  });
  const gone = [
    ...new Set(
      cs.entries.filter((e) => !used.has(entryKey(e.commune, e.level, e.indicator, e.no))).map((e) => e.commune),
    ),
  ];
  if (gone.length)
    warnings.push({ severity: "warning", msg: msg("problem.checklistKept", { sheet: cs.sheet, communes: gone }) });

  if (fresh.length) {
    const colsUsed = [...cs.cols.values()];
    const c0 = Math.min(cs.table?.range.c0 ?? 0, ...colsUsed);
    const c1 = Math.max(cs.table?.range.c1 ?? 0, ...colsUsed);
    const first = cs.lastRow + 1;
    const last = cs.lastRow + fresh.length;
    // TC8's signature block moves while the user wrote nothing in it (lines missing, say after an
    // interrupted evaluation, come back); a block the user wrote in is theirs.
    const found = signatureAt(g, first, c1);
    const rowsOf = found.cells.map((x) => x.row);
    const written = (r: number) => {
      for (let c = 0; c <= c1; c++)
        if (isTaken(g, r, c) && !found.cells.some((x) => x.row === r && x.col === c)) return true;
      return false;
    };
    const userWrote = found.cells.length > 0 && filledRowsIn(g, Math.min(...rowsOf), Math.max(...rowsOf)).some(written);
    const sig = (found.cells.length || found.merges.length) && !userWrote ? found : { cells: [], merges: [] };
    const isSig = (r: number, c: number) => sig.cells.some((x) => x.row === r && x.col === c);
    // The rows the new entries need must hold nothing of the user's: TC8's signature moves away, and
    // a value TC8 is about to write there (left by an evaluation interrupted halfway) is TC8's.
    const planned = new Map<string, string | number>();
    fresh.forEach((f, i) => {
      const row = first + i;
      const values: [string, string | number][] = [
        ["Xã", f.commune],
        ["Cấp", levelLabel(rs, f.level)],
        ["Chỉ tiêu", f.indicator],
        ["STT", f.no],
        ["Tài liệu kiểm chứng", f.text],
        [USER_COLUMNS[0], f.provider],
        [USER_COLUMNS[1], STATUS_TODO],
      ];
      for (const [h, v] of values) if (cs.cols.has(h)) planned.set(`${row}|${cs.cols.get(h)}`, String(v));
    });
    const tc8Left = (r: number, c: number) =>
      !isFormulaAt(g, r, c) && planned.get(`${r}|${c}`) === cellText(valueAt(g, r, c));
    const area: RangeRef = { r0: first, c0, r1: last, c1 };
    let blocked: { row: number; col: number } | undefined;
    for (const r of filledRowsIn(g, first, last)) {
      for (let c = c0; c <= c1 && !blocked; c++)
        if (isTaken(g, r, c) && !isSig(r, c) && !tc8Left(r, c)) blocked = { row: r, col: c };
      if (blocked) break;
    }
    if (!blocked) {
      const m = g.merges.find(
        (x) =>
          overlaps(x, area) &&
          !sig.merges.some((y) => y.r0 === x.r0 && y.c0 === x.c0 && y.r1 === x.r1 && y.c1 === x.c1),
      );
      if (m) blocked = { row: m.r0, col: m.c0 };
    }
    if (blocked) {
      warnings.push({
        severity: "warning",
        cell: cellAddress(cs.sheet, blocked.row, blocked.col),
        msg: msg("problem.checklistNoRoom", { sheet: cs.sheet, count: fresh.length }),
      });
    } else {
      // The whole of its merged areas: their other cells carry the block's look too.
      update.clears.push(
        ...sig.cells
          .filter((x) => !sig.merges.some((m) => contains(m, x.row, x.col)))
          .map((x) => ({ r0: x.row, c0: x.col, r1: x.row, c1: x.col })),
        ...sig.merges,
      );
      update.unmerges.push(...sig.merges);
      const added: SheetCell[] = [];
      const put = (row: number, header: string, value: string | number | null, style?: StyleName) => {
        const col = cs.cols.get(header);
        if (col !== undefined) added.push({ row, col, value, ...(style ? { style } : {}) });
      };
      fresh.forEach((f, i) => {
        const row = first + i;
        put(row, "Xã", f.commune, "text");
        put(row, "Cấp", levelLabel(rs, f.level));
        put(row, "Chỉ tiêu", f.indicator, "text");
        put(row, "STT", f.no);
        put(row, "Tài liệu kiểm chứng", f.text, "wrap");
        put(row, USER_COLUMNS[0], f.provider, "wrap");
        put(row, USER_COLUMNS[1], STATUS_TODO);
        put(row, USER_COLUMNS[2], null);
        put(row, USER_COLUMNS[3], null);
      });
      if (cs.table && cs.table.range.r1 < last)
        update.table = { name: cs.table.name, range: { ...cs.table.range, r1: last } };
      const statusCol = cs.cols.get("Tình trạng");
      if (statusCol !== undefined)
        update.validations.push({
          range: { r0: first, c0: statusCol, r1: last, c1: statusCol },
          list: [STATUS_DONE, STATUS_TODO],
        });
      // The signature block under the grown table, where nothing of the user's is in its way.
      const sigRow = last + 2;
      const sigArea: RangeRef = { r0: sigRow, c0: 0, r1: sigRow + 2, c1 };
      const sigFree =
        filledRowsIn(g, sigArea.r0, sigArea.r1).every((r) => {
          for (let c = 0; c <= c1; c++) if (isTaken(g, r, c) && !isSig(r, c)) return false;
          return true;
        }) && !g.merges.some((x) => overlaps(x, sigArea) && !sig.merges.includes(x));
      const merges: RangeRef[] = [];
      if (sigFree && (sig.cells.length || sig.merges.length))
        signatureBlock(added, merges, sigRow, c1, lang, Math.min(5, c1));
      for (const c of added) update.cells.push(c);
      update.merges.push(...merges);
      update.rowHeights = fitRowHeights({ cells: added, merges, columnWidths: checklistWidths(cs.cols) });
    }
  }
  // The time in the printed page header, while it is the one TC8 wrote last time.
  if (times?.before) {
    const before = checklistTime(times.before.lang, times.before.at);
    const after = checklistTime(lang, times.at);
    if (before !== after) update.headerRight = { before, after };
  }
  const changed = update.cells.length || update.clears.length || update.table || update.headerRight;
  return { ...(changed ? { update } : {}), warnings };
}

/** The checklist's title, in its printed pages' header (the table starts at A1, where filters work best). */
export const CHECKLIST_TITLE = {
  vi: (rs: RuleSet) => `DANH MỤC TÀI LIỆU KIỂM CHỨNG ${criterionCaps(rs)}`,
  en: (rs: RuleSet) => `DANH MỤC TÀI LIỆU KIỂM CHỨNG TIÊU CHÍ SỐ ${rs.criterion.number} – evidence documents`,
} as const;
export const CHECKLIST_WIDTHS = [22, 14, 9, 6, 70, 36, 12, 26, 30];
