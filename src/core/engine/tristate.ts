/** Three-valued verdicts (docs/rules.md §1): Đạt / Không đạt / Thiếu dữ liệu. */
export type Verdict = "pass" | "fail" | "missing";

/** Three-valued AND: any fail gives fail; else any missing gives missing; else pass. An empty AND passes. */
export function and3(verdicts: Iterable<Verdict>): Verdict {
  let missing = false;
  for (const v of verdicts) {
    if (v === "fail") return "fail";
    if (v === "missing") missing = true;
  }
  return missing ? "missing" : "pass";
}

/** Three-valued OR (docs/rules.md, postal points): any pass gives pass; else any missing gives missing; else fail. */
export function or3(verdicts: Iterable<Verdict>): Verdict {
  let missing = false;
  for (const v of verdicts) {
    if (v === "pass") return "pass";
    if (v === "missing") missing = true;
  }
  return missing ? "missing" : "fail";
}
