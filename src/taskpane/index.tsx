/** The add-in's task pane: React and Fluent UI v9, following Office's theme and display language. */
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { excelPaneHost } from "./excel-host";
import { langOf } from "./i18n";

/** Office's theme is dark when its body background is. */
export function isDark(background: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(background ?? "");
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((x) => parseInt(x, 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 128;
}

Office.onReady(() => {
  const lang = langOf(Office.context.displayLanguage);
  const dark = isDark(Office.context.officeTheme?.bodyBackgroundColor);
  document.documentElement.lang = lang;
  createRoot(document.getElementById("container")!).render(
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <App host={excelPaneHost} lang={lang} />
    </FluentProvider>,
  );
});
