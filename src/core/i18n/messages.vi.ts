/** Vietnamese messages, the product's first language. Keys are shared with messages.en.ts. */
import type { Template } from "./format";

const cmp = (ok: boolean) => (ok ? "≥" : "<");

export const VI = {
  // Conditions.
  "flag.yes": (p, f) => `${f.field(p.field)}: có${p.value ? ` (${f.text(p.value)})` : ""}`,
  "flag.no": (p, f) => `${f.field(p.field)}: không (yêu cầu: có)`,
  "fact.blank": (p, f) => `${f.field(p.field)}: ô ${f.text(p.cell)} trống`,
  "fact.absent": (p, f) => `${f.field(p.field)}: chưa có cột dữ liệu này`,
  "fact.invalid": (p, f) => `${f.field(p.field)}: ô ${f.text(p.cell)} không dùng được (${f.msg(p.reason)})`,
  "atLeast.pass": (p, f) => `${f.field(p.field)}: ${f.num(p.value)} ≥ ${f.num(p.min)}`,
  "atLeast.fail": (p, f) => `${f.field(p.field)}: ${f.num(p.value)} < ${f.num(p.min)}`,
  "ratio.pass": (p, f) => `${f.num(p.part)}/${f.num(p.whole)} ${f.text(p.noun)} = ${f.pct(p.part, p.whole)} ${cmp(true)} ${f.threshold(p.threshold)}`,
  "ratio.fail": (p, f) => `${f.num(p.part)}/${f.num(p.whole)} ${f.text(p.noun)} = ${f.pct(p.part, p.whole)} ${cmp(false)} ${f.threshold(p.threshold)}`,
  "rate.pass": (p, f) => `${f.field(p.field)}: ${f.rate(p.rate)} ${cmp(true)} ${f.threshold(p.threshold)}`,
  "rate.fail": (p, f) => `${f.field(p.field)}: ${f.rate(p.rate)} ${cmp(false)} ${f.threshold(p.threshold)}`,
  "ratio.zeroWhole": (p, f) => `${f.field(p.field)} bằng 0 (ô ${f.text(p.cell)}): không tính được tỷ lệ`,
  "ratio.partAboveWhole": (p, f) =>
    `${f.field(p.part)} (${f.num(p.partValue)}, ô ${f.text(p.partCell)}) lớn hơn ${f.field(p.whole)} (${f.num(p.wholeValue)}, ô ${f.text(p.wholeCell)})`,
  "ocop.none": () => "Xã không có sản phẩm OCOP nào: không có sản phẩm phải đưa lên sàn TMĐT, điều kiện đạt",
  "villages.result": (p, f) =>
    `${f.num(p.count)}/${f.num(p.total)} ${f.text(p.noun)} = ${f.pct(p.count, p.total)} ${cmp(p.verdict === "pass")} ${f.threshold(p.threshold)}` +
    (Array.isArray(p.lacking) && p.lacking.length ? `; chưa có: ${f.list(p.lacking)}` : "") +
    (Array.isArray(p.unknown) && p.unknown.length ? `; thiếu dữ liệu: ${f.list(p.unknown)}` : ""),
  "villages.undecided": (p, f) =>
    `${f.num(p.count)}/${f.num(p.total)} ${f.text(p.noun)}, còn ${f.num(p.unknownCount)} thôn, bản thiếu dữ liệu (${f.list(p.unknown)}); yêu cầu ${f.threshold(p.threshold)}`,
  "villages.none": () => "Chưa có danh sách thôn, bản hoặc tổng số thôn, bản của xã",
  "villages.zeroTotal": (p, f) => `Tổng số thôn, bản bằng 0 (ô ${f.text(p.cell)})`,
  all: (p, f) => (Array.isArray(p.parts) ? p.parts.map((m) => f.msg(m)).join("; ") : ""),
  "village.has": (p, f) => `có ${Array.isArray(p.fields) ? p.fields.map((k) => f.field(k)).join(" / ") : ""}`,
  "village.lacks": (p, f) => `không có ${Array.isArray(p.fields) ? p.fields.map((k) => f.field(k)).join(", ") : ""}`,
  "entity.ok": () => "Không thiếu điều kiện nào",
  "postal.noData": () => "Chưa có dữ liệu điểm phục vụ bưu chính",
  "postal.none": () => "Xã không có điểm phục vụ bưu chính nào trong bảng điểm phục vụ",
  "postal.at": (p, f) => `${f.text(p.point)}: ${f.msg(p.msg)}`,
  "postal.any.pass": (p, f) => `${f.text(p.point)} đáp ứng đủ các điều kiện`,
  "postal.any.fail": (p, f) => `Không điểm phục vụ nào đáp ứng đủ; gần đạt nhất là ${f.text(p.point)}: ${f.list(p.lacking, 20)}`,
  "postal.any.missing": (p, f) => `Chưa đủ dữ liệu để kết luận; ${f.text(p.point)}: ${f.list(p.lacking, 20)}`,
  withArea: (p, f) =>
    `${f.msg(p.msg)} (khu vực ${f.area(p.area)}${p.defaulted ? ", mặc định vì chưa ghi khu vực" : ""}: yêu cầu ${f.threshold(p.threshold)})`,
  "area.invalid": (p, f) => `Khu vực của xã không đọc được (ô ${f.text(p.cell)}): không xác định được ngưỡng`,
  "prereq.pass": (p, f) => `${f.text(p.criterion)}: Đạt`,
  "prereq.notPass": (p, f) => `Xã phải đạt ${f.text(p.criterion)} trước (${f.text(p.criterion)}: ${f.verdict(p.verdict)})`,
  "info.value": (p, f) => `${f.field(p.field)}: ${f.text(p.value)} (thông tin, không tính vào kết quả)`,
  "info.blank": (p, f) => `${f.field(p.field)}: chưa có dữ liệu (thông tin, không tính vào kết quả)`,
  "commune.excluded": (p, f) => `Không đánh giá: ${f.msg(p.reason)}`,
  "area.defaulted": (p, f) => `Khu vực để trống: dùng mặc định ${f.area(p.area)}`,

  // Reading the workbook (SPEC §4).
  "value.error": (p, f) => `ô có lỗi ${f.text(p.value)}`,
  "value.notYesNo": (p, f) => `"${f.text(p.value)}" không phải có/không`,
  "value.notNumber": (p, f) => `"${f.text(p.value)}" không phải là số`,
  "value.negative": (p, f) => `số âm (${f.num(p.value)})`,
  "value.notWhole": (p, f) => `phải là số nguyên (${f.num(p.value)})`,
  "value.rateRange": (p, f) => `tỷ lệ phải từ 0 đến 100 % (${f.text(p.value)})`,
  "value.notArea": (p, f) => `"${f.text(p.value)}" không phải Miền núi hoặc Đồng bằng`,
  "value.date": () => "ô chứa ngày tháng, không phải số",
  "problem.cell": (p, f) => `${f.field(p.field)}: ${f.msg(p.reason)}`,
  "problem.duplicateCommune": (p, f) => `Xã "${f.text(p.name)}" có ${f.num(p.count)} dòng (${f.list(p.cells)}): không đánh giá xã này`,
  "problem.unknownCommuneVillage": (p, f) => `Thôn "${f.text(p.name)}" thuộc xã "${f.text(p.commune)}" không có trong bảng danh sách xã`,
  "problem.unknownCommunePostal": (p, f) => `Điểm phục vụ "${f.text(p.name)}" thuộc xã "${f.text(p.commune)}" không có trong bảng danh sách xã`,
  "problem.noCommuneColumn": (p, f) => `Bảng ${f.text(p.table)} không có cột Tên xã và sổ có nhiều xã: không biết dòng thuộc xã nào`,
  "problem.villageCountMismatch": (p, f) =>
    `${f.field(p.field)} ghi ${f.num(p.given)} nhưng danh sách thôn, bản cho ${f.num(p.counted)}: dùng danh sách thôn, bản`,
  "problem.emptyName": (p, f) => `Dòng ${f.num(p.row)} có dữ liệu nhưng không có tên ${f.text(p.what)}`,
  "problem.noCommunesTable": () => "Không tìm thấy bảng danh sách xã (cần một dòng tiêu đề có cột \"Tên xã\")",
  "problem.emptyWorkbook": () => "Sổ tính trống: không có dữ liệu nào",
  "problem.duplicateColumn": (p, f) => `Cột ${f.text(p.cell)} cũng là "${f.field(p.field)}": dùng cột đầu tiên`,
  "problem.cellTaken": () => "Ô này đã có dữ liệu của người dùng: TC8 không ghi đè, bỏ qua",
  "problem.columnsOutsideTable": (p, f) => `Bên phải bảng ${f.text(p.table)} đã có dữ liệu: các cột kết quả được ghi ngoài bảng`,
  "problem.sheetTaken": (p, f) => `Sổ tính đã có sheet "${f.text(p.sheet)}" không do TC8 tạo: TC8 không ghi đè, hãy đổi tên sheet đó rồi đánh giá lại`,
  "problem.rateAndCounts": (p, f) => `Có cả số liệu và tỷ lệ cho ${f.field(p.field)}: dùng số liệu`,
  "value.uncalculated": () => "ô có công thức nhưng chưa có giá trị (công thức chưa được tính, hoặc cho kết quả rỗng): mở tệp bằng Excel, tính lại và lưu",
  "problem.noRoom": (p, f) => `Không còn chỗ bên phải bảng cho ${f.num(p.count)} cột kết quả của TC8 (trang tính đã dùng đến cột cuối cùng XFD): các cột này không được ghi`,
} satisfies Record<string, Template>;

export type MessageKey = keyof typeof VI;
