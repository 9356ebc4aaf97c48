/**
 * The criterion engine: from normalised commune facts to explained three-valued results
 * (docs/rules.md §1–§3). Pure and synchronous. Every condition is evaluated, none short-circuits, so each
 * has an observed value to show.
 */
import { isFraction, msg, type Msg } from "../i18n/format";
import { AREA_KEY } from "../fields";
import { levelOf } from "../ruleset";
import type {
  Area,
  Check,
  ConditionDef,
  IndicatorDef,
  LevelDef,
  LevelId,
  RuleSet,
  Text,
  Threshold,
} from "../ruleset/types";
import { ratioAtLeast, rationalAtLeast, percentTruncated, type Rational } from "./ratio";
import { and3, or3, type Verdict } from "./tristate";
import type {
  CellAddress,
  CommuneFacts,
  CommuneResult,
  ConditionResult,
  EntityFacts,
  EntityOutcome,
  Evaluation,
  Fact,
  Facts,
  IndicatorResult,
  LevelResult,
  Mark,
  Problem,
} from "./types";

export interface EvaluateOptions {
  ruleset: RuleSet;
  /** The levels to report (every level is computed: a level may need another). Default: all of the rule set's. */
  levels?: readonly LevelId[];
}

interface AreaInfo {
  area: Area | null;
  /** The rule set's name of the area. */
  name?: Text;
  defaulted: boolean;
  cell?: CellAddress;
}

interface Ctx {
  rs: RuleSet;
  commune: CommuneFacts;
  facts: Facts;
  area: AreaInfo;
  problems: Problem[];
}

/** A check's result before it is named by its condition. */
type Outcome = Omit<ConditionResult, "id" | "informational">;

type Read =
  | { state: "absent" }
  | { state: "blank"; cell?: CellAddress }
  | { state: "invalid"; cell?: CellAddress; problem: Msg }
  | { state: "ok"; cell?: CellAddress; value: Fact["value"] & {} };

function read(facts: Facts, key: string): Read {
  const f = facts[key];
  if (!f) return { state: "absent" };
  if (f.problem) return { state: "invalid", cell: f.cell, problem: f.problem };
  if (f.value === undefined || f.value === "") return { state: "blank", cell: f.cell };
  return { state: "ok", cell: f.cell, value: f.value };
}

function cellsOf(...reads: Read[]): CellAddress[] {
  const out: CellAddress[] = [];
  for (const r of reads) if (r.state !== "absent" && r.cell) out.push(r.cell);
  return out;
}

/** The outcome of a condition whose fact is absent, blank or unreadable. */
function unusable(key: string, r: Exclude<Read, { state: "ok" }>, required: string): Outcome {
  const m =
    r.state === "absent"
      ? msg("fact.absent", { field: key })
      : r.state === "blank"
        ? r.cell
          ? msg("fact.blank", { field: key, cell: r.cell })
          : msg("fact.absent", { field: key })
        : msg("fact.invalid", { field: key, cell: r.cell, reason: r.problem });
  const marks: Mark[] = r.state !== "absent" && r.cell ? [{ cell: r.cell, kind: "missing", msg: m }] : [];
  return { verdict: "missing", observed: null, required, msg: m, cells: cellsOf(r), marks };
}

function combineMsgs(parts: Msg[]): Msg {
  return parts.length === 1 ? parts[0] : msg("all", { parts });
}

export function thresholdText(t: Rational): string {
  if (isFraction(t)) return `${t.n}/${t.d}`;
  return `${percentTruncated(t.n, t.d)}%`;
}

/** The threshold for the commune's area, and the area as the indicator words it (where it depends on the area). */
interface Resolved {
  thr: Rational;
  area?: Text;
}

function resolveThreshold(t: Threshold, area: AreaInfo): Resolved | null {
  if ("byArea" in t) return area.area ? { thr: t.byArea[area.area], area: t.wording[area.area] } : null;
  return { thr: t };
}

/** Where the requirement depends on the area and the commune's area was left blank, the message says the default was used. */
function withArea(o: Outcome, res: Resolved, area: AreaInfo): Outcome {
  if (!res.area || !area.defaulted) return o;
  return { ...o, msg: msg("withArea", { msg: o.msg, area: area.area, areaName: area.name }) };
}

