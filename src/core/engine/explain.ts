/** Results as people and programs read them: explanation lines and the results JSON (docs/output.md §11). */
import { render } from "../i18n";
import type { Lang } from "../ruleset/types";
import { msg, type Msg } from "../i18n/format";
import type { CommuneResult, ConditionResult, Evaluation, LevelResult } from "./types";
import { conditionLabel, conditionPlace, indicatorLabel, levelOf } from "../ruleset";
import type { RuleSet } from "../ruleset/types";

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
 * A condition's line as a person reads it: its number in the guidance and short name, then why
 * ("8.4 NTM, điểm a – Máy vi tính/cán bộ, công chức: 4/12 CBCC có máy vi tính = 33,3%, chưa đạt yêu
 * cầu tối thiểu 50%"). Ids stay in the results JSON.
 */
export function conditionLine(id: string, text: string, lang: Lang, rs: RuleSet): string {
  return `${conditionLabel(rs, id, lang)}: ${text}`;
}

/**
 * The `Giải thích TC8` text: one line per failing or missing condition, and the area default where it
 * was used. Conditions of one indicator that say the same thing ("chưa có số liệu điểm phục vụ bưu
 * chính" for each of 8.1's six) are one line, named by the indicator.
 */
export function explanationLines(c: CommuneResult, lang: Lang, rs: RuleSet): string[] {
  if (c.excluded) return [render(msg("commune.excluded", { reason: c.excluded }), lang)];
  // The area default is said once, in the closing line, not after every condition it touched.
  const closing = !!(c.areaDefaulted && c.area);
  const plain = (m: Msg): Msg =>
    closing && m.key === "withArea" && m.params && typeof m.params.msg === "object" ? (m.params.msg as Msg) : m;
  const failing = failingConditions(c).map((cond) => ({
    cond,
    text: render(plain(cond.msg), lang),
    place: conditionPlace(rs, cond.id)!,
  }));
  const lines: string[] = [];
  for (let i = 0; i < failing.length; i++) {
    const { cond, text, place } = failing[i];
    const same = (j: number) =>
      j < failing.length && failing[j].text === text && failing[j].place.indicator === place.indicator;
    let j = i + 1;
    while (same(j)) j++;
    if (j - i > 1) {
      lines.push(`${indicatorLabel(place.level, place.indicator.id, lang)}: ${text}`);
      i = j - 1;
    } else lines.push(conditionLine(cond.id, text, lang, rs));
  }
  // A level evaluated alone (NTM nâng cao without NTM) that fails for its prerequisite says so: the
  // prerequisite's own conditions are not among the results.
  for (const lv of Object.values(c.levels) as LevelResult[])
    for (const p of lv.prerequisites)
      if (p.verdict !== "pass" && !(p.id.replace(/^tc8\./, "") in c.levels)) lines.push(render(p.msg, lang));
  if (closing) lines.push(render(msg("area.defaulted", { area: c.area!, areaName: rs.areaNames[c.area!] }), lang));
  return lines;
}

export interface ResultsJsonOptions {
  lang?: Lang;
  evaluatedAt?: string;
}

/** The results JSON (docs/output.md §11). Keys are fixed; more may be added. */
export function toResultsJson(ev: Evaluation, opts: ResultsJsonOptions = {}): ResultsJson {
  const lang = opts.lang ?? "vi";
  const rs = ev.rules;
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
            prerequisites: lv.prerequisites.map((p) => ({
              id: p.id,
              verdict: p.verdict,
              message: render(p.msg, lang),
            })),
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
    problems: ev.problems.map((p) => ({
      severity: p.severity,
      ...(p.cell ? { cell: p.cell } : {}),
      message: render(p.msg, lang),
      messageKey: p.msg.key,
    })),
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
