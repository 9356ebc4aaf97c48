/**
 * The browser page's host: an .xlsx file held in memory, evaluated with the .xlsx host (which
 * patches the package: docs/DECISIONS.md) in the page itself. Nothing leaves the browser. Each evaluation works on the latest annotated
 * copy, as the add-in works on the open workbook.
 */
import { clearXlsx, describeXlsxError, evaluateXlsx, templateXlsx, XlsxError, XlsxRefused } from "../hosts/xlsx";
import { paneResult, type PaneHost } from "../taskpane/host";
import type { Lang } from "../core/ruleset/types";
import { rollupWorkbook } from "../hosts/xlsx/rollup";
import { gatherPicks } from "../taskpane/rollup";

/** The roll-up's download: a new workbook, whatever file is open. */
export const ROLLUP_FILE = "tong-hop-tc8.xlsx";

export interface WebFile {
  name: string;
  bytes: Uint8Array;
}

export interface WebHostEvents {
  /** The workbook changed (evaluated, cleared, template added): the download offers it. */
  onWorkbook(file: WebFile): void;
  /** The task pane asked to show a cell. */
  onSelect(cell: string): void;
}

/** so-lieu.xlsx → so-lieu.tc8.xlsx; a macro workbook keeps its .xlsm. */
export function annotatedName(name: string): string {
  const ext = /\.xlsm$/i.test(name) ? name.slice(-5) : ".xlsx";
  if (/\.tc8\.xls[xm]$/i.test(name)) return name;
  return name.replace(/\.xls[xm]$/i, "") + ".tc8" + ext;
}

/** A file that cannot be read, said in words naming it. */
async function readable<T>(name: string, lang: Lang, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof XlsxError)
      throw new Error(`${lang === "vi" ? "Không đọc được tệp" : "Cannot read"} ${name}: ${describeXlsxError(e, lang)}`);
    throw e;
  }
}

export function webHost(current: () => WebFile | null, events: WebHostEvents, lang: Lang): PaneHost {
  const file = () => {
    const f = current();
    if (!f) throw new Error(lang === "vi" ? "Chưa mở tệp .xlsx nào." : "No .xlsx file is open.");
    return f;
  };
  return {
    kind: "web",
    async evaluate(req, onStage) {
      const f = file();
      onStage("reading");
      // Let the progress bar paint before the work, which runs on this thread.
      await new Promise((r) => setTimeout(r, 0));
      onStage("evaluating");
      const r = await readable(f.name, lang, () =>
        evaluateXlsx(f.bytes, {
          levels: req.levels,
          lang: req.lang,
          ...(req.mapping ? { mapping: req.mapping } : {}),
          ...(req.ruleset ? { ruleset: req.ruleset } : {}),
          ...(req.rulesets ? { rulesets: req.rulesets } : {}),
        }),
      );
      onStage("writing");
      if (r.output) events.onWorkbook({ name: annotatedName(f.name), bytes: r.output });
      return paneResult(r.run, { skipped: [], ...(r.refused ? { refused: r.refused } : {}) });
    },
    async clear(removeChecklist, rulesets) {
      const f = file();
      try {
        events.onWorkbook({
          name: f.name,
          bytes: await readable(f.name, lang, () => clearXlsx(f.bytes, { removeChecklist, rulesets })),
        });
      } catch (e) {
        if (e instanceof XlsxRefused) return { refused: e.refusal };
        throw e;
      }
      return {};
    },
    async template(ruleset) {
      const f = current();
      try {
        const { bytes, sheets } = await readable(f?.name ?? "", lang, () => templateXlsx(f?.bytes, ruleset));
        events.onWorkbook({ name: f?.name ?? "mau-nhap-lieu-tc8.xlsx", bytes });
        return { sheets };
      } catch (e) {
        if (e instanceof XlsxRefused) return { sheets: [], refused: e.refusal };
        throw e;
      }
    },
    async rollup(req, onFile) {
      const r = await gatherPicks(req, onFile);
      const evaluated = r.files.filter((f) => f.outcome.kind === "evaluated").length;
      if (!evaluated) return { evaluated, sheets: [] };
      const { bytes, sheets } = await rollupWorkbook(r, req.ruleset, req.lang, new Date());
      return { evaluated, sheets: sheets.map((s) => s.name), download: { name: ROLLUP_FILE, bytes } };
    },
    async select(cell) {
      events.onSelect(cell);
    },
  };
}
