/**
 * From a rule-set file to the `RuleSet` the engine uses (docs/rules.md, "The rule-set file"): parse
 * with places, validate against rulesets/schema.json (compiled ahead by scripts/rulesets-build.ts,
 * as the bundles may not compile code at run time), apply `extends`, check what a schema cannot
 * (ids, fields, thresholds, areas), then build the value with its thresholds as exact fractions.
 * Pure: a base rule set named by `extends` comes from the caller's `resolve`.
 */
import { fieldsOf } from "../fields";
import type { FieldDef } from "../fields";
import { msg, type Msg } from "../i18n/format";
import { rational, type Rational } from "../shared/ratio";
import { parseJsonWithPlaces, type Place } from "./json";
import validateSchema from "./schema.generated";
import type { AreaDef, Check, ConditionDef, IndicatorDef, LevelDef, RuleSet, Text, Threshold } from "./types";

/** A problem of a rule-set file, at a place in it: a JSON pointer, and its line:column where known. */
export interface RuleSetProblem {
  pointer: string;
  place?: Place;
  msg: Msg;
}

const LOADED: RuleSet[] = [];

/** Every rule set built so far (shipped or opened), in order: TC8's own verdict columns are any of theirs. */
export function loadedRuleSets(): readonly RuleSet[] {
  return LOADED;
}

/** The check kinds the engine implements (docs/rules.md, "Check kinds"). */
export const CHECK_KINDS = ["flag", "atLeast", "ratio", "villages", "all", "postalAny", "info"] as const;

/** The keys of the columns every workbook has; a rule set's fields take other keys. */
const STRUCTURAL_KEYS = new Set(["commune", "district", "code", "area", "village", "postal_point"]);

type Json = Record<string, unknown>;
/** A deep copy of JSON data (structuredClone is missing from older Office webviews and jsdom). */
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const isObj = (x: unknown): x is Json => typeof x === "object" && x !== null && !Array.isArray(x);
const esc = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");

/** "50%", "12.5%", "2/3" as an exact fraction; a percentage keeps its denominator of a power of ten (shown as a percentage). */
export function parseFraction(s: string): Rational | null {
  const pct = /^\s*(\d+)(?:\.(\d+))?\s*%\s*$/.exec(s);
  if (pct) {
    const decimals = pct[2] ?? "";
    return rational(Number(pct[1] + decimals), 100 * 10 ** decimals.length);
  }
  const frac = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(s);
  if (frac && Number(frac[2]) > 0) return rational(Number(frac[1]), Number(frac[2]));
  return null;
}

/** The result of checking a rule-set file: the rule set when it is valid, its problems otherwise. */
export interface CheckedRuleSet {
  ruleset?: RuleSet;
  /** The file's data, parsed (when it is JSON). */
  data?: unknown;
  problems: RuleSetProblem[];
}

/** The text of a rule set named by id (for `extends`), or undefined when unknown. */
export type ResolveText = (id: string) => string | undefined;

