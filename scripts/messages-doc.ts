/**
 * docs/messages.md: every sentence TC8 can put in front of a reader, with example values, in
 * Vietnamese and English, so a reviewer reads them all in one place. Made from the message tables
 * themselves; test/unit/messages-doc.test.ts fails when the committed file is stale.
 *   npx tsx scripts/messages-doc.ts
 */
import fs from "node:fs";
import path from "node:path";
import { CLI_TEXT, communeLine, USAGE, USAGE_TEXT } from "../src/cli/tc8";
import { conditionLine } from "../src/core/engine/explain";
import { rational } from "../src/core/engine/ratio";
import { fieldsOf, type FieldDef } from "../src/core/fields";
import { msg, render, VERDICT_TEXT, type Msg, type Param } from "../src/core/i18n";
import type { MessageKey } from "../src/core/i18n/messages.vi";
import { VI } from "../src/core/i18n/messages.vi";
import { allConditions, conditionLabel, getRuleSet } from "../src/core/ruleset";
import type { CommuneResult, LevelResult } from "../src/core/engine/types";
import { CHECKLIST_HEADERS, STATUS_DONE, STATUS_TODO } from "../src/core/read/checklist";
import { OUTPUT_HEADERS, verdictHeadersOf } from "../src/core/read/headers";
import { EVIDENCE_TEXT, SUMMARY_TEXT } from "../src/core/plan";
import { GUIDE_SHEET, noteOf, typeText } from "../src/core/plan/template";
import { describeRefusal, describeXlsxError, XlsxError, type XlsxProblem } from "../src/hosts/xlsx/errors";
import { FILE_TEXT } from "../src/cli/files";
import { UI } from "../src/taskpane/i18n";
import { ROLLUP_SHEETS, ROLLUP_TEXT } from "../src/core/rollup";
import { ROLLUP_CLI_TEXT, ROLLUP_USAGE_TEXT } from "../src/cli/rollup";

export const OUT = path.join(__dirname, "../docs/messages.md");

const rs = getRuleSet();
const pct = (p: number) => rational(p, 100);
const ALL = rational(1, 1);
const TWO_THIRDS = rational(2, 3);
const OTHERS = { vi: "các xã còn lại", en: "other communes" };
const DTTS_HD = {
  vi: "các xã vùng đồng bào dân tộc thiểu số và miền núi, hải đảo",
  en: "communes of ethnic minority, mountainous and island areas",
};
const CELL = "'TH TC8 Bình Gia'!P11";
const noun = {
  computers: { vi: "CBCC có máy vi tính", en: "officials with a computer" },
  online: { vi: "hồ sơ giải quyết trực tuyến", en: "dossiers handled online" },
  smartphone: {
    vi: "người trong độ tuổi lao động có thuê bao ĐTTM",
    en: "working-age people with a smartphone subscription",
  },
  internet: { vi: "thôn, bản có dịch vụ Internet", en: "villages with broadband Internet" },
  loa: { vi: "thôn, bản có hệ thống loa hoạt động", en: "villages with an operating loudspeaker system" },
};
const hoursFail = msg("atLeast.fail", { field: "hours_per_day", value: 3, min: 4 });
const duplicate = msg("problem.duplicateCommune", { name: "Xã Tân Thành", count: 2, cells: ["'Xã'!B5", "'Xã'!B9"] });

