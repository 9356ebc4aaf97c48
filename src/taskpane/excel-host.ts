/** The task pane inside Excel: the Office.js host behind the PaneHost interface. */
import { excelHost } from "../hosts/office";
import { rollupSheets } from "../core/rollup";
import { paneResult, type PaneHost } from "./host";
import { gatherPicks } from "./rollup";

export const excelPaneHost: PaneHost = {
  kind: "excel",
  async evaluate(req, onStage) {
    const out = await excelHost.evaluate(
      { levels: req.levels, lang: req.lang, mapping: req.mapping, ruleset: req.ruleset, rulesets: req.rulesets },
      onStage,
    );
    return paneResult(out.run!, { skipped: out.skipped, ...(out.refused ? { refused: out.refused } : {}) });
  },
  async clear(removeChecklist, rulesets) {
    const out = await excelHost.clear({ removeChecklist, rulesets });
    return out.refused ? { refused: out.refused } : {};
  },
  async template(ruleset) {
    const out = await excelHost.template(ruleset);
    return { sheets: out.sheets, ...(out.refused ? { refused: out.refused } : {}) };
  },
  async rollup(req, onFile) {
    const r = await gatherPicks(req, onFile);
    const evaluated = r.files.filter((f) => f.outcome.kind === "evaluated").length;
    if (!evaluated) return { evaluated, sheets: [] };
    const at = new Date();
    const out = await excelHost.rollup((taken) => rollupSheets(r, req.ruleset, req.lang, at, taken));
    return { evaluated, sheets: out.sheets, ...(out.refused ? { refused: out.refused } : {}) };
  },
  select: (cell) => excelHost.select(cell),
};
