import { For } from 'solid-js';
import { arrangementLabel, audienceText, categoryLabel, MEANS_TESTED_LABELS } from '../../../../shared/kinship/labels.js';
import type { ItemContent } from '../../../../shared/kinship/schema.js';
import { LinkLine } from '../../components/link-line.js';
import { LinkedText } from '../../components/markdown.js';
import { SummaryRow as Row, SummaryList } from '../../components/summary-list.js';

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
      <Row key="How decisions are made" when={props.content.howDecisionsAreMade}>
        {props.content.howDecisionsAreMade}
      </Row>
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
export const BackToRegister = () => <LinkLine href="/kinship">Back to the register</LinkLine>;
