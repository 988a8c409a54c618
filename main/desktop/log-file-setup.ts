// The log file in the platform's log folder (e.g. ~/.config/<app>/logs, ~/Library/Logs/<app>,
// %APPDATA%\<app>\logs), next to the console.
import { app } from 'electron';
import { combineSinks, consoleSink, type LogSink } from '../app-log';
import { createLogFileSink } from './log-file';

export function setupLogFile(): { sink: LogSink; directory: string } {
  const directory = app.getPath('logs');
  const file = createLogFileSink({
    directory,
    onFailure: (error) =>
      console.warn(`[vps-tray] log file in ${directory} unavailable, console only: ${String(error)}`),
  });
  return { sink: combineSinks(consoleSink, file), directory };
}
