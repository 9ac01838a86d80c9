/** Polite, so screen readers announce it without interrupting; the region is busy until data arrives. */
export function Loading(props: { label?: string }) {
  return (
    <div class="app-loading" role="status" aria-live="polite" aria-busy="true">
      <span class="app-loading__spinner" aria-hidden="true" />
      {props.label ?? 'Loading…'}
    </div>
  );
}