function areaUnknown(area: AreaInfo, required: string): Outcome {
  const m = msg("area.invalid", { cell: area.cell });
  return {
    verdict: "missing",
    observed: null,
    required,
    msg: m,
    cells: area.cell ? [area.cell] : [],
    marks: area.cell ? [{ cell: area.cell, kind: "missing", msg: m }] : [],
  };
}

function addProblem(ctx: Ctx, cell: CellAddress | undefined, m: Msg): void {
  if (ctx.problems.some((p) => p.cell === cell && p.msg.key === m.key)) return;
  ctx.problems.push({ severity: "error", cell, msg: m });
}

function checkFlag(fact: string, ctx: Ctx): Outcome {
  const r = read(ctx.facts, fact);
  if (r.state !== "ok") return unusable(fact, r, "yes");
  const yes = r.value === true || (typeof r.value === "string" && r.value.trim() !== "");
  const m = yes
    ? msg("flag.yes", { field: fact, value: typeof r.value === "string" ? r.value : undefined })
    : msg("flag.no", { field: fact });
  return {
    verdict: yes ? "pass" : "fail",
    observed: typeof r.value === "string" ? r.value : yes,
    required: "yes",
    msg: m,
    cells: cellsOf(r),
    marks: !yes && r.cell ? [{ cell: r.cell, kind: "fail", msg: m }] : [],
  };
}

function checkAtLeast(fact: string, min: number, ctx: Ctx): Outcome {
  const required = `>= ${min}`;
  const r = read(ctx.facts, fact);
  if (r.state !== "ok") return unusable(fact, r, required);
  if (typeof r.value !== "number")
    return unusable(
      fact,
      { state: "invalid", cell: r.cell, problem: msg("value.notNumber", { value: String(r.value) }) },
      required,
    );
  const ok = r.value >= min;
  const m = msg(ok ? "atLeast.pass" : "atLeast.fail", { field: fact, value: r.value, min });
  return {
    verdict: ok ? "pass" : "fail",
    observed: r.value,
    required,
    msg: m,
    cells: cellsOf(r),
    marks: !ok && r.cell ? [{ cell: r.cell, kind: "fail", msg: m }] : [],
  };
}

function checkRatio(c: Extract<Check, { kind: "ratio" }>, ctx: Ctx): Outcome {
  const resolved = resolveThreshold(c.threshold, ctx.area);
  if (!resolved) return areaUnknown(ctx.area, "");
  const { thr } = resolved;
  const area = resolved.area;
  const required = `>= ${thresholdText(thr)}`;
  const given = (r: Read) => r.state === "ok" || r.state === "invalid";
  // A count that stands for the part (computers for officials with a computer) is used when the part is not given.
  const ownPart = read(ctx.facts, c.part);
  const perRead = c.per ? read(ctx.facts, c.per.fact) : ({ state: "absent" } as Read);
  const per = c.per && !given(ownPart) && given(perRead) ? c.per : undefined;
  const [partKey, part] = per ? [per.fact, perRead] : [c.part, ownPart];
  const whole = read(ctx.facts, c.whole);
  const rate = c.rate ? read(ctx.facts, c.rate) : ({ state: "absent" } as Read);

  // A commune with nothing to count passes where the rule set says so (no OCOP product), in its words.
  if (
    c.zeroWhole === "pass" &&
    whole.state === "ok" &&
    whole.value === 0 &&
    !(part.state === "ok" && typeof part.value === "number" && part.value > 0) &&
    part.state !== "invalid"
  ) {
    return {
      verdict: "pass",
      observed: { part: part.state === "ok" ? (part.value as number) : null, whole: 0 },
      required,
      msg: msg("ratio.nothingToCount", { says: c.zeroWholeSays ?? null, noun: c.noun }),
      cells: cellsOf(part, whole),
      marks: [],
    };
  }

  // docs/input.md §6: counts win where both are given; a rate column stands in for missing counts.
  if (!(given(part) && given(whole)) && c.rate && given(rate)) {
    if (rate.state !== "ok") return withArea(unusable(c.rate, rate, required), resolved, ctx.area);
    const r = rate.value as Rational;
    const ok = rationalAtLeast(r, thr);
    const m = msg(ok ? "rate.pass" : "rate.fail", { field: c.rate, rate: r, threshold: thr, area });
    const o: Outcome = {
      verdict: ok ? "pass" : "fail",
      observed: { rate: percentTruncated(r.n, r.d) },
      required,
      msg: m,
      cells: cellsOf(rate),
      marks: !ok && rate.cell ? [{ cell: rate.cell, kind: "fail", msg: m }] : [],
    };
    return withArea(o, resolved, ctx.area);
  }

  const o = countsRatio(
    {
      part: [partKey, part],
      whole: [c.whole, whole],
      required,
      zero: (cell) => msg("ratio.zeroWhole", { field: c.whole, cell }),
      // Computers per official may be above 100 %; officials with a computer may not.
      ...(per ? { partMayExceed: true } : {}),
      result: (a, b, verdict) =>
        per
          ? msg("ratio.per", {
              part: a,
              whole: b,
              noun: per.noun,
              wholeNoun: per.wholeNoun,
              threshold: thr,
              area,
              verdict,
            })
          : msg(verdict === "pass" ? "ratio.pass" : "ratio.fail", {
              part: a,
              whole: b,
              noun: c.noun,
              threshold: thr,
              area,
            }),
      observed: (a, b) => ({ part: a, whole: b }),
    },
    thr,
    ctx,
  );
  return withArea(o, resolved, ctx.area);
}

