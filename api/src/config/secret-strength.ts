/**
 * Is a token-signing secret strong enough for production? At least 32 random bytes: 43+ base64
 * characters or 64 hex characters, and not low-entropy text (repeated characters or a repeated
 * word). The entropy is estimated from the secret's own character frequencies, which a random
 * secret passes with a wide margin (`openssl rand -base64 48`: ≈ 340 bits) and typed text does not.
 * Returns why the secret is weak, or null.
 */
export const MIN_SECRET_BITS = 160;

export function weakSecretReason(secret: string): string | null {
  if (/^[0-9a-f]+$/i.test(secret) && secret.length < 64) {
    return `it is ${secret.length} hex characters; 32 random bytes are 64`;
  }
  if (secret.length < 43)
    return `it is ${secret.length} character${secret.length === 1 ? '' : 's'}; 32 random bytes are at least 43 in base64`;
  if (shortestPeriod(secret) <= secret.length / 2) return 'it repeats a shorter text';
  const bits = estimatedBits(secret);
  if (bits < MIN_SECRET_BITS) return `it looks low-entropy (about ${Math.round(bits)} bits; random 32 bytes have about 200)`;
  return null;
}

/** length × Shannon entropy of the character distribution. */
function estimatedBits(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const n = [...s].length;
  let perChar = 0;
  for (const c of counts.values()) perChar -= (c / n) * Math.log2(c / n);
  return perChar * n;
}

/** The smallest p with s[i] = s[i + p] for every i (s.length when the text does not repeat). */
function shortestPeriod(s: string): number {
  // Knuth–Morris–Pratt failure function: period = length − longest proper border.
  const fail = new Array<number>(s.length).fill(0);
  for (let i = 1, k = 0; i < s.length; i++) {
    while (k > 0 && s[i] !== s[k]) k = fail[k - 1]!;
    if (s[i] === s[k]) k++;
    fail[i] = k;
  }
  return s.length - (fail[s.length - 1] ?? 0);
}
