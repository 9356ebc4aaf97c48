/**
 * From grids to commune facts (docs/input.md): find the tables, read each cell by its column's type,
 * match villages and postal points to their communes, and list every problem with its cell.
 * Nothing stops on a bad cell: it becomes a problem and the rest is read.
 */
import type { CommuneFacts, EntityFacts, Fact, Problem } from "../engine/types";
import { fieldsOf, postalPointKeys, type FieldDef, type TableKind } from "../fields";
import type { RuleSet } from "../ruleset/types";
import { msg, type Msg } from "../i18n/format";
import { type Anchors, readAnchors, SHEET_ANCHORS, whereNow } from "../state/anchors";
import {
  type ChecklistEntry,
  type ChecklistSheet,
  checklistNames,
  evidenceByCommune,
  isUnclearStatus,
  readChecklistSheet,
} from "./checklist";
import {
  type Grid,
  type WorkbookInput,
  cellAddress,
  findGrid,
  isBlank,
  isEmptyGrid,
  isFormulaAt,
  numberFormatAt,
  sameSheet,
  valueAt,
} from "../shared/grid";
import { cleanName, communeKey, districtKey, words } from "../shared/normalize";
import { CHECKLIST_SHEET, CHECKLIST_TABLE, STATE_SHEET, SUMMARY_SHEET, SUMMARY_TITLE_START } from "../state/own";
import { type OwnSheetNames, parseState, type Tc8State } from "../state/state";
import { type DetectedTable, type MappingOverrides, cellText, columnOf, detectTables } from "./tables";
import { isCheckMark, readFact } from "./values";

/** Where a village or postal point sits, and whose it is. */
export interface EntityRow {
  table: DetectedTable;
  row: number;
  /** Index into `communes`, or null when it belongs to no commune of the communes table. */
  commune: number | null;
  entity: EntityFacts;
}

export interface CommuneRow {
  table: DetectedTable;
  row: number;
}

export interface ReadResult {
  /** The rule set whose fields the workbook was read with. */
  rules: RuleSet;
  tables: DetectedTable[];
  /** The communes table the verdict columns go to (the one with the most recognised columns). */
  communesTable?: DetectedTable;
  communes: CommuneFacts[];
  /** Where each commune's row is, parallel to `communes`. */
  communeRows: CommuneRow[];
  villageRows: EntityRow[];
  postalRows: EntityRow[];
  checklist: ChecklistEntry[];
  /** The checklist sheet as it is now, to update it in place. */
  checklistSheet?: ChecklistSheet;
  state?: Tc8State;
  /** TC8's own sheets as they are named now (through their anchors, else the state, else by name and content). */
  own: OwnSheetNames;
  /** TC8's defined names as the workbook holds them now. */
  anchors: Anchors;
  problems: Problem[];
  /** Why nothing could be evaluated: an empty workbook, or no communes table. */
  fatal?: Msg;
}

export interface ReadOptions {
  /** The rule set whose fields are read (docs/rules.md, "Fields"). */
  ruleset: RuleSet;
  mapping?: MappingOverrides;
}

/** A rule set's field definitions by key, for reading cells. */
type Defs = ReadonlyMap<string, FieldDef>;

function defsOf(rs: RuleSet): Defs {
  const m = new Map<string, FieldDef>();
  for (const list of Object.values(fieldsOf(rs))) for (const d of list) if (!m.has(d.key)) m.set(d.key, d);
  return m;
}

/** Yes/no columns whose filled cells are all check marks: there a blank means no (docs/input.md §7). */
function checkMarkColumns(g: Grid, t: DetectedTable, defs: Defs): Set<number> {
  const out = new Set<number>();
  for (const c of t.columns) {
    if (!c.key || defs.get(c.key)?.type !== "yesno") continue;
    // Stops at the first filled cell that is no check mark (most columns say "Có" in their first row).
    let filled = 0;
    let marks = true;
    for (const r of t.dataRows) {
      const v = valueAt(g, r, c.col);
      if (isBlank(v)) continue;
      filled++;
      if (!isCheckMark(v)) {
        marks = false;
        break;
      }
    }
    if (filled && marks) out.add(c.col);
  }
  return out;
}

