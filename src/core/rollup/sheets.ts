/**
 * The roll-up's four sheets (docs/output.md §12), in the look and print setup of the summary sheet
 * (summary.ts): `Tổng hợp` (a row per commune, grouped by district with a count row per district
 * and for all), `Theo chỉ tiêu` (counts per indicator and level, with a chart), `Vấn đề dữ liệu`
 * (every problem with its file and cell) and `Tệp` (every file and what happened to it).
 */
import type { Verdict } from "../engine/tristate";
import { render, VERDICT_TEXT } from "../i18n";
import { indicatorLabel } from "../ruleset";
import type { Lang, LevelDef, RuleSet } from "../ruleset/types";
import { freeSheetName, sameSheet, type RangeRef } from "../shared/grid";
import { fitRowHeights } from "../plan/layout";
import type { NewSheet, PrintSetup, SheetCell, StyleName } from "../plan";
import { CHART_ROWS, headerFooterText, signatureBlock, SUMMARY_TEXT, SUMMARY_WIDTHS } from "../plan/summary";
import { evidenceText, formatTime } from "../plan/texts";
import { type Rollup, verdictOf } from "./gather";
import { ROLLUP_SHEETS, ROLLUP_TEXT } from "./text";

const VERDICTS: readonly Verdict[] = ["pass", "fail", "missing"];

interface VerdictCol {
  level: LevelDef;
  ind: string | null;
}

/** Each level's indicators then its criterion, in rule-set order, for the levels rolled up. */
function verdictCols(r: Rollup, rs: RuleSet): VerdictCol[] {
  const out: VerdictCol[] = [];
  for (const level of rs.levels.filter((l) => r.levels.includes(l.id))) {
    for (const ind of level.indicators) out.push({ level, ind: ind.id });
    out.push({ level, ind: null });
  }
  return out;
}

/** A writer of one sheet's cells and merges. */
function sheetWriter() {
  const cells: SheetCell[] = [];
  const merges: RangeRef[] = [];
  const put = (row: number, col: number, value: string | number | null, style?: StyleName) =>
    cells.push({ row, col, value, ...(style ? { style } : {}) });
  const line = (row: number, text: string, style: StyleName, lastCol: number, firstCol = 0) => {
    put(row, firstCol, text, style);
    if (lastCol > firstCol) merges.push({ r0: row, c0: firstCol, r1: row, c1: lastCol });
  };
  return { cells, merges, put, line };
}

function printSetup(rs: RuleSet, lang: Lang, at: Date, titleRows: { first: number; last: number }): PrintSetup {
  return {
    orientation: "landscape",
    paper: "A4",
    fitToWidth: true,
    titleRows,
    header: {
      left: `&8${headerFooterText(rs.name)}`,
      right: `&8${headerFooterText(`${SUMMARY_TEXT[lang].time}: ${formatTime(at)}`)}`,
    },
    footer: { center: SUMMARY_TEXT[lang].page },
  };
}

/** "Tỉnh Lạng Sơn – Huyện Bình Gia", "Tỉnh Lạng Sơn – 3 huyện". */
function placeLine(r: Rollup, rs: RuleSet, lang: Lang): string {
  const T = SUMMARY_TEXT[lang];
  const districts = r.groups.filter((g) => g.district);
  const parts = rs.province ? [T.province(rs.province)] : [];
  if (districts.length === 1) parts.push(districts[0].district!);
  else if (districts.length > 1) parts.push(T.districts(districts.length));
  return parts.join(" – ");
}

/** The rule set, time and totals lines under a sheet's title (rows 1–4), merged over `lastCol`. */
function headerBlock(
  w: ReturnType<typeof sheetWriter>,
  title: string,
  r: Rollup,
  rs: RuleSet,
  lang: Lang,
  at: Date,
  lastCol: number,
): number {
  const T = SUMMARY_TEXT[lang];
  const R = ROLLUP_TEXT[lang];
  w.line(0, title, "title", lastCol);
  const place = placeLine(r, rs, lang);
  let row = 1;
  if (place) w.line(row++, place, "sign", lastCol);
  // The rule set's name and its source on two lines: one line is wider than the narrower sheets.
  w.line(row++, `${T.ruleset}: ${rs.name}`, "center", lastCol);
  w.line(row++, `(${rs.sources[0]})`, "center", lastCol);
  w.line(row++, `${T.time}: ${formatTime(at)}`, "center", lastCol);
  const evaluated = r.rows.filter((x) => !x.commune.excluded);
  const files = r.files.filter((f) => f.outcome.kind === "evaluated").length;
  const passing = rs.levels
    .filter((l) => r.levels.includes(l.id))
    .map((l) =>
      R.passing(
        evaluated.filter((x) => x.commune.levels[l.id]?.verdict === "pass").length,
        T.criterion(rs.criterion.number, l.name[lang]),
      ),
    );
  w.line(row++, [R.totals(evaluated.length, files, r.files.length - files), ...passing].join("; "), "center", lastCol);
  return row;
}