interface CountsSpec {
  part: readonly [key: string, read: Read];
  whole: readonly [key: string, read: Read];
  required: string;
  zero: (cell: CellAddress | undefined) => Msg;
  /** The part may be more than the whole (computers per official). */
  partMayExceed?: boolean;
  /** The problem of a part above its whole, where the default message does not fit. */
  above?: (part: number, whole: number) => Msg;
  result: (part: number, whole: number, verdict: Verdict) => Msg;
  observed: (part: number, whole: number) => { [k: string]: number };
}

/**
 * part / whole >= threshold from two count cells: blank or unreadable counts make it missing; a
 * zero whole and a part above its whole are problems on their cells (docs/input.md §7), not verdicts.
 */
function countsRatio(spec: CountsSpec, thr: Rational, ctx: Ctx): Outcome {
  const [partKey, part] = spec.part;
  const [wholeKey, whole] = spec.whole;
  const required = spec.required;
  const cells = cellsOf(part, whole);
  if (part.state !== "ok" || whole.state !== "ok") {
    const outs = (
      [
        [partKey, part],
        [wholeKey, whole],
      ] as const
    ).flatMap(([k, r]) => (r.state !== "ok" ? [unusable(k, r, required)] : []));
    return {
      verdict: "missing",
      observed: null,
      required,
      msg: combineMsgs(outs.map((o) => o.msg)),
      cells,
      marks: outs.flatMap((o) => o.marks),
    };
  }
  const a = part.value as number;
  const b = whole.value as number;
  const missing = (cell: CellAddress | undefined, m: Msg): Outcome => {
    addProblem(ctx, cell, m);
    return {
      verdict: "missing",
      observed: spec.observed(a, b),
      required,
      msg: m,
      cells,
      marks: cell ? [{ cell, kind: "missing", msg: m }] : [],
    };
  };
  if (b === 0) return missing(whole.cell, spec.zero(whole.cell));
  if (a > b && !spec.partMayExceed)
    return missing(
      part.cell,
      spec.above
        ? spec.above(a, b)
        : msg("ratio.partAboveWhole", {
            part: partKey,
            partValue: a,
            partCell: part.cell,
            whole: wholeKey,
            wholeValue: b,
            wholeCell: whole.cell,
          }),
    );
  const verdict: Verdict = ratioAtLeast(a, b, thr) ? "pass" : "fail";
  const m = spec.result(a, b, verdict);
  const marks: Mark[] = verdict === "pass" ? [] : cells.map((cell) => ({ cell, kind: "fail" as const, msg: m }));
  return {
    verdict,
    observed: { ...spec.observed(a, b), percent: percentTruncated(a, b) },
    required,
    msg: m,
    cells,
    marks,
  };
}

