import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BRIDGE_GLOBAL, type KioskBridge } from '../shared/api/bridge';
import { App } from './app';
import { createApiClient, transportForThisWindow } from './api/client';
import { ConsoleApp } from './console-device/console-app';
import { isConsolePage } from './console-device/console-transport';
import { uiText } from './i18n';
import './styles.css';

declare global {
  interface Window {
    [BRIDGE_GLOBAL]?: KioskBridge;
  }
}

const root = createRoot(document.getElementById('root')!);
const transport = transportForThisWindow(window[BRIDGE_GLOBAL], window.location.hash);

root.render(
  <StrictMode>
    {!window[BRIDGE_GLOBAL] && isConsolePage(window.location) ? (
      <ConsoleApp />
    ) : transport ? (
      <App client={createApiClient(transport)} />
    ) : (
      <main className="kiosk">
        <section className="screen message">
          <h1>{uiText.nl.unavailableTitle}</h1>
          <p className="lead">{uiText.nl.openFromLink}</p>
          <p className="lead" lang="en">
            {uiText.en.openFromLink}
          </p>
        </section>
      </main>
    )}
  </StrictMode>,
);
