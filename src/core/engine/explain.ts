/** Results as people and programs read them: explanation lines and the results JSON (SPEC §5, §6). */
import { render } from "../i18n";
import type { Lang } from "../ruleset/types";
import { msg } from "../i18n/format";
import type { CommuneResult, ConditionResult, Evaluation, LevelResult } from "./types";
import { getRuleSet, levelOf } from "../ruleset";

/** Conditions that decide the verdict and did not pass, in rule-set order, each once. */
export function failingConditions(c: CommuneResult): ConditionResult[] {
  const seen = new Set<string>();
  const out: ConditionResult[] = [];
  for (const lv of Object.values(c.levels) as LevelResult[])
    for (const ind of lv.indicators)
      for (const cond of ind.conditions)
        if (!cond.informational && cond.verdict !== "pass" && !seen.has(cond.id)) {
          seen.add(cond.id);
          out.push(cond);
        }
  return out;
}

/**
 * The `Giải thích TC8` text: one line per failing or missing condition ("8.4.a.may_tinh: 4/12 CBCC
 * có máy vi tính = 33,3 % < 50 %"), and the area default where it was used.
 */
export function explanationLines(c: CommuneResult, lang: Lang): string[] {
  if (c.excluded) return [render(msg("commune.excluded", { reason: c.excluded }), lang)];
  const lines = failingConditions(c).map((cond) => `${cond.id}: ${render(cond.msg, lang)}`);
  if (c.areaDefaulted && c.area) lines.push(render(msg("area.defaulted", { area: c.area }), lang));
  return lines;
}

export interface ResultsJsonOptions {
  lang?: Lang;
  evaluatedAt?: string;
}

/** The results JSON of SPEC §6. Keys are fixed; more may be added. */
export function toResultsJson(ev: Evaluation, opts: ResultsJsonOptions = {}): ResultsJson {
  const lang = opts.lang ?? "vi";
  const rs = getRuleSet(ev.ruleset.id);
  return {
    ruleset: ev.ruleset.id,
    rulesetVersion: ev.ruleset.version,
    ...(opts.evaluatedAt ? { evaluatedAt: opts.evaluatedAt } : {}),
    levels: ev.levels,
    communes: ev.communes.map((c) => ({
      name: c.name,
      ...(c.district ? { district: c.district } : {}),
      ...(c.code ? { code: c.code } : {}),
      area: c.area,
      areaDefaulted: c.areaDefaulted,
      ...(c.cell ? { cell: c.cell } : {}),
      ...(c.excluded ? { excluded: render(c.excluded, lang) } : {}),
      levels: Object.fromEntries(
        (Object.values(c.levels) as LevelResult[]).map((lv) => [
          lv.level,
          {
            verdict: lv.verdict,
            criterion: levelOf(rs, lv.level).criterion,
            prerequisites: lv.prerequisites.map((p) => ({ id: p.id, verdict: p.verdict, message: render(p.msg, lang) })),
            indicators: Object.fromEntries(
              lv.indicators.map((ind) => [
                ind.id,
                {
                  verdict: ind.verdict,
                  ...(ind.point ? { point: ind.point } : {}),
                  conditions: ind.conditions.map((cond) => ({
                    id: cond.id,
                    verdict: cond.verdict,
                    ...(cond.informational ? { informational: true } : {}),
                    observed: cond.observed,
                    required: cond.required,
                    message: render(cond.msg, lang),
                    messageKey: cond.msg.key,
                    cells: cond.cells,
                  })),
                },
              ]),
            ),
            evidence: lv.evidence,
          },
        ]),
      ),
    })),
    problems: ev.problems.map((p) => ({ severity: p.severity, ...(p.cell ? { cell: p.cell } : {}), message: render(p.msg, lang), messageKey: p.msg.key })),
  };
}

export interface ResultsJson {
  ruleset: string;
  rulesetVersion: string;
  evaluatedAt?: string;
  levels: string[];
  communes: {
    name: string;
    district?: string;
    code?: string;
    area: string | null;
    areaDefaulted: boolean;
    cell?: string;
    excluded?: string;
    levels: Record<string, unknown>;
  }[];
  problems: { severity: string; cell?: string; message: string; messageKey: string }[];
}