const monthly = new WeakMap<Defs, FieldDef[]>();
/** The fields counted by month (`monthOf`), found once per rule set rather than on every row. */
function monthlyOf(defs: Defs): FieldDef[] {
  let out = monthly.get(defs);
  if (!out) monthly.set(defs, (out = [...defs.values()].filter((d) => d.monthOf)));
  return out;
}

function readRow(
  defs: Defs,
  g: Grid,
  t: DetectedTable,
  row: number,
  marks: Set<number>,
  skip: ReadonlySet<string>,
  problems: Problem[],
): Record<string, Fact> {
  const facts: Record<string, Fact> = {};
  for (const c of t.columns) {
    if (!c.key || skip.has(c.key) || facts[c.key]) continue;
    const cell = cellAddress(g.sheet, row, c.col);
    const def = defs.get(c.key);
    if (!def) continue;
    let f = readFact(def, valueAt(g, row, c.col), cell, numberFormatAt(g, row, c.col), marks.has(c.col), c.header);
    // A formula with no value is not an empty cell: it has not been calculated (a file written by a program).
    if (f.value === undefined && !f.problem && isFormulaAt(g, row, c.col))
      f = { ...f, problem: msg("value.uncalculated") };
    if (f.problem)
      problems.push({ severity: "error", cell, msg: msg("problem.cell", { field: c.key, reason: f.problem }) });
    facts[c.key] = f;
  }
  for (const d of monthlyOf(defs)) impossibleCounts(facts, d.key, d.monthOf!, problems);
  return facts;
}

/**
 * Counts that cannot be together: a month's minimum (the month with the fewest posts) × 12 above the
 * year's count (a field's `monthOf`). The month's cell becomes a problem (docs/input.md §7: impossible
 * figures are errors on the cell).
 */
function impossibleCounts(facts: Record<string, Fact>, monthKey: string, yearKey: string, problems: Problem[]): void {
  const month = facts[monthKey];
  const year = facts[yearKey];
  if (typeof month?.value !== "number" || typeof year?.value !== "number" || month.value * 12 <= year.value) return;
  const m = msg("problem.minMonthAboveYear", {
    month: month.value,
    atLeast: month.value * 12,
    year: year.value,
    yearCell: year.cell,
    monthField: monthKey,
    yearField: yearKey,
  });
  problems.push({ severity: "error", cell: month.cell, msg: m });
  facts[monthKey] = { cell: month.cell, problem: m };
}

const gridOf = (grids: readonly Grid[], sheet: string) => grids.find((g) => g.sheet === sheet)!;

interface CommuneEntry {
  facts: CommuneFacts;
  row: CommuneRow;
  key: string;
  district: string;
}

/**
 * TC8's own sheets: where their anchors say; else (a workbook annotated before anchors, or a state
 * written before any change) as the state names them; else, with no state at all, a sheet of TC8's
 * name whose content is evidently TC8's. A sheet of the user's that bears one of TC8's names, in any
 * letter case, is the user's: read as input, never written.
 */
