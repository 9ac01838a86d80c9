import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { partnershipOfPath, partnershipPath } from '../../../shared/partnership/paths.js';
import { type ReportInline, readReportText } from '../../../shared/reports/text.js';
import { jumpTo } from './jump-to.js';
import './sourced-text.css';

/*
 * The kit's text with numbered sources (the yearly report's sections): paragraphs and bullets as
 * shared/reports/text.ts reads them (the one reading the Word document uses too), each marker [n]
 * a superscript link to source n in the list beside the text; and that list, each source linking
 * to the page of its record (on paper, with the whole address written out, as a link cannot be followed).
 */

/** A figure's source: its marker, what it says, and its record's page (a path within the partnership). */
export interface NumberedSource {
  n: number;
  text: string;
  path: string;
}

/** The id of source `n` in the list of the text whose sources are `prefix`. */
export const sourceId = (prefix: string, n: number) => `${prefix}-source-${n}`;

/** The whole address of a page of this partnership (`/returns/2026-27-Q1/x` -> `https://portal.example/p/mscp/returns/2026-27-Q1/x`). */
export function pageUrl(path: string): string {
  const partnership = partnershipOfPath(location.pathname);
  return `${location.origin}${partnership ? partnershipPath(partnership) : ''}${path}`;
}

/** A text's paragraphs and bullets; a marker naming one of `sources` links to it, any other stays as typed. */
export function SourcedText(props: { text: string; sources: readonly NumberedSource[]; prefix: string; testId?: string }) {
  const blocks = () => readReportText(props.text, (n) => props.sources.some((s) => s.n === n));
  return (
    <div class="app-sourced-text" data-testid={props.testId}>
      <For each={blocks()}>
        {(block) =>
          block.kind === 'paragraph' ? (
            <p class="govuk-body">
              <Inlines inlines={block.inlines} prefix={props.prefix} />
            </p>
          ) : (
            <ul class="govuk-list govuk-list--bullet">
              <For each={block.items}>
                {(item) => (
                  <li>
                    <Inlines inlines={item} prefix={props.prefix} />
                  </li>
                )}
              </For>
            </ul>
          )
        }
      </For>
    </div>
  );
}

function Inlines(props: { inlines: ReportInline[]; prefix: string }) {
  return <For each={props.inlines}>{(part) => (part.kind === 'text' ? part.text : <Marker n={part.n} prefix={props.prefix} />)}</For>;
}

/** "[2]" raised, moving focus to source 2 in the list (read out as "Source [2]"). */
function Marker(props: { n: number; prefix: string }) {
  const id = () => sourceId(props.prefix, props.n);
  return (
    <sup class="app-source-marker">
      <a class="govuk-link" href={`#${id()}`} onClick={(e) => jumpTo(e, id())}>
        <span class="govuk-visually-hidden">Source </span>[{props.n}]
      </a>
    </sup>
  );
}

/**
 * The numbered sources of a text under their heading (an h3 unless told): "[n] what it says",
 * linking to the record's page; `links={false}` leaves them as words (a form whose typing a link
 * would lose); `print` writes each page's whole address after it.
 */
export function SourceList(props: { sources: readonly NumberedSource[]; prefix: string; title: string; headingLevel?: 2 | 3; links?: boolean; print?: boolean; class?: string }) {
  const headingId = () => `${props.prefix}-sources-heading`;
  const heading = () =>
    props.headingLevel === 2 ? (
      <h2 class="govuk-heading-s" id={headingId()}>
        {props.title}
      </h2>
    ) : (
      <h3 class="govuk-heading-s" id={headingId()}>
        {props.title}
      </h3>
    );
  return (
    // Not a landmark: a report has one list to each section, and the section is the landmark.
    <div class={`app-source-list${props.class ? ` ${props.class}` : ''}`}>
      {heading()}
      <Show when={props.sources.length > 0} fallback={<p class="govuk-body-s">No figure here comes from the portal's records.</p>}>
        <ol class="app-source-list__items">
          <For each={props.sources}>
            {(s) => (
              <li id={sourceId(props.prefix, s.n)} tabindex="-1">
                <span class="app-source-list__n">[{s.n}]</span>{' '}
                <Show when={props.links !== false && !props.print} fallback={s.text}>
                  <A class="govuk-link" href={s.path}>
                    {s.text}
                  </A>
                </Show>
                <Show when={props.print}>
                  {'. '}
                  <a class="govuk-link app-source-list__url" href={pageUrl(s.path)}>
                    {pageUrl(s.path)}
                  </a>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </div>
  );
}
