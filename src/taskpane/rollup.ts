/**
 * The roll-up in the task pane (docs/output.md §12), for both hosts: the picked files read and
 * evaluated one by one in the browser with the .xlsx host's reader (nothing is sent anywhere),
 * each file's line shown as it is done, then the roll-up handed to the host to write.
 */
import type { Rollup } from "../core/rollup";
import { gatherXlsx, outcomeText } from "../hosts/xlsx/rollup";
import type { RollupLine, RollupRequest } from "./host";

export async function gatherPicks(
  req: RollupRequest,
  onFile: (index: number, total: number, line: RollupLine) => void,
): Promise<Rollup> {
  const total = req.files.length;
  return gatherXlsx(
    req.files.map((f) => ({
      name: f.name,
      size: f.size,
      ...(f.modified ? { modified: f.modified } : {}),
      bytes: f.bytes,
    })),
    {
      levels: req.levels,
      lang: req.lang,
      ruleset: req.ruleset,
      onFile: async (i, f) => {
        onFile(i, total, { name: f.name, text: outcomeText(f, req.lang), ok: f.outcome.kind === "evaluated" });
        // Let the list paint before the next file, which is read on this thread.
        await new Promise((r) => setTimeout(r, 0));
      },
    },
  );
}
