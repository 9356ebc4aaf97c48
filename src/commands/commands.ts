/**
 * The ribbon's Đánh giá (ExecuteFunction): evaluates without opening the pane and reports in a small
 * dialog, Excel's stand-in for a notification.
 */
import { excelHost } from "../hosts/office";
import { langOf } from "../taskpane/i18n";
import { commandReport } from "./summary";

function notify(text: string): void {
  const url = `${window.location.origin}/notice.html?m=${encodeURIComponent(text)}`;
  Office.context.ui.displayDialogAsync(url, { height: 25, width: 30, displayInIframe: true }, (res) => {
    if (res.status !== Office.AsyncResultStatus.Succeeded) return;
    const dialog = res.value;
    dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => dialog.close());
  });
}

async function evaluate(event: Office.AddinCommands.Event): Promise<void> {
  const lang = langOf(Office.context.displayLanguage);
  try {
    const out = await excelHost.evaluate({ levels: ["ntm", "nc"], lang });
    notify(commandReport(out, lang));
  } catch (e) {
    notify((lang === "vi" ? "Có lỗi: " : "Something went wrong: ") + (e instanceof Error ? e.message : String(e)));
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("evaluate", evaluate);
});