function checkVillages(c: Extract<Check, { kind: "villages" }>, ctx: Ctx): Outcome {
  const resolved = resolveThreshold(c.threshold, ctx.area);
  if (!resolved) return areaUnknown(ctx.area, "");
  const { thr, area } = resolved;
  const required = `>= ${thresholdText(thr)}`;
  const list = ctx.commune.villages?.length ? ctx.commune.villages : undefined;
  // A village list that lacks every column the condition reads leaves it to the commune's counts.
  const tracked = list?.some((v) => c.anyOf.some((k) => v.facts[k]));

  if (list && tracked) {
    let yes = 0;
    const lacking: string[] = [];
    const unknown: string[] = [];
    const failCells: CellAddress[] = [];
    const unknownMarks: Mark[] = [];
    const cells: CellAddress[] = [];
    const entities: EntityOutcome[] = [];
    // A column the workbook does not have does not count against a village: a form that tracks
    // only mobile broadband decides Internet by it. With none of the columns, the village is unknown.
    // Plain loops and one message per set of services: a district has tens of thousands of villages.
    const hasMsgs = new Map<string, Msg>();
    let lacksMsg: Msg | undefined;
    let lacksKey = "";
    const anyOf = c.anyOf;
    // The facts are looked at directly (no Read object per village and service); `read` only for the
    // columns that make a village unknown.
    const keys: string[] = [];
    for (const v of list) {
      const facts = v.facts;
      keys.length = 0;
      for (const k of anyOf) if (facts[k]) keys.push(k);
      if (!keys.length) for (const k of anyOf) keys.push(k);
      let having = "";
      let haveCount = 0;
      let allOk = true;
      for (const k of keys) {
        const f = facts[k];
        if (!f) {
          allOk = false;
          continue;
        }
        if (f.cell) cells.push(f.cell);
        if (f.problem || f.value === undefined || f.value === "") allOk = false;
        else if (f.value === true) having += (haveCount++ ? "|" : "") + k;
      }
      if (haveCount) {
        yes++;
        if (v.cell) {
          let m = hasMsgs.get(having);
          if (!m) hasMsgs.set(having, (m = msg("village.has", { fields: having.split("|") })));
          entities.push({ cell: v.cell, name: v.name, verdict: "pass", msg: m });
        }
      } else if (allOk) {
        lacking.push(v.name);
        for (const k of keys) {
          const cell = facts[k]?.cell;
          if (cell) failCells.push(cell);
        }
        // Only the services the form tracks are named.
        if (v.cell) {
          const key = keys.join("|");
          if (!lacksMsg || key !== lacksKey) {
            lacksMsg = msg("village.lacks", { fields: [...keys] });
            lacksKey = key;
          }
          entities.push({ cell: v.cell, name: v.name, verdict: "fail", msg: lacksMsg });
        }
      } else {
        unknown.push(v.name);
        const outs: Outcome[] = [];
        for (const k of keys) {
          const r = read(facts, k);
          if (r.state !== "ok") outs.push(unusable(k, r, required));
        }
        for (const o of outs)
          unknownMarks.push(...o.marks.map((mk) => ({ ...mk, msg: msg("postal.at", { point: v.name, msg: mk.msg }) })));
        if (v.cell)
          entities.push({ cell: v.cell, name: v.name, verdict: "missing", msg: combineMsgs(outs.map((o) => o.msg)) });
      }
    }
    const total = list.length;
    const verdict: Verdict = ratioAtLeast(yes, total, thr)
      ? "pass"
      : !ratioAtLeast(yes + unknown.length, total, thr)
        ? "fail"
        : "missing";
    const m =
      verdict === "missing"
        ? msg("villages.undecided", {
            count: yes,
            total,
            noun: c.noun,
            unknownCount: unknown.length,
            unknown,
            threshold: thr,
            area,
          })
        : msg("villages.result", {
            count: yes,
            total,
            noun: c.noun,
            threshold: thr,
            area,
            verdict,
            lacking,
            unknown: [],
          });
    const marks: Mark[] =
      verdict === "fail"
        ? failCells.map((cell) => ({ cell, kind: "fail" as const, msg: m }))
        : verdict === "missing"
          ? unknownMarks
          : [];
    const observed = { count: yes, total, percent: percentTruncated(yes, total), lacking, unknown };
    OWNED_CELLS.add(cells);
    return { ...withArea({ verdict, observed, required, msg: m, cells, marks }, resolved, ctx.area), entities };
  }

  const count = read(ctx.facts, c.count);
  const result = (k: number, n: number, verdict: Verdict) =>
    msg("villages.result", { count: k, total: n, noun: c.noun, threshold: thr, area, verdict });
  if (list) {
    // The list gives the number of villages (as when the counts disagree with it); the commune's count column, how many have the service.
    if (count.state === "absent")
      return withArea(
        {
          verdict: "missing",
          observed: null,
          required,
          msg: msg("villages.untracked", { fields: [...c.anyOf], field: c.count }),
          cells: [],
          marks: [],
        },
        resolved,
        ctx.area,
      );
    const o = countsRatio(
      {
        part: [c.count, count],
        whole: [c.total, { state: "ok", value: list.length }],
        required,
        zero: (cell) => msg("villages.zeroTotal", { cell }),
        above: (k, n) =>
          msg("villages.countAboveList", {
            field: c.count,
            value: k,
            cell: count.state === "ok" ? count.cell : undefined,
            total: n,
          }),
        result: (k, n, verdict) => msg("villages.byCounts", { msg: result(k, n, verdict), field: c.count }),
        observed: (k, n) => ({ count: k, total: n }),
      },
      thr,
      ctx,
    );
    return withArea(o, resolved, ctx.area);
  }

  const total = read(ctx.facts, c.total);
  if (total.state === "absent" && count.state === "absent") {
    return withArea(
      { verdict: "missing", observed: null, required, msg: msg("villages.none"), cells: [], marks: [] },
      resolved,
      ctx.area,
    );
  }
  const o = countsRatio(
    {
      part: [c.count, count],
      whole: [c.total, total],
      required,
      zero: (cell) => msg("villages.zeroTotal", { cell }),
      result,
      observed: (k, n) => ({ count: k, total: n }),
    },
    thr,
    ctx,
  );
  return withArea(o, resolved, ctx.area);
}

