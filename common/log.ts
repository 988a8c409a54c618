/** How serious a log line is. */
export type LogLevel = 'info' | 'warn' | 'error';

/** Where the app writes a log line. Messages never carry the token (the core redacts them first). */
export type Log = (level: LogLevel, message: string) => void;
