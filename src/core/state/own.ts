/** Names of what TC8 writes into a workbook (docs/output.md). Fixed: the checks and the appraisal team rely on them. */
export const SUMMARY_SHEET = "Tổng hợp TC8";
export const CHECKLIST_SHEET = "Minh chứng TC8";
/** The very hidden sheet holding TC8's state (mapping, what it changed), so a shared file can be re-evaluated or cleared. */
export const STATE_SHEET = "TC8_STATE";
export const CHECKLIST_TABLE = "TC8_MinhChung";
export const SUMMARY_TABLE = "TC8_TongHop";

/** How the summary's title begins: a sheet so titled under TC8's name, in a workbook without TC8's state, is TC8's summary. */
export const SUMMARY_TITLE_START = "TỔNG HỢP ĐÁNH GIÁ TIÊU CHÍ SỐ";

/** A name ending so is an example row of TC8's template ("Xã Mẫu (ví dụ)"): read as no data. */
export const EXAMPLE_MARK = "(ví dụ)";
