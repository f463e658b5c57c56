/** What the desktop shell's preload exposes (types only; the renderer never sees Electron). */
interface HookferryDesktop {
  engine(): Promise<{ adminUrl: string; adminToken: string }>;
}

interface Window {
  hookferry?: HookferryDesktop;
}