/** `Tổng hợp`: one row per commune, grouped by district, with a count row per district and for all. */
export function rollupSummarySheet(
  r: Rollup,
  rs: RuleSet,
  lang: Lang,
  at: Date,
  name: string = ROLLUP_SHEETS.summary,
): NewSheet {
  const T = SUMMARY_TEXT[lang];
  const R = ROLLUP_TEXT[lang];
  const W = SUMMARY_WIDTHS;
  const w = sheetWriter();
  const vcs = verdictCols(r, rs);
  const first = R.cols.length;
  const evidenceCol = first + vcs.length;
  const problemCol = evidenceCol + 1;
  const noteCol = problemCol + 1;
  const lastCol = noteCol;
  const widths = [W.stt, W.district, W.commune, 20, ...vcs.map(() => W.verdict), W.evidence, 9, W.note];

  const top = headerBlock(w, R.title(rs), r, rs, lang, at, lastCol);
  const h0 = top + 1;
  R.cols.forEach((label, col) => {
    w.put(h0, col, label, "header");
    w.merges.push({ r0: h0, c0: col, r1: h0 + 1, c1: col });
  });
  let col = first;
  for (const level of rs.levels.filter((l) => r.levels.includes(l.id))) {
    const start = col;
    for (const ind of level.indicators) w.put(h0 + 1, col++, ind.id, "header");
    w.put(h0 + 1, col++, "TC8", "header");
    w.put(h0, start, level.name[lang], "header");
    w.merges.push({ r0: h0, c0: start, r1: h0, c1: col - 1 });
  }
  for (const [c, label] of [
    [evidenceCol, R.evidence],
    [problemCol, R.problemCount],
    [noteCol, R.note],
  ] as const) {
    w.put(h0, c, label, "header");
    w.merges.push({ r0: h0, c0: c, r1: h0 + 1, c1: c });
  }

  // Numbers (STT) follow the printed order, so that a duplicate's note can point at its twin's.
  const order = r.groups.flatMap((g) => g.rows);
  const stt = new Map(order.map((i, n) => [i, n + 1]));
  const fileName = (i: number) => r.files[r.rows[i].file].name;
  let row = h0 + 2;
  const countRow = (label: string, rows: number[]) => {
    const evaluated = rows.filter((i) => !r.rows[i].commune.excluded);
    w.put(row, 0, label, "header");
    w.merges.push({ r0: row, c0: 0, r1: row, c1: first - 1 });
    vcs.forEach((vc, j) =>
      w.put(
        row,
        first + j,
        R.ratio(
          evaluated.filter((i) => verdictOf(r.rows[i].commune, vc.level.id, vc.ind) === "pass").length,
          evaluated.length,
        ),
        "header",
      ),
    );
    w.put(row, evidenceCol, "", "header");
    w.put(
      row,
      problemCol,
      rows.reduce((s, i) => s + r.rows[i].problems, 0),
      "header",
    );
    w.put(row, noteCol, "", "header");
    row++;
  };
  for (const g of r.groups) {
    for (const i of g.rows) {
      const x = r.rows[i];
      const c = x.commune;
      w.put(row, 0, stt.get(i)!, x.sameAs.length ? "missing" : "number");
      w.put(row, 1, c.district ?? "", "cell");
      w.put(row, 2, c.name, "cell");
      w.put(row, 3, fileName(i), "cell");
      vcs.forEach((vc, j) => {
        const v = verdictOf(c, vc.level.id, vc.ind);
        w.put(row, first + j, v ? VERDICT_TEXT[lang][v] : "—", v ?? "number");
      });
      w.put(row, evidenceCol, c.excluded ? "—" : evidenceText(c, lang, rs), "cell");
      w.put(row, problemCol, x.problems, "number");
      const notes = [
        ...(c.excluded ? [render(c.excluded, lang)] : []),
        ...(x.sameAs.length ? [R.sameAs(x.sameAs.map((j) => R.sameAsRow(fileName(j), stt.get(j)!)))] : []),
      ];
      w.put(row, noteCol, notes.join("\n"), "cell");
      row++;
    }
    countRow(
      R.groupCount(g.district ?? R.noDistrict, g.rows.filter((i) => !r.rows[i].commune.excluded).length),
      g.rows,
    );
  }
  countRow(
    R.allCount(r.rows.filter((x) => !x.commune.excluded).length, r.groups.filter((g) => g.district).length),
    order,
  );
  const twins = r.rows.filter((x) => x.sameAs.length).length;
  if (twins) w.line(row++, R.duplicatesNote(twins), "subtitle", lastCol);
  if (r.rows.some((x) => !x.commune.excluded && x.commune.areaDefaulted))
    w.line(row++, T.defaultedNote(rs.areaNames[rs.defaultArea][lang]), "subtitle", lastCol);
  const signatureLast = signatureBlock(w.cells, w.merges, row + 1, lastCol, lang);
  const sheet: NewSheet = {
    name,
    cells: w.cells,
    merges: w.merges,
    freezeRows: h0 + 2,
    columnWidths: widths,
    landscape: true,
    print: printSetup(rs, lang, at, { first: h0, last: h0 + 1 }),
    printArea: { r0: 0, c0: 0, r1: signatureLast, c1: lastCol },
  };
  sheet.rowHeights = fitRowHeights(sheet);
  return sheet;
}