export function ownSheets(grids: readonly Grid[], anchors: Anchors): { own: OwnSheetNames; state?: Tc8State } {
  const own: OwnSheetNames = {};
  const at = (k: keyof typeof SHEET_ANCHORS) => {
    const a = whereNow(anchors, SHEET_ANCHORS[k]);
    return a === undefined ? undefined : a === null ? null : (findGrid(grids, a.sheet) ?? null);
  };
  let stateGrid = at("state");
  if (stateGrid === undefined) {
    const named = grids.filter((g) => sameSheet(g.sheet, STATE_SHEET));
    stateGrid = named.find((g) => parseState(g)) ?? named.find((g) => g.visibility === "veryHidden");
  }
  const state = parseState(stateGrid ?? undefined);
  if (stateGrid) own.state = stateGrid.sheet;
  const exact = (name: string | undefined) => (name ? grids.find((g) => g.sheet === name) : undefined);
  const recognised: Record<"summary" | "checklist", (g: Grid) => boolean> = {
    summary: (g) => sameSheet(g.sheet, SUMMARY_SHEET) && String(valueAt(g, 0, 0) ?? "").startsWith(SUMMARY_TITLE_START),
    checklist: (g) =>
      sameSheet(g.sheet, CHECKLIST_SHEET) &&
      g.tables.some((t) => t.name.toLowerCase() === CHECKLIST_TABLE.toLowerCase()),
  };
  const bases = { summary: SUMMARY_SHEET, checklist: CHECKLIST_SHEET };
  for (const k of ["summary", "checklist"] as const) {
    let g = at(k);
    const listed = exact(state?.own?.[k]) ?? exact(state?.sheets.find((n) => sameSheet(n, bases[k])));
    if (g === undefined) g = listed ?? (state ? undefined : grids.find(recognised[k]));
    // A broken anchor: the sheet was deleted (by the user, or by an evaluation interrupted after it
    // built the new one); the state's sheet is TC8's only if its content says so.
    else if (
      g === null &&
      listed &&
      (k === "summary"
        ? String(valueAt(listed, 0, 0) ?? "").startsWith(SUMMARY_TITLE_START)
        : listed.tables.some((t) => t.name.toLowerCase() === CHECKLIST_TABLE.toLowerCase()))
    )
      g = listed;
    if (g) own[k] = g.sheet;
  }
  return { own, ...(state ? { state } : {}) };
}

