/**
 * What crosses the wire when Microsoft's own Excel client evaluates district workbooks (65, 200 and
 * 2,000 communes; 10,000 in `npm run bench:office`, too slow for CI): every request and every
 * response under 4,000,000 bytes, first evaluation and re-evaluation of the annotated workbook,
 * the request count TC8 reports being the real one.
 */
import { evaluateInContext } from "../../src/hosts/office";
import { MAX_REQUEST_BYTES } from "../../src/hosts/office/wire";
import type { Capabilities } from "../../src/hosts/office/capabilities";
import { district } from "../helpers/wire/district";
import { API_17, API_118, API_19, summarize, wireContext } from "../helpers/wire/harness";

const at = new Date(2026, 10, 28, 9, 30);

async function twice(n: number, caps: Capabilities) {
  const x = district(n);
  const passes = [];
  for (const pass of ["first", "again"]) {
    x.log = [];
    const out = await evaluateInContext(wireContext(x), { evaluatedAt: at }, caps);
    passes.push({ pass, out, log: x.log, s: summarize(x.log) });
  }
  return { x, passes };
}

describe.each([
  [65, "1.18", API_118],
  [65, "1.9", API_19],
  [65, "1.7", API_17],
  [200, "1.18", API_118],
  [200, "1.7", API_17],
  [2000, "1.18", API_118],
] as const)("%i communes, ExcelApi %s", (n, _api, caps) => {
  test("first evaluation and re-evaluation: every request and response at most 4,000,000 bytes, none refused, the request count reported is the real one", async () => {
    const { x, passes } = await twice(n, caps);
    for (const { pass, out, log, s } of passes) {
      expect([pass, s.errors]).toEqual([pass, []]);
      expect(s.maxRequest).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
      expect(s.maxResponse).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
      expect(out.requests).toBe(log.length);
      expect(out.run?.evaluation.communes).toHaveLength(n);
      expect(out.run?.plan?.marks.length).toBeGreaterThan(n / 5);
    }
    // Nothing TC8 wrote became a formula.
    expect(x.formulaViolations).toEqual([]);
    if (n < 2000) return;
    // Large: write requests well filled (those before the last over 2 MB on average, none under
    // 0.5 MB: a request ends early only where a sheet must be in place before the next step), reads
    // too. Evaluated again, the checklist is kept as it is (the user's document): fewer writes.
    for (const { pass, log } of passes) {
      const writes = log.filter((l) => l.write);
      expect(writes.length).toBeGreaterThan(pass === "first" ? 2 : 0);
      const before = writes.slice(0, -1);
      if (before.length) expect(before.reduce((s, w) => s + w.bytes, 0) / before.length).toBeGreaterThan(2_000_000);
      for (const w of before) expect(w.bytes).toBeGreaterThan(500_000);
      expect(log.filter((l) => !l.write && l.responseBytes > 1_000_000).length).toBeGreaterThan(2);
    }
  }, 120_000);
});

test("a district of 65 communes on ExcelApi 1.9 or later: at most 6 requests in all, first evaluation and again", async () => {
  for (const caps of [API_118, API_19]) {
    const { passes } = await twice(65, caps);
    expect(passes.map((p) => p.s.requests)).toEqual([expect.any(Number), expect.any(Number)]);
    for (const p of passes) expect(p.s.requests).toBeLessThanOrEqual(6);
  }
});