/** `Theo chỉ tiêu`: per indicator and level, the communes passing, failing and lacking data, with a bar chart. */
export function rollupIndicatorsSheet(
  r: Rollup,
  rs: RuleSet,
  lang: Lang,
  at: Date,
  name: string = ROLLUP_SHEETS.indicators,
): NewSheet {
  const T = SUMMARY_TEXT[lang];
  const R = ROLLUP_TEXT[lang];
  const w = sheetWriter();
  const chartCol = 5;
  const lastCol = chartCol + 8;
  const top = headerBlock(w, R.indicatorsTitle(rs), r, rs, lang, at, lastCol);
  const h0 = top + 1;
  R.counts.forEach((h, j) => w.put(h0, j, h, "header"));
  const evaluated = r.rows.filter((x) => !x.commune.excluded);
  let row = h0 + 1;
  for (const vc of verdictCols(r, rs)) {
    w.put(
      row,
      0,
      vc.ind ? indicatorLabel(vc.level, vc.ind, lang) : T.criterion(rs.criterion.number, vc.level.name[lang]),
      vc.ind ? "cell" : "header",
    );
    VERDICTS.forEach((v, j) =>
      w.put(row, j + 1, evaluated.filter((x) => verdictOf(x.commune, vc.level.id, vc.ind) === v).length, "number"),
    );
    row++;
  }
  const countsLast = row - 1;
  const anchor = { r0: h0, c0: chartCol, r1: h0 + CHART_ROWS - 1, c1: lastCol };
  const signatureLast = signatureBlock(
    w.cells,
    w.merges,
    Math.max(countsLast, anchor.r1) + 2,
    lastCol,
    lang,
    chartCol + 2,
  );
  const sheet: NewSheet = {
    name,
    cells: w.cells,
    merges: w.merges,
    freezeRows: h0 + 1,
    columnWidths: [30, 10, 10, 10, 3, ...Array.from({ length: lastCol - chartCol + 1 }, () => 10)],
    chart: { title: T.chart, range: { r0: h0, c0: 0, r1: countsLast, c1: 3 }, anchor },
    landscape: true,
    print: printSetup(rs, lang, at, { first: h0, last: h0 }),
    printArea: { r0: 0, c0: 0, r1: signatureLast, c1: lastCol },
  };
  sheet.rowHeights = fitRowHeights(sheet);
  return sheet;
}

/**
 * A sheet of one table under the header block (`Vấn đề dữ liệu`, `Tệp`): its column headers, the
 * rows `fill` writes from `first` (it gives the row after its last), frozen under the headers and
 * printed landscape.
 */
function tableSheet(
  name: string,
  title: string,
  cols: readonly string[],
  columnWidths: number[],
  r: Rollup,
  rs: RuleSet,
  lang: Lang,
  at: Date,
  fill: (w: ReturnType<typeof sheetWriter>, first: number, lastCol: number) => number,
): NewSheet {
  const w = sheetWriter();
  const lastCol = cols.length - 1;
  const h0 = headerBlock(w, title, r, rs, lang, at, lastCol) + 1;
  cols.forEach((h, j) => w.put(h0, j, h, "header"));
  const end = fill(w, h0 + 1, lastCol);
  const sheet: NewSheet = {
    name,
    cells: w.cells,
    merges: w.merges,
    freezeRows: h0 + 1,
    columnWidths,
    landscape: true,
    print: printSetup(rs, lang, at, { first: h0, last: h0 }),
    printArea: { r0: 0, c0: 0, r1: end - 1, c1: lastCol },
  };
  sheet.rowHeights = fitRowHeights(sheet);
  return sheet;
}

