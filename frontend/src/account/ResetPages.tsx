/** Signed out: ask for a reset link by e-mail (/forgot-password), and choose a new password from it
 * (/reset-password/:uid/:token). Both are outside the signed-in layout; the server answers the same whether or not
 * the address belongs to an account. */
import { Alert, Box, Button, Card, CardContent, Link, TextField, Typography } from "@mui/material";
import { type FormEvent, type ReactNode, useState } from "react";
import { LocalesMenuButton, useTranslate } from "react-admin";
import { Link as RouterLink, useParams } from "react-router-dom";

import { LocaleDirection } from "../layout/LocaleDirection";
import { errorOf, passwordApi } from "./passwords";

function SignedOutCard({ title, children }: { title: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <LocaleDirection>
      <Box component="main" sx={{ minHeight: "100vh", display: "flex", alignItems: "flex-start", justifyContent: "center",
        bgcolor: "grey.100", pt: 8, px: 1 }}>
        <Card sx={{ width: "100%", maxWidth: 440 }}>
          <CardContent>
            <Typography variant="h5" component="h1" sx={{ textAlign: "center" }}>
              {translate("jj.app_title")}
            </Typography>
            <Box sx={{ textAlign: "center", mb: 1 }}>
              <LocalesMenuButton />
            </Box>
            <Typography variant="h6" component="h2">
              {translate(title)}
            </Typography>
            {children}
            <Box sx={{ mt: 2 }}>
              <Link component={RouterLink} to="/login">
                {translate("jj.password.back_to_sign_in")}
              </Link>
            </Box>
          </CardContent>
        </Card>
      </Box>
    </LocaleDirection>
  );
}

export function ForgotPasswordPage() {
  const translate = useTranslate();
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState("");
  const [error, setError] = useState("");
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      setSent((await passwordApi.requestReset(email)).detail);
      setError("");
    } catch (e) {
      setError(errorOf(e, "email"));
    }
  };
  return (
    <SignedOutCard title="jj.password.forgot_title">
      {sent ? (
        <Alert severity="success" sx={{ mt: 1 }} data-testid="reset-sent">{sent}</Alert>
      ) : (
        <Box component="form" onSubmit={submit} data-testid="forgot-password">
          <Typography variant="body2" sx={{ my: 1 }}>{translate("jj.password.forgot_help")}</Typography>
          {error && <Alert severity="error" sx={{ mb: 1 }}>{translate(error, { _: error })}</Alert>}
          <TextField type="email" name="email" label={translate("jj.password.email")} value={email}
            onChange={(e) => setEmail(e.target.value)} autoComplete="email" required fullWidth />
          <Button type="submit" variant="contained" sx={{ mt: 2 }}>{translate("jj.password.send")}</Button>
        </Box>
      )}
    </SignedOutCard>
  );
}

export function ResetPasswordPage() {
  const translate = useTranslate();
  const { uid = "", token = "" } = useParams();
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [done, setDone] = useState(false);
  const [error, setError] = useState("");
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next !== repeat) {
      setError("jj.password.mismatch");
      return;
    }
    try {
      await passwordApi.confirmReset(uid, token, next);
      setDone(true);
      setError("");
    } catch (e) {
      setError(errorOf(e, "new_password", "token"));
    }
  };
  return (
    <SignedOutCard title="jj.password.reset_title">
      {done ? (
        <Alert severity="success" sx={{ mt: 1 }} data-testid="reset-done">{translate("jj.password.reset_done")}</Alert>
      ) : (
        <Box component="form" onSubmit={submit} data-testid="reset-password">
          <Typography variant="body2" sx={{ my: 1 }}>{translate("jj.password.reset_help")}</Typography>
          {error && <Alert severity="error" sx={{ mb: 1 }}>{translate(error, { _: error })}</Alert>}
          <TextField type="password" name="new_password" label={translate("jj.password.new")} value={next}
            onChange={(e) => setNext(e.target.value)} autoComplete="new-password" required fullWidth margin="dense" />
          <TextField type="password" name="repeat_password" label={translate("jj.password.repeat")} value={repeat}
            onChange={(e) => setRepeat(e.target.value)} autoComplete="new-password" required fullWidth margin="dense" />
          <Button type="submit" variant="contained" sx={{ mt: 2 }}>{translate("jj.password.reset")}</Button>
        </Box>
      )}
    </SignedOutCard>
  );
}
