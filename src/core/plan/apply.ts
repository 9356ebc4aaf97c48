/**
 * The one order in which every host applies a plan (docs/output.md, "Applying a plan"). The
 * planner says what changes; this says in which order; a host says how, by implementing one
 * operation per step (`ApplyOps`). The Office.js host sends each step as requests to Excel, the
 * .xlsx host patches package parts; both follow this list, so a change of order is made once.
 *
 * Why this order:
 *   - `prepare` reads what must be known before anything changes (the marked cells' looks and notes);
 *   - `pendingState` records every change about to be made first, so that Clear results can undo a
 *     run that stops part-way (a host that writes everything at once has nothing to do here);
 *   - the last evaluation's marks are taken away and its columns cleared before the new values,
 *     widths, row heights and marks go in, so nothing new is undone;
 *   - sheets of TC8's making that are the user's now (the checklist) are updated in place; sheets
 *     TC8 writes whole are built, then put in place, then sheets Clear results removes go;
 *   - the final state, which names where everything now is, comes last.
 */
import type { SavedMark, SavedRow } from "../state/state";
import type { CellWrite, MarkPlan, NewSheet, Plan, SheetUpdate, TableResize } from "./types";

export type ApplyStep =
  | { kind: "prepare" }
  | { kind: "pendingState" }
  | { kind: "restoreMarks"; unmarks: readonly SavedMark[]; marks: readonly MarkPlan[] }
  | { kind: "clearColumns"; clears: Plan["clears"]; tableResizes: readonly TableResize[] }
  | { kind: "writeCells"; sheet: string; cells: readonly CellWrite[] }
  | { kind: "columnWidths"; sheet: string; widths: readonly { col: number; width: number }[] }
  | { kind: "rowHeights"; rowHeights: NonNullable<Plan["rowHeights"]>; restoreRows: readonly SavedRow[] }
  | { kind: "mark"; marks: readonly MarkPlan[] }
  | { kind: "updateSheet"; update: SheetUpdate }
  | { kind: "newSheet"; sheet: NewSheet }
  | { kind: "placeSheets"; sheets: readonly NewSheet[] }
  | { kind: "deleteSheet"; name: string }
  | { kind: "finalState" };

export type StepKind = ApplyStep["kind"];

/** What a host implements: one operation per step. */
export type ApplyOps<R = void | Promise<void>> = { [K in StepKind]: (step: Extract<ApplyStep, { kind: K }>) => R };

function bySheet<T extends { sheet: string }>(list: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list) {
    const l = out.get(x.sheet);
    if (l) l.push(x);
    else out.set(x.sheet, [x]);
  }
  return out;
}

/** The plan as the ordered steps every host applies. */
export function* applySteps(plan: Plan): Generator<ApplyStep> {
  yield { kind: "prepare" };
  yield { kind: "pendingState" };
  yield { kind: "restoreMarks", unmarks: plan.unmarks, marks: plan.marks };
  yield { kind: "clearColumns", clears: plan.clears, tableResizes: plan.tableResizes };
  for (const [sheet, cells] of bySheet(plan.writes)) yield { kind: "writeCells", sheet, cells };
  for (const [sheet, widths] of bySheet(plan.columnWidths)) yield { kind: "columnWidths", sheet, widths };
  yield { kind: "rowHeights", rowHeights: plan.rowHeights ?? [], restoreRows: plan.restoreRows ?? [] };
  yield { kind: "mark", marks: plan.marks };
  for (const update of plan.sheetUpdates) yield { kind: "updateSheet", update };
  for (const sheet of plan.sheets) yield { kind: "newSheet", sheet };
  yield { kind: "placeSheets", sheets: plan.sheets };
  for (const name of plan.deleteSheets) yield { kind: "deleteSheet", name };
  yield { kind: "finalState" };
}

const call = <R>(ops: ApplyOps<R>, step: ApplyStep): R => (ops[step.kind] as (s: ApplyStep) => R)(step);

/** Applies a plan through a host whose operations complete at once (the .xlsx package). */
export function applyNow(plan: Plan, ops: ApplyOps<void>): void {
  for (const step of applySteps(plan)) call(ops, step);
}

/** Applies a plan through a host whose operations are requests (Excel): each one after the last. */
export async function applyInOrder(plan: Plan, ops: ApplyOps): Promise<void> {
  for (const step of applySteps(plan)) await call(ops, step);
}
