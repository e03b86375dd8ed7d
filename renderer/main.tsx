import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { logUncaughtErrors, setErrorLogSink } from './errors/error-log';
import { createPlatform } from './platform';
import './app/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
const platform = createPlatform();
// Desktop: main keeps the log file, so entries go there from the start; browser mode waits for the workspace.
setErrorLogSink(platform.errorLog);
logUncaughtErrors(window);
createRoot(container).render(
  <StrictMode>
    <App platform={platform} />
  </StrictMode>,
);