function checkAll(of: readonly Check[], ctx: Ctx): Outcome {
  const outs = of.map((c) => evalCheck(c, ctx));
  return {
    verdict: and3(outs.map((o) => o.verdict)),
    observed: outs.map((o) => o.observed),
    required: outs.map((o) => o.required).join(" and "),
    msg: msg("all", { parts: outs.map((o) => o.msg) }),
    cells: outs.flatMap((o) => o.cells),
    marks: outs.flatMap((o) => o.marks),
  };
}

interface PointOutcome {
  point: EntityFacts;
  verdict: Verdict;
  outs: Outcome[];
}

/** Points ranked: passing first, then fewest failing conditions, then fewest missing, then workbook order. */
function bestPoint(points: PointOutcome[]): PointOutcome {
  const score = (p: PointOutcome) => [
    p.verdict === "pass" ? 0 : 1,
    p.outs.filter((o) => o.verdict === "fail").length,
    p.outs.filter((o) => o.verdict === "missing").length,
  ];
  return points.reduce((best, p) => {
    const a = score(p);
    const b = score(best);
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i] ? p : best;
    return best;
  });
}

function evalPoints(checks: readonly Check[], ctx: Ctx): PointOutcome[] {
  return (ctx.commune.postalPoints ?? []).map((point) => {
    const outs = checks.map((c) => evalCheck(c, { ...ctx, facts: point.facts }));
    return { point, verdict: and3(outs.map((o) => o.verdict)), outs };
  });
}

const atPoint = (point: string, o: Outcome): Outcome => {
  const wrap = (m: Msg) => msg("postal.at", { point, msg: m });
  return { ...o, msg: wrap(o.msg), marks: o.marks.map((mk) => ({ ...mk, msg: wrap(mk.msg) })) };
};

function checkPostalAny(of: readonly Check[], ctx: Ctx): Outcome {
  const required = "one postal point meets every condition";
  if (!ctx.commune.postalPoints)
    return { verdict: "missing", observed: null, required, msg: msg("postal.noData"), cells: [], marks: [] };
  const points = evalPoints(of, ctx);
  if (!points.length)
    return { verdict: "fail", observed: null, required, msg: msg("postal.none"), cells: [], marks: [] };
  const verdict = or3(points.map((p) => p.verdict));
  const best = bestPoint(points);
  const name = best.point.name;
  const lacking = best.outs.filter((o) => o.verdict !== "pass").map((o) => o.msg);
  const m =
    verdict === "pass"
      ? msg("postal.any.pass", { point: name })
      : msg(verdict === "fail" ? "postal.any.fail" : "postal.any.missing", { point: name, lacking });
  return {
    verdict,
    observed: { point: name, conditions: best.outs.map((o) => o.verdict) },
    required,
    msg: m,
    cells: points.flatMap((p) => p.outs.flatMap((o) => o.cells)),
    marks: verdict === "pass" ? [] : best.outs.flatMap((o) => atPoint(name, o).marks),
    entities: pointEntities(points, (p) => ({
      verdict: p.verdict,
      msg: combineMsgs(p.outs.filter((o) => o.verdict !== "pass").map((o) => o.msg)),
    })),
  };
}

