/**
 * The dashboard's Content-Security-Policy, in one place: the engine sends it as
 * a header with every dashboard file, the desktop shell's app:// protocol does
 * the same, and the production build also carries it as a meta tag.
 * `frame-ancestors` only works as a header: no other page may frame the dashboard.
 */
export function dashboardCsp(connectSources: string[] = [], delivery: 'header' | 'meta' = 'header'): string {
  const directives = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    ['connect-src', "'self'", ...connectSources].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ];
  // A browser ignores (and complains about) frame-ancestors in a meta tag.
  if (delivery === 'header') directives.push("frame-ancestors 'none'");
  return directives.join('; ');
}

/** Sent with every dashboard file besides the CSP. */
export const DASHBOARD_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
} as const;