/** One or more sets of example values per message; the compiler requires every key. */
export const EXAMPLES: Record<MessageKey, Record<string, Param>[]> = {
  "flag.yes": [{ field: "radio_station" }, { field: "website", value: "https://hoavanthu.langson.gov.vn" }],
  "flag.no": [{ field: "sw_qlvb" }, { field: "sign" }],
  "fact.blank": [{ field: "website_posts_year", cell: CELL }],
  "fact.absent": [{ field: "address_plates" }],
  "fact.invalid": [
    {
      field: "officials_with_computer",
      cell: "'TH TC8 Bình Gia'!I17",
      reason: msg("value.error", { value: "#DIV/0!" }),
    },
  ],
  "atLeast.pass": [{ field: "hours_per_day", value: 8, min: 4 }],
  "atLeast.fail": [{ field: "radio_news_per_week", value: 2, min: 3 }],
  "ratio.pass": [{ part: 520, whole: 1000, noun: noun.online, threshold: pct(30) }],
  "ratio.fail": [
    { part: 9, whole: 20, noun: noun.computers, threshold: pct(50) },
    { part: 1500, whole: 2000, noun: noun.smartphone, threshold: pct(80), area: OTHERS },
  ],
  "ratio.per": [
    {
      part: 25,
      whole: 20,
      noun: { vi: "máy vi tính", en: "computers" },
      wholeNoun: { vi: "CBCC", en: "officials" },
      threshold: pct(50),
      verdict: "pass",
    },
  ],
  "rate.pass": [{ field: "dossiers_online_rate", rate: pct(52), threshold: pct(30) }],
  "rate.fail": [{ field: "smartphone_rate", rate: pct(45), threshold: pct(50), area: DTTS_HD }],
  "ratio.zeroWhole": [{ field: "officials", cell: "'Xã'!I5" }],
  "ratio.partAboveWhole": [
    {
      part: "officials_trained",
      partValue: 12,
      partCell: "'Xã'!Z5",
      whole: "officials",
      wholeValue: 10,
      wholeCell: "'Xã'!I5",
    },
  ],
  "ratio.nothingToCount": [
    {
      says: {
        vi: "xã không có sản phẩm OCOP nào nên không có sản phẩm phải đưa lên sàn thương mại điện tử",
        en: "the commune has no OCOP product, so none has to be on an e-commerce platform",
      },
      noun: { vi: "sản phẩm OCOP trên sàn TMĐT", en: "OCOP products on e-commerce platforms" },
    },
  ],
  "villages.result": [
    { count: 7, total: 8, noun: noun.internet, threshold: ALL, verdict: "fail", lacking: ["Bản Cạp"] },
    { count: 6, total: 9, noun: noun.loa, threshold: TWO_THIRDS, verdict: "pass" },
  ],
  "villages.undecided": [
    { count: 5, total: 9, noun: noun.loa, unknownCount: 2, unknown: ["Nà Rị", "Bản Nhàn"], threshold: TWO_THIRDS },
  ],
  "villages.none": [{}],
  "villages.zeroTotal": [{ cell: "'Xã'!AS5" }],
  "villages.byCounts": [
    {
      msg: msg("villages.result", { count: 10, total: 10, noun: noun.loa, threshold: TWO_THIRDS, verdict: "pass" }),
      field: "villages_loudspeaker",
    },
  ],
  "villages.untracked": [{ fields: ["loudspeaker"], field: "villages_loudspeaker" }],
  "villages.countAboveList": [{ field: "villages_loudspeaker", value: 12, cell: "'Xã'!AT5", total: 10 }],
  all: [
    {
      parts: [
        msg("flag.yes", { field: "website", value: "https://binhla.langson.gov.vn" }),
        msg("atLeast.fail", { field: "website_posts_year", value: 30, min: 36 }),
      ],
    },
  ],
  "village.has": [{ fields: ["internet_mobile"] }],
  "village.lacks": [{ fields: ["internet_mobile"] }, { fields: ["internet_fixed", "internet_mobile"] }],
  "entity.ok": [{}],
  "postal.noData": [{}],
  "postal.none": [{}],
  "postal.at": [{ point: "Điểm BĐVHX Hưng Đạo", msg: hoursFail }],
  "postal.any.pass": [{ point: "Bưu cục Bình Gia" }],
  "postal.any.fail": [
    { point: "Điểm BĐVHX Hưng Đạo", lacking: [hoursFail, msg("flag.no", { field: "online_service_support" })] },
  ],
  "postal.any.missing": [
    { point: "Điểm BĐVHX Hưng Đạo", lacking: [msg("fact.blank", { field: "hours_per_day", cell: "'Điểm BĐVHX'!F7" })] },
  ],
  withArea: [
    {
      msg: msg("ratio.pass", { part: 1200, whole: 2000, noun: noun.smartphone, threshold: pct(50), area: DTTS_HD }),
      area: "mien_nui",
      areaName: { vi: "miền núi", en: "mountainous" },
    },
  ],
  "area.invalid": [{ cell: "'Xã'!D5" }],
  "prereq.pass": [{ criterion: "TC8 NTM" }],
  "prereq.notPass": [{ criterion: "TC8 NTM", verdict: "fail", level: { vi: "NTM nâng cao", en: "Advanced NTM" } }],
  "info.value": [
    { field: "satisfaction_survey", value: true },
    { field: "wifi_other_places", value: 3 },
  ],
  "info.blank": [{ field: "satisfaction_survey" }],
  "commune.excluded": [{ reason: duplicate }],
  "area.defaulted": [{ area: "mien_nui", areaName: { vi: "miền núi", en: "mountainous" } }],
  "value.error": [{ value: "#DIV/0!" }],
  "value.notYesNo": [{ value: "đang triển khai" }],
  "value.notNumber": [{ value: "nhiều" }],
  "value.negative": [{ value: -5 }],
  "value.notWhole": [{ value: 2.5 }],
  "value.rateRange": [{ value: "120%" }],
  "value.notArea": [
    {
      value: "Trung du",
      labels: ["Miền núi", "Đồng bằng"],
      names: [
        { vi: "miền núi", en: "mountainous" },
        { vi: "đồng bằng", en: "lowland" },
      ],
    },
  ],
  "value.date": [{}],
  "value.uncalculated": [{}],
  "value.hoursAboveDay": [{ value: 26 }],
  "problem.cell": [
    { field: "officials", reason: msg("value.error", { value: "#DIV/0!" }) },
    { field: "sw_email", reason: msg("value.notYesNo", { value: "đang triển khai" }) },
  ],
  "problem.duplicateCommune": [{ name: "Xã Tân Thành", count: 2, cells: ["'Xã'!B5", "'Xã'!B9"] }],
  "problem.unknownCommuneVillage": [{ name: "Thôn 9", commune: "Xã Tân Văn" }],
  "problem.blankDistrictVillage": [
    { name: "Thôn Nà Lầu", commune: "Xã An Lạc", districts: ["Huyện Bình Gia", "Huyện Văn Quan"] },
  ],
  "problem.blankDistrictPostal": [
    { name: "Điểm BĐVHX An Lạc", commune: "Xã An Lạc", districts: ["Huyện Bình Gia", "Huyện Văn Quan"] },
  ],
  "problem.unclearStatus": [{ text: "Đã nộp bản photo" }],
  "problem.blankCommuneVillage": [{ name: "Thôn 9" }],
  "problem.blankCommunePostal": [{ name: "Điểm BĐVHX Tân Văn" }],
  "problem.unknownCommunePostal": [{ name: "Điểm BĐVHX Tân Văn", commune: "Xã Tân Văn" }],
  "problem.ambiguousCommuneVillage": [
    { name: "Thôn 1", commune: "Tân Thành", districts: ["Huyện Bình Gia", "Huyện Hữu Lũng"] },
  ],
  "problem.ambiguousCommunePostal": [
    { name: "Điểm BĐVHX Tân Thành", commune: "Tân Thành", districts: ["Huyện Bình Gia", "Huyện Hữu Lũng"] },
  ],
  "problem.ambiguousSheet": [
    { table: "Thôn - Tân Thành", commune: "Xã Tân Thành", districts: ["Huyện Bình Gia", "Huyện Hữu Lũng"] },
  ],
  "problem.noCommuneColumn": [{ table: "Thôn" }],
  "problem.villageCountMismatch": [{ field: "villages_total", given: 5, counted: 3 }],
  "problem.emptyName": [
    { row: 7, what: { vi: "xã", en: "commune" } },
    { row: 12, what: { vi: "thôn, bản", en: "village" } },
  ],
  "problem.noCommunesTable": [{}],
  "problem.noCommunes": [{ sheet: "Danh sách xã" }],
  "problem.emptyWorkbook": [{}],
  "problem.subscriptionsNotPeople": [
    {
      header: "Số thuê bao ĐTTM",
      use: "smartphone_users",
      why: {
        vi: "đếm số thuê bao, không phải số người: chỉ tiêu 8.2 NTM nâng cao tính tỷ lệ dân số trong độ tuổi lao động có thuê bao sử dụng điện thoại thông minh (một người có thể có nhiều thuê bao), nên TC8 không dùng cột này",
        en: "counts subscriptions, not people: indicator 8.2 of advanced NTM is the share of working-age people with a smartphone subscription (one person may have several), so TC8 does not use this column",
      },
    },
  ],
  "problem.minMonthAboveYear": [
    {
      month: 5,
      atLeast: 60,
      year: 36,
      yearCell: "'Xã'!P5",
      monthField: "website_posts_min_month",
      yearField: "website_posts_year",
    },
  ],
  "ruleset.json": [{ reason: 'expected "," or "}"' }],
  "ruleset.schema": [{ reason: "must NOT have additional properties: treshold" }],
  "ruleset.extendsUnknown": [{ id: "langson-2021" }],
  "ruleset.extendsLoop": [{ id: "caobang-2023" }],
  "ruleset.extendsInvalid": [{ id: "langson-2022" }],
  "ruleset.noSuchCondition": [{ id: "8.4.a.may_tinhh" }],
  "ruleset.noThreshold": [{ id: "8.3.a.dai" }],
  "ruleset.newFieldIncomplete": [{ key: "tablets" }],
  "ruleset.duplicateArea": [{ id: "mien_nui" }],
  "ruleset.unknownArea": [{ id: "trung_du", known: ["mien_nui", "dong_bang"] }],
  "ruleset.areaMissing": [{ id: "dong_bang" }],
  "ruleset.duplicateField": [{ key: "officials" }],
  "ruleset.undeclaredField": [{ key: "tablets" }],
  "ruleset.duplicateLevel": [{ id: "nc" }],
  "ruleset.unknownLevel": [{ id: "ntm" }],
  "ruleset.duplicateCondition": [{ id: "8.4.a.may_tinh" }],
  "ruleset.unknownKind": [
    { kind: "ratioo", known: ["flag", "atLeast", "ratio", "villages", "all", "postalAny", "info"] },
  ],
  "ruleset.badThreshold": [{ value: "năm mươi phần trăm" }],
  "ruleset.thresholdAbove100": [{ value: "120%" }],
  "ruleset.unknownInWorkbook": [{ id: "caobang-2023", known: ["langson-2022"] }],
  "problem.cellTaken": [{}],
  "problem.columnsOutsideTable": [{ table: "BangXa" }],
  "problem.sheetTaken": [{ sheet: "tổng hợp tc8", used: "Tổng hợp TC8 (2)" }],
  "problem.checklistUnreadable": [{ sheet: "Minh chứng TC8", columns: ["Cấp"] }],
  "problem.checklistKept": [{ sheet: "Minh chứng TC8", communes: ["Xã Tân Thành", "Xã Hồng Phong"] }],
  "problem.checklistNoRoom": [{ sheet: "Minh chứng TC8", count: 23 }],
  "problem.keptOnClear": [{ header: "Giải thích TC8", count: 2 }],
  "problem.noRoom": [{ count: 13 }],
};

