import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { canonicalJson } from '../audit/canonical.js';
import type { AnchorSignature, HistoryAnchor } from '../domain/anchor/events.js';

/** The key an anchorer signs checkpoints with: an Ed25519 private key, and the id it is published under. */
export interface AnchorSigner {
  readonly keyId: string;
  /** Held by the anchoring host only (a file, a KMS); it never enters the history. */
  readonly privateKey: KeyObject;
}

/**
 * The bytes an anchor's signature covers: the canonical JSON (RFC 8785) of the checkpoint's ledger, count,
 * digest and heads, with the signature's algorithm and key id, so a signature cannot be moved to another
 * checkpoint or passed off under another key.
 */
export const anchorSignedBytes = (anchor: HistoryAnchor, keyId: string): Buffer =>
  Buffer.from(
    canonicalJson({
      algorithm: 'ed25519',
      keyId,
      ledger: anchor.ledger,
      events: anchor.events,
      digest: anchor.digest,
      heads: anchor.heads,
    }),
    'utf8',
  );

/** Signs a checkpoint with an Ed25519 private key. */
export const signAnchor = (anchor: HistoryAnchor, signer: AnchorSigner): AnchorSignature => ({
  algorithm: 'ed25519',
  keyId: signer.keyId,
  value: sign(null, anchorSignedBytes(anchor, signer.keyId), signer.privateKey).toString('base64'),
});

/** Whether a checkpoint is signed, and if so whether its signature verifies with the public key. */
export const anchorSignatureVerdict = (
  anchor: HistoryAnchor,
  publicKey: KeyObject,
): 'valid' | 'invalid' | 'unsigned' => {
  const { signature } = anchor;
  if (signature === undefined) return 'unsigned';
  try {
    const bytes = anchorSignedBytes(anchor, signature.keyId);
    return verify(null, bytes, publicKey, Buffer.from(signature.value, 'base64')) ? 'valid' : 'invalid';
  } catch {
    // A key of another type, or a value node:crypto refuses: the signature does not verify with this key.
    return 'invalid';
  }
};

/**
 * Reads an Ed25519 public key (PEM `-----BEGIN PUBLIC KEY-----`, as `openssl pkey -pubout` writes it).
 * @throws Error for a file that cannot be read or is not an Ed25519 public key.
 */
export const readAnchorPublicKey = async (file: string): Promise<KeyObject> => {
  const key = createPublicKey(await readFile(file, 'utf8'));
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(`${file} holds a ${String(key.asymmetricKeyType)} key, not an Ed25519 public key`);
  }
  return key;
};
