import { Alert, Button } from "@mui/material";
import { Link } from "react-router-dom";
import { useTranslate } from "react-admin";

/** Under a refused intake: the child went to child protection instead; the referral is one click away. */
export function ProtectionReferralLink({ id }: { id: number | null }) {
  const translate = useTranslate();
  if (id === null) return null;
  return (
    <Alert severity="info" sx={{ mb: 1 }} data-testid="protection-referral-link"
      action={
        <Button component={Link} to={`/protection-referrals/${id}/show`} color="inherit" size="small">
          {translate("jj.protection.open_referral")}
        </Button>
      }>
      {translate("jj.protection.referred_instead")}
    </Alert>
  );
}