/**
 * Arguments for the texts that are functions, by their place ("cli.problems"); a new function text
 * needs one here. `{ vi, en }` where the example differs by language.
 */
const ARGS: Record<string, unknown[] | { vi: unknown[]; en: unknown[] }> = {
  "cli.cannotRead": {
    vi: ["so-lieu.xlsx", "không phải tệp Excel .xlsx"],
    en: ["so-lieu.xlsx", "not an Excel .xlsx file"],
  },
  "cli.cannotEvaluate": {
    vi: ["mau.xlsx", render(msg("problem.noCommunes", { sheet: "Danh sách xã" }), "vi")],
    en: ["mau.xlsx", render(msg("problem.noCommunes", { sheet: "Danh sách xã" }), "en")],
  },
  "cli.problems": [3],
  "cli.written": ["so-lieu.tc8.xlsx"],
  "cli.json": ["ket-qua.json"],
  "cli.refused": {
    vi: ["so-lieu.xlsx", 'sheet "Xã" đang được bảo vệ (Protect Sheet): TC8 không ghi gì'],
    en: ["so-lieu.xlsx", 'sheet "Xã" is protected (Protect Sheet): TC8 wrote nothing'],
  },
  "cli.extension": [".xlsm", ".xlsx"],
  "cli.template": ["mau.xlsx"],
  "cli.at": { vi: ["I5 của sheet Xã"], en: ["I5 of sheet Xã"] },
  "cli.prerequisite": ["TC8 NTM"],
  "cli.indicators": [["8.4"]],
  "cli.failing": [["8.2", "8.4"]],
  "cli.missing": [["8.5"]],
  "usage.missingValue": ["-o"],
  "usage.unknownOption": ["--bogus"],
  "usage.unexpected": ["b.xlsx"],
  "usage.level": ["xyz", ["ntm", "nc"]],
  "usage.templateExtension": ["mau.csv"],
  "usage.lang": ["fr"],
  "usage.unknownCommand": ["frobnicate"],
  "ui.selectCell": { vi: ["I5 của sheet Xã"], en: ["I5 of sheet Xã"] },
  "ui.at": { vi: ["I5 của sheet Xã"], en: ["I5 of sheet Xã"] },
  "ui.templateDone": ["Danh sách xã, Thôn, bản, Điểm phục vụ bưu chính, Hướng dẫn nhập liệu"],
  "ui.refusedSheet": ["Xã"],
  "ui.error": { vi: ["không mở được sổ tính"], en: ["the workbook could not be opened"] },
  "ui.rollup.picked": [3],
  "ui.rollup.running": [2, 12],
  "ui.rollup.doneExcel": [Object.values(ROLLUP_SHEETS).join(", ")],
  "rollup.totals": [33, 5, 2],
  "rollup.passing": { vi: [16, "Tiêu chí số 8 (NTM)"], en: [16, "criterion 8 (NTM)"] },
  "rollup.groupCount": [`Huyện Bình Gia`, 12],
  "rollup.allCount": [33, 3],
  "rollup.ratio": [6, 12],
  "rollup.sameAs": { vi: [["tệp xa-hong-phong.xlsx (STT 14)"]], en: [["file xa-hong-phong.xlsx (No. 14)"]] },
  "rollup.sameAsRow": ["xa-hong-phong.xlsx", 14],
  "rollup.sameAsProblem": ["Xã Hồng Phong", ["xa-hong-phong.xlsx ('Danh sách xã'!B2)"]],
  "rollup.duplicatesNote": [2],
  "rollup.evaluated": [12, 1],
  "rollup.unreadable": {
    vi: ["tệp bị hỏng, không giải nén được. Hãy mở bằng Excel để sửa rồi lưu lại dạng .xlsx"],
    en: ["the file is damaged and cannot be unpacked. Open it in Excel to repair it and save it as .xlsx"],
  },
  "rollup.noCommunes": {
    vi: [render(msg("problem.noCommunes", { sheet: "Danh sách xã" }), "vi")],
    en: [render(msg("problem.noCommunes", { sheet: "Danh sách xã" }), "en")],
  },
  "rollup.recorded": ["langson-2022"],
  "rollup.progress": { vi: [3, 12, "xa-a.xlsx", "1 xã"], en: [3, 12, "xa-a.xlsx", "1 commune"] },
  "rollup.progressCommunes": [12, 1],
  "rollup.size": [50_432],
  "rollupCli.done": [33, 5, 2],
  "rollupCli.none": [2],
  "rollupCli.noFiles": ["huyen/"],
  "rollupCli.sameCommunes": [2],
  "rollupUsage.outputExtension": ["tong-hop.xlsm"],
  "ui.levelsAll": { vi: [["NTM", "NTM nâng cao"]], en: [["NTM", "Advanced NTM"]] },
  "ui.levelOne": { vi: ["NTM nâng cao"], en: ["Advanced NTM"] },
  "ui.rulesetOfWorkbook": [
    "Tiêu chí số 8 – Thông tin và Truyền thông, xã NTM và xã NTM nâng cao, tỉnh Lạng Sơn, giai đoạn 2021–2025",
  ],
  "ui.rulesetOpened": ["Tiêu chí số 8 – biến thể tỉnh mẫu"],
  "ui.rulesetInvalid": [
    "bo-tieu-chi.json",
    "/levels/0/indicators/3/conditions/0/check/threshold (15:20): ngưỡng 120% trên 100%",
  ],
  "summary.totals": {
    vi: [
      12,
      [
        { passing: 5, name: "NTM" },
        { passing: 2, name: "NTM nâng cao" },
      ],
      "8",
    ],
    en: [
      12,
      [
        { passing: 5, name: "NTM" },
        { passing: 2, name: "Advanced NTM" },
      ],
      "8",
    ],
  },
  "summary.title": [rs],
  "rollup.title": [rs],
  "rollup.indicatorsTitle": [rs],
  "ui.subtitle": {
    vi: ["Thông tin và Truyền thông", "Lạng Sơn", "2022"],
    en: ["Information and Communications", "Lạng Sơn", "2022"],
  },
  "summary.province": ["Lạng Sơn"],
  "summary.districts": [3],
  "summary.defaultedNote": { vi: ["miền núi"], en: ["mountainous"] },
  "summary.criterion": { vi: ["8", "NTM nâng cao"], en: ["8", "Advanced NTM"] },
  "evidence.vi": [["7/12 tài liệu NTM", "0/11 tài liệu NTM nâng cao"]],
  "evidence.en": [["7/12 NTM documents", "0/11 Advanced NTM documents"]],
};

