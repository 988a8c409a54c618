import { describe, expect, it, vi } from 'vitest';
import { createClipboardPort } from '../../main/desktop/clipboard';

describe('clipboard', () => {
  it('clipboard adapter writes text', () => {
    const clipboard = { writeText: vi.fn<(text: string) => void>() };
    createClipboardPort(clipboard).writeText('203.0.113.10');
    expect(clipboard.writeText).toHaveBeenCalledWith('203.0.113.10');
  });
});
