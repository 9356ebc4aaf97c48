/**
 * What the task pane needs from where it runs: Excel (the add-in) or a plain browser with an .xlsx
 * file (the browser page). The same components drive both.
 */
import type { CommuneResult, Problem } from "../core/engine/types";
import type { Msg } from "../core/i18n/format";
import type { Lang, LevelId, RuleSet } from "../core/ruleset/types";
import type { TableKind } from "../core/fields";
import type { MappingOverrides } from "../core/read/tables";
import type { Run, Stage } from "../core/pipeline";
import type { Refusal } from "../core/plan";
import type { Skipped } from "../hosts/office/capabilities";

export type { Stage } from "../core/pipeline";
export type { Refusal } from "../core/plan";

export interface ColumnView {
  header: string;
  key: string | null;
  source: "header" | "mapping" | "none";
}

export interface TableView {
  sheet: string;
  kind: TableKind;
  columns: ColumnView[];
}

export interface PaneResult {
  /** The rule set the workbook was evaluated with (kept in its state). */
  ruleset: RuleSet;
  levels: LevelId[];
  communes: CommuneResult[];
  problems: Problem[];
  tables: TableView[];
  mapping: MappingOverrides;
  fatal?: Msg;
  refused?: Refusal;
  skipped: Skipped[];
  /** Parts of an .xlsx the downloaded copy cannot carry over (browser page). */
  dropped?: string[];
}

export interface EvaluateRequest {
  levels: LevelId[];
  lang: Lang;
  mapping?: MappingOverrides;
  /** The rule set the user chose; without it, the one the workbook's state names (else the default). */
  ruleset?: RuleSet;
  /** Rule sets the user opened from files, for a workbook whose state names one of them. */
  rulesets?: readonly RuleSet[];
}

/** A file the user picked for the roll-up: read in the browser, sent nowhere. */
export interface RollupPick {
  name: string;
  size: number;
  modified?: Date;
  bytes: () => Promise<Uint8Array>;
}

export interface RollupRequest {
  files: RollupPick[];
  levels: LevelId[];
  lang: Lang;
  /** The rule set every file is evaluated with: the one chosen in the pane, else the default. */
  ruleset: RuleSet;
}

/** One file's line in the roll-up's progress list. */
export interface RollupLine {
  name: string;
  text: string;
  ok: boolean;
}

export interface RollupDone {
  /** Files evaluated; none means nothing was written. */
  evaluated: number;
  /** The roll-up's sheets as written into the open workbook (Excel). */
  sheets: string[];
  /** The new roll-up workbook to download (the browser page). */
  download?: { name: string; bytes: Uint8Array };
  refused?: Refusal;
}

export interface PaneHost {
  kind: "excel" | "web";
  evaluate(req: EvaluateRequest, onStage: (s: Stage) => void): Promise<PaneResult>;
  /** `rulesets`: those the user opened, for a workbook evaluated with one of them. */
  clear(removeChecklist: boolean, rulesets?: readonly RuleSet[]): Promise<{ refused?: Refusal }>;
  /** The template with the fields of `ruleset` (else the workbook's, else the default). */
  template(ruleset?: RuleSet): Promise<{ sheets: string[]; refused?: Refusal }>;
  /** Rolls up several communes' files (docs/output.md §12): into the open workbook (Excel) or a new one to download (page). */
  rollup?(req: RollupRequest, onFile: (index: number, total: number, line: RollupLine) => void): Promise<RollupDone>;
  /** Shows a cell ('Sheet'!B5): selects it in Excel, or points at it on the browser page. */
  select(cell: string): Promise<void>;
}

/** The view of a pipeline run the task pane shows. */
export function paneResult(run: Run, extra: Pick<PaneResult, "skipped"> & Partial<PaneResult>): PaneResult {
  return {
    ruleset: run.evaluation.rules,
    levels: run.evaluation.levels,
    communes: run.evaluation.communes,
    problems: run.evaluation.problems,
    tables: run.read.tables.map((t) => ({
      sheet: t.sheet,
      kind: t.kind,
      columns: t.columns.filter((c) => !c.output).map((c) => ({ header: c.header, key: c.key, source: c.source })),
    })),
    mapping: run.plan?.state.mapping ?? run.read.state?.mapping ?? {},
    ...(run.read.fatal ? { fatal: run.read.fatal } : {}),
    ...extra,
  };
}
