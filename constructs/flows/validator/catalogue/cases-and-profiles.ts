import { getPath } from "../values";
import { NO_MATCHING_ERROR, type ActionTable, type ErrorSpec } from "./spec";

/**
 * Cases and Customer Profiles blocks, from their flow-language pages (CreateCase, GetCase,
 * CreateCustomerProfile, GetCustomerProfile). Both pages say the blocks work in every flow type
 * and on every channel, so no row restricts flowTypes.
 */

const TRUE_FALSE = ["true", "false"];
/** ContactNotLinked: "If you specify to link the contact to case, then this error branch will appear." */
const linksContact = (p: Readonly<Record<string, unknown>>): boolean => p["LinkContactToCase"] === "true";
const caseErrors =
  (...found: readonly string[]) =>
  (p: Readonly<Record<string, unknown>>): ErrorSpec => ({
    allowed: [...(linksContact(p) ? ["ContactNotLinked"] : []), ...found, "NoMatchingError"],
  });
const REQUEST = "ProfileRequestData";

export const CASE_AND_PROFILE_ACTIONS: ActionTable = {
  CreateCase: {
    required: ["CaseTemplateId"],
    enums: { LinkContactToCase: TRUE_FALSE },
    errors: caseErrors(),
    conditions: "none",
  },
  GetCase: {
    enums: { LinkContactToCase: TRUE_FALSE, GetLastUpdatedCase: TRUE_FALSE },
    errors: caseErrors("MultipleFound", "NoneFound"),
    conditions: "none",
  },
  CreateCustomerProfile: {
    // Every profile field is optional (the page): an empty request creates an empty profile.
    errors: NO_MATCHING_ERROR,
    conditions: "none",
  },
  GetCustomerProfile: {
    required: [REQUEST],
    // One identifier, or several combined with a LogicalOperator; never both forms at once.
    atMostOne: [[`${REQUEST}.IdentifierName`, `${REQUEST}.SearchCriteria`]],
    requiredWhen: [
      {
        param: `${REQUEST}.IdentifierValue`,
        when: (p) => getPath(p, `${REQUEST}.IdentifierName`) !== undefined,
        because: "IdentifierName needs the value to search for",
      },
      {
        param: `${REQUEST}.LogicalOperator`,
        when: (p) => getPath(p, `${REQUEST}.SearchCriteria`) !== undefined,
        because: "SearchCriteria combines several identifiers with AND or OR",
      },
    ],
    enums: { [`${REQUEST}.LogicalOperator`]: ["AND", "OR"] },
    errors: { allowed: ["MultipleFoundError", "NoneFoundError", "NoMatchingError"] },
    conditions: "none",
  },
};
