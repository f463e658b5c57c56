import { useVirtualizer } from '@tanstack/react-virtual';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deliveryFilterStatuses, type EventListItem, eventFilterStatuses } from '../../../main/api/contract';
import { EventTypeSelect } from '../components/EventTypeSelect';
import { FiltersOn } from '../components/FiltersOn';
import { LastRead } from '../components/LastRead';
import { ReadError } from '../components/ReadError';
import { StatusBadge } from '../components/StatusBadge';
import { useApp } from '../context';
import type { EventFilters } from '../data/keys';
import { eventListQuery, useDestinations, useSources } from '../data/queries';
import { readLogAddress, writeLogAddress } from '../lib/address';
import { useEventSummary } from '../lib/event-summary';
import { useEventTypeName } from '../lib/event-type-name';
import { useSenderCatalog } from '../lib/sender-catalog';
import { formatTime } from '../lib/format';
import { EventDrawer } from './EventDrawer';
import { testBadge } from '../lib/test-badge';

type Filters = EventFilters;
const ROW_HEIGHT = 40;
/** The type of what “Send test event” sends. */
const TEST_EVENT_TYPE = 'hookferry.test';
/** The next page is asked for when the last shown row is this close to the end of what is loaded. */
const PREFETCH_ROWS = 20;

export function LiveLog() {
  const { t, i18n } = useTranslation();
  const summaryOf = useEventSummary();
  const typeName = useEventTypeName();
  const catalog = useSenderCatalog();
  const { engine, connected } = useApp();
  const sources = useSources();
  const destinations = useDestinations();
  const [initial] = useState(readLogAddress);
  const [filters, setFilters] = useState<Filters>(initial.filters);
  const [search, setSearch] = useState(initial.filters.q ?? '');
  const [selected, setSelected] = useState<string | null>(initial.event);
  const scroller = useRef<HTMLDivElement>(null);
  const list = useInfiniteQuery(eventListQuery(engine, filters));
  const items = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  const loading = list.isPending;

  useEffect(() => {
    const timer = setTimeout(() => setFilters((current) => ({ ...current, q: search.trim() || undefined })), 300);
    return () => clearTimeout(timer);
  }, [search]);

  useEffect(() => writeLogAddress({ filters, event: selected }), [filters, selected]);
  // A link to another event or filter (a held delivery's "waiting behind …") changes the address while here.
  useEffect(() => {
    const follow = () => {
      const address = readLogAddress();
      setFilters(address.filters);
      setSearch(address.filters.q ?? '');
      setSelected(address.event);
    };
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);

  const virtualizer = useVirtualizer({
    count: items.length + (list.hasNextPage ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
  });
  const virtualRows = virtualizer.getVirtualItems();
  const lastIndex = virtualRows.at(-1)?.index ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= items.length - PREFETCH_ROWS) void fetchNextPage();
  }, [lastIndex, hasNextPage, isFetchingNextPage, items.length, fetchNextPage]);

  // The names of the sources and destinations this page has listed: one deleted meanwhile is named by it.
  const seenNames = useRef(new Map<string, string>());
  for (const known of [...sources, ...destinations]) seenNames.current.set(known.id, known.name);

  // A source deleted before this page listed it (a bookmark) cannot be named: its events no longer carry its id (they
  // keep the name they came with), so the engine cannot tell its name either. Said so, not left as a bare "deleted".
  const goneSource = { name: goneName(filters.sourceId, seenNames.current, items), label: t('log.deletedSource') };
  const goneDestination = {
    name: goneName(filters.destinationId, seenNames.current),
    label: t('log.deletedDestination'),
  };
  const named = (id: string, known: { id: string; name: string }[], gone: typeof goneSource) =>
    known.find((item) => item.id === id)?.name ??
    (gone.name === null ? gone.label : t('log.deletedNamed', { name: gone.name }));
  // Kept when the page is left and said over the list, so a short list is never read as all there is.
  const filtersOn = [
    filters.status &&
      `${t('log.status')}: ${t(`log.statusFilter.${filters.status}`, { context: filters.destinationId ? 'there' : undefined })}`,
    filters.sourceId && `${t('log.source')}: ${named(filters.sourceId, sources, goneSource)}`,
    filters.destinationId && `${t('log.destination')}: ${named(filters.destinationId, destinations, goneDestination)}`,
    filters.type && `${t('log.type')}: ${typeName(filters.type)}`,
    filters.q && `${t('log.search')}: “${filters.q}”`,
  ].filter((part): part is string => !!part);

  const set = (patch: Filters) => setFilters((current) => ({ ...current, ...patch }));
  const shownTypes = useMemo(() => [...new Set(items.map((item) => item.type))], [items]);

  return (
    <section aria-labelledby="log-title" className="log">
      <h2 id="log-title">{t('nav.log')}</h2>
      <form
        className="filters"
        role="search"
        aria-label={t('log.filters')}
        onSubmit={(event) => event.preventDefault()}
      >
        <label>
          {t('log.status')}
          <select
            value={filters.status ?? ''}
            onChange={(event) => set({ status: (event.target.value || undefined) as Filters['status'] })}
          >
            <option value="">{t('common.all')}</option>
            {/* Each badge's word finds it; with a destination chosen, the state of the delivery there. */}
            {(filters.destinationId ? deliveryFilterStatuses : eventFilterStatuses).map((status) => (
              <option key={status} value={status}>
                {t(`log.statusFilter.${status}`, { context: filters.destinationId ? 'there' : undefined })}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('log.source')}
          <select
            value={filters.sourceId ?? ''}
            onChange={(event) => set({ sourceId: event.target.value || undefined })}
          >
            <option value="">{t('common.all')}</option>
            <GoneOption id={filters.sourceId} known={sources} {...goneSource} />
            {sources.map((source) => (
              <option key={source.id} value={source.id}>
                {source.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('log.destination')}
          <select
            value={filters.destinationId ?? ''}
            onChange={(event) => {
              const destinationId = event.target.value || undefined;
              // A destination's deliveries have no "delivered in part": a choice it does not offer is let go.
              const offered =
                !destinationId || (deliveryFilterStatuses as readonly string[]).includes(filters.status ?? '');
              set({ destinationId, ...(offered ? {} : { status: undefined }) });
            }}
          >
            <option value="">{t('common.all')}</option>
            <GoneOption id={filters.destinationId} known={destinations} {...goneDestination} />
            {destinations.map((destination) => (
              <option key={destination.id} value={destination.id}>
                {destination.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('log.type')}
          <EventTypeSelect
            value={filters.type}
            onChange={(type) => set({ type })}
            catalog={catalog ?? []}
            sourceKinds={sources.map((source) => source.kind)}
            seen={shownTypes}
          />
        </label>
        <label className="grow">
          {t('log.search')}
          <input
            type="search"
            placeholder={t('log.searchPlaceholder')}
            value={search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </label>
      </form>
      <FiltersOn
        parts={filtersOn}
        onClear={() => {
          setFilters({});
          setSearch('');
        }}
      />
      <div className="log-head" aria-hidden="true">
        <span>{t('log.time')}</span>
        <span>{t('log.status')}</span>
        <span>{t('log.source')}</span>
        <span>{t('log.summary')}</span>
      </div>
      {list.error && <ReadError error={list.error} />}
      {(!connected || list.isError) && items.length > 0 && <LastRead at={list.dataUpdatedAt} />}
      <div ref={scroller} className="log-rows" data-testid="log-rows" role="list" aria-busy={loading}>
        {/* Not read is not empty: "no events yet" stood under "Hookferry is not running". */}
        {!loading && !list.isError && items.length === 0 && (
          <p className="hint empty">{Object.values(filters).some(Boolean) ? t('log.noMatch') : t('log.empty')}</p>
        )}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualRows.map((row) => {
            const item = items[row.index];
            return (
              <div
                key={row.key}
                role="listitem"
                className="log-row-slot"
                style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
              >
                {item ? (
                  <button
                    type="button"
                    className={`log-row status-${item.status}`}
                    data-testid="log-row"
                    onClick={() => setSelected(item.id)}
                  >
                    <span className="time">{formatTime(item.receivedAt, i18n.language)}</span>
                    {/* A test says so whichever way it went: a failed one is put aside as discarded (never a failed
                        order, no order dropped), and one that went through is no order delivered. */}
                    {/* Named as the Overview counts it: failed at one destination and delivered to another is
                        "delivered in part", not "failed", though it waits in Failed and the Failed filter lists it. */}
                    {/* Held in an ordered line behind another event, or by a pause, it is not being sent: it
                        waits, whatever its other deliveries did (failed at one, it is still not on its way). */}
                    <StatusBadge
                      status={item.outcome}
                      {...(item.heldBehind
                        ? { label: t('log.waitsBehind'), title: t('log.waitsBehindTitle') }
                        : item.waitsPaused
                          ? { label: t('log.waitsPaused'), title: t('log.waitsPausedTitle') }
                          : testBadge(item, t))}
                    />
                    {/* Cut short in its column: the whole name shows on hover. */}
                    <span className="source" title={item.sourceName ?? undefined}>
                      {item.sourceName ?? '—'}
                    </span>
                    {/* Cut short on a narrow window: the whole summary shows on hover. */}
                    <span className="summary" title={`${summaryOf(item)} (${item.type})`}>
                      {/* A test event's name already says test: the badge marks the others ("Test Test event"). */}
                      {item.test && item.type !== TEST_EVENT_TYPE && (
                        <span className="badge badge-test">{t('log.test')}</span>
                      )}{' '}
                      {summaryOf(item)}
                    </span>
                  </button>
                ) : (
                  <span className="hint">{t('log.loadMore')}</span>
                )}
              </div>
            );
          })}
        </div>
      </div>
      {selected && <EventDrawer eventId={selected} onClose={() => setSelected(null)} />}
    </section>
  );
}

/**
 * The filter's choice when what it names was deleted (in another tab, or a bookmarked address): without it the select
 * fell back to showing "All" while the list stayed filtered by it. Named when its name is known (`name`), else said
 * to be deleted (`label`).
 */
function GoneOption({
  id,
  known,
  name,
  label,
}: {
  id: string | undefined;
  known: { id: string }[];
  name: string | null;
  label: string;
}) {
  const { t } = useTranslation();
  if (!id || known.some((item) => item.id === id)) return null;
  return <option value={id}>{name === null ? label : t('log.deletedNamed', { name })}</option>;
}

/**
 * A deleted source's or destination's name: as this page last listed it, or (a source, from a bookmark) as its events
 * keep it.
 */
function goneName(id: string | undefined, seen: Map<string, string>, items: EventListItem[] = []): string | null {
  if (!id) return null;
  return seen.get(id) ?? items.find((item) => item.sourceId === id && item.sourceName)?.sourceName ?? null;
}
