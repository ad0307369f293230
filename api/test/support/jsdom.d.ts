// The slice of jsdom the sidebar test uses (its own types pull in the DOM library, which changes
// Buffer/Blob typing for every other test).
declare module 'jsdom' {
  export interface SidebarElement {
    getAttribute(name: string): string | null;
    querySelector(selector: string): SidebarElement | null;
    textContent: string | null;
  }
  export interface DomWindow {
    document: { getElementById(id: string): SidebarElement | null };
  }
  export class JSDOM {
    constructor(
      html: string,
      options?: { url?: string; runScripts?: 'dangerously' | 'outside-only'; beforeParse?: (window: object) => void },
    );
    readonly window: DomWindow;
  }
}
