/** While a child is being registered: the children already registered who are likely the same one (name and date
 * of birth, within what the caller may see), as a warning with links, before anything is saved. */
import { Alert, AlertTitle, List, ListItem } from "@mui/material";
import { useEffect, useState } from "react";
import { Link, useTranslate } from "react-admin";
import { useWatch } from "react-hook-form";

import { apiFetch } from "../http";

export interface DuplicateMatch {
  id: number;
  pseudonym: string;
  given_name: string;
  family_name: string;
  date_of_birth: string | null;
  score: number;
  reasons: string[];
}

export const DUPLICATE_DEBOUNCE_MS = 400;

export function DuplicateWarning({ debounceMs = DUPLICATE_DEBOUNCE_MS }: { debounceMs?: number }) {
  const translate = useTranslate();
  const givenName = useWatch({ name: "given_name" }) as string | undefined;
  const familyName = useWatch({ name: "family_name" }) as string | undefined;
  const dateOfBirth = useWatch({ name: "date_of_birth" }) as string | undefined | null;
  const [matches, setMatches] = useState<DuplicateMatch[]>([]);

  useEffect(() => {
    const given = (givenName ?? "").trim();
    if (given.length < 2) {
      setMatches([]);
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      apiFetch<DuplicateMatch[]>("/children/duplicates/", {
        method: "POST",
        body: JSON.stringify({ given_name: given, family_name: (familyName ?? "").trim(), date_of_birth: dateOfBirth || null }),
      })
        .then((rows) => live && setMatches(rows))
        .catch(() => live && setMatches([]));
    }, debounceMs);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [givenName, familyName, dateOfBirth, debounceMs]);

  if (matches.length === 0) return null;
  return (
    <Alert severity="warning" role="status" sx={{ my: 1 }} data-testid="duplicate-warning">
      <AlertTitle>{translate("jj.duplicates.title", { smart_count: matches.length })}</AlertTitle>
      {translate("jj.duplicates.help")}
      <List dense>
        {matches.map((m) => (
          <ListItem key={m.id} disableGutters>
            <Link to={`/children/${m.id}/show`}>
              {[m.given_name, m.family_name].filter(Boolean).join(" ")} ({m.pseudonym})
              {m.date_of_birth ? ` · ${m.date_of_birth}` : ""}
            </Link>
            {" · "}
            {m.reasons.map((r) => translate(`jj.duplicates.reasons.${r.replace(/ /g, "_")}`)).join(", ")}
          </ListItem>
        ))}
      </List>
    </Alert>
  );
}
