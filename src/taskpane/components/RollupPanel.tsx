/**
 * "Tổng hợp nhiều tệp" (docs/output.md §12): pick several communes' files, roll them up with a line
 * per file as each is done; the host writes the roll-up (into the open workbook in Excel, a new
 * workbook to download on the browser page).
 */
import * as React from "react";
import {
  Body1Strong,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Lang, LevelId, RuleSet } from "../../core/ruleset/types";
import type { PaneHost, RollupDone, RollupLine } from "../host";
import type { UiText } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  hidden: { display: "none" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXXL },
  bad: { color: tokens.colorPaletteRedForeground1 },
});

const XLSX_TYPES =
  ".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12";

/** Hands the bytes to the browser as a download. */
function save(name: string, bytes: Uint8Array): void {
  const url = URL.createObjectURL(
    new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }),
  );
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function RollupPanel({
  host,
  lang,
  levels,
  ruleset,
  t,
  disabled,
  onBusy,
}: {
  host: PaneHost;
  lang: Lang;
  levels: LevelId[];
  ruleset: RuleSet;
  t: UiText;
  disabled: boolean;
  onBusy: (busy: boolean) => void;
}) {
  const T = t.rollup;
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [files, setFiles] = React.useState<File[]>([]);
  const [lines, setLines] = React.useState<RollupLine[]>([]);
  const [progress, setProgress] = React.useState<{ i: number; n: number } | null>(null);
  const [done, setDone] = React.useState<RollupDone | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  async function run() {
    onBusy(true);
    setLines([]);
    setDone(null);
    setError(null);
    setProgress({ i: 0, n: files.length });
    try {
      const picks = files.map((f) => ({
        name: f.name,
        size: f.size,
        modified: new Date(f.lastModified),
        bytes: async () => new Uint8Array(await f.arrayBuffer()),
      }));
      const r = await host.rollup!({ files: picks, levels, lang, ruleset }, (i, n, line) => {
        setLines((l) => [...l, line]);
        setProgress({ i, n });
      });
      setDone(r);
    } catch (e) {
      setError(t.error(e instanceof Error ? e.message : String(e)));
    } finally {
      setProgress(null);
      onBusy(false);
    }
  }

  const notice = error
    ? { intent: "error" as const, text: error }
    : done?.refused
      ? {
          intent: "error" as const,
          text: done.refused.reason === "sheetProtected" ? t.refusedSheet(done.refused.sheet ?? "") : t.refusedWorkbook,
        }
      : done && !done.evaluated
        ? { intent: "warning" as const, text: T.none }
        : done
          ? { intent: "success" as const, text: done.download ? T.doneWeb : T.doneExcel(done.sheets.join(", ")) }
          : null;

  return (
    <section className={styles.root} aria-label={T.title}>
      <Body1Strong as="h2">{T.title}</Body1Strong>
      <Caption1 block>{T.hint}</Caption1>
      <div className={styles.actions}>
        <input
          ref={input}
          id="rollup-files"
          type="file"
          multiple
          accept={XLSX_TYPES}
          aria-label={T.pick}
          className={styles.hidden}
          onChange={(e) => {
            setFiles([...(e.target.files ?? [])]);
            setLines([]);
            setDone(null);
            e.target.value = "";
          }}
        />
        <Button disabled={disabled} onClick={() => input.current?.click()}>
          {T.pick}
        </Button>
        <Button appearance="primary" disabled={disabled || !files.length} onClick={() => void run()}>
          {T.run}
        </Button>
        {done?.download && (
          <Button appearance="primary" onClick={() => save(done.download!.name, done.download!.bytes)}>
            {T.download}
          </Button>
        )}
      </div>
      {files.length > 0 && <Caption1 block>{T.picked(files.length)}</Caption1>}
      {progress && (
        <Field validationMessage={T.running(Math.min(progress.i + 1, progress.n), progress.n)} validationState="none">
          <ProgressBar
            value={progress.n ? progress.i / progress.n : 0}
            aria-label={T.running(Math.min(progress.i + 1, progress.n), progress.n)}
          />
        </Field>
      )}
      {notice && (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {lines.length > 0 && (
        <ol className={styles.list} aria-label={T.files}>
          {lines.map((l, i) => (
            <li key={i} className={l.ok ? undefined : styles.bad}>
              {l.name}: {l.text}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
