import './csp-safe-zod.js'; // first: before any schema is built (see the file)
// Styles before the app, so each page's own stylesheet comes after govuk-frontend in the bundle.
import './styles.scss';
import { render } from 'solid-js/web';
import { App } from './app.js';
import { partnershipOfPath, partnershipPath } from '../../shared/partnership/paths.js';

// Links in email name their partnership (/p/mscp/our-return/...); the API client has taken it from
// the address (api/client.ts), and the pages, one partnership's for now, are addressed without it.
const named = partnershipOfPath(location.pathname);
if (named) history.replaceState(history.state, '', `${location.pathname.slice(partnershipPath(named).length) || '/'}${location.search}${location.hash}`);

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
root.textContent = '';
render(() => <App />, root);
