const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML (and inline SVG) content and for quoted attribute values. Every string that came
 * from a history passes through here: ids are restricted today, but a report must stay safe to open
 * whatever a future schema or a forged file lets through.
 */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
