/**
 * The .xlsx host: an exceljs workbook in, the annotated workbook out. Shared by the command line
 * (Node) and the browser page, so both run the same lines as the add-in between read and apply.
 */
import ExcelJS from "exceljs";
import { runClear, runEvaluation, type Run, type RunOptions } from "../../core/pipeline";
import { templateSheets } from "../../core/workbook/template";
import { emptyPlan } from "../../core/workbook/plan";
import { applyPlan } from "./apply";
import { droppedParts, type DroppedPart } from "./parts";
import { gridsOf, tablesOf } from "./grids";

export interface XlsxEvaluation {
  run: Run;
  /** The annotated workbook, or undefined when nothing could be evaluated. */
  output?: Uint8Array;
  /** Parts of the input the written copy cannot carry over. */
  dropped: DroppedPart[];
  /** What the plan asked for that this host cannot do (the summary chart). */
  skipped: string[];
}

export async function loadWorkbook(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  // Tables written by LibreOffice carry no style; exceljs cannot write them back without one
  // (PLATFORM-NOTES.md).
  wb.eachSheet((ws) => {
    for (const { model } of tablesOf(ws)) if (!(model as { style?: unknown }).style) (model as { style?: unknown }).style = {};
  });
  return wb;
}

async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function evaluateXlsx(data: ArrayBuffer | Uint8Array, opts: RunOptions = {}, onStage?: (stage: "evaluating" | "writing") => void): Promise<XlsxEvaluation> {
  const [wb, dropped] = await Promise.all([loadWorkbook(data), droppedParts(data)]);
  onStage?.("evaluating");
  const run = runEvaluation(gridsOf(wb), opts);
  if (!run.plan) return { run, dropped, skipped: [] };
  onStage?.("writing");
  const { skipped } = applyPlan(wb, run.plan);
  return { run, output: await toBytes(wb), dropped, skipped };
}

export async function clearXlsx(data: ArrayBuffer | Uint8Array, opts: { removeChecklist: boolean }): Promise<Uint8Array> {
  const wb = await loadWorkbook(data);
  applyPlan(wb, runClear(gridsOf(wb), opts));
  return toBytes(wb);
}

/** The input template's sheets added to a workbook (a new one when none is given), beside the user's. */
export async function templateXlsx(data?: ArrayBuffer | Uint8Array): Promise<{ bytes: Uint8Array; sheets: string[] }> {
  const wb = data ? await loadWorkbook(data) : new ExcelJS.Workbook();
  if (!data) wb.creator = "TC8";
  const sheets = templateSheets(wb.worksheets.map((w) => w.name));
  // A template changes no evaluation: TC8's state is left as it is.
  applyPlan(wb, { ...emptyPlan(), sheets }, { writeState: false });
  return { bytes: await toBytes(wb), sheets: sheets.map((s) => s.name) };
}
