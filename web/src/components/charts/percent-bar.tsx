import './percent-bar.css';

/**
 * A horizontal bar for a percentage, drawn in SVG so its width is an attribute, not an inline style
 * (the CSP forbids those). Decorative: the number is always written next to it, so it is hidden from
 * assistive technology.
 */
export function PercentBar(props: { percent: number; variant?: 'confirmed' | 'self-assessed' }) {
  const width = () => Math.max(0, Math.min(100, Math.round(props.percent)));
  return (
    <svg
      class="app-percent-bar"
      classList={{ 'app-percent-bar--self-assessed': props.variant === 'self-assessed' }}
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      aria-hidden="true"
    >
      <rect class="app-percent-bar__track" x="0" y="0" width="100" height="10" />
      <rect class="app-percent-bar__fill" x="0" y="0" width={width()} height="10" />
    </svg>
  );
}

/**
 * Readiness as two bars, each under its figure in words: confirmed ready (the programme lead has
 * checked the evidence) and self-assessed ready (as the agency says).
 */
export function ReadinessBars(props: { confirmed: number; selfAssessed: number }) {
  return (
    <>
      <div class="app-readiness-bar">
        <span class="app-readiness-bar__label">Confirmed ready: {props.confirmed}%</span>
        <PercentBar percent={props.confirmed} variant="confirmed" />
      </div>
      <div class="app-readiness-bar">
        <span class="app-readiness-bar__label">Self-assessed ready: {props.selfAssessed}%</span>
        <PercentBar percent={props.selfAssessed} variant="self-assessed" />
      </div>
    </>
  );
}
