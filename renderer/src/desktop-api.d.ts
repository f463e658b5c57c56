/** What the desktop shell's preload exposes (types only; the renderer never sees Electron). */
interface Window {
  hookferry?: import('../../main/api/desktop').DesktopApi;
}
