import AccountBalanceIcon from "@mui/icons-material/AccountBalance";
import AlarmIcon from "@mui/icons-material/Alarm";
import EventIcon from "@mui/icons-material/Event";
import NotificationsIcon from "@mui/icons-material/Notifications";
import ChildCareIcon from "@mui/icons-material/ChildCare";
import FolderIcon from "@mui/icons-material/Folder";
import GavelIcon from "@mui/icons-material/Gavel";
import HistoryIcon from "@mui/icons-material/History";
import HandshakeIcon from "@mui/icons-material/Handshake";
import PolicyIcon from "@mui/icons-material/Policy";
import FactCheckIcon from "@mui/icons-material/FactCheck";
import TaskAltIcon from "@mui/icons-material/TaskAlt";
import RuleIcon from "@mui/icons-material/Rule";
import SchoolIcon from "@mui/icons-material/School";
import ShieldIcon from "@mui/icons-material/Shield";
import InsightsIcon from "@mui/icons-material/Insights";
import LockIcon from "@mui/icons-material/Lock";
import PeopleIcon from "@mui/icons-material/People";
import PublicIcon from "@mui/icons-material/Public";
import ScienceIcon from "@mui/icons-material/Science";
import ManageAccountsIcon from "@mui/icons-material/ManageAccounts";
import UploadFileIcon from "@mui/icons-material/UploadFile";
import { QueryClient } from "@tanstack/react-query";
import AutoDeleteIcon from "@mui/icons-material/AutoDelete";
import { Admin, CustomRoutes, Resource } from "react-admin";
import { Route } from "react-router-dom";

import { ForgotPasswordPage, PasswordPage, ResetPasswordPage } from "./account";
import { ApprovalList } from "./approvals";
import { AuditEventList } from "./audit";
import { authProvider } from "./authProvider";
import { CaseCreate, CaseList, CaseShow } from "./cases";
import { ChildCreate, ChildEdit, ChildList, ChildShow } from "./children";
import { EpisodeCreate, EpisodeList, EpisodeShow } from "./custody";
import { Dashboard } from "./dashboard/Dashboard";
import { DeadlineList } from "./deadlines";
import { HearingCreate, HearingList, HearingShow } from "./hearings";
import { NotificationList } from "./notifications";
import { dataProvider } from "./dataProvider";
import { ProgrammeCreate, ProgrammeList, ReferralList, ReferralShow } from "./diversion";
import { FacilityCreate, FacilityList } from "./facilities";
import { i18nProvider } from "./i18n";
import { InspectionCreate, InspectionList } from "./inspections";
import { OversightDecisionList } from "./oversight";
import { OversightDashboard, OversightReport } from "./oversight/resource";
import { JurisdictionCreate, JurisdictionList } from "./jurisdictions";
import { PopulationCreate, PopulationList } from "./population";
import { PolicyEdit, PolicyList, PolicyShow } from "./policies";
import { ProtectionReferralList, ProtectionReferralShow } from "./referrals";
import { RecordsPage } from "./records";
import { RemovalReviewList } from "./records/removal-reviews";
import { Layout } from "./layout/Layout";
import { LoginPage } from "./layout/LoginPage";
import { SecurityPage } from "./mfa";
import { SimulationCompare, SimulationCreate, SimulationList, SimulationShow } from "./simulations";
import { ImportPage } from "./imports";
import { theme } from "./layout/theme";
import { UserCreate, UserEdit, UserList } from "./users";

// Every read of a child's record is audited (REC-1): a tab regaining focus must not re-read, and re-audit, every
// record on screen. Pages still refresh after a write (react-admin invalidates its queries) and on navigation.
const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } });

export function App() {
  return (
    <Admin
      queryClient={queryClient}
      title="jj.app_title"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      dashboard={Dashboard}
      theme={theme}
      layout={Layout}
      loginPage={LoginPage}
      requireAuth
      disableTelemetry
    >
      <Resource name="cases" list={CaseList} show={CaseShow} create={CaseCreate} icon={FolderIcon}
        recordRepresentation="reference" />
      <Resource name="children" list={ChildList} show={ChildShow} create={ChildCreate} edit={ChildEdit}
        icon={ChildCareIcon} recordRepresentation="pseudonym" />
      <Resource name="imports" list={ImportPage} icon={UploadFileIcon} />
      <Resource name="deadlines" list={DeadlineList} icon={AlarmIcon} />
      <Resource name="hearings" list={HearingList} show={HearingShow} create={HearingCreate} icon={EventIcon} />
      <Resource name="notifications" list={NotificationList} icon={NotificationsIcon} />
      <Resource name="custody-episodes" list={EpisodeList} show={EpisodeShow} create={EpisodeCreate} icon={GavelIcon} />
      <Resource name="facilities" list={FacilityList} create={FacilityCreate} icon={AccountBalanceIcon} recordRepresentation="name" />
      <Resource name="diversion-referrals" list={ReferralList} show={ReferralShow} icon={HandshakeIcon} />
      <Resource name="diversion-programmes" list={ProgrammeList} create={ProgrammeCreate} icon={SchoolIcon}
        recordRepresentation="name" />
      <Resource name="approvals" list={ApprovalList} icon={TaskAltIcon} />
      <Resource name="removal-reviews" list={RemovalReviewList} icon={AutoDeleteIcon} />
      <Resource name="protection-referrals" list={ProtectionReferralList} show={ProtectionReferralShow} icon={ShieldIcon}
        recordRepresentation="child_display" />
      <Resource name="records" list={RecordsPage} icon={LockIcon} />
      <Resource name="indicators" list={OversightDashboard} icon={InsightsIcon}>
        <Route path="report" element={<OversightReport />} />
      </Resource>
      <Resource name="simulations" list={SimulationList} show={SimulationShow} create={SimulationCreate} icon={ScienceIcon}>
        <Route path="compare" element={<SimulationCompare />} />
      </Resource>
      <Resource name="jurisdictions" list={JurisdictionList} create={JurisdictionCreate} icon={PublicIcon} />
      <Resource name="child-population" list={PopulationList} create={PopulationCreate} icon={PeopleIcon} />
      <Resource name="audit-events" list={AuditEventList} icon={HistoryIcon} />
      <Resource name="oversight-decisions" list={OversightDecisionList} icon={RuleIcon} />
      <Resource name="inspections" list={InspectionList} create={InspectionCreate} icon={FactCheckIcon} />
      <CustomRoutes>
        <Route path="/security" element={<SecurityPage />} />
        <Route path="/password" element={<PasswordPage />} />
      </CustomRoutes>
      <CustomRoutes noLayout>
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password/:uid/:token" element={<ResetPasswordPage />} />
      </CustomRoutes>
      <Resource name="users" list={UserList} create={UserCreate} edit={UserEdit} icon={ManageAccountsIcon}
        recordRepresentation="username" />
      <Resource name="policies" list={PolicyList} show={PolicyShow} edit={PolicyEdit} icon={PolicyIcon}
        recordRepresentation="name" />
    </Admin>
  );
}
