/**
 * The Office.js host: the same pipeline as the .xlsx host, over Excel's own workbook. Reading and
 * writing go in requests and responses under 4 MB (read.ts, apply.ts); a protected sheet stops a
 * plan before any change; every request sent is counted.
 */
import { chooseRuleSet, runClear, runEvaluation, type Run, type RunOptions, type Stage } from "../../core/pipeline";
import { getRuleSet, type RuleSet } from "../../core/ruleset";
import type { NewSheet, Plan } from "../../core/plan";
import { templateSheets } from "../../core/plan/template";
import { emptyPlan, sheetsWritten } from "../../core/plan";
import { parseCellAddress, a1 } from "../../core/shared/grid";
import { applyPlan, estimateWriteBytes } from "./apply";
import { officeCapabilities, type Capabilities, type Skipped } from "./capabilities";
import { readSnapshot, type ExcelSnapshot } from "./read";
import { housekeeping } from "./state";
import { Wire } from "./wire";

export type { Stage } from "../../core/pipeline";

export interface ExcelOutcome {
  run?: Run;
  /** Why nothing was changed: a protected sheet, a protected workbook structure. */
  refused?: { reason: "sheetProtected" | "workbookProtected"; sheet?: string };
  /** Nothing was written: the changes would take longer than the caller allows (the ribbon's command). */
  tooLarge?: { communes: number; bytes: number };
  skipped: Skipped[];
  /** Requests sent to Excel, reads and writes. */
  requests: number;
}

export interface EvaluateLimits {
  /** Writes estimated above this many bytes are not started (estimateWriteBytes). */
  maxWriteBytes?: number;
  /** Fills write requests to this estimate instead of REQUEST_BUDGET (tests make many small requests with it). */
  requestBudget?: number;
}

/** The sheets a plan writes to or creates; a protected one stops the plan before any write. */
export function sheetsTouched(plan: Plan): { write: Set<string>; structure: boolean } {
  return { write: sheetsWritten(plan), structure: plan.sheets.length > 0 || plan.deleteSheets.length > 0 };
}

/** Checks a plan against the workbook's protection; undefined when it may go ahead. */
export function refusal(plan: Plan, snap: ExcelSnapshot): ExcelOutcome["refused"] {
  const { write, structure } = sheetsTouched(plan);
  const sheet = [...write, plan.stateSheet].find((s) => snap.protectedSheets.includes(s));
  if (sheet) return { reason: "sheetProtected", sheet };
  const creates = structure || !snap.grids.some((g) => g.sheet === plan.stateSheet);
  if (snap.workbookProtected && creates) return { reason: "workbookProtected" };
  return undefined;
}

export async function evaluateInContext(
  context: Excel.RequestContext,
  opts: RunOptions,
  caps: Capabilities,
  onStage: (s: Stage) => void = () => undefined,
  limits: EvaluateLimits = {},
): Promise<ExcelOutcome> {
  const wire = new Wire(context);
  onStage("reading");
  const hk = housekeeping(await readSnapshot(wire, caps));
  onStage("evaluating");
  const run = runEvaluation({ grids: hk.snapshot.grids, names: hk.snapshot.names }, opts);
  if (!run.plan) return { run, skipped: [], requests: wire.requests };
  const refused = refusal(run.plan, hk.snapshot);
  if (refused) return { run, refused, skipped: [], requests: wire.requests };
  const bytes = estimateWriteBytes(run.plan);
  if (limits.maxWriteBytes !== undefined && bytes > limits.maxWriteBytes)
    return { run, tooLarge: { communes: run.evaluation.communes.length, bytes }, skipped: [], requests: wire.requests };
  onStage("writing");
  const applied = await applyPlan(wire, run.plan, hk.snapshot, caps, {
    housekeeping: hk,
    ...(limits.requestBudget ? { maxBytes: limits.requestBudget } : {}),
  });
  onStage("done");
  return { run, skipped: applied.skipped, requests: wire.requests };
}

export async function clearInContext(
  context: Excel.RequestContext,
  opts: { removeChecklist: boolean; rulesets?: readonly RuleSet[] },
  caps: Capabilities,
  limits: Pick<EvaluateLimits, "requestBudget"> = {},
): Promise<ExcelOutcome> {
  const wire = new Wire(context);
  const hk = housekeeping(await readSnapshot(wire, caps));
  const plan = runClear({ grids: hk.snapshot.grids, names: hk.snapshot.names }, opts);
  const refused = refusal(plan, hk.snapshot);
  if (refused) return { refused, skipped: [], requests: wire.requests };
  const applied = await applyPlan(wire, plan, hk.snapshot, caps, {
    housekeeping: hk,
    ...(limits.requestBudget ? { maxBytes: limits.requestBudget } : {}),
  });
  return { skipped: applied.skipped, requests: wire.requests };
}

/** The input template with the fields of the rule set given (else the one the workbook's state names, else the default). */
export async function templateInContext(
  context: Excel.RequestContext,
  caps: Capabilities,
  ruleset?: RuleSet,
): Promise<ExcelOutcome & { sheets: string[] }> {
  const wire = new Wire(context);
  const snap = await readSnapshot(wire, caps);
  const chosen = chooseRuleSet({ grids: snap.grids, names: snap.names }, { ruleset });
  const rs = "ruleset" in chosen ? chosen.ruleset : getRuleSet();
  const sheets = templateSheets(
    rs,
    snap.grids.map((g) => g.sheet),
  );
  const plan: Plan = { ...emptyPlan(rs.id), sheets };
  if (snap.workbookProtected)
    return { refused: { reason: "workbookProtected" }, skipped: [], requests: wire.requests, sheets: [] };
  // A template changes no evaluation: TC8's state is left as it is.
  const applied = await applyPlan(wire, plan, snap, caps, { writeState: false });
  return { skipped: applied.skipped, requests: wire.requests, sheets: sheets.map((s) => s.name) };
}

/**
 * The roll-up's sheets (docs/output.md §12) added to the open workbook, beside the user's sheets
 * under free names, as the template's are: `make` is given the sheet names there.
 */
export async function rollupInContext(
  context: Excel.RequestContext,
  make: (taken: string[]) => NewSheet[],
  caps: Capabilities,
): Promise<ExcelOutcome & { sheets: string[] }> {
  const wire = new Wire(context);
  const snap = await readSnapshot(wire, caps);
  if (snap.workbookProtected)
    return { refused: { reason: "workbookProtected" }, skipped: [], requests: wire.requests, sheets: [] };
  const sheets = make(snap.grids.map((g) => g.sheet));
  // A roll-up changes no evaluation of this workbook: TC8's state is left as it is.
  const applied = await applyPlan(wire, { ...emptyPlan(""), sheets }, snap, caps, { writeState: false });
  return { skipped: applied.skipped, requests: wire.requests, sheets: sheets.map((s) => s.name) };
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
  evaluate: (opts: RunOptions, onStage?: (s: Stage) => void, limits?: EvaluateLimits) =>
    run((c) => evaluateInContext(c, opts, officeCapabilities(), onStage, limits)),
  clear: (opts: { removeChecklist: boolean; rulesets?: readonly RuleSet[] }) =>
    run((c) => clearInContext(c, opts, officeCapabilities())),
  template: (ruleset?: RuleSet) => run((c) => templateInContext(c, officeCapabilities(), ruleset)),
  rollup: (make: (taken: string[]) => NewSheet[]) => run((c) => rollupInContext(c, make, officeCapabilities())),
  select: (address: string) => run((c) => selectInContext(c, address)),
};
