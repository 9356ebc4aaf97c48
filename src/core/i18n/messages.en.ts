/** English messages: every key of messages.vi.ts, so neither language can fall behind. */
import type { Template } from "./format";
import type { MessageKey } from "./messages.vi";

const cmp = (ok: boolean) => (ok ? "≥" : "<");

export const EN: Record<MessageKey, Template> = {
  "flag.yes": (p, f) => `${f.field(p.field)}: yes${p.value ? ` (${f.text(p.value)})` : ""}`,
  "flag.no": (p, f) => `${f.field(p.field)}: no (required: yes)`,
  "fact.blank": (p, f) => `${f.field(p.field)}: cell ${f.text(p.cell)} is blank`,
  "fact.absent": (p, f) => `${f.field(p.field)}: the workbook has no column for it`,
  "fact.invalid": (p, f) => `${f.field(p.field)}: cell ${f.text(p.cell)} cannot be used (${f.msg(p.reason)})`,
  "atLeast.pass": (p, f) => `${f.field(p.field)}: ${f.num(p.value)} ≥ ${f.num(p.min)}`,
  "atLeast.fail": (p, f) => `${f.field(p.field)}: ${f.num(p.value)} < ${f.num(p.min)}`,
  "ratio.pass": (p, f) => `${f.num(p.part)}/${f.num(p.whole)} ${f.text(p.nounEn)} = ${f.pct(p.part, p.whole)} ${cmp(true)} ${f.threshold(p.threshold)}`,
  "ratio.fail": (p, f) => `${f.num(p.part)}/${f.num(p.whole)} ${f.text(p.nounEn)} = ${f.pct(p.part, p.whole)} ${cmp(false)} ${f.threshold(p.threshold)}`,
  "rate.pass": (p, f) => `${f.field(p.field)}: ${f.rate(p.rate)} ${cmp(true)} ${f.threshold(p.threshold)}`,
  "rate.fail": (p, f) => `${f.field(p.field)}: ${f.rate(p.rate)} ${cmp(false)} ${f.threshold(p.threshold)}`,
  "ratio.zeroWhole": (p, f) => `${f.field(p.field)} is 0 (cell ${f.text(p.cell)}): the ratio cannot be computed`,
  "ratio.partAboveWhole": (p, f) =>
    `${f.field(p.part)} (${f.num(p.partValue)}, cell ${f.text(p.partCell)}) is more than ${f.field(p.whole)} (${f.num(p.wholeValue)}, cell ${f.text(p.wholeCell)})`,
  "ocop.none": () => "The commune has no OCOP product: nothing has to be on an e-commerce platform, so the condition is met",
  "villages.result": (p, f) =>
    `${f.num(p.count)}/${f.num(p.total)} ${f.text(p.nounEn)} = ${f.pct(p.count, p.total)} ${cmp(p.verdict === "pass")} ${f.threshold(p.threshold)}` +
    (Array.isArray(p.lacking) && p.lacking.length ? `; lacking: ${f.list(p.lacking)}` : "") +
    (Array.isArray(p.unknown) && p.unknown.length ? `; no data: ${f.list(p.unknown)}` : ""),
  "villages.undecided": (p, f) =>
    `${f.num(p.count)}/${f.num(p.total)} ${f.text(p.nounEn)}, ${f.num(p.unknownCount)} villages without data (${f.list(p.unknown)}); required ${f.threshold(p.threshold)}`,
  "villages.none": () => "Neither a village list nor the number of villages of the commune is given",
  "villages.zeroTotal": (p, f) => `The number of villages is 0 (cell ${f.text(p.cell)})`,
  all: (p, f) => (Array.isArray(p.parts) ? p.parts.map((m) => f.msg(m)).join("; ") : ""),
  "village.has": (p, f) => `has ${Array.isArray(p.fields) ? p.fields.map((k) => f.field(k)).join(" / ") : ""}`,
  "village.lacks": (p, f) => `lacks ${Array.isArray(p.fields) ? p.fields.map((k) => f.field(k)).join(", ") : ""}`,
  "entity.ok": () => "Nothing lacking",
  "postal.noData": () => "No postal service point data",
  "postal.none": () => "The commune has no postal service point in the postal points table",
  "postal.at": (p, f) => `${f.text(p.point)}: ${f.msg(p.msg)}`,
  "postal.any.pass": (p, f) => `${f.text(p.point)} meets every condition`,
  "postal.any.fail": (p, f) => `No postal point meets every condition; the closest is ${f.text(p.point)}: ${f.list(p.lacking, 20)}`,
  "postal.any.missing": (p, f) => `Not enough data to decide; ${f.text(p.point)}: ${f.list(p.lacking, 20)}`,
  withArea: (p, f) => `${f.msg(p.msg)} (${f.area(p.area)} area${p.defaulted ? ", the default as no area is given" : ""}: required ${f.threshold(p.threshold)})`,
  "area.invalid": (p, f) => `The commune's area cannot be read (cell ${f.text(p.cell)}): the threshold is unknown`,
  "prereq.pass": (p, f) => `${f.text(p.criterion)}: Pass`,
  "prereq.notPass": (p, f) => `The commune must first meet ${f.text(p.criterion)} (${f.text(p.criterion)}: ${f.verdict(p.verdict)})`,
  "info.value": (p, f) => `${f.field(p.field)}: ${f.text(p.value)} (information only, not part of the verdict)`,
  "info.blank": (p, f) => `${f.field(p.field)}: no data (information only, not part of the verdict)`,
  "commune.excluded": (p, f) => `Not evaluated: ${f.msg(p.reason)}`,
  "area.defaulted": (p, f) => `No area given: the default, ${f.area(p.area)}, is used`,

  "value.error": (p, f) => `the cell holds the error ${f.text(p.value)}`,
  "value.notYesNo": (p, f) => `"${f.text(p.value)}" is not yes or no`,
  "value.notNumber": (p, f) => `"${f.text(p.value)}" is not a number`,
  "value.negative": (p, f) => `negative number (${f.num(p.value)})`,
  "value.notWhole": (p, f) => `must be a whole number (${f.num(p.value)})`,
  "value.rateRange": (p, f) => `a rate must be between 0 and 100% (${f.text(p.value)})`,
  "value.notArea": (p, f) => `"${f.text(p.value)}" is neither mountainous (Miền núi) nor lowland (Đồng bằng)`,
  "value.date": () => "the cell holds a date, not a number",
  "problem.cell": (p, f) => `${f.field(p.field)}: ${f.msg(p.reason)}`,
  "problem.duplicateCommune": (p, f) => `Commune "${f.text(p.name)}" has ${f.num(p.count)} rows (${f.list(p.cells)}): it is not evaluated`,
  "problem.unknownCommuneVillage": (p, f) => `Village "${f.text(p.name)}" of commune "${f.text(p.commune)}" is not in the communes table`,
  "problem.unknownCommunePostal": (p, f) => `Postal point "${f.text(p.name)}" of commune "${f.text(p.commune)}" is not in the communes table`,
  "problem.noCommuneColumn": (p, f) => `Table ${f.text(p.table)} has no commune column and the workbook has several communes: its rows cannot be placed`,
  "problem.villageCountMismatch": (p, f) => `${f.field(p.field)} says ${f.num(p.given)} but the village list gives ${f.num(p.counted)}: the list is used`,
  "problem.emptyName": (p, f) => `Row ${f.num(p.row)} has data but no ${f.text(p.what)} name`,
  "problem.noCommunesTable": () => 'No communes table found (a header row with a "Tên xã" column is needed)',
  "problem.emptyWorkbook": () => "The workbook is empty",
  "problem.duplicateColumn": (p, f) => `Column ${f.text(p.cell)} is also "${f.field(p.field)}": the first one is used`,
  "problem.cellTaken": () => "This cell holds the user's data: TC8 does not write over it and skipped it",
  "problem.columnsOutsideTable": (p, f) => `The cells right of table ${f.text(p.table)} hold data: the result columns are written outside the table`,
  "problem.sheetTaken": (p, f) => `The workbook has a sheet "${f.text(p.sheet)}" that TC8 did not make: TC8 does not replace it; rename it and evaluate again`,
  "problem.rateAndCounts": (p, f) => `Both counts and a rate are given for ${f.field(p.field)}: the counts are used`,
  "value.uncalculated": () => "the cell holds a formula with no value (not calculated yet, or an empty result): open the file in Excel, recalculate and save",
  "problem.noRoom": (p, f) => `No room right of the table for TC8's ${f.num(p.count)} result columns (the sheet is used up to its last column, XFD): they are not written`,
};
