import { createContext, useContext } from 'react';
import type { Engine } from './lib/engine';

export interface AppState {
  engine: Engine;
  /** Shows a sentence to the merchant (errors and confirmations). */
  say: (text: string, tone?: 'info' | 'error') => void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp outside the app');
  return state;
}

/** Runs an action and shows its error as a sentence instead of failing silently. */
export function useAction() {
  const { say } = useApp();
  return async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await action();
    } catch (error) {
      say((error as Error).message, 'error');
      return undefined;
    }
  };
}
