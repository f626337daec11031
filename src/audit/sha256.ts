import { hash } from 'node:crypto';

/** The sha256 of a string's UTF-8 bytes, in lower-case hex. One call, no hash object to create and drop. */
export const sha256Hex = (text: string): string => hash('sha256', text, 'hex');
