/** English strings. Vietnamese (vi.ts) has the same keys; a test checks they match. */
export const en = {
  app: { title: 'Hookferry', signedOut: 'Open the dashboard from the address Hookferry printed when it started (or from the tray menu); that link signs you in.', offline: 'Hookferry’s engine is not answering. If it was stopped, start it again; this page reconnects by itself.' },
  nav: { overview: 'Overview', log: 'Live log', failed: 'Failed', destinations: 'Destinations', sources: 'Sources', settings: 'Settings' },
  status: { received: 'Stored', pending: 'Sending', delivered: 'Delivered', failed: 'Failed', rejected: 'Rejected', delivering: 'Sending now', retrying: 'Will retry', skipped: 'Skipped', discarded: 'Discarded', healthy: 'Healthy', failing: 'Failing', paused: 'Paused' },
  common: { copy: 'Copy', copied: 'Copied', save: 'Save', saved: 'Saved', cancel: 'Cancel', delete: 'Delete', add: 'Add', close: 'Close', loading: 'Loading…', none: 'None', yes: 'Yes', no: 'No', all: 'All', secretSet: 'A value is stored. Type a new one to replace it.', secretUnset: 'Not set' },
  overview: {
    intake: 'Your intake address', intakeHelp: 'Paste this address into your POS or shop’s webhook settings.', tunnel: 'Address for senders outside the shop',
    today: 'Today', hourly: 'Events per hour, last 24 hours', destinations: 'Destinations', noDestinations: 'No destinations yet. Add one under Destinations to start forwarding.',
    backlog: 'Waiting', failedCount: 'Failed', lastError: 'Last error', successRate: 'Success (24 h)', p95: 'p95 time', heldBy: 'Waiting behind event {{id}}', paused: 'All deliveries are paused. Events are still received and kept.', resume: 'Resume deliveries',
  },
  log: {
    filters: 'Filters', status: 'Status', source: 'Source', destination: 'Destination', type: 'Event type', search: 'Search', searchPlaceholder: 'Invoice, name, event id…', empty: 'No events yet. Send one from your POS, or use “Send test event” on a destination.', noMatch: 'No event matches these filters.',
    time: 'Time', summary: 'Summary', loadMore: 'Loading more…', newEvents: '{{count}} new events — show them',
  },
  drawer: {
    title: 'Event', headers: 'Headers', body: 'Body', pretty: 'Formatted', raw: 'Raw', deliveries: 'Deliveries', noDeliveries: 'No deliveries.', resendAll: 'Resend to all', resendOne: 'Resend', discard: 'Discard', copyCurl: 'Copy as cURL', copyBody: 'Copy body',
    attempt: 'Attempt {{n}}', nextAttempt: 'Next try {{time}}', heldBy: 'Waits behind event {{id}} (ordered destination).', reason: 'Why it was refused', duplicates: 'The sender sent this {{count}} more times; Hookferry kept it once.', resent: 'Queued again.',
  },
  failed: { title: 'Failed deliveries', none: 'Nothing has failed. Every event reached its destinations.', resendAll: 'Resend all ({{count}})', discardAll: 'Discard all', progress: '{{done}} of {{total}} sent', confirmDiscard: 'Discard {{count}} failed deliveries to “{{name}}”? They will not be sent.', events: '{{count}} events' },
  destinations: {
    title: 'Destinations', add: 'Add destination', name: 'Name', url: 'Address (URL)', method: 'Method', events: 'Events to send', patterns: 'Other event patterns', patternsHelp: 'One per line, for example order.* or orders/create. * means everything.',
    everything: 'Everything (*)', sources: 'Only from these sources', allSources: 'All sources', headers: 'Extra headers', headerName: 'Header', headerValue: 'Value', secret: 'Secret', addHeader: 'Add header',
    signing: 'Signing secret (Standard Webhooks)', signingHelp: 'whsec_… — leave empty for none.', removeSigning: 'Remove signing secret', bodyMode: 'Body', bodyRaw: 'As received', bodyJson: 'As JSON',
    retry: 'Retries', maxAttempts: 'Attempts in all', initialDelay: 'First retry after (seconds)', multiplier: 'Then multiply by', maxDelay: 'Longest wait (minutes)', schedule: 'Schedule: {{schedule}}',
    mode: 'Sending', parallel: 'In parallel', ordered: 'In order, one at a time', concurrency: 'At once', timeout: 'Timeout (seconds)', paused: 'Paused', test: 'Send test event', testOkZithara: 'Zithara accepted the client id and secret ({{ms}} ms).', testOk: 'The destination answered {{status}} in {{ms}} ms.', testFailed: 'The test failed: {{error}}', confirmDelete: 'Delete “{{name}}”? Its waiting deliveries are dropped.',
    none: 'No destinations yet.',
    kind: 'Kind', kinds: { webhook: 'Webhook (any URL)', zithara: 'Zithara CRM' }, zitharaBase: 'Zithara API address', clientId: 'Client id', clientSecret: 'Client secret', countryCode: 'Phone country code', currency: 'Currency',
    zitharaHelp: 'Orders, customers and carts are turned into Zithara’s format. Phone numbers that start with 0 get the country code in its place (84 for Vietnam); leave it empty to send numbers as they are.',
    transform: 'Transformation (optional)', transformLabel: 'JSONata expression applied to the body before sending', jsonataHelp: 'How to write JSONata expressions', preview: 'Preview', previewOn: 'On event {{id}}:',
  },
  groups: { teamcrop: 'Teamcrop POS', magento: 'Magento', shopify: 'Shopify', woocommerce: 'WooCommerce' },
  sources: {
    title: 'Sources', add: 'Add source', name: 'Name', kind: 'Kind', intakeUrl: 'Intake address', regenerate: 'New address', confirmRegenerate: 'Make a new address for “{{name}}”? The old one stops working at once; update your POS.',
    verification: 'Verification', none: 'None', hmac: 'Signature (HMAC)', header: 'Required header', headerName: 'Header name', secret: 'Secret', value: 'Value', encoding: 'Encoding', guide: 'Setup guide', confirmDelete: 'Delete the source “{{name}}”? Its address stops working.',
    guides: {
      teamcrop: 'In Teamcrop: Sales → Sales settings → Webhook → Add. Pick the event group and event, paste the intake address above, and save. To lock it down, add a custom header (for example X-Shop-Key with a long value) in Teamcrop and the same here as a required header.',
      shopify: 'In Shopify admin: Settings → Notifications → Webhooks → Create webhook. Paste the intake address (through your tunnel), choose JSON, and copy the signing secret shown there into Signature here.',
      woocommerce: 'In WordPress: WooCommerce → Settings → Advanced → Webhooks → Add webhook. Paste the intake address (through your tunnel) as Delivery URL and the same secret here under Signature.',
      magento: 'Have your Magento webhook module send to the intake address with the event name in an X-Magento-Event header.',
      generic: 'Point any system that can call a URL at the intake address. The event type is read from common headers (X-Event-Type, X-Webhook-Event, …) or an event/type/topic field in the body.',
    },
  },
  settings: {
    title: 'Settings', general: 'General', network: 'Network', intakePort: 'Intake port', adminPort: 'Dashboard port', restartNote: 'A new dashboard port applies at the next start.', lan: 'Accept webhooks from other devices on the shop’s network', lanWarning: 'Anyone on your network can then reach the intake address. Keep verification on for each source.',
    publicUrl: 'Tunnel address (optional)', retention: 'Keep delivered events for (days)', language: 'Language', theme: 'Theme', themes: { system: 'Like the system', light: 'Light', dark: 'Dark' }, debug: 'Detailed logging (for support)',
    config: 'Configuration', exportConfig: 'Export configuration', importConfig: 'Import configuration', importZithara: 'Add {{names}} again under Destinations with the Zithara client secret; an export never holds it.', desktop: 'This computer', startAtLogin: 'Start Hookferry when I log in (to the tray, without a window)', openDataFolder: 'Open the data folder', version: 'Hookferry {{version}}', importDone: 'Imported {{sources}} sources and {{destinations}} destinations. Enter their secrets again.', exportEvents: 'Export events', csv: 'Spreadsheet (CSV)', ndjson: 'Full backup (NDJSON)', deliveriesPaused: 'Pause all deliveries',
  },
  schedule: { gaveUp: 'gives up after {{total}}', once: 'one try, no retries', minutes: '{{n}} min', hours: '{{n}} h', seconds: '{{n}} s', days: '{{n}} d' },
};

export type Strings = typeof en;
