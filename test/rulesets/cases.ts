/**
 * Test cases as data (docs/rules.md, "Test cases"): a rule set's `<id>.cases.json` beside its file gives
 * a base commune and cases that change its figures, each with the verdicts expected. This turns them
 * into the engine's commune facts, generically: nothing here knows a rule set's fields.
 */
import fs from "node:fs";
import path from "node:path";
import { fieldIn } from "../../src/core/fields";
import { checkRuleSetText, parseFraction, shippedRuleSetText, type RuleSet } from "../../src/core/ruleset";
import type { CommuneFacts, EntityFacts, Fact, Facts } from "../../src/core/engine/types";
import type { Verdict } from "../../src/core/engine/tristate";

/** A cell's value in a case: a number, text, yes/no, null for a blank cell, { problem } for an unreadable one; a rate as "45%". */
type Value = string | number | boolean | null | { problem: string };
type Values = Record<string, Value>;

/** Villages: how many like the base village, a list of changes per village, the first `yes` of `of` having `with`, or "counts" (none listed: the counts columns say). */
type VillagesSpec = number | Values[] | { with: string; yes: number; of: number; also?: Values } | "counts";

export interface CaseSpec {
  name: string;
  /** The condition whose verdict is expected. */
  condition?: string;
  facts?: Values;
  /** Columns the commune's table does not have. */
  absent?: string[];
  villages?: VillagesSpec;
  /** Postal points: changes per point; null for no postal data at all. */
  points?: Values[] | null;
  expect?: Verdict;
  /** Verdicts expected per level (its id). */
  levels?: Record<string, Verdict>;
}

export interface CasesFile {
  ruleset: string;
  base: { facts: Values; village: Values; villages: number; point: Values; points: number };
  cases: CaseSpec[];
}

const ROOT = path.join(__dirname, "../..");

/** Every cases file: the shipped rule sets' and the fixtures'. */
export function casesFiles(): string[] {
  const dirs = [path.join(ROOT, "rulesets"), path.join(ROOT, "test/fixtures/rulesets")];
  return dirs.flatMap((d) => (fs.existsSync(d) ? fs.readdirSync(d).filter((f) => f.endsWith(".cases.json")).map((f) => path.join(d, f)) : []));
}

/** The rule set a cases file tests: the file beside it (<id>.json), else a shipped one by id. */
export function ruleSetFor(casesPath: string, id: string): RuleSet {
  const beside = path.join(path.dirname(casesPath), `${id}.json`);
  const text = fs.existsSync(beside) ? fs.readFileSync(beside, "utf8") : shippedRuleSetText(id);
  if (text === undefined) throw new Error(`${casesPath}: no rule set ${id}`);
  const checked = checkRuleSetText(text, (x) => {
    const f = path.join(path.dirname(casesPath), `${x}.json`);
    return fs.existsSync(f) ? fs.readFileSync(f, "utf8") : shippedRuleSetText(x);
  });
  if (!checked.ruleset) throw new Error(`${id}: ${JSON.stringify(checked.problems)}`);
  return checked.ruleset;
}

function fact(rs: RuleSet, key: string, v: Value, cell: string): Fact {
  if (!fieldIn(rs, key)) throw new Error(`rule set ${rs.id} has no field ${key}`);
  if (v === null) return { cell };
  if (typeof v === "object") return { cell, problem: { key: "value.notNumber", params: { value: v.problem } } };
  if (typeof v === "string" && fieldIn(rs, key)!.type === "rate") {
    const r = parseFraction(v);
    if (!r) throw new Error(`${key}: not a rate: ${v}`);
    return { cell, value: r };
  }
  return { cell, value: v };
}

function factsOf(rs: RuleSet, values: Values, sheet: string, row: number, absent: readonly string[] = []): Facts {
  const out: Record<string, Fact> = {};
  let col = 1;
  for (const [k, v] of Object.entries(values)) {
    col++;
    if (!absent.includes(k)) out[k] = fact(rs, k, v, `'${sheet}'!${String.fromCharCode(64 + Math.min(col, 26))}${row}`);
  }
  return out;
}

/** The commune a case describes: the base with the case's changes. */
export function communeOf(rs: RuleSet, file: CasesFile, c: CaseSpec): CommuneFacts {
  const b = file.base;
  const facts = factsOf(rs, { ...b.facts, ...c.facts }, "Xã", 2, c.absent);
  const spec = c.villages ?? b.villages;
  let villages: EntityFacts[] | undefined;
  if (spec !== "counts") {
    const list: Values[] =
      typeof spec === "number" ? Array.from({ length: spec }, () => ({})) : Array.isArray(spec) ? spec : Array.from({ length: spec.of }, (_, i) => ({ [spec.with]: i < spec.yes, ...spec.also }));
    villages = list.map((changes, i) => ({ name: `Thôn ${i + 1}`, cell: `'Thôn'!B${i + 2}`, facts: factsOf(rs, { ...b.village, ...changes }, "Thôn", i + 2) }));
  }
  const points = c.points === undefined ? Array.from({ length: b.points }, () => ({})) : c.points;
  const postalPoints = points === null ? undefined : points.map((changes, i) => ({ name: `Điểm ${i + 1}`, cell: `'Điểm BC'!B${i + 2}`, facts: factsOf(rs, { ...b.point, ...changes }, "Điểm BC", i + 2) }));
  return { name: "Xã Mẫu", cell: "'Xã'!A2", facts, villages, postalPoints };
}
