import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { I18nProvider, loadInitialCatalogues, registerMessages } from './i18n';
import { SessionProvider } from './session';
import { TownProvider } from './town';
import { PwaStatus, registerServiceWorker } from './pwa';
import messages from './messages';
import './theme.css';
import '../ui/lists.css';

registerMessages('', messages);
registerServiceWorker();
// A reader who chose another language than French gets the shell's words in it before the first paint
// (then, not a top-level await: that would split the first load into more files).
void loadInitialCatalogues().then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nProvider>
        <TownProvider>
          <SessionProvider>
            <PwaStatus />
            <App />
          </SessionProvider>
        </TownProvider>
      </I18nProvider>
    </StrictMode>,
  ),
);
