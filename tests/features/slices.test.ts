// The router's table is joined from the features' slices: each channel must come from exactly one.
import { describe, expect, it } from 'vitest';
import { InvokeChannel } from '../../common/contract';
import { alertsValidators } from '../../main/features/alerts';
import { appValidators } from '../../main/features/app';
import { authValidators } from '../../main/features/auth';
import { popupViewValidators } from '../../main/features/popup-view';
import { powerValidators } from '../../main/features/power';
import { serversValidators } from '../../main/features/servers';
import { settingsValidators } from '../../main/features/settings';
import { shortcutValidators } from '../../main/features/shortcut';
import { updatesValidators } from '../../main/features/updates';
import { diagnosticsValidators } from '../../main/features/diagnostics';
import { historyValidators } from '../../main/features/history';

describe('feature slices', () => {
  it('every channel’s payload check comes from exactly one feature', () => {
    const slices = [
      appValidators,
      popupViewValidators,
      authValidators,
      serversValidators,
      powerValidators,
      settingsValidators,
      shortcutValidators,
      updatesValidators,
      diagnosticsValidators,
      alertsValidators,
      historyValidators,
    ];
    const channels = slices.flatMap((slice) => Object.keys(slice));
    expect(channels.toSorted()).toEqual(Object.values(InvokeChannel).toSorted());
  });
});
