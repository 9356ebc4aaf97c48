/**
 * Reading and sizing through Excel's own client: merged areas beyond what Excel will return,
 * where the formulas are, a sheet of long texts, and the estimate TC8 fills requests by never
 * below what Office.js really sends.
 */
import { evaluateInContext, clearInContext } from "../../src/hosts/office";
import { applyPlan } from "../../src/hosts/office/apply";
import { readSnapshot } from "../../src/hosts/office/read";
import { housekeeping } from "../../src/hosts/office/state";
import { MAX_REQUEST_BYTES, Wire } from "../../src/hosts/office/wire";
import { runClear, runEvaluation } from "../../src/core/pipeline";
import type { Grid } from "../../src/core/shared/grid";
import type { Capabilities } from "../../src/hosts/office/capabilities";
import { COMMUNE_FIELDS, VILLAGE_FIELDS } from "../helpers/fields";
import { colOfKey, district, FIRST_ROW } from "../helpers/wire/district";
import { API_17, API_118, API_19, summarize, wireContext } from "../helpers/wire/harness";
import { SimExcel } from "../helpers/wire/sim";

const header = (key: string) => COMMUNE_FIELDS.find((f) => f.key === key)!.header;

/** A communes sheet under a merged two-row header, and villages whose commune cell is merged over their rows. */
function merged(communes: number): SimExcel {
  const x = new SimExcel();
  const xa = x.addSheet("Xã");
  xa.set("A1", [
    [header("commune"), "Ứng dụng CNTT", null],
    [null, "Số CBCC", "Số CBCC có máy vi tính"],
  ]);
  xa.merges.push({ r0: 0, c0: 0, r1: 1, c1: 0 }, { r0: 0, c0: 1, r1: 0, c1: 2 });
  const thon = x.addSheet("Thôn");
  const vh = ["commune", "village", "internet_mobile"].map((k) => VILLAGE_FIELDS.find((f) => f.key === k)!.header);
  thon.set("A1", [vh]);
  for (let i = 0; i < communes; i++) {
    xa.set(`A${i + 3}`, [[`Xã ${i + 1}`, 20, i % 2 ? 9 : 12]]);
    for (let v = 0; v < 3; v++) thon.set(`A${2 + i * 3 + v}`, [[v ? null : `Xã ${i + 1}`, `Thôn ${v + 1}`, "Có"]]);
    thon.merges.push({ r0: 1 + i * 3, c0: 0, r1: 3 + i * 3, c1: 0 });
  }
  return x;
}

const computersVerdict = (out: Awaited<ReturnType<typeof evaluateInContext>>, i: number) =>
  out
    .run!.evaluation.communes[i].levels.ntm?.indicators.find((d) => d.id === "8.4")
    ?.conditions.find((c) => c.id === "8.4.a.may_tinh")?.verdict;

describe("merged areas", () => {
  test("read apart from the cells; when Excel refuses them (over 512), those of the header rows are read alone and the evaluation goes on", async () => {
    const x = merged(40);
    x.maxMergedAreas = 30;
    const out = await evaluateInContext(wireContext(x), {}, API_118);
    // The geometry request was refused, once; the rest went through.
    expect(summarize(x.log).errors).toEqual([expect.stringMatching(/GeneralException/)]);
    expect([computersVerdict(out, 0), computersVerdict(out, 1)]).toEqual(["pass", "fail"]);
    expect(out.requests).toBe(x.log.length);
  });

  test("when even the header rows' merged areas are refused, the header is read from the cells alone", async () => {
    const x = merged(10);
    x.maxMergedAreas = 0;
    const out = await evaluateInContext(wireContext(x), {}, API_118);
    expect(summarize(x.log).errors).toHaveLength(2);
    expect([computersVerdict(out, 0), computersVerdict(out, 1)]).toEqual(["pass", "fail"]);
  });
});

test("formulas are found per block: special cells with ExcelApi 1.9, the formulas themselves before it; the same cells", async () => {
  const found: Record<string, number[]> = {};
  for (const [name, caps] of [
    ["1.9", API_19],
    ["1.7", API_17],
  ] as const) {
    const x = district(40);
    const snap = await readSnapshot(wireContext(x), caps);
    const g = snap.grids.find((s: Grid) => s.sheet === "Xã")!;
    found[name] = [...(g.formulas ?? new Map()).entries()]
      .flatMap(([r, cols]) => [...cols].map((c) => r * 1000 + c))
      .sort((a, b) => a - b);
  }
  expect(found["1.9"]).toHaveLength(10);
  expect(found["1.9"]).toEqual(found["1.7"]);
  expect(found["1.9"][0]).toBe(FIRST_ROW * 1000 + colOfKey("officials"));
});

test("a sheet of long texts is read in row blocks: every response under 4,000,000 bytes, every row read", async () => {
  const x = district(5);
  const notes = x.addSheet("Ghi chép");
  const long = "Biên bản kiểm tra thực tế tại xã, thôn, bản: ".repeat(40);
  for (let r = 0; r < 3000; r++) notes.set(`A${r + 1}`, [[`Mục ${r + 1}`, long, long]]);
  const snap = await readSnapshot(wireContext(x), API_118);
  const s = summarize(x.log);
  expect(s.maxResponse).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
  expect(s.errors).toEqual([]);
  expect(snap.grids.find((g) => g.sheet === "Ghi chép")!.rows.size).toBe(3000);
  expect(x.log.length).toBeGreaterThan(4);
});

describe.each([
  ["1.18", API_118],
  ["1.9", API_19],
  ["1.7", API_17],
] as const)("ExcelApi %s: what a request is filled by", (_api, caps: Capabilities) => {
  test("the estimate of each write request is never below what Office.js sends (evaluation, again, Clear results)", async () => {
    const x = district(65);
    for (const step of ["evaluate", "again", "clear"]) {
      x.log = [];
      const wire = new Wire(wireContext(x));
      const hk = housekeeping(await readSnapshot(wire, caps));
      const plan =
        step === "clear"
          ? runClear(hk.snapshot.grids, { removeChecklist: true })
          : runEvaluation(hk.snapshot.grids, {}).plan!;
      await applyPlan(wire, plan, hk.snapshot, caps, { housekeeping: hk, maxBytes: 30_000 });
      expect(wire.estimates).toHaveLength(x.log.length);
      const sent = x.log
        .map((l, i) => ({ i, bytes: l.bytes, estimate: wire.estimates[i] }))
        .filter((r) => r.estimate !== undefined);
      expect(sent.length).toBeGreaterThan(step === "clear" ? 0 : 5);
      expect(sent.filter((r) => r.bytes > r.estimate!)).toEqual([]);
    }
  });
});

test("Clear results on a workbook TC8 never evaluated changes none of the user's cells", async () => {
  const x = district(10);
  const before = JSON.stringify(x.snapshot());
  await clearInContext(wireContext(x), { removeChecklist: true }, API_118);
  // Nothing of TC8's: the state sheet alone is written (with its column mapping).
  const after = x.snapshot();
  delete after["TC8_STATE (VeryHidden)"];
  expect(JSON.stringify(after)).toBe(before);
});
