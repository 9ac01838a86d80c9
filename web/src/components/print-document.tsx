import type { JSX } from 'solid-js';
import { LinkLine } from './link-line.js';
import './print-document.css';

/*
 * The kit's printable document (a return to print or save as PDF): while one is on the page, the
 * print leaves out the portal's header, menu, footer and anything marked `app-no-print`, tables
 * print whole rather than scrolling, and a part (a summary card, a table row) stays on one page
 * where it fits.
 */

/** The document to print: everything inside is what the paper shows. */
export function PrintDocument(props: { children: JSX.Element }) {
  return <article class="app-print-document">{props.children}</article>;
}

/** The "Print or save as PDF" button and the way back, on the screen only. */
export function PrintActions(props: { back: { href: string; text: string } }) {
  return (
    <div class="app-print-actions app-no-print">
      <button type="button" class="govuk-button" onClick={() => window.print()}>
        Print or save as PDF
      </button>
      <LinkLine href={props.back.href}>{props.back.text}</LinkLine>
    </div>
  );
}
