/**
 * The ribbon's Đánh giá (ExecuteFunction): evaluates without opening the pane and reports in a small
 * dialog, Excel's stand-in for a notification (the steps are in command.ts).
 */
import { excelHost } from "../hosts/office";
import { langOf } from "../taskpane/i18n";
import { COMMAND_MAX_WRITE_BYTES, noticeUrl, runCommand, showNotice } from "./command";

Office.onReady(() => {
  Office.actions.associate("evaluate", (event: Office.AddinCommands.Event) => {
    const lang = langOf(Office.context.displayLanguage);
    return runCommand(event, {
      lang,
      evaluate: () => excelHost.evaluate({ lang }, undefined, { maxWriteBytes: COMMAND_MAX_WRITE_BYTES }),
      notify: (text) => showNotice(Office.context.ui, noticeUrl(window.location.href, text)),
    });
  });
});
