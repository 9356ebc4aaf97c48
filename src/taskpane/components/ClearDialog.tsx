/** Clear results, with a confirmation; the checklist's entries are kept unless the user says otherwise. */
import * as React from "react";
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from "@fluentui/react-components";
import type { UiText } from "../i18n";

export function ClearDialog({
  t,
  onClear,
  disabled,
}: {
  t: UiText;
  onClear: (removeChecklist: boolean) => void;
  disabled: boolean;
}) {
  const [open, setOpen] = React.useState(false);
  const [removeChecklist, setRemoveChecklist] = React.useState(false);
  return (
    <Dialog open={open} onOpenChange={(_, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button disabled={disabled}>{t.clear}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t.clearTitle}</DialogTitle>
          <DialogContent>
            <p>{t.clearBody}</p>
            <Checkbox
              checked={removeChecklist}
              onChange={(_, d) => setRemoveChecklist(!!d.checked)}
              label={t.clearChecklist}
            />
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">{t.cancel}</Button>
            </DialogTrigger>
            <Button
              appearance="primary"
              onClick={() => {
                setOpen(false);
                onClear(removeChecklist);
              }}
            >
              {t.clear}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
