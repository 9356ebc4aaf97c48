/**
 * The .xlsx host: the user's package in, the same package with TC8's additions out. Shared by the
 * command line (Node) and the browser page, so both run the same lines as the add-in between read
 * and apply. Nothing of the user's is rewritten: see docs/DECISIONS.md.
 */
import { chooseRuleSet, runClear, runEvaluation, type Run, type RunOptions } from "../../core/pipeline";
import { getRuleSet, type RuleSet } from "../../core/ruleset";
import { emptyPlan, type NewSheet, type Plan, sheetsWritten } from "../../core/plan";
import { templateSheets } from "../../core/plan/template";
import { applyPlan } from "./apply";
import type { Refusal } from "./errors";
import { Package } from "./package";
import { readModel, readWorkbookPackage, type WorkbookRead } from "./read";
import { writeZip } from "./zip";

export { XlsxError, describeXlsxError, describeRefusal, type Refusal } from "./errors";

export interface XlsxEvaluation {
  run: Run;
  /** The annotated workbook, or undefined when nothing could be evaluated or TC8 was refused. */
  output?: Uint8Array;
  /** What the plan asked for that this host cannot do (the summary chart). */
  skipped: string[];
  /** Why nothing was written: a protected sheet or workbook structure TC8 would have to change. */
  refused?: Refusal;
}

/** A plan TC8 may not apply: the protection it would have to break. */
export class XlsxRefused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.reason);
    this.name = "XlsxRefused";
  }
}

/** Checks a plan against the workbook's protection, as the add-in does; undefined when it may go ahead. */
export function refusal(plan: Plan, read: WorkbookRead, writeState = true): Refusal | undefined {
  const write = sheetsWritten(plan);
  if (writeState) write.add(plan.stateSheet);
  const sheet = [...write].find((s) => read.protectedSheets.includes(s));
  if (sheet) return { reason: "sheetProtected", sheet };
  const names = new Set(read.grids.map((g) => g.sheet));
  const creates =
    plan.deleteSheets.some((s) => names.has(s)) ||
    plan.sheets.some((s) => !names.has(s.name)) ||
    (writeState && !names.has(plan.stateSheet));
  if (read.model.structureLocked && creates) return { reason: "workbookProtected" };
  return undefined;
}

/** A read without its facts and checklist entries. */
function withoutFacts(read: Run["read"]): Run["read"] {
  const { checklistSheet: _checklist, ...kept } = read;
  return { ...kept, communes: [], communeRows: [], villageRows: [], postalRows: [], checklist: [] };
}

const asBytes = (data: ArrayBuffer | Uint8Array) => (data instanceof Uint8Array ? data : new Uint8Array(data));

/**
 * Evaluates a workbook and writes its annotated copy. `beforeWrite`, when given, takes what its
 * caller needs of the communes' results before the write; they are let go then (the returned run
 * keeps the evaluation's problems, not its communes), so the collector does not walk a province's
 * results again and again while the sheets are written (docs/performance.md).
 */
export async function evaluateXlsx(
  data: ArrayBuffer | Uint8Array,
  opts: RunOptions = {},
  onStage?: (stage: "evaluating" | "writing") => void,
  beforeWrite?: (run: Run) => void,
): Promise<XlsxEvaluation> {
  const read = readWorkbookPackage(asBytes(data));
  onStage?.("evaluating");
  const { run, plan, refused } = evaluated(read, opts, onStage, beforeWrite);
  if (!plan) return { run, skipped: [] };
  if (refused) return { run, skipped: [], refused };
  const { skipped } = applyPlan(read.model, plan);
  await read.model.pkg.settle();
  return { run, output: read.model.pkg.toBytes(), skipped };
}

/**
 * Reads, evaluates and plans; when the plan may be written, lets go what the write does not need:
 * the grids and the facts read from them, and with `beforeWrite` the communes' results. A function
 * of its own, so that nothing of them stays behind in the caller's frame while it writes.
 */
