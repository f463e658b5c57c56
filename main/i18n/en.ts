import { adminReasons } from './reasons/admin.js';

/** English strings. Vietnamese (vi.ts) has the same keys; a test checks they match. */
export const en = {
  app: {
    title: 'Hookferry',
    failedTotal_one: 'In all, {{count}} event waits for you in Failed.',
    failedTotal_other: 'In all, {{count}} events wait for you in Failed.',
    signedOut:
      'Open the dashboard from the address Hookferry printed when it started (or from the tray menu); that link signs you in.',
    expired:
      'This sign-in link has expired: Hookferry was restarted, or the link is from an earlier start. Open the dashboard again from the tray (Open Hookferry), or with the Dashboard address Hookferry printed when it started.',
    notRunning: 'Hookferry is not running. Start it again (the desktop app restarts it by itself), then try once more.',
    offline:
      'Hookferry’s engine is not answering. If it was stopped, start it again; this page reconnects by itself. If the dashboard’s port was changed in Settings, this page cannot follow: open the dashboard again from Hookferry (the address it printed at start, or the tray menu).',
    intakePortRefused:
      'Hookferry could not open intake port {{port}} at this start ({{why}}), so it listens on port {{actual}} meanwhile: senders that use the usual address do not reach it. Close the other program and restart Hookferry, or choose another intake port in Settings and give your senders their new addresses.',
    adminPortRefused:
      'Hookferry could not open dashboard port {{port}} at this start ({{why}}), so the dashboard uses port {{actual}} this time. Choose another dashboard port in Settings.',
    portWhyOther: 'the system said {{code}}',
    portWhy: {
      EADDRINUSE: 'another program uses it',
      EACCES: 'this computer does not allow it',
    },
    diskFull:
      'The disk that holds Hookferry’s data is full. New orders may be refused until there is room (their senders send them again later); everything already received is kept. Free some disk space: Hookferry takes orders again by itself.',
  },
  /** A failing destination's banner (see renderer/src/lib/failing-banner.ts): one line, its words read from its figures. */
  failingBanner: {
    isFailing: '“{{name}}” is failing.',
    isPaused: '“{{name}}” is paused, and its latest try failed.',
    isPausedAll: 'The latest try to “{{name}}” failed, and all deliveries are paused.',
    retryingAt: 'Hookferry keeps trying it by itself: the next try is at {{time}}.',
    retryingNow: 'Hookferry is trying it now.',
    alsoFailed_one: '{{count}} other event waits for you in Failed.',
    alsoFailed_other: '{{count}} other events wait for you in Failed.',
    notRetried_one:
      'Hookferry will not try again by itself: {{count}} event waits in Failed. Fix the cause, then resend it.',
    notRetried_other:
      'Hookferry will not try again by itself: {{count}} events wait in Failed. Fix the cause, then resend them.',
    waitsInFailed_one: '{{count}} event waits in Failed.',
    waitsInFailed_other: '{{count}} events wait in Failed.',
    waitsBelow_one: 'Its {{count}} event waits in the list below.',
    waitsBelow_other: 'Its {{count}} events wait in the list below.',
    alsoFailedBelow_one: '{{count}} other event waits for you in the list below.',
    alsoFailedBelow_other: '{{count}} other events wait for you in the list below.',
    notRetriedBelow_one:
      'Hookferry will not try again by itself: fix the cause, then resend its {{count}} event in the list below.',
    notRetriedBelow_other:
      'Hookferry will not try again by itself: fix the cause, then resend its {{count}} events in the list below.',
    paused: 'Hookferry sends it nothing while it is paused; what comes meanwhile is kept.',
    pausedAll:
      'Hookferry sends nothing until you resume all deliveries (Settings or the tray); what comes meanwhile is kept.',
    latest: 'The latest to fail: {{event}}.',
    why: 'Why:',
    onCard: 'on its card below',
    details: 'Details',
    less: 'Less',
    more_one: '{{count}} more destination is failing: {{names}}.',
    more_other: '{{count}} more destinations are failing: {{names}}.',
    allShown_one: '{{count}} destination is failing.',
    allShown_other: '{{count}} destinations are failing.',
    showAll: 'Show all',
    showFewer: 'Show fewer',
  },
  /** Field problems from the engine, by zod's code (and what was checked); English shows the engine's own sentence. */
  /** A source refusing what it is sent (Stats.refusingSources): on the Overview and on its card. */
  refusingSource: {
    title: 'Hookferry is refusing what “{{name}}” sends:',
    count_one: '{{count, number}} request refused in the last {{hours}} hours, and none taken since.',
    count_other: '{{count, number}} requests refused in the last {{hours}} hours, and none taken since.',
    latest: 'The latest, at {{time}}:',
    lost: 'What was refused is not in Hookferry: once this is fixed, send those orders again from the sender.',
    openSource: 'Open the source',
    seeRefusals: 'See what was refused',
  },
  fields: {
    too_small_string: 'Enter at least {{minimum}} characters.',
    too_small_number: 'The smallest value is {{minimum}}.',
    too_small_array: 'Choose at least {{minimum}}.',
    too_big_string: 'Enter at most {{maximum}} characters.',
    too_big_number: 'The largest value is {{maximum}}.',
    too_big_array: 'Choose at most {{maximum}}.',
    invalid_format: 'This is not in the expected form.',
    invalid_type: 'This value is not valid.',
    invalid_value: 'Choose one of the offered values.',
    custom_required: 'Fill in this field.',
    custom_header_value: 'Enter a value for the {{name}} header.',
    custom_header_framing:
      'Remove the {{name}} header: it shapes the request itself (its length, its encoding, its connection), and a wrong value cuts the order short at the receiver. Hookferry writes it right by itself.',
    custom_header_hookferry:
      'Remove the {{name}} header: Hookferry sets it itself for every order (the receiver uses it to tell orders apart and to check they came from you).',
    custom_url_secret:
      'Hookferry does not have the value of {{name}} in this address (it is kept hidden as [redacted]): put the value in its place.',
    custom_transform: 'The transformation has a mistake: {{message}}. Fix it before saving.',
    custom_transformAt:
      'The transformation has a mistake (at character {{position}}): {{message}}. Fix it before saving.',
    custom_transformAtLine:
      'The transformation has a mistake (at line {{line}}, column {{column}}): {{message}}. Fix it before saving.',
    custom_transformCheckTooLong:
      'Hookferry could not read this transformation within {{seconds}} s, so nothing was saved: it is too long or too tangled. Make it shorter or simpler, then save again.',
    custom_transformCheckTooBig:
      'Reading this transformation needed more than the {{mb}} MB of memory it may use, so nothing was saved. Make it shorter or simpler, then save again.',
    custom_transformUnchecked: 'Hookferry did not get to check this transformation, so nothing was saved. Save again.',
    custom_secret_needed:
      'Enter a value (make one up, or press Generate) and set the same in the sender, or choose Verification: None.',
    custom_public_url_nearby:
      '{{host}} is an address of this computer or of the shop’s own network: Shopify or a POS in the cloud cannot reach it, so nothing was saved. Enter the public address your tunnel or router gives you (for example https://shop.example.com), or use ngrok.',
    custom_name_taken_source:
      'Another source is already called “{{name}}”. Choose another name, so the two can be told apart in the live log and in a configuration file (which matches sources by name).',
    custom_name_taken_destination:
      'Another destination is already called “{{name}}”. Choose another name, so the two can be told apart on the cards and in a configuration file (which matches destinations by name).',
    custom_host_unavailable:
      'This computer has no address {{host}}, so nobody could send to Hookferry there. Nothing was saved. Use 127.0.0.1 (this computer only) or 0.0.0.0 (every device on the shop’s network): the box “Accept webhooks from other devices on the shop’s network” in Settings sets one or the other.',
    custom_port_in_use:
      'Another program on this computer already uses port {{port}}, so Hookferry cannot listen on it. Nothing was saved and Hookferry keeps its ports. Choose another port, from 1024 to 65535.',
    custom_port_not_allowed:
      'This computer does not let Hookferry open port {{port}} (ports below 1024 are kept for the system). Nothing was saved and Hookferry keeps its ports. Choose a port from 1024 to 65535, such as 8780.',
    // Beside other fields refused in the same save: the sentence the save says when it is the only problem.
    custom_same_ports: adminReasons.en['admin.samePorts'] as string,
    custom_port_unavailable:
      'Hookferry could not open port {{port}} ({{code}}). Nothing was saved and Hookferry keeps its ports. Choose another port, from 1024 to 65535.',
  },
  nav: {
    overview: 'Overview',
    log: 'Live log',
    failed: 'Failed',
    destinations: 'Destinations',
    sources: 'Sources',
    settings: 'Settings',
  },
  status: {
    received: 'Kept, not sent',
    pending: 'On its way',
    delivered: 'Delivered',
    partlyDelivered: 'Delivered in part',
    partlyDiscarded: 'Part given up',
    /** Said on hover where the badge's short name shows. */
    partlyDiscardedLong: 'Partly delivered (rest given up)',
    failed: 'Failed',
    rejected: 'Rejected',
    delivering: 'Sending now',
    retrying: 'Will retry',
    skipped: 'Skipped',
    discarded: 'Discarded',
    untried: 'Nothing sent yet',
    healthy: 'Healthy',
    failing: 'Failing',
    lastTryFailed: 'Latest try failed',
    paused: 'Paused',
  },
  /** What one try came to, where it had no HTTP status to show. */
  attemptCategory: {
    delivered: 'delivered',
    http: 'HTTP error',
    network: 'no connection',
    timeout: 'no answer within',
    gone: 'gone',
    invalid: 'cannot be sent',
    skipped: 'skipped',
    interrupted: 'cut off by a stop',
    busy: 'Hookferry was busy',
  },
  changedElsewhere: {
    said_one:
      'While you were editing, {{fields}} was changed elsewhere (in another window, from the tray or by another program). Save puts what you entered here in its place.',
    said_other:
      'While you were editing, {{fields}} were changed elsewhere (in another window, from the tray or by another program). Save puts what you entered here in their place.',
    takeSaved: 'Use the saved values',
    other: 'another setting',
  },
  common: {
    /** How a hidden secret reads on the page; the engine, its API and exports keep `[redacted]`. */
    redacted: '[redacted]',
    copy: 'Copy',
    copied: 'Copied',
    save: 'Save',
    saved: 'Saved',
    cancel: 'Cancel',
    delete: 'Delete',
    add: 'Add',
    close: 'Close',
    loading: 'Loading…',
    none: 'None',
    yes: 'Yes',
    no: 'No',
    all: 'All',
    secretSet: 'Saved; type to replace',
    secretUnset: 'Not set',
    lastRead: 'Shown as last read, at {{time}}: it may be out of date until Hookferry answers again.',
  },
  overview: {
    intake: 'Your intake address',
    intakeHelp: 'Paste this address into your POS or shop’s webhook settings.',
    intakeNotYet:
      'This is the address to paste into your POS or shop’s webhook settings once the public address below says it is online.',
    intakeThisPcOnly:
      'This address works only on this PC. For a POS on the shop’s network, tick “Accept webhooks from other devices on the shop’s network” in Settings. Teamcrop and web shops send from the internet: set up a public address first (below); then this shows the address to paste.',
    intakeLocalOnly:
      'This address works only on this PC and the shop’s network. Teamcrop and web shops send from the internet: set up a public address first (below); then this shows the address to paste.',
    today: 'Today',
    todayTotal_one:
      '{{count, number}} event received today (this PC’s clock), counted by what happened to it. Requests refused when they arrived are not counted here: they are counted apart, under Rejected. Point at a figure to read what it counts.',
    todayTotal_other:
      '{{count, number}} events received today (this PC’s clock), each counted once by what happened to it. Requests refused when they arrived are not counted here: they are counted apart, under Rejected. Point at a figure to read what it counts.',
    /**
     * The day's figures (and the hourly chart's) by what happened to each event. Named apart from the live log's
     * statuses: there, and in the menu's Failed, an event failed at any destination is "Failed"; here "Failed" alone
     * would count only those that failed everywhere and disagree with the menu on the same screen.
     */
    todayName: {
      delivered: 'Delivered',
      partlyDelivered: 'Delivered in part (failed elsewhere)',
      partlyDiscarded: 'Part given up',
      pending: 'On its way',
      failed: 'Failed everywhere',
      received: 'Kept, not sent',
      rejected: 'Rejected',
      discarded: 'Discarded',
      skipped: 'Skipped',
    },
    /** What each of the day's figures counts, on hover. */
    todayMeans: {
      delivered:
        'Delivered to every destination that needs it (a destination that passes an event by on purpose, as Zithara does a walk-in sale, is not counted).',
      partlyDelivered:
        'Delivered to some destinations and failed at another: the failed part waits for you in Failed, which counts these with those that failed everywhere.',
      pending:
        'Still on its way: sending now, or waiting for a retry or a paused destination. Some destinations may have it already, or have failed it (that part waits for you in Failed).',
      failed: 'No destination has it, and none is still trying: it failed at every one, and waits for you in Failed.',
      received:
        'Kept, but not sent: when it arrived, no destination took this kind of event. A destination added or changed since does not get it by itself: its card under Destinations offers to send it there, with the other earlier ones.',
      rejected:
        'Requests refused when they arrived (for example a wrong key or signature, or a body that is not what its sender sends): not received, so not among the figures beside; kept in the Live log to look at, never sent.',
      partlyDiscarded:
        'Delivered to some destinations; you gave up sending it to the others (discarded there): nothing of it waits.',
      discarded: 'You discarded it (or its destination was deleted): it will not be sent.',
      skipped: 'Every destination passed it by: none had a use for it (for example Zithara and a stock event).',
    },
    hourly: 'Events per hour, last 24 hours',
    hourlyEmpty: 'No events in the last 24 hours. They show here hour by hour as they arrive.',
    destinations: 'Destinations',
    noDestinations: 'No destinations yet: nothing is forwarded.',
    addDestination: 'Add a destination',
    backlog: 'Waiting',
    failedCount: 'Failed',
    lastErrorAt: 'Last error, {{time}}',
    lastTryFailedNothingWaits:
      'The latest try, at {{time}}, failed (point at this line for why). None of its events waits now, so there is nothing to resend: the next event tries it again. To check it first, send it a test event.',
    earlierErrorTested: 'Earlier error, {{time}}; nothing of it waits now, and a test event went through since.',
    earlierErrorAt: 'Earlier error, {{time}}; the latest try since then went through.',
    earlierErrorRetryAt:
      'Earlier error, {{time}}; the latest try since then went through, and what failed then is tried again at {{next}}.',
    earlierErrorRetry:
      'Earlier error, {{time}}; the latest try since then went through, and what failed then waits for its next try.',
    failedWaiting_one:
      '{{count}} event could not be delivered to at least one destination and waits for you in Failed: Hookferry does not try it again by itself; resend it, or discard it if it is not needed.',
    failedWaiting_other:
      '{{count}} events could not be delivered to at least one destination and wait for you in Failed: Hookferry does not try them again by itself; resend them, or discard them if they are not needed.',
    openFailed: 'Open Failed',
    heldBehindFailed_one:
      '{{count}} delivery waits behind a failed event at {{names}}, which takes events in order: it is not sent by itself, only once that event is resent from Failed and goes through, or is discarded there.',
    heldBehindFailed_other:
      '{{count}} deliveries wait behind a failed event at {{names}}, which takes events in order: they are not sent by themselves, only once that event is resent from Failed and goes through, or is discarded there.',
    heldBehindFailedPaused_one:
      '{{count}} delivery waits behind a failed event at {{names}}, which takes events in order and is paused: it is not sent by itself, only once you resume {{names}} and that event, resent from Failed, goes through, or once it is discarded there.',
    heldBehindFailedPaused_other:
      '{{count}} deliveries wait behind a failed event at {{names}}, which takes events in order and is paused: they are not sent by themselves, only once you resume {{names}} and that event, resent from Failed, goes through, or once it is discarded there.',
    successRate: 'Tries that worked (24 h)',
    heldBy: 'Events for this destination wait behind {{label}} ({{status}}): it takes events in order.',
    heldByFailed:
      'Events for this destination wait behind {{label}}, which failed: it takes events in order, so the ones after it are sent once {{label}} is resent from Failed and goes through, or is discarded there.',
    paused: 'All deliveries are paused. Events are still received and kept.',
    resume: 'Resume deliveries',
  },
  log: {
    deletedSource: 'A deleted source (name not known)',
    deletedDestination: 'A deleted destination',
    deletedNamed: '“{{name}}” (deleted)',
    waitsPaused: 'Waits: paused',
    waitsPausedTitle: 'Not being sent: what it still goes to is paused. It goes once you resume; open it to see where.',
    waitsBehind: 'Waiting',
    /** The Status filter's choices (see `eventFilterStatuses`); `_there`: with a destination chosen, its delivery's. */
    statusFilter: {
      pending: 'On its way',
      waiting: 'Waiting',
      waitsPaused: 'Waits: paused',
      delivered: 'Delivered',
      partlyDelivered: 'Delivered in part',
      failed: 'Failed (at any destination)',
      failed_there: 'Failed',
      partlyDiscarded: 'Part given up',
      discarded: 'Discarded (all or part)',
      discarded_there: 'Discarded',
      skipped: 'Skipped',
      received: 'Kept, not sent',
      rejected: 'Rejected',
    },
    waitsBehindTitle:
      'Not being sent: it waits behind another event, as its destination takes events in order. Open it to see which one.',
    filters: 'Filters',
    status: 'Status',
    source: 'Source',
    destination: 'Destination',
    type: 'Event type',
    search: 'Search',
    searchPlaceholder: 'Invoice, name, phone, event id…',
    empty: 'No events yet. Send one from your POS, or use “Send test event” on a destination.',
    noMatch: 'No event matches these filters.',
    filtersOn: 'Only the events that match these filters are shown: {{what}}.',
    showAll: 'Show all events',
    time: 'Time',
    summary: 'Summary',
    loadMore: 'Loading more…',
    test: 'Test',
    typeFrom: '{{system}} · {{name}} ({{code}})',
    otherTypes: 'Other types',
    refusedSummary: 'A “{{type}}” request, refused · {{why}}',
    refusedTitle: 'A “{{type}}” request, refused',
    testFailed: 'Test failed',
    testDelivered: 'Test delivered',
  },
  drawer: {
    title: 'Event',
    headers: 'Headers',
    body: 'Body',
    pretty: 'Formatted',
    raw: 'Raw',
    deliveries: 'Deliveries',
    noDeliveries: 'No deliveries.',
    deletedDestination: '“{{name}}” (deleted)',
    deletedResendAll_one: 'Resend to all sends it to {{names}}, which takes this event now and has not got it.',
    deletedResendAll_other: 'Resend to all sends it to {{names}}, which take this event now and have not got it.',
    resendAll: 'Resend to all',
    resendOne: 'Resend',
    confirmDiscard:
      'Discard {{order}} for “{{name}}”? Hookferry stops trying: “{{name}}” will never get it, unless you resend it yourself.',
    discard: 'Discard',
    copyCurl: 'Copy as a command for a technician (cURL)',
    curlPlaceholder: 'paste the {{name}} value',
    copyBody: 'Copy body',
    attempt: 'Attempt {{n}}',
    nextAttempt: 'Next try {{time}}',
    heldBy: 'Waiting behind {{label}} ({{status}}): this destination takes events strictly in order.',
    heldByFailed:
      'Waiting behind {{label}}, which failed: this destination takes events strictly in order, so this one is sent once {{label}} is resent from Failed and goes through, or is discarded there.',
    paused: 'Paused: sends when you resume.',
    deliveredWaitsPaused: 'Delivered to {{delivered}}; waits for {{paused}}, which is paused: it goes once you resume.',
    waitsPaused: 'Waits for {{paused}}, which is paused: it goes once you resume.',
    reason: 'Why it was refused',
    sentFrom: 'sent from {{address}}',
    answered: 'Hookferry answered the sender {{status}}',
    rejectedKey:
      'Hookferry did not take this request: it is kept here only as a record and went to no destination. The sender was told {{status}}; whether it sends it again by itself depends on the sender. Fix the key as said above, then send the order again from the POS or shop.',
    rejectedNext:
      'Hookferry did not take this request: it is kept here only as a record and went to no destination. The sender was told {{status}}; whether it sends it again by itself depends on the sender. Fix the cause above, then send it again from the POS or shop.',
    duplicates_one: 'The sender sent this once more; Hookferry kept it once.',
    duplicates_other: 'The sender sent this {{count}} more times; Hookferry kept it once.',
    resent_one: 'Resend started for {{count}} destination; the event’s Deliveries show how it went.',
    sentFirst_one: 'Sending started to {{count}} destination; the event’s Deliveries show how it went.',
    sentFirst_other: 'Sending started to {{count}} destinations; the event’s Deliveries show how it went.',
    resent_other: 'Resend started for {{count}} destinations; the event’s Deliveries show how it went.',
    confirmTitle: 'Resend what was delivered?',
    confirmedAt: '“{{name}}” confirmed it got this event at {{time}}',
    confirmedNamed: '“{{name}}” confirmed it got this event',
    confirmResendOne:
      '{{confirmed}}. If you resend, it gets the event a second time (for an order: a second order in its books). Resend only if it lost it.',
    confirmResendMany:
      '{{confirmed}}. If you resend, they get the event a second time (for an order: a second order in their books). Resend only if they lost it.',
    confirmAlsoAgain: 'It is also sent again to {{names}}, which did not get it.',
    confirmAlsoFirst: 'And it goes for the first time to {{names}}, which takes this event now.',
    confirmSend: 'Resend anyway',
    resentPaused_one:
      'Queued again for {{count}} destination; it goes once the paused destination is resumed (Resume on that destination, or Resume deliveries if all deliveries are paused).',
    resentPaused_other:
      'Queued again for {{count}} destinations; they go once the paused destination is resumed (Resume on that destination, or Resume deliveries if all deliveries are paused).',
    resentOneTry_one: 'Hookferry tries it once: if that try fails, it shows in Failed at once, with the reason.',
    resentOneTry_other: 'Hookferry tries each once: one whose try fails shows in Failed at once, with the reason.',
    resentOnSchedule_one:
      'It was still on its way: if this try fails, the rest of its tries follow the destination’s schedule.',
    resentOnSchedule_other:
      'They were still on their way: one whose try fails keeps the rest of its tries on its destination’s schedule.',
    resendAlreadyWaiting_one:
      'It already waits to be sent to {{count}} destination, so it was not queued there a second time: it goes once, as already planned.',
    resendAlreadyWaiting_other:
      'It already waits to be sent to {{count}} destinations, so it was not queued there a second time: it goes to each once, as already planned.',
    resendAlreadyWaitingPaused_one:
      'It already waits to be sent to {{count}} destination, which is paused, so it was not queued there a second time: it goes once, when that destination is resumed (Resume on its card, or Resume deliveries if all deliveries are paused).',
    resendAlreadyWaitingPaused_other:
      'It already waits to be sent to {{count}} destinations, which are paused, so it was not queued there a second time: it goes to each once, when they are resumed (Resume on their cards, or Resume deliveries if all deliveries are paused).',
    resendWhileSending_one:
      'It is being sent to {{count}} destination right now, so it was not queued again there: that try is the send, and its result shows here in a moment. If it fails, resend it then.',
    resendWhileSending_other:
      'It is being sent to {{count}} destinations right now, so it was not queued again there: those tries are the send, and their results show here in a moment. If one fails, resend it then.',
    resentMixed:
      'Hookferry tries each once: one whose try fails shows in Failed at once, with the reason, except one that was still on its way, which keeps the rest of its tries on its destination’s schedule.',
    olderAttempts_one: 'Show {{count}} earlier attempt',
    olderAttempts_other: 'Show {{count}} earlier attempts',
    test: 'A test event, sent with “Send test event” on the destination’s card. A test is tried once and never resent: if it failed, it is not kept in Failed. To try again, send a new test event.',
    eventId: 'Event id',
    testAgain: 'Send a new test event',
    testAgainOk: 'A new test event went through; it is at the top of the live log.',
    testAgainFailed: 'A new test event did not go through: {{error}} It is at the top of the live log.',
  },
  failed: {
    help: 'Fix what the reason says, then press Resend: Hookferry tries it once, right away, and if that try fails it is back here at once.',
    helpMore: 'More about this list',
    helpDetails:
      'These were tried on each destination’s schedule, and the destination never confirmed it had them; they are kept until you resend or discard them. A try that got no answer after the event went out may have reached it all the same: where a reason or an order’s history (click it) says so, look at the destination before you resend, or it may get the event twice. They are grouped by destination, then by reason, so one fix can resend a whole group: the group with the most recently received event comes first, and in each group the newest event comes first (the first time on each row is when it was received).',
    none: 'Nothing waits here: no delivery has failed for good.',
    noneNoDestinations:
      'Nothing has failed: there are no destinations yet, so nothing is sent. Add one under Destinations.',
    noneOnTheirWay_one: 'Nothing has failed. {{count}} delivery is on its way.',
    noneOnTheirWay_other: 'Nothing has failed. {{count}} deliveries are on their way.',
    noneFailed: 'Nothing has failed.',
    resending:
      'Resending (its progress is above): each event is tried once, and one whose try fails comes back here at once, with the reason.',
    resent_one:
      'Resend started: Hookferry tries it once now. If that try fails, it comes back here at once, with the reason.',
    resent_other:
      'Resend of {{count}} events started: Hookferry tries each once now. One whose try fails comes back here at once, with the reason.',
    resentPaused_one:
      'Resend queued: sending to this destination is paused, so it goes once you resume, and is tried once then. If that try fails, it comes back here, with the reason.',
    resentPaused_other:
      'Resend of {{count}} events queued: sending to this destination is paused, so they go once you resume, each tried once then. One whose try fails comes back here, with the reason.',
    resendingOne_one:
      'Resending {{count}} event: Hookferry tries it once. If that try fails, it comes back here at once, with the reason.',
    resendingOne_other:
      'Resending {{count}} events: Hookferry tries each once. One whose try fails comes back here at once, with the reason.',
    resendingPaused_one:
      'Resending {{count}} event: its destination is paused, so nothing is tried until you resume it. Then Hookferry tries it once; if that try fails, it comes back here, with the reason.',
    resendingPaused_other:
      'Resending {{count}} events: their destination is paused, so nothing is tried until you resume it. Then Hookferry tries each once; one whose try fails comes back here, with the reason.',
    lastTry: 'last try {{time}}',
    resentFailedAgain: 'Resent at {{time}}: failed again, for the reason above.',
    resentDelivered: 'Resent at {{time}}: {{order}} was delivered to “{{name}}”.',
    earlierResends: 'Earlier resends',
    eventsInDeliveries_one:
      '{{count}} event, {{deliveries}} failed deliveries: one event can fail at more than one destination, and shows under each of them.',
    eventsInDeliveries_other:
      '{{count}} events, {{deliveries}} failed deliveries: one event can fail at more than one destination, and shows under each of them.',
    waitPausedDestination_one:
      '{{count}} delivery waits for the paused destination {{names}}; it goes once you press Resume on it.',
    waitPausedDestination_other:
      '{{count}} deliveries wait for the paused destination {{names}}; they go once you press Resume on it.',
    waitPausedDestinations_one:
      '{{count}} delivery waits for the paused destinations {{names}}; it goes once you press Resume on them.',
    waitPausedDestinations_other:
      '{{count}} deliveries wait for the paused destinations {{names}}; they go once you press Resume on them.',
    waitAllPaused_one: '{{count}} delivery waits because sending is paused; it goes once you resume sending.',
    waitAllPaused_other: '{{count}} deliveries wait because sending is paused; they go once you resume sending.',
    noneYet_one:
      'Nothing has failed for good. {{count}} delivery is waiting for its next try; it shows here only if every try fails.',
    noneYet_other:
      'Nothing has failed for good. {{count}} deliveries are waiting for their next try; they show here only if every try fails.',
    resendAll: 'Resend all ({{count}})',
    discardAll: 'Discard all',
    confirmDiscardTitle: 'Discard this event?',
    confirmDiscardRow:
      'Discard {{order}} for “{{name}}”? Hookferry stops trying and it leaves Failed: “{{name}}” will never get it, unless you resend it yourself from its details in the live log.',
    confirmDiscardOne: 'Discard for good',
    discardFreesLine_one:
      'It is first in “{{name}}”’s line: the {{count}} event waiting behind it there then goes out at once.',
    discardFreesLine_other:
      'It is first in “{{name}}”’s line: the {{count}} events waiting behind it there then go out at once.',
    discardFreesLinePaused_one:
      'It is first in “{{name}}”’s line: the {{count}} event waiting behind it there then goes once you resume “{{name}}”.',
    discardFreesLinePaused_other:
      'It is first in “{{name}}”’s line: the {{count}} events waiting behind it there then go once you resume “{{name}}”.',
    confirmDiscard_one:
      'Discard the failed delivery to “{{name}}”? Hookferry stops trying and it leaves Failed: “{{name}}” will never get it, unless you resend it yourself from its details in the live log.',
    confirmDiscard_other:
      'Discard {{count}} failed deliveries to “{{name}}”? Hookferry stops trying and they leave Failed: “{{name}}” will never get them, unless you resend them yourself from their details in the live log.',
    deliveries_one: '{{count}} event',
    deliveries_other: '{{count}} events',
    noReason: 'No reason was recorded.',
    resendReason: 'Resend these ({{count}})',
    discardReason: 'Discard these',
    resendOne: 'Resend',
    discardOne: 'Discard',
    showMore: 'Show more',
    batchRunning_one: 'Resending {{count}} event to “{{name}}”:',
    batchRunning_other: 'Resending {{count}} events to “{{name}}”:',
    batchDone_one: 'Resent {{count}} event to “{{name}}”:',
    batchDone_other: 'Resent {{count}} events to “{{name}}”:',
    batchDelivered: '{{count}} delivered',
    batchFailed: '{{count}} failed again',
    batchDiscarded: '{{count}} discarded',
    batchWaiting: '{{count}} still waiting',
    batchNow: 'Now, at “{{name}}”: {{outcome}}.',
    batchNowDeleted: '“{{name}}” has been deleted since: nothing of it waits any more.',
    nowDelivered: '{{count}} delivered',
    nowFailed_one: '{{count}} waits in the list above',
    nowFailed_other: '{{count}} wait in the list above',
    nowDiscarded: '{{count}} discarded',
    nowWaiting: '{{count}} being sent again',
    batchStarted: 'Started {{start}}.',
    batchFinished: 'Started {{start}}; finished {{end}}.',
  },
  destinations: {
    title: 'Destinations',
    add: 'Add destination',
    name: 'Name',
    url: 'Address (URL)',
    method: 'Method',
    events: 'Events to send',
    patterns: 'Other event patterns',
    patternsHelp: 'One per line, for example order.* or orders/create. * means everything.',
    everything: 'Everything (*)',
    sources: 'Only from these sources',
    allSources: 'All sources',
    headers: 'Extra headers',
    headerName: 'Header',
    headerValue: 'Value',
    secret: 'Secret',
    secretByName:
      'Kept secret: this name is for a password, key or token, so Hookferry always stores its value encrypted and never shows it.',
    secretUnticked:
      'Its saved value was secret, and a secret is never shown, so it cannot become a plain value: type the value this header should send.',
    addHeader: 'Add header',
    signing: 'Signing secret (Standard Webhooks)',
    signingHelp:
      'Only if the receiver checks a signature (Standard Webhooks): it gives you a secret that starts with whsec_, to paste here. Leave empty for none.',
    removeSigning: 'Remove signing secret',
    bodyMode: 'Body',
    bodyRaw: 'As received',
    bodyJson: 'As JSON',
    retry: 'Retries',
    maxAttempts: 'Attempts in all',
    initialDelay: 'First retry after (seconds)',
    multiplier: 'Then multiply by',
    maxDelay: 'Longest wait (minutes)',
    schedule: 'Schedule: {{schedule}}',
    mode: 'Sending',
    parallel: 'Several at once (faster)',
    ordered: 'In order, one at a time',
    orderedHint:
      'Strict order: events go one at a time, in the order they arrived. If one fails for good, the ones after it wait until you resend or discard it (in Failed).',
    concurrency: 'At once',
    timeout: 'Timeout (seconds)',
    paused: 'Paused',
    test: 'Send test event',
    confirmDelete:
      'Delete “{{name}}”? {{what}} will be given up there; what it received stays in each event’s history.',
    confirmDeleteWaiting_one: '{{count}} event waiting to be sent there',
    confirmDeleteWaiting_other: '{{count}} events waiting to be sent there',
    confirmDeleteFailed_one: '{{count}} event waiting in Failed',
    confirmDeleteFailed_other: '{{count}} events waiting in Failed',
    confirmDeleteAnd: ' and ',
    confirmDeleteNone: 'Delete “{{name}}”? What it received stays in each event’s history.',
    confirmDeleteUnknown:
      'Delete “{{name}}”? What waits there will be given up there; what it received stays in each event’s history.',
    confirmDeleteTitle: 'Delete this destination?',
    confirmDeleteYes: 'Delete for good',
    secretsToOtherSiteTitle: 'Secrets and the new address',
    secretsToOtherSite: 'Send the secrets entered for the old address ({{names}}) to the new one, {{host}}, too?',
    secretsToOtherSiteWhy:
      'They were entered for the old address, another site. You can also type new values for them above, then save.',
    secretsKeep: 'Keep them',
    secretsRemove: 'Remove them',
    none: 'No destinations yet. A destination is where Hookferry sends the events your shop’s systems send it: your accounting or order books, a CRM such as Zithara, any web address. Until there is one, events are only kept.',
    addFirst: 'Add your first destination',
    kind: 'Kind',
    kinds: { webhook: 'Webhook (any URL)' },
    transform: 'Transformation (optional)',
    transformLabel: 'Change the body before sending: an expression a technician writes (JSONata)',
    jsonataHelp: 'How to write one (JSONata guide)',
    preview: 'Preview',
    previewOn: 'On {{id}}:',
    deletedWhileEditing:
      '“{{name}}” was deleted elsewhere (in another window, from the tray or by another program) while it was open here: any change you made to it here was not saved.',
    causeOnCard: 'its card below says why',
  },
  sources: {
    title: 'Sources',
    add: 'Add source',
    name: 'Name',
    kind: 'Kind',
    intakeUrl: 'Intake address',
    regenerate: 'New address',
    confirmRegenerate:
      'Make a new address for “{{name}}”? The old one stops working at once; put the new one in {{sender}}.',
    confirmRegenerateAny:
      'Make a new address for “{{name}}”? The old one stops working at once; put the new one in the system that sends to this address.',
    verification: 'Verification',
    none: 'None',
    hmac: 'Signature (HMAC)',
    header: 'Required header',
    headerName: 'Header name',
    secret: 'Secret',
    value: 'Value',
    encoding: 'Encoding',
    guide: 'Setup guide',
    guideNew: 'The intake address to paste is made when you press Create source; it then shows on this source’s card.',
    confirmDelete: 'Delete the source “{{name}}”? Its address stops working.',
    deletedWhileEditing:
      '“{{name}}” was deleted elsewhere (in another window or by another program) while you were changing it here: the changes you made to it here were not saved.',
    confirmDeleteTitle: 'Delete this source?',
    confirmDeleteYes: 'Delete for good',
    confirmRegenerateTitle: 'Make a new address?',
    namePlaceholder: 'Shop till, Web shop…',
    create: 'Create source',
    added: 'Source “{{name}}” created. Paste its intake address into the sender.',
    addedThisPcOnly:
      'Source “{{name}}” created. Its intake address works only on this PC, so Teamcrop and web shops cannot reach it: set up a public address in Settings first, then paste the address its card shows into the sender.',
    addedLocalOnly:
      'Source “{{name}}” created. Its intake address works only on this PC and the shop’s network, so Teamcrop and web shops cannot reach it: set up a public address in Settings first, then paste the address its card shows into the sender.',
    addressThisPcOnly:
      'This address works only on this PC: Teamcrop and web shops send from the internet and cannot reach it. Set up a public address first; this card then shows the address to paste.',
    addressLocalOnly:
      'This address works only on this PC and the shop’s network: Teamcrop and web shops send from the internet and cannot reach it. Set up a public address first; this card then shows the address to paste.',
    valueMadeHereNew:
      'You make up this value: type any long word, or press Generate; then enter the same header name and value in the sender. Copy it before you press Create source: Hookferry does not show it again.',
    valueMadeHereFirst:
      'You make up this value: type any long word, or press Generate; then enter the same header name and value in the sender. Copy it before you press Save: Hookferry does not show it again. Once saved, the sender is refused until it sends this value.',
    valueMadeHereSaved:
      'To change this value, type a new one or press Generate, and enter the same in the sender. Copy it before you press Save: Hookferry does not show it again. Save puts the new value in place of the old one, and the sender is refused until it has the new one.',
    secretMadeHereNew:
      'If the sender gives you a secret (Shopify and WooCommerce do), paste it here; otherwise make one up or press Generate, and enter the same in the sender. Copy it before you press Create source: Hookferry does not show it again.',
    secretMadeHereFirst:
      'If the sender gives you a secret (Shopify and WooCommerce do), paste it here; otherwise make one up or press Generate, and enter the same in the sender. Copy it before you press Save: Hookferry does not show it again. Once saved, the sender is refused until it signs with this secret.',
    secretMadeHereSaved:
      'To change the secret, paste the one the sender gives you (Shopify and WooCommerce do), or make one up or press Generate, and enter the same in the sender. Copy it before you press Save: Hookferry does not show it again. Save puts the new secret in place of the old one, and the sender is refused until it has the new one.',
    secretMissing:
      'No secret is saved for this source (it was imported without it, as exports leave secrets out), so Hookferry refuses every request sent to it. Enter the secret again below, the same as in the sender, and press Save.',
    valueMissing:
      'No header value is saved for this source (it was imported without it, as exports leave secrets out), so Hookferry refuses every request sent to it. Enter the value again below, the same as in the sender, and press Save.',
    generate: 'Generate',
    valuePlaceholder: 'Made up by you',
    hex: 'Hex (0–9 and a–f)',
    base64: 'Base64 (Shopify, WooCommerce)',
    secretPlaceholder: 'As set in the sender',
  },
  settings: {
    title: 'Settings',
    general: 'General',
    network: 'Network',
    intakePort: 'Intake port',
    adminPort: 'Dashboard port',
    lowPort:
      '{{field}}: port {{port}} is below 1024: such ports are kept for the system’s own services. Linux and macOS let only an administrator open them, and on Windows a web server often holds them already. If Hookferry cannot open it, Save says so and nothing changes. A port from 1024 to 65535, such as {{usual}}, avoids this.',
    restartNote:
      'A new dashboard port applies at the next start; the dashboard’s address changes with it, so open it again from Hookferry then (the address it prints at start, or the tray menu).',
    lan: 'Accept webhooks from other devices on the shop’s network',
    lanWarning: 'Anyone on your network can then reach the intake address. Keep verification on for each source.',
    retention: 'Keep events for (days)',
    retentionHelp:
      'Older events are removed once nothing more is to be done with them: delivered, discarded, kept without a destination, refused. Failed and waiting ones stay until you handle them. Export them first to keep them longer.',
    language: 'Language',
    theme: 'Theme',
    appearanceNote: 'Language and theme are saved as soon as you pick them; the other settings wait for Save.',
    themes: { system: 'Like the system', light: 'Light', dark: 'Dark' },
    debug: 'Detailed logging (for support)',
    config: 'Configuration',
    exportConfig: 'Export configuration',
    importConfig: 'Import configuration',
    desktop: 'This computer',
    startAtLogin: 'Start Hookferry when I log in (to the tray, without a window)',
    openDataFolder: 'Open the data folder',
    version: 'Hookferry {{version}}',
    importPreview: 'What importing “{{file}}” will do:',
    importConfirm: 'Import',
    importNothing: 'Everything in this file is already here; importing changes nothing.',
    imported: 'Configuration imported.',
    importActions: { create: 'Add', update: 'Change', skip: 'Leave' },
    importWhat: { settings: 'Settings', source: 'Source', destination: 'Destination' },
    /** What an import would change, named as the forms name it. */
    importFields: {
      intake: {
        host: 'who may send (this PC or the shop’s network)',
        port: 'intake port',
        bodyLimitBytes: 'largest body',
        rateLimitPerMinute: 'events a minute per source',
      },
      adminPort: 'dashboard port',
      retentionDays: 'days events are kept',
      language: 'language',
      theme: 'theme',
      debugLogging: 'detailed logging',
      deliveriesPaused: 'paused deliveries',
      kind: 'kind',
      verification: 'verification',
      url: 'address',
      events: 'events to send',
      sources: 'sources it takes',
      timeoutMs: 'timeout',
      retry: 'retries',
      concurrency: 'sends at once',
      ordered: 'order',
      settings: 'kind’s settings',
    },
    exportEvents: 'Export events',
    xlsx: 'Download Excel spreadsheet (.xlsx)',
    csv: 'CSV for other programs',
    exportFailed:
      'The export did not work (Hookferry answered {{status}}). Try again; if it keeps failing, restart Hookferry.',
    exporting: 'Exporting… The file is saved when all of it has arrived; a large store takes a minute or more.',
    cancelExport: 'Cancel export',
    exportCut:
      'The export stopped before its end, so nothing was saved. Export again; if it keeps stopping, the reason is in Hookferry’s log file.',
    csvBodies: 'Put each event’s body in the spreadsheet',
    ndjson: 'Full backup (NDJSON)',
    deliveriesPaused: 'Pause all deliveries',
    pausedNow:
      'All deliveries are paused: events are still received and kept, but none is sent to any destination until you untick this box and save, or press Resume deliveries on the Overview or on a destination’s card.',
    running: 'Running now on intake port {{intake}} and dashboard port {{admin}}.',
    notRunningNow:
      'Hookferry is not running now (when it last answered, it ran on intake port {{intake}} and dashboard port {{admin}}).',
    intakeMoved:
      'Saved. The intake port is now {{port}}, so the intake addresses changed: give each sender its new address ({{names}}); Sources shows them. Until then, what they send does not arrive.',
    intakeMovedPublic:
      'Saved. Hookferry now listens on intake port {{port}}; the public addresses your senders use stay the same.',
    intakeOnNetwork:
      'Saved. Hookferry now receives from the shop’s network at {{url}}: give this address to the devices on the network that send ({{names}}); Sources shows each one’s full address.',
    intakeOnNetworkPort:
      'Saved. Hookferry now receives from the shop’s network, on the new port {{port}}, at {{url}}: give this address to each sender ({{names}}); Sources shows each one’s full address. Until then, what they send does not arrive.',
    intakeOnNetworkPublic:
      'Saved. Hookferry now receives from the shop’s network too, on port {{port}} ({{url}}); the public addresses your senders use stay the same.',
    intakeThisPc:
      'Saved. Hookferry now accepts events only from this PC ({{url}}): devices on the shop’s network can no longer send to it; a sender on another device ({{names}}) needs a public address (below), or this box ticked again.',
    intakeThisPcPort:
      'Saved. Hookferry now accepts events only from this PC, on the new port {{port}} ({{url}}): devices on the shop’s network can no longer send to it, and a sender on this PC needs its new address ({{names}}); Sources shows them.',
    intakeThisPcPublic:
      'Saved. Hookferry now accepts events only from this PC, on port {{port}} ({{url}}), and through the public address: devices on the shop’s network can no longer send to this PC directly; the public addresses your senders use stay the same.',
    intakePortLater:
      "Saved. Intake port {{port}} is used from the next time Hookferry starts: this run's ports were chosen when it was started, so until then it keeps taking orders on port {{running}}.",
    adminPortLater:
      "Saved. Dashboard port {{port}} is used from the next time Hookferry starts: this run's ports were chosen when it was started, so until then the dashboard stays on port {{running}}.",
    commandLine:
      'The command line chose these ports for this run; the numbers above apply when Hookferry is started without them.',
    commandLineIntake:
      'The command line chose the intake port for this run (--port); the intake port above applies when Hookferry is started without it. The dashboard port is the one saved above.',
    commandLineAdmin:
      'The command line chose the dashboard port for this run (--admin-port); the dashboard port above applies when Hookferry is started without it. The intake port is the one saved above.',
    commandLineHost:
      'The command line chose the address the intake listens on for this run (--host {{host}}); the network choice below applies when Hookferry is started without it.',
    bodyLimit: 'Largest event body (MB)',
    rateLimit: 'Most events a minute from one source',
    limitsHelp:
      'A sender over these limits is refused (told its body is too large, or that it sends too fast) and has to send again later; raise them here if a real sender needs it.',
  },
  /** The tray icon's menu and tooltip. */
  tray: {
    open: 'Open Hookferry',
    copy: 'Copy intake URL',
    copyPublic: 'Copy public address',
    pause: 'Pause deliveries',
    resume: 'Resume deliveries',
    resend: 'Resend failed ({{count, number}})',
    login: 'Start at login',
    quit: 'Quit',
    ok: 'all delivered',
    nothingSent: 'nothing sent yet',
    waiting_one: '{{count, number}} waiting to be delivered',
    waiting_other: '{{count, number}} waiting to be delivered',
    waitingForPaused_one: '{{count, number}} waiting for the paused {{names}}',
    waitingForPaused_other: '{{count, number}} waiting for the paused {{names}}',
    waitingForResume_one: '{{count, number}} waiting until you resume',
    waitingForResume_other: '{{count, number}} waiting until you resume',
    heldBehindFailed_one: '{{count, number}} held behind a failed event at {{names}}',
    heldBehindFailed_other: '{{count, number}} held behind a failed event at {{names}}',
    failing: 'failing: {{names}}',
    refusing: 'refusing orders from {{names}}',
    failed_one: '{{count, number}} failed',
    failed_other: '{{count, number}} failed',
    paused: 'deliveries paused',
    diskFull: 'disk full: free some space',
    today_one: '{{count, number}} event today',
    today_other: '{{count, number}} events today',
    refused_one: '{{count, number}} request refused',
    refused_other: '{{count, number}} requests refused',
    starting: 'starting…',
    stopped: 'not running',
    restarting: 'stopped; trying again in {{seconds}} s',
  },
  /** Desktop notifications and dialogs. */
  desktop: {
    failingTitle: '“{{name}}” is not taking events',
    failingBody: '{{why}} Hookferry keeps every event and tries again; open it to see why.',
    failingBodyNothingWaits:
      '{{why}} What failed waits in Failed: open Hookferry to resend it once the destination works.',
    failingNoReason: 'Several tries in a row failed.',
    failedTitle_one: 'An event could not be delivered',
    failedTitle_other: '{{count, number}} events could not be delivered',
    failedBody: 'Every try to {{names}} failed. Open Hookferry and choose Failed to resend.',
    cannotStart: 'Hookferry cannot start',
    openDataFolder: 'Open the data folder',
    quit: 'Quit',
  },
  destinationForm: {
    urlSecrets:
      'The value of {{names}} in this address is a secret: it is kept encrypted and shown as [redacted], and deliveries get the real value. Leave [redacted] to keep it, or write the new value in its place.',
    urlSecretsMissing:
      'Hookferry does not have the value of {{names}} (the configuration was imported without it): write it in place of [redacted].',
    basics: 'Name and address',
    events: 'Which events',
    delivery: 'Sending and retries',
    security: 'Headers and signing',
    transformation: 'Transformation (optional)',
    namePlaceholder: 'Order CRM',
    otherSenders_one: '{{count}} more system with no source of its own here',
    otherSenders_other: '{{count}} more systems with no source of their own here',
    noShopSenders:
      'None of your sources is set as {{systems}}, the systems {{kind}} takes events from, so Hookferry cannot tell which of these events your shop sends and ticks them all at first: untick those it does not send, or set each source’s kind in Sources.',
    untakenSenders: '{{kind}} takes no events from {{systems}}: those are not sent to this destination.',
  },
  destinationCard: {
    worksAgain: 'Working again',
    unread: 'Cannot be read now',
    stillFailed_one: 'The latest tries went through, but {{count}} event from before still waits for you in Failed.',
    stillFailed_other: 'The latest tries went through, but {{count}} events from before still wait for you in Failed.',
    urlSecretsMissing:
      'Before it can be resumed, Hookferry needs the value of {{names}} in its address (the configuration was imported without it): press Edit on this card under Destinations and put the value in place of [redacted].',
    neverSent: 'Nothing sent in the last 24 hours.',
    untried: 'Nothing has been sent here yet: the first event it takes goes out as soon as it arrives.',
    untriedRefused: 'Nothing has been sent here yet.',
    untriedSending: 'Sending its first event now…',
    untriedAllPaused: 'Nothing has been sent here yet: the events it takes wait while all deliveries are paused.',
    untriedPaused: 'Nothing has been sent here yet: it is paused, so the events it takes wait until you press Resume.',
    tryTest: 'Send test event tries it now.',
    answersWithin: 'Usually answers within {{time}}.',
    seconds: '{{s}} s',
    pause: 'Pause',
    resume: 'Resume',
    testing: 'Sending test…',
    edit: 'Edit',
    allPaused:
      'All deliveries are paused (Settings), so this one waits too: Resume deliveries below sends again to every destination.',
    bothPaused:
      'This destination is paused, and all deliveries are paused too (Settings). Resume lifts only this destination’s own pause: nothing is sent to it until deliveries are resumed as well (Resume deliveries on the Overview, or in Settings).',
    testsApart: 'Tests count neither in the rate nor in the order counts.',
    testBeforeChange:
      'That test was made before this destination’s settings were last changed, so it says nothing of them: send a new test event to check them.',
    testFailedBadge: 'Test failed',
    testFailedNext:
      'Orders are still sent as they come; this card says “Test failed” until an order or a later test goes through. Tests count neither in the rate nor in the order counts.',
    testFailedCredentials:
      'Orders will not go through either until the client id and secret are corrected. This card says “Test failed” until an order or a later test goes through. Tests count neither in the rate nor in the order counts.',
    testMended: 'Tests do not count in the rate; with nothing of it waiting, this one shows it answers again.',
    /** Where a reason says Edit is; on a card with its own Edit, it says so instead (see editHere). */
    editElsewhere: '(Edit on its card under Destinations)',
    editHere: '(Edit below)',
    lastTestOk: 'Last test event, at {{time}}: it went through.',
    lastTestAnswered: 'Last test event, at {{time}}: it went through (the destination answered {{status}}).',
    lastTestOkSaid: 'Last test event, at {{time}}: {{said}}',
    lastTestFailed: 'Last test event, at {{time}}, did not go through: {{error}}',
    lastTestFailedSame: 'Last test event, at {{time}}, did not go through, for the same reason as the error above.',
  },
  /** A destination's card: events it takes now that came before it took them, sent there on request. */
  earlier: {
    day_one:
      '{{count, number}} event from the last 24 hours arrived before this destination was created or set to take it, so it was not sent here. Send it here too?',
    day_other:
      '{{count, number}} events from the last 24 hours arrived before this destination was created or set to take them, so they were not sent here. Send them here too?',
    week_one:
      '{{count, number}} event from the last 7 days arrived before this destination was created or set to take it, so it was not sent here. Send it here too?',
    week_other:
      '{{count, number}} events from the last 7 days arrived before this destination was created or set to take them, so they were not sent here. Send them here too?',
    all_one:
      '{{count, number}} event Hookferry keeps arrived before this destination was created or set to take it, so it was not sent here. Send it here too?',
    all_other:
      '{{count, number}} events Hookferry keeps arrived before this destination was created or set to take them, so they were not sent here. Send them here too?',
    window: 'Which ones',
    windows: {
      day: 'From the last 24 hours ({{count, number}})',
      week: 'From the last 7 days ({{count, number}})',
      all: 'Everything kept ({{count, number}})',
    },
    send: 'Send them here…',
    confirmTitle: 'Send earlier events to this destination',
    ask_one:
      'Send {{count, number}} event to “{{name}}”? Only this destination gets it: the other destinations get nothing again. It is sent once, as a new event is.',
    ask_other:
      'Send {{count, number}} events to “{{name}}”? Only this destination gets them: the other destinations get nothing again. Each is sent once, as a new event is.',
    askPaused: 'It is paused: they wait here until you press Resume.',
    askAllPaused: 'All deliveries are paused: they wait here until deliveries are resumed.',
    confirm_one: 'Send {{count, number}} event',
    confirm_other: 'Send {{count, number}} events',
    sending: 'Queuing them for this destination…',
    sent_one:
      'At {{time}}, {{count, number}} earlier event was queued for this destination alone; the Live log shows how it went.',
    sent_other:
      'At {{time}}, {{count, number}} earlier events were queued for this destination alone; the Live log shows how each went.',
    sentPaused_one:
      'At {{time}}, {{count, number}} earlier event was queued for this destination alone: it goes once you press Resume.',
    sentPaused_other:
      'At {{time}}, {{count, number}} earlier events were queued for this destination alone: they go once you press Resume.',
    sentAllPaused_one:
      'At {{time}}, {{count, number}} earlier event was queued for this destination alone: it goes once deliveries are resumed.',
    sentAllPaused_other:
      'At {{time}}, {{count, number}} earlier events were queued for this destination alone: they go once deliveries are resumed.',
    sentNone: 'At {{time}}, nothing was left to send: each of them already had its delivery to this destination.',
  },
  /** A preview's words where the delivery's would say nothing was sent and to resend: a preview sends nothing. */
  previewReasons: {
    delivery: {
      transformGivesNothing:
        'For this event the transformation gives nothing (most likely it names a field this event does not have), so an order like it would not be sent. Check the field names against this event.',
      transformGivesEmpty:
        'For this event the transformation finds none of the fields it names and makes only an empty {} or [], or an empty text ("" or only spaces), so an order like it would not be sent. The event may come from another system than the one the expression was written for: check the field names against it, or choose which events and sources this destination takes.',
      transformGivesFunction:
        'The transformation gives a function where a value belongs, so an order would not be sent: a function such as $uppercase is used with brackets around what it works on, as in $uppercase(name).',
      transformOutputTooBig:
        'For this event the transformation makes {{mb}} MB, more than the {{max}} MB Hookferry sends from one, so an order like it would not be sent. Make the expression pick only what the destination needs.',
      transformUnreadable:
        'The transformation’s result for this event could not be handed back to Hookferry ({{message}}). Make the expression build something simpler.',
      transformTooDeep:
        'For this event the transformation goes deeper than Hookferry can follow: a function of it calls itself, or what it makes nests, thousands of levels deep, so an order like it would not be sent. Check the expression.',
    },
  },
  /**
   * A test event's failure, where the delivery's sentence would say to resend from Failed: a test is tried once,
   * never waits in Failed and cannot be resent.
   */
  testReasons: {
    delivery: {
      rejected:
        "The destination answered {{status}}: it refused the test event. Check the destination's address and settings, then send a test again.",
      timeoutSentLast:
        'No answer within {{seconds}} s. The test event was sent, so the destination may have received it all the same; a test is not sent again.',
      resetSentLast:
        'The connection to {{host}} was cut after the test event was sent, before an answer came. The destination may have received it all the same; a test is not sent again.',
      transformGivesEmpty:
        'The transformation made only an empty {} or [], or an empty text ("" or only spaces), for the test event, which has only the fields event, message and sentAt, so nothing was sent. To see what it gives for a real order, use Preview.',
      unreadableSentLast:
        '{{host}} answered the test event, but its answer breaks the rules of HTTP (a header too large or malformed, a wrong length), so Hookferry cannot read it. The destination may have received it all the same; a test is not sent again.',
      transformGivesNothing:
        'The transformation gave nothing for the test event, which has only the fields event, message and sentAt, so nothing was sent. To see what it gives for a real order, use Preview.',
      headerUnsendable:
        'Hookferry could not send to {{host}}: the {{header}} header saved in this destination holds a line break, a control character or a letter outside Latin-1 (such as a Vietnamese accent), which no web request can carry, so nothing was sent. Edit the destination, type that value again on one line without them, then send a test again.',
    },
    zithara: {
      credentialsUnsendable:
        "The Zithara client id or secret saved in this destination holds a line break, a control character or a letter outside Latin-1 (such as a Vietnamese accent), which cannot be sent to Zithara, so Hookferry sent nothing. Type them again in this destination's settings (Edit on its card under Destinations), exactly as Zithara gave them, then send a test again.",
      refused:
        "Zithara refused the client id and secret ({{status}}). Check them in this destination's settings (Edit on its card under Destinations), then send a test again.",
      accessRefused:
        "Zithara refused this call ({{status}}) even with a new access token: the client id and secret may not allow it. Check them in this destination's settings (Edit on its card under Destinations), then send a test again.",
      refusedData: 'Zithara refused the test data ({{status}}): {{said}}.',
    },
  },
  /** The spreadsheet export's column names (the code columns after them keep the API's names). */
  /** The body of "Send test event", in the dashboard's language (its field names stay, for the destination to read). */
  testEvent: {
    message: 'This is a test event from Hookferry. If you can read it, the destination works.',
    tokenOnly:
      'Hookferry tests this destination by asking {{kind}} for an access token with its credentials: {{kind}} gives one only when they are right. Nothing is sent to {{kind}}.',
  },
  spreadsheet: {
    time: 'Time',
    source: 'Source',
    event: 'Event',
    summary: 'Summary',
    status: 'Status',
    reason: 'Why refused',
    answer: 'Answer to the sender (HTTP)',
    test: 'Test',
    bodyTooLong:
      'This body has {{length}} characters, more than a spreadsheet cell holds ({{most}}). Export the full backup (NDJSON) in Settings for the whole body.',
    cellCut:
      ' … [Cut here: this text has {{length}} characters, more than a spreadsheet cell holds ({{most}}). The full backup (NDJSON) in Settings has the whole body.]',
    /** The workbook's sheet, and the next ones ("Events 2") when one holds no more rows. */
    sheet: 'Events',
  },
  schedule: {
    retryOnce:
      'If a try fails, Hookferry waits {{waits}} and tries once more; if that fails too, the event waits for you in Failed.',
    retries:
      'If a try fails, Hookferry waits {{waits}} between tries and makes its last try {{total}} after the first; if that fails too, the event waits for you in Failed.',
    once: 'one try, no retries',
    appliesToWaiting:
      'Saved, the new schedule also applies to the events already waiting for a retry here: their next try follows it, counted from the save, and one that already had all its tries gets its last one at once.',
    onceWithWaiting:
      'Schedule: each new event is tried once, with no retries; those already waiting for a retry here get one last try at once when you save, and wait for you in Failed if that fails too.',
    notYet: 'Schedule: shown once the numbers above are within their limits.',
    minutes: '{{n, number}} min',
    hours: '{{n, number}} h',
    seconds: '{{n, number}} s',
    days: '{{n, number}} d',
  },
};

export type Strings = typeof en;
