import { StrictMode } from "react";
import { createRoot } from "react-dom/client";

import { App } from "./App";
import { applyDocumentLocale, storedLocale } from "./i18n/direction";

applyDocumentLocale(storedLocale() ?? "en");

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
