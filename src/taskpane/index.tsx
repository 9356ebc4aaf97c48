/** The add-in's task pane: React and Fluent UI v9, following Office's theme and display language. */
import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import { excelPaneHost } from "./excel-host";
import { isDark, langOf } from "./i18n";

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
