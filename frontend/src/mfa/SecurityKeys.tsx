/** The signed-in user's security keys (WebAuthn) on the security page: list, add one, remove one (password first). */
import { Alert, Box, Button, Card, CardContent, List, ListItem, ListItemText, TextField, Typography } from "@mui/material";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useDataProvider, useNotify, useTranslate } from "react-admin";

import type { dataProvider as provider } from "../dataProvider";
import { errorText } from "./MfaPanel";
import { SECURITY_KEYS_PATH, type SecurityKey, securityKeysApi, webauthnSupported } from "./webauthn";

const KEYS = ["mfa", "security-keys"];

export function SecurityKeys() {
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<typeof provider>();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState("");
  const [recovery, setRecovery] = useState<string[]>([]);
  const list = useQuery({
    queryKey: KEYS,
    queryFn: () => dataProvider.get<SecurityKey[]>(SECURITY_KEYS_PATH),
    retry: false,
  });
  const keys = list.data ?? [];
  const reload = () => void queryClient.invalidateQueries({ queryKey: KEYS });

  const register = useMutation({
    mutationFn: () => securityKeysApi.register(password, name),
    onSuccess: (added) => {
      setRecovery(added.recovery_codes);
      setName("");
      setPassword("");
      setError("");
      notify("jj.mfa.key_added", { type: "success" });
      reload();
    },
    onError: (e) => setError(errorText(e)),
  });
  const unregister = useMutation({
    mutationFn: (key: SecurityKey) => securityKeysApi.remove(key.id, password),
    onSuccess: () => {
      setPassword("");
      setError("");
      notify("jj.mfa.key_removed", { type: "info" });
      reload();
    },
    onError: (e) => setError(errorText(e)),
  });

  const add = (event: FormEvent) => {
    event.preventDefault();
    register.mutate();
  };
  const remove = (key: SecurityKey) => {
    if (!password) {
      setError("jj.mfa.password_first");
      return;
    }
    unregister.mutate(key);
  };
  const shown = error || (list.isError ? errorText(list.error) : "");

  return (
    <Card sx={{ maxWidth: 520, mx: "auto", mt: 2 }}>
      <CardContent>
        <Typography variant="h6" component="h2">{translate("jj.mfa.keys_title")}</Typography>
        <Typography variant="body2" sx={{ my: 1 }}>{translate("jj.mfa.keys_help")}</Typography>
        {shown && <Alert severity="error" sx={{ mb: 1 }}>{translate(shown, { _: shown })}</Alert>}
        <List aria-label={translate("jj.mfa.keys_title")}>
          {keys.length === 0 && <ListItem><ListItemText primary={translate("jj.mfa.no_keys")} /></ListItem>}
          {keys.map((key) => (
            <ListItem key={key.id} secondaryAction={
              <Button onClick={() => remove(key)} aria-label={`${translate("jj.mfa.remove_key")} ${key.name}`}>
                {translate("jj.mfa.remove_key")}
              </Button>
            }>
              <ListItemText primary={key.name} secondary={new Date(key.created_at).toLocaleDateString()} />
            </ListItem>
          ))}
        </List>
        {recovery.length > 0 && (
          <Box>
            <Typography variant="body2">{translate("jj.mfa.recovery_help")}</Typography>
            <Box component="ul" aria-label={translate("jj.mfa.recovery_title")} sx={{ fontFamily: "monospace" }}>
              {recovery.map((c) => <li key={c}>{c}</li>)}
            </Box>
          </Box>
        )}
        <form onSubmit={add} aria-label={translate("jj.mfa.add_key")}>
          <TextField label={translate("jj.mfa.key_name")} value={name} onChange={(e) => setName(e.target.value)}
            inputProps={{ maxLength: 64 }} fullWidth sx={{ mb: 1 }} />
          <TextField label={translate("jj.mfa.current_password")} type="password" value={password}
            onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" fullWidth required />
          <Button type="submit" variant="contained" sx={{ mt: 2 }} disabled={!webauthnSupported()}>
            {translate("jj.mfa.add_key")}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
