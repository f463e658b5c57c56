import { useApp } from '../context';
import { useStats } from './queries';

/**
 * When the figures shown were read, while the engine cannot be read now (its stream is down, or their last read
 * failed); null while they are current. Kept without a word, the Overview's counts and "healthy" badges read as now.
 */
export function useStatsLastRead(): number | null {
  const { connected } = useApp();
  const { data, dataUpdatedAt, isError } = useStats();
  return data && (!connected || isError) ? dataUpdatedAt : null;
}
