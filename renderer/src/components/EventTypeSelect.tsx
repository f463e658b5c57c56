import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SenderCatalogEntry, SourceKind } from '../../../main/api/contract';
import { useEventTypeName } from '../lib/event-type-name';
import { useLanguage } from '../lib/language';

/**
 * The live log's event type filter: a list of names with their system and code beside them ("Teamcrop POS · New
 * order (order.add)"), so the field always shows the name that was picked, and two systems' "New order" read apart;
 * the system first, as a narrow field cuts the end off. The value stays the code, as in the page's address
 * (`?type=order.add`). It offers the events of the systems the shop has a
 * source for (every system's, with generic sources only) and every other type seen while the page was open.
 */
export function EventTypeSelect({
  value,
  onChange,
  catalog,
  sourceKinds,
  seen,
}: {
  value: string | undefined;
  onChange: (type: string | undefined) => void;
  catalog: SenderCatalogEntry[];
  sourceKinds: SourceKind[];
  seen: string[];
}) {
  const { t } = useTranslation();
  const typeName = useEventTypeName();
  const language = useLanguage();
  // Types seen stay offered when a filter hides their rows: otherwise the list would shrink to what is shown.
  // Kept the way React keeps what earlier renders saw: updated during render, only when something is new.
  const [remembered, setRemembered] = useState<ReadonlySet<string>>(new Set());
  const news = (value ? [...seen, value] : seen).filter((type) => !remembered.has(type));
  if (news.length > 0) setRemembered(new Set([...remembered, ...news]));

  const listing = catalog.filter((sender) => sender.groups.some((group) => group.events.length > 0));
  const senders = listing.some((sender) => sourceKinds.includes(sender.kind))
    ? listing.filter((sender) => sourceKinds.includes(sender.kind))
    : listing;
  const listed = new Set(senders.flatMap((sender) => sender.groups.flatMap((group) => group.events)));
  const others = [...new Set([...remembered, ...news])].filter((type) => !listed.has(type)).sort();
  // Several systems name a type alike (Teamcrop's order.add and WooCommerce's order.created are both "New order"):
  // each option says whose it is, as the closed field shows one option without its group.
  const systemOf = new Map<string, string>();
  for (const sender of listing)
    for (const type of sender.groups.flatMap((group) => group.events))
      if (!systemOf.has(type)) systemOf.set(type, sender.label[language]);
  const label = (type: string) => {
    const name = typeName(type);
    if (name === type) return type;
    const system = systemOf.get(type);
    return system ? t('log.typeFrom', { name, system, code: type }) : `${name} (${type})`;
  };

  return (
    <select className="event-type" value={value ?? ''} onChange={(event) => onChange(event.target.value || undefined)}>
      <option value="">{t('common.all')}</option>
      {senders.map((sender) => (
        <optgroup key={sender.kind} label={sender.label[language]}>
          {[...new Set(sender.groups.flatMap((group) => group.events))].map((type) => (
            <option key={type} value={type}>
              {label(type)}
            </option>
          ))}
        </optgroup>
      ))}
      {others.length > 0 && (
        <optgroup label={t('log.otherTypes')}>
          {others.map((type) => (
            <option key={type} value={type}>
              {label(type)}
            </option>
          ))}
        </optgroup>
      )}
    </select>
  );
}
