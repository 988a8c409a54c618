// "Since you last looked": one compact block at the top of the list, when something happened while the
// popup was closed (web-01 stopped 03:12–03:16 · db-01 rebooted by you 09:40 · …). Asked for after the
// first paint and again each time the popup is shown (the last showing's is gone then); dismissed by its
// close button. A chunk of its own (views/lazy), so it never weighs on the first rows. Each server is a
// button to its detail; the block takes no focus of its own.
import { h } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { HistoryEntry } from '../../../common/history';
import { refKey } from '../../../common/servers';
import { useStore } from '../../hooks/use-store';
import { historyOf } from '../../state/history';
import { entryWhen, groupByWho, whatText, whoText } from './words';

/** Servers (or accounts) shown before the rest fold behind "and N more". */
const FOLDED_COUNT = 3;

/** Stands for `{who}` while the sentence is split around it. */
const WHO = '\u0000';

/** One server's, account's or the app's part of the digest: named once, then what happened to it. */
function DigestEntry({ entries, now }: { entries: readonly HistoryEntry[]; now: number }) {
  const { i18n, fleet, navigation, t } = useStore();
  const texts = i18n.value;
  const first = entries[0]!;
  const who = whoText(texts, first);
  // Oldest first within one server, as a story is told; the servers newest first.
  const what = entries
    .toReversed()
    .map((entry) => `${whatText(texts, entry)} ${entryWhen(texts, entry, now, true)}`)
    .join(', ');
  if (who === null) return <li>{what}</li>;
  const [before = '', after = ''] = t('history.entry', { who: WHO, what }).split(WHO);
  // A server still in the list is a way to its detail; an account, or a server gone, is just named.
  const key = first.kind === 'account' || first.kind === 'gap' ? null : refKey(first.ref);
  const known = key !== null && fleet.find(key) !== undefined;
  return (
    <li>
      {before}
      {known ? (
        <button
          type="button"
          class="link-button"
          aria-label={t('history.open', { name: who })}
          onClick={() => navigation.openDetail(key)}
        >
          {who}
        </button>
      ) : (
        who
      )}
      {after}
    </li>
  );
}

export function DigestBlock() {
  const store = useStore();
  const { t, navigation } = store;
  const history = historyOf(store.historyBridge);
  const shownCount = navigation.shownCount.value;
  const [unfolded, setUnfolded] = useState(false);
  const [digest, setDigest] = useState(() => history.digest());
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => history.onDigest(setDigest), [history]);
  useEffect(() => {
    setUnfolded(false);
    void history.loadDigest(shownCount);
  }, [history, shownCount]);
  // "and N more" is gone once unfolded: focus goes on to the first entry it showed (or the heading).
  useEffect(() => {
    if (!unfolded) return;
    const first = listRef.current?.children[FOLDED_COUNT];
    (first?.querySelector<HTMLElement>('button') ?? document.getElementById('digest-title'))?.focus();
  }, [unfolded]);
  const groups = digest ? groupByWho(digest.entries) : [];
  if (groups.length === 0) return null;
  const now = Date.now();
  // Folding away a single one would save nothing: "and 1 more" takes its line.
  const fold = !unfolded && groups.length > FOLDED_COUNT + 1;
  const shown = fold ? groups.slice(0, FOLDED_COUNT) : groups;
  const folded = groups.length - shown.length;
  return (
    <section class="digest" aria-labelledby="digest-title" data-testid="digest">
      <div class="digest-head">
        <h3 id="digest-title" tabIndex={-1}>
          {t('history.digestTitle')}
        </h3>
        <button
          type="button"
          class="icon-button small"
          aria-label={t('history.dismissDigest')}
          onClick={() => {
            history.dismissDigest();
            // Its button is gone: the keyboard goes on from the search box (ListView's), not from <body>.
            document.getElementById('server-search')?.focus();
          }}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <ul class="digest-entries" ref={listRef}>
        {shown.map((group, index) => (
          <DigestEntry key={`${group[0]!.kind}:${group[0]!.at}:${index}`} entries={group} now={now} />
        ))}
        {folded > 0 && (
          <li>
            <button type="button" class="link-button" onClick={() => setUnfolded(true)}>
              {store.i18n.value.plural('history.more', folded)}
            </button>
          </li>
        )}
      </ul>
    </section>
  );
}
