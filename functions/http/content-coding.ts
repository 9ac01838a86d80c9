/**
 * Whether an Accept-Encoding header takes gzip (RFC 9110 §12.5.3): `gzip` named with a weight above
 * zero, or, when gzip is not named, `*` with one. `gzip;q=0` refuses it whatever `*` says.
 */
export function acceptsGzip(header: string | undefined): boolean {
  const weights = new Map<string, number>();
  for (const part of (header ?? '').toLowerCase().split(',')) {
    const [coding = '', ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    weights.set(coding.trim(), q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  const gzip = weights.get('gzip') ?? weights.get('*');
  return gzip !== undefined && gzip > 0;
}
