// The app's settings: one typed schema with defaults. Plain TypeScript + zod, no Electron: the desktop
// edge stores it with electron-store; the IPC router validates changes from the renderer against it.
import { z } from 'zod';
import {
  DEFAULT_API_BASE_URL,
  DEFAULT_CONFIRMATIONS,
  DEFAULT_GLOBAL_SHORTCUT,
  DEFAULT_POLL_INTERVALS,
  LANGUAGES,
  type AccountSetting,
  type Settings,
  type SettingsPatch,
} from '../../common/settings';
import { DEFAULT_HISTORY_KEEP_DAYS, HISTORY_KEEP_DAYS } from '../../common/history';
import { ACCOUNT_LABEL_MAX_LENGTH, describeViolation } from '../../common/rules';
import { checkGlobalShortcut } from '../../common/shortcut';
import type { Exact } from '../../common/type-checks';
import { alertSettingsSchema } from '../alerts/schema';
import type { DeepReadonly } from '../ports';
import { checkApiBaseUrl } from '../api/base-url';

function globalShortcutSchema() {
  return z.string().superRefine((value, context) => {
    const violation = checkGlobalShortcut(value);
    if (violation) context.addIssue({ code: 'custom', message: describeViolation(violation) });
  });
}

const accountSettingSchema = z.object({
  id: z.string().min(1).max(100),
  label: z.string().trim().min(1).max(ACCOUNT_LABEL_MAX_LENGTH),
});

/**
 * The accounts list, read entry by entry: a damaged entry (edited by hand, written by another version)
 * is left out and the others kept, and a repeated id counts once; the file as a whole stays usable.
 */
const accountsSchema = z
  .array(z.unknown())
  .transform((entries): AccountSetting[] => {
    const accounts: AccountSetting[] = [];
    for (const entry of entries) {
      const parsed = accountSettingSchema.safeParse(entry);
      if (parsed.success && !accounts.some((account) => account.id === parsed.data.id)) accounts.push(parsed.data);
    }
    return accounts;
  })
  .default([]);

export const settingsSchema = z.object({
  apiBaseUrl: z
    .url({ protocol: /^https?$/ })
    // The same rule as the client's: the token must not cross the network over plain http.
    .refine((address) => checkApiBaseUrl(address) === null, {
      message: 'The API address must use https:// (plain http only for 127.0.0.1 or [::1]).',
    })
    .default(DEFAULT_API_BASE_URL),
  /** The token accounts ({id, label}); their tokens are in the vault. */
  accounts: accountsSchema,
  pollIntervals: z
    .object({
      /** While nothing is happening and the popup is closed. */
      idleSeconds: z.number().int().min(15).max(3600).default(DEFAULT_POLL_INTERVALS.idleSeconds),
      /** While the popup is open. */
      openSeconds: z.number().int().min(5).max(600).default(DEFAULT_POLL_INTERVALS.openSeconds),
      /** While a server is in a transitional state or an action is tracked. */
      fastSeconds: z.number().int().min(1).max(30).default(DEFAULT_POLL_INTERVALS.fastSeconds),
    })
    .default({ ...DEFAULT_POLL_INTERVALS }),
  /** Ask before sending these actions (inline confirm in the popup, a dialog from the tray menu). */
  confirmations: z
    .object({
      start: z.boolean().default(DEFAULT_CONFIRMATIONS.start),
      stop: z.boolean().default(DEFAULT_CONFIRMATIONS.stop),
      reboot: z.boolean().default(DEFAULT_CONFIRMATIONS.reboot),
    })
    .default({ ...DEFAULT_CONFIRMATIONS }),
  notifications: z.boolean().default(true),
  launchAtLogin: z.boolean().default(false),
  language: z.enum(LANGUAGES).default('auto'),
  /**
   * Start in demo mode when no token is stored: a first run shows a working tray at once. Leaving the
   * demo turns it off (the user has an account); Try the demo turns it on again.
   */
  demoMode: z.boolean().default(true),
  /** An Electron accelerator that opens the popup from anywhere; '' is off. */
  globalShortcut: globalShortcutSchema().default(DEFAULT_GLOBAL_SHORTCUT),
  /** Check for a new version at start and every few hours, and download it. */
  autoUpdate: z.boolean().default(true),
  /** How many days of history to keep; 0 is off. */
  historyKeepDays: z.union(HISTORY_KEEP_DAYS.map((days) => z.literal(days))).default(DEFAULT_HISTORY_KEEP_DAYS),
  /** The tray tooltip adds the fleet's uptime over 7 days. */
  uptimeInTooltip: z.boolean().default(false),
  alerts: alertSettingsSchema.catch(() => alertSettingsSchema.parse({})),
});

// The schema reads exactly the shape common/settings.ts names (a drift fails the typecheck).
const SCHEMA_MATCHES_TYPE: Exact<z.infer<typeof settingsSchema>, Settings> = true;
void SCHEMA_MATCHES_TYPE;

/** A change from the renderer: any subset, nested groups partial too; never the API address (strict refuses it). */
export const settingsPatchSchema = z
  .object({
    pollIntervals: settingsSchema.shape.pollIntervals.unwrap().partial(),
    confirmations: settingsSchema.shape.confirmations.unwrap().partial(),
    notifications: z.boolean(),
    launchAtLogin: z.boolean(),
    language: z.enum(LANGUAGES),
    demoMode: z.boolean(),
    globalShortcut: globalShortcutSchema(),
    autoUpdate: z.boolean(),
    historyKeepDays: settingsSchema.shape.historyKeepDays.unwrap(),
    uptimeInTooltip: z.boolean(),
  })
  .partial()
  .strict();

const PATCH_SCHEMA_MATCHES_TYPE: Exact<z.infer<typeof settingsPatchSchema>, SettingsPatch> = true;
void PATCH_SCHEMA_MATCHES_TYPE;

export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}

/**
 * What the settings file (or a test's in-memory store) may set: the renderer's patch plus the API
 * address, the accounts (changed by the account channels only) and the alert settings (which the
 * alerts feature changes through its own channels).
 */
export type StoredSettingsPatch = SettingsPatch & Partial<Pick<Settings, 'apiBaseUrl' | 'accounts' | 'alerts'>>;

/** Applies a validated patch; nested groups merge. */
export function applySettingsPatch(current: DeepReadonly<Settings>, patch: StoredSettingsPatch): Settings {
  return settingsSchema.parse({
    ...current,
    ...patch,
    pollIntervals: { ...current.pollIntervals, ...patch.pollIntervals },
    confirmations: { ...current.confirmations, ...patch.confirmations },
  });
}
