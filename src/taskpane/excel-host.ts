/** The task pane inside Excel: the Office.js host behind the PaneHost interface. */
import { excelHost } from "../hosts/office";
import { rollupSheets } from "../core/rollup";
import { paneResult, type PaneHost } from "./host";
import { gatherPicks, paneRuleSet } from "./rollup";

export const excelPaneHost: PaneHost = {
  kind: "excel",
  async evaluate(req, onStage) {
    const out = await excelHost.evaluate({ levels: req.levels, lang: req.lang, mapping: req.mapping }, onStage);
    return paneResult(out.run!, { skipped: out.skipped, ...(out.refused ? { refused: out.refused } : {}) });
  },
  async clear(removeChecklist) {
    const out = await excelHost.clear({ removeChecklist });
    return out.refused ? { refused: out.refused } : {};
  },
  async template() {
    const out = await excelHost.template();
    return { sheets: out.sheets, ...(out.refused ? { refused: out.refused } : {}) };
  },
  async rollup(req, onFile) {
    const r = await gatherPicks(req, onFile);
    const evaluated = r.files.filter((f) => f.outcome.kind === "evaluated").length;
    if (!evaluated) return { evaluated, sheets: [] };
    const at = new Date();
    const out = await excelHost.rollup((taken) => rollupSheets(r, paneRuleSet(), req.lang, at, taken));
    return { evaluated, sheets: out.sheets, ...(out.refused ? { refused: out.refused } : {}) };
  },
  select: (cell) => excelHost.select(cell),
};
