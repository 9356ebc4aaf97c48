/**
 * The one-way flow every host runs (README.md, "How the code is laid out"): grids → read → evaluate → plan. Hosts only
 * read grids before and apply the plan after. The rule set is chosen here, once, and passed on as a
 * value: the one the host gives (the user's choice), else the one the workbook's state names (so
 * re-evaluation and Clear use the rule set of the last evaluation), else the default.
 */
import { evaluate } from "./engine/evaluate";
import type { Evaluation } from "./engine/types";
import { msg, type Msg } from "./i18n/format";
import { DEFAULT_RULESET_ID, findRuleSet, shippedRuleSetIds } from "./ruleset";
import type { Lang, LevelId, RuleSet } from "./ruleset/types";
import { readAnchors } from "./state/anchors";
import type { Grid, WorkbookInput } from "./shared/grid";
import { planClear, planEvaluation, type Plan } from "./plan";
import { ownSheets, readWorkbook, type ReadResult } from "./read/read";
import type { MappingOverrides } from "./read/tables";

/** Where a run is, as a host reports its progress. */
export type Stage = "reading" | "evaluating" | "writing" | "done";

export interface RunOptions {
  levels?: readonly LevelId[];
  lang?: Lang;
  evaluatedAt?: Date;
  /** Column mapping corrections; defaults to the one stored in the workbook. */
  mapping?: MappingOverrides;
  /** The rule set chosen by the user; defaults to the one the workbook's state names. */
  ruleset?: RuleSet;
  /** Rule sets by id other than the shipped ones (a file the user opened), for a state that names one. */
  rulesets?: readonly RuleSet[];
}

export interface Run {
  read: ReadResult;
  evaluation: Evaluation;
  /** Undefined when nothing could be evaluated (`read.fatal` says why). */
  plan?: Plan;
}

/** The workbook as a host read it: its grids, and its defined names where the host has them. */
const inputOf = (input: readonly Grid[] | WorkbookInput): WorkbookInput =>
  "grids" in input ? input : { grids: [...(input as readonly Grid[])] };

/** The id of the rule set the workbook's state names (its last evaluation's), if any. */
export function workbookRuleSetId(input: readonly Grid[] | WorkbookInput): string | undefined {
  const wb = inputOf(input);
  return ownSheets(wb.grids, readAnchors(wb.names)).state?.ruleset || undefined;
}

/** The rule set a run uses, or why there is none: the workbook's state names a rule set that is not here. */
export function chooseRuleSet(
  input: readonly Grid[] | WorkbookInput,
  opts: { ruleset?: RuleSet; rulesets?: readonly RuleSet[] } = {},
): { ruleset: RuleSet } | { unknown: string; msg: Msg } {
  if (opts.ruleset) return { ruleset: opts.ruleset };
  const id = workbookRuleSetId(input) ?? DEFAULT_RULESET_ID;
  const rs = opts.rulesets?.find((r) => r.id === id) ?? findRuleSet(id);
  if (rs) return { ruleset: rs };
  return {
    unknown: id,
    msg: msg("ruleset.unknownInWorkbook", {
      id,
      known: [...shippedRuleSetIds(), ...(opts.rulesets ?? []).map((r) => r.id)],
    }),
  };
}

/** A run that stops before reading: the workbook names a rule set that is not here. */
function unknownRuleSet(m: Msg): Run {
  const rs = findRuleSet(DEFAULT_RULESET_ID)!;
  const read = readWorkbook({ grids: [] }, { ruleset: rs });
  return {
    read: { ...read, fatal: m },
    evaluation: { ruleset: { id: rs.id, version: rs.version }, rules: rs, levels: [], communes: [], problems: [] },
  };
}

export function runEvaluation(input: readonly Grid[] | WorkbookInput, opts: RunOptions = {}): Run {
  const wb = inputOf(input);
  const grids = wb.grids;
  const chosen = chooseRuleSet(wb, opts);
  if (!("ruleset" in chosen)) return unknownRuleSet(chosen.msg);
  const ruleset = chosen.ruleset;
  const read = readWorkbook(wb, { mapping: opts.mapping, ruleset });
  const evaluation = evaluate(read.communes, { levels: opts.levels, ruleset });
  // The planner marks the reader's problems and the engine's itself; the outputs list all of them.
  const plan = read.fatal
    ? undefined
    : planEvaluation(read, evaluation, grids, { lang: opts.lang, evaluatedAt: opts.evaluatedAt });
  evaluation.problems = [...read.problems, ...evaluation.problems, ...(plan?.warnings ?? [])];
  if (!plan) return { read, evaluation };
  if (opts.mapping) plan.state.mapping = opts.mapping;
  return { read, evaluation, plan };
}

/** Clear results: read with the rule set the workbook was evaluated with (its verdict columns are that rule set's). */
export function runClear(
  input: readonly Grid[] | WorkbookInput,
  opts: { removeChecklist: boolean; ruleset?: RuleSet; rulesets?: readonly RuleSet[] },
): Plan {
  const wb = inputOf(input);
  const chosen = chooseRuleSet(wb, { rulesets: opts.rulesets, ruleset: opts.ruleset });
  // A state naming a rule set that is not here: Clear still finds TC8's columns by the headers of every rule set loaded.
  const ruleset = "ruleset" in chosen ? chosen.ruleset : findRuleSet(DEFAULT_RULESET_ID)!;
  return planClear(readWorkbook(wb, { ruleset }), wb.grids, opts);
}
