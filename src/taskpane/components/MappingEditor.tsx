/** Column mapping: what each detected column was matched to, and a way to change it (stored in the workbook). */
import * as React from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Dropdown,
  Field,
  Option,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { fieldsOf } from "../../core/fields";
import type { RuleSet } from "../../core/ruleset/types";
import type { Lang } from "../../core/ruleset/types";
import { mappingKey, type MappingOverrides } from "../../core/read/tables";
import type { TableView } from "../host";
import type { UiText } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  table: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

const IGNORE = "__ignore__";

export function MappingEditor({
  tables,
  mapping,
  ruleset,
  lang,
  t,
  onApply,
  busy,
}: {
  tables: TableView[];
  mapping: MappingOverrides;
  ruleset: RuleSet;
  lang: Lang;
  t: UiText;
  onApply: (m: MappingOverrides) => void;
  busy: boolean;
}) {
  const styles = useStyles();
  const [draft, setDraft] = React.useState<MappingOverrides>(mapping);
  React.useEffect(() => setDraft(mapping), [mapping]);
  const changed = JSON.stringify(draft) !== JSON.stringify(mapping);
  return (
    <Accordion collapsible>
      <AccordionItem value="mapping">
        <AccordionHeader as="h2">{t.mapping}</AccordionHeader>
        <AccordionPanel>
          <section aria-label={t.mapping} className={styles.root}>
            <Caption1>{t.mappingHint}</Caption1>
            {tables.map((table) => {
              const fields = fieldsOf(ruleset)[table.kind];
              return (
                <div key={`${table.sheet}-${table.kind}`} className={styles.table}>
                  <Caption1>
                    <strong>{table.sheet}</strong>
                  </Caption1>
                  {table.columns
                    .filter((c) => c.header)
                    .map((c) => {
                      const k = mappingKey(c.header);
                      const sheetDraft = draft[table.sheet] ?? {};
                      const current = k in sheetDraft ? sheetDraft[k] : c.key;
                      const value = current ?? IGNORE;
                      const label = (key: string | null) =>
                        key ? (fields.find((f) => f.key === key)?.header ?? key) : t.ignore;
                      return (
                        <Field key={`${table.sheet}-${c.header}`} label={c.header} size="small">
                          <Dropdown
                            size="small"
                            aria-label={c.header}
                            value={label(current ?? null)}
                            selectedOptions={[value]}
                            onOptionSelect={(_, d) => {
                              const next = d.optionValue === IGNORE ? null : (d.optionValue ?? null);
                              setDraft((m) => ({ ...m, [table.sheet]: { ...(m[table.sheet] ?? {}), [k]: next } }));
                            }}
                          >
                            <Option value={IGNORE}>{t.ignore}</Option>
                            {fields.map((f) => (
                              <Option key={f.key} value={f.key} text={f.header}>
                                {lang === "vi" ? f.header : `${f.label.en} (${f.header})`}
                              </Option>
                            ))}
                          </Dropdown>
                        </Field>
                      );
                    })}
                </div>
              );
            })}
            <Button appearance="primary" disabled={!changed || busy} onClick={() => onApply(draft)}>
              {t.apply}
            </Button>
          </section>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
