import './hash.css';

/** A digest (a SHA-256) or another long code, in monospace, broken anywhere so it wraps on a phone. */
export function Hash(props: { value: string; id?: string }) {
  return (
    <code class="app-hash" id={props.id}>
      {props.value}
    </code>
  );
}
