import { scrypt } from "node:crypto";
import type { ScryptFn } from "../domain/auth/password.ts";

/**
 * Node's native scrypt runs on the libuv thread pool, so a login no longer blocks every
 * other request for ~0.8 s as the pure-JavaScript version did. Same algorithm, same hashes.
 */
export const nativeScrypt: ScryptFn = (password, salt, { N, r, p, dkLen }) =>
  new Promise((resolve, reject) => {
    // OpenSSL refuses unless maxmem covers 128·N·r (plus the p·r blocks); give it headroom.
    const maxmem = 256 * N * r + 128 * p * r + 1024 * 1024;
    scrypt(password, salt, dkLen, { N, r, p, maxmem }, (err, key) => (err ? reject(err) : resolve(new Uint8Array(key))));
  });
