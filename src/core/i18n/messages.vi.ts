/**
 * Vietnamese messages, the product's first language. Keys are shared with messages.en.ts; every
 * sentence is listed with example values in docs/messages.md (a test keeps it current).
 * A condition's message follows its label ("8.4 NTM, điểm a – Máy vi tính/cán bộ, công chức: …"),
 * so it starts in lower case and does not repeat the condition's name.
 */
import type { Param, Template } from "./format";

/** A list parameter's items. */
const list = (x: Param): readonly Param[] => (Array.isArray(x) ? x : []);

const met = (ok: boolean) => (ok ? "đạt yêu cầu" : "chưa đạt yêu cầu");

export const VI = {
  // Conditions.
  "flag.yes": (p, f) => `${f.says(p.field, true)}${p.value ? ` (${f.text(p.value)})` : ""}`,
  "flag.no": (p, f) => f.says(p.field, false),
  "fact.blank": (p, f) => `${f.field(p.field)} ở ô ${f.cell(p.cell)} còn trống`,
  "fact.absent": (p, f) => `sổ tính chưa có cột "${f.header(p.field)}"`,
  "fact.invalid": (p, f) => `${f.field(p.field)} ở ô ${f.cell(p.cell)} ${f.msg(p.reason)}`,
  "atLeast.pass": (p, f) => `${f.field(p.field)} là ${f.num(p.value)}, ${met(true)} tối thiểu ${f.num(p.min)}`,
  "atLeast.fail": (p, f) => `${f.field(p.field)} là ${f.num(p.value)}, ${met(false)} tối thiểu ${f.num(p.min)}`,
  "ratio.pass": (p, f) =>
    `${f.num(p.part)}/${f.num(p.whole)} ${f.text(p.noun)}${f.share(p.part, p.whole, p.threshold)}, ${met(true)} ${f.requirement(p.threshold, p.area)}`,
  "ratio.fail": (p, f) =>
    `${f.num(p.part)}/${f.num(p.whole)} ${f.text(p.noun)}${f.share(p.part, p.whole, p.threshold)}, ${met(false)} ${f.requirement(p.threshold, p.area)}`,
  "ratio.per": (p, f) =>
    `${f.num(p.part)} ${f.text(p.noun)}/${f.num(p.whole)} ${f.text(p.wholeNoun)}${f.share(p.part, p.whole, p.threshold)}, ${met(p.verdict === "pass")} ${f.requirement(p.threshold, p.area)}`,
  "rate.pass": (p, f) => `${f.field(p.field)}: ${f.rate(p.rate)}, ${met(true)} ${f.requirement(p.threshold, p.area)}`,
  "rate.fail": (p, f) => `${f.field(p.field)}: ${f.rate(p.rate)}, ${met(false)} ${f.requirement(p.threshold, p.area)}`,
  "ratio.zeroWhole": (p, f) => `${f.field(p.field)} bằng 0 (ô ${f.cell(p.cell)}): không tính được tỷ lệ`,
  "ratio.partAboveWhole": (p, f) =>
    `${f.field(p.part)} (${f.num(p.partValue)}, ô ${f.cell(p.partCell)}) lớn hơn ${f.field(p.whole)} (${f.num(p.wholeValue)}, ô ${f.cell(p.wholeCell)}): hãy kiểm tra lại số liệu`,
  "ratio.nothingToCount": (p, f) => `${p.says ? f.text(p.says) : `không có ${f.text(p.noun)} nào phải tính`}: đạt`,
  "villages.result": (p, f) =>
    `${f.num(p.count)}/${f.num(p.total)} ${f.text(p.noun)}${f.share(p.count, p.total, p.threshold)}, ${met(p.verdict === "pass")} ${f.requirement(p.threshold, p.area)}` +
    (Array.isArray(p.lacking) && p.lacking.length ? `; chưa có: ${f.list(p.lacking)}` : "") +
    (Array.isArray(p.unknown) && p.unknown.length ? `; chưa có số liệu: ${f.list(p.unknown)}` : ""),
  "villages.undecided": (p, f) =>
    `${f.num(p.count)}/${f.num(p.total)} ${f.text(p.noun)}, còn ${f.num(p.unknownCount)} thôn, bản chưa có số liệu (${f.list(p.unknown)}): chưa kết luận được, yêu cầu ${f.requirement(p.threshold, p.area)}`,
  "villages.none": () => "chưa có danh sách thôn, bản hoặc tổng số thôn, bản của xã",
  "villages.zeroTotal": (p, f) => `tổng số thôn, bản bằng 0 (ô ${f.cell(p.cell)})`,
  "villages.byCounts": (p, f) =>
    `${f.msg(p.msg)} (theo cột "${f.header(p.field)}" của bảng danh sách xã, vì danh sách thôn, bản không có cột này)`,
  "villages.untracked": (p, f) =>
    `danh sách thôn, bản không có cột ${Array.isArray(p.fields) ? p.fields.map((k) => `"${f.header(k)}"`).join(" hoặc ") : ""}, bảng danh sách xã cũng chưa có cột "${f.header(p.field)}"`,
  "villages.countAboveList": (p, f) =>
    `${f.field(p.field)} (${f.num(p.value)}, ô ${f.cell(p.cell)}) lớn hơn số thôn, bản trong danh sách (${f.num(p.total)}): hãy kiểm tra lại số liệu`,
  all: (p, f) => (Array.isArray(p.parts) ? p.parts.map((m) => f.msg(m)).join("; ") : ""),
  "village.has": (p, f) => `có ${f.and(Array.isArray(p.fields) ? p.fields.map((k) => f.thing(k)) : [])}`,
  "village.lacks": (p, f) =>
    `chưa có ${Array.isArray(p.fields) ? p.fields.map((k) => f.thing(k)).join(", chưa có ") : ""}`,
  "entity.ok": () => "Không thiếu điều kiện nào",
  "postal.noData": () => "chưa có số liệu điểm phục vụ bưu chính",
  "postal.none": () => "xã chưa có điểm phục vụ bưu chính nào trong bảng điểm phục vụ bưu chính",
  "postal.at": (p, f) => `tại ${f.text(p.point)}, ${f.msg(p.msg)}`,
  "postal.any.pass": (p, f) => `${f.text(p.point)} đáp ứng đủ các điều kiện`,
  "postal.any.fail": (p, f) =>
    `chưa có điểm phục vụ nào đáp ứng đủ; gần đạt nhất là ${f.text(p.point)}: ${f.list(p.lacking, 20)}`,
  "postal.any.missing": (p, f) => `chưa đủ số liệu để kết luận; ${f.text(p.point)}: ${f.list(p.lacking, 20)}`,
  withArea: (p, f) => `${f.msg(p.msg)} (xã chưa ghi khu vực nên tính theo mặc định: ${f.area(p.areaName ?? p.area)})`,
  "area.invalid": (p, f) => `không xác định được khu vực của xã (ô ${f.cell(p.cell)}) nên chưa biết mức yêu cầu`,
  "prereq.pass": (p, f) => `${f.text(p.criterion)}: Đạt`,
  "prereq.notPass": (p, f) =>
    `Xã phải đạt ${f.text(p.criterion)} trước khi xét ${f.text(p.level)}; hiện ${f.text(p.criterion)}: ${f.verdict(p.verdict)}`,
  "info.value": (p, f) =>
    `${typeof p.value === "boolean" ? f.says(p.field, p.value) : `${f.field(p.field)}: ${f.text(p.value)}`} (để biết, không tính vào kết quả)`,
  "info.blank": (p, f) => `${f.field(p.field)}: chưa có số liệu (để biết, không tính vào kết quả)`,
  "commune.excluded": (p, f) => `Không đánh giá: ${f.msg(p.reason)}`,
  "area.defaulted": (p, f) =>
    `Chưa ghi khu vực của xã: tính theo ${f.area(p.areaName ?? p.area)}, mặc định của bộ tiêu chí`,

  // Reading the workbook (docs/input.md). A reason follows a column's name or a cell: "Số cán bộ, công chức xã có lỗi #DIV/0!".
  "value.error": (p, f) => `có lỗi ${f.text(p.value)}`,
  "value.notYesNo": (p, f) => `ghi "${f.text(p.value)}", không phải Có hoặc Không`,
  "value.notNumber": (p, f) => `ghi "${f.text(p.value)}", không phải là số`,
  "value.negative": (p, f) => `ghi số âm (${f.num(p.value)})`,
  "value.notWhole": (p, f) => `ghi ${f.num(p.value)}, phải là số nguyên`,
  "value.rateRange": (p, f) => `ghi ${f.text(p.value)}, tỷ lệ phải từ 0 đến 100%`,
  "value.notArea": (p, f) =>
    `ghi "${f.text(p.value)}", không phải ${list(p.labels)
      .map((l) => f.text(l))
      .join(" hoặc ")}`,
  "value.date": () => "chứa ngày tháng, không phải số",
  "value.uncalculated": () =>
    "có công thức nhưng chưa có giá trị (công thức chưa được tính, hoặc cho kết quả rỗng): hãy mở tệp bằng Excel, tính lại rồi lưu",
  "value.hoursAboveDay": (p, f) => `ghi ${f.num(p.value)} giờ, nhiều hơn 24 giờ của một ngày`,
  "problem.cell": (p, f) => `${f.field(p.field)} ${f.msg(p.reason)}`,
  "problem.duplicateCommune": (p, f) =>
    `Tên xã "${f.text(p.name)}" xuất hiện ở ${f.num(p.count)} dòng (ô ${f.cells(p.cells)}): không đánh giá xã này; hãy xóa hoặc sửa dòng trùng`,
  "problem.unknownCommuneVillage": (p, f) =>
    `Thôn "${f.text(p.name)}" thuộc xã "${f.text(p.commune)}" không có trong bảng danh sách xã`,
  "problem.blankCommuneVillage": (p, f) =>
    `Thôn "${f.text(p.name)}": ô Tên xã để trống, chưa biết thôn thuộc xã nào; hãy ghi tên xã`,
  "problem.blankCommunePostal": (p, f) =>
    `Điểm phục vụ "${f.text(p.name)}": ô Tên xã để trống, chưa biết điểm thuộc xã nào; hãy ghi tên xã`,
  "problem.unknownCommunePostal": (p, f) =>
    `Điểm phục vụ "${f.text(p.name)}" thuộc xã "${f.text(p.commune)}" không có trong bảng danh sách xã`,
  "problem.ambiguousCommuneVillage": (p, f) =>
    `Thôn "${f.text(p.name)}" thuộc xã "${f.text(p.commune)}": bảng danh sách xã có ${f.num(Array.isArray(p.districts) ? p.districts.length : 0)} xã tên này (${f.and(Array.isArray(p.districts) ? p.districts.map((d) => f.text(d)) : [])}); hãy thêm cột Huyện vào bảng thôn, bản để biết thôn thuộc xã nào`,
  "problem.ambiguousCommunePostal": (p, f) =>
    `Điểm phục vụ "${f.text(p.name)}" thuộc xã "${f.text(p.commune)}": bảng danh sách xã có ${f.num(Array.isArray(p.districts) ? p.districts.length : 0)} xã tên này (${f.and(Array.isArray(p.districts) ? p.districts.map((d) => f.text(d)) : [])}); hãy thêm cột Huyện vào bảng điểm phục vụ để biết điểm thuộc xã nào`,
  "problem.blankDistrictVillage": (p, f) =>
    `Thôn "${f.text(p.name)}" thuộc xã "${f.text(p.commune)}": bảng danh sách xã có ${f.num(Array.isArray(p.districts) ? p.districts.length : 0)} xã tên này (${f.and(Array.isArray(p.districts) ? p.districts.map((d) => f.text(d)) : [])}); hãy ghi tên huyện vào ô Huyện này`,
  "problem.blankDistrictPostal": (p, f) =>
    `Điểm phục vụ "${f.text(p.name)}" thuộc xã "${f.text(p.commune)}": bảng danh sách xã có ${f.num(Array.isArray(p.districts) ? p.districts.length : 0)} xã tên này (${f.and(Array.isArray(p.districts) ? p.districts.map((d) => f.text(d)) : [])}); hãy ghi tên huyện vào ô Huyện này`,
  "problem.noCommuneColumn": (p, f) =>
    `Bảng ở sheet "${f.text(p.table)}" không có cột Tên xã, mà sổ tính có nhiều xã: chưa biết mỗi dòng thuộc xã nào (hãy thêm cột Tên xã, hoặc ghi tên xã vào tên sheet)`,
  "problem.ambiguousSheet": (p, f) =>
    `Bảng ở sheet "${f.text(p.table)}" không có cột Tên xã; tên sheet ghi xã "${f.text(p.commune)}" nhưng bảng danh sách xã có ${f.num(Array.isArray(p.districts) ? p.districts.length : 0)} xã tên này (${f.and(Array.isArray(p.districts) ? p.districts.map((d) => f.text(d)) : [])}): hãy thêm cột Tên xã và cột Huyện, hoặc ghi cả tên huyện vào tên sheet`,
  "problem.villageCountMismatch": (p, f) =>
    `${f.field(p.field)} ghi ${f.num(p.given)} nhưng danh sách thôn, bản có ${f.num(p.counted)} thôn, bản: dùng danh sách thôn, bản`,
  "problem.emptyName": (p, f) => `Dòng ${f.num(p.row)} có số liệu nhưng chưa có tên ${f.text(p.what)}`,
  "problem.noCommunesTable": () => 'Không tìm thấy bảng danh sách xã (cần một dòng tiêu đề có cột "Tên xã")',
  "problem.noCommunes": (p, f) =>
    `Bảng danh sách xã (sheet "${f.text(p.sheet)}") chưa có xã nào để đánh giá: hãy nhập tên và số liệu của ít nhất một xã rồi đánh giá lại`,
  "problem.emptyWorkbook": () => "Sổ tính trống: không có số liệu nào",
  // Rule-set files (tc8 ruleset check).
  "ruleset.json": (p, f) => `không đọc được JSON: ${f.text(p.reason)}`,
  "ruleset.schema": (p, f) => `không đúng lược đồ bộ tiêu chí (rulesets/schema.json): ${f.text(p.reason)}`,
  "ruleset.extendsUnknown": (p, f) => `không có bộ tiêu chí "${f.text(p.id)}" để kế thừa (extends)`,
  "ruleset.extendsLoop": (p, f) => `bộ tiêu chí "${f.text(p.id)}" kế thừa vòng tròn`,
  "ruleset.extendsInvalid": (p, f) => `bộ tiêu chí "${f.text(p.id)}" được kế thừa không hợp lệ`,
  "ruleset.noSuchCondition": (p, f) => `bộ tiêu chí được kế thừa không có điều kiện "${f.text(p.id)}"`,
  "ruleset.noThreshold": (p, f) => `điều kiện "${f.text(p.id)}" không có ngưỡng (threshold) để thay`,
  "ruleset.newFieldIncomplete": (p, f) => `trường mới "${f.text(p.key)}" cần có table, type, header và label`,
  "ruleset.duplicateArea": (p, f) => `khu vực "${f.text(p.id)}" khai báo hai lần`,
  "ruleset.unknownArea": (p, f) =>
    `khu vực "${f.text(p.id)}" không có trong phân loại xã (classification: ${f.list(p.known)})`,
  "ruleset.areaMissing": (p, f) => `bảng ngưỡng theo khu vực thiếu khu vực "${f.text(p.id)}"`,
  "ruleset.duplicateField": (p, f) =>
    `trường "${f.text(p.key)}" khai báo hai lần (hoặc trùng cột định danh của sổ tính)`,
  "ruleset.undeclaredField": (p, f) => `trường "${f.text(p.key)}" chưa được khai báo trong fields`,
  "ruleset.duplicateLevel": (p, f) => `cấp "${f.text(p.id)}" khai báo hai lần`,
  "ruleset.unknownLevel": (p, f) => `cấp "${f.text(p.id)}" không có trước cấp này`,
  "ruleset.duplicateCondition": (p, f) => `mã điều kiện "${f.text(p.id)}" trùng với một điều kiện trước`,
  "ruleset.unknownKind": (p, f) => `loại kiểm tra "${f.text(p.kind)}" không có (các loại: ${f.list(p.known)})`,
  "ruleset.badThreshold": (p, f) => `ngưỡng "${f.text(p.value)}" không đọc được: viết "50%" hoặc "2/3"`,
  "ruleset.thresholdAbove100": (p, f) => `ngưỡng ${f.text(p.value)} trên 100%: tỷ lệ này không thể vượt 100%`,
  "ruleset.unknownInWorkbook": (p, f) =>
    `Sổ tính được đánh giá theo bộ tiêu chí "${f.text(p.id)}", bộ tiêu chí này không có ở đây (các bộ có: ${f.list(p.known)}): hãy chọn một bộ tiêu chí, hoặc mở tệp bộ tiêu chí đó`,
  "problem.subscriptionsNotPeople": (p, f) =>
    `Cột "${f.text(p.header)}" ${f.text(p.why)}. Hãy thêm cột "${f.header(p.use)}"`,
  "problem.minMonthAboveYear": (p, f) =>
    `${f.field(p.monthField)} là ${f.num(p.month)}, nên cả năm có ít nhất ${f.num(p.atLeast)} tin, bài, nhiều hơn ${f.field(p.yearField)} (${f.num(p.year)}, ô ${f.cell(p.yearCell)}): hãy kiểm tra lại số liệu`,
  "problem.cellTaken": () =>
    "Ô này có dữ liệu do người dùng nhập: TC8 không ghi đè, bỏ qua ô này (muốn TC8 ghi kết quả mới thì xóa nội dung ô rồi đánh giá lại)",
  "problem.columnsOutsideTable": (p, f) =>
    `Bên phải bảng ${f.text(p.table)} đã có dữ liệu: các cột kết quả được ghi ngoài bảng`,
  "problem.sheetTaken": (p, f) =>
    `Sổ tính đã có sheet "${f.text(p.sheet)}" không do TC8 tạo: TC8 không ghi vào sheet đó mà ghi vào sheet "${f.text(p.used)}"`,
  "problem.unclearStatus": (p, f) =>
    `Tình trạng ghi "${f.text(p.text)}": TC8 không rõ tài liệu đã có hay chưa nên tính là chưa có; nếu đã có, hãy chọn "Đã có"`,
  "problem.checklistUnreadable": (p, f) =>
    `Sheet "${f.text(p.sheet)}" của TC8 không còn cột ${f.and(list(p.columns).map((c) => `"${f.text(c)}"`))}: TC8 không phân biệt được các dòng nên không cập nhật sheet này; hãy khôi phục cột đó, hoặc đổi tên sheet để TC8 tạo danh mục mới`,
  "problem.checklistKept": (p, f) =>
    `Sheet "${f.text(p.sheet)}" còn các dòng của ${f.and(list(p.communes).map((c) => f.text(c)))}, không còn trong bảng danh sách xã: TC8 giữ nguyên các dòng này; hãy xóa nếu không cần`,
  "problem.checklistNoRoom": (p, f) =>
    `Chưa thêm được ${f.num(p.count)} dòng tài liệu của các xã mới vào bảng ở sheet "${f.text(p.sheet)}": ô này ngay dưới bảng đã có dữ liệu của người dùng. Hãy chèn ${f.num(p.count)} dòng trống ngay dưới bảng rồi đánh giá lại`,
  "problem.keptOnClear": (p, f) =>
    `Cột "${f.text(p.header)}" có ${f.num(p.count)} ô người dùng đã sửa hoặc nhập: TC8 giữ nguyên các ô đó khi xóa kết quả`,
  "problem.noRoom": (p, f) =>
    `Bên phải bảng không còn chỗ cho ${f.num(p.count)} cột kết quả của TC8 (trang tính đã dùng đến cột cuối cùng, XFD): các cột này không được ghi; hãy xóa ô thừa ở bên phải bảng rồi đánh giá lại`,
} satisfies Record<string, Template>;

export type MessageKey = keyof typeof VI;
