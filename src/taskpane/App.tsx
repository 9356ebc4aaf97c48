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
  Select,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { render } from "../core/i18n";
import { asFileRuleSet, checkRuleSet, DEFAULT_RULESET_ID, getRuleSet, shippedRuleSetIds } from "../core/ruleset";
import type { Lang, LevelId, RuleSet } from "../core/ruleset/types";
import type { MappingOverrides } from "../core/read/tables";
import { ClearDialog } from "./components/ClearDialog";
import { MappingEditor } from "./components/MappingEditor";
import { RollupPanel } from "./components/RollupPanel";
import { CommuneList, ProblemList, Summary } from "./components/Results";
import type { EvaluateRequest, PaneHost, PaneResult, Refusal, Stage } from "./host";
import { UI } from "./i18n";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: "720px",
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  // A rule set's title is long: the list stays as wide as the pane, its text cut with an ellipsis.
  select: { width: "100%", minWidth: 0, maxWidth: "100%" },
  selectInner: { textOverflow: "ellipsis", overflow: "hidden", whiteSpace: "nowrap" },
});

/** "all", or one level's id: the levels come from the rule set. */
type LevelChoice = string;
const ALL = "all";
const levelsOf = (rs: RuleSet, choice: LevelChoice): LevelId[] =>
  choice === ALL ? rs.levels.map((l) => l.id) : [choice];
/** The choice of rule set "as the workbook's state says" (the pipeline decides), else a rule set's id. */
const OF_WORKBOOK = "";
const OPEN_FILE = "\u0000open";

