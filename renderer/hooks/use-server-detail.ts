// One server's detail, fetched for the view that shows it (Detail) or edits it (Edit). An answer that
// arrives after the view moved on (another server, or a newer fetch) is dropped.
import { useEffect, useState } from 'preact/hooks';
import type { IpcError } from '../../common/contract';
import type { ServerDetail, ServerRef } from '../../common/servers';
import { useStore } from './use-store';

type DetailLoad =
  { state: 'loading' } | { state: 'failed'; error: IpcError } | { state: 'ready'; detail: ServerDetail };

export interface ServerDetailHandle {
  load: DetailLoad;
  /** Fetches again (Retry). */
  reload(): void;
  /** A newer detail arrived another way (the answer to a rename). */
  replace(detail: ServerDetail): void;
}

/**
 * Fetches the detail of `serverRef`, again whenever one of `refetchOn` changes (Detail passes the
 * server's live status and update time, so it follows actions).
 */
export function useServerDetail(serverRef: ServerRef, refetchOn: readonly unknown[] = []): ServerDetailHandle {
  const { servers } = useStore();
  const [load, setLoad] = useState<DetailLoad>({ state: 'loading' });
  const [reloadCount, setReloadCount] = useState(0);

  useEffect(() => {
    let current = true;
    void servers.loadDetail(serverRef).then((result) => {
      if (!current) return;
      setLoad(result.ok ? { state: 'ready', detail: result.value } : { state: 'failed', error: result.error });
    });
    return () => {
      current = false;
    };
    // The ref's fields, not its identity, name the server.
  }, [serverRef.accountId, serverRef.id, reloadCount, servers, ...refetchOn]);

  return {
    load,
    reload: () => setReloadCount((count) => count + 1),
    replace: (detail) => setLoad({ state: 'ready', detail }),
  };
}
