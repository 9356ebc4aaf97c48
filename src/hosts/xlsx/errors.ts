/**
 * Why a file cannot be read as a workbook, in words an official can act on (docs/DECISIONS.md):
 * never an internal error text.
 */
import type { Refusal } from "../../core/plan";
import type { Lang } from "../../core/ruleset/types";

export type XlsxProblem =
  /** A password to open (an encrypted Office file). */
  | "encrypted"
  /** A zip that cannot be read whole. */
  | "damaged"
  /** Excel 97–2003. */
  | "xls"
  /** OpenDocument spreadsheet. */
  | "ods"
  /** Text: comma or tab separated. */
  | "csv"
  /** A zip, but no workbook in it (a Word document, a plain archive). */
  | "notWorkbook"
  /** No bytes at all (a download or copy that failed). */
  | "empty"
  /** Anything else. */
  | "notXlsx"
  /** A part whose XML cannot be read. */
  | "malformed";

export class XlsxError extends Error {
  constructor(
    readonly problem: XlsxProblem,
    readonly detail: { part?: string } = {},
  ) {
    super(`${problem}${detail.part ? `: ${detail.part}` : ""}`);
    this.name = "XlsxError";
  }
}

const TEXT: Record<Lang, Record<XlsxProblem, (part?: string) => string>> = {
  vi: {
    encrypted: () =>
      "tệp được đặt mật khẩu để mở. Hãy mở bằng Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu) rồi lưu lại",
    damaged: (p) =>
      `tệp bị hỏng, không giải nén được${p ? ` (phần ${p})` : ""}. Hãy mở bằng Excel để sửa rồi lưu lại dạng .xlsx`,
    xls: () =>
      "đây là tệp Excel 97–2003 (.xls). Hãy mở bằng Excel hoặc LibreOffice và lưu thành Sổ làm việc Excel (.xlsx)",
    ods: () =>
      "đây là tệp OpenDocument (.ods). Hãy mở bằng LibreOffice hoặc Excel và lưu thành Sổ làm việc Excel (.xlsx)",
    csv: () => "đây là tệp văn bản (.csv). Hãy mở bằng Excel hoặc LibreOffice và lưu thành Sổ làm việc Excel (.xlsx)",
    notWorkbook: () => "tệp nén này không chứa sổ tính Excel (.xlsx)",
    empty: () => "tệp rỗng (0 byte), thường do tải về hoặc sao chép bị lỗi. Hãy lấy lại tệp gốc",
    notXlsx: () => "không phải tệp Excel .xlsx",
    malformed: (p) => `phần ${p ?? "?"} trong tệp bị hỏng (XML không hợp lệ). Hãy mở bằng Excel để sửa rồi lưu lại`,
  },
  en: {
    encrypted: () =>
      "the file has a password to open. Open it in Excel, remove the password (File › Info › Protect Workbook › Encrypt with Password) and save it",
    damaged: (p) =>
      `the file is damaged and cannot be unpacked${p ? ` (part ${p})` : ""}. Open it in Excel to repair it and save it as .xlsx`,
    xls: () =>
      "this is an Excel 97–2003 file (.xls). Open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx)",
    ods: () =>
      "this is an OpenDocument file (.ods). Open it in LibreOffice or Excel and save it as an Excel Workbook (.xlsx)",
    csv: () => "this is a text file (.csv). Open it in Excel or LibreOffice and save it as an Excel Workbook (.xlsx)",
    notWorkbook: () => "this archive holds no Excel workbook (.xlsx)",
    empty: () => "the file is empty (0 bytes), usually a download or copy that failed. Get the original file again",
    notXlsx: () => "not an Excel .xlsx file",
    malformed: (p) =>
      `part ${p ?? "?"} of the file is damaged (invalid XML). Open it in Excel to repair it and save it`,
  },
};

/** The reason, in the user's language, to follow "Cannot read <file>: ". */
export function describeXlsxError(e: XlsxError, lang: Lang): string {
  return TEXT[lang][e.problem](e.detail.part);
}

export type { Refusal } from "../../core/plan";

export function describeRefusal(r: Refusal, lang: Lang): string {
  if (r.reason === "sheetProtected")
    return lang === "vi"
      ? `sheet "${r.sheet}" đang được bảo vệ (Protect Sheet): TC8 không ghi gì. Hãy bỏ bảo vệ sheet (Xem lại › Bỏ bảo vệ trang tính) rồi chạy lại`
      : `sheet "${r.sheet}" is protected (Protect Sheet): TC8 wrote nothing. Unprotect it (Review › Unprotect Sheet) and run again`;
  return lang === "vi"
    ? "cấu trúc sổ tính đang được bảo vệ (Protect Workbook): TC8 không thể thêm sheet kết quả và không ghi gì. Hãy bỏ bảo vệ (Xem lại › Bảo vệ sổ làm việc) rồi chạy lại"
    : "the workbook's structure is protected (Protect Workbook): TC8 cannot add its result sheets and wrote nothing. Unprotect it (Review › Protect Workbook) and run again";
}
