import './csp-safe-zod.js'; // first: before any schema is built (see the file)
// Styles before the app, so each page's own stylesheet comes after govuk-frontend in the bundle.
import './styles.scss';
import { render } from 'solid-js/web';
import { App } from './app.js';
import { partnershipOfPath, partnershipPath } from '../../shared/partnership/paths.js';
import { currentPartnership } from './api/partnership-address.js';
import { isPlatformPage } from '../../shared/platform/paths.js';

/**
 * Every page's address names its partnership (`/p/mscp/returns`), so bookmarks and links in email
 * open the right one; the pages are written without it (the router's base). An address naming
 * none (an old bookmark, `/`) is given the tab's partnership, or the service's own, first.
 * Platform administration's pages (`/platform...`) belong to no partnership: they run without a base.
 */
async function start(root: HTMLElement) {
  if (isPlatformPage(location.pathname)) {
    root.textContent = '';
    render(() => <App platform />, root);
    return;
  }
  const named = partnershipOfPath(location.pathname);
  const partnership = named ?? (await currentPartnership().catch(() => null));
  if (partnership && !named) {
    const page = location.pathname === '/' ? '' : location.pathname;
    history.replaceState(history.state, '', `${partnershipPath(partnership)}${page}${location.search}${location.hash}`);
  }
  root.textContent = '';
  render(() => <App base={partnership ? partnershipPath(partnership) : undefined} />, root);
}

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
void start(root);
