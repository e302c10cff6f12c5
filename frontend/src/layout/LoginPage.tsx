/** The sign-in page with the product's name, a choice of language (kept for the next visit) and a link for a
 * forgotten password. */
import { Box, Link, Typography } from "@mui/material";
import { LocalesMenuButton, Login, LoginForm, useTranslate } from "react-admin";
import { Link as RouterLink } from "react-router-dom";

import { LocaleDirection } from "./LocaleDirection";

function Heading() {
  const translate = useTranslate();
  return (
    <Box sx={{ px: 2, pt: 2, textAlign: "center" }}>
      <Typography variant="h5" component="h1">
        {translate("jj.app_title")}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate("jj.login.tagline")}
      </Typography>
      <Box sx={{ mt: 1 }}>
        <LocalesMenuButton />
      </Box>
    </Box>
  );
}

/** Signed out with a forgotten password: a reset link by e-mail (account/ResetPages.tsx). */
function Forgot() {
  const translate = useTranslate();
  return (
    <Box sx={{ px: 2, pb: 2, textAlign: "center" }}>
      <Link component={RouterLink} to="/forgot-password" data-testid="forgot-password-link">
        {translate("jj.password.forgot")}
      </Link>
    </Box>
  );
}

export function LoginPage() {
  return (
    <LocaleDirection>
      <Login>
        <Heading />
        <LoginForm />
        <Forgot />
      </Login>
    </LocaleDirection>
  );
}
