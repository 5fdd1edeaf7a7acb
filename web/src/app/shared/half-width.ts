/** Full-width ASCII forms (U+FF01–U+FF5E, typed with a Chinese IME) and the ideographic space become plain ASCII. */
export function toHalfWidth(value: string): string {
  return value
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}
