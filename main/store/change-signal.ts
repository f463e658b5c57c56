/** The listeners a store tells after each change to what it holds (the queue, the live stream). */
export class ChangeSignal {
  private readonly listeners = new Set<() => void>();

  on(listener: () => void): void {
    this.listeners.add(listener);
  }

  emit(): void {
    for (const listener of this.listeners) listener();
  }
}
