/** One level evaluated alone: what it says when it fails for the other, and what the summary counts. */
import { SUMMARY_SHEET } from "../../src/core/state/own";
import { allValues, communesSheet, evaluateBytes, under, villagesSheet, xlsx } from "../helpers/xlsx";

async function district() {
  // Xã A meets everything; Xã B fails NTM (no radio station) and nothing of NTM nâng cao.
  return xlsx([
    communesSheet([{ commune: "Xã A" }, { commune: "Xã B", radio_station: "Không" }]),
    villagesSheet(["Xã A", "Xã B"].flatMap((c) => [1, 2, 3].map((i) => ({ commune: c, village: `Thôn ${i}` })))),
  ]);
}

test("NTM nâng cao alone: a commune failing it only for TC8 NTM says so in its explanation", async () => {
  const { wb, run } = await evaluateBytes(await district(), { levels: ["nc"] });
  const b = run.evaluation.communes.find((c) => c.name === "Xã B")!;
  expect(b.levels.nc?.verdict).toBe("fail");
  expect(b.levels.nc?.indicators.every((i) => i.verdict === "pass")).toBe(true);
  const why = String(under(wb!, "Xã", "Giải thích TC8", "Xã B"));
  expect(why).toContain("Xã phải đạt TC8 NTM trước khi xét NTM nâng cao");
  expect(under(wb!, "Xã", "Giải thích TC8", "Xã A")).toBeNull();
});

test("NTM nâng cao alone: the summary's totals count that level only", async () => {
  const { wb } = await evaluateBytes(await district(), { levels: ["nc"] });
  const values = [...allValues(wb!, (n) => n === SUMMARY_SHEET).values()].map((v) => JSON.parse(v));
  expect(values).toContain("Kết quả: 2 xã được đánh giá; 1 xã đạt Tiêu chí số 8 (NTM nâng cao)");
});
