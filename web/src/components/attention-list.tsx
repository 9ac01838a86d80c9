import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { type AttentionItem, useAttention, useAttentionEverywhere } from '../api/attention.js';
import { useMyPartnerships } from '../api/partnerships.js';
import { Section } from './section.js';
import { Tag } from './tag.js';
import './attention-list.css';

const URGENCY: Record<AttentionItem['urgency'], { label: string; colour: 'red' | 'yellow' } | null> = {
  overdue: { label: 'Overdue', colour: 'red' },
  soon: { label: 'Due soon', colour: 'yellow' },
  normal: null,
};

/**
 * "Needs your attention" at the top of a home page: what the signed-in person has to act on, most
 * urgent first, each linking to where it is dealt with. The space is held while it loads, so the
 * page below does not move; with nothing to do, it says so.
 */
export function NeedsAttention() {
  const [attention] = useAttention();
  return (
    <Section headingId="attention-heading" title="Needs your attention" class="app-attention">
      <Show
        when={attention()}
        fallback={
          <p class="govuk-body app-attention__placeholder" role="status">
            {attention.error ? 'What needs your attention could not be loaded. Reload the page to try again.' : 'Checking what needs your attention…'}
          </p>
        }
      >
        {(a) => (
          <Show when={a().items.length > 0} fallback={<p class="govuk-body">Nothing needs your attention right now.</p>}>
            <ul class="govuk-list app-attention__list" data-testid="attention">
              <For each={a().items}>
                {(item) => (
                  <li class="app-attention__item" data-key={item.key}>
                    <Show when={URGENCY[item.urgency]}>{(u) => <Tag colour={u().colour}>{u().label}</Tag>}</Show>
                    <A href={item.href} class="govuk-link">
                      {item.text}
                    </A>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
      <ElsewhereAttention />
    </Section>
  );
}

/**
 * For someone in more than one partnership: what needs them in the others, each partnership named.
 * Its links open that partnership's pages (a whole page load, into its own data).
 */
function ElsewhereAttention() {
  const [mine] = useMyPartnerships();
  const [everywhere] = useAttentionEverywhere(() => (mine()?.partnerships.length ?? 0) > 1);
  const others = () => (everywhere()?.partnerships ?? []).filter((p) => p.items.length > 0);
  return (
    <Show when={others().length > 0}>
      <div data-testid="elsewhere-attention">
        <h3 class="govuk-heading-s">In your other partnerships</h3>
        <For each={others()}>
          {(p) => (
            <>
              <p class="govuk-body govuk-!-margin-bottom-1">{p.name}</p>
              <ul class="govuk-list app-attention__list">
                <For each={p.items}>
                  {(item) => (
                    <li class="app-attention__item" data-key={`${p.id}:${item.key}`}>
                      <Show when={URGENCY[item.urgency]}>{(u) => <Tag colour={u().colour}>{u().label}</Tag>}</Show>
                      <a href={item.href} class="govuk-link" target="_self">
                        {item.text}
                      </a>
                    </li>
                  )}
                </For>
              </ul>
            </>
          )}
        </For>
      </div>
    </Show>
  );
}
