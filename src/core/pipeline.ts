/**
 * The one-way flow every host runs (README.md, "How the code is laid out"): grids → read → evaluate → plan. Hosts only
 * read grids before and apply the plan after.
 */
import { evaluate } from "./engine/evaluate";
import type { Evaluation } from "./engine/types";
import type { Lang, LevelId } from "./ruleset/types";
import type { Grid, WorkbookInput } from "./shared/grid";
import { planClear, planEvaluation, type Plan } from "./plan";
import { readWorkbook, type ReadResult } from "./read/read";
import type { MappingOverrides } from "./read/tables";

/** Where a run is, as a host reports its progress. */
export type Stage = "reading" | "evaluating" | "writing" | "done";

export interface RunOptions {
  levels?: readonly LevelId[];
  lang?: Lang;
  evaluatedAt?: Date;
  /** Column mapping corrections; defaults to the one stored in the workbook. */
  mapping?: MappingOverrides;
}

export interface Run {
  read: ReadResult;
  evaluation: Evaluation;
  /** Undefined when nothing could be evaluated (`read.fatal` says why). */
  plan?: Plan;
}

/** The workbook as a host read it: its grids, and its defined names where the host has them. */
const inputOf = (input: readonly Grid[] | WorkbookInput): WorkbookInput => ("grids" in input ? input : { grids: [...(input as readonly Grid[])] });

export function runEvaluation(input: readonly Grid[] | WorkbookInput, opts: RunOptions = {}): Run {
  const wb = inputOf(input);
  const grids = wb.grids;
  const read = readWorkbook(wb, { mapping: opts.mapping });
  const evaluation = evaluate(read.communes, { levels: opts.levels });
  // The planner marks the reader's problems and the engine's itself; the outputs list all of them.
  const plan = read.fatal ? undefined : planEvaluation(read, evaluation, grids, { lang: opts.lang, evaluatedAt: opts.evaluatedAt });
  evaluation.problems = [...read.problems, ...evaluation.problems, ...(plan?.warnings ?? [])];
  if (!plan) return { read, evaluation };
  if (opts.mapping) plan.state.mapping = opts.mapping;
  return { read, evaluation, plan };
}

export function runClear(input: readonly Grid[] | WorkbookInput, opts: { removeChecklist: boolean }): Plan {
  const wb = inputOf(input);
  return planClear(readWorkbook(wb), wb.grids, opts);
}
