/**
 * Tổng hợp TC8: the report the appraisal team reads and signs (docs/output.md). A header block
 * (title, province and district or commune, rule set, time, totals), one row per commune with
 * every indicator's verdict, the counts per indicator with a chart, and the signature block of a
 * Vietnamese administrative report. Printed A4 landscape, one page wide, its table header on
 * every page.
 */
import type { Verdict } from "../engine/tristate";
import type { CommuneResult, Evaluation } from "../engine/types";
import { render, VERDICT_TEXT } from "../i18n";
import { criterionCaps, indicatorLabel } from "../ruleset";
import type { Lang, LevelId, RuleSet } from "../ruleset/types";
import type { RangeRef } from "../shared/grid";
import { fitRowHeights } from "./layout";
import { SUMMARY_SHEET } from "../state/own";
import type { NewSheet, SheetCell, StyleName } from "./types";
import { evidenceText, formatTime } from "./texts";

const VERDICT_STYLE: Record<Verdict, StyleName> = { pass: "pass", fail: "fail", missing: "missing" };

export const SUMMARY_TEXT = {
  vi: {
    title: (rs: RuleSet) => `TỔNG HỢP ĐÁNH GIÁ ${criterionCaps(rs)}`,
    province: (p: string) => `Tỉnh ${p}`,
    districts: (n: number) => `${n} huyện`,
    ruleset: "Bộ tiêu chí",
    time: "Thời điểm đánh giá",
    totals: (n: number, levels: readonly { passing: number; name: string }[], criterion: string) =>
      `Kết quả: ${n} xã được đánh giá${levels.map((l) => `; ${l.passing} xã đạt Tiêu chí số ${criterion} (${l.name})`).join("")}`,
    cols: ["STT", "Xã", "Huyện", "Khu vực"],
    evidence: "Tài liệu kiểm chứng",
    note: "Ghi chú",
    counts: ["Chỉ tiêu", "Đạt", "Không đạt", "Thiếu dữ liệu"],
    countsTitle: "Số xã theo chỉ tiêu",
    criterion: (criterion: string, level: string) => `Tiêu chí số ${criterion} (${level})`,
    chart: "Số xã Đạt / Không đạt / Thiếu dữ liệu theo chỉ tiêu",
    defaulted: " (mặc định)",
    areaUnread: "Không đọc được",
    defaultedNote: (area: string) =>
      `Khu vực ghi "(mặc định)": xã chưa ghi khu vực nên được tính theo ${area}, mặc định của bộ tiêu chí.`,
    place: "…, ngày … tháng … năm …",
    maker: "NGƯỜI LẬP BIỂU",
    makerNote: "(Ký, ghi rõ họ tên)",
    head: "THỦ TRƯỞNG ĐƠN VỊ",
    headNote: "(Ký tên, đóng dấu)",
    page: "Trang &P/&N",
  },
  en: {
    title: (rs: RuleSet) =>
      `TỔNG HỢP ĐÁNH GIÁ TIÊU CHÍ SỐ ${rs.criterion.number} – Criterion ${rs.criterion.number}, ${rs.criterion.name.en}: summary`,
    province: (p: string) => `${p} province`,
    districts: (n: number) => `${n} districts`,
    ruleset: "Rule set",
    time: "Evaluated at",
    totals: (n: number, levels: readonly { passing: number; name: string }[], criterion: string) =>
      `Results: ${n} ${n === 1 ? "commune" : "communes"} evaluated${levels.map((l) => `; ${l.passing} ${l.passing === 1 ? "meets" : "meet"} criterion ${criterion} (${l.name})`).join("")}`,
    cols: ["No.", "Commune", "District", "Area"],
    evidence: "Evidence documents",
    note: "Note",
    counts: ["Indicator", "Pass", "Fail", "Missing data"],
    countsTitle: "Communes per indicator",
    criterion: (criterion: string, level: string) => `Criterion ${criterion} (${level})`,
    chart: "Communes passing, failing and missing data per indicator",
    defaulted: " (default)",
    areaUnread: "Unreadable",
    defaultedNote: (area: string) =>
      `Area "(default)": the commune's area is blank, so the rule set's default (${area}) was used.`,
    place: "…, ngày … tháng … năm …",
    maker: "NGƯỜI LẬP BIỂU",
    makerNote: "(Ký, ghi rõ họ tên)",
    head: "THỦ TRƯỞNG ĐƠN VỊ",
    headNote: "(Ký tên, đóng dấu)",
    page: "Trang &P/&N",
  },
} as const;

