/**
 * Results → a plan of changes, as plain data (docs/output.md): verdict columns beside each commune,
 * notes beside villages and postal points, marked input cells, the summary and checklist sheets,
 * and TC8's state. A host applies a plan in the one order of apply.ts; planning again over an
 * annotated workbook updates the same columns and sheets in place. The plan's parts live in their
 * own files: types (the host contract), evaluation, columns, marks, summary, checklist, clear.
 */
export * from "./types";
export { planEvaluation } from "./evaluation";
export { verdictHeaders } from "./columns";
export { checklistSheet, checklistTime, checklistUpdate, CHECKLIST_TITLE } from "./checklist";
export { planClear } from "./clear";
// The task pane, the command line and the tests read these from the plan's module.
export { EVIDENCE_TEXT, evidenceText, formatTime } from "./texts";
export { SUMMARY_TEXT, summarySheet } from "./summary";
