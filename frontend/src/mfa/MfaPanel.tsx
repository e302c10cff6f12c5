/** Signing in with a second factor: the code (or a recovery code), or enrolling an authenticator app. */
import { Alert, Box, Button, Card, CardContent, TextField, Typography } from "@mui/material";
import { type FormEvent, useState } from "react";
import { useNotify, useTranslate } from "react-admin";

import { groupSecret, mfaApi, type MfaStep, type TotpSetup } from "./mfa";
import { securityKeysApi, webauthnSupported } from "./webauthn";

export function errorText(error: unknown): string {
  if (error instanceof DOMException) return "jj.mfa.key_cancelled"; // the browser's prompt was dismissed or timed out
  const body = (error as { body?: { errors?: Record<string, string> } })?.body;
  const fields = body?.errors ?? {};
  return (
    fields.code ?? fields.current_password ?? fields.credential ?? (error as Error)?.message ??
    "ra.notification.http_error"
  );
}

function VerifyForm({ onDone }: { onDone: () => void }) {
  const translate = useTranslate();
  const [code, setCode] = useState("");
  const [error, setError] = useState("");
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await mfaApi.verify(code);
      onDone();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const useKey = async () => {
    try {
      await securityKeysApi.verify();
      onDone();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <form onSubmit={submit} aria-label={translate("jj.mfa.verify_title")}>
      <Typography variant="h6" component="h1">{translate("jj.mfa.verify_title")}</Typography>
      <Typography variant="body2" sx={{ my: 1 }}>{translate("jj.mfa.verify_help")}</Typography>
      {error && <Alert severity="error" sx={{ mb: 1 }}>{translate(error, { _: error })}</Alert>}
      <TextField label={translate("jj.mfa.code")} value={code} onChange={(e) => setCode(e.target.value)}
        autoComplete="one-time-code" inputProps={{ inputMode: "numeric" }} fullWidth required />
      <Button type="submit" variant="contained" sx={{ mt: 2 }}>{translate("jj.mfa.verify")}</Button>
      {webauthnSupported() && (
        <Button variant="outlined" sx={{ mt: 2, marginInlineStart: 1 }} onClick={useKey}>{translate("jj.mfa.use_key")}</Button>
      )}
    </form>
  );
}

function EnrolForm({ onDone }: { onDone: () => void }) {
  const translate = useTranslate();
  const [password, setPassword] = useState("");
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState("");
  const [recovery, setRecovery] = useState<string[] | null>(null);
  const [error, setError] = useState("");

  const start = async (event: FormEvent) => {
    event.preventDefault();
    try {
      setSetup(await mfaApi.setup(password));
      setError("");
    } catch (e) {
      setError(errorText(e));
    }
  };
  const withKey = async () => {
    try {
      const { recovery_codes } = await securityKeysApi.register(password, "");
      setError("");
      if (recovery_codes.length) setRecovery(recovery_codes);
      else onDone();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    try {
      setRecovery((await mfaApi.confirm(code)).recovery_codes);
      setError("");
    } catch (e) {
      setError(errorText(e));
    }
  };

  const alert = error && <Alert severity="error" sx={{ mb: 1 }}>{translate(error, { _: error })}</Alert>;
  if (recovery) {
    return (
      <Box>
        <Typography variant="h6" component="h1">{translate("jj.mfa.recovery_title")}</Typography>
        <Typography variant="body2" sx={{ my: 1 }}>{translate("jj.mfa.recovery_help")}</Typography>
        <Box component="ul" aria-label={translate("jj.mfa.recovery_title")} sx={{ fontFamily: "monospace" }}>
          {recovery.map((c) => <li key={c}>{c}</li>)}
        </Box>
        <Button variant="contained" onClick={onDone}>{translate("jj.mfa.continue")}</Button>
      </Box>
    );
  }
  if (setup) {
    return (
      <form onSubmit={confirm} aria-label={translate("jj.mfa.enrol_title")}>
        <Typography variant="h6" component="h1">{translate("jj.mfa.enrol_title")}</Typography>
        <Typography variant="body2" sx={{ my: 1 }}>{translate("jj.mfa.secret_help")}</Typography>
        <Typography component="p" data-testid="mfa-secret" sx={{ fontFamily: "monospace", fontSize: "1.2rem" }}>
          {groupSecret(setup.secret)}
        </Typography>
        <Typography variant="body2" sx={{ my: 1, wordBreak: "break-all" }}>
          {translate("jj.mfa.uri_help")} <code>{setup.otpauth_uri}</code>
        </Typography>
        {alert}
        <TextField label={translate("jj.mfa.code")} value={code} onChange={(e) => setCode(e.target.value)}
          autoComplete="one-time-code" inputProps={{ inputMode: "numeric" }} fullWidth required />
        <Button type="submit" variant="contained" sx={{ mt: 2 }}>{translate("jj.mfa.confirm")}</Button>
      </form>
    );
  }
  return (
    <form onSubmit={start} aria-label={translate("jj.mfa.enrol_title")}>
      <Typography variant="h6" component="h1">{translate("jj.mfa.enrol_title")}</Typography>
      <Typography variant="body2" sx={{ my: 1 }}>{translate("jj.mfa.enrol_help")}</Typography>
      {alert}
      <TextField label={translate("jj.mfa.current_password")} type="password" value={password}
        onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" fullWidth required />
      <Button type="submit" variant="contained" sx={{ mt: 2 }}>{translate("jj.mfa.start")}</Button>
      {webauthnSupported() && (
        <Button variant="outlined" sx={{ mt: 2, marginInlineStart: 1 }} onClick={withKey} disabled={!password}>
          {translate("jj.mfa.enrol_key")}
        </Button>
      )}
    </form>
  );
}

/** The step this session needs (verify or enrol); `onDone` reloads who is signed in. */
export function MfaPanel({ step, onDone }: { step: MfaStep; onDone: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  const done = () => {
    notify("jj.mfa.done", { type: "success" });
    onDone();
  };
  return (
    <Card sx={{ maxWidth: 520, mx: "auto", mt: 4 }}>
      <CardContent>
        {step === "verify" && <VerifyForm onDone={done} />}
        {step === "enrol" && <EnrolForm onDone={done} />}
        {step === "done" && <Typography>{translate("jj.mfa.enrolled")}</Typography>}
      </CardContent>
    </Card>
  );
}