function evaluated(
  read: WorkbookRead,
  opts: RunOptions,
  onStage?: (stage: "evaluating" | "writing") => void,
  beforeWrite?: (run: Run) => void,
): { run: Run; plan?: Plan; refused?: Refusal } {
  const run = runEvaluation({ grids: read.grids, names: read.names }, opts);
  if (!run.plan) return { run };
  const refused = refusal(run.plan, read);
  if (refused) return { run, plan: run.plan, refused };
  onStage?.("writing");
  // A district's cells and facts are let go before the write, so the collector does not walk them
  // again and again while the sheets are written (docs/performance.md). What the callers use of
  // the read (its tables, state, problems, fatal) stays.
  read.grids.length = 0;
  beforeWrite?.(run);
  return {
    run: {
      ...run,
      read: withoutFacts(run.read),
      ...(beforeWrite ? { evaluation: { ...run.evaluation, communes: [] } } : {}),
    },
    plan: run.plan,
  };
}

/** Clear results; throws XlsxRefused when a protection stands in the way. */
export async function clearXlsx(
  data: ArrayBuffer | Uint8Array,
  opts: { removeChecklist: boolean; rulesets?: readonly RuleSet[] },
): Promise<Uint8Array> {
  const read = readWorkbookPackage(asBytes(data));
  const plan = runClear({ grids: read.grids, names: read.names }, opts);
  const refused = refusal(plan, read);
  if (refused) throw new XlsxRefused(refused);
  applyPlan(read.model, plan);
  await read.model.pkg.settle();
  return read.model.pkg.toBytes();
}

/** A workbook with no sheet of its own yet: what `tc8 template` starts from. */
function emptyWorkbook(): Uint8Array {
  const enc = new TextEncoder();
  const parts: [string, string][] = [
    [
      "[Content_Types].xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    ],
    [
      "_rels/.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    ],
    [
      "docProps/core.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>TC8</dc:creator></cp:coreProperties>`,
    ],
    [
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><bookViews><workbookView activeTab="0"/></bookViews><sheets></sheets></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`,
    ],
  ];
  // A zip of stored entries, written by the same writer as every output.
  return new Package(zipOf(parts.map(([n, t]) => [n, enc.encode(t)]))).toBytes();
}

function zipOf(parts: [string, Uint8Array][]): Uint8Array {
  return writeZip(parts.map(([name, data]) => ({ name, data })));
}

/**
 * The input template's sheets added to a workbook (a new one when none is given), beside the user's,
 * with the fields of the rule set given (else the one the workbook's state names, else the default).
 */
export async function templateXlsx(
  data?: ArrayBuffer | Uint8Array,
  ruleset?: RuleSet,
): Promise<{ bytes: Uint8Array; sheets: string[] }> {
  const bytes = data ? asBytes(data) : emptyWorkbook();
  const wb = data ? readWorkbookPackage(bytes) : undefined;
  const model = wb ? wb.model : readModel(new Package(bytes), { allowEmpty: true });
  const chosen = chooseRuleSet(wb ? { grids: wb.grids, names: wb.names } : { grids: [] }, { ruleset });
  const rs = "ruleset" in chosen ? chosen.ruleset : getRuleSet();
  const sheets = templateSheets(
    rs,
    model.sheets.map((s) => s.name),
  );
  if (model.structureLocked) throw new XlsxRefused({ reason: "workbookProtected" });
  // A template changes no evaluation: TC8's state is left as it is.
  applyPlan(model, { ...emptyPlan(rs.id), sheets }, { writeState: false });
  await model.pkg.settle();
  return { bytes: model.pkg.toBytes(), sheets: sheets.map((s) => s.name) };
}

/** A new workbook holding only the given sheets (the roll-up's), made as `tc8 template` makes its own. */
export async function newWorkbookXlsx(sheets: NewSheet[]): Promise<Uint8Array> {
  const model = readModel(new Package(emptyWorkbook()), { allowEmpty: true });
  applyPlan(model, { ...emptyPlan(""), sheets }, { writeState: false });
  await model.pkg.settle();
  return model.pkg.toBytes();
}
