/** The jurisdiction's policy facts for indicators 14 and 15 and its suppression threshold (administrators). */
import { Alert, Box, Button, MenuItem, TextField, Typography } from "@mui/material";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useDataProvider, useTranslate } from "react-admin";

import type { dataProvider as provider } from "../dataProvider";

interface Profile {
  jurisdiction: string;
  name: string;
  version: number;
  specialised_system: boolean | null;
  specialised_system_note: string;
  prevention_plan: boolean | null;
  prevention_plan_reference: string;
  suppression_threshold: number;
}

const TRISTATE = ["", "true", "false"] as const;
const toText = (value: boolean | null) => (value === null ? "" : String(value));
const fromText = (value: string) => (value === "" ? null : value === "true");

function ProfileFields({ profile, onSave, saving }: { profile: Profile; onSave: (draft: Profile) => void; saving: boolean }) {
  const translate = useTranslate();
  const [draft, setDraft] = useState(profile);
  const choice = (key: "specialised_system" | "prevention_plan", label: string) => (
    <TextField
      select
      size="small"
      label={translate(label)}
      value={toText(draft[key])}
      onChange={(e) => setDraft({ ...draft, [key]: fromText(e.target.value) })}
      sx={{ minWidth: 220 }}
    >
      {TRISTATE.map((v) => (
        <MenuItem key={v} value={v}>
          {translate(v === "" ? "jj.population.unknown" : v === "true" ? "jj.oversight.yes" : "jj.oversight.no")}
        </MenuItem>
      ))}
    </TextField>
  );
  return (
    <Box component="form" aria-label={translate("jj.population.profile")} sx={{ display: "flex", gap: 2, flexWrap: "wrap", alignItems: "center" }}>
      {choice("specialised_system", "jj.indicators.specialised_juvenile_justice_system")}
      <TextField size="small" label={translate("jj.population.note")} value={draft.specialised_system_note}
        onChange={(e) => setDraft({ ...draft, specialised_system_note: e.target.value })} />
      {choice("prevention_plan", "jj.indicators.prevention")}
      <TextField size="small" label={translate("jj.population.reference")} value={draft.prevention_plan_reference}
        onChange={(e) => setDraft({ ...draft, prevention_plan_reference: e.target.value })} />
      <TextField size="small" type="number" label={translate("jj.population.threshold")} value={draft.suppression_threshold}
        slotProps={{ htmlInput: { min: 1, max: 50 } }}
        onChange={(e) => setDraft({ ...draft, suppression_threshold: Number(e.target.value) })} />
      <Button variant="contained" onClick={() => onSave(draft)} disabled={saving}>
        {translate("ra.action.save")}
      </Button>
    </Box>
  );
}

export function ProfileForm() {
  const translate = useTranslate();
  const dataProvider = useDataProvider<typeof provider>();
  const queryClient = useQueryClient();
  const profile = useQuery({ queryKey: ["oversight", "/oversight/profile/"], queryFn: () => dataProvider.get<Profile>("/oversight/profile/") });
  // The fields start again from each saved version (their key), so the outcome is shown here, outside them.
  const save = useMutation({
    mutationFn: (draft: Profile) => dataProvider.put<Profile>("/oversight/profile/", draft),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["oversight"] }),
  });
  return (
    <Box component="section" sx={{ p: 2 }}>
      <Typography variant="subtitle1" component="h2" sx={{ mb: 1 }}>
        {translate("jj.population.profile")}
      </Typography>
      {profile.data && (
        <ProfileFields key={profile.data.version} profile={profile.data} onSave={(d) => save.mutate(d)} saving={save.isPending} />
      )}
      <Box role="status" aria-live="polite">
        {save.isSuccess && <Alert severity="success">{translate("jj.population.saved")}</Alert>}
        {save.isError && <Alert severity="error">{translate(String((save.error as Error).message))}</Alert>}
      </Box>
    </Box>
  );
}
