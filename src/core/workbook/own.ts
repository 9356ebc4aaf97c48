/** Names of what TC8 writes into a workbook (SPEC §5). Fixed: the checks and the appraisal team rely on them. */
export const SUMMARY_SHEET = "Tổng hợp TC8";
export const CHECKLIST_SHEET = "Minh chứng TC8";
/** The very hidden sheet holding TC8's state (mapping, what it changed), so a shared file can be re-evaluated or cleared. */
export const STATE_SHEET = "TC8_STATE";
export const CHECKLIST_TABLE = "TC8_MinhChung";
export const SUMMARY_TABLE = "TC8_TongHop";

export const OWN_SHEETS: ReadonlySet<string> = new Set([SUMMARY_SHEET, CHECKLIST_SHEET, STATE_SHEET]);
/** A name ending so is an example row of TC8's template ("Xã Mẫu (ví dụ)"): read as no data. */
export const EXAMPLE_MARK = "(ví dụ)";