/** A local file's text, read in the browser (FileReader: Office's older webviews lack Blob.text). */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsText(file, "utf-8");
  });
}

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
  const [level, setLevel] = React.useState<LevelChoice>(ALL);
  // The rule set: the user's choice (a shipped one, or a file opened here), else the workbook's state decides.
  const [chosenId, setChosenId] = React.useState<string>(OF_WORKBOOK);
  const [opened, setOpened] = React.useState<RuleSet[]>([]);
  // The rule-set file input exists only while a file is being chosen: the browser page has its own
  // file input for the workbook, and one file input at a time is what a person (and a test) finds.
  const [picking, setPicking] = React.useState(false);
  const fileInput = React.useRef<HTMLInputElement>(null);
  React.useEffect(() => {
    const input = fileInput.current;
    if (!picking || !input) return;
    // A dialog closed without a file ends the choosing too (the "cancel" event, where the browser has it).
    const cancel = () => setPicking(false);
    input.addEventListener("cancel", cancel);
    input.click();
    return () => input.removeEventListener("cancel", cancel);
  }, [picking]);
  const [busy, setBusy] = React.useState(false);
  const [stage, setStage] = React.useState<Stage | null>(null);
  const [result, setResult] = React.useState<PaneResult | null>(null);
  const [notices, setNotices] = React.useState<Notice[]>([]);

  const refusalText = (r: Refusal) =>
    r.reason === "sheetProtected" ? t.refusedSheet(r.sheet ?? "") : t.refusedWorkbook;

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

  const chosen: RuleSet | undefined =
    chosenId === OF_WORKBOOK ? undefined : (opened.find((r) => r.id === chosenId) ?? getRuleSet(chosenId));
  // The levels offered: the chosen rule set's, else the last result's, else the default's.
  const shown = chosen ?? result?.ruleset ?? getRuleSet(DEFAULT_RULESET_ID);
  /** The whole title of the rule set in use, on hover: the list shows it cut to the pane's width. */
  const chosenTitle = shown.name;
  const levelChoice = level === ALL || shown.levels.some((l) => l.id === level) ? level : ALL;
  const choiceOf = (): Pick<EvaluateRequest, "ruleset" | "rulesets"> => ({
    ...(chosen ? { ruleset: chosen } : {}),
    ...(opened.length ? { rulesets: opened } : {}),
  });

  /** A rule-set file read in the browser, checked as `tc8 ruleset check` does. */
  async function openRuleSet(file: File) {
    const text = await readText(file);
    const checked = checkRuleSet(text);
    if (!checked.ruleset) {
      const problems = checked.problems
        .map(
          (p) => `${p.pointer || "/"}${p.place ? ` (${p.place.line}:${p.place.column})` : ""}: ${render(p.msg, lang)}`,
        )
        .join("; ");
      setNotices([{ intent: "error", text: t.rulesetInvalid(file.name, problems) }]);
      return;
    }
    const rs = asFileRuleSet(checked.ruleset, text, file.name);
    setOpened((list) => [...list.filter((r) => r.id !== rs.id), rs]);
    setChosenId(rs.id);
    setNotices([{ intent: "success", text: t.rulesetOpened(rs.name) }]);
  }

  const evaluate = (mapping?: MappingOverrides) =>
    guarded(async () => {
      const r = await host.evaluate(
        { levels: levelsOf(shown, levelChoice), lang, ...(mapping ? { mapping } : {}), ...choiceOf() },
        setStage,
      );
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
        <Caption1 block>
          {t.subtitle(shown.criterion.name[lang], shown.province, shown.validity.from.slice(0, 4))}
        </Caption1>
      </header>
      {toolbar}
      <Field label={t.ruleset}>
        <Select
          className={styles.select}
          select={{ className: styles.selectInner, title: chosenTitle }}
          value={chosenId}
          disabled={busy}
          onChange={(_, d) => {
            if (d.value === OPEN_FILE) {
              if (picking) fileInput.current?.click();
              else setPicking(true);
            } else setChosenId(d.value);
          }}
        >
          <option value={OF_WORKBOOK}>
            {t.rulesetOfWorkbook((result?.ruleset ?? getRuleSet(DEFAULT_RULESET_ID)).name)}
          </option>
          {shippedRuleSetIds().map((id) => (
            <option key={id} value={id}>
              {getRuleSet(id).name}
            </option>
          ))}
          {opened
            .filter((r) => !shippedRuleSetIds().includes(r.id))
            .map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} ({r.id})
              </option>
            ))}
          <option value={OPEN_FILE}>{t.openRuleset}</option>
        </Select>
      </Field>
      {picking && (
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          aria-label={t.openRuleset}
          hidden
          onChange={(e) => {
            const f = e.target.files?.[0];
            setPicking(false);
            if (f) void openRuleSet(f);
          }}
        />
      )}
      <Field label={t.level}>
        <RadioGroup value={levelChoice} onChange={(_, d) => setLevel(d.value)} layout="vertical">
          <Radio value={ALL} label={t.levelsAll(shown.levels.map((l) => l.name[lang]))} />
          {shown.levels.map((l) => (
            <Radio key={l.id} value={l.id} label={t.levelOne(l.name[lang])} />
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
          <Summary communes={result.communes} levels={result.levels} ruleset={result.ruleset} lang={lang} t={t} />
          <CommuneList
            communes={result.communes}
            ruleset={result.ruleset}
            lang={lang}
            t={t}
            onSelect={(c) => void host.select(c)}
          />
          <ProblemList problems={result.problems} lang={lang} t={t} onSelect={(c) => void host.select(c)} />
          <Divider />
          <MappingEditor
            tables={result.tables}
            mapping={result.mapping}
            ruleset={result.ruleset}
            lang={lang}
            t={t}
            busy={busy}
            onApply={(m) => evaluate(m)}
          />
        </>
      )}
      <Divider />
      {host.rollup && (
        <>
          <RollupPanel
            host={host}
            lang={lang}
            levels={levelsOf(shown, levelChoice)}
            ruleset={shown}
            t={t}
            disabled={busy}
            onBusy={setBusy}
          />
          <Divider />
        </>
      )}
      <div className={styles.actions}>
        <Button
          disabled={busy}
          onClick={() =>
            guarded(async () => {
              const r = await host.template(chosen ?? result?.ruleset);
              setNotices([
                r.refused
                  ? { intent: "error", text: refusalText(r.refused) }
                  : { intent: "success", text: t.templateDone(r.sheets.join(", ")) },
              ]);
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
              const r = await host.clear(removeChecklist, opened.length ? opened : undefined);
              setNotices([
                r.refused
                  ? { intent: "error", text: refusalText(r.refused) }
                  : { intent: "success", text: t.clearDone },
              ]);
              if (!r.refused) setResult(null);
            })
          }
        />
      </div>
    </main>
  );
}
