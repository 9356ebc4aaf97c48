/** Marked input cells and taller rows (docs/output.md §2, §4): where the last evaluation's are now. */
import { conditionLine } from "../engine/explain";
import type { CommuneResult, ConditionResult, Evaluation, LevelResult, Problem } from "../engine/types";
import { render } from "../i18n";
import type { Lang, RuleSet } from "../ruleset/types";
import { parseCellAddress, type Grid, cellAddress, findGrid } from "../shared/grid";
import type { MarkPlan } from "./types";
import { whereNow } from "../state/anchors";
import type { ReadResult } from "../read/read";
import type { SavedMark, SavedRow } from "../state/state";

/** A commune's conditions, level by level, in one list (no wrapper object for each: a district has a hundred thousand). */
function conditionResults(c: CommuneResult): ConditionResult[] {
  const out: ConditionResult[] = [];
  for (const lv of Object.values(c.levels) as LevelResult[])
    for (const i of lv.indicators) for (const cond of i.conditions) out.push(cond);
  return out;
}

/** The state's marks where they are now: through their anchors; a mark whose cell the user deleted is gone. */
export function marksNow(read: ReadResult, grids: readonly Grid[]): SavedMark[] {
  return (read.state?.marks ?? []).flatMap((m) => {
    const a = whereNow(read.anchors, m.name);
    if (a === null) return [];
    if (a === undefined) return [m];
    const g = findGrid(grids, a.sheet);
    return g ? [{ ...m, cell: cellAddress(g.sheet, a.range.r0, a.range.c0) }] : [];
  });
}

/** The rows TC8 made taller, where they are now. */
export function rowsNow(read: ReadResult, grids: readonly Grid[]): SavedRow[] {
  return (read.state?.rows ?? []).flatMap((r) => {
    const a = whereNow(read.anchors, r.name);
    if (a === null) return [];
    if (a === undefined) return [r];
    const g = findGrid(grids, a.sheet);
    return g ? [{ ...r, sheet: g.sheet, row: a.range.r0 }] : [];
  });
}

/** What each village and postal point lacks, by its name cell: the lines of its `Ghi chú TC8`. */
export function entityNotes(ev: Evaluation, rs: RuleSet, lang: Lang): Map<string, string[]> {
  const notes = new Map<string, string[]>();
  for (const c of ev.communes)
    for (const cond of conditionResults(c))
      for (const e of cond.entities ?? []) {
        if (e.verdict === "pass" || cond.informational) continue;
        const line = conditionLine(cond.id, render(e.msg, lang), lang, rs);
        const lines = notes.get(e.cell) ?? [];
        if (!lines.includes(line)) lines.push(line);
        notes.set(e.cell, lines);
      }
  return notes;
}

/**
 * Input cells behind failing conditions (red, "fail") and unreadable or needed blank cells (amber,
 * "missing"), each with its note; a cell both ways is red, with every line once. Cells in TC8's own
 * columns (`isOwn`) are never marked.
 */
export function planMarks(
  ev: Evaluation,
  readProblems: readonly Problem[],
  rs: RuleSet,
  lang: Lang,
  isOwn: (sheet: string, row: number, col: number) => boolean,
): MarkPlan[] {
  const marks = new Map<string, MarkPlan>();
  const mark = (cell: string, kind: "fail" | "missing", line: string) => {
    const { sheet, row, col } = parseCellAddress(cell);
    if (isOwn(sheet, row, col)) return;
    const m = marks.get(cell);
    if (!m) marks.set(cell, { cell, kind, note: line });
    else {
      if (kind === "fail") m.kind = "fail";
      if (!m.note.split("\n").includes(line)) m.note += `\n${line}`;
    }
  };
  for (const c of ev.communes)
    for (const cond of conditionResults(c))
      for (const mk of cond.marks) mark(mk.cell, mk.kind, conditionLine(cond.id, render(mk.msg, lang), lang, rs));
  for (const p of [...readProblems, ...ev.problems]) if (p.cell) mark(p.cell, "missing", render(p.msg, lang));
  return [...marks.values()];
}
