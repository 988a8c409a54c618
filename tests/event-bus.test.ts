import { describe, expect, it, vi } from 'vitest';
import { createEventBus } from '../main/event-bus';

interface TestEvents {
  ping: number;
  pong: string;
}

describe('event bus', () => {
  it('gives every event to every listener until it unsubscribes', () => {
    const bus = createEventBus<TestEvents>(() => undefined);
    const first: unknown[] = [];
    const second: unknown[] = [];
    bus.subscribe((channel, payload) => void first.push([channel, payload]));
    const unsubscribe = bus.subscribe((channel, payload) => void second.push([channel, payload]));
    bus.emit('ping', 1);
    unsubscribe();
    bus.emit('pong', 'two');
    expect(first).toEqual([
      ['ping', 1],
      ['pong', 'two'],
    ]);
    expect(second).toEqual([['ping', 1]]);
  });

  it('reports a listener that throws and still gives the event to the others', () => {
    const onListenerError = vi.fn<(channel: string, error: unknown) => void>();
    const bus = createEventBus<TestEvents>(onListenerError);
    const failure = new Error('listener broke');
    const heard: number[] = [];
    bus.subscribe(() => {
      throw failure;
    });
    bus.subscribe((channel, payload) => void (channel === 'ping' && heard.push(payload as number)));
    expect(() => bus.emit('ping', 7)).not.toThrow();
    expect(heard).toEqual([7]);
    expect(onListenerError).toHaveBeenCalledWith('ping', failure);
  });
});
