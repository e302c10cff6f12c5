/** Change one's own password (/password): the current one first; Django's validators judge the new one; every other
 * session of the account ends, this one stays. */
import { Alert, Box, Button, Card, CardContent, TextField, Typography } from "@mui/material";
import { type FormEvent, useState } from "react";
import { Title, useNotify, useTranslate } from "react-admin";

import { errorOf, passwordApi } from "./passwords";

export function PasswordPage() {
  const translate = useTranslate();
  const notify = useNotify();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [errors, setErrors] = useState<{ current?: string; next?: string; form?: string }>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (next !== repeat) {
      setErrors({ next: "jj.password.mismatch" });
      return;
    }
    try {
      await passwordApi.change(current, next);
      setErrors({});
      setCurrent("");
      setNext("");
      setRepeat("");
      notify("jj.password.changed", { type: "success" });
    } catch (e) {
      const body = (e as { body?: { errors?: Record<string, string> } }).body?.errors ?? {};
      setErrors({
        current: body.current_password,
        next: body.new_password,
        form: body.current_password || body.new_password ? undefined : errorOf(e),
      });
    }
  };
  const shown = (key?: string) => (key ? translate(key, { _: key }) : undefined);
  return (
    <Card sx={{ maxWidth: 520, mt: 2 }}>
      <Title title="jj.password.title" />
      <CardContent>
        <Box component="form" onSubmit={submit} aria-labelledby="password-title" data-testid="password-change">
          <Typography id="password-title" variant="h6" component="h1">
            {translate("jj.password.title")}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ my: 1 }}>
            {translate("jj.password.help")}
          </Typography>
          {errors.form && <Alert severity="error" sx={{ mb: 1 }}>{shown(errors.form)}</Alert>}
          <TextField type="password" name="current_password" label={translate("jj.password.current")} value={current}
            onChange={(e) => setCurrent(e.target.value)} autoComplete="current-password" required fullWidth margin="dense"
            error={Boolean(errors.current)} helperText={shown(errors.current)} />
          <TextField type="password" name="new_password" label={translate("jj.password.new")} value={next}
            onChange={(e) => setNext(e.target.value)} autoComplete="new-password" required fullWidth margin="dense"
            error={Boolean(errors.next)} helperText={shown(errors.next)} />
          <TextField type="password" name="repeat_password" label={translate("jj.password.repeat")} value={repeat}
            onChange={(e) => setRepeat(e.target.value)} autoComplete="new-password" required fullWidth margin="dense" />
          <Button type="submit" variant="contained" sx={{ mt: 2 }}>
            {translate("jj.password.change")}
          </Button>
        </Box>
      </CardContent>
    </Card>
  );
}
