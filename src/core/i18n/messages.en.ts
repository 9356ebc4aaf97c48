/** English messages: every key of messages.vi.ts, so neither language can fall behind. */
import type { Template } from "./format";
import type { MessageKey } from "./messages.vi";

const met = (ok: boolean) => (ok ? "meets the requirement" : "short of the requirement");
const list = (p: unknown) => (Array.isArray(p) ? p : []);

export const EN: Record<MessageKey, Template> = {
  "flag.yes": (p, f) => `${f.says(p.field, true)}${p.value ? ` (${f.text(p.value)})` : ""}`,
  "flag.no": (p, f) => f.says(p.field, false),
  "fact.blank": (p, f) => `${f.field(p.field)}: cell ${f.cell(p.cell)} is blank`,
  "fact.absent": (p, f) => `the workbook has no column "${f.header(p.field)}" (${f.field(p.field)})`,
  "fact.invalid": (p, f) => `${f.field(p.field)}: cell ${f.cell(p.cell)} ${f.msg(p.reason)}`,
  "atLeast.pass": (p, f) => `${f.field(p.field)} is ${f.num(p.value)}, ${met(true)} (at least ${f.num(p.min)})`,
  "atLeast.fail": (p, f) => `${f.field(p.field)} is ${f.num(p.value)}, ${met(false)} (at least ${f.num(p.min)})`,
  "ratio.pass": (p, f) =>
    `${f.num(p.part)}/${f.num(p.whole)} ${f.text(p.noun)}${f.share(p.part, p.whole, p.threshold)}, ${met(true)} (${f.requirement(p.threshold, p.area)})`,
  "ratio.fail": (p, f) =>
    `${f.num(p.part)}/${f.num(p.whole)} ${f.text(p.noun)}${f.share(p.part, p.whole, p.threshold)}, ${met(false)} (${f.requirement(p.threshold, p.area)})`,
  "ratio.per": (p, f) =>
    `${f.num(p.part)} ${f.text(p.noun)}/${f.num(p.whole)} ${f.text(p.wholeNoun)}${f.share(p.part, p.whole, p.threshold)}, ${met(p.verdict === "pass")} (${f.requirement(p.threshold, p.area)})`,
  "rate.pass": (p, f) => `${f.field(p.field)}: ${f.rate(p.rate)}, ${met(true)} (${f.requirement(p.threshold, p.area)})`,
  "rate.fail": (p, f) =>
    `${f.field(p.field)}: ${f.rate(p.rate)}, ${met(false)} (${f.requirement(p.threshold, p.area)})`,
  "ratio.zeroWhole": (p, f) => `${f.field(p.field)} is 0 (cell ${f.cell(p.cell)}): the ratio cannot be computed`,
  "ratio.partAboveWhole": (p, f) =>
    `${f.field(p.part)} (${f.num(p.partValue)}, cell ${f.cell(p.partCell)}) is more than ${f.field(p.whole)} (${f.num(p.wholeValue)}, cell ${f.cell(p.wholeCell)}): check the figures`,
  "ratio.nothingToCount": (p, f) => `${p.says ? f.text(p.says) : `no ${f.text(p.noun)} to count`}: met`,
  "villages.result": (p, f) =>
    `${f.num(p.count)}/${f.num(p.total)} ${f.text(p.noun)}${f.share(p.count, p.total, p.threshold)}, ${met(p.verdict === "pass")} (${f.requirement(p.threshold, p.area)})` +
    (Array.isArray(p.lacking) && p.lacking.length ? `; lacking: ${f.list(p.lacking)}` : "") +
    (Array.isArray(p.unknown) && p.unknown.length ? `; no data: ${f.list(p.unknown)}` : ""),
  "villages.undecided": (p, f) =>
    `${f.num(p.count)}/${f.num(p.total)} ${f.text(p.noun)}, ${f.num(p.unknownCount)} villages without data (${f.list(p.unknown)}): undecided; required ${f.requirement(p.threshold, p.area)}`,
  "villages.none": () => "neither a village list nor the number of villages of the commune is given",
  "villages.zeroTotal": (p, f) => `the number of villages is 0 (cell ${f.cell(p.cell)})`,
  "villages.byCounts": (p, f) =>
    `${f.msg(p.msg)}; from the communes table's column "${f.header(p.field)}", as the village list has no such column`,
  "villages.untracked": (p, f) =>
    `the village list has no column ${list(p.fields)
      .map((k) => `"${f.header(k)}"`)
      .join(" or ")}, and the communes table has no column "${f.header(p.field)}" either`,
  "villages.countAboveList": (p, f) =>
    `${f.field(p.field)} (${f.num(p.value)}, cell ${f.cell(p.cell)}) is more than the villages in the list (${f.num(p.total)}): check the figures`,
  all: (p, f) => (Array.isArray(p.parts) ? p.parts.map((m) => f.msg(m)).join("; ") : ""),
  "village.has": (p, f) => `has ${f.and(list(p.fields).map((k) => f.thing(k)))}`,
  "village.lacks": (p, f) => {
    const things = list(p.fields).map((k) => f.thing(k));
    return things.length === 2 ? `has neither ${things[0]} nor ${things[1]}` : `has no ${things.join(", no ")}`;
  },
  "entity.ok": () => "Nothing lacking",
  "postal.noData": () => "no postal service point data",
  "postal.none": () => "the commune has no postal service point in the postal points table",
  "postal.at": (p, f) => `at ${f.text(p.point)}: ${f.msg(p.msg)}`,
  "postal.any.pass": (p, f) => `${f.text(p.point)} meets every condition`,
  "postal.any.fail": (p, f) =>
    `no postal point meets every condition; the closest is ${f.text(p.point)}: ${f.list(p.lacking, 20)}`,
  "postal.any.missing": (p, f) => `not enough data to decide; ${f.text(p.point)}: ${f.list(p.lacking, 20)}`,
  withArea: (p, f) =>
    `${f.msg(p.msg)}; no area is given for the commune, so the default (${f.area(p.areaName ?? p.area)}) is used`,
  "area.invalid": (p, f) => `the commune's area cannot be read (cell ${f.cell(p.cell)}): the requirement is unknown`,
  "prereq.pass": (p, f) => `${f.text(p.criterion)}: Pass`,
  "prereq.notPass": (p, f) =>
    `The commune must meet ${f.text(p.criterion)} before ${f.text(p.level)} is considered; ${f.text(p.criterion)} now: ${f.verdict(p.verdict)}`,
  "info.value": (p, f) =>
    `${typeof p.value === "boolean" ? f.says(p.field, p.value) : `${f.field(p.field)}: ${f.text(p.value)}`} (for information, not part of the verdict)`,
  "info.blank": (p, f) => `${f.field(p.field)}: no data (for information, not part of the verdict)`,
  "commune.excluded": (p, f) => `Not evaluated: ${f.msg(p.reason)}`,
  "area.defaulted": (p, f) =>
    `No area given for the commune: ${f.area(p.areaName ?? p.area)}, the rule set's default, is used`,

  "value.error": (p, f) => `holds the error ${f.text(p.value)}`,
  "value.notYesNo": (p, f) => `says "${f.text(p.value)}", which is not yes or no`,
  "value.notNumber": (p, f) => `says "${f.text(p.value)}", which is not a number`,
  "value.negative": (p, f) => `holds a negative number (${f.num(p.value)})`,
  "value.notWhole": (p, f) => `holds ${f.num(p.value)}; it must be a whole number`,
  "value.rateRange": (p, f) => `holds ${f.text(p.value)}; a rate must be between 0 and 100%`,
  "value.notArea": (p, f) =>
    `says "${f.text(p.value)}", which is neither ${list(p.labels)
      .map((l, i) => `${f.text(l)} (${f.text(list(p.names)[i])})`)
      .join(" nor ")}`,
  "value.date": () => "holds a date, not a number",
  "value.uncalculated": () =>
    "holds a formula with no value (not calculated yet, or an empty result): open the file in Excel, recalculate and save",
  "value.hoursAboveDay": (p, f) => `holds ${f.num(p.value)} hours, more than the 24 hours of a day`,
  "problem.cell": (p, f) => `${f.field(p.field)}: the cell ${f.msg(p.reason)}`,
  "problem.duplicateCommune": (p, f) =>
    `The commune name "${f.text(p.name)}" is on ${f.num(p.count)} rows (cells ${f.cells(p.cells)}): it is not evaluated; remove or correct the duplicate`,
  "problem.unknownCommuneVillage": (p, f) =>
    `Village "${f.text(p.name)}" of commune "${f.text(p.commune)}" is not in the communes table`,
  "problem.blankCommuneVillage": (p, f) =>
    `Village "${f.text(p.name)}": the commune name cell is empty, so it is not known which commune the village belongs to; type the commune's name`,
  "problem.blankCommunePostal": (p, f) =>
    `Postal point "${f.text(p.name)}": the commune name cell is empty, so it is not known which commune the point belongs to; type the commune's name`,
  "problem.unknownCommunePostal": (p, f) =>
    `Postal point "${f.text(p.name)}" of commune "${f.text(p.commune)}" is not in the communes table`,
  "problem.ambiguousCommuneVillage": (p, f) =>
    `Village "${f.text(p.name)}" of commune "${f.text(p.commune)}": the communes table has ${f.num(list(p.districts).length)} communes of this name (${f.and(list(p.districts).map((d) => f.text(d)))}); add a district column (Huyện) to the villages table to tell them apart`,
  "problem.blankDistrictVillage": (p, f) =>
    `Village "${f.text(p.name)}" of commune "${f.text(p.commune)}": the communes table has ${f.num(list(p.districts).length)} communes of this name (${f.and(list(p.districts).map((d) => f.text(d)))}); type the district in this District cell`,
  "problem.blankDistrictPostal": (p, f) =>
    `Postal point "${f.text(p.name)}" of commune "${f.text(p.commune)}": the communes table has ${f.num(list(p.districts).length)} communes of this name (${f.and(list(p.districts).map((d) => f.text(d)))}); type the district in this District cell`,
  "problem.ambiguousCommunePostal": (p, f) =>
    `Postal point "${f.text(p.name)}" of commune "${f.text(p.commune)}": the communes table has ${f.num(list(p.districts).length)} communes of this name (${f.and(list(p.districts).map((d) => f.text(d)))}); add a district column (Huyện) to the postal points table to tell them apart`,
  "problem.noCommuneColumn": (p, f) =>
    `The table on sheet "${f.text(p.table)}" has no commune column and the workbook has several communes: its rows cannot be placed (add a Tên xã column, or put the commune's name in the sheet's name)`,
  "problem.ambiguousSheet": (p, f) =>
    `The table on sheet "${f.text(p.table)}" has no commune column; the sheet's name says "${f.text(p.commune)}" but the communes table has ${f.num(list(p.districts).length)} communes of this name (${f.and(list(p.districts).map((d) => f.text(d)))}): add commune and district columns, or put the district's name in the sheet's name too`,
  "problem.villageCountMismatch": (p, f) =>
    `${f.field(p.field)} says ${f.num(p.given)} but the village list has ${f.num(p.counted)} villages: the list is used`,
  "problem.emptyName": (p, f) => `Row ${f.num(p.row)} has data but no ${f.text(p.what)} name`,
  "problem.noCommunesTable": () => 'No communes table found (a header row with a "Tên xã" column is needed)',
  "problem.noCommunes": (p, f) =>
    `The communes table (sheet "${f.text(p.sheet)}") has no commune to evaluate: enter the name and figures of at least one commune and evaluate again`,
  "problem.emptyWorkbook": () => "The workbook is empty",
  // Rule-set files (tc8 ruleset check).
  "ruleset.json": (p, f) => `cannot read the JSON: ${f.text(p.reason)}`,
  "ruleset.schema": (p, f) => `does not follow the rule-set schema (rulesets/schema.json): ${f.text(p.reason)}`,
  "ruleset.extendsUnknown": (p, f) => `there is no rule set "${f.text(p.id)}" to extend`,
  "ruleset.extendsLoop": (p, f) => `rule set "${f.text(p.id)}" extends itself in a loop`,
  "ruleset.extendsInvalid": (p, f) => `the extended rule set "${f.text(p.id)}" is invalid`,
  "ruleset.noSuchCondition": (p, f) => `the extended rule set has no condition "${f.text(p.id)}"`,
  "ruleset.noThreshold": (p, f) => `condition "${f.text(p.id)}" has no threshold to replace`,
  "ruleset.newFieldIncomplete": (p, f) => `new field "${f.text(p.key)}" needs a table, type, header and label`,
  "ruleset.duplicateArea": (p, f) => `area "${f.text(p.id)}" is declared twice`,
  "ruleset.unknownArea": (p, f) => `area "${f.text(p.id)}" is not in the commune classification (${f.list(p.known)})`,
  "ruleset.areaMissing": (p, f) => `the threshold table by area lacks area "${f.text(p.id)}"`,
  "ruleset.duplicateField": (p, f) =>
    `field "${f.text(p.key)}" is declared twice (or is one of the workbook's identity columns)`,
  "ruleset.undeclaredField": (p, f) => `field "${f.text(p.key)}" is not declared in fields`,
  "ruleset.duplicateLevel": (p, f) => `level "${f.text(p.id)}" is declared twice`,
  "ruleset.unknownLevel": (p, f) => `level "${f.text(p.id)}" does not come before this level`,
  "ruleset.duplicateCondition": (p, f) => `condition id "${f.text(p.id)}" repeats an earlier condition's`,
  "ruleset.unknownKind": (p, f) => `check kind "${f.text(p.kind)}" does not exist (kinds: ${f.list(p.known)})`,
  "ruleset.badThreshold": (p, f) => `threshold "${f.text(p.value)}" cannot be read: write "50%" or "2/3"`,
  "ruleset.thresholdAbove100": (p, f) => `threshold ${f.text(p.value)} is above 100%: this share cannot exceed 100%`,
  "ruleset.unknownInWorkbook": (p, f) =>
    `The workbook was evaluated with rule set "${f.text(p.id)}", which is not here (available: ${f.list(p.known)}): choose a rule set, or open that rule set's file`,
  "problem.subscriptionsNotPeople": (p, f) =>
    `Column "${f.text(p.header)}" ${f.text(p.why)}. Add a column "${f.header(p.use)}"`,
  "problem.minMonthAboveYear": (p, f) =>
    `${f.field(p.monthField)} is ${f.num(p.month)}, so the year has at least ${f.num(p.atLeast)} posts, more than ${f.field(p.yearField)} (${f.num(p.year)}, cell ${f.cell(p.yearCell)}): check the figures`,
  "problem.cellTaken": () =>
    "This cell holds data the user typed: TC8 does not write over it and skipped it (to have TC8 write its result there, empty the cell and evaluate again)",
  "problem.columnsOutsideTable": (p, f) =>
    `The cells right of table ${f.text(p.table)} hold data: the result columns are written outside the table`,
  "problem.sheetTaken": (p, f) =>
    `The workbook has a sheet "${f.text(p.sheet)}" that TC8 did not make: TC8 leaves it as it is and writes to sheet "${f.text(p.used)}" instead`,
  "problem.unclearStatus": (p, f) =>
    `The status says "${f.text(p.text)}": TC8 cannot tell whether the document is held, so it counts it as not held; if it is, choose "Đã có"`,
  "problem.checklistUnreadable": (p, f) =>
    `TC8's sheet "${f.text(p.sheet)}" has lost its column ${f.and(list(p.columns).map((c) => `"${f.text(c)}"`))}: TC8 cannot tell its rows apart and does not update it; restore the column, or rename the sheet so that TC8 makes a new checklist`,
  "problem.checklistKept": (p, f) =>
    `Sheet "${f.text(p.sheet)}" still has rows of ${f.and(list(p.communes).map((c) => f.text(c)))}, no longer in the communes table: TC8 keeps them; delete them if they are not needed`,
  "problem.checklistNoRoom": (p, f) =>
    `The ${f.num(p.count)} document rows of the new communes were not added to the table on sheet "${f.text(p.sheet)}": this cell right under the table holds the user's data. Insert ${f.num(p.count)} empty rows right under the table and evaluate again`,
  "problem.keptOnClear": (p, f) =>
    `Column "${f.text(p.header)}" has ${f.num(p.count)} cells the user edited or typed: TC8 keeps them when clearing the results`,
  "problem.noRoom": (p, f) =>
    `No room right of the table for TC8's ${f.num(p.count)} result columns (the sheet is used up to its last column, XFD): they are not written; delete the stray cells right of the table and evaluate again`,
};
