// The alert settings' runtime schemas, each concept once: an expectation, a threshold, a pause and its
// duration, the hold time. Built from common/settings.ts and common/alerts.ts (the words, fields and
// bounds the popup uses too) and compiled against their types. The settings file reads them tolerantly
// (main/settings/schema.ts); the alerts channels strictly (main/features/alerts.ts).
import { z } from 'zod';
import { PAUSE_DURATIONS, type PauseDuration } from '../../common/alerts';
import {
  DEFAULT_ALERT_SETTINGS,
  EXPECTATIONS,
  HOLD_SECONDS_MAX,
  THRESHOLD_FIELDS,
  THRESHOLD_PERCENT,
  type AlertPause,
  type AlertSettings,
  type AlertThresholds,
  type Expectation,
} from '../../common/settings';
import type { Exact } from '../../common/type-checks';

export const expectationSchema = z.enum(EXPECTATIONS);
export const pauseDurationSchema = z.enum(PAUSE_DURATIONS);
const pauseSchema = z.object({ until: z.number().int().nonnegative().nullable() });
export const holdSecondsSchema = z.number().int().min(0).max(HOLD_SECONDS_MAX);
/** A threshold in percent; null: not watched. */
const thresholdSchema = z.number().min(THRESHOLD_PERCENT.min).max(THRESHOLD_PERCENT.max).nullable();

/** The same schema for each threshold field (the field list is common/settings.ts's). */
function eachThreshold<S extends z.ZodType>(schema: S): Record<(typeof THRESHOLD_FIELDS)[number], S> {
  return Object.fromEntries(THRESHOLD_FIELDS.map((field) => [field, schema])) as Record<
    (typeof THRESHOLD_FIELDS)[number],
    S
  >;
}

const thresholdsSchema = z.object(eachThreshold(thresholdSchema));
/** Some thresholds, none else: a change from the popup (a bad value is refused, not replaced). */
export const thresholdsPatchSchema = thresholdsSchema.partial().strict();

/** A record read entry by entry: an odd entry is dropped, the others kept. */
const recordOf = <T extends z.ZodType>(value: T) =>
  z
    .record(z.string(), z.unknown())
    .catch({})
    .transform((entries) => {
      const kept: Record<string, z.infer<T>> = {};
      for (const [key, entry] of Object.entries(entries)) {
        const parsed = value.safeParse(entry);
        if (parsed.success) kept[key] = parsed.data;
      }
      return kept;
    });

/**
 * Settings written before "pause" was the one word kept pauses as `muteAll` / `serverMutes`: read
 * them when the new keys are missing; the next save writes the new keys only (the schema keeps no other).
 */
function withPauseKeys(stored: unknown): unknown {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return stored;
  const { muteAll, serverMutes, ...rest } = stored as Record<string, unknown>;
  return {
    ...(muteAll === undefined ? {} : { pauseAll: muteAll }),
    ...(serverMutes === undefined ? {} : { serverPauses: serverMutes }),
    ...rest,
  };
}

/**
 * Expected state and alerts as stored. Each field falls back to its default when missing or odd (an
 * alert setting is never worth resetting the whole settings file for).
 */
export const alertSettingsSchema = z.preprocess(
  withPauseKeys,
  z.object({
    holdSeconds: holdSecondsSchema.catch(DEFAULT_ALERT_SETTINGS.holdSeconds),
    thresholds: z.object(eachThreshold(thresholdSchema.catch(null))).catch({ ...DEFAULT_ALERT_SETTINGS.thresholds }),
    expectations: recordOf(expectationSchema),
    serverThresholds: recordOf(thresholdsSchema.partial()),
    pauseAll: pauseSchema.nullable().catch(null),
    serverPauses: recordOf(pauseSchema),
  }),
);

// Each schema reads exactly the type common/ names (a drift fails the typecheck).
const SCHEMAS_MATCH_TYPES: [
  Exact<z.infer<typeof expectationSchema>, Expectation>,
  Exact<z.infer<typeof pauseDurationSchema>, PauseDuration>,
  Exact<z.infer<typeof pauseSchema>, AlertPause>,
  Exact<z.infer<typeof thresholdsSchema>, AlertThresholds>,
  Exact<z.infer<typeof thresholdsPatchSchema>, Partial<AlertThresholds>>,
  Exact<z.infer<typeof alertSettingsSchema>, AlertSettings>,
] = [true, true, true, true, true, true];
void SCHEMAS_MATCH_TYPES;
