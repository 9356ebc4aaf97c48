/**
 * Results → a plan of changes, as plain data (docs/output.md): verdict columns beside each commune, notes
 * beside villages and postal points, marked input cells, the summary and checklist sheets, and
 * TC8's state. A host applies a plan in one batch; planning again over an annotated workbook
 * updates the same columns and sheets in place.
 */
import type { Evaluation, Problem } from "../engine/types";
import { render } from "../i18n";
import { msg } from "../i18n/format";
import { type Grid, freeSheetName, sameSheet } from "../shared/grid";
import { OUTPUT_HEADERS } from "../read/headers";
import { CHECKLIST_SHEET, STATE_SHEET, SUMMARY_SHEET } from "../state/own";
import type { ReadResult } from "../read/read";
import { type Tc8State, emptyState, STATE_VERSION } from "../state/state";
import { summarySheet } from "./summary";
import { type StyleName, type Plan, type PlanOptions, emptyPlan } from "./types";
import { verdictHeaders, verdictCells, orphanClears, wrappedRowHeights, columnWriter } from "./columns";
import { entityNotes, marksNow, planMarks, rowsNow } from "./marks";
import { checklistSheet, checklistUpdate } from "./checklist";

/** Sheet names for TC8's own sheets: its own where they are, else the canonical name, else a free one (with a warning). */
export function sheetNamer(grids: readonly Grid[], warnings: Problem[]) {
  const chosen: string[] = [];
  return (existing: string | undefined, base: string): string => {
    if (existing) return existing;
    const name = freeSheetName(
      base,
      (n) => grids.some((g) => sameSheet(g.sheet, n)) || chosen.some((c) => sameSheet(c, n)),
    );
    chosen.push(name);
    if (name !== base)
      warnings.push({
        severity: "warning",
        msg: msg("problem.sheetTaken", {
          sheet: grids.find((g) => sameSheet(g.sheet, base))?.sheet ?? base,
          used: name,
        }),
      });
    return name;
  };
}

export function planEvaluation(read: ReadResult, ev: Evaluation, grids: readonly Grid[], opts: PlanOptions = {}): Plan {
  const lang = opts.lang ?? "vi";
  const at = opts.evaluatedAt ?? new Date();
  const rs = ev.rules;
  const prev = read.state;
  const state: Tc8State = { ...emptyState(rs.id), mapping: prev?.mapping ?? {} };
  const plan: Plan = { ...emptyPlan(rs.id), unmarks: marksNow(read, grids), restoreRows: rowsNow(read, grids), state };
  const cols = columnWriter(read, grids, plan, state);
  const { addColumns } = cols;

  // 1. Verdict columns beside each commune.
  const t = read.communesTable;
  if (t) {
    const headers = verdictHeaders(rs, ev.levels);
    const rows = ev.communes.flatMap((c, i) =>
      read.communeRows[i]?.table === t
        ? [{ row: read.communeRows[i].row, values: verdictCells(c, rs, ev.levels, lang) }]
        : [],
    );
    state.verdictColumns = addColumns(t, headers, rows);
  }

  // 2. Ghi chú TC8 beside each village and postal point: what it lacks.
  const notes = entityNotes(ev, rs, lang);
  for (const table of read.tables.filter((x) => x.kind !== "communes")) {
    const rows = [...read.villageRows, ...read.postalRows].filter((r) => r.table === table);
    if (!rows.length) continue;
    const noteRows = rows.map((r) => {
      const lines = r.commune === null ? [] : notes.get(r.entity.cell!);
      const text = r.commune === null ? "" : lines && lines.length ? lines.join("\n") : render(msg("entity.ok"), lang);
      return { row: r.row, values: [{ value: text, style: "wrap" as StyleName }] };
    });
    const added = addColumns(table, [OUTPUT_HEADERS.note], noteRows);
    if (added) state.noteColumns.push(added);
  }
  // TC8's columns left where a table is no longer read (the user changed its header) go.
  plan.clears.push(...orphanClears(read, grids, cols.isTc8, cols.known));

  // 3. Input cells behind failing conditions (red) and unreadable or needed blank cells (amber).
  plan.marks = planMarks(ev, read.problems, rs, lang, cols.isOwn);
  // Rows TC8's wrapped text needs taller (the explanation, the notes beside villages and points).
  plan.rowHeights = wrappedRowHeights(plan.writes, plan.columnWidths);
  state.marks = plan.marks.map((m) => ({ cell: m.cell, kind: m.kind }));
  cols.recordWritten();

  // 4. The summary and the checklist. A sheet of the user's bearing one of their names, in any
  // letter case, is never replaced: TC8 writes under a free name and finds its sheet again by its anchor.
  const name = sheetNamer(grids, plan.warnings);
  plan.stateSheet = name(read.own.state, STATE_SHEET);
  const summary = { ...summarySheet(ev, rs, lang, at), name: name(read.own.summary, SUMMARY_SHEET) };
  plan.sheets.push(summary);
  let checklist: string;
  if (read.own.checklist && read.checklistSheet) {
    checklist = read.own.checklist;
    const before = prev?.evaluatedAt ? { lang: prev.lang ?? "vi", at: new Date(prev.evaluatedAt) } : undefined;
    const u = checklistUpdate(ev, rs, read.checklistSheet, grids.find((g) => g.sheet === checklist)!, lang, {
      ...(before ? { before } : {}),
      at,
    });
    plan.warnings.push(...u.warnings);
    if (u.update) plan.sheetUpdates.push(u.update);
  } else if (read.own.checklist) {
    // TC8's checklist with no header row TC8 can read any more: the user's now, left as it is.
    checklist = read.own.checklist;
    plan.warnings.push({
      severity: "warning",
      msg: msg("problem.checklistUnreadable", { sheet: checklist, columns: ["Tài liệu kiểm chứng"] }),
    });
  } else {
    checklist = name(undefined, CHECKLIST_SHEET);
    plan.sheets.push({ ...checklistSheet(ev, rs, [], lang, at), name: checklist });
  }
  state.own = { state: plan.stateSheet, summary: summary.name, checklist };
  state.sheets = [summary.name, checklist];
  state.evaluatedAt = at.toISOString();
  state.lang = lang;
  state.levels = [...ev.levels];
  state.version = STATE_VERSION;
  return plan;
}
