/** The one order of applying a plan (docs/output.md §9a), as both hosts follow it. */
import { applyInOrder, applyNow, applySteps, type ApplyOps, type ApplyStep } from "../../src/core/plan/apply";
import { emptyPlan, type Plan } from "../../src/core/plan";

function fullPlan(): Plan {
  const range = { r0: 1, c0: 5, r1: 4, c1: 6 };
  return {
    ...emptyPlan("langson-2022"),
    writes: [
      { sheet: "Xã", row: 1, col: 5, value: "Đạt" },
      { sheet: "Thôn", row: 1, col: 3, value: "x" },
      { sheet: "Xã", row: 2, col: 5, value: "Không đạt" },
    ],
    columnWidths: [{ sheet: "Xã", col: 5, width: 20 }],
    clears: [{ sheet: "Xã", range }],
    tableResizes: [{ sheet: "Xã", table: "T", range, headers: ["TC8 NTM"] }],
    unmarks: [{ cell: "'Xã'!B2", kind: "fail", original: null }],
    marks: [{ cell: "'Xã'!B3", kind: "missing", note: "thiếu" }],
    sheets: [{ name: "Tổng hợp TC8", cells: [] }],
    sheetUpdates: [
      { name: "Minh chứng TC8", cells: [], clears: [], unmerges: [], merges: [], validations: [], rowHeights: [] },
    ],
    deleteSheets: ["Cũ"],
    rowHeights: [{ sheet: "Xã", row: 2, height: 30 }],
  };
}

const recorder = (log: string[]): ApplyOps<void> =>
  new Proxy({} as ApplyOps<void>, {
    get: (_t, kind: string) => (step: ApplyStep) =>
      void log.push("sheet" in step && typeof step.sheet === "string" ? `${kind}:${step.sheet}` : kind),
  });

describe("applying a plan", () => {
  it("goes through one order: what is read first, the pending state, the old undone before the new, the final state last", () => {
    const kinds = [...applySteps(fullPlan())].map((s) => s.kind);
    expect(kinds).toEqual([
      "prepare",
      "pendingState",
      "restoreMarks",
      "clearColumns",
      "writeCells",
      "writeCells",
      "columnWidths",
      "rowHeights",
      "mark",
      "updateSheet",
      "newSheet",
      "placeSheets",
      "deleteSheet",
      "finalState",
    ]);
  });

  it("groups writes by sheet, in the order the plan first names each sheet", () => {
    const writes = [...applySteps(fullPlan())].filter(
      (s): s is Extract<ApplyStep, { kind: "writeCells" }> => s.kind === "writeCells",
    );
    expect(writes.map((w) => [w.sheet, w.cells.map((c) => c.value)])).toEqual([
      ["Xã", ["Đạt", "Không đạt"]],
      ["Thôn", ["x"]],
    ]);
  });

  it("runs the same steps whether a host's operations complete at once or are requests", async () => {
    const now: string[] = [];
    const later: string[] = [];
    applyNow(fullPlan(), recorder(now));
    await applyInOrder(fullPlan(), recorder(later));
    expect(later).toEqual(now);
    expect(now[0]).toBe("prepare");
    expect(now.at(-1)).toBe("finalState");
  });

  it("waits for each request-making step before the next", async () => {
    const log: string[] = [];
    const ops = new Proxy({} as ApplyOps, {
      get: (_t, kind: string) => async () => {
        log.push(`${kind}>`);
        await new Promise((r) => setTimeout(r, 1));
        log.push(`<${kind}`);
      },
    });
    await applyInOrder(emptyPlan("langson-2022"), ops);
    for (let i = 0; i < log.length; i += 2) expect(log[i + 1]).toBe(`<${log[i].slice(0, -1)}`);
  });
});
