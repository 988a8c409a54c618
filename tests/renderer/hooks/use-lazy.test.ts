// A lazy component's code is fetched once, however many ask for it, and a failed fetch is tried again.
import { describe, expect, it } from 'vitest';
import { lazy } from '../../../renderer/hooks/use-lazy';
import { deferred } from '../fake-bridge';

const Component = () => null;

describe('lazy', () => {
  it('has no component before its code is fetched, and shares one fetch', async () => {
    let fetches = 0;
    const arrival = deferred<typeof Component>();
    const code = lazy(() => {
      fetches++;
      return arrival.promise;
    });
    expect(code.component).toBeNull();
    const first = code.load();
    const second = code.load();
    expect(code.component).toBeNull();
    arrival.resolve(Component);
    expect(await first).toBe(Component);
    expect(await second).toBe(Component);
    expect(code.component).toBe(Component);
    await code.load();
    expect(fetches).toBe(1);
  });

  it('fetches again after a failed fetch', async () => {
    let fetches = 0;
    const code = lazy(async () => {
      fetches++;
      if (fetches === 1) throw new Error('chunk missing');
      return Component;
    });
    await expect(code.load()).rejects.toThrow('chunk missing');
    expect(code.component).toBeNull();
    expect(await code.load()).toBe(Component);
    expect(code.component).toBe(Component);
    expect(fetches).toBe(2);
  });
});