/** `Vấn đề dữ liệu`: every problem of every file, with its file, commune where known, and cell. */
export function rollupProblemsSheet(
  r: Rollup,
  rs: RuleSet,
  lang: Lang,
  at: Date,
  name: string = ROLLUP_SHEETS.problems,
): NewSheet {
  const R = ROLLUP_TEXT[lang];
  return tableSheet(
    name,
    R.problemsTitle,
    R.problemCols,
    [5, 24, 16, 20, 22, 10, 80],
    r,
    rs,
    lang,
    at,
    (w, first, lastCol) => {
      let row = first;
      let n = 0;
      const add = (
        file: string,
        district: string,
        commune: string,
        cell: string,
        severity: "error" | "warning",
        text: string,
      ) => {
        w.put(row, 0, ++n, "number");
        w.put(row, 1, file, "cell");
        w.put(row, 2, district, "cell");
        w.put(row, 3, commune, "cell");
        w.put(row, 4, cell, "cell");
        w.put(row, 5, R.severity[severity], severity === "error" ? "fail" : "missing");
        w.put(row, 6, text, "cell");
        row++;
      };
      for (const p of r.problems) {
        const c = p.row !== undefined ? r.rows[p.row].commune : undefined;
        add(
          r.files[p.file].name,
          c?.district ?? "",
          c?.name ?? "",
          p.problem.cell ?? "",
          p.problem.severity,
          render(p.problem.msg, lang),
        );
      }
      // The same commune in two files, once per pair, where the first of them is.
      r.rows.forEach((x, i) => {
        if (!x.sameAs.length || x.sameAs.some((j) => j < i)) return;
        const others = x.sameAs.map(
          (j) => `${r.files[r.rows[j].file].name}${r.rows[j].commune.cell ? ` (${r.rows[j].commune.cell})` : ""}`,
        );
        add(
          r.files[x.file].name,
          x.commune.district ?? "",
          x.commune.name,
          x.commune.cell ?? "",
          "warning",
          R.sameAsProblem(x.commune.name, others),
        );
      });
      if (!n) w.line(row++, R.noProblems, "subtitle", lastCol);
      return row;
    },
  );
}

/** `Tệp`: every file read, its size, when it last changed, its rule set and what happened to it. */
export function rollupFilesSheet(
  r: Rollup,
  rs: RuleSet,
  lang: Lang,
  at: Date,
  name: string = ROLLUP_SHEETS.files,
): NewSheet {
  const R = ROLLUP_TEXT[lang];
  return tableSheet(name, R.filesTitle, R.fileCols, [5, 30, 11, 17, 16, 11, 77], r, rs, lang, at, (w, first) => {
    let row = first;
    r.files.forEach((f, i) => {
      const o = f.outcome;
      w.put(row, 0, i + 1, "number");
      w.put(row, 1, f.name, "cell");
      w.put(row, 2, f.size !== undefined ? R.size(f.size) : "", "number");
      w.put(row, 3, f.modified ? formatTime(f.modified) : "", "number");
      if (o.kind === "evaluated") {
        const id = o.evaluation.ruleset.id;
        w.put(
          row,
          4,
          `${id}${o.recordedRuleset && o.recordedRuleset !== id ? ` (${R.recorded(o.recordedRuleset)})` : ""}`,
          "cell",
        );
        w.put(row, 5, o.evaluation.communes.length, "number");
        w.put(row, 6, R.evaluated(o.evaluation.communes.length, o.evaluation.problems.length), "cell");
      } else {
        w.put(row, 4, "", "cell");
        w.put(row, 5, 0, "number");
        w.put(row, 6, o.kind === "unreadable" ? R.unreadable(o.reason) : R.noCommunes(o.reason), "cell");
      }
      row++;
    });
    return row;
  });
}

/**
 * The four sheets, under free names beside `taken` (the open workbook's sheets, in Excel): a sheet
 * of the user's is never replaced.
 */
export function rollupSheets(r: Rollup, rs: RuleSet, lang: Lang, at: Date, taken: readonly string[] = []): NewSheet[] {
  const used = [...taken];
  const free = (base: string) => {
    const n = freeSheetName(base, (x) => used.some((t) => sameSheet(t, x)));
    used.push(n);
    return n;
  };
  return [
    rollupSummarySheet(r, rs, lang, at, free(ROLLUP_SHEETS.summary)),
    rollupIndicatorsSheet(r, rs, lang, at, free(ROLLUP_SHEETS.indicators)),
    rollupProblemsSheet(r, rs, lang, at, free(ROLLUP_SHEETS.problems)),
    rollupFilesSheet(r, rs, lang, at, free(ROLLUP_SHEETS.files)),
  ];
}
