import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './i18n';
import './ui/reading-mode';
import './ui/styles.css';
import { App } from './app/App';
import { registerServiceWorker } from './lib/offline-shell';

const root = document.getElementById('root');
// French is already loaded; a visitor who chose English waits for its catalogue (one small chunk).
if (root) {
  void i18nReady.finally(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}

// After a first visit the app shell loads offline (a vote waiting in IndexedDB with it).
registerServiceWorker();
