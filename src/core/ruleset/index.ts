/**
 * The shipped rule sets (rulesets/*.json, carried as text by shipped.generated.ts) and what is
 * asked of any rule set. Hosts choose a rule set here, at their entry, and pass it on as a value.
 */
import { checkRuleSetText, type CheckedRuleSet } from "./load";
import { SHIPPED } from "./shipped.generated";
import type { ConditionDef, IndicatorDef, Lang, LevelDef, LevelId, RuleSet } from "./types";

export * from "./types";
export {
  checkRuleSetText,
  parseFraction,
  CHECK_KINDS,
  type CheckedRuleSet,
  type RuleSetProblem,
  type ResolveText,
} from "./load";

/** The text of each shipped rule set, by id (the file is rulesets/<id>.json). */
const TEXTS: ReadonlyMap<string, string> = new Map(
  Object.entries(SHIPPED).map(([file, text]) => [file.replace(/\.json$/, ""), text]),
);

/** The rule set a workbook without a chosen one is evaluated with. */
export const DEFAULT_RULESET_ID = "langson-2022";

const LOADED = new Map<string, RuleSet>();

/** The ids of the shipped rule sets. */
export function shippedRuleSetIds(): string[] {
  return [...TEXTS.keys()];
}

/** A shipped rule set's file, byte for byte, or undefined. */
export function shippedRuleSetText(id: string): string | undefined {
  return TEXTS.get(id);
}

/** Checks a rule-set file's text; a variant's `extends` names a shipped rule set. */
export function checkRuleSet(text: string): CheckedRuleSet {
  return checkRuleSetText(text, shippedRuleSetText);
}

/** A shipped rule set by id, or undefined when there is none. */
export function findRuleSet(id: string): RuleSet | undefined {
  let rs = LOADED.get(id);
  if (!rs) {
    const text = TEXTS.get(id);
    if (text === undefined) return undefined;
    const checked = checkRuleSet(text);
    // A shipped file is checked by the tests (test/unit/ruleset-files.test.ts); failing here is a build error.
    if (!checked.ruleset) throw new Error(`shipped rule set ${id} is invalid: ${JSON.stringify(checked.problems[0])}`);
    rs = checked.ruleset;
    LOADED.set(id, rs);
  }
  return rs;
}

/** A shipped rule set by id (the default one without an id); throws on an unknown id. */
export function getRuleSet(id: string = DEFAULT_RULESET_ID): RuleSet {
  const rs = findRuleSet(id);
  if (!rs) throw new Error(`unknown rule set ${id}; known: ${shippedRuleSetIds().join(", ")}`);
  return rs;
}

export function levelOf(rs: RuleSet, id: LevelId): LevelDef {
  const lv = rs.levels.find((l) => l.id === id);
  if (!lv) throw new Error(`rule set ${rs.id} has no level ${id}`);
  return lv;
}

/** Every condition of the rule set with its level and indicator, in rule-set order. */
export function allConditions(rs: RuleSet): { level: LevelDef; indicator: IndicatorDef; condition: ConditionDef }[] {
  return rs.levels.flatMap((level) =>
    level.indicators.flatMap((indicator) => indicator.conditions.map((condition) => ({ level, indicator, condition }))),
  );
}

export interface ConditionPlace {
  level: LevelDef;
  indicator: IndicatorDef;
  condition: ConditionDef;
}

const PLACES = new WeakMap<RuleSet, Map<string, ConditionPlace>>();

/** Where a condition sits in the rule set (its level and indicator), by id. */
export function conditionPlace(rs: RuleSet, id: string): ConditionPlace | undefined {
  let m = PLACES.get(rs);
  if (!m) {
    m = new Map();
    for (const p of allConditions(rs)) if (!m.has(p.condition.id)) m.set(p.condition.id, p);
    PLACES.set(rs, m);
  }
  return m.get(id);
}

/** An indicator as a person reads it: "8.4 NTM", "8.4 NTM nâng cao" (the column headers' "NC" spelled out). */
export function indicatorLabel(level: LevelDef, indicator: string, lang: Lang): string {
  return `${indicator} ${level.name[lang]}`;
}

/** The guidance's "điểm đ" or "Lưu ý" of a condition, from its legal reference. */
function pointOf(c: ConditionDef, lang: Lang): string {
  const m = /điểm ([a-zđ])(?![a-z])/i.exec(c.legal.item);
  if (m) return lang === "vi" ? `, điểm ${m[1]}` : `, point ${m[1]}`;
  if (/lưu ý/i.test(c.legal.item)) return lang === "vi" ? ", lưu ý" : ", note";
  return "";
}

/**
 * A condition as the guidance numbers it, with its short name: "8.4 NTM nâng cao, điểm đ – Địa chỉ
 * số". What a person reads in place of the condition's id (ids stay in the results JSON).
 */
export function conditionLabel(rs: RuleSet, id: string, lang: Lang): string {
  const p = conditionPlace(rs, id);
  if (!p) throw new Error(`rule set ${rs.id} has no condition ${id}`);
  return `${indicatorLabel(p.level, p.indicator.id, lang)}${pointOf(p.condition, lang)} – ${p.condition.name[lang]}`;
}

/** The criterion as a title writes it in capitals: "TIÊU CHÍ SỐ 8 – THÔNG TIN VÀ TRUYỀN THÔNG". */
export function criterionCaps(rs: RuleSet): string {
  return `TIÊU CHÍ SỐ ${rs.criterion.number} – ${rs.criterion.name.vi.toLocaleUpperCase("vi")}`;
}

/**
 * A rule-set file that keeps a shipped rule set's id but says something else (a copy of
 * `langson-2022` with a threshold changed): a rule set of its own, never taken for the shipped one.
 * Its id gets the file's name (`langson-2022+x`) and its title says it is an edited copy, so the
 * workbook's state, the results JSON and the summary's header name it, and evaluating the workbook
 * again without that file stops with a clear message instead of using the shipped thresholds
 * (docs/rules.md §8.8).
 */
export function asFileRuleSet(rs: RuleSet, text: string, fileName: string): RuleSet {
  const shipped = shippedRuleSetText(rs.id);
  if (shipped === undefined || shipped === text) return rs;
  const stem = fileName.replace(/^.*[\\/]/, "").replace(/\.json$/i, "");
  return { ...rs, id: `${rs.id}+${stem}`, name: `${rs.name} (bản sửa trong tệp ${fileName.replace(/^.*[\\/]/, "")})` };
}