function pointEntities(
  points: PointOutcome[],
  of: (p: PointOutcome) => { verdict: Verdict; msg: Msg },
): EntityOutcome[] {
  return points.flatMap((p) => (p.point.cell ? [{ cell: p.point.cell, name: p.point.name, ...of(p) }] : []));
}

function checkInfo(fact: string, ctx: Ctx): Outcome {
  const r = read(ctx.facts, fact);
  if (r.state !== "ok")
    return {
      verdict: "missing",
      observed: null,
      required: "",
      msg: msg("info.blank", { field: fact }),
      cells: cellsOf(r),
      marks: [],
    };
  const value = r.value as number | boolean | string;
  return {
    verdict: value === false ? "fail" : "pass",
    observed: value,
    required: "",
    msg: msg("info.value", { field: fact, value }),
    cells: cellsOf(r),
    marks: [],
  };
}

function evalCheck(c: Check, ctx: Ctx): Outcome {
  switch (c.kind) {
    case "flag":
      return checkFlag(c.fact, ctx);
    case "atLeast":
      return checkAtLeast(c.fact, c.min, ctx);
    case "ratio":
      return checkRatio(c, ctx);
    case "villages":
      return checkVillages(c, ctx);
    case "all":
      return checkAll(c.of, ctx);
    case "postalAny":
      return checkPostalAny(c.of, ctx);
    case "info":
      return checkInfo(c.fact, ctx);
  }
}

function toResult(def: ConditionDef, o: Outcome): ConditionResult {
  // The keys in the order the results JSON has always had them (docs/output.md §11).
  const r: ConditionResult = def.informational
    ? {
        id: def.id,
        verdict: o.verdict,
        informational: true,
        observed: o.observed,
        required: o.required,
        msg: o.msg,
        cells: uniqueCells(o.cells),
        marks: [],
      }
    : {
        id: def.id,
        verdict: o.verdict,
        observed: o.observed,
        required: o.required,
        msg: o.msg,
        cells: uniqueCells(o.cells),
        marks: o.marks,
      };
  if (o.entities) r.entities = o.entities;
  return r;
}

/**
 * Lists of cells made for the one result they go into (a village list's cells), which `uniqueCells`
 * need not copy when no cell repeats: a district has tens of thousands of them. A cell can repeat
 * there (two Excel tables over the same rows, a service named twice in a rule set's `anyOf`).
 */
const OWNED_CELLS = new WeakSet<readonly CellAddress[]>();

/** Each cell once, in first-seen order; most conditions read one or two cells, where a Set costs more than it saves. */
function uniqueCells(cells: readonly CellAddress[]): CellAddress[] {
  if (cells.length > 4) {
    const once = new Set(cells);
    if (once.size < cells.length) return [...once];
    return OWNED_CELLS.has(cells) ? (cells as CellAddress[]) : cells.slice();
  }
  const out: CellAddress[] = [];
  for (const c of cells) if (!out.includes(c)) out.push(c);
  return out;
}

