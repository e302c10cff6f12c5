/** The sign-in page with the product's name and a choice of language (the choice is kept for the session). */
import { Box, Typography } from "@mui/material";
import { LocalesMenuButton, Login, LoginForm, useTranslate } from "react-admin";

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

export function LoginPage() {
  return (
    <LocaleDirection>
      <Login>
        <Heading />
        <LoginForm />
      </Login>
    </LocaleDirection>
  );
}