const cellText = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, "<br>");

/** A text of a table of words: a string as it is, a function called with its example arguments. */
function said(place: string, v: unknown, lang: "vi" | "en" = "vi"): string {
  if (typeof v === "string") return v;
  if (typeof v === "function") {
    const a = ARGS[place];
    if (!a)
      throw new Error(
        `docs/messages.md: no example arguments for ${place} (add them to ARGS in scripts/messages-doc.ts)`,
      );
    return String((v as (...a: unknown[]) => unknown)(...(Array.isArray(a) ? a : a[lang])));
  }
  if (Array.isArray(v)) return v.join(" · ");
  throw new Error(`docs/messages.md: cannot show ${place}`);
}

/** Rows of a table of words in both languages, by path ("stages.reading"). */
function pairs(prefix: string, vi: Record<string, unknown>, en: Record<string, unknown>, at = ""): string[] {
  return Object.keys(vi).flatMap((k) => {
    const p = at ? `${at}.${k}` : k;
    const a = vi[k];
    const b = en[k];
    if (a && typeof a === "object" && !Array.isArray(a))
      return pairs(prefix, a as Record<string, unknown>, b as Record<string, unknown>, p);
    return [
      `| \`${p}\` | ${cellText(said(`${prefix}.${p}`, a, "vi"))} | ${cellText(said(`${prefix}.${p}`, b, "en"))} |`,
    ];
  });
}

