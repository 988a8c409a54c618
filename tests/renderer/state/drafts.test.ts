// Drafts alone, without a DOM: which account a key belongs to, and which drafts go when.
import { describe, expect, it } from 'vitest';
import { createDrafts, draftAccount, draftKey } from '../../../renderer/state/drafts';
import { createLocalStore, createMemoryStorage } from '../../../renderer/state/local';

function setUp() {
  const storage = createMemoryStorage();
  const drafts = createDrafts(createLocalStore(storage));
  for (const key of [
    draftKey.create('a'),
    draftKey.edit('a:1'),
    draftKey.edit('a:2'),
    draftKey.create('b'),
    draftKey.edit('b:1'),
  ])
    drafts.keep(key, { name: key });
  drafts.keep('notices:dismissed', ['settings-reset:/x']);
  const kept = () =>
    [draftKey.create('a'), draftKey.edit('a:1'), draftKey.edit('a:2'), draftKey.create('b'), draftKey.edit('b:1')]
      .filter((key) => drafts.read(key) !== undefined)
      .concat(drafts.read('notices:dismissed') === undefined ? [] : ['notices:dismissed']);
  return { drafts, kept };
}

describe('drafts', () => {
  it('knows the account of a draft key (server keys are account:id), and of nothing else', () => {
    expect(draftAccount(draftKey.create('acct'))).toBe('acct');
    expect(draftAccount(draftKey.edit('acct:42'))).toBe('acct');
    expect(draftAccount('notices:dismissed')).toBeUndefined();
  });

  it('signing in to one account drops the drafts of the others, and only drafts', () => {
    const { drafts, kept } = setUp();
    drafts.dropOtherAccounts('a');
    expect(kept()).toEqual(['draft:create:a', 'draft:edit:a:1', 'draft:edit:a:2', 'notices:dismissed']);
    drafts.dropAllAccounts();
    expect(kept()).toEqual(['notices:dismissed']);
  });

  it('a full list drops the edit drafts of its account’s servers that are gone', () => {
    const { drafts, kept } = setUp();
    drafts.dropEditsOfGoneServers('a', (serverKey) => serverKey === 'a:1');
    expect(kept()).toEqual([
      'draft:create:a',
      'draft:edit:a:1',
      'draft:create:b',
      'draft:edit:b:1',
      'notices:dismissed',
    ]);
    drafts.dropEdits(['b:1']);
    expect(kept()).toEqual(['draft:create:a', 'draft:edit:a:1', 'draft:create:b', 'notices:dismissed']);
  });
});
