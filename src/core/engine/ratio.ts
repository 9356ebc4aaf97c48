/** Exact rational arithmetic lives in src/core/shared/ratio.ts, shared by the rule set (thresholds are data) and the engine. */
export * from "../shared/ratio";
