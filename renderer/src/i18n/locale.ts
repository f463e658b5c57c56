/** The locale for dates and numbers: Vietnamese formats 936.200 ₫ and 22/11/2026. */
export function localeOf(language: string): string {
  return language === 'vi' ? 'vi-VN' : 'en-GB';
}
