// Minimal typings for the part of jsdom 26 the bench uses (@types/jsdom is not installed; adding it would touch the
// shared package.json for two signatures).
declare module 'jsdom' {
  export class VirtualConsole {
    constructor();
  }
  export interface ConstructorOptions {
    url?: string;
    contentType?: string;
    virtualConsole?: VirtualConsole;
  }
  export class JSDOM {
    constructor(html?: string, options?: ConstructorOptions);
    readonly window: Window & typeof globalThis;
  }
}
