/** The API as the frontend sees it: record types and choice lists from the generated OpenAPI types
 * (schema.generated.ts, written by `make docs`; never edit it by hand). A choice list's values are the schema's
 * enum, so a new status on the server shows up here; its label is the translation keyed by the value. */
import type { components } from "./schema.generated";

export type Schemas = components["schemas"];

export type Choice = { id: string; name: string };

/** react-admin choices from a schema enum, labelled by the i18n key `${prefix}.${value}` (or the key `label`
 * gives for the value). */
export function choicesOf(values: ReadonlyArray<string>, label: string | ((value: string) => string)): Choice[] {
  const key = typeof label === "string" ? (value: string) => `${label}.${value}` : label;
  return values.map((id) => ({ id, name: key(id) }));
}

export type ProtectionReferral = Schemas["ProtectionReferral"];
export type ProtectionReferralStatus = Schemas["ProtectionReferralStatusEnum"];
export type CaseRecord = Schemas["CaseOutput"];
export type DiversionReferral = Schemas["Referral"];
export type Hearing = Schemas["Hearing"];
