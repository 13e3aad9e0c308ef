import { customerIdFormatToEnv, type CustomerIdFormat } from "../../../lambda/shared/customer-id";

/**
 * The fixtures' bank issues ids like `c-123`: letters, digits and `-`, case-insensitive. The
 * shipped default (digits only) is tested on its own in customer-identity suites; these fixtures
 * predate it and keep their ids by configuring the format, as a bank with such ids would.
 */
export const FIXTURE_CUSTOMER_ID_FORMAT: CustomerIdFormat = {
  characters: "a-z0-9-",
  minLength: 1,
  maxLength: 32,
  stripLeadingZeros: true,
  letterCase: "lower",
};

/** The environment entry the construct would set for that format. */
export const FIXTURE_CUSTOMER_ID_ENV = {
  CUSTOMER_ID_FORMAT: customerIdFormatToEnv(FIXTURE_CUSTOMER_ID_FORMAT),
};
