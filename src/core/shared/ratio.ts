/**
 * Exact rational arithmetic, used by the rule set (thresholds) and the engine for thresholds and rates (docs/rules.md §1: ratios are compared in integers,
 * never through rounded floats). BigInt keeps products of large counts exact.
 */
export interface Rational {
  /** numerator */
  n: number;
  /** denominator, > 0 */
  d: number;
}

export function rational(n: number, d = 1): Rational {
  if (!(d > 0)) throw new Error(`denominator must be positive: ${d}`);
  return { n, d };
}

/**
 * The exact value of a decimal number as the user typed it (JavaScript's shortest round-trip
 * representation): 0.455 is 455/1000, not the binary float nearest to it.
 */
export function fromDecimal(x: number): Rational {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  const s = String(x);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s);
  if (!m) throw new Error(`cannot read number ${s}`);
  const digits = (m[2] ?? "") + (m[3] ?? "");
  const exp = -(m[3]?.length ?? 0) + Number(m[4] ?? 0);
  let n = BigInt(digits) * (m[1] ? -1n : 1n);
  let d = 1n;
  if (exp >= 0) n *= 10n ** BigInt(exp);
  else d = 10n ** BigInt(-exp);
  const g = gcd(n < 0n ? -n : n, d);
  return { n: Number(n / g), d: Number(d / g) };
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

/** n/d in lowest terms. */
export function reduced(n: number, d: number): Rational {
  const g = gcd(BigInt(Math.abs(n)), BigInt(d));
  return { n: Number(BigInt(n) / g), d: Number(BigInt(d) / g) };
}

/** a/b >= t, exactly. b must be > 0. */
export function ratioAtLeast(a: number, b: number, t: Rational): boolean {
  return BigInt(a) * BigInt(t.d) >= BigInt(t.n) * BigInt(b);
}

/** r >= t, exactly, for two rationals. */
export function rationalAtLeast(r: Rational, t: Rational): boolean {
  return ratioAtLeast(r.n, r.d, t);
}

/** Percent points of a/b, truncated toward zero to one decimal, so that a shown value never crosses the threshold it is compared with. */
export function percentTruncated(a: number, b: number): number {
  const tenths = (BigInt(a) * 1000n) / BigInt(b);
  return Number(tenths) / 10;
}
