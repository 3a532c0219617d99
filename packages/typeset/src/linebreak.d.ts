// linebreak ships no types (fontkit's come from @types/fontkit): only what this package calls.

declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    nextBreak(): { position: number; required: boolean } | null;
  }
}
