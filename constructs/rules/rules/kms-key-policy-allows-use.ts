import { keyUses, type KeyUser } from "../kms-usage";
import { actionMatches, conditionValues, policyStatements, type Statement } from "../stack-view";
import { defineRule } from "../types";

const DEFAULT_ACTIONS = ["kms:Decrypt", "kms:GenerateDataKey"];

/** `secretsmanager.${region}.amazonaws.com` or `connect.amazonaws.com` → `secretsmanager` / `connect`. */
const serviceName = (endpoint: string): string => endpoint.split(".")[0].toLowerCase();

const allowsActions = (s: Statement, needed: readonly string[]): boolean =>
  s.effect === "Allow" &&
  s.notActions.length === 0 &&
  needed.every((action) => s.actions.some((pattern) => actionMatches(pattern, action)));

const isAccountPrincipal = (s: Statement): boolean =>
  s.principal === "*"
    ? conditionValues(s, "kms:CallerAccount") !== undefined
    : (s.principal?.AWS ?? []).length > 0;

function allows(statements: readonly Statement[], user: KeyUser): boolean {
  const needed = user.actions ?? DEFAULT_ACTIONS;
  return statements
    .filter((s) => allowsActions(s, needed))
    .some((s) => {
      const viaServices = conditionValues(s, "kms:ViaService");
      const byVia =
        (user.via ?? []).length > 0 &&
        isAccountPrincipal(s) &&
        (viaServices === undefined || viaServices.some((v) => user.via?.includes(serviceName(v))));
      const services = s.principal === "*" ? [] : (s.principal?.Service ?? []);
      const byPrincipal = services.some((v) => user.principal?.includes(serviceName(v)));
      return byVia || byPrincipal;
    });
}

const describeUser = (user: KeyUser): string =>
  [
    ...(user.via ?? []).map((s) => `kms:ViaService ${s}`),
    ...(user.principal ?? []).map((s) => `service principal ${s}`),
  ].join(" or ");

export const rule = defineRule({
  id: "kms-key-policy-allows-use",
  meta: {
    description:
      "Every resource that names a KMS key of the stack is allowed, by that key's policy, to use it through its service",
    fix: "add the service to the key policy (kms:ViaService for the account, or a statement for the service principal)",
  },
  check: (stack) =>
    keyUses(stack).flatMap(({ resource, path, key, user }) => {
      // No parseable inline policy: the default key policy lets the account use the key through IAM.
      const statements = policyStatements(stack.get(key)?.body.policy);
      if (statements === undefined) return [];
      return allows(statements, user)
        ? []
        : [
            {
              address: resource.address,
              message: `${path} names ${key}, whose policy refuses ${(user.actions ?? DEFAULT_ACTIONS).join(", ")} through ${describeUser(user)}`,
            },
          ];
    }),
});
