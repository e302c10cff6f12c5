import AccountBalanceIcon from "@mui/icons-material/AccountBalance";
import ChildCareIcon from "@mui/icons-material/ChildCare";
import FolderIcon from "@mui/icons-material/Folder";
import GavelIcon from "@mui/icons-material/Gavel";
import HistoryIcon from "@mui/icons-material/History";
import { Admin, Resource } from "react-admin";

import { AuditEventList } from "./audit";
import { authProvider } from "./authProvider";
import { CaseCreate, CaseList, CaseShow } from "./cases";
import { ChildCreate, ChildEdit, ChildList, ChildShow } from "./children";
import { EpisodeCreate, EpisodeList, EpisodeShow } from "./custody";
import { Dashboard } from "./dashboard/Dashboard";
import { dataProvider } from "./dataProvider";
import { FacilityList } from "./facilities";
import { i18nProvider } from "./i18n";
import { Layout } from "./layout/Layout";
import { theme } from "./layout/theme";

export function App() {
  return (
    <Admin
      title="jj.app_title"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      dashboard={Dashboard}
      theme={theme}
      layout={Layout}
      requireAuth
      disableTelemetry
    >
      <Resource name="cases" list={CaseList} show={CaseShow} create={CaseCreate} icon={FolderIcon}
        recordRepresentation="reference" />
      <Resource name="children" list={ChildList} show={ChildShow} create={ChildCreate} edit={ChildEdit}
        icon={ChildCareIcon} recordRepresentation="pseudonym" />
      <Resource name="custody-episodes" list={EpisodeList} show={EpisodeShow} create={EpisodeCreate} icon={GavelIcon} />
      <Resource name="facilities" list={FacilityList} icon={AccountBalanceIcon} recordRepresentation="name" />
      <Resource name="audit-events" list={AuditEventList} icon={HistoryIcon} />
    </Admin>
  );
}
