/** Whether an Accept-Encoding header takes gzip (`gzip`, `gzip;q=0.8`, `*`; not `gzip;q=0`). */
export function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '')
    .toLowerCase()
    .split(',')
    .some((part) => {
      const [coding = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return (coding.trim() === 'gzip' || coding.trim() === '*') && (q === undefined || Number(q.slice(2)) > 0);
    });
}
