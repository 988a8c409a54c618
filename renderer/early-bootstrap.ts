// The popup's one call before its first rows, asked first thing: the entry imports this module before
// any other, so the bootstrap's message leaves before the rest of the popup's code is run, and main
// answers while it runs. The store (state/store.ts) takes the answer. Events main sends meanwhile are
// in that answer already (main reads its state when it answers), and the store subscribes to later ones
// in this same task, before any message can reach the page.
export const earlyBootstrap = window.vps.popup.bootstrap();
