export { OversightDashboard } from "./OversightDashboard";
export { OversightReport } from "./OversightReport";
