import './csp-safe-zod.js'; // first: before any schema is built (see the file)
import { render } from 'solid-js/web';
import { App } from './app.js';
import './styles.css';
import './govuk-components.css';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
root.textContent = '';
render(() => <App />, root);
