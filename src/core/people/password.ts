import { hash, verify } from '@node-rs/argon2'

// argon2id with the library's defaults (19 MiB, 2 passes, 1 lane: OWASP's recommended minimum);
// the parameters travel inside each hash, so raising them later still verifies older hashes.

/** A password's argon2id hash, salted, in the PHC string format. */
export const hashPassword = (password: string): Promise<string> => hash(password)

/** Whether `password` is the one `stored` was made from; false for a hash that is not one. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}
