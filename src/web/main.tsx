/** Entry of the PWA: applies the saved text size and language, mounts the app, registers the service worker. */
import { render } from 'preact';
import { App } from './app.js';
import { applyTextSize } from './session.js';
import { setLanguage, language } from './i18n.js';
import type { TextSize } from '../shared/domain/roles.js';
import { startSync } from './offline/sync.js';
import { resumeTracking } from './offline/track.js';
import { get } from './api.js';
import type { Shift } from '../shared/api/shifts.js';
import './styles.css';
import './styles-nav.css';
import './styles-forms.css';
import './styles-shifts.css';
import './styles-start.css';
import './styles-observations.css';
import './styles-items.css';
import './styles-insights.css';

applyTextSize((localStorage.getItem('grannstod.textSize') as TextSize | null) ?? 'normal');
setLanguage(language.value);
render(<App />, document.getElementById('app')!);
// Observations saved on the phone go to the server whenever there is a connection.
startSync();
// A route being sampled for a running shift carries on after a reload (offline too: then it is assumed still running).
resumeTracking(async (id) => (await get<Shift>(`/api/shifts/${id}`).catch(() => ({ status: 'in_progress' }))).status === 'in_progress');

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    void navigator.serviceWorker.register('/sw.js', { scope: '/' });
  });
}