function evalIndicator(ind: IndicatorDef, ctx: Ctx): IndicatorResult {
  const verdictOf = (conds: ConditionResult[]) => and3(conds.filter((c) => !c.informational).map((c) => c.verdict));
  if (ind.scope === "commune") {
    const conditions = ind.conditions.map((d) => toResult(d, evalCheck(d.check, ctx)));
    return { id: ind.id, verdict: verdictOf(conditions), conditions };
  }
  // Postal-point scope (8.1 NTM): one point must meet every condition; show that point, or the closest.
  if (!ctx.commune.postalPoints || !ctx.commune.postalPoints.length) {
    const none = !ctx.commune.postalPoints ? msg("postal.noData") : msg("postal.none");
    const verdict: Verdict = ctx.commune.postalPoints ? "fail" : "missing";
    const conditions = ind.conditions.map((d) =>
      toResult(d, { verdict, observed: null, required: "", msg: none, cells: [], marks: [] }),
    );
    return { id: ind.id, verdict, conditions };
  }
  const points = evalPoints(
    ind.conditions.map((d) => d.check),
    ctx,
  );
  const best = bestPoint(points);
  const conditions = ind.conditions.map((d, i) => ({
    ...toResult(d, atPoint(best.point.name, best.outs[i])),
    entities: pointEntities(points, (p) => ({ verdict: p.outs[i].verdict, msg: p.outs[i].msg })),
  }));
  return { id: ind.id, verdict: or3(points.map((p) => p.verdict)), conditions, point: best.point.name };
}

function resolveArea(c: CommuneFacts, rs: RuleSet): AreaInfo {
  const r = read(c.facts, AREA_KEY);
  if (r.state === "ok" && typeof r.value === "string" && r.value in rs.areaNames)
    return { area: r.value, name: rs.areaNames[r.value], defaulted: false, cell: r.cell };
  if (r.state === "invalid" || r.state === "ok") return { area: null, defaulted: false, cell: r.cell };
  return {
    area: rs.defaultArea,
    name: rs.areaNames[rs.defaultArea],
    defaulted: true,
    cell: r.state === "blank" ? r.cell : undefined,
  };
}

function evidenceOf(level: LevelDef, c: CommuneFacts): { done: number; total: number } {
  let done = 0;
  let total = 0;
  for (const ind of level.indicators)
    for (const d of ind.evidence) {
      total++;
      if (c.evidence?.[`${level.id}|${ind.id}|${d.no}`]) done++;
    }
  return { done, total };
}

function evalLevel(level: LevelDef, ctx: Ctx, done: Map<LevelId, LevelResult>, rs: RuleSet): LevelResult {
  const prerequisites = level.prerequisites.map((id) => {
    const pre = done.get(id) ?? evalLevel(levelOf(rs, id), ctx, done, rs);
    const criterion = levelOf(rs, id).criterion;
    return {
      id: `tc8.${id}`,
      verdict: pre.verdict,
      msg:
        pre.verdict === "pass"
          ? msg("prereq.pass", { criterion })
          : msg("prereq.notPass", { criterion, verdict: pre.verdict, level: level.name }),
    };
  });
  const indicators = level.indicators.map((ind) => evalIndicator(ind, ctx));
  const result: LevelResult = {
    level: level.id,
    verdict: and3([...prerequisites.map((p) => p.verdict), ...indicators.map((i) => i.verdict)]),
    prerequisites,
    indicators,
    evidence: evidenceOf(level, ctx.commune),
  };
  done.set(level.id, result);
  return result;
}

/** Evaluate one commune; problems found on the way (impossible figures) go to `problems`. */
export function evaluateCommune(
  c: CommuneFacts,
  rs: RuleSet,
  levels: readonly LevelId[],
  problems: Problem[],
): CommuneResult {
  const area = resolveArea(c, rs);
  const base: CommuneResult = {
    name: c.name,
    district: c.district,
    code: c.code,
    cell: c.cell,
    area: area.area,
    areaDefaulted: area.defaulted,
    levels: {},
  };
  if (c.excluded) return { ...base, excluded: c.excluded };
  const ctx: Ctx = { rs, commune: c, facts: c.facts, area, problems };
  const done = new Map<LevelId, LevelResult>();
  for (const level of rs.levels) if (!done.has(level.id)) evalLevel(level, ctx, done, rs);
  for (const id of levels) base.levels[id] = done.get(id);
  return base;
}

export function evaluate(communes: readonly CommuneFacts[], opts: EvaluateOptions): Evaluation {
  const rs = opts.ruleset;
  const levels = rs.levels.map((l) => l.id).filter((id) => !opts.levels || opts.levels.includes(id));
  const problems: Problem[] = [];
  const results = communes.map((c) => evaluateCommune(c, rs, levels, problems));
  return { ruleset: { id: rs.id, version: rs.version }, rules: rs, levels, communes: results, problems };
}