export function checkRuleSetText(text: string, resolve: ResolveText, seen: readonly string[] = []): CheckedRuleSet {
  const parsed = parseJsonWithPlaces(text);
  if (!parsed.ok)
    return { problems: [{ pointer: "", place: parsed.place, msg: msg("ruleset.json", { reason: parsed.message }) }] };
  const at = (pointer: string, m: Msg): RuleSetProblem => ({ pointer, place: placeOf(parsed.places, pointer), msg: m });
  const data = parsed.value;
  if (!validateSchema(data)) {
    const errors =
      (
        validateSchema as unknown as {
          errors: { instancePath: string; keyword: string; message?: string; params: Json }[];
        }
      ).errors ?? [];
    const problems = errors
      .filter((e) => e.keyword !== "if" && e.keyword !== "oneOf")
      .map((e) =>
        at(e.instancePath, msg("ruleset.schema", { reason: `${e.message ?? e.keyword}${schemaDetail(e.params)}` })),
      );
    return {
      data,
      problems: dedupe(problems.length ? problems : [at("", msg("ruleset.schema", { reason: "invalid" }))]),
    };
  }
  const file = data as Json;
  let full: Json = file;
  // Where a merged value came from in a variant's file (merged pointer prefix → the variant's pointer).
  const origins: [string, string][] = [];
  if (typeof file.extends === "string") {
    const baseId = file.extends;
    const baseText = seen.includes(baseId) ? undefined : resolve(baseId);
    if (baseText === undefined)
      return {
        data,
        problems: [
          at("/extends", msg(seen.includes(baseId) ? "ruleset.extendsLoop" : "ruleset.extendsUnknown", { id: baseId })),
        ],
      };
    const base = checkRuleSetText(baseText, resolve, [...seen, String(file.id)]);
    if (!base.ruleset) return { data, problems: [at("/extends", msg("ruleset.extendsInvalid", { id: baseId }))] };
    const merged = mergeVariant(base.data as Json, file, origins);
    if (merged.problems.length) return { data, problems: merged.problems.map((p) => at(p.pointer, p.msg)) };
    full = merged.data;
  }
  const where = (pointer: string) => {
    for (const [prefix, to] of origins)
      if (pointer === prefix || pointer.startsWith(`${prefix}/`))
        return to + pointer.slice(prefix.length).replace(/^\/check(?=\/threshold)/, "");
    return pointer;
  };
  const problems = semanticProblems(full).map((p) => at(where(p.pointer), p.msg));
  if (problems.length) return { data, problems };
  return { data, ruleset: build(full, file), problems: [] };
}

function schemaDetail(params: Json): string {
  if (typeof params.additionalProperty === "string") return `: ${params.additionalProperty}`;
  if (Array.isArray(params.allowedValues)) return `: ${params.allowedValues.join(", ")}`;
  return "";
}

