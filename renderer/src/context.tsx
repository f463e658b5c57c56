import { createContext, useCallback, useContext, useState } from 'react';
import { ApiCallError } from '../../main/api/client';
import type { Reason, Settings } from '../../main/api/contract';
import type { Engine } from './lib/engine';
import { useErrorText } from './lib/errors';

export type Appearance = Pick<Settings, 'language' | 'theme'>;

/** An engine's reason, said in whatever language is chosen when it is shown (it may change while it is up). */
export interface Said {
  reason: Reason;
  english: string;
  cause: Reason | null;
}

export interface AppState {
  engine: Engine;
  /**
   * Whether the engine answers now (its live stream is up). While it does not, what a page shows is what it last
   * read, and a page says so instead of stating it as now.
   */
  connected: boolean;
  /** Shows a sentence to the merchant (errors and confirmations). */
  say: (text: string | Said, tone?: 'info' | 'error') => void;
  /**
   * Takes down what an action said (not the engine's notices): a new attempt is not judged by the last one's error.
   * Given `text`, only while that is still what is shown: a later sentence stays.
   */
  unsayAction: (text?: string) => void;
  /** Shows a language and theme before they are saved; null goes back to the saved ones. */
  previewAppearance: (appearance: Appearance | null) => void;
}

export const AppContext = createContext<AppState | null>(null);

export function useApp(): AppState {
  const state = useContext(AppContext);
  if (!state) throw new Error('useApp outside the app');
  return state;
}

/**
 * Runs an action and shows its error as a sentence instead of failing silently. `onFields` may take an
 * error about fields (then shown beside them); it answers whether it did.
 *
 * What the page's last action said goes as this one starts: its outcome (done, refused beside a field, or its own
 * error) is what the page says now. An error kept until closed stood over later saves that worked (the ngrok
 * authtoken's, after the own tunnel was saved).
 */
export function useAction(onFields?: (error: unknown) => boolean) {
  const { unsayAction } = useApp();
  const sayError = useSayError();
  return async <T,>(action: () => Promise<T>): Promise<T | undefined> => {
    unsayAction();
    try {
      return await action();
    } catch (error) {
      if (!onFields?.(error)) sayError(error);
      return undefined;
    }
  };
}

/** Says an error whole, in the banner. */
export function useSayError() {
  const { say } = useApp();
  const errorText = useErrorText();
  return useCallback((error: unknown) => say(errorText(error), 'error'), [say, errorText]);
}

/**
 * An action whose error is said under the control pressed, not in the page's banner: at the top of a long page it sat
 * out of sight of the button pressed far below it, which seemed to do nothing. `said` is its last refusal, taken down
 * as the next try starts.
 */
export function useActionSaidHere() {
  const errorText = useErrorText();
  const [said, setSaid] = useState<{ text: string; code: string | null } | null>(null);
  const act = useAction((error) => {
    setSaid({ text: errorText(error), code: error instanceof ApiCallError ? (error.reason?.code ?? null) : null });
    return true;
  });
  const run = <T,>(action: () => Promise<T>) => {
    setSaid(null);
    return act(action);
  };
  /** `saidCode`: the refusal's code, for a page that says one (nothing failed, nothing to do it on) as a hint. */
  return { said: said?.text ?? null, saidCode: said?.code ?? null, act: run };
}
