/** REC-3: the independent review before a child's records are removed (CRC/C/GC/24 para. 71). A court officer of
 * the jurisdiction, never one assigned to the child's cases (the server refuses them), sees the open reviews by
 * pseudonym and decides: remove now, or retain until a date at most a year ahead, when the review comes back. */
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  FormHelperText,
  Radio,
  RadioGroup,
  TextField as MuiTextField,
} from "@mui/material";
import { useState } from "react";
import {
  BooleanField,
  Datagrid,
  List,
  TextField,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from "react-admin";

import { useCan } from "../../capabilities";
import { dataProvider } from "../../dataProvider";
import { ZonedDateField } from "../../layout/ZonedDateField";

export const REVIEW_ACTION = "records.removal_review";
const REASON_MIN = 20;

interface ReviewRecord {
  id: number;
  child_pseudonym: string;
  decided_at: string | null;
}

function isoDay(offsetDays: number): string {
  const day = new Date();
  day.setDate(day.getDate() + offsetDays);
  return day.toISOString().slice(0, 10);
}

/** The decision form of one open review, in a dialog; offered only where the capability table allows it. */
export function RemovalReviewDecide() {
  const record = useRecordContext<ReviewRecord>();
  const can = useCan();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState<"remove" | "retain">("remove");
  const [reason, setReason] = useState("");
  const [retainUntil, setRetainUntil] = useState(isoDay(180));
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (!record || record.decided_at || !can(REVIEW_ACTION)) return null;
  const titleId = `removal-review-${record.id}`;
  const complete = reason.trim().length >= REASON_MIN && (outcome === "remove" || retainUntil !== "");
  const submit = () => {
    const body = { outcome, reason, retain_until: outcome === "retain" ? retainUntil : null };
    dataProvider
      .post(`/records/removal-reviews/${record.id}/decide/`, body)
      .then(() => {
        setOpen(false);
        notify("jj.removal_review.decided", { type: "success" });
        refresh();
      })
      .catch((e: Error & { body?: { errors?: Record<string, unknown> } }) => {
        // A 400 names its fields (src/http.ts toHttpError): shown under each one.
        const fields: Record<string, string> = {};
        for (const [key, value] of Object.entries(e.body?.errors ?? {})) {
          if (typeof value === "string") fields[key] = value;
        }
        setErrors(fields);
        notify(e.message, { type: "error" });
      });
  };
  return (
    <>
      <Button size="small" variant="outlined" onClick={() => setOpen(true)} data-action={REVIEW_ACTION}
        data-testid={`decide-review-${record.id}`}>
        {translate("jj.removal_review.decide")}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={titleId} fullWidth>
        <DialogTitle id={titleId}>
          {translate("jj.removal_review.decide")}: {record.child_pseudonym}
        </DialogTitle>
        <DialogContent>
          <RadioGroup
            aria-label={translate("jj.removal_review.outcome")}
            value={outcome}
            onChange={(e) => setOutcome(e.target.value as "remove" | "retain")}
          >
            <FormControlLabel value="remove" control={<Radio />} label={translate("jj.removal_review.remove")} />
            <FormHelperText sx={{ marginInlineStart: 4 }}>{translate("jj.removal_review.remove_help")}</FormHelperText>
            <FormControlLabel value="retain" control={<Radio />} label={translate("jj.removal_review.retain")} />
            <FormHelperText sx={{ marginInlineStart: 4 }}>{translate("jj.removal_review.retain_help")}</FormHelperText>
          </RadioGroup>
          {outcome === "retain" && (
            <MuiTextField
              type="date"
              label={translate("jj.removal_review.retain_until")}
              value={retainUntil}
              onChange={(e) => setRetainUntil(e.target.value)}
              margin="dense"
              fullWidth
              required
              error={Boolean(errors.retain_until)}
              helperText={errors.retain_until ?? translate("jj.removal_review.retain_until_help")}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: isoDay(1), max: isoDay(366) } }}
            />
          )}
          <MuiTextField
            label={translate("jj.removal_review.reason")}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            margin="dense"
            fullWidth
            multiline
            minRows={2}
            required
            error={Boolean(errors.reason)}
            helperText={errors.reason ?? translate("jj.removal_review.reason_help")}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate("ra.action.cancel")}</Button>
          <Button onClick={submit} disabled={!complete} variant="contained" data-testid="removal-review-submit">
            {translate("ra.action.save")}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

/** The open reviews the court officer may decide, most urgent first; children by pseudonym only. */
export function RemovalReviewList() {
  const translate = useTranslate();
  return (
    <List title="jj.removal_review.title" empty={false} sort={{ field: "due_at", order: "ASC" }} exporter={false}>
      <Alert severity="info" sx={{ marginBlockEnd: 1 }}>{translate("jj.removal_review.intro")}</Alert>
      <Datagrid
        bulkActionButtons={false}
        rowClick={false}
        empty={<Alert severity="success">{translate("jj.removal_review.empty")}</Alert>}
      >
        <TextField source="child_pseudonym" label="jj.removal_review.pseudonym" sortable={false} />
        <ZonedDateField source="opened_at" label="jj.removal_review.opened_at" />
        <ZonedDateField source="due_at" label="jj.removal_review.due_at" />
        <BooleanField source="overdue" label="jj.removal_review.overdue" sortable={false} />
        <RemovalReviewDecide />
      </Datagrid>
    </List>
  );
}