function dedupe(ps: RuleSetProblem[]): RuleSetProblem[] {
  const seen = new Set<string>();
  return ps.filter((p) => {
    const k = `${p.pointer}|${JSON.stringify(p.msg)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The place of a pointer, or of its nearest parent that has one. */
function placeOf(places: ReadonlyMap<string, Place>, pointer: string): Place | undefined {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf("/"))) {
    const pl = places.get(p);
    if (pl || !p) return pl;
  }
}

/**
 * A variant over its base (docs/rules.md, "Variants"): top-level entries it gives replace the base's;
 * `conditions` changes conditions by id (`threshold` and `areaWording` replace the check's, `check`
 * replaces the whole check, `text`, `name`, `legal`, `informational` replace the condition's own);
 * `fields` changes fields by key (the attributes given replace the base's) or adds one (with its
 * `table`). Levels, indicators and evidence are the base's.
 */
function mergeVariant(
  base: Json,
  variant: Json,
  origins: [string, string][],
): { data: Json; problems: { pointer: string; msg: Msg }[] } {
  const data: Json = clone(base);
  const problems: { pointer: string; msg: Msg }[] = [];
  for (const k of [
    "id",
    "version",
    "title",
    "criterion",
    "province",
    "validity",
    "legalDocuments",
    "document",
    "classification",
  ])
    if (variant[k] !== undefined) data[k] = clone(variant[k]);
  data.extends = variant.extends;
  const conds = isObj(variant.conditions) ? variant.conditions : {};
  const byId = new Map<string, { c: Json; pointer: string }>();
  (data.levels as Json[]).forEach((l, li) =>
    (l.indicators as Json[]).forEach((ind, ii) =>
      (ind.conditions as Json[]).forEach((c, ci) =>
        byId.set(String(c.id), { c, pointer: `/levels/${li}/indicators/${ii}/conditions/${ci}` }),
      ),
    ),
  );
  for (const [id, o] of Object.entries(conds)) {
    const target = byId.get(id);
    const vp = `/conditions/${esc(id)}`;
    if (!target || !isObj(o)) {
      problems.push({ pointer: vp, msg: msg("ruleset.noSuchCondition", { id }) });
      continue;
    }
    const c = target.c;
    for (const k of ["text", "name", "legal", "informational", "check"]) if (o[k] !== undefined) c[k] = clone(o[k]);
    const check = c.check as Json;
    if (o.threshold !== undefined) {
      if (check.threshold === undefined)
        problems.push({ pointer: `${vp}/threshold`, msg: msg("ruleset.noThreshold", { id }) });
      check.threshold = clone(o.threshold);
      if (!isObj(o.threshold)) delete check.areaWording;
    }
    if (o.areaWording !== undefined) check.areaWording = clone(o.areaWording);
    origins.push([target.pointer, vp]);
  }
  const tables = data.fields as Record<string, Json[]>;
  (Array.isArray(variant.fields) ? (variant.fields as Json[]) : []).forEach((o, i) => {
    const vp = `/fields/${i}`;
    for (const [table, list] of Object.entries(tables)) {
      const j = list.findIndex((d) => d.key === o.key);
      if (j < 0) continue;
      const { table: _t, ...rest } = o;
      void _t;
      list[j] = { ...list[j], ...clone(rest) };
      origins.push([`/fields/${table}/${j}`, vp]);
      return;
    }
    if (typeof o.table !== "string" || !o.type || !o.header || !o.label) {
      problems.push({ pointer: vp, msg: msg("ruleset.newFieldIncomplete", { key: String(o.key) }) });
      return;
    }
    const { table, ...rest } = o;
    tables[table as string].push({ aliases: [], ...clone(rest) });
    origins.push([`/fields/${table}/${tables[table as string].length - 1}`, vp]);
  });
  return { data, problems };
}

/** What the schema cannot say: unknown kinds, duplicate ids, undeclared fields, impossible thresholds, unknown areas. */
function semanticProblems(d: Json): { pointer: string; msg: Msg }[] {
  const out: { pointer: string; msg: Msg }[] = [];
  const cls = d.classification as Json;
  const areas = (cls.areas as Json[]).map((a) => String(a.id));
  areas.forEach((a, i) => {
    if (areas.indexOf(a) !== i)
      out.push({ pointer: `/classification/areas/${i}/id`, msg: msg("ruleset.duplicateArea", { id: a }) });
  });
  if (!areas.includes(String(cls.default)))
    out.push({
      pointer: "/classification/default",
      msg: msg("ruleset.unknownArea", { id: String(cls.default), known: areas }),
    });

  const fields = new Map<string, Json>();
  for (const [table, list] of Object.entries(d.fields as Record<string, Json[]>))
    list.forEach((f, i) => {
      const key = String(f.key);
      if (fields.has(key) || STRUCTURAL_KEYS.has(key))
        out.push({ pointer: `/fields/${table}/${i}/key`, msg: msg("ruleset.duplicateField", { key }) });
      else fields.set(key, f);
    });
  for (const [table, list] of Object.entries(d.fields as Record<string, Json[]>))
    list.forEach((f, i) => {
      const unused = f.unused as Json | undefined;
      if (unused)
        for (const k of [unused.use, ...(unused.unless as unknown[])])
          if (!fields.has(String(k)))
            out.push({
              pointer: `/fields/${table}/${i}/unused`,
              msg: msg("ruleset.undeclaredField", { key: String(k) }),
            });
      if (f.monthOf !== undefined && !fields.has(String(f.monthOf)))
        out.push({
          pointer: `/fields/${table}/${i}/monthOf`,
          msg: msg("ruleset.undeclaredField", { key: String(f.monthOf) }),
        });
    });

  const levels = d.levels as Json[];
  const levelIds = levels.map((l) => String(l.id));
  const conditionIds = new Set<string>();
  levels.forEach((l, li) => {
    const lp = `/levels/${li}`;
    if (levelIds.indexOf(String(l.id)) !== li)
      out.push({ pointer: `${lp}/id`, msg: msg("ruleset.duplicateLevel", { id: String(l.id) }) });
    if (levels.findIndex((x) => x.short === l.short) !== li)
      out.push({ pointer: `${lp}/short`, msg: msg("ruleset.duplicateLevel", { id: String(l.short) }) });
    ((l.prerequisites as unknown[] | undefined) ?? []).forEach((p, pi) => {
      if (levelIds.indexOf(String(p)) < 0 || levelIds.indexOf(String(p)) >= li)
        out.push({ pointer: `${lp}/prerequisites/${pi}`, msg: msg("ruleset.unknownLevel", { id: String(p) }) });
    });
    (l.indicators as Json[]).forEach((ind, ii) =>
      (ind.conditions as Json[]).forEach((c, ci) => {
        const cp = `${lp}/indicators/${ii}/conditions/${ci}`;
        if (conditionIds.has(String(c.id)))
          out.push({ pointer: `${cp}/id`, msg: msg("ruleset.duplicateCondition", { id: String(c.id) }) });
        conditionIds.add(String(c.id));
        checkProblems(c.check as Json, `${cp}/check`, fields, areas, out);
      }),
    );
  });
  return out;
}

function checkProblems(
  c: Json,
  p: string,
  fields: ReadonlyMap<string, Json>,
  areas: readonly string[],
  out: { pointer: string; msg: Msg }[],
): void {
  if (!(CHECK_KINDS as readonly string[]).includes(String(c.kind))) {
    out.push({
      pointer: `${p}/kind`,
      msg: msg("ruleset.unknownKind", { kind: String(c.kind), known: [...CHECK_KINDS] }),
    });
    return;
  }
  const need = (k: string, sub = k) => {
    const v = c[k];
    if (v !== undefined && !fields.has(String(v)))
      out.push({ pointer: `${p}/${sub}`, msg: msg("ruleset.undeclaredField", { key: String(v) }) });
  };
  for (const k of ["fact", "part", "whole", "rate", "count", "total"]) need(k);
  if (c.kind === "villages" && c.total === undefined)
    out.push({ pointer: p, msg: msg("ruleset.undeclaredField", { key: "total" }) });
  if (Array.isArray(c.anyOf))
    c.anyOf.forEach((k, i) => {
      if (!fields.has(String(k)))
        out.push({ pointer: `${p}/anyOf/${i}`, msg: msg("ruleset.undeclaredField", { key: String(k) }) });
    });
  if (isObj(c.per) && !fields.has(String(c.per.fact)))
    out.push({ pointer: `${p}/per/fact`, msg: msg("ruleset.undeclaredField", { key: String(c.per.fact) }) });
  if (Array.isArray(c.of)) c.of.forEach((s, i) => checkProblems(s as Json, `${p}/of/${i}`, fields, areas, out));
  if (c.threshold === undefined) return;
  // A share of a whole cannot pass above 100 %; only a rate whose field allows it (computers per official) may ask for more.
  const above100 = c.kind === "ratio" && typeof c.rate === "string" && fields.get(c.rate)?.above100 === true;
  const one = (s: unknown, tp: string) => {
    const r = parseFraction(String(s));
    if (!r) out.push({ pointer: tp, msg: msg("ruleset.badThreshold", { value: String(s) }) });
    else if (r.n > r.d && !above100)
      out.push({ pointer: tp, msg: msg("ruleset.thresholdAbove100", { value: String(s) }) });
  };
  if (isObj(c.threshold)) {
    for (const [a, s] of Object.entries(c.threshold)) {
      if (!areas.includes(a))
        out.push({
          pointer: `${p}/threshold/${esc(a)}`,
          msg: msg("ruleset.unknownArea", { id: a, known: [...areas] }),
        });
      else one(s, `${p}/threshold/${esc(a)}`);
    }
    for (const a of areas)
      if (!(a in c.threshold)) out.push({ pointer: `${p}/threshold`, msg: msg("ruleset.areaMissing", { id: a }) });
    if (isObj(c.areaWording))
      for (const a of Object.keys(c.areaWording))
        if (!areas.includes(a))
          out.push({
            pointer: `${p}/areaWording/${esc(a)}`,
            msg: msg("ruleset.unknownArea", { id: a, known: [...areas] }),
          });
  } else one(c.threshold, `${p}/threshold`);
}

function build(d: Json, file: Json): RuleSet {
  const cls = d.classification as Json;
  const areas: AreaDef[] = (cls.areas as Json[]).map((a) => ({
    id: String(a.id),
    name: a.name as Text,
    label: a.label as Text,
    words: a.words as string[],
  }));
  const areaNames = Object.fromEntries(areas.map((a) => [a.id, a.name]));
  const document = String(d.document);
  const legal = (l: Json) => ({
    document: typeof l.document === "string" ? l.document : document,
    annex: String(l.annex),
    item: String(l.item),
  });
  const threshold = (c: Json): Threshold => {
    if (!isObj(c.threshold)) return parseFraction(String(c.threshold))!;
    const wording = isObj(c.areaWording) ? (c.areaWording as Record<string, Text>) : {};
    return {
      byArea: Object.fromEntries(Object.entries(c.threshold).map(([a, s]) => [a, parseFraction(String(s))!])),
      wording: Object.fromEntries(areas.map((a) => [a.id, wording[a.id] ?? a.name])),
    };
  };
  const check = (c: Json): Check => {
    const o = { ...c } as Json;
    delete o.areaWording;
    if (c.threshold !== undefined) o.threshold = threshold(c);
    if (Array.isArray(c.of)) o.of = (c.of as Json[]).map(check);
    return o as unknown as Check;
  };
  const condition = (c: Json): ConditionDef => ({
    id: String(c.id),
    text: String(c.text),
    name: c.name as Text,
    legal: legal(c.legal as Json),
    check: check(c.check as Json),
    ...(c.informational ? { informational: true } : {}),
  });
  const indicator = (i: Json): IndicatorDef => ({
    id: String(i.id),
    title: String(i.title),
    titleEn: String(i.titleEn),
    legal: legal(i.legal as Json),
    scope: i.scope as IndicatorDef["scope"],
    conditions: (i.conditions as Json[]).map(condition),
    evidence: (i.evidence as Json[]).map((e, k) => ({
      no: typeof e.no === "number" ? e.no : k + 1,
      text: String(e.text),
      provider: String(e.provider),
    })),
  });
  const levels: LevelDef[] = (d.levels as Json[]).map((l) => ({
    id: String(l.id),
    short: String(l.short),
    name: l.name as Text,
    criterion: String(l.criterion),
    annex: String(l.annex),
    prerequisites: (l.prerequisites as string[] | undefined) ?? [],
    indicators: (l.indicators as Json[]).map(indicator),
  }));
  const field = (f: Json): FieldDef => {
    const label = f.label as { vi?: string; en: string };
    return { ...(f as unknown as FieldDef), label: { vi: label.vi ?? String(f.header), en: label.en } };
  };
  const tables = d.fields as Record<string, Json[]>;
  const col = cls.column as Json;
  const rs: RuleSet = {
    id: String(d.id),
    version: String(d.version ?? ""),
    name: String(d.title),
    criterion: d.criterion as RuleSet["criterion"],
    ...(typeof file.extends === "string" ? { extends: file.extends } : {}),
    validity: d.validity as RuleSet["validity"],
    ...(typeof d.province === "string" ? { province: d.province } : {}),
    sources: d.legalDocuments as string[],
    defaultArea: String(cls.default),
    areas,
    areaNames,
    areaColumn: {
      header: String(col.header),
      aliases: (col.aliases as string[] | undefined) ?? [],
      ...(typeof col.hint === "string" ? { hint: col.hint } : {}),
    },
    levels,
    fields: {
      communes: tables.communes.map(field),
      villages: tables.villages.map(field),
      postalPoints: tables.postalPoints.map(field),
    },
  };
  fieldsOf(rs);
  LOADED.push(rs);
  return rs;
}
