/**
 * The public acceptance workbooks (copied from the product's acceptance set) evaluated and compared
 * with their expected results: in-process for every commune, level, indicator and listed
 * condition, and through the acceptance checker itself, which runs the `tc8` command.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { toResultsJson } from "../../src/core/engine/explain";
import { evaluateXlsx } from "../../src/hosts/xlsx";

const DIR = path.join(__dirname, "../fixtures/acceptance");
const ROOT = path.join(__dirname, "../..");
const norm = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/gi, "d")
    .toLowerCase()
    .replace(/^\s*xa\s+/, "")
    .trim();

interface Expected {
  communes: Record<
    string,
    {
      ntm: Record<string, string>;
      nc: Record<string, string>;
      conditions?: Record<string, string>;
      area?: string;
      areaDefaulted?: boolean;
    }
  >;
  problems?: string[];
  onlyCommunes?: boolean;
  checklistRowsPerCommune?: number;
}

const cases = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith(".expected.json"))
  .map((f) => f.replace(".expected.json", ""));

describe.each(cases)("acceptance workbook %s", (name) => {
  const expected = JSON.parse(fs.readFileSync(path.join(DIR, `${name}.expected.json`), "utf8")) as Expected;
  let json: ReturnType<typeof toResultsJson>;
  beforeAll(async () => {
    const r = await evaluateXlsx(fs.readFileSync(path.join(DIR, `${name}.xlsx`)));
    json = toResultsJson(r.run.evaluation);
  });

  test.each(Object.entries(expected.communes))("%s", (commune, e) => {
    const got = json.communes.find((c) => norm(c.name) === norm(commune));
    expect(got).toBeDefined();
    const levels = got!.levels as Record<
      string,
      {
        verdict: string;
        indicators: Record<string, { verdict: string; conditions: { id: string; verdict: string }[] }>;
      }
    >;
    for (const lv of ["ntm", "nc"] as const) {
      const { verdict, ...indicators } = e[lv];
      expect([lv, levels[lv].verdict]).toEqual([lv, verdict]);
      for (const [id, v] of Object.entries(indicators))
        expect([lv, id, levels[lv].indicators[id].verdict]).toEqual([lv, id, v]);
    }
    const all = Object.values(levels).flatMap((l) => Object.values(l.indicators).flatMap((i) => i.conditions));
    for (const [id, v] of Object.entries(e.conditions ?? {}))
      expect([id, all.find((c) => c.id === id)?.verdict]).toEqual([id, v]);
    if (e.area) expect(got!.area).toBe(e.area);
    if (e.areaDefaulted) expect(got!.areaDefaulted).toBe(true);
  });

  test("problems at the expected cells, and no unexpected communes", () => {
    const cells = new Set(json.problems.map((p) => (p.cell ?? "").replace(/['$]/g, "").toLowerCase()));
    for (const c of expected.problems ?? []) expect(cells).toContain(c.replace(/['$]/g, "").toLowerCase());
    if (expected.onlyCommunes)
      expect(json.communes.map((c) => norm(c.name)).sort()).toEqual(Object.keys(expected.communes).map(norm).sort());
  });
});

test("the acceptance checker passes on the tc8 command", () => {
  expect(fs.existsSync(path.join(ROOT, "lib/cli/tc8.js"))).toBe(true);
  const r = spawnSync(process.execPath, [path.join(DIR, "check.mjs"), ROOT, DIR], {
    encoding: "utf8",
    timeout: 170000,
  });
  const last = r.stdout.trim().split("\n").pop();
  expect(last).toMatch(/^acceptance: \d+ passed, 0 failed$/);
  expect(r.status).toBe(0);
}, 180000);
