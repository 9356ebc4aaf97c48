/** Clear results (docs/output.md §8). */
import { msg } from "../i18n/format";
import { type Grid, cellAddress } from "../shared/grid";
import { STATE_SHEET } from "../state/own";
import type { ReadResult } from "../read/read";
import { type Tc8State, emptyState } from "../state/state";
import { type Plan, emptyPlan } from "./types";
import { rowKeysOf, tc8CellTest, orphanClears, ownColumnsOf } from "./columns";
import { marksNow, rowsNow } from "./marks";
import { sheetNamer } from "./evaluation";

/**
 * Clear results (docs/output.md): TC8's columns, notes and sheets go, marked cells get their own formatting
 * back. TC8's columns are found by their headers and its marks by their anchors, wherever the user's
 * edits moved them; a cell is cleared or restored only while it holds what TC8 put there.
 */
export function planClear(read: ReadResult, grids: readonly Grid[], opts: { removeChecklist: boolean }): Plan {
  const prev = read.state;
  // Clear keeps the rule set the workbook was evaluated with (docs/output.md §7).
  const state: Tc8State = { ...emptyState(prev?.ruleset ?? read.rules.id), mapping: prev?.mapping ?? {} };
  const plan: Plan = {
    ...emptyPlan(state.ruleset),
    unmarks: marksNow(read, grids),
    restoreRows: rowsNow(read, grids),
    state,
  };
  const isTc8 = tc8CellTest(prev, rowKeysOf(read, grids));
  const known = new Set<string>();
  for (const t of read.tables) {
    const g = grids.find((x) => x.sheet === t.sheet)!;
    const own = ownColumnsOf(g, t, isTc8);
    if (!own.length) continue;
    for (const oc of own) known.add(`${t.sheet}|${t.headerLast}|${oc.col}`);
    for (const oc of own)
      for (const [r0, r1] of oc.runs) plan.clears.push({ sheet: t.sheet, range: { r0, c0: oc.col, r1, c1: oc.col } });
    // A value the user typed over TC8's in one of its columns stays, without TC8's look.
    const rows = new Set(t.dataRows);
    for (const oc of own)
      for (const r of oc.user)
        if (rows.has(r))
          plan.clears.push({ sheet: t.sheet, range: { r0: r, c0: oc.col, r1: r, c1: oc.col }, formats: true });
    for (const oc of own)
      if (oc.user.length)
        plan.warnings.push({
          severity: "warning",
          cell: cellAddress(t.sheet, oc.user[0], oc.col),
          msg: msg("problem.keptOnClear", { count: oc.user.length, header: oc.header }),
        });
    // An Excel table gives back the columns TC8 added at its end.
    if (t.excelTable) {
      const ownCols = new Set(own.map((oc) => oc.col));
      let c1 = t.range.c1;
      while (c1 > t.range.c0 && ownCols.has(c1) && !own.find((oc) => oc.col === c1)!.user.length) c1--;
      if (c1 < t.range.c1)
        plan.tableResizes.push({
          sheet: t.sheet,
          table: t.excelTable,
          range: { ...t.range, c1 },
          headers: [],
          removeHeaders: t.columns.filter((x) => x.col > c1).map((x) => x.header),
        });
    }
  }
  plan.clears.push(...orphanClears(read, grids, isTc8, known));
  if (read.own.summary) plan.deleteSheets.push(read.own.summary);
  if (read.own.checklist && opts.removeChecklist) plan.deleteSheets.push(read.own.checklist);
  else if (read.own.checklist) state.sheets = [read.own.checklist];
  plan.stateSheet = sheetNamer(grids, plan.warnings)(read.own.state, STATE_SHEET);
  state.own = {
    state: plan.stateSheet,
    ...(read.own.checklist && !opts.removeChecklist ? { checklist: read.own.checklist } : {}),
  };
  return plan;
}
