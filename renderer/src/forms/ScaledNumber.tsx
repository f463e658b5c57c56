import { useController } from 'react-hook-form';
import { useErrorIdOf } from './FieldError';

/** A number the engine keeps in a small unit (milliseconds, bytes), shown in the one a merchant thinks in. */
export function ScaledNumber({ name, scale, min, max }: { name: string; scale: number; min?: number; max?: number }) {
  const {
    field: { ref, value: stored, onBlur, onChange },
  } = useController<Record<string, number | undefined>>({ name });
  const errorIdOf = useErrorIdOf();
  // Six significant digits: 100 ms in minutes reads 0.00166667, not 0.0016666666666666668, and nothing a person types is cut.
  const value = typeof stored === 'number' && !Number.isNaN(stored) ? Number((stored / scale).toPrecision(6)) : '';
  return (
    <input
      ref={ref}
      name={name}
      type="number"
      step="any"
      min={min}
      max={max}
      value={value}
      aria-describedby={errorIdOf(name)}
      onBlur={onBlur}
      onChange={(event) =>
        onChange(event.target.value === '' ? undefined : Math.round(Number(event.target.value) * scale))
      }
    />
  );
}
