/** The task pane's words: Vietnamese first, English when Office's display language is English. */
import type { Lang } from "../core/ruleset/types";

export const UI = {
  vi: {
    title: "TC8 – Tiêu chí số 8",
    /** The rule set in use: its criterion's name, province and year. */
    subtitle: (criterion: string, province: string | undefined, year: string) =>
      [criterion, [province, year].filter(Boolean).join(" ")].join(" · "),
    level: "Cấp đánh giá",
    levelsAll: (names: readonly string[]) => names.join(" và "),
    levelOne: (name: string) => `Xã ${name}`,
    ruleset: "Bộ tiêu chí",
    rulesetOfWorkbook: (title: string) => `${title} (theo sổ tính, hoặc mặc định)`,
    openRuleset: "Mở tệp bộ tiêu chí (.json)…",
    rulesetOpened: (title: string) => `Đã mở bộ tiêu chí: ${title}`,
    rulesetInvalid: (name: string, problems: string) => `Tệp ${name} không phải bộ tiêu chí hợp lệ: ${problems}`,
    evaluate: "Đánh giá",
    evaluating: "Đang đánh giá…",
    stages: { reading: "Đang đọc dữ liệu", evaluating: "Đang đánh giá", writing: "Đang ghi kết quả", done: "Xong" },
    summary: "Tổng hợp",
    communesPassing: "Số xã đạt",
    indicator: "Chỉ tiêu",
    communes: "Các xã",
    noCommunes: "Chưa có kết quả. Bấm Đánh giá.",
    notEvaluated: "Không đánh giá",
    conditions: "Điều kiện",
    selectCell: (cell: string) => `Chọn ô ${cell}`,
    at: (cell: string) => `Ô ${cell}`,
    problems: "Vấn đề về dữ liệu",
    noProblems: "Không có vấn đề về dữ liệu.",
    mapping: "Ghép cột",
    mappingHint: "Cột nào TC8 đọc nhầm hoặc chưa nhận ra, hãy chọn lại rồi bấm Áp dụng.",
    ignore: "(bỏ qua cột này)",
    apply: "Áp dụng và đánh giá lại",
    template: "Tạo mẫu nhập liệu",
    templateDone: (sheets: string) => `Đã thêm các sheet: ${sheets}`,
    clear: "Xóa kết quả",
    clearTitle: "Xóa kết quả đánh giá?",
    clearBody:
      "TC8 sẽ xóa các cột kết quả, ghi chú, màu đánh dấu và sheet Tổng hợp TC8, trả lại định dạng gốc của các ô. Dữ liệu của bạn không bị thay đổi.",
    clearChecklist: "Xóa cả sheet Minh chứng TC8 (mất những gì đã nhập trong đó)",
    cancel: "Hủy",
    clearDone: "Đã xóa kết quả.",
    refusedSheet: (s: string) =>
      `Sheet "${s}" đang được bảo vệ: TC8 không thay đổi gì. Hãy bỏ bảo vệ sheet (Review › Unprotect Sheet) rồi đánh giá lại.`,
    refusedWorkbook: "Cấu trúc sổ tính đang được bảo vệ: TC8 không thể thêm sheet kết quả và không thay đổi gì.",
    skipped: {
      notes: "Excel này chưa hỗ trợ ghi chú (Notes): lý do nằm trong cột Giải thích TC8.",
      dataValidation: "Excel này chưa hỗ trợ danh sách chọn: cột Tình trạng nhập tay Đã có / Chưa có.",
      pageLayout:
        "Excel này chưa hỗ trợ thiết lập trang in (khổ A4, vừa một trang ngang, tiêu đề lặp lại, số trang): hãy đặt trong Bố trí Trang trước khi in.",
      chart: "Biểu đồ chỉ được vẽ trong Excel; tệp tải xuống có bảng số liệu.",
      tableResize:
        "Excel này (trước ExcelApi 1.13) chưa mở rộng được bảng: các dòng của xã mới nằm ngay dưới bảng Minh chứng TC8; hãy kéo góc bảng xuống để gộp vào bảng.",
    },
    error: (m: string) => `Có lỗi: ${m}`,
    rollup: {
      title: "Tổng hợp nhiều tệp",
      hint: "Chọn các tệp Excel (.xlsx, .xlsm) của các xã: TC8 đánh giá từng tệp rồi tổng hợp. Tệp chỉ được đọc trong máy này, không gửi đi đâu.",
      pick: "Chọn tệp…",
      picked: (n: number) => `Đã chọn ${n} tệp`,
      run: "Tổng hợp",
      running: (i: number, n: number) => `Đang tổng hợp tệp ${i}/${n}…`,
      doneExcel: (sheets: string) => `Đã thêm các sheet tổng hợp: ${sheets}`,
      doneWeb: "Đã tổng hợp: tải tệp tổng hợp về.",
      none: "Không tổng hợp được tệp nào: xem lý do bên dưới.",
      download: "Tải tệp tổng hợp",
      files: "Các tệp",
    },
  },
  en: {
    title: "TC8 – Criterion 8",
    subtitle: (criterion: string, province: string | undefined, year: string) =>
      [criterion, [province, year].filter(Boolean).join(" ")].join(" · "),
    level: "Level",
    levelsAll: (names: readonly string[]) => names.join(" and "),
    levelOne: (name: string) => `${name} commune`,
    ruleset: "Rule set",
    rulesetOfWorkbook: (title: string) => `${title} (the workbook's, or the default)`,
    openRuleset: "Open a rule set file (.json)…",
    rulesetOpened: (title: string) => `Rule set opened: ${title}`,
    rulesetInvalid: (name: string, problems: string) => `${name} is not a valid rule set: ${problems}`,
    evaluate: "Evaluate",
    evaluating: "Evaluating…",
    stages: { reading: "Reading the data", evaluating: "Evaluating", writing: "Writing the results", done: "Done" },
    summary: "Summary",
    communesPassing: "Communes passing",
    indicator: "Indicator",
    communes: "Communes",
    noCommunes: "No results yet. Click Evaluate.",
    notEvaluated: "Not evaluated",
    conditions: "Conditions",
    selectCell: (cell: string) => `Select cell ${cell}`,
    at: (cell: string) => `Cell ${cell}`,
    problems: "Data problems",
    noProblems: "No data problems.",
    mapping: "Column mapping",
    mappingHint: "Where TC8 read a column wrongly or did not recognise it, choose again and click Apply.",
    ignore: "(ignore this column)",
    apply: "Apply and evaluate again",
    template: "Create input template",
    templateDone: (sheets: string) => `Sheets added: ${sheets}`,
    clear: "Clear results",
    clearTitle: "Clear the evaluation results?",
    clearBody:
      "TC8 will remove its result columns, notes, highlights and the Tổng hợp TC8 sheet, and give the cells their own formatting back. Your data is not changed.",
    clearChecklist: "Also remove the Minh chứng TC8 sheet (what was typed in it is lost)",
    cancel: "Cancel",
    clearDone: "Results cleared.",
    refusedSheet: (s: string) =>
      `Sheet "${s}" is protected: TC8 changed nothing. Unprotect the sheet (Review › Unprotect Sheet) and evaluate again.`,
    refusedWorkbook: "The workbook's structure is protected: TC8 cannot add its result sheets and changed nothing.",
    skipped: {
      notes: "This Excel does not support notes: the reasons are in the Giải thích TC8 column.",
      dataValidation: "This Excel does not support dropdown lists: type Đã có / Chưa có in the Tình trạng column.",
      pageLayout:
        "This Excel cannot set up printing (A4, one page wide, repeated titles, page numbers): set it in Page Layout before printing.",
      chart: "The chart is drawn in Excel only; the downloaded file has its figures.",
      tableResize:
        "This Excel (before ExcelApi 1.13) cannot resize a table: the new communes' rows are right under the Minh chứng TC8 table; drag the table's corner down to take them in.",
    },
    error: (m: string) => `Something went wrong: ${m}`,
    rollup: {
      title: "Roll up several files",
      hint: "Choose the communes' Excel files (.xlsx, .xlsm): TC8 evaluates each one, then rolls them up. The files are read on this computer only and sent nowhere.",
      pick: "Choose files…",
      picked: (n: number) => `${n} ${n === 1 ? "file" : "files"} chosen`,
      run: "Roll up",
      running: (i: number, n: number) => `Rolling up file ${i}/${n}…`,
      doneExcel: (sheets: string) => `Roll-up sheets added: ${sheets}`,
      doneWeb: "Rolled up: download the roll-up file.",
      none: "No file could be rolled up: see the reasons below.",
      download: "Download the roll-up",
      files: "Files",
    },
  },
};

export type UiText = (typeof UI)["vi"];

/** Office's display language decides: English for en-*, Vietnamese otherwise. */
export function langOf(displayLanguage: string | undefined): Lang {
  return displayLanguage && /^en\b/i.test(displayLanguage) ? "en" : "vi";
}

/** Office's theme is dark when its body background is (luma below the middle). */
export function isDark(background: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background ?? "");
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((x) => parseInt(x, 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 128;
}