/** Column widths of the summary: verdicts wrap "Thiếu dữ liệu" over two lines rather than widen every column. */
export const SUMMARY_WIDTHS = {
  stt: 5,
  commune: 22,
  district: 16,
  area: 19,
  verdict: 10,
  evidence: 26,
  note: 30,
} as const;
/** Rows of the sheet a chart covers (its anchor), so that nothing below it is hidden under it. */
export const CHART_ROWS = 16;

/** Escapes text for a page header or footer, where "&" starts a code. */
export function headerFooterText(s: string): string {
  return s.replace(/&/g, "&&");
}

/** Where the communes are: "Tỉnh Lạng Sơn – Huyện Bình Gia", "… – Xã Tân Thành, Huyện Bình Gia", "… – 3 huyện". */
function placeLine(ev: Evaluation, rs: RuleSet, lang: Lang): string {
  const T = SUMMARY_TEXT[lang];
  const communes = ev.communes.filter((c) => !c.excluded);
  const districts = [...new Set(communes.map((c) => c.district).filter((d): d is string => !!d))];
  const parts = rs.province ? [T.province(rs.province)] : [];
  if (communes.length === 1) parts.push([communes[0].name, ...districts].join(", "));
  else if (districts.length === 1) parts.push(districts[0]);
  else if (districts.length > 1) parts.push(T.districts(districts.length));
  return parts.join(" – ");
}

