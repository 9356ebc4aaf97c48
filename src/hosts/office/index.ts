/**
 * The Office.js host: the same pipeline as the .xlsx host, over Excel's own workbook. Reading is two
 * requests; applying refuses a protected sheet before any change, then writes in batches under 4 MB.
 */
import { runClear, runEvaluation, type Run, type RunOptions } from "../../core/pipeline";
import type { Plan } from "../../core/workbook/plan";
import { templateSheets } from "../../core/workbook/template";
import { emptyPlan } from "../../core/workbook/plan";
import { parseCellAddress, a1 } from "../../core/workbook/grid";
import { STATE_SHEET } from "../../core/workbook/own";
import { applyPlan, type ApplyResult } from "./apply";
import { officeCapabilities, type Capabilities, type Skipped } from "./capabilities";
import { readSnapshot, type ExcelSnapshot } from "./read";

export type Stage = "reading" | "evaluating" | "writing" | "done";

export interface ExcelOutcome {
  run?: Run;
  /** Why nothing was changed: a protected sheet, a protected workbook structure. */
  refused?: { reason: "sheetProtected" | "workbookProtected"; sheet?: string };
  skipped: Skipped[];
  requests: number;
}

/** The sheets a plan writes to or creates; a protected one stops the plan before any write. */
export function sheetsTouched(plan: Plan): { write: Set<string>; structure: boolean } {
  const write = new Set<string>();
  for (const w of plan.writes) write.add(w.sheet);
  for (const c of plan.clears) write.add(c.sheet);
  for (const t of plan.tableResizes) write.add(t.sheet);
  for (const m of [...plan.marks, ...plan.unmarks]) write.add(parseCellAddress(m.cell).sheet);
  for (const s of plan.sheets) write.add(s.name);
  return { write, structure: plan.sheets.length > 0 || plan.deleteSheets.length > 0 };
}

/** Checks a plan against the workbook's protection; undefined when it may go ahead. */
export function refusal(plan: Plan, snap: ExcelSnapshot): ExcelOutcome["refused"] {
  const { write, structure } = sheetsTouched(plan);
  const sheet = [...write, STATE_SHEET].find((s) => snap.protectedSheets.includes(s));
  if (sheet) return { reason: "sheetProtected", sheet };
  const creates = structure || !snap.grids.some((g) => g.sheet === STATE_SHEET);
  if (snap.workbookProtected && creates) return { reason: "workbookProtected" };
  return undefined;
}

export async function evaluateInContext(
  context: Excel.RequestContext,
  opts: RunOptions,
  caps: Capabilities,
  onStage: (s: Stage) => void = () => undefined,
): Promise<ExcelOutcome> {
  onStage("reading");
  const snap = await readSnapshot(context, caps);
  onStage("evaluating");
  const run = runEvaluation(snap.grids, opts);
  if (!run.plan) return { run, skipped: [], requests: 2 };
  const refused = refusal(run.plan, snap);
  if (refused) return { run, refused, skipped: [], requests: 2 };
  onStage("writing");
  const applied: ApplyResult = await applyPlan(context, run.plan, snap, caps);
  onStage("done");
  return { run, skipped: applied.skipped, requests: 2 + applied.requests };
}

export async function clearInContext(context: Excel.RequestContext, opts: { removeChecklist: boolean }, caps: Capabilities): Promise<ExcelOutcome> {
  const snap = await readSnapshot(context, caps);
  const plan = runClear(snap.grids, opts);
  const refused = refusal(plan, snap);
  if (refused) return { refused, skipped: [], requests: 2 };
  const applied = await applyPlan(context, plan, snap, caps);
  return { skipped: applied.skipped, requests: 2 + applied.requests };
}

export async function templateInContext(context: Excel.RequestContext, caps: Capabilities): Promise<ExcelOutcome & { sheets: string[] }> {
  const snap = await readSnapshot(context, caps);
  const sheets = templateSheets(snap.grids.map((g) => g.sheet));
  const plan: Plan = { ...emptyPlan(), sheets };
  if (snap.workbookProtected) return { refused: { reason: "workbookProtected" }, skipped: [], requests: 2, sheets: [] };
  // A template changes no evaluation: TC8's state is left as it is.
  const applied = await applyPlan(context, plan, snap, caps, { writeState: false });
  return { skipped: applied.skipped, requests: 2 + applied.requests, sheets: sheets.map((s) => s.name) };
}

/** Selects a cell ('Sheet'!B5) so the user sees what a condition or problem is about. */
export async function selectInContext(context: Excel.RequestContext, address: string): Promise<void> {
  const { sheet, row, col } = parseCellAddress(address);
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(a1(row, col)).select();
  await context.sync();
}

const run = <T>(f: (context: Excel.RequestContext) => Promise<T>): Promise<T> => Excel.run(f);

/** The add-in's entry points, each one Excel.run. */
export const excelHost = {
  evaluate: (opts: RunOptions, onStage?: (s: Stage) => void) => run((c) => evaluateInContext(c, opts, officeCapabilities(), onStage)),
  clear: (opts: { removeChecklist: boolean }) => run((c) => clearInContext(c, opts, officeCapabilities())),
  template: () => run((c) => templateInContext(c, officeCapabilities())),
  select: (address: string) => run((c) => selectInContext(c, address)),
};
