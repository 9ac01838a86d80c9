import { onMount, Show } from 'solid-js';
import { ConflictPanel } from './conflict-panel.js';
import './multiline.css';

/**
 * After someone else saved first and their version has been loaded into the form: what this
 * person had typed, which was not saved, kept on the page (and focused, so it is heard) for them
 * to copy back what they still need.
 */
export function KeptText(props: { text: string; id?: string }) {
  let box!: HTMLDivElement;
  onMount(() => box.focus());
  return (
    <div class="govuk-inset-text app-kept-text" id={props.id ?? 'your-text'} tabindex="-1" ref={box}>
      <h2 class="govuk-heading-s">Their version is now in the form</h2>
      <p class="govuk-body">Your text was not saved. Here it is, so you can copy anything you still need into the form, then save again.</p>
      <p class="govuk-body app-multiline" data-testid="kept-text">
        {props.text}
      </p>
    </div>
  );
}

/**
 * A one-text form's answer to "someone else saved first": while their version is not loaded, the
 * kit's ConflictPanel saying the text typed is still in the form and offering theirs (`onLoad`);
 * once it is loaded, what was typed (`kept`), to copy from. `what` names the text ("this section").
 */
export function StaleText(props: { stale: boolean; kept: string | null; reloading: boolean; onLoad: () => void; what: string }) {
  return (
    <>
      <Show when={props.stale}>
        <ConflictPanel title="Someone else saved a change first" action="Load their version" busy={props.reloading} onAction={props.onLoad}>
          <p class="govuk-body">
            Someone saved a change after you opened this page, so your changes to {props.what} have <strong>not</strong> been saved. Your text is still in the form.
          </p>
          <p class="govuk-body">Load their version to see what they saved. Your text will stay on this page so you can copy it back in.</p>
        </ConflictPanel>
      </Show>
      <Show when={props.kept}>{(text) => <KeptText text={text()} />}</Show>
    </>
  );
}
