import { describe, expect, it, vi } from 'vitest';

const clipboard = vi.hoisted(() => ({ writeText: vi.fn<(text: string) => void>() }));
vi.mock('electron', () => ({ clipboard }));

const { setupClipboard } = await import('../../main/desktop/clipboard');

describe('clipboard', () => {
  it('clipboard adapter writes text', () => {
    setupClipboard().writeText('203.0.113.10');
    expect(clipboard.writeText).toHaveBeenCalledWith('203.0.113.10');
  });
});
