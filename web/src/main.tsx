import './csp-safe-zod.js'; // first: before any schema is built (see the file)
// Styles before the app, so each page's own stylesheet comes after govuk-frontend in the bundle.
import './styles.scss';
import { render } from 'solid-js/web';
import { App } from './app.js';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
root.textContent = '';
render(() => <App />, root);
