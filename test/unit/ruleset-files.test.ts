/**
 * The rule-set files themselves: the generated validator and shipped texts are current, every
 * shipped file is valid, and nothing outside a rule set file names a level, an area, a condition or
 * a field of criterion 8 (docs/rules.md, "The rule-set file").
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { generated } from "../../scripts/rulesets-build";
import { checkRuleSet, shippedRuleSetIds, shippedRuleSetText } from "../../src/core/ruleset";
import { LS } from "../helpers/fields";

const ROOT = path.join(__dirname, "../..");

test("src/core/ruleset/*.generated.ts are current (npx tsx scripts/rulesets-build.ts)", () => {
  for (const [rel, text] of Object.entries(generated()))
    expect([rel, fs.readFileSync(path.join(ROOT, rel), "utf8") === text]).toEqual([rel, true]);
});

test("every shipped rule set is valid and carried byte for byte", () => {
  expect(shippedRuleSetIds()).toContain("langson-2022");
  for (const id of shippedRuleSetIds()) {
    expect(shippedRuleSetText(id)).toBe(fs.readFileSync(path.join(ROOT, "rulesets", `${id}.json`), "utf8"));
    expect(checkRuleSet(shippedRuleSetText(id)!).problems).toEqual([]);
  }
});

test("the generated validator compiles no code at run time", () => {
  const code = fs.readFileSync(path.join(ROOT, "src/core/ruleset/schema.generated.ts"), "utf8");
  expect(code).not.toMatch(/new Function|\beval\(/);
});

test("nothing in src outside the rule set's files names a level, an area, a condition id or a criterion-8 field", () => {
  const words = new Set<string>([...LS.levels.map((l) => l.id), ...LS.areas.map((a) => a.id)]);
  for (const l of LS.levels) for (const i of l.indicators) for (const c of i.conditions) words.add(c.id);
  for (const list of Object.values(LS.fields)) for (const f of list) words.add(f.key);
  // Also the names of a field type ("website") and of a cell style ("sign"), which are not these fields.
  words.delete("website");
  words.delete("sign");
  const files = execFileSync("git", ["ls-files", "src"], { cwd: ROOT, encoding: "utf8" })
    .split("\n")
    .filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes(".generated."));
  const found: string[] = [];
  for (const f of files) {
    const text = fs.readFileSync(path.join(ROOT, f), "utf8");
    for (const m of text.matchAll(/["'`]([a-z0-9_.]+)["'`]/g)) if (words.has(m[1])) found.push(`${f}: ${m[1]}`);
  }
  expect(found).toEqual([]);
});
