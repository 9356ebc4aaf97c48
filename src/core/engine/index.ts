export * from "./types";
export * from "./tristate";
export * from "./ratio";
export { evaluate, evaluateCommune, thresholdText, type EvaluateOptions } from "./evaluate";
export {
  explanationLines,
  failingConditions,
  toResultsJson,
  type ResultsJson,
  type ResultsJsonOptions,
} from "./explain";
