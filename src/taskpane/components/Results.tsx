/** The results: a summary per indicator and level, the communes with their conditions, the problems. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { conditionLine } from "../../core/engine/explain";
import { formatter, msg, render, VERDICT_TEXT } from "../../core/i18n";
import { indicatorLabel, levelOf, type RuleSet } from "../../core/ruleset";
import type { CommuneResult, ConditionResult, LevelResult, Problem } from "../../core/engine/types";
import type { Verdict } from "../../core/engine/tristate";
import type { Lang, LevelId } from "../../core/ruleset/types";
import type { UiText } from "../i18n";
import { checklistNames } from "../../core/read/checklist";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  badges: { display: "flex", gap: tokens.spacingHorizontalXS, marginLeft: "auto", flexWrap: "wrap" },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, width: "100%" },
  condition: {
    display: "flex",
    flexDirection: "row",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} 0`,
  },
  badge: { flexShrink: 0, whiteSpace: "nowrap", marginTop: "2px" },
  conditionButton: {
    justifyContent: "flex-start",
    textAlign: "left",
    height: "auto",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    fontWeight: tokens.fontWeightRegular,
  },
  indicator: { marginTop: tokens.spacingVerticalS },
  problem: { justifyContent: "flex-start", textAlign: "left", height: "auto", fontWeight: tokens.fontWeightRegular },
});

const COLOR: Record<Verdict, "success" | "danger" | "warning"> = {
  pass: "success",
  fail: "danger",
  missing: "warning",
};

export function VerdictBadge({ verdict, lang, label }: { verdict: Verdict; lang: Lang; label?: string }) {
  const styles = useStyles();
  return (
    <Badge
      className={styles.badge}
      appearance="tint"
      color={COLOR[verdict]}
      aria-label={`${label ? `${label}: ` : ""}${VERDICT_TEXT[lang][verdict]}`}
    >
      {label ? `${label} ` : ""}
      {VERDICT_TEXT[lang][verdict]}
    </Badge>
  );
}

export function Summary({
  communes,
  levels,
  ruleset: rs,
  lang,
  t,
}: {
  communes: CommuneResult[];
  levels: LevelId[];
  ruleset: RuleSet;
  lang: Lang;
  t: UiText;
}) {
  const evaluated = communes.filter((c) => !c.excluded);
  // "8.1 NTM nâng cao", "TC8 NTM nâng cao": the column headers' "NC" spelled out for whoever meets it first here.
  const rows = rs.levels
    .filter((l) => levels.includes(l.id))
    .flatMap((l) => [
      ...l.indicators.map((i) => ({
        label: indicatorLabel(l, i.id, lang),
        verdictOf: (c: CommuneResult) => c.levels[l.id]?.indicators.find((x) => x.id === i.id)?.verdict,
      })),
      { label: `TC8 ${l.name[lang]}`, verdictOf: (c: CommuneResult) => c.levels[l.id]?.verdict },
    ]);
  return (
    <section aria-label={t.summary}>
      <Subtitle2 as="h2">{t.summary}</Subtitle2>
      <Table size="extra-small" aria-label={t.summary}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t.indicator}</TableHeaderCell>
            <TableHeaderCell>{t.communesPassing}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => {
            const pass = evaluated.filter((c) => r.verdictOf(c) === "pass").length;
            return (
              <TableRow key={r.label}>
                <TableCell>{r.label}</TableCell>
                <TableCell>
                  {pass}/{evaluated.length}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </section>
  );
}

function ConditionLine({
  c,
  rs,
  lang,
  t,
  onSelect,
}: {
  c: ConditionResult;
  rs: RuleSet;
  lang: Lang;
  t: UiText;
  onSelect: (cell: string) => void;
}) {
  const styles = useStyles();
  const cell = c.marks[0]?.cell ?? c.cells[0];
  const text = conditionLine(c.id, render(c.msg, lang), lang, rs);
  return (
    <li className={styles.condition}>
      <VerdictBadge verdict={c.verdict} lang={lang} />
      {cell ? (
        <Button
          appearance="transparent"
          size="small"
          className={styles.conditionButton}
          onClick={() => onSelect(cell)}
          title={t.selectCell(formatter(lang).cell(cell))}
        >
          {text}
        </Button>
      ) : (
        <Text size={200}>{text}</Text>
      )}
    </li>
  );
}

export function CommuneList({
  communes,
  ruleset: rs,
  lang,
  t,
  onSelect,
}: {
  communes: CommuneResult[];
  ruleset: RuleSet;
  lang: Lang;
  t: UiText;
  onSelect: (cell: string) => void;
}) {
  const styles = useStyles();
  if (!communes.length) return <Text>{t.noCommunes}</Text>;
  // Two communes of one name (two districts) told apart by their district.
  const nameOf = checklistNames(communes);
  return (
    <section aria-label={t.communes} className={styles.section}>
      <Subtitle2 as="h2">{t.communes}</Subtitle2>
      <Accordion collapsible multiple>
        {communes.map((c, i) => (
          <AccordionItem value={i} key={`${c.name}-${i}`}>
            <AccordionHeader>
              <span className={styles.header}>
                <span>{nameOf(c)}</span>
                <span className={styles.badges}>
                  {c.excluded ? (
                    <Badge appearance="tint" color="informative">
                      {t.notEvaluated}
                    </Badge>
                  ) : (
                    (Object.values(c.levels) as LevelResult[]).map((lv) => (
                      <VerdictBadge
                        key={lv.level}
                        verdict={lv.verdict}
                        lang={lang}
                        label={levelOf(rs, lv.level).name[lang]}
                      />
                    ))
                  )}
                </span>
              </span>
            </AccordionHeader>
            <AccordionPanel>
              {c.excluded ? (
                <Text>{render(c.excluded, lang)}</Text>
              ) : (
                <>
                  {c.areaDefaulted && c.area && (
                    <Caption1 block>
                      {render(msg("area.defaulted", { area: c.area, areaName: rs.areaNames[c.area] }), lang)}
                    </Caption1>
                  )}
                  {(Object.values(c.levels) as LevelResult[]).map((lv) => (
                    <div key={lv.level}>
                      {lv.prerequisites
                        .filter((p) => p.verdict !== "pass")
                        .map((p) => (
                          <Caption1 key={p.id} block>
                            {render(p.msg, lang)}
                          </Caption1>
                        ))}
                      {lv.indicators.map((ind) => (
                        <div key={ind.id} className={styles.indicator}>
                          <span className={styles.header}>
                            <Text weight="semibold">
                              {indicatorLabel(levelOf(rs, lv.level), ind.id, lang)} –{" "}
                              {
                                levelOf(rs, lv.level).indicators.find((x) => x.id === ind.id)?.[
                                  lang === "vi" ? "title" : "titleEn"
                                ]
                              }
                            </Text>
                            <VerdictBadge verdict={ind.verdict} lang={lang} />
                          </span>
                          <ul
                            aria-label={`${t.conditions} ${indicatorLabel(levelOf(rs, lv.level), ind.id, lang)}`}
                            style={{ listStyle: "none", margin: 0, padding: 0 }}
                          >
                            {ind.conditions.map((cond) => (
                              <ConditionLine key={cond.id} c={cond} rs={rs} lang={lang} t={t} onSelect={onSelect} />
                            ))}
                          </ul>
                        </div>
                      ))}
                    </div>
                  ))}
                </>
              )}
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </section>
  );
}

export function ProblemList({
  problems,
  lang,
  t,
  onSelect,
}: {
  problems: Problem[];
  lang: Lang;
  t: UiText;
  onSelect: (cell: string) => void;
}) {
  const styles = useStyles();
  return (
    <section aria-label={t.problems} className={styles.section}>
      <Subtitle2 as="h2">
        {t.problems} ({problems.length})
      </Subtitle2>
      {problems.length === 0 ? (
        <Text>{t.noProblems}</Text>
      ) : (
        <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
          {problems.map((p, i) => (
            <li key={i}>
              {p.cell ? (
                <Button
                  appearance="transparent"
                  size="small"
                  className={styles.problem}
                  onClick={() => onSelect(p.cell!)}
                  title={t.selectCell(formatter(lang).cell(p.cell))}
                >
                  {`${t.at(formatter(lang).cell(p.cell))}: ${render(p.msg, lang)}`}
                </Button>
              ) : (
                <Text size={200}>{render(p.msg, lang)}</Text>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