export function summarySheet(ev: Evaluation, rs: RuleSet, lang: Lang, at: Date): NewSheet {
  const T = SUMMARY_TEXT[lang];
  const W = SUMMARY_WIDTHS;
  const cells: SheetCell[] = [];
  const merges: RangeRef[] = [];
  const put = (row: number, col: number, value: string | number | null, style?: StyleName) =>
    cells.push({ row, col, value, ...(style ? { style } : {}) });
  const levels = rs.levels.filter((l) => ev.levels.includes(l.id));
  const evaluated = ev.communes.filter((c) => !c.excluded);

  // The table's columns first: the header block is merged over its width.
  const verdictCols: { level: LevelId; ind: string | null }[] = [];
  for (const level of levels) {
    for (const ind of level.indicators) verdictCols.push({ level: level.id, ind: ind.id });
    verdictCols.push({ level: level.id, ind: null });
  }
  // The district's column only when the workbook names districts: an empty column says nothing.
  const withDistrict = ev.communes.some((c) => c.district);
  const cols = withDistrict ? T.cols : T.cols.filter((_, i) => i !== 2);
  const first = cols.length;
  const evidenceCol = first + verdictCols.length;
  const noteCol = evidenceCol + 1;
  const lastCol = noteCol;
  const widths = [
    W.stt,
    W.commune,
    ...(withDistrict ? [W.district] : []),
    W.area,
    ...verdictCols.map(() => W.verdict),
    W.evidence,
    W.note,
  ];
  const line = (row: number, text: string, style: StyleName) => {
    put(row, 0, text, style);
    merges.push({ r0: row, c0: 0, r1: row, c1: lastCol });
  };

  // 1. The header block.
  const passing = (id: LevelId) => evaluated.filter((c) => c.levels[id]?.verdict === "pass").length;
  line(0, T.title(rs), "title");
  const place = placeLine(ev, rs, lang);
  if (place) line(1, place, "sign");
  // The rule set by its name and source, as a reader knows it (its id is in TC8's state and the results JSON).
  line(2, `${T.ruleset}: ${rs.name} (${rs.sources[0]})`, "center");
  line(3, `${T.time}: ${formatTime(at)}`, "center");
  line(
    4,
    T.totals(
      evaluated.length,
      levels.map((l) => ({ passing: passing(l.id), name: l.name[lang] })),
      rs.criterion.number,
    ),
    "center",
  );

  // 2. The table: two header rows, the level over its indicators ("8.1"…, "TC8"), so that
  // "TC8 NTM" appears once in the workbook: in the communes table.
  const h0 = 6;
  cols.forEach((label, col) => {
    put(h0, col, label, "header");
    merges.push({ r0: h0, c0: col, r1: h0 + 1, c1: col });
  });
  let col = first;
  for (const level of levels) {
    const start = col;
    for (const ind of level.indicators) put(h0 + 1, col++, ind.id, "header");
    put(h0 + 1, col++, "TC8", "header");
    put(h0, start, level.name[lang], "header");
    merges.push({ r0: h0, c0: start, r1: h0, c1: col - 1 });
  }
  for (const [c, label] of [
    [evidenceCol, T.evidence],
    [noteCol, T.note],
  ] as const) {
    put(h0, c, label, "header");
    merges.push({ r0: h0, c0: c, r1: h0 + 1, c1: c });
  }
  const verdictOf = (c: CommuneResult, vc: { level: LevelId; ind: string | null }) => {
    const lv = c.levels[vc.level];
    return vc.ind ? lv?.indicators.find((x) => x.id === vc.ind)?.verdict : lv?.verdict;
  };
  let r = h0 + 2;
  ev.communes.forEach((c, i) => {
    put(r, 0, i + 1, "number");
    put(r, 1, c.name, "cell");
    if (withDistrict) put(r, 2, c.district ?? "", "cell");
    // An area typed that TC8 cannot read ("trung du") is said, not left blank: the conditions that depend on it lack data.
    const area = c.area ? rs.areas.find((a) => a.id === c.area) : undefined;
    put(
      r,
      first - 1,
      area ? area.label[lang] + (c.areaDefaulted ? T.defaulted : "") : c.excluded ? "" : T.areaUnread,
      "cell",
    );
    verdictCols.forEach((vc, j) => {
      const v = verdictOf(c, vc);
      put(r, first + j, v ? VERDICT_TEXT[lang][v] : "—", v ? VERDICT_STYLE[v] : "number");
    });
    put(r, evidenceCol, c.excluded ? "—" : evidenceText(c, lang, rs), "cell");
    put(r, noteCol, c.excluded ? render(c.excluded, lang) : "", "cell");
    r++;
  });
  if (evaluated.some((c) => c.areaDefaulted)) {
    line(r, T.defaultedNote(rs.areaNames[rs.defaultArea][lang]), "subtitle");
    r++;
  }

  // 3. Counts per indicator and level, with the chart beside them.
  r += 1;
  put(r, 1, T.countsTitle, "strong");
  r++;
  const countsTop = r;
  T.counts.forEach((h, j) => put(r, j + 1, h, "header"));
  r++;
  for (const vc of verdictCols) {
    const level = levels.find((l) => l.id === vc.level)!;
    // "8.1 NTM" …, "8.1 NTM nâng cao" …: the level as the guidance names it.
    put(
      r,
      1,
      vc.ind ? indicatorLabel(level, vc.ind, lang) : T.criterion(rs.criterion.number, level.name[lang]),
      "cell",
    );
    (["pass", "fail", "missing"] as const).forEach((v, j) =>
      put(r, j + 2, evaluated.filter((c) => verdictOf(c, vc) === v).length, "number"),
    );
    r++;
  }
  const countsLast = r - 1;
  const chartCol = 6;
  const chartAnchor = {
    r0: countsTop,
    c0: chartCol,
    r1: countsTop + CHART_ROWS - 1,
    c1: Math.min(lastCol, chartCol + 9),
  };

  // 4. The signature block, below the counts and the chart.
  const signatureLast = signatureBlock(cells, merges, Math.max(countsLast, chartAnchor.r1) + 2, lastCol, lang);

  const sheet: NewSheet = {
    name: SUMMARY_SHEET,
    cells,
    merges,
    freezeRows: h0 + 2,
    columnWidths: widths,
    chart: { title: T.chart, range: { r0: countsTop, c0: 1, r1: countsLast, c1: 4 }, anchor: chartAnchor },
    landscape: true,
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      titleRows: { first: h0, last: h0 + 1 },
      header: {
        left: `&8${headerFooterText(rs.name)}`,
        right: `&8${headerFooterText(`${T.time}: ${formatTime(at)}`)}`,
      },
      footer: { center: T.page },
    },
    printArea: { r0: 0, c0: 0, r1: signatureLast, c1: lastCol },
  };
  sheet.rowHeights = fitRowHeights(sheet);
  return sheet;
}

/**
 * The signature block of a Vietnamese administrative report, from `row`: the place and date line
 * on the right, "NGƯỜI LẬP BIỂU" on the left and "THỦ TRƯỞNG ĐƠN VỊ" on the right with what each
 * signs, and four empty lines to sign in. Returns its last row.
 */
export function signatureBlock(
  cells: SheetCell[],
  merges: RangeRef[],
  row: number,
  lastCol: number,
  lang: Lang,
  rightFrom = Math.max(3, lastCol - 4),
): number {
  const T = SUMMARY_TEXT[lang];
  const right = { c0: rightFrom, c1: lastCol };
  const left = { c0: 0, c1: Math.min(2, right.c0 - 1) };
  const block = (r: number, side: { c0: number; c1: number }, text: string, style: StyleName) => {
    cells.push({ row: r, col: side.c0, value: text, style });
    if (side.c1 > side.c0) merges.push({ r0: r, c0: side.c0, r1: r, c1: side.c1 });
  };
  block(row, right, T.place, "signNote");
  block(row + 1, left, T.maker, "sign");
  block(row + 1, right, T.head, "sign");
  block(row + 2, left, T.makerNote, "signNote");
  block(row + 2, right, T.headNote, "signNote");
  return row + 6;
}