const TABLE = ["| | Tiếng Việt | English |", "|---|---|---|"];

export function messagesDoc(): string {
  const out: string[] = [];
  const line = (s = "") => out.push(s);
  const both = (m: Msg) => [render(m, "vi"), render(m, "en")] as const;

  line("# Những câu TC8 nói — What TC8 says");
  line();
  line("Every sentence TC8 can put in front of a reader, with example values, in Vietnamese and English:");
  line("the explanations and notes it writes into the workbook, the summary and checklist sheets, the input");
  line("template, the task pane and the command line. Generated from the message tables by");
  line("`npx tsx scripts/messages-doc.ts`; `test/unit/messages-doc.test.ts` fails when this file is stale, so");
  line("change the tables, not this file. Legal texts (the guidance's words) stay Vietnamese in both languages.");
  line();

  line("## 1. Điều kiện — Conditions");
  line();
  line("A person reads a condition by its number in the guidance and a short name (the first two columns);");
  line("its id is only in the results JSON and TC8's hidden state. The third column is the guidance's text,");
  line("with its definitions, word for word (two typos corrected, see `docs/DECISIONS.md`).");
  line();
  line("| Tiếng Việt | English | Hướng dẫn (Sở TTTT Lạng Sơn, 9/2022) | id |");
  line("|---|---|---|---|");
  for (const { condition } of allConditions(rs))
    line(
      `| ${cellText(conditionLabel(rs, condition.id, "vi"))} | ${cellText(conditionLabel(rs, condition.id, "en"))} | ${cellText(condition.text)} | \`${condition.id}\` |`,
    );
  line();
  line(
    "A line of `Giải thích TC8` (and of a cell's note, `Ghi chú TC8`, the task pane) is the condition's name, then its message:",
  );
  line();
  for (const [id, m] of [
    ["8.4.a.may_tinh", msg("ratio.fail", EXAMPLES["ratio.fail"][0])],
    ["8.2.nc.dttm", msg("withArea", EXAMPLES.withArea[0])],
    ["8.1.a.gio_mo_cua", msg("postal.at", EXAMPLES["postal.at"][0])],
  ] as const) {
    const [vi, en] = both(m);
    line(`- ${conditionLine(id, vi, "vi", rs)}`);
    line(`- ${conditionLine(id, en, "en", rs)}`);
  }
  line();

  line("## 2. Thông điệp — Messages (`src/core/i18n`)");
  line();
  line("A condition's message follows its name, so it starts in lower case. A reading problem (`value.*`)");
  line("follows a column's name or a cell (`problem.cell`, `fact.invalid`).");
  line();
  line("| Khóa | Tiếng Việt | English |");
  line("|---|---|---|");
  for (const key of Object.keys(VI) as MessageKey[])
    for (const params of EXAMPLES[key]) {
      const [vi, en] = both(msg(key, params));
      line(`| \`${key}\` | ${cellText(vi)} | ${cellText(en)} |`);
    }
  line();

  line("## 3. Cột — Columns");
  line();
  line("The headers TC8 recognises (the template's, in Vietnamese in both languages), their English label,");
  line("and what to enter: the template's header note, input message and guide sheet say this.");
  line();
  line("| Bảng | Tiêu đề cột | English | Nhập | Cách nhập |");
  line("|---|---|---|---|---|");
  const seen = new Set<string>();
  const ls = getRuleSet("langson-2022");
  const byKind = fieldsOf(ls);
  for (const [table, fields] of [
    ["Danh sách xã", byKind.communes],
    ["Thôn, bản", byKind.villages],
    ["Điểm phục vụ bưu chính", byKind.postal],
  ] as [string, readonly FieldDef[]][])
    for (const f of fields) {
      if (seen.has(`${table}|${f.key}`)) continue;
      seen.add(`${table}|${f.key}`);
      line(
        `| ${table} | ${cellText(f.header)} | ${cellText(f.label.en)} | ${typeText(f)} | ${cellText(noteOf(f) ?? "")} |`,
      );
    }
  line();

  line("## 4. Trong sổ tính — In the workbook");
  line();
  line(
    `Verdicts: ${(["pass", "fail", "missing"] as const).map((v) => `${VERDICT_TEXT.vi[v]} / ${VERDICT_TEXT.en[v]}`).join("; ")}.`,
  );
  line(
    `Column headers (the same in both languages): ${[...getRuleSet("langson-2022").levels.flatMap(verdictHeadersOf), OUTPUT_HEADERS.evidence, OUTPUT_HEADERS.explanation, OUTPUT_HEADERS.note].map((h) => `\`${h}\``).join(", ")}.`,
  );
  line(
    `Checklist (\`Minh chứng TC8\`) headers: ${CHECKLIST_HEADERS.map((h) => `\`${h}\``).join(", ")}; statuses \`${STATUS_DONE}\` / \`${STATUS_TODO}\`.`,
  );
  line(`The input template's guide sheet: \`${GUIDE_SHEET}\`.`);
  line();
  out.push(...TABLE);
  out.push(
    `| \`Minh chứng TC8\` | ${said("evidence.vi", EVIDENCE_TEXT.vi)} | ${said("evidence.en", EVIDENCE_TEXT.en)} |`,
  );
  out.push(
    ...pairs(
      "summary",
      SUMMARY_TEXT.vi as unknown as Record<string, unknown>,
      SUMMARY_TEXT.en as unknown as Record<string, unknown>,
    ).map((r) => r.replace(/^\| `/, "| `Tổng hợp TC8: ")),
  );
  line();

  line("## 5. Dòng lệnh — The command line (`tc8`)");
  line();
  line("```");
  line(USAGE);
  line("```");
  line();
  out.push(...TABLE);
  out.push(...pairs("cli", CLI_TEXT.vi, CLI_TEXT.en));
  line();
  line(
    "A commune's line, and usage errors (said in both languages at once, since the language option may be what is wrong):",
  );
  line();
  const level = (
    id: "ntm" | "nc",
    verdict: "pass" | "fail" | "missing",
    indicators: Record<string, "pass" | "fail" | "missing">,
    prereq?: "fail",
  ): LevelResult => ({
    level: id,
    verdict,
    prerequisites: prereq ? [{ id: "tc8.ntm", verdict: prereq, msg: msg("prereq.pass") }] : [],
    indicators: Object.entries(indicators).map(([ind, v]) => ({ id: ind, verdict: v, conditions: [] })),
    evidence: { done: 0, total: 12 },
  });
  const commune: CommuneResult = {
    name: "Xã Hồng Phong",
    area: "mien_nui",
    areaDefaulted: false,
    levels: {
      ntm: level("ntm", "fail", { "8.1": "pass", "8.2": "missing", "8.3": "pass", "8.4": "fail" }),
      nc: level("nc", "fail", { "8.1": "pass", "8.2": "pass", "8.3": "pass", "8.4": "pass", "8.5": "pass" }, "fail"),
    },
  };
  for (const lang of ["vi", "en"] as const) line(`- ${communeLine(commune, getRuleSet("langson-2022"), lang)}`);
  for (const [k, v] of Object.entries(USAGE_TEXT)) line(`- \`${k}\`: tc8: ${said(`usage.${k}`, v)}`);
  line();

  line("## 6. Ngăn tác vụ — The task pane");
  line();
  out.push(...TABLE);
  out.push(...pairs("ui", UI.vi as unknown as Record<string, unknown>, UI.en as unknown as Record<string, unknown>));
  line();

  line("## 7. Tệp không đọc được, bảo vệ, tệp kết quả — Unreadable files, protections, output files");
  line();
  line("Each reason follows `cli.cannotRead` (or `cli.refused`); the output-file lines stand alone (exit 2).");
  line();
  out.push(...TABLE);
  const problems: XlsxProblem[] = [
    "encrypted",
    "damaged",
    "xls",
    "ods",
    "csv",
    "notWorkbook",
    "empty",
    "notXlsx",
    "malformed",
  ];
  for (const p of problems) {
    const e = new XlsxError(p, p === "malformed" || p === "damaged" ? { part: "xl/worksheets/sheet1.xml" } : {});
    out.push(`| \`xlsx.${p}\` | ${describeXlsxError(e, "vi")} | ${describeXlsxError(e, "en")} |`);
  }
  for (const r of [{ reason: "sheetProtected", sheet: "Xã" }, { reason: "workbookProtected" }] as const)
    out.push(`| \`refusal.${r.reason}\` | ${describeRefusal(r, "vi")} | ${describeRefusal(r, "en")} |`);
  const example: Record<string, string> = {
    sameAsInput: "lien-ket.xlsx",
    sameAsOther: "kq.xlsx",
    exists: "so-lieu.tc8.xlsx",
    isFolder: "ket-qua",
    noFolder: "/tmp/khong-co",
    notFolder: "so-lieu.xlsx",
    noPermission: "/srv/chung",
    notWritable: "/proc",
    cannotWrite: "kq.xlsx",
  };
  for (const k of Object.keys(FILE_TEXT.vi) as (keyof typeof FILE_TEXT.vi)[]) {
    const args = k === "cannotWrite" ? [example[k], "EIO"] : [example[k]];
    const say = (lang: "vi" | "en") => (FILE_TEXT[lang][k] as (...a: string[]) => string)(...args);
    out.push(`| \`file.${k}\` | ${say("vi")} | ${say("en")} |`);
  }
  line();

  line("## 8. Tổng hợp nhiều tệp — The roll-up (`tc8 rollup`, Tổng hợp nhiều tệp)");
  line();
  line(
    `The roll-up workbook's sheets (the same names in both languages): ${Object.values(ROLLUP_SHEETS)
      .map((n) => `\`${n}\``)
      .join(", ")}. Its column headers, counts table, chart title and signature block are the summary's (§4).`,
  );
  line();
  out.push(...TABLE);
  out.push(
    ...pairs(
      "rollup",
      ROLLUP_TEXT.vi as unknown as Record<string, unknown>,
      ROLLUP_TEXT.en as unknown as Record<string, unknown>,
    ),
  );
  out.push(
    ...pairs("rollupCli", ROLLUP_CLI_TEXT.vi, ROLLUP_CLI_TEXT.en).map((r) => r.replace(/^\| `/, "| `tc8 rollup: ")),
  );
  line();
  line("Usage errors of `tc8 rollup` (both languages at once):");
  line();
  for (const [k, v] of Object.entries(ROLLUP_USAGE_TEXT)) line(`- \`${k}\`: tc8: ${said(`rollupUsage.${k}`, v)}`);
  line();
  return out.join("\n");
}

if (require.main === module) {
  fs.writeFileSync(OUT, messagesDoc());
  console.log(`written ${path.relative(process.cwd(), OUT)}`);
}
