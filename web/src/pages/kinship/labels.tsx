import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { ARRANGEMENT_LABELS, CATEGORY_LABELS, type Category, type ItemContent, type ItemStatus } from '../../../../shared/kinship/schema.js';
import { LinkedText } from '../../components/markdown.js';
import { SummaryList, SummaryRow as Row } from '../../components/summary-list.js';
import { StatusTag, type TagColour } from '../../components/tag.js';
import { ukDate } from '../../../../shared/periods/period.js';

export const STATUS_LABELS: Record<ItemStatus, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  returned: 'Returned with comments',
  published: 'Published',
  retired: 'Retired',
};

const STATUS_COLOURS: Record<ItemStatus, TagColour> = {
  draft: 'grey',
  'in-review': 'blue',
  returned: 'orange',
  published: 'green',
  retired: 'red',
};

export function ItemStatusTag(props: { status: ItemStatus }) {
  return <StatusTag status={props.status} labels={STATUS_LABELS} colours={STATUS_COLOURS} />;
}

export const AUDIENCE_LABELS: Record<string, string> = { carers: 'Kinship carers', children: 'Children and young people' };

export const MEANS_TESTED_LABELS: Record<string, string> = {
  yes: 'Yes, what you get depends on your income and savings',
  no: 'No, your income does not affect it',
  'not-applicable': 'Does not apply',
};

/** Short answers for the staff form's radios. */
export const MEANS_TESTED_OPTIONS = [
  { value: 'yes', label: 'Yes', hint: 'What people get depends on their income or savings' },
  { value: 'no', label: 'No' },
  { value: 'not-applicable', label: 'Does not apply', hint: 'For example, advice or a support group' },
];

/** "Kinship carers", "Children and young people" or "Kinship carers, and children and young people". */
export function audienceText(audience: string[]): string {
  const parts = ['carers', 'children'].filter((a) => audience.includes(a)).map((a) => AUDIENCE_LABELS[a]!);
  return parts.length === 2 ? `${parts[0]}, and ${parts[1]!.toLowerCase()}` : (parts[0] ?? '');
}

export const arrangementLabel = (t: string) => ARRANGEMENT_LABELS[t as keyof typeof ARRANGEMENT_LABELS] ?? t;
export const categoryLabel = (c: string) => CATEGORY_LABELS[c as Category] ?? c;

/** Today as YYYY-MM-DD (for "review overdue"). */
export const today = () => ukDate(new Date());

/** An item's content as a summary list: what families read (staff pages). */
export function ItemContentList(props: { content: ItemContent; provider: string; id?: string }) {
  return (
    <SummaryList id={props.id}>
      <Row key="Category">{categoryLabel(props.content.category)}</Row>
      <Row key="Title">{props.content.title}</Row>
      <Row key="Summary">
        <span class="app-prewrap">{props.content.summary}</span>
      </Row>
      <Row key="Kinship arrangements">
        <ul class="govuk-list">
          <For each={props.content.arrangementTypes}>{(t) => <li>{arrangementLabel(t)}</li>}</For>
        </ul>
      </Row>
      <Row key="For">{audienceText(props.content.audience)}</Row>
      <Row key="Who can get it">{props.content.eligibility || 'Not given'}</Row>
      <Row key="How to apply">{props.content.howToApply || 'Not given'}</Row>
      <Row key="Means-tested">{MEANS_TESTED_LABELS[props.content.meansTested]}</Row>
      <Show when={props.content.howDecisionsAreMade}>
        <Row key="How decisions are made">{props.content.howDecisionsAreMade}</Row>
      </Show>
      <Row key="Provided by">{props.provider}</Row>
      <Row key="Contact">
        <span class="app-prewrap">
          <LinkedText text={props.content.contact || 'Not given'} />
        </span>
      </Row>
    </SummaryList>
  );
}

/** The way back to the register, under an item or the reason it cannot be shown. */
export function BackToRegister() {
  return (
    <p class="govuk-body">
      <A href="/kinship" class="govuk-link">
        Back to the register
      </A>
    </p>
  );
}
