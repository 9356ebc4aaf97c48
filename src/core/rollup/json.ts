/**
 * The roll-up's results JSON (docs/output.md §12): the results shape of `tc8 evaluate`, each commune
 * and problem with its `source` file, plus the files and what happened to each.
 */
import { toResultsJson, type ResultsJson } from "../engine/explain";
import type { Lang } from "../ruleset/types";
import type { Rollup } from "./gather";

export interface RollupJson extends Omit<ResultsJson, "communes" | "problems"> {
  communes: (ResultsJson["communes"][number] & {
    source: string;
    sameAs?: { source: string; name: string; cell?: string }[];
  })[];
  problems: (ResultsJson["problems"][number] & { source: string })[];
  files: {
    name: string;
    size?: number;
    modified?: string;
    outcome: "evaluated" | "unreadable" | "noCommunes";
    ruleset?: string;
    /** The rule set TC8's state in the file names, when it is not the one the roll-up used. */
    recordedRuleset?: string;
    communes?: number;
    problems?: number;
    reason?: string;
  }[];
}

export function toRollupJson(r: Rollup, opts: { lang?: Lang; evaluatedAt?: string } = {}): RollupJson {
  const lang = opts.lang ?? "vi";
  const communes: RollupJson["communes"] = [];
  const problems: RollupJson["problems"] = [];
  let rowIndex = 0;
  r.files.forEach((f) => {
    if (f.outcome.kind !== "evaluated") return;
    const one = toResultsJson(f.outcome.evaluation, { lang });
    for (const c of one.communes) {
      const row = r.rows[rowIndex++];
      const sameAs = row.sameAs.map((j) => ({
        source: r.files[r.rows[j].file].name,
        name: r.rows[j].commune.name,
        ...(r.rows[j].commune.cell ? { cell: r.rows[j].commune.cell } : {}),
      }));
      communes.push({ ...c, source: f.name, ...(sameAs.length ? { sameAs } : {}) });
    }
    for (const p of one.problems) problems.push({ ...p, source: f.name });
  });
  return {
    ruleset: r.ruleset.id,
    rulesetVersion: r.ruleset.version,
    ...(opts.evaluatedAt ? { evaluatedAt: opts.evaluatedAt } : {}),
    levels: r.levels,
    communes,
    problems,
    files: r.files.map((f) => {
      const o = f.outcome;
      return {
        name: f.name,
        ...(f.size !== undefined ? { size: f.size } : {}),
        ...(f.modified ? { modified: f.modified.toISOString() } : {}),
        outcome: o.kind,
        ...(o.kind === "evaluated"
          ? {
              ruleset: o.evaluation.ruleset.id,
              ...(o.recordedRuleset && o.recordedRuleset !== o.evaluation.ruleset.id
                ? { recordedRuleset: o.recordedRuleset }
                : {}),
              communes: o.evaluation.communes.length,
              problems: o.evaluation.problems.length,
            }
          : { reason: o.reason }),
      };
    }),
  };
}
