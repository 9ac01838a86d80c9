import { For, type JSX } from 'solid-js';
import { Dynamic } from 'solid-js/web';

/*
 * A deliberately tiny markdown renderer for text people type into the portal: headings, paragraphs,
 * bulleted and numbered lists, bold, italic and http(s) links. It builds Solid elements, so text
 * only ever lands in text nodes (never innerHTML) and a link can only point at http(s): a
 * `javascript:` URL stays plain text. Anything else (tables, HTML, images) shows as written.
 */

export type Inline = { kind: 'text'; text: string } | { kind: 'strong' | 'em'; children: Inline[] } | { kind: 'link'; href: string; children: Inline[] };

export type Block = { kind: 'heading'; level: number; children: Inline[] } | { kind: 'paragraph'; children: Inline[] } | { kind: 'list'; ordered: boolean; items: Inline[][] };

const SAFE_URL = /^https?:\/\/[^\s<>"]+$/i;

/** Only absolute http(s) URLs become links. */
export function safeHref(url: string): string | null {
  const u = url.trim();
  return SAFE_URL.test(u) ? u : null;
}

function pushText(out: Inline[], text: string) {
  if (!text) return;
  const last = out.at(-1);
  if (last?.kind === 'text') last.text += text;
  else out.push({ kind: 'text', text });
}

/** Inline markdown; `autolink` also turns bare http(s) URLs into links (contact details). */
export function parseInline(src: string, autolink = false): Inline[] {
  const out: Inline[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    const rest = src.slice(i);
    if (ch === '\\' && i + 1 < src.length && /[\\*_[\]()#`-]/.test(src[i + 1]!)) {
      pushText(out, src[i + 1]!);
      i += 2;
      continue;
    }
    if (ch === '[') {
      // One level of balanced brackets in the URL, as in Wikipedia-style addresses.
      const m = /^\[([^\]\n]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)/.exec(rest);
      if (m) {
        const href = safeHref(m[2]!);
        const children = parseInline(m[1]!);
        if (href) out.push({ kind: 'link', href, children });
        else for (const c of children) c.kind === 'text' ? pushText(out, c.text) : out.push(c);
        i += m[0].length;
        continue;
      }
    }
    if (rest.startsWith('**') || rest.startsWith('__')) {
      const marker = rest.slice(0, 2);
      const end = src.indexOf(marker, i + 2);
      if (end > i + 2) {
        out.push({ kind: 'strong', children: parseInline(src.slice(i + 2, end), autolink) });
        i = end + 2;
        continue;
      }
    }
    if ((ch === '*' || ch === '_') && src[i + 1] && src[i + 1] !== ' ') {
      // `_` only opens emphasis at a word boundary, so snake_case words stay as written.
      const opens = ch === '*' || i === 0 || /\W/.test(src[i - 1]!);
      const end = src.indexOf(ch, i + 1);
      if (opens && end > i + 1 && src[end - 1] !== ' ' && (ch === '*' || !/\w/.test(src[end + 1] ?? ''))) {
        out.push({ kind: 'em', children: parseInline(src.slice(i + 1, end), autolink) });
        i = end + 1;
        continue;
      }
    }
    if (autolink && (ch === 'h' || ch === 'H') && (i === 0 || /[\s(]/.test(src[i - 1]!))) {
      const m = /^https?:\/\/[^\s<>"]+/i.exec(rest);
      if (m) {
        const url = m[0].replace(/[.,;:!?)]+$/, '');
        out.push({ kind: 'link', href: url, children: [{ kind: 'text', text: url }] });
        i += url.length;
        continue;
      }
    }
    pushText(out, ch);
    i += 1;
  }
  return out;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}\d{1,9}[.)]\s+(.*)$/;

/** Block structure: headings, paragraphs (lines joined), lists (indented lines continue an item). */
export function parseMarkdown(src: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const flush = () => {
    if (para.length) blocks.push({ kind: 'paragraph', children: parseInline(para.join(' ')) });
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items.map((t) => parseInline(t)) });
    para = [];
    list = null;
  };
  for (const raw of src.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (!line.trim()) {
      flush();
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      flush();
      blocks.push({ kind: 'heading', level: h[1]!.length, children: parseInline(h[2]!) });
      continue;
    }
    const b = BULLET.exec(line);
    const n = b ? null : NUMBERED.exec(line);
    if (b || n) {
      const ordered = Boolean(n);
      if (para.length || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push((b ?? n)![1]!);
      continue;
    }
    if (list && /^\s+/.test(line)) {
      list.items[list.items.length - 1] += ` ${line.trim()}`;
      continue;
    }
    if (list) flush();
    para.push(line.trim());
  }
  flush();
  return blocks;
}

export function InlineContent(props: { nodes: Inline[] }): JSX.Element {
  return (
    <For each={props.nodes}>
      {(node) => {
        switch (node.kind) {
          case 'text':
            return node.text;
          case 'strong':
            return (
              <strong>
                <InlineContent nodes={node.children} />
              </strong>
            );
          case 'em':
            return (
              <em>
                <InlineContent nodes={node.children} />
              </em>
            );
          case 'link':
            return (
              <a class="govuk-link" href={node.href} rel="noopener noreferrer external">
                <InlineContent nodes={node.children} />
              </a>
            );
        }
      }}
    </For>
  );
}

/** Plain text with bare http(s) URLs (and markdown links) made into safe links. */
export function LinkedText(props: { text: string }): JSX.Element {
  return <InlineContent nodes={parseInline(props.text, true)} />;
}

/**
 * Renders markdown. `headingOffset` shifts heading levels so the document's "#" fits under the
 * page's own headings (axe checks heading order); levels stop at h6.
 */
export function Markdown(props: { source: string; headingOffset?: number; class?: string }): JSX.Element {
  const blocks = () => parseMarkdown(props.source);
  return (
    <div class={props.class}>
      <For each={blocks()}>
        {(block) => {
          switch (block.kind) {
            case 'heading': {
              const level = Math.min(6, block.level + (props.headingOffset ?? 0));
              const cls = level <= 3 ? 'govuk-heading-m' : 'govuk-heading-s';
              return (
                <Dynamic component={`h${level}`} class={cls}>
                  <InlineContent nodes={block.children} />
                </Dynamic>
              );
            }
            case 'paragraph':
              return (
                <p class="govuk-body">
                  <InlineContent nodes={block.children} />
                </p>
              );
            case 'list':
              return (
                <Dynamic component={block.ordered ? 'ol' : 'ul'} class={`govuk-list ${block.ordered ? 'govuk-list--number' : 'govuk-list--bullet'}`}>
                  <For each={block.items}>
                    {(item) => (
                      <li>
                        <InlineContent nodes={item} />
                      </li>
                    )}
                  </For>
                </Dynamic>
              );
          }
        }}
      </For>
    </div>
  );
}
