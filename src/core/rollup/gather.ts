/**
 * The roll-up (docs/output.md §12): many communes' workbooks, each evaluated as `tc8 evaluate`
 * would, gathered into one set of rows: per district, the same commune found in two files marked
 * (both rows kept), every data problem with its file, every file with what happened to it. Pure:
 * hosts read the files and hand over each one's evaluation or the reason it has none.
 */
import { evaluate } from "../engine/evaluate";
import type { CommuneResult, Evaluation, Problem } from "../engine/types";
import type { Msg } from "../i18n/format";
import type { LevelId, RuleSet } from "../ruleset/types";
import { parseCellAddress, type WorkbookInput } from "../shared/grid";
import { communeKey, districtKey } from "../shared/normalize";
import { readWorkbook } from "../read/read";

/** A file as the host found it. */
export interface RollupSource {
  /** As the user knows it: its name, or its path under the folder given. */
  name: string;
  size?: number;
  modified?: Date;
}

export type RollupOutcome =
  /** Read and evaluated; `recordedRuleset` is the rule set TC8's state in the file names, when it has one. */
  | { kind: "evaluated"; evaluation: Evaluation; recordedRuleset?: string }
  /** Not a workbook TC8 can read (damaged, password, .xls/.ods/.csv…): the reason, in the user's language. */
  | { kind: "unreadable"; reason: string }
  /** A workbook with nothing to evaluate (no communes table, or no commune in it). */
  | { kind: "noCommunes"; reason: string };

export interface RollupFile extends RollupSource {
  outcome: RollupOutcome;
}

export interface RollupRow {
  /** Index into `Rollup.files`. */
  file: number;
  commune: CommuneResult;
  /** The data problems of the file that sit in this commune's row (all of them when the file holds one commune). */
  problems: number;
  /** Other rows (indexes into `Rollup.rows`) holding the same commune, from other files. */
  sameAs: number[];
}

export interface RollupProblem {
  file: number;
  problem: Problem;
  /** The row of the commune the problem belongs to, when it is found. */
  row?: number;
}

export interface RollupGroup {
  /** The district as first written; undefined for communes whose workbook names none. */
  district?: string;
  rows: number[];
}

export interface Rollup {
  ruleset: { id: string; version: string };
  levels: LevelId[];
  files: RollupFile[];
  /** Every commune of every evaluated file, in file order then workbook order. */
  rows: RollupRow[];
  /** Rows by district, in the order districts first appear; communes without a district last. */
  groups: RollupGroup[];
  problems: RollupProblem[];
}

/**
 * Reads and evaluates one workbook for the roll-up: the evaluation `tc8 evaluate` makes (the same
 * reader, checklist statuses included, and engine), without planning the annotated workbook.
 * `fatal` says why there is nothing to evaluate.
 */
export function evaluateForRollup(
  wb: WorkbookInput,
  levels: readonly LevelId[],
  ruleset: RuleSet,
): { evaluation: Evaluation; fatal?: Msg; recordedRuleset?: string } {
  const read = readWorkbook(wb, { ruleset });
  const evaluation = evaluate(read.communes, { levels, ruleset });
  evaluation.problems = [...read.problems, ...evaluation.problems];
  return {
    evaluation,
    ...(read.fatal ? { fatal: read.fatal } : {}),
    ...(read.state?.ruleset ? { recordedRuleset: read.state.ruleset } : {}),
  };
}

/** Two rows are the same commune when their names match and their districts do, or one names none. */
function sameCommune(a: CommuneResult, b: CommuneResult): boolean {
  if (a.code && b.code) return a.code.trim() === b.code.trim();
  if (communeKey(a.name) !== communeKey(b.name)) return false;
  return !a.district || !b.district || districtKey(a.district) === districtKey(b.district);
}

/** The problems of a file that sit in a commune's row (same sheet and row as its name). */
function problemRow(
  p: Problem,
  communes: readonly { index: number; sheet: string; row: number }[],
): number | undefined {
  if (!p.cell) return undefined;
  let at;
  try {
    at = parseCellAddress(p.cell);
  } catch {
    return undefined;
  }
  return communes.find((c) => c.sheet === at.sheet && c.row === at.row)?.index;
}

export function gatherRollup(
  files: readonly RollupFile[],
  levels: readonly LevelId[],
  ruleset: { id: string; version: string },
): Rollup {
  const rows: RollupRow[] = [];
  const problems: RollupProblem[] = [];
  files.forEach((f, fileIndex) => {
    if (f.outcome.kind !== "evaluated") return;
    const ev = f.outcome.evaluation;
    const first = rows.length;
    const places: { index: number; sheet: string; row: number }[] = [];
    ev.communes.forEach((c, i) => {
      rows.push({ file: fileIndex, commune: c, problems: 0, sameAs: [] });
      if (c.cell) {
        const at = parseCellAddress(c.cell);
        places.push({ index: first + i, sheet: at.sheet, row: at.row });
      }
    });
    const only = ev.communes.length === 1 ? first : undefined;
    for (const p of ev.problems) {
      const row = problemRow(p, places) ?? only;
      if (row !== undefined) rows[row].problems++;
      problems.push({ file: fileIndex, problem: p, ...(row !== undefined ? { row } : {}) });
    }
  });
  // The same commune in two files: both rows stay, each marked with the other (a commune excluded inside its own file is not matched).
  const byKey = new Map<string, number[]>();
  rows.forEach((r, i) => {
    if (r.commune.excluded) return;
    const k = communeKey(r.commune.name);
    const list = byKey.get(k) ?? [];
    for (const j of list)
      if (rows[j].file !== r.file && sameCommune(rows[j].commune, r.commune)) {
        rows[j].sameAs.push(i);
        r.sameAs.push(j);
      }
    list.push(i);
    byKey.set(k, list);
  });
  const groups: RollupGroup[] = [];
  const byDistrict = new Map<string, RollupGroup>();
  const none: RollupGroup = { rows: [] };
  rows.forEach((r, i) => {
    const d = r.commune.district;
    if (!d) {
      none.rows.push(i);
      return;
    }
    const k = districtKey(d);
    let g = byDistrict.get(k);
    if (!g) {
      g = { district: d, rows: [] };
      byDistrict.set(k, g);
      groups.push(g);
    }
    g.rows.push(i);
  });
  if (none.rows.length) groups.push(none);
  return { ruleset, levels: [...levels], files: [...files], rows, groups, problems };
}

/** A verdict of a row: an indicator's (`ind`) or the level's criterion (`ind` null); undefined when not evaluated. */
export function verdictOf(c: CommuneResult, level: LevelId, ind: string | null) {
  const lv = c.levels[level];
  return ind ? lv?.indicators.find((x) => x.id === ind)?.verdict : lv?.verdict;
}