export function readWorkbook(input: readonly Grid[] | WorkbookInput, opts: ReadOptions): ReadResult {
  const rs = opts.ruleset;
  const defs = defsOf(rs);
  const POSTAL_KEYS = postalPointKeys(rs);
  const grids = "grids" in input ? input.grids : (input as readonly Grid[]);
  const anchors = readAnchors("grids" in input ? input.names : undefined);
  const { own, state } = ownSheets(grids, anchors);
  const mapping = opts.mapping ?? state?.mapping;
  const checklistSheet = readChecklistSheet(
    own.checklist ? grids.find((g) => g.sheet === own.checklist) : undefined,
    rs,
  );
  const checklist = (checklistSheet?.entries ?? []).map(({ row: _row, ...e }) => e);
  const problems: Problem[] = [];
  // A status the checklist's reader cannot tell: counted as not held, and said on its cell.
  const statusCol = checklistSheet?.cols.get("Tình trạng");
  if (checklistSheet && statusCol !== undefined)
    for (const e of checklistSheet.entries) {
      const v = e.values["Tình trạng"] ?? null;
      if (isUnclearStatus(v))
        problems.push({
          severity: "warning",
          cell: cellAddress(checklistSheet.sheet, e.row, statusCol),
          msg: msg("problem.unclearStatus", { text: cellText(v) }),
        });
    }
  const base = {
    rules: rs,
    checklist,
    ...(checklistSheet ? { checklistSheet } : {}),
    state,
    own,
    anchors,
    problems,
    villageRows: [],
    postalRows: [],
    communes: [],
    communeRows: [],
  };

  const ownNames = new Set(Object.values(own).filter((n): n is string => !!n));
  const inputGrids = grids.filter((g) => !ownNames.has(g.sheet));
  if (inputGrids.every(isEmptyGrid)) {
    return { ...base, tables: [], fatal: msg("problem.emptyWorkbook") };
  }
  const tables = detectTables(grids, { ruleset: rs, skipSheets: ownNames, mapping });
  const communeTables = tables.filter((t) => t.kind === "communes");
  if (!communeTables.length) return { ...base, tables, fatal: msg("problem.noCommunesTable") };
  const known = (t: DetectedTable) => t.columns.filter((c) => c.key).length;
  const primary = communeTables.reduce((a, b) => (known(b) > known(a) ? b : a));

  // Communes, in workbook order; the primary table first decides the order of rows it holds.
  const entries: CommuneEntry[] = [];
  const ordered = [primary, ...communeTables.filter((t) => t !== primary)];
  for (const t of ordered) {
    const g = gridOf(grids, t.sheet);
    const nameCol = columnOf(t, "commune")!.col;
    const districtCol = columnOf(t, "district")?.col;
    const marks = checkMarkColumns(g, t, defs);
    const hasPostalColumns = t.columns.some((c) => c.key && POSTAL_KEYS.has(c.key));
    const inTable: CommuneEntry[] = [];
    for (const row of t.dataRows) {
      const name = cleanName(cellText(valueAt(g, row, nameCol)));
      if (!name) {
        problems.push({
          severity: "warning",
          cell: cellAddress(g.sheet, row, nameCol),
          msg: msg("problem.emptyName", { row: row + 1, what: { vi: "xã", en: "commune" } }),
        });
        continue;
      }
      const facts = readRow(defs, g, t, row, marks, new Set(["commune"]), problems);
      const district = districtCol !== undefined ? cleanName(cellText(valueAt(g, row, districtCol))) : "";
      const code = facts.code?.value;
      // Without postal-point columns in the table there is nothing to take out (no copy per commune).
      const communeFacts: Record<string, Fact> = hasPostalColumns
        ? Object.fromEntries(Object.entries(facts).filter(([k]) => !POSTAL_KEYS.has(k)))
        : facts;
      const c: CommuneFacts = {
        name,
        cell: cellAddress(g.sheet, row, nameCol),
        ...(district ? { district } : {}),
        ...(typeof code === "string" ? { code } : typeof code === "number" ? { code: String(code) } : {}),
        facts: communeFacts,
        ...(hasPostalColumns
          ? {
              postalPoints: [
                {
                  name: inlinePointName(name),
                  cell: cellAddress(g.sheet, row, nameCol),
                  facts: Object.fromEntries(Object.entries(facts).filter(([k]) => POSTAL_KEYS.has(k))),
                },
              ],
            }
          : {}),
      };
      inTable.push({
        facts: c,
        row: { table: t, row },
        key: communeKey(name),
        district: district ? districtKey(district) : "",
      });
    }
    // Two rows of one table with the same name (and district): both reported, neither evaluated.
    const groups = new Map<string, CommuneEntry[]>();
    for (const e of inTable) groups.set(`${e.key}|${e.district}`, [...(groups.get(`${e.key}|${e.district}`) ?? []), e]);
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const cells = group.map((e) => e.facts.cell!);
      const m = msg("problem.duplicateCommune", { name: group[0].facts.name, count: group.length, cells });
      for (const e of group) {
        e.facts.excluded = m;
        problems.push({ severity: "error", cell: e.facts.cell, msg: m });
      }
    }
    const before = byKeySoFar(entries);
    for (const e of inTable) {
      // Only communes of earlier tables can be the same one (indexed: a linear search here made a province's read quadratic).
      const same = before
        .get(e.key)
        ?.find((x) => (!x.district || !e.district || x.district === e.district) && x.row.table !== t);
      if (same && !e.facts.excluded && !same.facts.excluded) {
        // A second communes table adds what the first lacks; the first wins where both have a value.
        same.facts.facts = { ...e.facts.facts, ...same.facts.facts };
        if (!same.facts.postalPoints && e.facts.postalPoints) same.facts.postalPoints = e.facts.postalPoints;
      } else entries.push(e);
    }
  }

  if (!entries.length) return { ...base, tables, fatal: msg("problem.noCommunes", { sheet: primary.sheet }) };
  unusedColumns(defs, communeTables, problems);

  const communes = entries.map((e) => e.facts);
  const byKey = new Map<string, number[]>();
  entries.forEach((e, i) => {
    const list = byKey.get(e.key);
    if (list) list.push(i);
    else byKey.set(e.key, [i]);
  });
  /** The commune a village or postal point names; several (same name, two districts, and no district to tell them apart) are listed. */
  const findCommune = (name: string, district: string): number | null | { among: CommuneEntry[] } => {
    const d = district ? districtKey(district) : "";
    const hits = (byKey.get(communeKey(name)) ?? [])
      .map((i) => [entries[i], i] as const)
      .filter(([e]) => !d || !e.district || e.district === d);
    if (!hits.length) return null;
    const live = hits.filter(([e]) => !e.facts.excluded);
    if (live.length > 1) return { among: live.map(([e]) => e) };
    // Only duplicates (not evaluated, already reported): the row belongs to none.
    return live.length ? live[0][1] : { among: [] };
  };

  // Villages and postal points.
  const entityRows = (kind: Exclude<TableKind, "communes">) => {
    const rows: EntityRow[] = [];
    for (const t of tables.filter((x) => x.kind === kind)) {
      const g = gridOf(grids, t.sheet);
      const nameKey = kind === "villages" ? "village" : "postal_point";
      const nameCol = columnOf(t, nameKey)!.col;
      const communeCol = columnOf(t, "commune")?.col;
      const districtCol = columnOf(t, "district")?.col;
      const marks = checkMarkColumns(g, t, defs);
      // Without a commune column: the workbook's only commune, or the one the sheet's name or title names.
      let fixed: number | null = null;
      if (communeCol === undefined) {
        if (entries.length === 1) fixed = 0;
        else {
          const text = ` ${words(`${t.sheet} ${t.title}`)} `;
          let named = entries
            .map((e, i) => [e, i] as const)
            .filter(([e]) => !e.facts.excluded && text.includes(` ${e.key} `));
          // Two communes of that name: the sheet's name or title may say the district too.
          if (named.length > 1) {
            const inDistrict = named.filter(([e]) => e.district && text.includes(` ${e.district} `));
            if (inDistrict.length) named = inDistrict;
          }
          const at = cellAddress(g.sheet, t.headerLast, nameCol);
          if (named.length === 1) fixed = named[0][1];
          else if (named.length > 1 && t.dataRows.length)
            problems.push({
              severity: "error",
              cell: at,
              msg: msg("problem.ambiguousSheet", {
                table: t.sheet,
                commune: named[0][0].facts.name,
                districts: named.map(([e]) => e.facts.district ?? e.facts.name),
              }),
            });
          else if (t.dataRows.length)
            problems.push({ severity: "error", cell: at, msg: msg("problem.noCommuneColumn", { table: t.sheet }) });
        }
      }
      for (const row of t.dataRows) {
        const name = cleanName(cellText(valueAt(g, row, nameCol)));
        const cell = cellAddress(g.sheet, row, nameCol);
        if (!name) {
          problems.push({
            severity: "warning",
            cell,
            msg: msg("problem.emptyName", {
              row: row + 1,
              what:
                kind === "villages" ? { vi: "thôn, bản", en: "village" } : { vi: "điểm phục vụ", en: "postal point" },
            }),
          });
          continue;
        }
        let commune: number | null = fixed;
        if (communeCol !== undefined) {
          const cname = cleanName(cellText(valueAt(g, row, communeCol)));
          const district = districtCol !== undefined ? cellText(valueAt(g, row, districtCol)) : "";
          const hit = cname ? findCommune(cname, district) : entries.length === 1 ? 0 : null;
          if (hit === null) {
            const m = !cname
              ? msg(kind === "villages" ? "problem.blankCommuneVillage" : "problem.blankCommunePostal", { name })
              : msg(kind === "villages" ? "problem.unknownCommuneVillage" : "problem.unknownCommunePostal", {
                  name,
                  commune: cname,
                });
            problems.push({ severity: "error", cell: cellAddress(g.sheet, row, communeCol), msg: m });
          } else if (typeof hit === "object" && hit.among.length > 1) {
            // Not a silent drop: the problem names every commune it could be.
            const districts = hit.among.map((e) => e.facts.district ?? e.facts.name);
            // With a district column whose cell is empty, the cell to fill is that one.
            const blankDistrict = districtCol !== undefined && !district.trim();
            const m = blankDistrict
              ? msg(kind === "villages" ? "problem.blankDistrictVillage" : "problem.blankDistrictPostal", {
                  name,
                  commune: cname,
                  districts,
                })
              : msg(kind === "villages" ? "problem.ambiguousCommuneVillage" : "problem.ambiguousCommunePostal", {
                  name,
                  commune: cname,
                  districts,
                });
            problems.push({
              severity: "error",
              cell: cellAddress(g.sheet, row, blankDistrict ? districtCol : communeCol),
              msg: m,
            });
          }
          commune = typeof hit === "number" ? hit : null;
        } else if (fixed === null) continue;
        const facts = readRow(defs, g, t, row, marks, new Set(["commune", "district", nameKey]), problems);
        rows.push({ table: t, row, commune, entity: { name, cell, facts } });
      }
    }
    return rows;
  };
  const villageRows = entityRows("villages");
  const postalRows = entityRows("postal");

  const group = (rows: EntityRow[]) => {
    const m = new Map<number, EntityFacts[]>();
    for (const r of rows) {
      if (r.commune === null) continue;
      const list = m.get(r.commune);
      if (list) list.push(r.entity);
      else m.set(r.commune, [r.entity]);
    }
    return m;
  };
  const villagesOf = group(villageRows);
  const pointsOf = group(postalRows);
  communes.forEach((c, i) => {
    const villages = villagesOf.get(i) ?? [];
    if (villages.length) {
      c.villages = villages;
      for (const key of villageTotals(rs)) {
        const total = c.facts[key];
        if (total && typeof total.value === "number" && total.value !== villages.length) {
          problems.push({
            severity: "warning",
            cell: total.cell,
            msg: msg("problem.villageCountMismatch", { field: key, given: total.value, counted: villages.length }),
          });
        }
      }
    }
    // Postal data exists when a postal-points table has rows (a header alone, as in a fresh template, is no data).
    if (postalRows.length || tables.some((t) => t.kind === "postal" && t.dataRows.length)) {
      const points = pointsOf.get(i) ?? [];
      // A postal-points table is the list of points; a commune absent from it has none, unless the
      // communes table itself describes its point.
      const inline = c.postalPoints?.[0];
      const inlineHasData =
        inline && Object.values(inline.facts).some((f) => f && (f.value !== undefined || f.problem));
      c.postalPoints = points.length ? points : inlineHasData ? [inline!] : [];
    }
  });

  // Checklist statuses feed the evidence counts.
  const evidence = evidenceByCommune(checklist);
  const labelOf = checklistNames(communes);
  for (const c of communes) {
    const ev = evidence.get(communeKey(labelOf(c)));
    if (ev) c.evidence = ev;
  }

  return {
    ...base,
    tables,
    communesTable: primary,
    communes,
    communeRows: entries.map((e) => e.row),
    villageRows,
    postalRows,
    problems,
  };
}

