/**
 * Words about a text itself rather than about an event: the mark a text cut to its bound ends with
 * (lib/bounded-text.ts), said again in the merchant's language wherever a reason quotes such a text.
 */
export const textReasons = {
  en: {
    'text.cut': '… [{{chars}} more characters cut]',
  },
  vi: {
    'text.cut': '… [đã cắt bớt {{chars}} ký tự]',
  },
} as const;
