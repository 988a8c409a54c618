import { useEffect, useRef } from 'preact/hooks';
import { useStore } from './use-store';

/** While `active`, Escape calls `close` before anything further out (views, the popup). */
export function useEscapeLayer(active: boolean, close: () => void): void {
  const { navigation } = useStore();
  const closeRef = useRef(close);
  closeRef.current = close;
  useEffect(() => (active ? navigation.pushEscapeLayer(() => closeRef.current()) : undefined), [active, navigation]);
}
