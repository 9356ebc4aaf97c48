/**
 * The browser page (README.md): the task pane on an .xlsx file the user opens (or the bundled
 * sample), with Đánh giá and Tải xuống. exceljs is loaded by this page only.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import {
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { App } from "../taskpane/App";
import { langOf } from "../taskpane/i18n";
import { parseCellAddress } from "../core/shared/grid";
import { webHost, type WebFile } from "./web-host";
import type { Lang } from "../core/ruleset/types";

const T = {
  vi: {
    open: "Mở tệp .xlsx",
    sample: "Dùng tệp mẫu",
    download: "Tải xuống",
    opened: (n: string) => `Đang mở: ${n}`,
    none: "Chưa mở tệp nào. Mở tệp Excel (.xlsx) của bạn hoặc dùng tệp mẫu.",
    local: "Tệp chỉ được xử lý trong trình duyệt này, không gửi đi đâu.",
    selected: (sheet: string, cell: string) => `Ô cần xem: sheet "${sheet}", ô ${cell}`,
  },
  en: {
    open: "Open an .xlsx file",
    sample: "Use the sample file",
    download: "Download",
    opened: (n: string) => `Open: ${n}`,
    none: "No file open. Open your Excel file (.xlsx) or use the sample.",
    local: "The file is processed in this browser only and sent nowhere.",
    selected: (sheet: string, cell: string) => `Cell to look at: sheet "${sheet}", cell ${cell}`,
  },
};

const useStyles = makeStyles({
  bar: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  hidden: { display: "none" },
});

const SAMPLE = "examples/huyen-binh-gia.xlsx";

function Page({ lang }: { lang: Lang }) {
  const t = T[lang];
  const styles = useStyles();
  const [file, setFile] = React.useState<WebFile | null>(null);
  const [evaluated, setEvaluated] = React.useState(false);
  const [selected, setSelected] = React.useState<string | null>(null);
  const fileRef = React.useRef<WebFile | null>(null);
  fileRef.current = file;
  const input = React.useRef<HTMLInputElement>(null);

  const host = React.useMemo(
    () =>
      webHost(
        () => fileRef.current,
        {
          onWorkbook: (f) => {
            fileRef.current = f;
            setFile(f);
          },
          onSelect: setSelected,
        },
        lang,
      ),
    [lang],
  );

  async function open(name: string, bytes: ArrayBuffer) {
    setFile({ name, bytes: new Uint8Array(bytes) });
    setEvaluated(false);
    setSelected(null);
  }

  function download() {
    if (!file) return;
    const url = URL.createObjectURL(
      new Blob([file.bytes as BlobPart], {
        type: /\.xlsm$/i.test(file.name)
          ? "application/vnd.ms-excel.sheet.macroEnabled.12"
          : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      }),
    );
    const a = document.createElement("a");
    a.href = url;
    a.download = file.name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  const where = selected ? parseCellAddress(selected) : null;
  const toolbar = (
    <section aria-label={t.open}>
      <div className={styles.bar}>
        <input
          ref={input}
          id="file"
          type="file"
          accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12"
          aria-label={t.open}
          className={styles.hidden}
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (f) await open(f.name, await f.arrayBuffer());
            e.target.value = "";
          }}
        />
        <Button onClick={() => input.current?.click()}>{t.open}</Button>
        <Button onClick={async () => open("huyen-binh-gia.xlsx", await (await fetch(SAMPLE)).arrayBuffer())}>
          {t.sample}
        </Button>
        <Button appearance="primary" disabled={!file || !evaluated} onClick={download}>
          {t.download}
        </Button>
      </div>
      <Text block>{file ? t.opened(file.name) : t.none}</Text>
      <Caption1 block>{t.local}</Caption1>
      {where && (
        <MessageBar intent="info" role="status">
          <MessageBarBody>{t.selected(where.sheet, `${selected!.split("!")[1]}`)}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
  return <App host={host} lang={lang} toolbar={toolbar} ready={!!file} onResult={(r) => setEvaluated(!r.fatal)} />;
}

const lang = langOf(navigator.language);
document.documentElement.lang = lang;
const dark = window.matchMedia?.("(prefers-color-scheme: dark)").matches;
createRoot(document.getElementById("container")!).render(
  <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
    <Page lang={lang} />
  </FluentProvider>,
);
