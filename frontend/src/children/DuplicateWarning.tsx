/** While a child is being registered: the children already registered who are likely the same one (name and date
 * of birth, within what the caller may see), as a warning with links, before anything is saved. */
import { Alert, AlertTitle, List, ListItem } from "@mui/material";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link, useDataProvider, useTranslate } from "react-admin";
import { useWatch } from "react-hook-form";

import type { Schemas } from "../api";
import type { dataProvider as provider } from "../dataProvider";

export type DuplicateMatch = Schemas["DuplicateMatch"];
type DuplicateQuery = Schemas["DuplicateQueryRequest"];

export const DUPLICATE_DEBOUNCE_MS = 400;

/** The text once it has stayed the same for `ms`: the search waits until the typing pauses. */
function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function DuplicateWarning({ debounceMs = DUPLICATE_DEBOUNCE_MS }: { debounceMs?: number }) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<typeof provider>();
  const givenName = useWatch({ name: "given_name" }) as string | undefined;
  const familyName = useWatch({ name: "family_name" }) as string | undefined;
  const dateOfBirth = useWatch({ name: "date_of_birth" }) as string | undefined | null;
  const typed = (givenName ?? "").trim();
  const typedQuery: DuplicateQuery = {
    given_name: typed,
    family_name: (familyName ?? "").trim(),
    date_of_birth: dateOfBirth || null,
  };
  const query = JSON.parse(useDebounced(JSON.stringify(typedQuery), debounceMs)) as DuplicateQuery;
  const duplicates = useQuery({
    queryKey: ["children", "duplicates", query],
    queryFn: () => dataProvider.post<DuplicateMatch[]>("/children/duplicates/", query),
    enabled: query.given_name.length >= 2,
    placeholderData: keepPreviousData,
    retry: false,
  });

  const matches = typed.length < 2 || duplicates.isError ? [] : (duplicates.data ?? []);
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
