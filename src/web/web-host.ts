/**
 * The browser page's host: an .xlsx file held in memory, evaluated with the .xlsx host (exceljs)
 * in the page itself. Nothing leaves the browser. Each evaluation works on the latest annotated
 * copy, as the add-in works on the open workbook.
 */
import { clearXlsx, evaluateXlsx, templateXlsx } from "../hosts/xlsx";
import { PART_NAMES } from "../hosts/xlsx/parts";
import { paneResult, type PaneHost } from "../taskpane/host";
import type { Lang } from "../core/ruleset/types";

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

export function annotatedName(name: string): string {
  return /\.tc8\.xlsx$/i.test(name) ? name : name.replace(/\.xlsx$/i, "") + ".tc8.xlsx";
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
      const r = await evaluateXlsx(f.bytes, { levels: req.levels, lang: req.lang, ...(req.mapping ? { mapping: req.mapping } : {}) });
      onStage("writing");
      if (r.output) events.onWorkbook({ name: annotatedName(f.name), bytes: r.output });
      const dropped = r.dropped.length
        ? [(lang === "vi" ? "Tệp gốc có " : "The file holds ") + r.dropped.map((d) => PART_NAMES[d][lang]).join(", ") + (lang === "vi" ? ": bản tải xuống không giữ được các phần này." : ": the download cannot carry them over.")]
        : [];
      return paneResult(r.run, { skipped: r.skipped.length ? ["chart"] : [], dropped });
    },
    async clear(removeChecklist) {
      const f = file();
      events.onWorkbook({ name: f.name, bytes: await clearXlsx(f.bytes, { removeChecklist }) });
      return {};
    },
    async template() {
      const f = current();
      const { bytes, sheets } = await templateXlsx(f?.bytes);
      events.onWorkbook({ name: f?.name ?? "mau-nhap-lieu-tc8.xlsx", bytes });
      return { sheets };
    },
    async select(cell) {
      events.onSelect(cell);
    },
  };
}
