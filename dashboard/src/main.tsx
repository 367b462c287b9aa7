import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./routes/App.tsx";
import { I18nProvider } from "./shared/i18n.tsx";
import "./shared/style.css";

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <I18nProvider><App /></I18nProvider>
  </StrictMode>,
);
