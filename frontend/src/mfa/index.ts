export { MfaPanel } from "./MfaPanel";
export { SecurityPage } from "./SecurityPage";
export { mfaStep, type MfaStatus } from "./mfa";
