// Minimal types for the part of fontkit used here (the package ships none).
declare module 'fontkit' {
  export interface GlyphRun {
    advanceWidth: number;
    glyphs: { id: number }[];
  }
  export interface Font {
    unitsPerEm: number;
    hasGlyphForCodePoint(codePoint: number): boolean;
    layout(text: string, features?: string[]): GlyphRun;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
