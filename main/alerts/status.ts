// The status deviation of a server that should run: stopped, suspended, gone, or a status the app does
// not know. A power action or a transitional status starts none; one already hard waits for the outcome.
import type { DeviationKind } from '../../common/alerts';
import type { Expectation } from '../../common/settings';
import { isKnownStatus, type ServerStatus } from '../../common/statuses';
import { condition, endCondition, isBusy, type ServerEvaluation } from './conditions';

function statusDeviation(status: ServerStatus): DeviationKind | null {
  if (status === 'active') return null;
  if (status === 'stopped') return 'stopped';
  if (status === 'suspended') return 'suspended';
  return isKnownStatus(status) ? null : 'unknown-status';
}

export function evaluateStatus(at: ServerEvaluation, expectation: Expectation): void {
  const { entry, observed } = at;
  const current = entry.status;
  if (expectation === 'may-stop') {
    // The user said it may stop: what was a deviation ends without a "back to normal".
    entry.status = null;
    return;
  }
  if (observed && isBusy(observed)) {
    // A reboot or start in progress never starts a deviation; one already hard waits for the outcome.
    if (current && current.hardSince === null) entry.status = null;
    return;
  }
  if (!observed && entry.wasBusy) {
    // Gone while an action was in progress (a delete, whose outcome forgets it): wait one more list.
    entry.wasBusy = false;
    return;
  }
  const kind = observed ? statusDeviation(observed.status) : 'gone';
  if (kind === null) {
    if (current) endCondition(at, current);
    entry.status = null;
  } else if (!current) {
    entry.status = condition(kind, at.now);
  } else if (current.kind !== kind) {
    // Still not running, in another way: the soft clock keeps running; a hard one is told anew.
    entry.status = { ...current, kind, acknowledged: false, notified: false };
  }
}
