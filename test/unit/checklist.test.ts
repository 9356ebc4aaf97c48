/** Reading an existing evidence checklist (Minh chứng TC8), at the size of a province. */
import { LS } from "../helpers/fields";
import { CHECKLIST_HEADERS, isDone, isUnclearStatus, readChecklistSheet } from "../../src/core/read/checklist";
import { emptyGrid, setCell } from "../../src/core/shared/grid";

test("a province's checklist (more rows than a function takes arguments) is read whole, its last row found", () => {
  // 10,000 communes × 23 documents make 230,000 rows; 150,000 is already past what a spread into
  // Math.max takes on Node's default stack.
  const n = 150_000;
  const g = emptyGrid("Minh chứng TC8");
  CHECKLIST_HEADERS.forEach((h, c) => setCell(g, 0, c, h));
  for (let r = 1; r <= n; r++) {
    setCell(g, r, 0, `Xã Số ${Math.ceil(r / 23)}`);
    setCell(g, r, 1, "NTM");
    setCell(g, r, 2, "8.1");
    setCell(g, r, 3, ((r - 1) % 23) + 1);
    setCell(g, r, 4, "Tài liệu");
  }
  setCell(g, n, 6, "Đã có");
  const cs = readChecklistSheet(g, LS)!;
  expect(cs.entries).toHaveLength(n);
  expect(cs.lastRow).toBe(n);
  expect(cs.entries[n - 1].values["Tình trạng"]).toBe("Đã có");
});

test("statuses as officials type them: held, not yet held, and unclear (counted as not held, and said)", () => {
  for (const v of [
    "Đã có",
    "đã có.",
    "ĐÃ CÓ",
    "Đã có rồi",
    "có",
    "Có (bản sao)",
    "x",
    "✓",
    "1",
    1,
    true,
    "Đã nộp",
    "rồi",
  ])
    expect([v, isDone(v)]).toEqual([v, true]);
  for (const v of ["Chưa có", "chưa", "Không", "0", "-", "", null, "Chưa nộp bản gốc"])
    expect([v, isDone(v), isUnclearStatus(v)]).toEqual([v, false, false]);
  for (const v of ["Đã nộp bản photo?", "đang xin", "?"])
    expect([v, isDone(v), isUnclearStatus(v)]).toEqual([v, false, true]);
});
