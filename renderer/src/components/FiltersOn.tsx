import { useTranslation } from 'react-i18next';

/**
 * Over a filtered list: which filters are on, and one button that shows every event again. The live log keeps its
 * filters and search when it is left; back on the page, a short or empty list had only the search box's text to say
 * why.
 */
export function FiltersOn({ parts, onClear }: { parts: string[]; onClear: () => void }) {
  const { t } = useTranslation();
  if (parts.length === 0) return null;
  return (
    <div className="banner warn filters-on" role="status" data-testid="filters-on">
      <span>{t('log.filtersOn', { what: parts.join(' · ') })}</span>
      <button type="button" onClick={onClear}>
        {t('log.showAll')}
      </button>
    </div>
  );
}
