/**
 * The site an address belongs to: its scheme, host and port as the URL standard writes them, so
 * `HTTPS://Shop.example:443/a` and `https://shop.example/b` are one site and `http://127.0.0.1:4001` and
 * `http://127.0.0.1:4002` are two, as browsers judge where credentials may go.
 */
function siteOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}

/** Whether `after` sends to another site than `before` (a path or query changed alone is the same service). */
export function isOtherSite(before: string, after: string): boolean {
  try {
    return siteOf(before) !== siteOf(after);
  } catch {
    // An address that does not parse is refused by the contract before this; unreadable, it counts as another.
    return true;
  }
}

/** The host (and port, when not the scheme's own) the merchant knows the new site by. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
