import { evaluate } from "../../src/core/engine";
import { LS } from "./fields";
import type { CommuneFacts, CommuneResult, ConditionResult, LevelResult } from "../../src/core/engine/types";

export function evalOne(c: CommuneFacts): CommuneResult {
  return evaluate([c], { ruleset: LS }).communes[0];
}

export function condition(r: CommuneResult, id: string): ConditionResult {
  for (const lv of Object.values(r.levels) as LevelResult[])
    for (const ind of lv.indicators) for (const c of ind.conditions) if (c.id === id) return c;
  throw new Error(`no condition ${id}`);
}

export function indicator(r: CommuneResult, level: "ntm" | "nc", id: string) {
  const ind = r.levels[level]?.indicators.find((i) => i.id === id);
  if (!ind) throw new Error(`no indicator ${level} ${id}`);
  return ind;
}
