import { For } from 'solid-js';
import './multiline.css';

/** Text someone typed, as they typed it: a paragraph for each block between blank lines, single line breaks kept. */
export function Multiline(props: { text: string }) {
  return <For each={props.text.split(/\n{2,}/)}>{(para) => <p class="app-multiline">{para}</p>}</For>;
}
