/** docs/messages.md: every sentence TC8 can say, with example values, kept current (scripts/messages-doc.ts). */
import fs from "node:fs";
import { EXAMPLES, messagesDoc, OUT } from "../../scripts/messages-doc";
import { msg, render } from "../../src/core/i18n";
import { VI } from "../../src/core/i18n/messages.vi";
import { allConditions, getRuleSet } from "../../src/core/ruleset";

const doc = messagesDoc();

test("docs/messages.md is current (remake it with: npx tsx scripts/messages-doc.ts)", () => {
  expect(fs.readFileSync(OUT, "utf8")).toBe(doc);
});

test("every message has an example in both languages, and every example renders to words", () => {
  for (const key of Object.keys(VI) as (keyof typeof VI)[]) {
    expect([key, EXAMPLES[key].length > 0]).toEqual([key, true]);
    for (const params of EXAMPLES[key])
      for (const lang of ["vi", "en"] as const) {
        const text = render(msg(key, params), lang);
        // No placeholder, raw key, or value a program would print instead of a sentence.
        expect([key, lang, text]).not.toEqual([
          key,
          lang,
          expect.stringMatching(/\?|undefined|NaN|\[object|^\s*$| {2}|\d %/),
        ]);
        expect(text).not.toMatch(
          /\b(flag|fact|ratio|rate|villages?|postal|value|problem|info|area|prereq|commune|entity|ocop)\.[a-zA-Z]/,
        );
      }
  }
});

test("every condition is listed by its name as the guidance numbers it", () => {
  for (const { condition } of allConditions(getRuleSet())) expect(doc).toContain(`\`${condition.id}\` |`);
  expect(doc).toContain("| 8.4 NTM nâng cao, điểm đ – Địa chỉ số | 8.4 Advanced NTM, point đ – Digital addresses |");
});
