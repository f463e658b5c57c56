import type { ReactNode } from 'react';
import { EXTERNAL_LINKS } from '../../../main/api/desktop';

/**
 * A help page in the browser. The desktop window opens no pages itself, so
 * there the shell is asked to open one of its fixed links by name.
 */
export function ExternalLink({ name, children }: { name: keyof typeof EXTERNAL_LINKS; children: ReactNode }) {
  return (
    <a
      href={EXTERNAL_LINKS[name]}
      target="_blank"
      rel="noreferrer"
      onClick={(event) => {
        if (!window.hookferry) return;
        event.preventDefault();
        void window.hookferry.openLink(name);
      }}
    >
      {children}
    </a>
  );
}
