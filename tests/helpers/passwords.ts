import { scryptHasher, TEST_PARAMS } from "../../api/domain/auth/password.ts";
import { nativeScrypt } from "../../api/lib/scrypt.node.ts";

/**
 * The production code path at test cost: scrypt with tiny parameters. One test
 * (tests/unit/password.test.ts) checks the production parameters themselves.
 */
export const TEST_PASSWORDS = scryptHasher(TEST_PARAMS, nativeScrypt);
