/** One runner for every rule set's test cases (rulesets/*.cases.json, test/fixtures/rulesets/*.cases.json). */
import fs from "node:fs";
import path from "node:path";
import { evaluate } from "../../src/core/engine";
import type { ConditionResult, LevelResult } from "../../src/core/engine/types";
import { casesFiles, communeOf, ruleSetFor, type CasesFile } from "./cases";

const files = casesFiles();

test("the shipped rule set has its cases", () => {
  expect(files.map((f) => path.basename(f))).toContain("langson-2022.cases.json");
});

describe.each(files.map((f) => [path.relative(path.join(__dirname, "../.."), f), f]))("%s", (_rel, file) => {
  const data = JSON.parse(fs.readFileSync(file, "utf8")) as CasesFile;
  const rs = ruleSetFor(file, data.ruleset);
  const ids = new Set(rs.levels.flatMap((l) => l.indicators.flatMap((i) => i.conditions.map((c) => c.id))));

  test.each(data.cases.map((c) => [`${c.condition ?? "levels"}: ${c.name}`, c] as const))("%s", (_name, c) => {
    const ev = evaluate([communeOf(rs, data, c)], { ruleset: rs });
    const r = ev.communes[0];
    if (c.condition) {
      expect(ids.has(c.condition)).toBe(true);
      const found: ConditionResult[] = (Object.values(r.levels) as LevelResult[]).flatMap((lv) => lv.indicators.flatMap((i) => i.conditions.filter((x) => x.id === c.condition)));
      expect(found.length).toBeGreaterThan(0);
      expect(found[0].verdict).toBe(c.expect);
    }
    for (const [level, verdict] of Object.entries(c.levels ?? {})) expect([level, r.levels[level]?.verdict]).toEqual([level, verdict]);
  });
});
