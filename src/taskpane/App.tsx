/**
 * The task pane (README.md): level choice, Đánh giá with a progress bar and its stage, a summary, the
 * communes with their conditions, the problems, the column mapping, the template and Clear
 * results. It talks to its host only through PaneHost, so the add-in and the browser page share it.
 */
import * as React from "react";
import {
  Button,
  Caption1,
  Divider,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { render } from "../core/i18n";
import type { Lang, LevelId } from "../core/ruleset/types";
import type { MappingOverrides } from "../core/read/tables";
import { ClearDialog } from "./components/ClearDialog";
import { MappingEditor } from "./components/MappingEditor";
import { RollupPanel } from "./components/RollupPanel";
import { CommuneList, ProblemList, Summary } from "./components/Results";
import type { PaneHost, PaneResult, Refusal, Stage } from "./host";
import { UI } from "./i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, maxWidth: "720px" },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
});

type LevelChoice = "both" | "ntm" | "nc";
const LEVELS: Record<LevelChoice, LevelId[]> = { both: ["ntm", "nc"], ntm: ["ntm"], nc: ["nc"] };

interface Notice {
  intent: "success" | "warning" | "error" | "info";
  text: string;
}

export interface AppProps {
  host: PaneHost;
  lang: Lang;
  /** Controls the host adds (the browser page's file input and download). */
  toolbar?: React.ReactNode;
  /** False while there is nothing to evaluate (no file opened on the browser page). */
  ready?: boolean;
  /** Called with each result (the browser page enables its download). */
  onResult?: (r: PaneResult) => void;
}

export function App({ host, lang, toolbar, ready = true, onResult }: AppProps) {
  const t = UI[lang];
  const styles = useStyles();
  const [level, setLevel] = React.useState<LevelChoice>("both");
  const [busy, setBusy] = React.useState(false);
  const [stage, setStage] = React.useState<Stage | null>(null);
  const [result, setResult] = React.useState<PaneResult | null>(null);
  const [notices, setNotices] = React.useState<Notice[]>([]);

  const refusalText = (r: Refusal) => (r.reason === "sheetProtected" ? t.refusedSheet(r.sheet ?? "") : t.refusedWorkbook);

  async function guarded(f: () => Promise<void>) {
    setBusy(true);
    setNotices([]);
    try {
      await f();
    } catch (e) {
      setNotices([{ intent: "error", text: t.error(e instanceof Error ? e.message : String(e)) }]);
    } finally {
      setBusy(false);
      setStage(null);
    }
  }

  const evaluate = (mapping?: MappingOverrides) =>
    guarded(async () => {
      const r = await host.evaluate({ levels: LEVELS[level], lang, ...(mapping ? { mapping } : {}) }, setStage);
      const list: Notice[] = [];
      if (r.fatal) list.push({ intent: "error", text: render(r.fatal, lang) });
      if (r.refused) list.push({ intent: "error", text: refusalText(r.refused) });
      for (const s of r.skipped) list.push({ intent: "info", text: t.skipped[s] });
      if (r.dropped?.length) list.push({ intent: "warning", text: r.dropped.join(" ") });
      setNotices(list);
      setResult(r);
      onResult?.(r);
    });

  const stageValue: Record<Stage, number> = { reading: 0.2, evaluating: 0.5, writing: 0.8, done: 1 };

  return (
    <main className={styles.root} lang={lang}>
      <header>
        <Title3 as="h1">{t.title}</Title3>
        <Caption1 block>{t.subtitle}</Caption1>
      </header>
      {toolbar}
      <Field label={t.level}>
        <RadioGroup value={level} onChange={(_, d) => setLevel(d.value as LevelChoice)} layout="vertical">
          {(Object.keys(LEVELS) as LevelChoice[]).map((k) => (
            <Radio key={k} value={k} label={t.levels[k]} />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || !ready} onClick={() => evaluate()}>
          {busy && stage ? t.evaluating : t.evaluate}
        </Button>
      </div>
      {busy && stage && (
        <Field validationMessage={t.stages[stage]} validationState="none">
          <ProgressBar value={stageValue[stage]} aria-label={t.stages[stage]} />
        </Field>
      )}
      <div aria-live="polite">
        {notices.map((n, i) => (
          <MessageBar key={i} intent={n.intent}>
            <MessageBarBody>{n.text}</MessageBarBody>
          </MessageBar>
        ))}
      </div>
      {result && !result.fatal && (
        <>
          <Summary communes={result.communes} levels={result.levels} lang={lang} t={t} />
          <CommuneList communes={result.communes} lang={lang} t={t} onSelect={(c) => void host.select(c)} />
          <ProblemList problems={result.problems} lang={lang} t={t} onSelect={(c) => void host.select(c)} />
          <Divider />
          <MappingEditor tables={result.tables} mapping={result.mapping} lang={lang} t={t} busy={busy} onApply={(m) => evaluate(m)} />
        </>
      )}
      <Divider />
      {host.rollup && (
        <>
          <RollupPanel host={host} lang={lang} levels={LEVELS[level]} t={t} disabled={busy} onBusy={setBusy} />
          <Divider />
        </>
      )}
      <div className={styles.actions}>
        <Button
          disabled={busy}
          onClick={() =>
            guarded(async () => {
              const r = await host.template();
              setNotices([r.refused ? { intent: "error", text: refusalText(r.refused) } : { intent: "success", text: t.templateDone(r.sheets.join(", ")) }]);
            })
          }
        >
          {t.template}
        </Button>
        <ClearDialog
          t={t}
          disabled={busy || !ready}
          onClear={(removeChecklist) =>
            guarded(async () => {
              const r = await host.clear(removeChecklist);
              setNotices([r.refused ? { intent: "error", text: refusalText(r.refused) } : { intent: "success", text: t.clearDone }]);
              if (!r.refused) setResult(null);
            })
          }
        />
      </div>
    </main>
  );
}
