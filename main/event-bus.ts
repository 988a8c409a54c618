// The core's events (main -> popup, and to the tray): one emitter, any number of listeners. A listener
// that throws is reported and skipped; the others still get the event.

/** A listener to every channel of the event map `M`; emitting has the same shape. */
export type EventListener<M> = <K extends keyof M & string>(channel: K, payload: M[K]) => void;

export interface EventBus<M> {
  emit: EventListener<M>;
  /** Returns unsubscribe. */
  subscribe(listener: EventListener<M>): () => void;
}

export function createEventBus<M>(onListenerError: (channel: string, error: unknown) => void): EventBus<M> {
  const listeners = new Set<EventListener<M>>();
  return {
    emit(channel, payload) {
      for (const listener of listeners) {
        try {
          listener(channel, payload);
        } catch (error) {
          onListenerError(channel, error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
