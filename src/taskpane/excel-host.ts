/** The task pane inside Excel: the Office.js host behind the PaneHost interface. */
import { excelHost } from "../hosts/office";
import { paneResult, type PaneHost } from "./host";

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
  select: (cell) => excelHost.select(cell),
};
