/**
 * The ribbon's Đánh giá (ExecuteFunction) as testable steps: evaluate, report in a small dialog,
 * and only then tell Office the command is done. A function command's runtime may end as soon as
 * `completed()` is called (with Excel on the web's dialog in it), and it has five minutes in all:
 * an evaluation whose writes would be too large for that is left to the task pane, which says so.
 */
import type { ExcelOutcome } from "../hosts/office";
import type { Lang } from "../core/ruleset/types";
import { commandReport } from "./summary";

/**
 * What the command writes at most, by estimate (some 1,100 communes with their checklist, a dozen
 * requests in all); beyond it the task pane evaluates, without the function command's time limit.
 */
export const COMMAND_MAX_WRITE_BYTES = 12_000_000;

/** The notice page beside the commands page, wherever the add-in is deployed (its path kept). */
export function noticeUrl(page: string, text: string): string {
  const url = new URL("notice.html", page);
  url.search = new URLSearchParams({ m: text }).toString();
  return url.toString();
}

export interface CommandDeps {
  lang: Lang;
  evaluate(): Promise<ExcelOutcome>;
  /** Shows the report; resolves once it is closed, or at once when it cannot be shown. */
  notify(text: string): Promise<void>;
}

export async function runCommand(event: { completed(): void }, deps: CommandDeps): Promise<void> {
  let text: string;
  try {
    text = commandReport(await deps.evaluate(), deps.lang);
  } catch (e) {
    text = (deps.lang === "vi" ? "Có lỗi: " : "Something went wrong: ") + (e instanceof Error ? e.message : String(e));
  }
  try {
    await deps.notify(text);
  } finally {
    event.completed();
  }
}

type Ui = Pick<typeof Office.context.ui, "displayDialogAsync">;

/** The notice dialog: resolves when the user closes it (its button or the dialog's own ×), or when it cannot open. */
export function showNotice(ui: Ui, url: string): Promise<void> {
  return new Promise((resolve) => {
    try {
      ui.displayDialogAsync(url, { height: 25, width: 30, displayInIframe: true }, (res) => {
        if (res.status !== Office.AsyncResultStatus.Succeeded) return resolve();
        const dialog = res.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
          dialog.close();
          resolve();
        });
        // 12006: closed with its ×; other codes: the page could not load. Either way it is over.
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
      });
    } catch {
      resolve();
    }
  });
}
