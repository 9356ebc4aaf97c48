import { LANGSON_2022 } from "./langson-2022";
import type { ConditionDef, IndicatorDef, LevelDef, LevelId, RuleSet } from "./types";

export * from "./types";
export { LANGSON_2022 };

const RULESETS: ReadonlyMap<string, RuleSet> = new Map([[LANGSON_2022.id, LANGSON_2022]]);

export const DEFAULT_RULESET_ID = LANGSON_2022.id;

export function getRuleSet(id: string = DEFAULT_RULESET_ID): RuleSet {
  const rs = RULESETS.get(id);
  if (!rs) throw new Error(`unknown rule set ${id}; known: ${[...RULESETS.keys()].join(", ")}`);
  return rs;
}

export function levelOf(rs: RuleSet, id: LevelId): LevelDef {
  const lv = rs.levels.find((l) => l.id === id);
  if (!lv) throw new Error(`rule set ${rs.id} has no level ${id}`);
  return lv;
}

/** Every condition of the rule set with its level and indicator, in rule-set order. */
export function allConditions(rs: RuleSet): { level: LevelDef; indicator: IndicatorDef; condition: ConditionDef }[] {
  return rs.levels.flatMap((level) => level.indicators.flatMap((indicator) => indicator.conditions.map((condition) => ({ level, indicator, condition }))));
}
