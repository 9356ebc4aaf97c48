import { fromDecimal, percentTruncated, ratioAtLeast, rationalAtLeast, rational } from "../../src/core/engine/ratio";

describe("exact ratios", () => {
  test.each([
    [0.45, { n: 9, d: 20 }],
    [45, { n: 45, d: 1 }],
    [0.1, { n: 1, d: 10 }],
    [33.333, { n: 33333, d: 1000 }],
    [1e-7, { n: 1, d: 10000000 }],
    [0, { n: 0, d: 1 }],
  ])("fromDecimal(%p) is the decimal the user typed", (x, r) => {
    expect(fromDecimal(x)).toEqual(r);
  });
  test("2/3 is compared in integers, not floats", () => {
    expect(ratioAtLeast(2, 3, rational(2, 3))).toBe(true);
    expect(ratioAtLeast(6, 9, rational(2, 3))).toBe(true);
    expect(ratioAtLeast(5, 8, rational(2, 3))).toBe(false);
    expect(ratioAtLeast(666666, 1000000, rational(2, 3))).toBe(false);
  });
  test("0.1 + 0.2 style float error does not cross a threshold", () => {
    // 0.3 typed as a rate is exactly 30 %.
    expect(rationalAtLeast(fromDecimal(0.3), rational(30, 100))).toBe(true);
    expect(rationalAtLeast(fromDecimal(0.29999), rational(30, 100))).toBe(false);
  });
  test("percentages shown are truncated so they never appear to cross the threshold", () => {
    expect(percentTruncated(4, 12)).toBe(33.3);
    expect(percentTruncated(9999, 20000)).toBe(49.9);
    expect(percentTruncated(2, 3)).toBe(66.6);
    expect(percentTruncated(1, 1)).toBe(100);
  });
});
