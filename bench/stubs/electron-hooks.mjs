// Module hooks for bench/main-import.ts: `electron` becomes a stub whose every export is an inert
// callable (any property, any call gives it back), so the built main bundle evaluates in plain Node.
// `app.whenReady()` then never resolves: what is measured is loading the bundle, not starting the app.
const NAMES = [
  'app',
  'BrowserWindow',
  'Menu',
  'Notification',
  'Tray',
  'clipboard',
  'dialog',
  'ipcMain',
  'nativeImage',
  'powerMonitor',
  'protocol',
  'safeStorage',
  'screen',
  'session',
  'shell',
  'nativeTheme',
  'globalShortcut',
  'contextBridge',
  'ipcRenderer',
];
const source = `
const never = () => new Promise(() => {});
const inert = new Proxy(function () {}, {
  get: (_t, key) => (key === 'then' ? undefined : key === 'whenReady' ? never : inert),
  apply: () => inert,
  construct: () => inert,
});
export default inert;
${NAMES.map((name) => `export const ${name} = inert;`).join('\n')}
`;
const STUB_URL = `data:text/javascript,${encodeURIComponent(source)}`;

export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: STUB_URL, shortCircuit: true };
  return next(specifier, context);
}
