/** What the desktop shell's preload exposes (types only; the renderer never sees Electron). */
import type { DesktopApi } from '../../main/api/desktop';

declare global {
  interface Window {
    hookferry?: DesktopApi;
  }
}
