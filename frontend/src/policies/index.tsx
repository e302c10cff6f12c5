/** A jurisdiction's policy: every parameter beside its international standard; administrators edit it, and a
 * non-protective value is accepted with the warning that every later decision will carry (POL-1). */
import { Chip } from "@mui/material";
import { useState } from "react";
import {
  ArrayField,
  BooleanInput,
  Datagrid,
  Edit,
  FunctionField,
  List,
  NumberInput,
  SelectInput,
  Show,
  SimpleForm,
  SimpleShowLayout,
  TextField,
  useCanAccess,
  useRecordContext,
} from "react-admin";
import type { RaRecord } from "react-admin";
import { useWatch } from "react-hook-form";
import type { FieldValues } from "react-hook-form";

import { DecisionList } from "../decisions/DecisionList";
import { useRuleErrors } from "../decisions/useRuleErrors";
import type { Decision } from "../http";
import { SimulateButton } from "../simulations";
import { EmptyText } from "../layout/EmptyText";

interface Parameter {
  name: string;
  label: string;
  value: unknown;
  standard: unknown;
  below_standard: boolean;
  choices: string[];
  minimum: number | null;
  maximum: number | null;
}

const show = (value: unknown) => (value === null || value === undefined ? "not set" : Array.isArray(value) ? value.join(", ") || "none" : String(value));

export function PolicyList() {
  return (
    <List pagination={false} exporter={false}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" sortable={false} />
        <FunctionField label="jj.policy.below_standard" render={(r: { below_standard: string[] }) => r.below_standard.join(", ") || "-"} />
      </Datagrid>
    </List>
  );
}

export function PolicyShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <ArrayField source="parameters" label="jj.policy.parameters">
          <Datagrid bulkActionButtons={false} rowClick={false} empty={<EmptyText />}>
            <TextField source="label" sortable={false} />
            <FunctionField label="jj.policy.value" render={(p: Parameter) => show(p.value)} />
            <FunctionField label="jj.policy.standard" render={(p: Parameter) => show(p.standard)} />
            <FunctionField
              label="jj.policy.below_standard"
              render={(p: Parameter) => (p.below_standard ? <Chip color="warning" size="small" label="below standard" /> : null)}
            />
            <TextField source="source" sortable={false} />
          </Datagrid>
        </ArrayField>
      </SimpleShowLayout>
    </Show>
  );
}

function ParameterInputs() {
  const record = useRecordContext<{ parameters: Parameter[] }>();
  if (!record) return null;
  return (
    <>
      {record.parameters.map((p) => {
        const source = `values.${p.name}`;
        const help = `Standard: ${show(p.standard)}`;
        if (p.choices.length > 0) {
          return <SelectInput key={p.name} source={source} label={p.label} helperText={help} choices={p.choices.map((c) => ({ id: c, name: c }))} />;
        }
        if (typeof p.standard === "boolean") return <BooleanInput key={p.name} source={source} label={p.label} helperText={help} />;
        if (Array.isArray(p.standard)) return null;
        return (
          <NumberInput key={p.name} source={source} label={p.label} helperText={help}
            min={p.minimum ?? undefined} max={p.maximum ?? undefined} />
        );
      })}
    </>
  );
}

/** The values being edited, before they are saved, opened as a simulation of their impact (issue 18). */
function SimulateEdited() {
  const record = useRecordContext<{ values: Record<string, unknown> }>();
  const values = useWatch({ name: "values" }) as Record<string, unknown> | undefined;
  const { canAccess } = useCanAccess({ resource: "simulations", action: "create" });
  if (!record || !canAccess) return null;
  return <SimulateButton values={values ?? {}} current={record.values} />;
}

export function PolicyEdit() {
  const rules = useRuleErrors();
  const [warnings, setWarnings] = useState<Decision[]>([]);
  const transform = (data: FieldValues) => {
    const values = { ...(data.values as Record<string, unknown>) };
    for (const [key, value] of Object.entries(values)) if (Array.isArray(value)) delete values[key];
    return { version: data.version, ...values };
  };
  return (
    <Edit
      mutationMode="pessimistic"
      transform={transform}
      redirect={false}
      mutationOptions={{
        onError: rules.onError,
        onSuccess: (data: RaRecord) => setWarnings((data as { decisions?: Decision[] }).decisions ?? []),
      }}
    >
      <SimpleForm>
        <ParameterInputs />
        <SimulateEdited />
        <DecisionList decisions={[...rules.decisions, ...warnings]} />
      </SimpleForm>
    </Edit>
  );
}
