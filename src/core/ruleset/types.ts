/**
 * The shape of a rule set as the engine uses it, loaded from a rule-set file in rulesets/ (docs/rules.md,
 * "The rule-set file"). A later rule set (another province, the 2026–2030 set of QĐ 51/2025/QĐ-TTg
 * with its three commune groups) is a new file, not a change to the engine: levels and areas are
 * the rule set's own ids, thresholds that depend on the commune's area are lookups by area.
 */
import type { Rational } from "../shared/ratio";
import type { FieldDef } from "../fields";

export type Lang = "vi" | "en";
export type Text = { vi: string; en: string };

/** A commune's area (khu vực) or group, as the rule set's classification names it. */
export type Area = string;

/** A level of the criterion (xã NTM, xã NTM nâng cao), as the rule set names it. */
export type LevelId = string;

export interface AreaDef {
  id: Area;
  /** Inside a sentence: "miền núi". */
  name: Text;
  /** As a cell or a heading shows it, and the template's choice: "Miền núi". */
  label: Text;
  /** How a workbook states it: words looked for in the cell, without diacritics, lower case ("mien nui", "dtts"). */
  words: readonly string[];
}

/** The area column of the communes table, as the rule set words it. */
export interface AreaColumn {
  header: string;
  aliases: readonly string[];
  hint?: string;
}

/**
 * How an indicator words the two areas: 8.2 NC says "các xã vùng đồng bào dân tộc thiểu số và miền
 * núi, hải đảo" / "các xã còn lại", 8.3 NC "xã khu vực miền núi" / "khu vực đồng bằng". Messages
 * word the area as the indicator does.
 */
export type AreaWording = Record<Area, Text>;

/** A fixed threshold, or one looked up by the commune's area (worded as the indicator words it). */
export type Threshold = Rational | { byArea: Record<Area, Rational>; wording: AreaWording };

export interface LegalRef {
  /** The document(s) the rule comes from. */
  document: string;
  /** Phụ lục I / Phụ lục II. */
  annex: string;
  /** Chỉ tiêu and điểm, as the annex numbers them. */
  item: string;
}

/**
 * What a condition checks. Fact names are keys of the rule set's `fields`. The engine implements each kind
 * once; a rule set combines them.
 */
export type Check =
  /** A yes/no (or website) fact must be yes. */
  | { kind: "flag"; fact: string }
  /** A number fact must be at least `min`. */
  | { kind: "atLeast"; fact: string; min: number }
  /**
   * part / whole >= threshold, exactly; or a rate column when the counts are not both given
   * (docs/input.md §6: counts win). `zeroWhole: "pass"` where a whole of 0 means nothing to do (OCOP).
   * `per`: another count that stands for the part when the part's column is absent and, not being
   * a part of the whole, may exceed it (computers per official: 25 computers for 20 officials).
   */
  | {
      kind: "ratio";
      part: string;
      whole: string;
      rate?: string;
      threshold: Threshold;
      noun: Text;
      zeroWhole?: "pass";
      /** What a whole of 0 means, in an explanation (the rule set's words); a generic sentence without it. */
      zeroWholeSays?: Text;
      per?: { fact: string; noun: Text; wholeNoun: Text };
    }
  /**
   * Villages (thôn, bản) meeting any of `anyOf` / all villages >= threshold. From the villages
   * list, or from the count column `count` against the count of all villages `total` in the communes table.
   */
  | { kind: "villages"; anyOf: readonly string[]; count: string; total: string; threshold: Threshold; noun: Text }
  /** Every sub-check (e.g. the website: it exists, 36 posts a year, 3 in every month). */
  | { kind: "all"; of: readonly Check[] }
  /** At least one postal service point of the commune meets every sub-check (an OR over points). */
  | { kind: "postalAny"; of: readonly Check[] }
  /** Read and reported, never part of a verdict. */
  | { kind: "info"; fact: string };

export interface ConditionDef {
  id: string;
  /** The rule's text in the guidance, in Vietnamese, word for word, with the guidance's own definitions of its terms. */
  text: string;
  /** The condition's short name, without its threshold ("Địa chỉ số"): shown after its number (see `conditionLabel`). */
  name: Text;
  legal: LegalRef;
  check: Check;
  /** Reported but not part of the indicator's verdict (docs/rules.md §5: 8.4.nc.khao_sat). */
  informational?: boolean;
}

export interface EvidenceDoc {
  /** STT in the guidance's list. */
  no: number;
  /** Tài liệu kiểm chứng, word for word. */
  text: string;
  /** Who provides or confirms it (the guidance's "Ghi chú"), or "" where the guidance names nobody. */
  provider: string;
}

export interface IndicatorDef {
  /** 8.1 … 8.5 */
  id: string;
  /** Tên chỉ tiêu, word for word. */
  title: string;
  titleEn: string;
  legal: LegalRef;
  /**
   * `commune`: the conditions are checked on the commune's facts and combined with AND.
   * `postalPoint`: the conditions are checked on each postal point; the indicator passes when one
   * point passes all of them (docs/rules.md §5, 8.1).
   */
  scope: "commune" | "postalPoint";
  conditions: readonly ConditionDef[];
  evidence: readonly EvidenceDoc[];
}

export interface LevelDef {
  id: LevelId;
  /** The level's short label, the suffix of its columns' headers: "NTM", "NC" (8.4 NTM, TC8 NC). */
  short: string;
  /** NTM / NTM nâng cao */
  name: Text;
  /** The criterion's line in the outputs: TC8 NTM / TC8 NC. */
  criterion: string;
  annex: string;
  /** Levels whose criterion must pass first (TC8 NC needs TC8 NTM), shown as `tc8.<level>`. */
  prerequisites: readonly LevelId[];
  indicators: readonly IndicatorDef[];
}

/** The criterion's input fields, by the table that holds them (the communes' identity columns are the core's). */
export interface RuleSetFields {
  communes: readonly FieldDef[];
  villages: readonly FieldDef[];
  /** A postal point's columns: in a postal-points table, or one point per commune in the communes table. */
  postalPoints: readonly FieldDef[];
}

export interface RuleSet {
  id: string;
  version: string;
  /** The rule set's title (the file's `title`). */
  name: string;
  /** The criterion it evaluates, as the guidance numbers and names it: every title TC8 writes names it (docs/rules.md §8). */
  criterion: { number: string; name: Text };
  /** The rule set it extends, for a province's variant. */
  extends?: string;
  /** Dates of validity, YYYY-MM-DD. */
  validity: { from: string; to?: string };
  /** The province whose guidance this is, as a report's header names it ("Lạng Sơn"). */
  province?: string;
  /** The documents the rule set implements. */
  sources: readonly string[];
  /** The area a commune with a blank area takes (docs/rules.md §1). */
  defaultArea: Area;
  /** The areas (or groups) of the classification, in the file's order. */
  areas: readonly AreaDef[];
  areaNames: Record<Area, Text>;
  areaColumn: AreaColumn;
  levels: readonly LevelDef[];
  fields: RuleSetFields;
}
