import { criterionCaps } from "../ruleset";
import type { RuleSet } from "../ruleset/types";

/** The roll-up workbook's words (docs/messages.md §8): Vietnamese first, English for `--lang en` / the English UI. */

/** Sheet names: Vietnamese in both languages, as TC8's other sheets. */
export const ROLLUP_SHEETS = {
  summary: "Tổng hợp",
  indicators: "Theo chỉ tiêu",
  problems: "Vấn đề dữ liệu",
  files: "Tệp",
} as const;

export const ROLLUP_TEXT = {
  vi: {
    title: (rs: RuleSet) => `TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ ${criterionCaps(rs)} CỦA CÁC XÃ`,
    indicatorsTitle: (rs: RuleSet) =>
      `SỐ XÃ ĐẠT, KHÔNG ĐẠT, THIẾU DỮ LIỆU THEO CHỈ TIÊU – TIÊU CHÍ SỐ ${rs.criterion.number}`,
    problemsTitle: "CÁC VẤN ĐỀ VỀ DỮ LIỆU TRONG CÁC TỆP ĐÃ TỔNG HỢP",
    filesTitle: "CÁC TỆP ĐÃ ĐỌC",
    totals: (communes: number, files: number, refused: number) =>
      `Kết quả: ${communes} xã từ ${files} tệp${refused ? `; ${refused} tệp không tổng hợp được (xem sheet Tệp)` : ""}`,
    passing: (n: number, criterion: string) => `${n} xã đạt ${criterion}`,
    cols: ["STT", "Huyện", "Xã", "Tệp"],
    evidence: "Tài liệu kiểm chứng",
    problemCount: "Số vấn đề dữ liệu",
    note: "Ghi chú",
    noDistrict: "(Chưa ghi huyện)",
    groupCount: (district: string, n: number) => `Số xã đạt – ${district} (${n} xã)`,
    allCount: (n: number, districts: number) => `Số xã đạt – Toàn bộ (${n} xã, ${districts} huyện)`,
    ratio: (pass: number, of: number) => `${pass}/${of}`,
    sameAs: (others: string[]) =>
      `Xã này có trong nhiều tệp: cũng ở ${others.join("; ")}. Các dòng đều được giữ và được đếm.`,
    sameAsRow: (file: string, stt: number) => `tệp ${file} (STT ${stt})`,
    sameAsProblem: (name: string, others: string[]) => `${name} có trong nhiều tệp: ${others.join("; ")}`,
    duplicatesNote: (n: number) =>
      `${n} dòng là cùng một xã có trong nhiều tệp (ô STT tô vàng, xem cột Ghi chú): mỗi dòng được đếm riêng.`,
    counts: ["Chỉ tiêu", "Đạt", "Không đạt", "Thiếu dữ liệu"],
    problemCols: ["STT", "Tệp", "Huyện", "Xã", "Ô", "Mức độ", "Vấn đề"],
    severity: { error: "Lỗi", warning: "Cảnh báo" },
    noProblems: "Không có vấn đề về dữ liệu trong các tệp đã tổng hợp.",
    fileCols: ["STT", "Tệp", "Kích thước", "Sửa lần cuối", "Bộ tiêu chí", "Số xã", "Kết quả"],
    evaluated: (n: number, problems: number) =>
      `Đã tổng hợp: ${n} xã${problems ? `, ${problems} vấn đề về dữ liệu` : ""}`,
    unreadable: (why: string) => `Không đọc được: ${why}`,
    noCommunes: (why: string) => `Không có xã để tổng hợp: ${why}`,
    recorded: (id: string) => `tệp ghi bộ tiêu chí ${id}`,
    isRollup: "đây là tệp tổng hợp của TC8, không phải sổ số liệu của xã",
    internal: "TC8 gặp lỗi khi xử lý tệp này. Hãy gửi tệp cho người hỗ trợ",
    progress: (i: number, n: number, file: string, what: string) => `[${i}/${n}] ${file}: ${what}`,
    progressCommunes: (n: number, problems: number) => `${n} xã${problems ? `, ${problems} vấn đề về dữ liệu` : ""}`,
    size: (bytes: number) =>
      bytes < 1024
        ? `${bytes} B`
        : bytes < 1024 * 1024
          ? `${(bytes / 1024).toFixed(1).replace(".", ",")} KB`
          : `${(bytes / 1024 / 1024).toFixed(1).replace(".", ",")} MB`,
  },
  en: {
    title: (rs: RuleSet) =>
      `TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ TIÊU CHÍ SỐ ${rs.criterion.number} – Criterion ${rs.criterion.number}, ${rs.criterion.name.en}: communes roll-up`,
    indicatorsTitle: (rs: RuleSet) =>
      `Communes passing, failing and missing data per indicator – criterion ${rs.criterion.number}`,
    problemsTitle: "Data problems in the files rolled up",
    filesTitle: "Files read",
    totals: (communes: number, files: number, refused: number) =>
      `Results: ${communes} ${communes === 1 ? "commune" : "communes"} from ${files} ${files === 1 ? "file" : "files"}${refused ? `; ${refused} ${refused === 1 ? "file" : "files"} not rolled up (see sheet Tệp)` : ""}`,
    passing: (n: number, criterion: string) => `${n} ${n === 1 ? "meets" : "meet"} ${criterion}`,
    cols: ["No.", "District", "Commune", "File"],
    evidence: "Evidence documents",
    problemCount: "Data problems",
    note: "Note",
    noDistrict: "(District not given)",
    groupCount: (district: string, n: number) => `Communes passing – ${district} (${n})`,
    allCount: (n: number, districts: number) =>
      `Communes passing – all (${n} communes, ${districts} ${districts === 1 ? "district" : "districts"})`,
    ratio: (pass: number, of: number) => `${pass}/${of}`,
    sameAs: (others: string[]) =>
      `This commune is in several files: also in ${others.join("; ")}. Every row is kept and counted.`,
    sameAsRow: (file: string, stt: number) => `file ${file} (No. ${stt})`,
    sameAsProblem: (name: string, others: string[]) => `${name} is in several files: ${others.join("; ")}`,
    duplicatesNote: (n: number) =>
      `${n} rows are one commune found in several files (No. cell in yellow, see the Note column): each row is counted.`,
    counts: ["Indicator", "Pass", "Fail", "Missing data"],
    problemCols: ["No.", "File", "District", "Commune", "Cell", "Severity", "Problem"],
    severity: { error: "Error", warning: "Warning" },
    noProblems: "No data problems in the files rolled up.",
    fileCols: ["No.", "File", "Size", "Last changed", "Rule set", "Communes", "Outcome"],
    evaluated: (n: number, problems: number) =>
      `Rolled up: ${n} ${n === 1 ? "commune" : "communes"}${problems ? `, ${problems} data ${problems === 1 ? "problem" : "problems"}` : ""}`,
    unreadable: (why: string) => `Cannot read: ${why}`,
    noCommunes: (why: string) => `No commune to roll up: ${why}`,
    recorded: (id: string) => `the file names rule set ${id}`,
    isRollup: "this is a TC8 roll-up, not a commune's workbook",
    internal: "TC8 failed while processing this file. Please send the file to support",
    progress: (i: number, n: number, file: string, what: string) => `[${i}/${n}] ${file}: ${what}`,
    progressCommunes: (n: number, problems: number) =>
      `${n} ${n === 1 ? "commune" : "communes"}${problems ? `, ${problems} data ${problems === 1 ? "problem" : "problems"}` : ""}`,
    size: (bytes: number) =>
      bytes < 1024
        ? `${bytes} B`
        : bytes < 1024 * 1024
          ? `${(bytes / 1024).toFixed(1)} KB`
          : `${(bytes / 1024 / 1024).toFixed(1)} MB`,
  },
};
