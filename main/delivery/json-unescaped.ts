/**
 * A text read as the inside of a JSON string (`\"`, `\\`, `\/`, `\n`, `\u00e9`, …), with where each character it
 * reads as came from: a secret a receiver echoes in JSON is found in `text`, and `from` says which stretch of the
 * original to hide. `from[i]` is where the escape or character read as `text[i]` starts; `from[text.length]` is
 * where reading stopped: the original's end, or an escape cut short there (the text was cut inside it).
 */
export interface Unescaped {
  text: string;
  from: number[];
}

const SIMPLE: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const HEX4 = /^[0-9a-fA-F]{4}$/;

/**
 * Any encoder's escapes read (JSON.stringify's, PHP's `\/` and `\u00e9`, Go's `\u0026`): a backslash that starts none
 * is kept as it is, as the character it is.
 */
export function unescaped(original: string): Unescaped {
  let text = '';
  const from: number[] = [];
  let at = 0;
  while (at < original.length) {
    const start = at;
    if (original[at] !== '\\') {
      text += original[at++];
    } else if (at + 1 === original.length) {
      break;
    } else if (original[at + 1] === 'u') {
      const hex = original.slice(at + 2, at + 6);
      if (HEX4.test(hex)) {
        text += String.fromCharCode(parseInt(hex, 16));
        at += 6;
      } else if (at + 6 > original.length && /^[0-9a-fA-F]*$/.test(hex)) {
        break;
      } else {
        text += original[at++];
      }
    } else {
      const simple = SIMPLE[original[at + 1]!];
      text += simple ?? original[at];
      at += simple === undefined ? 1 : 2;
    }
    from.push(start);
  }
  from.push(at);
  return { text, from };
}
