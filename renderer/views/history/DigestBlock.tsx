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
import { entryWhen, whatText, whoText } from './words';

/** Entries shown before the rest fold behind "and N more". */
const FOLDED_COUNT = 3;

/** Stands for `{who}` while the sentence is split around it. */
const WHO = '\u0000';

function DigestEntry({ entry, now }: { entry: HistoryEntry; now: number }) {
  const { i18n, fleet, navigation, t } = useStore();
  const texts = i18n.value;
  const who = whoText(texts, entry);
  const what = whatText(texts, entry);
  const when = entryWhen(texts, entry, now, true);
  if (who === null) return <li>{`${what} ${when}`}</li>;
  const [before = '', after = ''] = t('history.entry', { who: WHO, what, when }).split(WHO);
  // A server still in the list is a way to its detail; an account, or a server gone, is just named.
  const key = entry.kind === 'account' || entry.kind === 'gap' ? null : refKey(entry.ref);
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
  const [digest, setDigest] = useState(history.digest);
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
  if (!digest || digest.entries.length === 0) return null;
  const now = Date.now();
  // Folding away a single entry would save nothing: "and 1 more" takes its line.
  const fold = !unfolded && digest.entries.length > FOLDED_COUNT + 1;
  const entries = fold ? digest.entries.slice(0, FOLDED_COUNT) : digest.entries;
  const folded = digest.entries.length - entries.length;
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
        {entries.map((entry, index) => (
          <DigestEntry key={`${entry.kind}:${entry.at}:${index}`} entry={entry} now={now} />
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