/** The count fields that hold a commune's number of villages (the `total` of the rule set's villages checks). */
function villageTotals(rs: RuleSet): string[] {
  const out = new Set<string>();
  const walk = (c: import("../ruleset/types").Check) => {
    if (c.kind === "villages") out.add(c.total);
    if (c.kind === "all" || c.kind === "postalAny") c.of.forEach(walk);
  };
  for (const l of rs.levels) for (const i of l.indicators) for (const c of i.conditions) walk(c.check);
  return [...out];
}

/**
 * A column the rule set recognises and never reads (a field's `unused`: "Số thuê bao ĐTTM" counts
 * subscriptions, not people). Where none of the columns that would be read instead is there, its
 * header says why the condition lacks data.
 */
function unusedColumns(defs: Defs, communeTables: readonly DetectedTable[], problems: Problem[]): void {
  for (const d of defs.values()) {
    const unused = d.unused;
    if (!unused || communeTables.some((t) => unused.unless.some((k) => columnOf(t, k)))) continue;
    for (const t of communeTables) {
      const c = columnOf(t, d.key);
      if (c)
        problems.push({
          severity: "warning",
          cell: cellAddress(t.sheet, t.headerLast, c.col),
          msg: msg("problem.subscriptionsNotPeople", { header: c.header, why: unused.why, use: unused.use }),
        });
    }
  }
}

/** The name shown for a postal point described in the communes table. */
export function inlinePointName(commune: string): string {
  return `Điểm phục vụ bưu chính (${commune})`;
}

/** Entries by commune key. */
function byKeySoFar<T extends { key: string }>(entries: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const e of entries) {
    const list = out.get(e.key);
    if (list) list.push(e);
    else out.set(e.key, [e]);
  }
  return out;
}
