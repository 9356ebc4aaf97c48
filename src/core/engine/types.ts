/** What the engine takes (normalised commune facts) and what it gives (explained results). */
import type { Msg } from "../i18n/format";
import type { Area, LevelId, RuleSet } from "../ruleset/types";
import type { Rational } from "./ratio";
import type { Verdict } from "./tristate";

/** A cell address as Excel writes it in formulas: 'Sheet name'!B5. */
export type CellAddress = string;

export type FactValue = number | boolean | string | Rational;

/**
 * One value read for a commune, a village or a postal point. A fact that is present but has
 * no value is blank; one with a `problem` was unreadable or impossible (docs/input.md §7).
 */
export interface Fact {
  value?: FactValue;
  cell?: CellAddress;
  problem?: Msg;
}

/** Facts by field key (the rule set's fields, docs/rules.md §8.5). A key that is absent means the workbook has no such column. */
export type Facts = Readonly<Partial<Record<string, Fact>>>;

export interface EntityFacts {
  name: string;
  cell?: CellAddress;
  facts: Facts;
}

export interface CommuneFacts extends EntityFacts {
  district?: string;
  code?: string;
  /** The villages (thôn, bản) of the commune when a village list is given; counts in `facts` otherwise. */
  villages?: readonly EntityFacts[];
  /** The commune's postal service points; undefined when the workbook has no postal-point data at all. */
  postalPoints?: readonly EntityFacts[];
  /** Checklist statuses: key `${level}|${indicator}|${no}` → the document is there (Đã có). */
  evidence?: Readonly<Record<string, boolean>>;
  /** Why the commune is not evaluated (a duplicate row, say); it is still listed. */
  excluded?: Msg;
}

export type ObservedValue =
  | number
  | boolean
  | string
  | null
  | { readonly [k: string]: ObservedValue }
  | readonly ObservedValue[];

/** An input cell to highlight, and why: fail-red behind a failing condition, amber where data is missing. */
export interface Mark {
  cell: CellAddress;
  kind: "fail" | "missing";
  msg: Msg;
}

/** How one village or postal point fared on a condition, for the note beside its row. */
export interface EntityOutcome {
  /** The entity's name cell: identifies its row. */
  cell: CellAddress;
  name: string;
  verdict: Verdict;
  msg: Msg;
}

export interface ConditionResult {
  id: string;
  verdict: Verdict;
  /** Reported, not part of the verdict. */
  informational?: boolean;
  observed: ObservedValue;
  /** The requirement, language-neutral: ">= 4", ">= 50%", ">= 2/3", "yes". */
  required: string;
  msg: Msg;
  /** Every input cell the condition read. */
  cells: CellAddress[];
  marks: Mark[];
  /** Per village or postal point, where the condition is checked on each. */
  entities?: EntityOutcome[];
}

export interface IndicatorResult {
  id: string;
  verdict: Verdict;
  conditions: ConditionResult[];
  /** For a postal-point indicator: the point shown (the passing one, or the closest to passing). */
  point?: string;
}

export interface PrerequisiteResult {
  /** tc8.ntm */
  id: string;
  verdict: Verdict;
  msg: Msg;
}

export interface LevelResult {
  level: LevelId;
  verdict: Verdict;
  prerequisites: PrerequisiteResult[];
  indicators: IndicatorResult[];
  evidence: { done: number; total: number };
}

export interface CommuneResult {
  name: string;
  district?: string;
  code?: string;
  cell?: CellAddress;
  area: Area | null;
  areaDefaulted: boolean;
  levels: Partial<Record<LevelId, LevelResult>>;
  excluded?: Msg;
}

export interface Problem {
  severity: "error" | "warning";
  cell?: CellAddress;
  msg: Msg;
}

export interface Evaluation {
  ruleset: { id: string; version: string };
  /** The rule set itself, which everything after the engine (explanations, plan, texts) reads. */
  rules: RuleSet;
  levels: LevelId[];
  communes: CommuneResult[];
  problems: Problem[];
}
