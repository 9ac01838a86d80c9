import encodeQR from 'qr';
import './second-factor.css';

/**
 * A QR code as SVG drawn from the code's modules (no canvas, no inline styles: the CSP allows
 * neither), with a quiet zone of 4 modules as the standard asks. The key is also shown as text
 * beside it for anyone who cannot scan.
 */
export function QrCode(props: { text: string; label: string }) {
  const modules = () => encodeQR(props.text, 'raw', { ecc: 'medium', border: 4 });
  const size = () => modules().length;
  const path = () =>
    modules()
      .flatMap((row, y) => row.map((dark, x) => (dark ? `M${x} ${y}h1v1h-1z` : '')))
      .join('');
  return (
    <svg class="app-qr" role="img" aria-label={props.label} viewBox={`0 0 ${size()} ${size()}`} xmlns="http://www.w3.org/2000/svg" shape-rendering="crispEdges">
      <rect width={size()} height={size()} fill="#ffffff" />
      <path d={path()} fill="#0b0c0c" />
    </svg>
  );
}
