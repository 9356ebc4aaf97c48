/** The one-paragraph report of the ribbon's Đánh giá (no task pane): what a notification shows. */
import type { ExcelOutcome } from "../hosts/office";
import { render } from "../core/i18n";
import type { Lang, LevelId } from "../core/ruleset/types";
import type { LevelResult } from "../core/engine/types";

export function commandReport(out: ExcelOutcome, lang: Lang): string {
  const vi = lang === "vi";
  if (out.refused)
    return out.refused.reason === "sheetProtected"
      ? vi
        ? `Sheet "${out.refused.sheet}" đang được bảo vệ: TC8 không thay đổi gì.`
        : `Sheet "${out.refused.sheet}" is protected: TC8 changed nothing.`
      : vi
        ? "Cấu trúc sổ tính đang được bảo vệ: TC8 không thay đổi gì."
        : "The workbook's structure is protected: TC8 changed nothing.";
  if (out.tooLarge) {
    const n = out.tooLarge.communes;
    const count = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, vi ? "." : ",");
    return vi
      ? `Sổ tính có ${count} xã: quá lớn để đánh giá bằng nút Đánh giá trên dải băng (Excel chỉ cho nút này năm phút). TC8 chưa thay đổi gì. Hãy mở Bảng TC8 (nút bên cạnh) và bấm Đánh giá trong bảng.`
      : `This workbook has ${count} communes: too large to evaluate from the ribbon's Evaluate button (Excel gives it five minutes). TC8 changed nothing. Open the TC8 pane (the button beside it) and evaluate there.`;
  }
  const run = out.run!;
  if (run.read.fatal) return render(run.read.fatal, lang);
  const evaluated = run.evaluation.communes.filter((c) => !c.excluded);
  const count = (level: LevelId, v: string) =>
    evaluated.filter((c) => (c.levels[level] as LevelResult | undefined)?.verdict === v).length;
  const rs = run.evaluation.rules;
  // Each level reported by its criterion's line ("TC8 NTM"); missing data counted at the first level, which every other needs.
  const levels = rs.levels.filter((l) => run.evaluation.levels.includes(l.id));
  const parts = [
    vi ? `TC8 đã đánh giá ${evaluated.length} xã` : `TC8 evaluated ${evaluated.length} communes`,
    ...levels.map((l) =>
      vi ? `đạt ${l.criterion}: ${count(l.id, "pass")}` : `meeting ${l.criterion}: ${count(l.id, "pass")}`,
    ),
    vi ? `thiếu dữ liệu: ${count(rs.levels[0].id, "missing")}` : `missing data: ${count(rs.levels[0].id, "missing")}`,
    vi ? `vấn đề về dữ liệu: ${run.evaluation.problems.length}` : `data problems: ${run.evaluation.problems.length}`,
  ];
  return `${parts.join("; ")}. ${vi ? "Xem sheet Tổng hợp TC8 và cột Giải thích TC8." : "See the Tổng hợp TC8 sheet and the Giải thích TC8 column."}`;
}
