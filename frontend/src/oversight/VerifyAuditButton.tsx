/** One click to recompute the audit chain (the existing /api/audit/verify/), with the first broken event if any. */
import VerifiedIcon from "@mui/icons-material/Verified";
import { Alert, Box, Button } from "@mui/material";
import { useMutation } from "@tanstack/react-query";
import { useDataProvider, useTranslate } from "react-admin";

import type { dataProvider as provider } from "../dataProvider";
import type { ChainReport } from "./api";

export function VerifyAuditButton() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<typeof provider>();
  const verify = useMutation({ mutationFn: () => dataProvider.get<ChainReport>("/audit/verify/") });
  const report = verify.data as ChainReport | undefined;
  return (
    <Box>
      <Button variant="outlined" startIcon={<VerifiedIcon />} onClick={() => verify.mutate()} disabled={verify.isPending}>
        {translate("jj.oversight.verify")}
      </Button>
      <Box role="status" aria-live="polite" sx={{ mt: 1 }}>
        {verify.isPending && <Alert severity="info">{translate("jj.oversight.verifying")}</Alert>}
        {verify.isError && <Alert severity="error">{translate("jj.oversight.verify_failed")}</Alert>}
        {report && report.ok && (
          <Alert severity="success">
            {translate("jj.oversight.chain_ok", { count: report.events_checked, head: report.head_seq ?? 0 })}
          </Alert>
        )}
        {report && !report.ok && (
          <Alert severity="error">
            {translate("jj.oversight.chain_broken", { seq: report.first_broken_seq ?? "?", count: report.events_checked })}{" "}
            {report.problem}
          </Alert>
        )}
      </Box>
    </Box>
  );
}
