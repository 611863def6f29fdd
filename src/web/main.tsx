/** Entry of the PWA: applies the saved text size and language, mounts the app, registers the service worker. */
import { render } from 'preact';
import { App } from './app.js';
import { applyTextSize } from './session.js';
import { setLanguage, language } from './i18n.js';
import type { TextSize } from '../shared/domain/roles.js';
import './styles.css';

applyTextSize((localStorage.getItem('grannstod.textSize') as TextSize | null) ?? 'normal');
setLanguage(language.value);
render(<App />, document.getElementById('app')!);

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  window.addEventListener('load', () => {
    void navigator.serviceWorker.register('/sw.js', { scope: '/' });
  });
}
